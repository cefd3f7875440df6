"""Outlet identity: one canonical name per outlet, and how a document's outlet was known.

Order of evidence (first that answers wins):

1. metadata: the outlet named by front matter, JSON fields or the HTML site
   name, normalised through ``data/outlets.yaml`` (unknown names are kept as
   written);
2. metadata: the domain of the document's url, when it is a known outlet's;
3. given: the ``--outlet`` default of the ingest run;
4. text: the article's own signs, looked for only in its first and last lines
   (where sites print them): a known tagline, a known name or domain alone on a
   line, a "Copyright ..." / "©" line, a wire dateline "CARACAS (Reuters) -",
   a byline "By NAME, OUTLET" (datelines and bylines: known outlets only).

Unknown stays unknown: a name found nowhere is never guessed.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import yaml

from ..errors import DataFileError

HEAD_LINES = 4  # non-empty lines at the top of a text searched for outlet signs
TAIL_LINES = 6  # and at the bottom


@dataclass(slots=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    taglines: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None


@dataclass(slots=True)
class OutletMatch:
    name: str
    source: str  # metadata | given | text
    how: str  # metadata-name | url-domain | given | tagline | name-line | domain-line | copyright | byline
    evidence: str | None = None  # the words it was known from


def _key(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("\u2019", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"^the\s+", "", s.strip())
    return re.sub(r"[^a-z0-9&']+", " ", s).strip()


@dataclass
class OutletIndex:
    outlets: list[Outlet] = field(default_factory=list)
    by_name: dict[str, Outlet] = field(default_factory=dict)
    by_domain: dict[str, Outlet] = field(default_factory=dict)
    by_tagline: dict[str, Outlet] = field(default_factory=dict)

    def add(self, o: Outlet) -> None:
        self.outlets.append(o)
        for n in (o.name, *o.aliases):
            self.by_name.setdefault(_key(n), o)
        for d in o.domains:
            self.by_domain.setdefault(d.lower().removeprefix("www."), o)
            self.by_name.setdefault(_key(d), o)
        for t in o.taglines:
            self.by_tagline.setdefault(_key(t), o)

    def canonical(self, name: str | None) -> str | None:
        """The canonical name of an outlet named ``name``; unknown names come back cleaned, not guessed."""
        if not name or not name.strip():
            return None
        name = " ".join(name.split())
        o = self.by_name.get(_key(name)) or self.by_domain.get(name.lower().removeprefix("www."))
        return o.name if o else name

    def known(self, name: str) -> Outlet | None:
        return self.by_name.get(_key(name))

    def for_url(self, url: str | None) -> Outlet | None:
        if not url:
            return None
        host = (urlparse(url if "//" in url else "//" + url).hostname or "").lower()
        while host:
            if host in self.by_domain:
                return self.by_domain[host]
            if "." not in host:
                break
            host = host.split(".", 1)[1]
        return None


def _load_file(path: Path, index: OutletIndex) -> None:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as e:
        raise DataFileError(str(path), f"cannot read outlets file: {e}") from None
    if not isinstance(data, list):
        raise DataFileError(str(path), "an outlets file is a list of entries with at least `name:`")
    for i, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise DataFileError(str(path), f"entry {i} has no `name:` string")
        index.add(Outlet(entry["name"], _strings(entry, "aliases"), _strings(entry, "domains"), _strings(entry, "taglines"),
                         entry.get("country"), entry.get("kind")))


def _strings(entry: dict, key: str) -> tuple[str, ...]:
    v = entry.get(key) or ()
    return tuple(str(x) for x in ([v] if isinstance(v, str) else v))


@functools.lru_cache(maxsize=4)
def outlet_index(extra: tuple[str, ...] = ()) -> OutletIndex:
    """The outlets of ``data/outlets.yaml`` plus any files in NEWSGRAPH_OUTLETS (colon-separated) or ``extra``."""
    index = OutletIndex()
    env = tuple(p for p in os.environ.get("NEWSGRAPH_OUTLETS", "").split(os.pathsep) if p)
    for p in (*extra, *env):  # user files first: their entries win
        _load_file(Path(p), index)
    _load_file(Path(str(resources.files("newsgraph") / "data" / "outlets.yaml")), index)
    return index


_COPYRIGHT = re.compile(r"^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,.]?\s*(?P<name>[^.|\n]{2,60}?)\s*(?:[.|,]\s*all rights reserved.*|\.?\s*)$", re.I)
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'\- ]{1,60}?\s*(?:,|\||\bfor\b|—|-)\s*(?P<name>[A-Z][\w.&' \-]{1,50}?)\s*$")
_DATELINE = re.compile(r"^[A-Z][A-Za-z0-9 .,'/-]{1,40}\((?P<name>[A-Za-z][\w .&'-]{1,40})\)\s*[-–—]")  # "CARACAS (Reuters) -"
_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?(?P<d>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.I)


def _edge_lines(text: str) -> list[str]:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) <= HEAD_LINES + TAIL_LINES:
        return lines
    return lines[:HEAD_LINES] + lines[-TAIL_LINES:]


def outlet_from_text(text: str, index: OutletIndex | None = None) -> OutletMatch | None:
    """The outlet a text names itself by, from its first and last lines; None when it does not."""
    index = index or outlet_index()
    lines = _edge_lines(text)
    # strongest signs first: a known tagline, name or domain alone on a line
    for ln in lines:
        k = _key(ln)
        if k in index.by_tagline:
            return OutletMatch(index.by_tagline[k].name, "text", "tagline", ln)
    for ln in lines:
        if len(ln) > 60:
            continue
        o = index.known(ln)
        if o is not None:
            return OutletMatch(o.name, "text", "name-line", ln)
        m = _DOMAIN.match(ln)
        if m:
            o = index.for_url(m.group("d"))
            if o is not None:
                return OutletMatch(o.name, "text", "domain-line", ln)
    for ln in lines:
        m = _COPYRIGHT.match(ln)
        if m and sum(c.isalpha() for c in m.group("name")) >= 2 and not m.group("name").lower().startswith(("all rights", "by ")):
            return OutletMatch(index.canonical(m.group("name").strip(" .,")), "text", "copyright", ln)
    for ln in lines[:HEAD_LINES]:
        m = _DATELINE.match(ln)
        if m:
            o = index.known(m.group("name"))
            if o is not None:
                return OutletMatch(o.name, "text", "dateline", ln[: m.end()])
    for ln in lines:
        m = _BYLINE.match(ln)
        if m:
            o = index.known(m.group("name"))
            if o is not None:  # "By Jane Doe, Caracas" names a place, not an outlet: known outlets only
                return OutletMatch(o.name, "text", "byline", ln)
    return None


def identify_outlet(text: str, meta_outlet: str | None = None, url: str | None = None, given: str | None = None) -> OutletMatch | None:
    """The outlet of a document and how it was known (see the module docstring for the order)."""
    index = outlet_index()
    if meta_outlet and meta_outlet.strip():
        return OutletMatch(index.canonical(meta_outlet), "metadata", "metadata-name", meta_outlet)
    o = index.for_url(url)
    if o is not None:
        return OutletMatch(o.name, "metadata", "url-domain", url)
    if given:
        return OutletMatch(index.canonical(given), "given", "given", given)
    return outlet_from_text(text, index)
