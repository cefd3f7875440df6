"""The actor registry: states, organisations, companies and people, loaded from data files.

States come from pycountry (codes and official names) supplemented by
``data/actors/countries.yaml`` (the names, adjectives, capitals and seats of
power that news uses). Everything else comes from the curated YAML lists in
``data/actors/``; users add their own files with the same schema, in YAML or
in CSV/TSV (one actor per row, or one row per role; see ``csv_actors``).

Provenance: each actor's ``source`` says where it came from, as
``file:line (how it was made)``, e.g. ``people.yaml:1596 (curated)`` or
``pycountry 26.2.16 + countries.yaml``; a user file that overrides a shipped
actor names the user file.

Loading is cached: the parsed registry is stored (marshal) under the user's cache
folder, keyed by the content of every file read (path, size, mtime) and the
newsgraph and pycountry versions, so a 100,000-actor registry loads in a
fraction of a second after its first use (see bench/actors_bench.py).
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime as dt
import functools
import gc
import hashlib
import io
import marshal
import operator
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import yaml

from ..errors import DataFileError
from ..time import parse_date_value

KINDS = ("state", "government", "company", "organisation", "igo", "person", "group", "media")

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    office: str | None
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    def valid_at(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()  # forms that identify the actor alone (people's famous surnames)
    adjectives: tuple[str, ...] = ()  # states: "Venezuelan"
    demonyms: tuple[str, ...] = ()  # states: "Venezuelans"
    metonyms: tuple[str, ...] = ()  # states: "Caracas", "Miraflores" (mean the government)
    ambiguous: tuple[str, ...] = ()  # surface forms that often mean something else
    roles: tuple[Role, ...] = ()
    parent: str | None = None
    capital: str | None = None
    source: str = ""

    def role_at(self, when: dt.date | None) -> Role | None:
        """The role this actor held on a date (the most recent one starting before it)."""
        if not self.roles or when is None:
            return None
        valid = [r for r in self.roles if r.valid_at(when)]
        if not valid:
            return None
        # Prefer government roles over party/other roles held at the same time.
        valid.sort(key=lambda r: (r.sector == "GOV", r.start or dt.date.min), reverse=True)
        return valid[0]

    def country_sector_at(self, when: dt.date | None) -> tuple[str | None, str | None]:
        role = self.role_at(when)
        if role is not None:
            return role.country or self.country, role.sector or self.sector
        return self.country, self.sector


class AliasEntry(NamedTuple):
    """One surface form of one actor in the alias index."""

    actor_id: str
    surface: str  # the alias as written in the registry
    how: str  # alias | short | adjective | demonym | metonym
    case_sensitive: bool
    ambiguous: bool


_LEAD = re.compile(r"\w+", re.UNICODE)
HOW_PRIORITY = {"alias": 0, "short": 1, "metonym": 2, "adjective": 3, "demonym": 4}


# British and American spellings of words common in organisation names match each other
_SPELLINGS = (("isation", "ization"), ("defence", "defense"), ("centre", "center"), ("labour", "labor"), ("programme", "program"))


@functools.lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Lowercase, strip accents, unify apostrophes and spellings: "Nicolás" = "Nicolas", "Organisation" = "Organization"."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    if not s.isascii():
        s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = s.lower()
    for brit, amer in _SPELLINGS:
        if brit in s:
            s = s.replace(brit, amer)
    return s


@functools.lru_cache(maxsize=200_000)
def lead_key(s: str) -> str | None:
    """The index key of a string: its first run of word characters, lowercased."""
    m = _LEAD.match(s)
    return m.group(0).lower() if m else None


def _is_acronym(alias: str) -> bool:
    if not alias.isupper():  # a lowercase letter, or no cased letter at all: not an acronym (the cheap test first)
        return False
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


# The compiled cache must load 100,000 actors in well under 2 s, and unmarshalling
# millions of small objects is what costs. So each actor is kept as one marshalled
# bytes value (an Actor object is made from it on first access), and each alias-index
# key maps to one string holding its entries, split only when the key is looked up.
_FIELDS = ("id", "name", "kind", "country", "sector", "aliases", "short", "adjectives", "demonyms", "metonyms", "ambiguous", "parent", "capital", "source")
_ENTRY_SEP, _FIELD_SEP = "\x1e", "\x1f"
_FIELD_VALUES = operator.attrgetter(*_FIELDS)


def _ord(d: dt.date | None) -> int | None:
    return d.toordinal() if d else None


def _date(o: int | None) -> dt.date | None:
    return dt.date.fromordinal(o) if o is not None else None


def _pack_roles(roles: tuple[Role, ...]) -> tuple:
    return tuple([(r.title, r.office, r.country, r.sector, _ord(r.start), _ord(r.end)) for r in roles])


def pack(actor: Actor, roles: tuple | None = None) -> bytes:
    """One actor as a marshalled record; ``roles`` is ``_pack_roles(actor.roles)`` if the caller has it already."""
    if roles is None:
        roles = _pack_roles(actor.roles)
    return marshal.dumps((*_FIELD_VALUES(actor), roles))


def unpack(data: bytes) -> Actor:
    rec = marshal.loads(data)
    kw = dict(zip(_FIELDS, rec))
    kw["roles"] = tuple(Role(t, o, c, s, _date(a), _date(b)) for t, o, c, s, a, b in rec[len(_FIELDS)])
    return Actor(**kw)


def _join_entries(entries: Iterable[tuple]) -> str:
    return _ENTRY_SEP.join([f"{e[0]}\x1f{e[1]}\x1f{e[2]}\x1f{'1' if e[3] else ''}\x1f{'1' if e[4] else ''}" for e in entries])


def _how_priority(entry: tuple) -> int:
    return HOW_PRIORITY.get(entry[2], 9)


def split_entries(packed: str | None) -> list[AliasEntry]:
    """The entries of one alias-index key, best first."""
    if not packed:
        return []
    out = []
    for e in packed.split(_ENTRY_SEP):
        a, surface, how, cs, amb = e.split(_FIELD_SEP)
        out.append(AliasEntry(a, surface, how, bool(cs), bool(amb)))
    return out


class ActorTable(Mapping):
    """Actor id -> Actor, made from the packed record on first access."""

    def __init__(self, records: dict[str, bytes]):
        self.records = records
        self._made: dict[str, Actor] = {}

    def __getitem__(self, actor_id: str) -> Actor:
        a = self._made.get(actor_id)
        if a is None:
            a = self._made[actor_id] = unpack(self.records[actor_id])
        return a

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.records

    def __iter__(self):
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)


class Registry:
    """All known actors, with the alias index the resolver matches text against.

    ``folded`` maps every surface form, accent- and case-folded with single
    spaces ("nicolas maduro", "u.s."), to its entries (packed; see
    ``split_entries``), best first; matching looks strings up there, so its
    cost per token does not grow with the number of actors. ``offices`` maps
    "COUNTRY|office" (or "org-id|office") to the dated roles of that office,
    sorted by start, for "who was X's president on D".
    """

    def __init__(self) -> None:
        self.records: dict[str, bytes] = {}
        self.actors = ActorTable(self.records)
        self.folded: dict[str, str] = {}
        self.folded_max: dict[str, int] = {}  # folded lead word -> longest alias starting with it (characters)
        # "VEN|head_of_state" -> (longest finished term in days, finished roles sorted by start, open-ended roles),
        # each role (start ordinal, end ordinal or None, actor id, title)
        self.offices: dict[str, tuple] = {}
        self.office_keys: dict[str, list[str]] = {}  # "VEN" -> its office keys
        self.sources: list[str] = []
        self._pending: dict[str, list[tuple]] = {}
        self._roles_of: dict[str, tuple] = {}  # actor id -> its packed roles, so finish() need not unpack every record

    def __len__(self) -> int:
        return len(self.records)

    def add(self, actor: Actor) -> None:
        if actor.id in self.records:
            raise ValueError(f"duplicate actor id {actor.id!r}")
        roles = _pack_roles(actor.roles)
        self.records[actor.id] = pack(actor, roles)
        self.actors._made[actor.id] = actor
        self._roles_of[actor.id] = roles
        pending = self._pending
        for entry in _entries(actor):
            key = fold(entry[1].lower())
            if key in pending:
                pending[key].append(entry)
            else:
                pending[key] = [entry]

    def remove(self, actor_id: str) -> None:
        actor = self.actors[actor_id]
        del self.records[actor_id]
        self.actors._made.pop(actor_id, None)
        self._roles_of.pop(actor_id, None)
        for entry in _entries(actor):
            key = fold(entry[1].lower())
            if key in self._pending:
                self._pending[key] = [e for e in self._pending[key] if e[0] != actor_id]
            if key in self.folded:
                self.folded[key] = _join_entries(e for e in split_entries(self.folded[key]) if e.actor_id != actor_id)

    def finish(self) -> Registry:
        folded = self.folded
        for key, entries in self._pending.items():
            if key in folded:
                entries = [tuple(e) for e in split_entries(folded[key])] + entries
            if len(entries) > 1:
                entries.sort(key=_how_priority)
            folded[key] = _join_entries(entries)
        self._pending = {}
        self.folded = {k: v for k, v in self.folded.items() if v}
        self.folded_max = {}
        for f in self.folded:
            lead = lead_key(f)
            if lead and len(f) > self.folded_max.get(lead, 0):
                self.folded_max[lead] = len(f)
        self.offices, self.office_keys = {}, {}
        roles_of, organisation_of = self._roles_of, {}
        for actor_id, data in self.records.items():
            roles = roles_of.get(actor_id)
            if roles is None:  # a registry read from the cache
                roles = marshal.loads(data)[len(_FIELDS)]
            for title, office, country, _sector, start, end in roles:
                if not office:
                    continue
                holders = [country] if country else []
                if title not in organisation_of:  # many people share a title ("Minister of Energy")
                    organisation_of[title] = self._organisation_in(title)
                org = organisation_of[title]
                if org:  # "CEO of Rosneft", "Secretary General of OPEC": also the organisation's office
                    holders.append(org)
                for h in holders:
                    key = f"{h}|{office}"
                    if key not in self.offices:
                        self.office_keys.setdefault(h, []).append(key)
                    self.offices.setdefault(key, []).append((start if start is not None else 0, end, actor_id, title))
        # Per office: the longest finished term, the finished roles by start, and the open-ended ones,
        # so holders() reads only roles that can cover the date.
        for key, roles in self.offices.items():
            closed = sorted((r for r in roles if r[1] is not None), key=lambda r: r[0])
            longest = max((r[1] - r[0] for r in closed), default=0)
            self.offices[key] = (longest, closed, [r for r in roles if r[1] is None])
        return self

    def _organisation_in(self, title: str) -> str | None:
        """The company or organisation a role title names after its last "of" ("Chief Executive of Rosneft")."""
        low = title.lower()
        k = low.rfind(" of ")
        if k < 0:
            return None
        name = fold(" ".join(title[k + 4 :].split()).lower())
        name = name.removeprefix("the ")
        for e in split_entries(self.folded.get(name)):
            if e.how in ("alias", "short") and self.actors[e.actor_id].kind in ("company", "organisation", "igo", "media"):
                return e.actor_id
        return None

    def has_offices(self, holder: str) -> bool:
        return holder in self.office_keys

    def entries(self, folded_text: str) -> list[AliasEntry]:
        return split_entries(self.folded.get(folded_text))

    def get(self, actor_id: str) -> Actor | None:
        return self.actors[actor_id] if actor_id in self.records else None

    def find(self, name: str) -> list[Actor]:
        """Actors whose id, name or alias equals ``name`` (case- and accent-insensitive)."""
        if name in self.records:
            return [self.actors[name]]
        norm = fold(" ".join(name.split()).lower())
        out: list[Actor] = []
        for e in self.entries(norm):
            if e.how in ("alias", "short"):
                a = self.actors[e.actor_id]
                if a not in out:
                    out.append(a)
        if not out:
            out = [self.actors[i] for i in self.records if i.lower() == norm]
        if not out:  # "Kremlin", "Venezuelan": the state a metonym or adjective stands for
            out = [self.actors[i] for i in dict.fromkeys(e.actor_id for e in self.entries(norm))]
        return out

    def holders(self, holder: str, when: dt.date | None, offices: Iterable[str] = (), title_has: str | None = None) -> list[Actor]:
        """People holding an office of ``holder`` (a country code or an organisation id) on ``when``, most recently appointed first.

        ``offices`` filters by office (head_of_state, foreign_minister, ...);
        ``title_has`` by a word of the role's title ("president" tells an
        Iranian president, head of government, from the Supreme Leader).
        The roles of an office are sorted by start, so only those that began
        before the date are read.
        """
        if when is None:
            return []
        day = when.toordinal()
        keys = [f"{holder}|{o}" for o in offices] if offices else self.office_keys.get(holder, [])
        want = title_has.lower() if title_has else None
        found: list[tuple[int, str]] = []
        for key in keys:
            entry = self.offices.get(key)
            if not entry:
                continue
            longest, closed, open_ended = entry
            lo = bisect.bisect_left(closed, day - longest, key=lambda r: r[0])
            hi = bisect.bisect_right(closed, day, key=lambda r: r[0])
            for start, end, actor_id, title in [*closed[lo:hi], *open_ended]:
                if start > day or (end is not None and day >= end):
                    continue
                low = title.lower()
                if want and (want not in low or ("vice" in low and "vice" not in want)):
                    continue
                found.append((start, actor_id))
        found.sort(reverse=True)
        return [self.actors[i] for i in dict.fromkeys(i for _, i in found)]

    # -- the compiled cache
    def dumps(self) -> bytes:
        return marshal.dumps((CACHE_VERSION, self.records, self.folded, self.folded_max, self.offices, self.office_keys, self.sources))

    @classmethod
    def loads(cls, data: bytes) -> Registry:
        with gc_paused():
            version, records, folded, folded_max, offices, office_keys, sources = marshal.loads(data)
        if version != CACHE_VERSION:
            raise ValueError("stale cache")
        reg = cls()
        reg.records = records
        reg.actors = ActorTable(records)
        reg.folded, reg.folded_max, reg.offices, reg.office_keys, reg.sources = folded, folded_max, offices, office_keys, sources
        return reg


def _entries(actor: Actor) -> list[tuple]:
    """The alias-index entries of an actor: (id, surface, how, case-sensitive, ambiguous), each surface once per how."""
    out: list[tuple] = []
    seen: set[tuple[str, str]] = set()
    ambiguous = actor.ambiguous
    for how, forms in (("alias", (actor.name, *actor.aliases)), ("short", actor.short), ("metonym", actor.metonyms), ("adjective", actor.adjectives), ("demonym", actor.demonyms)):
        for surface in forms:
            surface = " ".join(surface.split())
            low = (surface.lower(), how)
            if not surface or low in seen or _LEAD.match(surface) is None:
                continue
            seen.add(low)
            out.append((actor.id, surface, how, _is_acronym(surface), surface in ambiguous))
    return out


# ---------------------------------------------------------------- loading


def _data_dir() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "actors"))


def _tuple(v: object, path: str, what: str) -> tuple[str, ...]:
    if v is None:
        return ()
    if type(v) is tuple:  # csv_actors' lists, already strings
        return v
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list) and all(isinstance(x, (str, int, float)) for x in v):
        return tuple(str(x) for x in v)
    raise DataFileError(path, f"{what} must be a string or a list of strings")


def _roles(raw: object, path: str, actor_id: str) -> tuple[Role, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise DataFileError(path, f"actor {actor_id!r}: roles must be a list")
    out = []
    for r in raw:
        if type(r) is Role:  # checked already (csv_actors)
            out.append(r)
            continue
        if not isinstance(r, dict) or "title" not in r:
            raise DataFileError(path, f"actor {actor_id!r}: each role needs at least a title")
        start = _role_date(r.get("start"), path, actor_id, start=True)
        end = _role_date(r.get("end"), path, actor_id, start=False)
        out.append(Role(str(r["title"]), r.get("office"), r.get("country"), r.get("sector"), start, end))
    return tuple(out)


def _role_date(v: object, path: str, actor_id: str, start: bool) -> dt.date | None:
    if v is None or v == "":
        return None
    d = _date_value(v, start) if isinstance(v, (str, int)) else parse_date_value(v)
    if d is None:
        raise DataFileError(path, f"actor {actor_id!r}: role date {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return d


@functools.lru_cache(maxsize=65536)
def _date_value(v: str | int, start: bool) -> dt.date | None:
    """A role's start (or end) date from YYYY, YYYY-MM or YYYY-MM-DD; a year or month ends on its last day.

    Cached: a large registry repeats the same few thousand dates.
    """
    if isinstance(v, int) or _YEAR.fullmatch(v):
        y = int(v)
        return dt.date(y, 1, 1) if start else dt.date(y, 12, 31)
    if _YEAR_MONTH.fullmatch(v):
        y, m = map(int, v.split("-"))
        if start:
            return dt.date(y, m, 1)
        return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    return parse_date_value(v)


_YEAR, _YEAR_MONTH, _ISO3 = re.compile(r"\d{4}"), re.compile(r"\d{4}-\d{2}"), re.compile(r"[A-Z]{3}")


@functools.lru_cache(maxsize=64)
def _pycountry_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pycountry")
    except PackageNotFoundError:  # pragma: no cover
        return "?"


@functools.lru_cache(maxsize=64)
def _basename(path: str) -> str:
    return Path(path).name


def actor_from_record(rec: dict, path: str, line: int | None = None) -> Actor:
    if not isinstance(rec, dict):
        raise DataFileError(path, "each actor must be a mapping with id, name and kind", line)
    missing = [k for k in ("id", "name") if not rec.get(k)]
    if missing:
        raise DataFileError(path, f"actor is missing {', '.join(missing)}", line)
    kind = rec.get("kind") or "organisation"
    if kind not in KINDS:
        raise DataFileError(path, f"actor {rec['id']!r}: kind {kind!r} is not one of {', '.join(KINDS)}", line)
    country = rec.get("country")
    if country is not None and not (isinstance(country, str) and _ISO3.fullmatch(country)):
        raise DataFileError(path, f"actor {rec['id']!r}: country {country!r} is not an ISO 3166 alpha-3 code", line)
    get = rec.get
    return Actor(
        id=str(rec["id"]),
        name=str(rec["name"]),
        kind=kind,
        country=country,
        sector=get("sector"),
        aliases=_tuple(get("aliases"), path, "aliases"),
        short=_tuple(get("short"), path, "short"),
        adjectives=_tuple(get("adjectives"), path, "adjectives"),
        demonyms=_tuple(get("demonyms"), path, "demonyms"),
        metonyms=_tuple(get("metonyms"), path, "metonyms"),
        ambiguous=_tuple(get("ambiguous"), path, "ambiguous"),
        roles=_roles(get("roles"), path, str(rec["id"])),
        parent=rec.get("parent"),
        capital=rec.get("capital"),
        source=_basename(path) + (f":{line}" if line else "") + (f" ({rec['source']})" if rec.get("source") else ""),
    )


def _load_yaml(path: Path) -> object:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_YAML_LOADER)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise DataFileError(str(path), f"invalid YAML: {getattr(e, 'problem', e)}", mark.line + 1 if mark else None) from None
    except UnicodeDecodeError as e:
        raise DataFileError(str(path), f"not valid UTF-8 at byte {e.start}") from None


def state_actors(supplement_path: Path) -> Iterator[Actor]:
    """Every ISO 3166 state from pycountry, with the news names from the supplement file."""
    import pycountry

    sup = _load_yaml(supplement_path) if supplement_path.exists() else {}
    if not isinstance(sup, dict):
        raise DataFileError(str(supplement_path), "must be a mapping keyed by ISO alpha-3 code")
    done = set()
    for c in pycountry.countries:
        extra = sup.get(c.alpha_3) or {}
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        names = [n for n in names if n]
        # Display name: the file's override, else the common name, else the ISO name
        # without its inverted qualifier ("Venezuela, Bolivarian Republic of" -> "Venezuela").
        display = (extra.get("name") if isinstance(extra, dict) else None) or names[0].split(",")[0].strip()
        yield _state(c.alpha_3, display, names, extra, supplement_path)
        done.add(c.alpha_3)
    for code, extra in sup.items():
        if code not in done:
            if not isinstance(extra, dict) or not extra.get("name"):
                raise DataFileError(str(supplement_path), f"{code}: not in ISO 3166 (pycountry), so it needs a name:")
            yield _state(code, extra["name"], [], extra, supplement_path)


def _state(code: str, name: str, other_names: list[str], extra: dict, path: Path) -> Actor:
    p = str(path)
    aliases = tuple(a for a in dict.fromkeys(other_names + list(_tuple(extra.get("aliases"), p, f"{code}.aliases"))) if a != name)
    return Actor(
        id=code,
        name=name,
        kind="state",
        country=code,
        sector=None,
        aliases=aliases,
        adjectives=_tuple(extra.get("adjectives"), p, f"{code}.adjectives"),
        demonyms=_tuple(extra.get("demonyms"), p, f"{code}.demonyms"),
        metonyms=_tuple(extra.get("metonyms"), p, f"{code}.metonyms"),
        ambiguous=_tuple(extra.get("ambiguous"), p, f"{code}.ambiguous"),
        capital=extra.get("capital"),
        source=f"pycountry {_pycountry_version()} + {path.name}" if other_names else f"{path.name} (not in ISO 3166)",
    )


_ITEM = re.compile(r"^- ", re.MULTILINE)


def _item_lines(text: str) -> list[int]:
    """Line numbers (1-based) where the top-level items of a block-style YAML list start."""
    lines, line, pos = [], 1, 0
    for m in _ITEM.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        lines.append(line)
    return lines


def actor_records(path: Path) -> Iterator[Actor]:
    """The actors of one file: YAML (a list of mappings) or CSV/TSV (by extension)."""
    if path.suffix.lower() in (".csv", ".tsv"):
        yield from csv_actors(path)
        return
    data = _load_yaml(path)
    if data is None:
        return
    if not isinstance(data, list):
        raise DataFileError(str(path), "must be a YAML list of actors (each item '- id: ...')", 1)
    try:
        lines = _item_lines(path.read_text(encoding="utf-8"))
    except OSError:
        lines = []
    if len(lines) != len(data):
        lines = []  # a flow-style list: no line per item
    for i, rec in enumerate(data):
        line = lines[i] if lines else None
        try:
            yield actor_from_record(rec, str(path), line)
        except DataFileError as e:
            raise DataFileError(str(path), e.message if line else f"entry {i + 1}: {e.message}", line) from None


LIST_SEPARATOR = "|"
CSV_FIELDS = ("id", "name", "kind", "country", "sector", "aliases", "short", "adjectives", "demonyms", "metonyms", "ambiguous", "parent", "capital", "source")
ROLE_FIELDS = ("role_title", "role_office", "role_country", "role_sector", "role_start", "role_end")
_LIST_FIELDS = ("aliases", "short", "adjectives", "demonyms", "metonyms", "ambiguous")
_EMPTY_LISTS = dict.fromkeys(_LIST_FIELDS, ())  # a row's list fields before it fills them (replaced, never appended to)


def csv_actors(path: Path) -> Iterator[Actor]:
    """Actors from a CSV (comma) or TSV (tab) file with a header row.

    Columns: ``id,name,kind,country,sector`` and optionally ``aliases``,
    ``short``, ``adjectives``, ``demonyms``, ``metonyms``, ``ambiguous`` (lists
    separated by ``|``), ``parent``, ``capital``, ``source``, and one role per
    row in ``role_title,role_office,role_country,role_sector,role_start,role_end``.
    Rows repeating an id add roles (and aliases) to that actor. Blank lines and
    lines starting with ``#`` are skipped.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as e:
        raise DataFileError(str(path), f"not valid UTF-8 at byte {e.start}") from None
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    header: list[str] | None = None
    records: dict[str, tuple[dict, int]] = {}
    line = 0
    # Column positions, found once from the header: a large file has 100,000 rows and each is read by index.
    id_at = 0
    scalar_at: list[tuple[str, int]] = []
    list_at: list[tuple[str, int]] = []
    role_at: list[tuple[str, int]] = []
    title_at: int | None = None
    for row in rows:
        line = rows.line_num
        if not row:
            continue
        first = row[0].lstrip()
        if first.startswith("#") or (not first and not any(c.strip() for c in row)):
            continue
        if header is None:
            header = [h.strip().lower() for h in row]
            unknown = [h for h in header if h not in CSV_FIELDS + ROLE_FIELDS]
            if unknown:
                raise DataFileError(str(path), f"unknown column(s) {', '.join(unknown)}; known: {', '.join(CSV_FIELDS + ROLE_FIELDS)}", line)
            for need in ("id", "name"):
                if need not in header:
                    raise DataFileError(str(path), f"the header row needs an {need!r} column", line)
            at = {h: i for i, h in enumerate(header)}  # a repeated column: the last one counts
            id_at = at["id"]
            scalar_at = [(k, at[k]) for k in CSV_FIELDS if k in at and k not in _LIST_FIELDS]
            list_at = [(k, at[k]) for k in _LIST_FIELDS if k in at]
            role_at = [(k[5:], at[k]) for k in ROLE_FIELDS if k in at]
            title_at = at.get("role_title")
            continue
        if len(row) > len(header):
            raise DataFileError(str(path), f"{len(row)} fields but the header has {len(header)} (quote fields that contain {delimiter!r})", line)
        if len(row) < len(header):
            row += [""] * (len(header) - len(row))
        actor_id = row[id_at].strip()
        if not actor_id:
            raise DataFileError(str(path), "row without an id", line)
        rec, first_line = records.get(actor_id, (None, line))
        if rec is None:
            rec = {"roles": [], **_EMPTY_LISTS}
            for k, i in scalar_at:
                v = row[i].strip()
                if v:
                    rec[k] = v
            for k, i in list_at:
                v = row[i]
                if v:
                    rec[k] = [x.strip() for x in v.split(LIST_SEPARATOR) if x.strip()]
            records[actor_id] = (rec, first_line)
        else:
            for k, i in list_at:
                if k in ("aliases", "short"):
                    rec[k] = [*rec[k], *(x.strip() for x in row[i].split(LIST_SEPARATOR) if x.strip() and x.strip() not in rec[k])]
        if title_at is not None and row[title_at].strip():
            role = {k: (row[i].strip() or None) for k, i in role_at}
            try:
                rec["roles"].append(_roles([role], str(path), actor_id)[0])  # parsed once, here, so errors name this row
            except DataFileError as e:
                raise DataFileError(str(path), e.message, line) from None
        elif any(row[i].strip() for _, i in role_at):
            raise DataFileError(str(path), f"actor {actor_id!r}: a role needs role_title", line)
    if header is None:
        raise DataFileError(str(path), "empty: expected a header row (id,name,kind,country,sector,...)", 1)
    for rec, first_line in records.values():
        for k in _LIST_FIELDS:
            v = rec[k]
            rec[k] = tuple(v) if v else ()
        yield actor_from_record(rec, str(path), first_line)


# ---------------------------------------------------------------- loading with a compiled cache

CACHE_VERSION = "2"


def cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE_DIR") or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "newsgraph")
    return Path(base)


def _fingerprint(files: list[Path]) -> str:
    from importlib.metadata import PackageNotFoundError, version

    h = hashlib.sha256()
    try:
        ours = version("newsgraph")
    except PackageNotFoundError:  # running from a checkout
        ours = "dev"
    h.update(f"{CACHE_VERSION} {ours} {sys.version} {_pycountry_version()} {Path(__file__).stat().st_mtime_ns}".encode())
    for f in files:
        st = f.stat()
        h.update(f"\0{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()[:24]


def _shipped_files() -> list[Path]:
    data = _data_dir()
    return [p for p in sorted(data.glob("*.yaml")) if not p.name.startswith("_")]


def load_registry(extra_files: Iterable[str | Path] = (), use_cache: bool = True) -> Registry:
    """The shipped registry plus the user's files (later files override earlier ids).

    With ``use_cache`` the result is read from (or written to) a marshal file in
    ``cache_dir()`` keyed by the files' paths, sizes and modification times.
    """
    extras = [Path(f) for f in extra_files]
    for path in extras:
        if not path.exists():
            raise DataFileError(str(path), "actor file not found")
        if path.suffix.lower() not in (".yaml", ".yml", ".csv", ".tsv"):
            raise DataFileError(str(path), "actor files must be .yaml/.yml or .csv/.tsv")
    if not use_cache or os.environ.get("NEWSGRAPH_NO_CACHE"):
        return _build_registry(extras)
    key = _fingerprint(_shipped_files() + extras)
    cached = cache_dir() / f"registry-{key}.marshal"
    try:
        reg = Registry.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass
    else:
        try:
            os.utime(cached)  # most recently used: pruning keeps it
        except OSError:
            pass
        return reg
    reg = _build_registry(extras)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(reg.dumps())
        os.replace(tmp, cached)  # atomic: parallel workers never read a half-written cache
        _prune_cache(cached.parent)
    except OSError:
        pass  # a read-only home: work without the cache
    return reg


CACHE_KEEP = 8


def _prune_cache(directory: Path) -> None:
    """Keep the CACHE_KEEP most recently used compiled registries: every edit of a registry file writes a new one."""
    files = []
    for p in directory.glob("registry-*.marshal"):
        try:
            files.append((p.stat().st_mtime, p))
        except OSError:
            continue
    for _, p in sorted(files, reverse=True)[CACHE_KEEP:]:
        try:
            p.unlink()
        except OSError:
            pass


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a registry is built or read.

    Building allocates millions of small objects that all stay alive, so each
    automatic collection walks an ever larger heap for nothing (it doubled
    the cold load of a 100,000-actor file); reference counting still frees
    the temporaries.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _build_registry(extras: list[Path]) -> Registry:
    with gc_paused():
        return _build(extras)


def _build(extras: list[Path]) -> Registry:
    reg = Registry()
    data = _data_dir()
    for actor in state_actors(data / "countries.yaml"):
        reg.add(actor)
    reg.sources.append(f"pycountry {_pycountry_version()} + countries.yaml")
    for path in _shipped_files():
        if path.name == "countries.yaml":
            continue
        for actor in actor_records(path):
            reg.add(actor)
        reg.sources.append(path.name)
    for path in extras:
        ids = set()
        for actor in actor_records(path):
            if actor.id in ids:
                raise DataFileError(str(path), f"actor id {actor.id!r} appears twice")
            ids.add(actor.id)
            if actor.id in reg.actors:
                reg.remove(actor.id)
            reg.add(actor)
        reg.sources.append(str(path))
    return reg.finish()


@functools.lru_cache(maxsize=4)
def default_registry(extra: tuple[str, ...] = ()) -> Registry:
    return load_registry(extra)
