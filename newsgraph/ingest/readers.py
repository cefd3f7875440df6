"""Readers: one function per input format, each turning decoded input into Documents.

Each reader is a generator of ``Document | InputError``: a bad record is
reported and the reader goes on with the next one, so one malformed line
never costs the rest of the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import yaml

from ..errors import InputError
from ..language import detect_language

from ..framing.outlets import identify_outlet
from ..model import Document
from ..time import parse_date_value, publication_date

META_FIELDS = ("title", "url", "outlet", "published", "language")
# Other names feeds, JSON-LD and exports give the publication date, tried in order when "published" is absent.
PUBLISHED_ALIASES = ("datePublished", "pubDate", "published_at", "publishedAt", "publish_date", "publication_date", "pub_date", "date")


def _meta(obj: dict) -> dict:
    meta = {k: obj.get(k) for k in META_FIELDS}
    if meta["published"] in (None, ""):
        # an alias that is not a date is ignored, not an error: "date" may mean something else in someone's export
        meta["published"] = next((obj[k] for k in PUBLISHED_ALIASES if parse_date_value(obj.get(k)) is not None), None)
    return meta

class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML, with dates left as the text they were written as: make_document parses them, and says so when
    one is not a date. PyYAML's own date constructor raised ValueError on `published: 2024-05-00` (found by fuzzing)."""


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Defaults:
    """Metadata the user gives for inputs that lack it (--published, --outlet)."""

    published: object = None
    outlet: str | None = None
    language: str | None = None


def make_document(text: str, meta: dict, path: str, defaults: Defaults, line: int | None = None) -> Document:
    """Build a Document from text and metadata, filling gaps from defaults and the text itself."""
    text = text.strip("\n")
    if not text.strip():
        raise InputError(path, "no article text (empty after removing metadata)", line)
    if "\x00" in text:  # files are refused at decoding; this catches NULs that come from markup (&#0;) or JSON (\u0000)
        raise InputError(path, "article text contains NUL characters; the input is probably binary or corrupted", line)
    published_raw = meta.get("published")
    published = parse_date_value(published_raw)
    if published_raw not in (None, "") and published is None:
        raise InputError(path, f"'published' is not a date: {str(published_raw)[:60]!r} (use YYYY-MM-DD)", line)
    pub = publication_date(published, parse_date_value(defaults.published), text)
    # metadata name (normalised), url domain, --outlet, then the text's own signs (tagline, copyright, dateline, byline)
    found = identify_outlet(text, _clean(meta.get("outlet")), _clean(meta.get("url")), defaults.outlet)
    outlet, outlet_source = (found.name, found.source) if found else (None, None)
    return Document(
        text=text,
        title=_clean(meta.get("title")),
        url=_clean(meta.get("url")),
        outlet=outlet,
        outlet_source=outlet_source,
        published=pub.date,
        published_source=pub.source,
        published_earliest=pub.earliest,
        published_latest=pub.latest,
        published_reason=pub.reason,
        language=_clean(meta.get("language")) or defaults.language or detect_language(text),
        source_path=path,
        source_line=line,
    )


def _clean(v: object) -> str | None:
    if v is None:
        return None
    s = " ".join(str(v).replace("\x00", " ").split())
    return s or None


def read_text(text: str, path: str, defaults: Defaults) -> Iterator[Document | InputError]:
    """Plain text or Markdown, optionally with YAML front matter between '---' lines."""
    meta: dict = {}
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.load(m.group(1) or "", Loader=_FrontMatterLoader) or {}  # noqa: S506 - a SafeLoader
        except ValueError as e:  # a constructor refusing a value PyYAML's grammar accepted
            yield InputError(path, f"front matter has a value that cannot be read: {e}", 1)
            return
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1  # +1 for the opening '---', +1 for 1-based
            problem = getattr(e, "problem", None) or "invalid YAML"
            yield InputError(path, f"front matter is not valid YAML: {problem}", line)
            return
        if not isinstance(loaded, dict):
            yield InputError(path, "front matter must be a mapping of fields (title:, outlet:, published:, ...)", 2)
            return
        meta = _meta(loaded)
        text = text[m.end() :]
    elif text.startswith("---\n"):
        yield InputError(path, "front matter opened with '---' is never closed by a second '---' line", 1)
        return
    try:
        yield make_document(text, meta, path, defaults)
    except InputError as e:
        yield e


def read_html(data: bytes | str, path: str, defaults: Defaults, url: str | None = None, max_depth: int = 512) -> Iterator[Document | InputError]:
    """An HTML page: main text, title, date, url and site name via trafilatura."""
    from trafilatura import bare_extraction  # heavy import, only when HTML is seen

    depth = html_depth(data, max_depth)
    if depth > max_depth:
        yield InputError(path, f"HTML elements nested over {max_depth} deep (max_html_depth); refusing a page built to exhaust the parser")
        return
    try:
        result = bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # trafilatura/lxml raise many types on broken markup
        yield InputError(path, f"HTML could not be parsed: {type(e).__name__}: {e}")
        return
    if result is None:
        yield InputError(path, "HTML page has no article text that could be extracted")
        return
    d = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = d.get("text") or ""
    title = d.get("title")
    # trafilatura repeats the headline as the first line of the text; keep it once.
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1 :]
    meta = {
        "title": title,
        "url": d.get("url") or url,
        "outlet": d.get("sitename"),
        "published": d.get("date"),
        "language": d.get("language"),
    }
    try:
        yield make_document(text, meta, path, defaults)
    except InputError as e:
        yield e


# Elements HTML lets authors leave open: counting their start tags as nesting would overstate real pages' depth.
_VOID_OR_OPTIONAL_END = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup "
    "thead tbody tfoot colgroup caption rb rt rp".split()
)
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>")


def html_depth(data: bytes | str, stop_at: int) -> int:
    """How deep elements nest in an HTML page, counted from its tags (stops counting past ``stop_at``)."""
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    depth = deepest = 0
    for m in _TAG.finditer(raw):
        name = m.group(2).lower().decode("ascii", "replace")
        if name in _VOID_OR_OPTIONAL_END or m.group(3):
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_at:
                    break
    return deepest


def json_depth(obj: object) -> int:
    """How deep arrays and objects nest in a parsed JSON value (iterative: any depth json.loads accepted)."""
    deepest = 0
    stack = [(obj, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            deepest = max(deepest, depth)
            stack.extend((v, depth + 1) for v in value if isinstance(v, (dict, list)))
    return deepest


def read_json_record(obj: object, path: str, defaults: Defaults, line: int | None) -> Document | InputError:
    if not isinstance(obj, dict):
        return InputError(path, f"expected a JSON object with a 'text' field, got {type(obj).__name__}", line)
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(path, "record has no 'text' string field", line)
    meta = _meta(obj)
    if meta["outlet"] is None:
        meta["outlet"] = obj.get("source") if isinstance(obj.get("source"), str) else None
    try:
        return make_document(text.replace("\r\n", "\n"), meta, path, defaults, line)
    except InputError as e:
        return e


def read_jsonl_lines(lines: Iterator[tuple[int, str | InputError]], path: str, defaults: Defaults, max_depth: int = 64) -> Iterator[Document | InputError]:
    """JSON Lines: one article object per line; blank lines are skipped."""
    for lineno, raw in lines:
        if isinstance(raw, InputError):
            yield raw
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            yield InputError(path, f"malformed JSON: {e.msg} (column {e.colno})", lineno)
            continue
        except RecursionError:
            yield InputError(path, f"JSON nested too deeply (max_json_depth is {max_depth})", lineno)
            continue
        if json_depth(obj) > max_depth:
            yield InputError(path, f"JSON nested over {max_depth} deep (max_json_depth)", lineno)
            continue
        yield read_json_record(obj, path, defaults, lineno)


def read_json_array(text: str, path: str, defaults: Defaults, max_depth: int = 64) -> Iterator[Document | InputError]:
    """A JSON file holding one array of article objects."""
    try:
        arr = json.loads(text)
    except json.JSONDecodeError as e:
        yield InputError(path, f"malformed JSON: {e.msg}", e.lineno)
        return
    except RecursionError:
        yield InputError(path, f"JSON nested too deeply (max_json_depth is {max_depth})")
        return
    if json_depth(arr) > max_depth:
        yield InputError(path, f"JSON nested over {max_depth} deep (max_json_depth)")
        return
    if not isinstance(arr, list):
        yield InputError(path, "a .json file must hold an array of article objects (or use JSON Lines)")
        return
    for i, obj in enumerate(arr, start=1):
        res = read_json_record(obj, f"{path}[{i}]", defaults, None)
        yield res
