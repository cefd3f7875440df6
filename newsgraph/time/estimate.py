"""Estimate when an undated article was written, from its own dated references.

The estimate is an interval [earliest, latest] with its reasons, built from
clues that each bound the writing date:

1. dates the text states in a past or neutral context ("In 2019", "the 2022
   cutoff", "in February 2022"): the text was written on or after the start
   of each; the latest such date is the lower bound. References in a sentence
   that speaks of the future ("will", "plans", "expected", "by 2030") are
   skipped: a target date says nothing about when it was written;
2. well-known events (newsgraph/data/time/anchors.yaml) the text dates
   relative to itself: "the 80th anniversary of the end of World War II"
   (within a year of it; before it when "upcoming"; within a week when the
   sentence names a weekday), "last year's presidential election" or
   "since January last year, ... sanctions on PDVSA" (the year after the
   event). Recurring events (elections) give several candidate years; only
   those consistent with the other clues are kept;
3. once the interval is within about a year, yearless past dates ("November
   27", "In February") are resolved against its end, and raise the lower
   bound.

The point estimate (``PublicationDate.date``) is the lower bound: news is
written soon after the latest event it reports. Without any clue there is
no estimate at all (never today's date).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .anchors import Anchor, load_anchors
from .publication import PublicationDate
from .timex import MONTHS, _sentence_bounds, find_timexes
from .values import value_interval

_FUTURE = re.compile(
    r"\b(?:will|would|shall|plans?|planned|planning|expects?|expected|aims?|aiming|targets?|intends?|goal|forecasts?|projected|"
    r"scheduled|upcoming|by the end of|next)\b",
    re.IGNORECASE,
)
_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+anniversary\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_BEFORE_CUES = re.compile(r"\b(?:upcoming|ahead of|will|to mark|prepar\w+|forthcoming|coming)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_POSSESSIVE_YEAR = re.compile(r"\b(last|this|next)\s+year(?:[’']s|s[’']?)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_MONTH_REL_YEAR = re.compile(
    r"\b(?:(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?)?(?P<rel>last|this|next)\s+year\b(?![’']s|s\b)",
    re.IGNORECASE,
)
_REL_OFFSET = {"last": 1, "this": 0, "next": -1}  # the writing year = event year + offset


@dataclass
class _Bound:
    earliest: dt.date | None
    latest: dt.date | None
    reason: str


def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def estimate_publication(text: str, anchors: tuple[Anchor, ...] | None = None) -> PublicationDate | None:
    """An estimated publication date interval with its reason, or None when the text has no dated clue."""
    anchors = load_anchors() if anchors is None else anchors
    sents = _sentence_bounds(text)

    def sentence_of(pos: int) -> str:
        for a, b in sents:
            if a <= pos < b:
                return text[a:b]
        return text

    stated: list[_Bound] = []
    for t in find_timexes(text, None):
        iv = value_interval(t.value) if t.type in ("DATE", "TIME") else None
        if iv is None:
            continue
        sent = sentence_of(t.start)
        if _FUTURE.search(sent) or re.search(r"\b(?:by|until|before)\s+$", text[max(0, t.start - 8) : t.start], re.IGNORECASE):
            continue
        stated.append(_Bound(iv[0], None, f"mentions {t.text.strip()!r} as past or present"))

    anchored: list[_Bound] = []
    year_sets: list[tuple[set[int], str]] = []
    for a, b in sents:
        sent = text[a:b]
        found = [(anchor, m) for anchor in anchors if (m := anchor.found_in(sent))]
        # the same words naming events of several countries ("presidential election"): the nearest context decides
        by_span: dict[tuple[int, int], tuple[Anchor, re.Match]] = {}
        for anchor, m in found:
            key = m.span()
            if key not in by_span or anchor.context_distance(sent, m) < by_span[key][0].context_distance(sent, by_span[key][1]):
                by_span[key] = (anchor, m)
        for anchor, m in by_span.values():
            before = sent[: m.start()]
            ann = _ANNIVERSARY.search(before)
            if ann and len(anchor.dates) == 1:
                n = int(ann.group(1))
                day = _add_years(anchor.dates[0], n)
                what = f"the {ann.group(0).strip()} {anchor.id} ({day.isoformat()})"
                if _BEFORE_CUES.search(sent[: ann.start()] + " " + sent[m.end() :][:40]):
                    anchored.append(_Bound(day - dt.timedelta(days=183), day, f"{what} is still to come"))
                elif _WEEKDAY.search(sent):
                    anchored.append(_Bound(day - dt.timedelta(days=7), day + dt.timedelta(days=7), f"{what} is named with a weekday"))
                else:
                    anchored.append(_Bound(_add_years(day, -1), _add_years(day, 1), f"{what} is spoken of as current"))
                continue
            pos = _POSSESSIVE_YEAR.search(before)
            if pos:
                off = _REL_OFFSET[pos.group(1).lower()]
                year_sets.append(({d.year + off for d in anchor.dates}, f"{pos.group(0).strip()} {anchor.id}"))
                continue
            for rel in _MONTH_REL_YEAR.finditer(sent):
                mon = rel.group("mon")
                off = _REL_OFFSET[rel.group("rel").lower()]
                years = {d.year + off for d in anchor.dates if not mon or d.month == MONTHS[mon.lower()]}
                if years:
                    year_sets.append((years, f"{rel.group(0).strip()!r} with the {anchor.id}"))
                    break

    bounds = anchored + stated
    lo, hi, reasons = _combine(anchored, stated)
    for years, why in year_sets:
        ok = {y for y in years if (lo is None or dt.date(y, 12, 31) >= lo) and (hi is None or dt.date(y, 1, 1) <= hi)}
        if len(ok) == 1:
            y = ok.pop()
            lo = max(lo, dt.date(y, 1, 1)) if lo else dt.date(y, 1, 1)
            hi = min(hi, dt.date(y, 12, 31)) if hi else dt.date(y, 12, 31)
            reasons.append(f"{why} ({y})")
            bounds.append(_Bound(dt.date(y, 1, 1), dt.date(y, 12, 31), why))
    if lo is None and hi is None:
        return None
    # keep the reasons of the clues that bound the final interval (a superseded "mentions 2006" says nothing)
    reasons = [r for r in reasons if not r.startswith("mentions ") or any(r == b.reason and b.earliest == lo for b in stated)]
    if lo and hi and (hi - lo).days <= 400:
        # yearless past references ("November 27", "In February") resolved against the latest possible date
        for t in find_timexes(text, hi):
            if t.kind not in ("md", "dmy", "month", "month_may", "rel_wd") or t.type != "DATE":
                continue
            iv = value_interval(t.value)
            sent = sentence_of(t.start)
            if iv is None or _FUTURE.search(sent) or iv[0] > hi or iv[0] <= lo:
                continue
            if t.kind == "rel_wd":
                continue
            lo = iv[0]
            reasons.append(f"mentions {t.text.strip()!r} as past ({iv[0].isoformat()})")
    reason = "; ".join(reasons) + ("" if hi else "; nothing in the text bounds it from above")
    return PublicationDate(lo or hi, "estimated", earliest=lo, latest=hi, reason=reason)


def _combine(anchored: list[_Bound], stated: list[_Bound]) -> tuple[dt.date | None, dt.date | None, list[str]]:
    """Intersect the anchor intervals, then raise the lower bound by the latest stated date that fits them."""
    lo = hi = None
    reasons: list[str] = []
    for b in anchored:
        new_lo = max(lo, b.earliest) if lo else b.earliest
        new_hi = min(hi, b.latest) if hi else b.latest
        if new_lo and new_hi and new_lo > new_hi:
            continue  # contradicts an earlier clue: keep the first
        lo, hi = new_lo, new_hi
        reasons.append(b.reason)
    best = None
    for b in stated:
        if hi and b.earliest > hi:
            continue  # a stated date after the anchored interval: the anchor or the tense reading is wrong; keep the interval
        if best is None or b.earliest > best.earliest:
            best = b
    if best and (lo is None or best.earliest > lo):
        lo = best.earliest
        reasons.append(best.reason)
    return lo, hi, reasons
