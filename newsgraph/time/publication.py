"""Publication dates: from metadata, the user, a dateline, or estimated from the text's own dated references.

A wrong date poisons every timeline, so every function here either returns a
date it can justify or None; nothing falls back to today's date. An estimate
is an interval (earliest, latest) with the reasons that bound it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}

_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"

# "March 10, 2022", "10 March 2022", "2022-03-10", optionally followed by a time.
_DATELINE_PATTERNS = [
    re.compile(rf"\b(?P<month>{_MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]


def parse_date_value(value: object) -> dt.date | None:
    """A date from a metadata field: a date/datetime object or a string in a common format.

    Returns None for anything it cannot read as one calendar date.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    s = str(value).strip()
    if not s:
        return None
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s).date()
    except ValueError:
        pass
    for pat in _DATELINE_PATTERNS:
        m = pat.fullmatch(s) or pat.match(s)
        if m:
            d = _match_to_date(m)
            if d:
                return d
    return _parse_with_dateparser(s)


_FULL_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")


def _parse_with_dateparser(s: str) -> dt.date | None:
    """Feed and page dates in other formats and languages ("Tue, 08 Mar 2022 10:00:00 GMT", "10 mars 2022").

    dateparser reads "yesterday" or "2 days ago" against the clock even in
    strict mode, which would put today's date on an article: a string with no
    four-digit year is refused before it gets there.
    """
    if len(s) > 80 or not _FULL_YEAR.search(s):
        return None
    import dateparser

    try:
        parsed = dateparser.parse(s, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]})
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date() if parsed else None


def _match_to_date(m: re.Match) -> dt.date | None:
    month = m.group("month")
    mon = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    try:
        return dt.date(int(m.group("year")), mon or 0, int(m.group("day")))
    except (ValueError, TypeError):
        return None


def find_dateline(text: str, max_lines: int = 8, max_chars: int = 120) -> tuple[dt.date, str] | None:
    """A publication date stated near the top of the text, as a dateline does.

    Only short lines among the first few are considered ("March 10, 2022 at
    12:16 pm", "Caracas, 4 May 2023"): a date inside a body sentence is what
    the story is about, not when it was published.
    """
    seen = 0
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        seen += 1
        if seen > max_lines:
            break
        if len(line) > max_chars:
            continue
        for pat in _DATELINE_PATTERNS:
            m = pat.search(line)
            if m:
                d = _match_to_date(m)
                if d:
                    return d, m.group(0)
    return None


# ------------------------------------------------------------------ publication dates


@dataclass(frozen=True)
class PublicationDate:
    """A document's publication date and how it was known (metadata | given | text | estimated)."""

    date: dt.date | None
    source: str | None
    earliest: dt.date | None = None  # interval, for estimates
    latest: dt.date | None = None
    reason: str | None = None


def publication_date(metadata_date: dt.date | None, given: dt.date | None, text: str) -> PublicationDate:
    """Metadata first, then the date the user gave (--published), then a dateline in the text, then an estimate; else unknown."""
    if metadata_date is not None:
        return PublicationDate(metadata_date, "metadata")
    if given is not None:
        return PublicationDate(given, "given")
    found = find_dateline(text)
    if found:
        return PublicationDate(found[0], "text", reason=f"dateline {found[1]!r}")
    from .estimate import estimate_publication

    est = estimate_publication(text)
    if est is not None:
        return est
    return PublicationDate(None, None)
