"""Event dates: the time expression that governs an event's trigger in its clause, else the publication date.

``EventDates(doc, dct).for_trigger(tok) -> (date, date_precision, date_text)``
is what the event coder calls for every event. ``date`` is the first day of
the period the text gives, ``date_precision`` its granularity (day, month,
quarter, season, year, decade, range) and ``date_text`` the words it came
from ("in February", "Last December", "since January last year"). With no
governing expression the event takes the publication date with precision
"published": it happened on or before it, the text does not say when. Not an
event the text tells as background, in a clause of "after", "before", "since"
or "until" ("halted purchases in 2019 after the US imposed sanctions"): that
is not the news, and the publication date would say when it was not; with no
expression of its own it is undated (date and precision None).

Never more precise than the text: "in February" is a month, never the 1st
of February; and when the publication date is itself an estimate (an
interval), an expression relative to it ("on Wednesday") is resolved
against both ends of the interval and, where the two disagree, kept as a
"range" covering both.

The full answer (with ``date_end`` and the TimeML ``value``) is
``EventDates.details(tok)``; it is also left on the Doc
(``doc.user_data["newsgraph.event_dates"]``, by trigger token index) so the
extraction stage can copy it onto the events.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..nlp import FUTURE_AUX, VERBAL_POS, DocArrays, doc_arrays, doc_text
from .timex import Timex, find_timexes
from .values import value_interval

USER_DATA_INTERVAL = "newsgraph.published_interval"  # (earliest, latest) when the publication date is an estimate
USER_DATA_DATES = "newsgraph.event_dates"

# conjunctions of a clause that tells what came before or after the sentence's news: "after the US imposed sanctions"
BACKGROUND_MARKS = {"after", "before", "since", "until"}


def background_clause(w: DocArrays, tok: int) -> bool:
    """Is word ``tok`` the verb of a clause that tells what came before or after the news ("Mali expelled the envoy
    after French officials criticised the junta")?"""
    return w.dep[tok] == "advcl" and any(w.dep[ch] == "mark" and w.lower[ch] in BACKGROUND_MARKS for ch in w.children(tok))


def _climb_to_verb(w: DocArrays, tok: int) -> list[int]:
    """The trigger and the words above it up to the verb it belongs to: itself, or the verb it is an argument of
    ("signed an agreement"); three steps at most (at the root the climb stays there). The last word is that verb."""
    path = [tok]
    for _ in range(3):
        if w.pos[path[-1]] in VERBAL_POS:
            break
        path.append(w.head[path[-1]])
    return path


_PRECISION = {"day": "day", "month": "month", "quarter": "quarter", "season": "season", "year": "year", "decade": "decade"}


@dataclass(frozen=True)
class EventDate:
    date: dt.date | None
    precision: str | None
    text: str | None = None
    end: dt.date | None = None  # last day of the period (same as date for a day)
    value: str | None = None  # TimeML value, e.g. "2022-02", "201" (the 2010s)


def _tense_of_token(tok) -> str | None:
    """'past' | 'future' | None for the verb governing a token, from the parser's morphology."""
    return _tense_of(doc_arrays(tok.doc), tok.i)


_PAST_AUX = {"has", "have", "had", "did", "was", "were"}


def _tense_of(w: DocArrays, i: int) -> str | None:
    """``_tense_of_token`` for word ``i`` of the doc's arrays: climbs six steps at most (at the root it stays)."""
    node, steps = i, 0
    while w.pos[node] not in VERBAL_POS and steps < 6:
        node, steps = w.head[node], steps + 1
    if w.pos[node] not in VERBAL_POS:
        return None
    for child in w.children(node):
        if w.dep[child] == "aux" and w.lower[child] in FUTURE_AUX:
            return "future"
        if w.dep[child] == "aux" and w.lower[child] in _PAST_AUX:
            return "past"
    if "Past" in w.doc[node].morph.get("Tense"):
        return "past"
    return None


# prepositions that put an act at a date ("arrested ... on March 3", "in March"), not towards one ("postponed until")
_AT_DATE_PREPS = {"on", "in", "at", "during"}


def parser_tense(doc):
    """A ``tense_of`` for find_timexes from the parse: a future auxiliary ("will meet on Friday"), or a past verb the
    date is attached to itself ("police arrested two journalists on March 3", "signed in March").

    A past verb elsewhere in the clause is left out on purpose: it does not make a near date past ("said the offer
    expires Dec. 15"), and on the TimeML dev set taking any past verb lowers value F1 (0.7905 against 0.8003 for
    future-only, lexical cues deciding the rest). Without the parse, a past cue must stand within 12 characters of
    the date, so "arrested two Russian journalists on March 3" in a November story was the coming March."""

    def tense_of(s, e):
        w = doc_arrays(doc)
        words = w.char_words(s, e)  # ``doc.char_span(s, e, alignment_mode="expand")`` without building the Span
        if words is None or words[1] <= words[0]:
            return None
        root = w.span_root(*words)
        if _tense_of(w, root) == "future":
            return "future"
        verb = _dated_verb(w, root)
        # a finite past ("arrested"), or a participle after a past auxiliary ("was held", "had signed"); not a bare
        # participle ("an event to be held on October 12")
        if verb is not None and (w.tag[verb] == "VBD" or any(w.dep[c] in ("aux", "auxpass") and w.lower[c] in _PAST_AUX
                                                               for c in w.children(verb))):
            return "past"
        return None

    return tense_of


def _dated_verb(w: DocArrays, root: int) -> int | None:
    """The verb the date phrase headed by ``root`` is attached to itself, if it is: as the object of "on"/"in"/"at"/
    "during" on the verb, or as a bare modifier of it ("arrested them Monday")."""
    head = w.head[root]
    if w.dep[root] == "pobj" and w.lower[head] in _AT_DATE_PREPS and w.dep[head] == "prep":
        verb = w.head[head]
    elif w.dep[root] in ("npadvmod", "tmod"):
        verb = head
    else:
        return None
    return verb if w.pos[verb] in VERBAL_POS else None


class EventDates:
    """Dates for the events of one parsed document (see the module docstring)."""

    def __init__(self, doc, dct: dt.date | None):
        self.doc = doc
        self.dct = dct
        interval = doc.user_data.get(USER_DATA_INTERVAL) if hasattr(doc, "user_data") else None
        self.interval = interval if interval and interval[0] and interval[0] != interval[1] else None
        text = self.text = doc_text(doc)  # Doc.text joins every token's text on each call: read it once

        self.timexes = find_timexes(text, dct, tense_of=parser_tense(doc))
        self.alt: list[Timex] | None = None
        if self.interval:
            # resolve again against the latest date the estimate allows; an open-ended estimate ("2010 or later")
            # has none, so a probe date three years on tells which expressions depend on the publication date,
            # and those get an open end: never today's date, so a re-run on another day gives the same dates
            other = self.interval[1] or (dct + dt.timedelta(days=3 * 366) if dct else None)
            if other is not None and other != dct:
                self.alt = find_timexes(text, other, tense_of=parser_tense(doc))
        self._spans: list[tuple[int, int, int]] = []  # (timex, first word, end word)
        w = doc_arrays(doc)
        for i, t in enumerate(self.timexes):
            words = w.char_words(t.start, t.end)  # the words ``doc.char_span(..., alignment_mode="expand")`` covers
            if words is not None and words[1] > words[0]:
                self._spans.append((i, *words))
        self._memo: dict[int, EventDate] = {}

    # -------------------------------------------------------- public
    def for_trigger(self, tok) -> tuple[dt.date | None, str | None, str | None]:
        """(date, date_precision, date_text) for the event triggered at ``tok`` (a word index or a Token)."""
        d = self.details(tok)
        return d.date, d.precision, d.text

    def details(self, tok) -> EventDate:
        i = tok if isinstance(tok, int) else tok.i
        if i not in self._memo:
            self._memo[i] = self._resolve(i)
            self.doc.user_data.setdefault(USER_DATA_DATES, {})[i] = self._memo[i]
        return self._memo[i]

    # -------------------------------------------------------- internals
    def _published(self) -> EventDate:
        if self.dct is None:
            return EventDate(None, None)
        end = self.interval[1] if self.interval else self.dct
        return EventDate(self.dct, "published", None, end, None)

    def _resolve(self, tok: int) -> EventDate:
        found = self._governing(tok)
        if found is None:
            w = doc_arrays(self.doc)
            # (a noun trigger by its verb: "after the US imposed sanctions")
            return EventDate(None, None) if background_clause(w, _climb_to_verb(w, tok)[-1]) else self._published()
        t = self.timexes[found]
        iv = value_interval(t.anchored or t.value)
        if iv is None:
            return self._published()
        start, end, precision = iv
        precision = _PRECISION.get(precision, "range")
        value = t.anchored or t.value
        text = t.text.strip()
        if t.anchored:
            after = re.match(r"\s+(?:later|after|before|earlier|back)\b", self.text[t.end : t.end + 12])
            text = self.text[t.start : t.end + (after.end() if after else 0)].strip()
        before = self.text[max(0, t.start - 7) : t.start].lower()
        # an estimated publication date: resolve again against its other end, widen to a range where they differ
        if self.alt is not None:
            alt = next((a for a in self.alt if a.start == t.start), None)
            alt_iv = value_interval(alt.anchored or alt.value) if alt else None
            if alt_iv is None or (alt.anchored or alt.value) != value:
                start = min(start, alt_iv[0]) if alt_iv else start
                if self.interval[1] is None:
                    end = None  # depends on a publication date known only from below
                else:
                    end = max(end, alt_iv[1]) if alt_iv else self.interval[1]
                precision, value = "range", None
        if before.rstrip().endswith(("from", "between")):
            # "from 2009 to 2011", "between March and May": a range to the next expression
            later = next((u for u in self.timexes if u.start > t.end and u.start - t.end <= 12), None)
            joint = self.text[t.end : later.start] if later else ""
            later_iv = value_interval(later.anchored or later.value) if later else None
            if later_iv and re.fullmatch(r"\s*(?:to|and|until|till|through|thru|-|–|—)\s*", joint) and later_iv[1] >= start:
                return EventDate(start, "range", self.text[t.start : later.end].strip(), later_iv[1], None)
        if before.rstrip().endswith(("since", "from")):
            word = "since" if before.rstrip().endswith("since") else "from"
            text = f"{word} {t.text.strip()}"
            until = (self.interval[1] if self.interval else None) or self.dct
            return EventDate(start, "range", text, until if until and until >= start else end, value)
        return EventDate(start, precision, text, end, value)

    def _governing(self, tok: int) -> int | None:
        """The time expression (its index in ``timexes``) attached to the trigger's own clause: to the trigger, or to
        the verb whose argument it is."""
        w = doc_arrays(self.doc)  # words by index: no Token per word climbed
        sent_start, sent_end = w.sent_bounds(tok)
        trigger_verbs = set(_climb_to_verb(w, tok))
        best = None
        for i, start, end in self._spans:
            if start < sent_start or end > sent_end:
                continue
            if (self.timexes[i].type not in ("DATE", "TIME") and not self.timexes[i].anchored) or start <= tok < end:
                continue
            attach = self._attachment(w, start, end)
            if attach is None or attach not in trigger_verbs:
                continue
            dist = abs(start - tok)
            if best is None or dist < best[0]:
                best = (dist, i)
        return best[1] if best else None

    @staticmethod
    def _attachment(w: DocArrays, start: int, end: int) -> int | None:
        """The verb (or noun trigger) a time expression over words [start, end) modifies: climb from its root through
        prepositions (four steps; at the root the climb stays there)."""
        node = w.span_root(start, end)
        pos, dep = w.pos, w.dep
        for _ in range(4):
            head = w.head[node]
            if pos[head] in VERBAL_POS:
                return head
            if pos[head] in ("NOUN", "PROPN") and dep[node] in ("npadvmod", "compound", "nummod", "amod", "nmod"):
                return head  # "the 2022 cutoff": the expression modifies a noun trigger
            if dep[head] == "prep" or pos[head] == "ADP":
                node = head
                continue
            if pos[head] in ("NOUN", "PROPN"):
                return head
            node = head
        return None
