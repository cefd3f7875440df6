"""RSS and Atom feed files: one article per item, from its full content or, failing that, its summary.

Metadata per item: link (url), title, published (or updated) date, and as
outlet the item's own source element if it has one, else the feed's title.
Feed content is HTML; it is turned into plain text with paragraph breaks kept,
so the paragraph-wise parser sees the same structure as in an article file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from .readers import Defaults, make_document

_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
_SPACES = re.compile(r"[ \t\r\f\v]+")


# Control characters XML (and so lxml) refuses; junk in a feed's HTML, read as spaces. NUL is left for
# make_document to refuse the item, as it refuses NUL everywhere.
_NOT_XML = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def html_fragment_text(html: str) -> str:
    """Text of an HTML fragment, one paragraph per block element."""
    html = _NOT_XML.sub(" ", html)
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
        for el in root.iter(*_BLOCK_TAGS):
            el.tail = "\n\n" + (el.tail or "")
        for el in root.iter("script", "style"):
            el.drop_tree()
        text = root.text_content()
    except Exception:  # broken markup (or a NUL lxml refuses): strip tags crudely rather than lose the item
        return re.sub(r"<[^>]+>", " ", html).strip()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_feed(data: bytes, path: str, defaults: Defaults) -> Iterator[Document | InputError]:
    import feedparser

    try:
        feed = feedparser.parse(data)
    except Exception as e:  # feedparser is lenient; anything raised here is a broken file
        yield InputError(path, f"feed could not be parsed: {type(e).__name__}: {e}")
        return
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") and feed.get("bozo_exception") else ""
        yield InputError(path, f"feed has no items{why}")
        return
    feed_title = feed.feed.get("title")
    for i, entry in enumerate(feed.entries, start=1):
        where = f"{path} (item {i})"
        html = ""
        if entry.get("content"):
            html = max((c.get("value") or "" for c in entry.content), key=len)
        if not html.strip():
            html = entry.get("summary") or ""
        text = html_fragment_text(html)
        if not text:
            yield InputError(where, "feed item has neither content nor summary")
            continue
        source = entry.get("source") or {}
        meta = {
            "title": entry.get("title"),
            "url": entry.get("link"),
            "outlet": (source.get("title") if isinstance(source, dict) else None) or feed_title,
            "published": _entry_date(entry),
            "language": feed.feed.get("language"),
        }
        try:
            doc = make_document(text, meta, path, defaults, line=None)
        except InputError as e:
            yield InputError(where, e.message)
            continue
        doc.source_line = i
        yield doc


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        t = entry.get(key)
        if t:
            try:
                return dt.date(t.tm_year, t.tm_mon, t.tm_mday)
            except ValueError:
                continue
    return None
