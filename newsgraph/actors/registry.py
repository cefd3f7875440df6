"""The actor registry: states, organisations, companies and people, loaded from data files.

States come from pycountry (codes and official names) supplemented by
``data/actors/countries.yaml`` (the names, adjectives, capitals and seats of
power that news uses). Everything else comes from the curated YAML lists in
``data/actors/``; users add their own files with the same schema. Each actor
records the file it came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
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
        return self

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
        source=f"{Path(path).name}" + (f" ({rec['source']})" if rec.get("source") else ""),
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
        source="pycountry + countries.yaml",
    )


def actor_records(path: Path) -> Iterator[Actor]:
    data = _load_yaml(path)
    if data is None:
        return
    if not isinstance(data, list):
        raise DataFileError(str(path), "must be a YAML list of actors")
    for i, rec in enumerate(data, start=1):
        try:
            yield actor_from_record(rec, str(path))
        except DataFileError as e:
            raise DataFileError(str(path), f"entry {i}: {e.message}") from None


def load_registry(extra_files: Iterable[str | Path] = ()) -> Registry:
    """The shipped registry plus the user's files (later files override earlier ids)."""
    reg = Registry()
    data = _data_dir()
    for actor in state_actors(data / "countries.yaml"):
        reg.add(actor)
    reg.sources.append("pycountry + countries.yaml")
    for path in sorted(data.glob("*.yaml")):
        if path.name == "countries.yaml" or path.name.startswith("_"):
            continue
        for actor in actor_records(path):
            reg.add(actor)
        reg.sources.append(path.name)
    for f in extra_files:
        path = Path(f)
        if not path.exists():
            raise DataFileError(str(path), "actor file not found")
        for actor in actor_records(path):
            if actor.id in reg.actors:
                _remove(reg, actor.id)
            reg.add(actor)
        reg.sources.append(str(path))
    return reg.finish()


def _remove(reg: Registry, actor_id: str) -> None:
    del reg.actors[actor_id]
    for key in list(reg.index):
        reg.index[key] = [c for c in reg.index[key] if c[1].actor_id != actor_id]


@functools.lru_cache(maxsize=4)
def default_registry(extra: tuple[str, ...] = ()) -> Registry:
    return load_registry(extra)
