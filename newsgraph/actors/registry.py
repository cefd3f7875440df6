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

Loading is cached: the parsed registry is pickled under the user's cache
folder, keyed by the content of every file read (path, size, mtime) and the
newsgraph and pycountry versions, so a 100,000-actor registry loads in a
fraction of a second after its first use (see bench/actors_bench.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import hashlib
import io
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

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


@dataclass(slots=True)
class AliasEntry:
    actor_id: str
    surface: str  # the alias as written in the registry
    how: str  # alias | short | adjective | demonym | metonym
    case_sensitive: bool
    ambiguous: bool


_LEAD = re.compile(r"\w+", re.UNICODE)
HOW_PRIORITY = {"alias": 0, "short": 1, "metonym": 2, "adjective": 3, "demonym": 4}


@functools.lru_cache(maxsize=200_000)
def fold(s: str) -> str:
    """Lowercase, strip accents, unify apostrophes: "Nicolás" and "Nicolas" compare equal."""
    s = s.replace("\u2019", "'").replace("\u2018", "'")
    if s.isascii():
        return s.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower()


def lead_key(s: str) -> str | None:
    """The index key of a string: its first run of word characters, lowercased."""
    m = _LEAD.match(s)
    return m.group(0).lower() if m else None


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


@dataclass
class Registry:
    actors: dict[str, Actor] = field(default_factory=dict)
    # lead key -> list of (alias lowercased with single spaces, entry); longest aliases first
    index: dict[str, list[tuple[str, AliasEntry]]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    # country (or organisation id) -> [(actor id, role)] for people with dated roles: "who was X's president on D"
    offices: dict[str, list[tuple[str, Role]]] = field(default_factory=dict)
    # folded alias ("nicolas maduro") -> entries, best first; and per folded lead key the longest alias length.
    # Matching looks strings up here, so its cost per token does not grow with the number of actors.
    folded: dict[str, list[AliasEntry]] = field(default_factory=dict)
    folded_max: dict[str, int] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.actors)

    def add(self, actor: Actor) -> None:
        if actor.id in self.actors:
            raise ValueError(f"duplicate actor id {actor.id!r}")
        self.actors[actor.id] = actor
        seen: set[tuple[str, str]] = set()

        def put(surface: str, how: str) -> None:
            surface = " ".join(surface.split())
            if not surface or (surface.lower(), how) in seen:
                return
            seen.add((surface.lower(), how))
            key = lead_key(surface)
            if key is None:
                return
            entry = AliasEntry(
                actor_id=actor.id,
                surface=surface,
                how=how,
                case_sensitive=_is_acronym(surface),
                ambiguous=surface in actor.ambiguous,
            )
            self.index.setdefault(key, []).append((surface.lower(), entry))

        put(actor.name, "alias")
        for a in actor.aliases:
            put(a, "alias")
        for a in actor.short:
            put(a, "short")
        for a in actor.metonyms:
            put(a, "metonym")
        for a in actor.adjectives:
            put(a, "adjective")
        for a in actor.demonyms:
            put(a, "demonym")

    def finish(self) -> Registry:
        for cands in self.index.values():
            cands.sort(key=lambda c: len(c[0]), reverse=True)
        self.folded, self.folded_max = {}, {}
        for cands in self.index.values():
            for surface_low, entry in cands:
                f = fold(surface_low)
                key = lead_key(f)
                if key:
                    self.folded.setdefault(f, []).append(entry)
                    if len(f) > self.folded_max.get(key, 0):
                        self.folded_max[key] = len(f)
        for entries in self.folded.values():
            entries.sort(key=lambda e: HOW_PRIORITY.get(e.how, 9))
        self.offices = {}
        for actor in self.actors.values():
            for role in actor.roles:
                if role.office and role.country:
                    self.offices.setdefault(role.country, []).append((actor.id, role))
        return self

    def holders(self, country: str, when: dt.date | None, offices: Iterable[str] = (), title_has: str | None = None) -> list[Actor]:
        """People holding an office of ``country`` on ``when``, most recently appointed first.

        ``offices`` filters by office (head_of_state, foreign_minister, ...);
        ``title_has`` by a word of the role's title ("president" tells an
        Iranian president, head of government, from the Supreme Leader).
        """
        if when is None:
            return []
        offices = tuple(offices)
        want = title_has.lower() if title_has else None
        found: list[tuple[dt.date, Actor]] = []
        for actor_id, role in self.offices.get(country, ()):
            if offices and role.office not in offices:
                continue
            if want and want not in role.title.lower():
                continue
            if want and "vice" in role.title.lower() and "vice" not in want:
                continue
            if role.valid_at(when):
                found.append((role.start or dt.date.min, self.actors[actor_id]))
        found.sort(key=lambda x: x[0], reverse=True)
        out: list[Actor] = []
        for _, a in found:
            if a not in out:
                out.append(a)
        return out

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def find(self, name: str) -> list[Actor]:
        """Actors whose id, name or alias equals ``name`` (case-insensitive)."""
        if name in self.actors:
            return [self.actors[name]]
        norm = " ".join(name.split()).lower()
        key = lead_key(norm)
        out: list[Actor] = []
        for surface, entry in self.index.get(key or "", []):
            if surface == norm and entry.how in ("alias", "short") and self.actors[entry.actor_id] not in out:
                out.append(self.actors[entry.actor_id])
        if not out:
            for a in self.actors.values():
                if a.id.lower() == norm:
                    out.append(a)
        return out


# ---------------------------------------------------------------- loading


def _data_dir() -> Path:
    return Path(str(resources.files("newsgraph") / "data" / "actors"))


def _tuple(v: object, path: str, what: str) -> tuple[str, ...]:
    if v is None:
        return ()
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
        if not isinstance(r, dict) or "title" not in r:
            raise DataFileError(path, f"actor {actor_id!r}: each role needs at least a title")
        start = _role_date(r.get("start"), path, actor_id, start=True)
        end = _role_date(r.get("end"), path, actor_id, start=False)
        out.append(Role(str(r["title"]), r.get("office"), r.get("country"), r.get("sector"), start, end))
    return tuple(out)


def _role_date(v: object, path: str, actor_id: str, start: bool) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, int) or (isinstance(v, str) and re.fullmatch(r"\d{4}", v)):
        y = int(v)
        return dt.date(y, 1, 1) if start else dt.date(y, 12, 31)
    if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}", v):
        y, m = map(int, v.split("-"))
        if start:
            return dt.date(y, m, 1)
        return dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)
    d = parse_date_value(v)
    if d is None:
        raise DataFileError(path, f"actor {actor_id!r}: role date {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return d


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
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{3}", country)):
        raise DataFileError(path, f"actor {rec['id']!r}: country {country!r} is not an ISO 3166 alpha-3 code", line)
    return Actor(
        id=str(rec["id"]),
        name=str(rec["name"]),
        kind=kind,
        country=country,
        sector=rec.get("sector"),
        aliases=_tuple(rec.get("aliases"), path, "aliases"),
        short=_tuple(rec.get("short"), path, "short"),
        adjectives=_tuple(rec.get("adjectives"), path, "adjectives"),
        demonyms=_tuple(rec.get("demonyms"), path, "demonyms"),
        metonyms=_tuple(rec.get("metonyms"), path, "metonyms"),
        ambiguous=_tuple(rec.get("ambiguous"), path, "ambiguous"),
        roles=_roles(rec.get("roles"), path, str(rec["id"])),
        parent=rec.get("parent"),
        capital=rec.get("capital"),
        source=f"{Path(path).name}" + (f":{line}" if line else "") + (f" ({rec['source']})" if rec.get("source") else ""),
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


def _pycountry_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pycountry")
    except PackageNotFoundError:  # pragma: no cover
        return "?"


_ITEM = re.compile(r"^- ", re.MULTILINE)


def _item_lines(text: str) -> list[int]:
    """Line numbers (1-based) where the top-level items of a block-style YAML list start."""
    return [text.count("\n", 0, m.start()) + 1 for m in _ITEM.finditer(text)]


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
    for row in rows:
        line = rows.line_num
        if not row or not any(c.strip() for c in row) or row[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [h.strip().lower() for h in row]
            unknown = [h for h in header if h not in CSV_FIELDS + ROLE_FIELDS]
            if unknown:
                raise DataFileError(str(path), f"unknown column(s) {', '.join(unknown)}; known: {', '.join(CSV_FIELDS + ROLE_FIELDS)}", line)
            for need in ("id", "name"):
                if need not in header:
                    raise DataFileError(str(path), f"the header row needs an {need!r} column", line)
            continue
        if len(row) > len(header):
            raise DataFileError(str(path), f"{len(row)} fields but the header has {len(header)} (quote fields that contain {delimiter!r})", line)
        cells = {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header)}
        actor_id = cells.get("id")
        if not actor_id:
            raise DataFileError(str(path), "row without an id", line)
        rec, first_line = records.get(actor_id, (None, line))
        if rec is None:
            rec = {"roles": []}
            for k in CSV_FIELDS:
                v = cells.get(k, "")
                if k in ("aliases", "short", "adjectives", "demonyms", "metonyms", "ambiguous"):
                    rec[k] = [x.strip() for x in v.split(LIST_SEPARATOR) if x.strip()]
                elif v:
                    rec[k] = v
            records[actor_id] = (rec, first_line)
        else:
            for k in ("aliases", "short"):
                rec[k] += [x.strip() for x in cells.get(k, "").split(LIST_SEPARATOR) if x.strip() and x.strip() not in rec[k]]
        if cells.get("role_title"):
            role = {k[5:]: (cells.get(k) or None) for k in ROLE_FIELDS}
            try:
                _roles([role], str(path), actor_id)
            except DataFileError as e:
                raise DataFileError(str(path), e.message, line) from None
            rec["roles"].append(role)
        elif any(cells.get(k) for k in ROLE_FIELDS):
            raise DataFileError(str(path), f"actor {actor_id!r}: a role needs role_title", line)
    if header is None:
        raise DataFileError(str(path), "empty: expected a header row (id,name,kind,country,sector,...)", 1)
    for rec, first_line in records.values():
        yield actor_from_record(rec, str(path), first_line)


# ---------------------------------------------------------------- loading with a compiled cache

CACHE_VERSION = "1"


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
    h.update(f"{CACHE_VERSION} {ours} {_pycountry_version()} {Path(__file__).stat().st_mtime_ns}".encode())
    for f in files:
        st = f.stat()
        h.update(f"\0{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return h.hexdigest()[:24]


def _shipped_files() -> list[Path]:
    data = _data_dir()
    return [p for p in sorted(data.glob("*.yaml")) if not p.name.startswith("_")]


def load_registry(extra_files: Iterable[str | Path] = (), use_cache: bool = True) -> Registry:
    """The shipped registry plus the user's files (later files override earlier ids).

    With ``use_cache`` the result is read from (or written to) a pickle in
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
    cached = cache_dir() / f"registry-{key}.pickle"
    try:
        with open(cached, "rb") as fh:
            reg = pickle.load(fh)
        if isinstance(reg, Registry):
            return reg
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    reg = _build_registry(extras)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(reg, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cached)  # atomic: parallel workers never read a half-written cache
    except OSError:
        pass  # a read-only home: work without the cache
    return reg


def _build_registry(extras: list[Path]) -> Registry:
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
                _remove(reg, actor.id)
            reg.add(actor)
        reg.sources.append(str(path))
    return reg.finish()


def _remove(reg: Registry, actor_id: str) -> None:
    old = reg.actors.pop(actor_id)
    keys = {lead_key(" ".join(a.split())) for a in (old.name, *old.aliases, *old.short, *old.metonyms, *old.adjectives, *old.demonyms)}
    for key in keys:
        if key in reg.index:
            reg.index[key] = [c for c in reg.index[key] if c[1].actor_id != actor_id]


@functools.lru_cache(maxsize=4)
def default_registry(extra: tuple[str, ...] = ()) -> Registry:
    return load_registry(extra)
