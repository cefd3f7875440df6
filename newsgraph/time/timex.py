"""Time expressions in text, normalised to TimeML values relative to the document creation time (DCT).

``find_timexes(text, dct)`` finds "on Wednesday", "last December", "since
January last year", "mid-February", "the 2010s", "a year later", "the past
two months", "third-quarter", ... and gives each a TimeML ``type`` (DATE,
TIME, DURATION, SET) and ``value`` ("2022-03-09", "2021-12", "P2M", ...).

How it works, HeidelTime-style: general patterns over lexicons (months,
weekdays, seasons, number words, units, modifiers) propose candidate spans;
the longest non-overlapping ones are kept; each is normalised in document
order against the DCT, with two pieces of context:

- the tense around it: a bare month or weekday is the latest one on or
  before the DCT unless the sentence speaks of the future ("will", "next",
  "scheduled", ...), then the next one;
- the last quarter or date the text spoke of: "a year earlier" after "the
  third quarter" is the same quarter a year before, "the quarter" is the
  quarter in question.

dateparser is not used for relative expressions: it misses "last December"
alone and "mid-February", splits "Jan. 6, 2021" and picks the wrong year for
past-tense month-days (see tests/test_time.py for each). Everything here is
regular expressions over lexicons, so it runs on any text without a parse.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from .. import gated_re
from .publication import MONTHS  # month names and abbreviations -> number: one table for the time layer
from .values import (
    add_months,
    add_quarters,
    day_value,
    last_weekday_on_or_before,
    month_value,
    next_weekday_on_or_after,
    quarter_of,
    quarter_value,
    season_of,
    value_interval,
    week_value,
)

# ------------------------------------------------------------------ lexicons

WEEKDAYS = {
    name: i
    for i, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
    "dozen": 12,
    "half a dozen": 6,
}
VAGUE_NUMBERS = ("a few", "few", "several", "many", "some", "the next few", "a number of", "numerous", "countless")
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 4, "final": 4}
# unit -> (TimeML duration letter, is time-of-day unit)
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "week": ("W", False),
    "fortnight": ("W2", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
HOLIDAYS = {  # name -> (month, day) or a rule name
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "thanksgiving day": "thanksgiving",
    "thanksgiving": "thanksgiving",
    "labor day": "labor",
    "memorial day": "memorial",
    "victory day": (5, 9),
    "election day": "election",
}

# ------------------------------------------------------------------ regex pieces

_MON = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_MON_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMW = (
    r"(?:\d+(?:\.\d+)?|a couple of|couple of|a couple|half a dozen|a dozen|dozen|a few|few|several|many|some|a number of|numerous|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"a hundred|hundred|an|a)"
)
_UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?"
_CAL_UNIT = r"(?:week|month|year|quarter|decade|century|weekend)"
_MOD = r"(?:early|late|mid|middle|the (?:end|beginning|start|middle|rest|remainder|first half|second half) of|the turn of|end of|beginning of|start of|middle of)"
_REL = r"(?:last|this|next|past|coming|previous|current|following)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)"
_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|'ll|shall|going to|is to|are to|planned to|plans? to|planning to|(?:is|are) scheduled|(?:is|are) expected|plans? to|upcoming|next|tomorrow|(?:is|are) due|slated|(?:is|are) set to|would)\b",
    re.IGNORECASE,
)
# Irregular past forms ("rose", "met") are left out on purpose: adding them lowered value F1 on the
# TimeML dev set (0.803 -> 0.800); a past verb near a date is weak evidence the date is past.
_PAST_CUES = re.compile(r"\b(?:(?i:was|were|had|did|said|ago|last|earlier|previously)|[a-z]+ed)\b")
_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘']?[A-Z0-9])|\n\s*\n|\n(?=[A-Z])")


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    kind: str = ""  # which pattern found it (for debugging and tests)
    mod: str | None = None  # START | MID | END | APPROX | ... (TimeML mod)
    # for "a year later", "three days before": TimeML values the amount (a DURATION); this is the date it
    # points to, counted from the last date the text gave, at the unit's granularity (None when there is none)
    anchored: str | None = None

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "anchored": self.anchored,
        }


# (name, regex, flags). Handlers are methods of _Normaliser named "_n_<name>".
_PATTERNS: list[tuple[str, str, int]] = [
    ("iso", r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", 0),
    ("slash", r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)?\d\d)\b", 0),
    ("mdy", rf"\b(?P<wd>{_WD},?\s+)?(?P<mon>{_MON})\s+(?P<d>{_DAYNUM})(?:,?\s+|\s*,\s*)(?P<y>{_YEAR})\b", re.IGNORECASE),
    ("dmy", rf"\b(?P<wd>{_WD},?\s+)?(?:the\s+)?(?P<d>{_DAYNUM})\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>{_YEAR}))?\b", re.IGNORECASE),
    ("md", rf"\b(?P<wd>{_WD},?\s+)?(?P<mon>{_MON_FULL})\s+(?P<d>{_DAYNUM})\b(?!\s*(?:%|percent|million|billion|barrels|to \d))", 0),
    ("month_year", rf"\b(?:(?P<mod>{_MOD})[- ]?)?(?P<mon>{_MON_FULL}|March|April|June|July)(?:\s+of|,)?\s+(?P<y>{_YEAR})\b", re.IGNORECASE),
    (
        "rel_month",
        rf"\b(?:(?P<mod>{_MOD})[- ]?)?(?P<rel>last|this|next|past|coming|previous)\s+(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b",
        re.IGNORECASE,
    ),
    (
        "month_rel_year",
        rf"\b(?:(?P<mod>{_MOD})[- ]?)?(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+of)?\s+(?P<rel>last|this|next)\s+year\b",
        re.IGNORECASE,
    ),
    (
        "month",
        r"\b(?:(?P<mod>early|late|mid|middle|[Tt]he (?:end|beginning|start|middle) of|[Ee]nd of|[Bb]eginning of)[- ]?)?(?P<mon>January|February|March|April|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?![\w-])",
        0,
    ),
    (
        "month_may",
        r"\b(?:(?P<mod>early|late|mid|[Tt]he (?:end|beginning|start|middle) of)[- ]?|(?P<prep>in|In|since|Since|of|until|by|By|through|from|From|during|before|after|early|late|mid|last|next|this)\s+)(?P<mon>May)\b(?!\s+(?:be|have|not|well|also|go|come|take|want|need|find|see|seem|make|help|face|lose|never|still|soon|even|already|only|just|raise|cut|fall|rise|decide|include|require|say|give|get|use|feel|do|allow|reach)\b)",
        0,
    ),
    (
        "fiscal_year",
        rf"\b(?:fiscal|financial|calendar|the fiscal year|the financial year|the calendar year|fiscal year|model year)\s+(?:year\s+)?'?(?P<y>{_YEAR}|\d\d)\b",
        re.IGNORECASE,
    ),
    (
        "year",
        rf"(?<![\w$£€.,/-])(?:(?P<mod>{_MOD}|the year)[- ]?)?(?P<y>{_YEAR})(?![\w%/-]|\.\d|,\d|\s*(?:percent|per cent|%|km|miles|tons|tonnes|barrels|people|troops|feet|meters|cases|pounds))",
        re.IGNORECASE,
    ),
    (
        "decade",
        r"\b(?:(?:the|The)\s+)?(?:(?P<mod>early|late|mid|middle)[- ]?)?(?:(?P<y>1[6-9]\d0|20\d0|'\d0|(?<=the )\d0|(?<=the early )\d0|(?<=the late )\d0|(?<=the mid-)\d0)'?s|(?P<yw>(?:fif|six|seven|eigh|nine)ties))\b",
        re.IGNORECASE,
    ),
    (
        "spelled_year",
        r"\b(?:the year\s+)?(?P<c>nineteen|two thousand)(?:\s+and)?(?:\s+(?P<t>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|oh[- ](?:one|two|three|four|five|six|seven|eight|nine)))?\b(?![- ](?:years?|months?|days?|weeks?|people|dollars|miles|hours|times|percent|and\b))",
        re.IGNORECASE,
    ),
    (
        "the_year",
        r"\b(?P<pre>for|over|during|in|through|throughout|of|to)?\s*(?P<w>the (?:full |fiscal |entire |whole |calendar )?year)\b(?![- ](?:earlier|ago|before|after|later|end|old|long))",
        re.IGNORECASE,
    ),
    ("that_year", r"\b(?:(?P<mod>later|earlier)\s+)?(?:that|the same)\s+(?P<u>year|month)\b", re.IGNORECASE),
    ("end_of", r"\b(?P<mod>the end|the beginning|the start|the middle)\s+of\s+the\s+(?P<u>year|month|week)\b", re.IGNORECASE),
    ("century", r"\b(?:the\s+)?(?P<n>\d{2}(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first)\s+century\b", re.IGNORECASE),
    ("season_year", rf"\b(?:(?P<mod>{_MOD})[- ]?)?(?:the\s+)?(?P<s>{_SEASON})(?:\s+of)?\s+(?P<y>{_YEAR})\b", re.IGNORECASE),
    ("rel_season", rf"\b(?:(?P<mod>{_MOD})[- ]?)?(?P<rel>last|this|next|past|coming)\s+(?P<s>{_SEASON})\b", re.IGNORECASE),
    (
        "season",
        rf"\b(?:(?P<mod>early|late|mid)[- ]?)?(?:the\s+)?(?P<s>{_SEASON})\b(?!\s+(?:of|wheat|crop|games|olympics|storm|session))",
        re.IGNORECASE,
    ),
    (
        "quarter",
        rf"\b(?:(?:the|its|their|this|that|a|each)\s+)?(?:(?P<ago>year-ago|year-earlier|prior-year|year-before|comparable)\s+)?(?P<ord>{_ORD})[- ](?:fiscal[- ])?quarter\b(?:(?:\s+of|,)?\s+(?:(?:fiscal|calendar)\s+)?(?P<y>{_YEAR})|\s+of\s+(?P<rel>last|this|next)\s+year)?",
        re.IGNORECASE,
    ),
    ("quarter_q", rf"\b(?P<y>{_YEAR})?\s*Q(?P<ord>[1-4])\b(?:\s+(?P<y2>{_YEAR}))?", 0),
    (
        "half",
        rf"\b(?:the\s+)?(?P<ord>first|second|last)[- ]half\b(?:(?:\s+of|,)?\s+(?P<y>{_YEAR})|\s+of\s+(?P<rel>last|this|next)\s+year)?",
        re.IGNORECASE,
    ),
    (
        "the_quarter",
        r"\b(?:the|this|that)\s+(?P<which>latest|recent|most recent|current|just-ended|just ended|year-ago|year-earlier|comparable|same|previous|prior|past|fiscal)?\s*(?:fiscal\s+)?quarter\b",
        re.IGNORECASE,
    ),
    (
        "the_period",
        r"\b(?:the|this|that)\s+(?P<which>latest|year-ago|year-earlier|comparable|same|prior-year|year-before)\s+period\b",
        re.IGNORECASE,
    ),
    (
        "ago",
        rf"\b(?:(?:about|some|nearly|almost|more than|less than|over|just|only|roughly)\s+)?(?P<n>{_NUMW})(?:\s+(?P<half>1/2|and a half))?[- ](?P<u>{_UNIT})(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|after|from now|hence|previously|back)\b",
        re.IGNORECASE,
    ),
    ("year_earlier", r"\b(?:a\s+)?(?P<u>year|quarter|month|week)[- ](?P<dir>earlier|ago)\b", re.IGNORECASE),
    (
        "the_n_before",
        # "this week after two years of talks" is "this week", not "the week after"
        r"(?<!\bthis )(?<!\blast )(?<!\bnext )\b(?:the\s+)?(?P<u>year|month|week|day)\s+(?P<dir>before|after|earlier)\b(?!\s+(?:the|a|an|it|he|she|they|\w+ing|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|years|months|weeks|days)\b)",
        re.IGNORECASE,
    ),
    (
        "rel_unit",
        rf"\b(?:(?P<mod>{_MOD}|earlier|later|sometime)[- ])?(?:the\s+)?(?P<rel>{_REL})\s+(?:fiscal\s+|calendar\s+)?(?P<u>{_CAL_UNIT})\b(?![- ](?:old|long))",
        re.IGNORECASE,
    ),
    (
        "year_quarter",
        rf"\b(?:the\s+)?(?:(?P<y>{_YEAR})|(?P<rel>last|this|next) year's)\s+(?:(?P<ord>{_ORD})[- ])?(?:fiscal\s+)?(?P<u>quarter|period|half)\b",
        re.IGNORECASE,
    ),
    ("this_time", r"\b(?P<rel>this|that|the same)\s+(?:time|period)\s+(?P<when>last|a)\s+year\b", re.IGNORECASE),
    (
        "rel_wd",
        rf"\b(?P<rel>last|this|next|past|coming|on|by|until|since|before|after|the previous|the following)?\s*(?P<wd>{_WD})\b",
        re.IGNORECASE,
    ),
    (
        "clock_day",
        rf"\b(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm|AM|PM)|(?P<w>noon|midnight))(?:\s+(?P<tz>[A-Z]{{2,3}}T|GMT|UTC))?,?\s+(?:on\s+)?(?:(?P<wd>{_WD})|(?P<deictic>today|yesterday|tomorrow)|(?P<mon>{_MON_FULL})\s+(?P<d>{_DAYNUM}))\b",
        0,
    ),
    ("wd_abbr", r"\b(?P<wd>Mon|Tue|Tues|Wed|Thu|Thurs|Fri|Sat|Sun)\.(?=\s|,)", 0),
    (
        "deictic",
        r"\b(?P<w>today|yesterday|tomorrow|tonight|the day before yesterday|the day after tomorrow)(?:'s)?(?:\s+(?P<pod>morning|afternoon|evening|night))?\b",
        re.IGNORECASE,
    ),
    ("pod", r"\b(?P<rel>this|last|early this|late last|yesterday|tomorrow)\s+(?P<pod>morning|afternoon|evening|night)\b", re.IGNORECASE),
    (
        "clock",
        r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm|AM|PM)(?!\w)(?:\s+(?P<tz>[A-Z]{2,3}T|GMT|UTC))?",
        0,
    ),
    ("clock24", r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|[A-Z]{2,3}T)\b", 0),
    (
        "ref",
        (
            r"\b(?P<w>now|right now|just now|currently|current|nowadays|these days|at present|the present|present-day|presently|today's|"
            r"recently|lately|the past|in the past|formerly|former times|once upon a time|"
            r"the future|in the future|someday|the near future|the near term|the short term|"
            r"recent (?:years|months|weeks|days|decades|quarters)|the coming (?:years|months|weeks|days|decades)|"
            r"the (?:next|past|last) (?:few|several) (?:years|months|weeks|days|decades))\b"
        ),
        re.IGNORECASE,
    ),
    (
        "duration",
        rf"\b(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?P<rel>past|last|next|coming|first|final|previous|following|remaining|initial|full|entire|whole|same)\s+)?(?:(?P<q>about|some|nearly|almost|more than|less than|over|just|only|roughly|at least|up to|around)\s+)?(?P<n>{_NUMW})(?:\s+or\s+(?:so|more|\w+))?(?:\s+(?:more|additional|extra|trading|business|working|calendar|straight|consecutive))?[- ](?P<u>{_UNIT})(?:[- ]long|[- ]old)?\b(?:\s+(?P<per>a|per|each)\s+(?:year|month|week|day))?",
        re.IGNORECASE,
    ),
    (
        "plural_units",
        r"\b(?P<pre>for|over|in|within|took|take|takes|lasted)\s+(?P<u>years|months|weeks|days|decades|hours|minutes)\b(?!\s+(?:ago|earlier|later|of|old))",
        re.IGNORECASE,
    ),
    (
        "set",
        (
            r"\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|"
            r"(?:every|each|per|a)\s+(?:single\s+)?(?:day|week|month|year|quarter|hour|minute|morning|evening|night|weekend)|"
            r"(?:every|each)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"january|february|march|april|june|july|august|september|october|november|december)|"
            r"(?:every|each)\s+(?:other|two|three|four|five|six|ten)\s+(?:days|weeks|months|years))\b"
        ),
        re.IGNORECASE,
    ),
    (
        "holiday",
        r"\b(?P<w>Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)|Independence Day|Halloween|Valentine's Day|Thanksgiving(?: Day)?|Labor Day|Memorial Day|Victory Day|Election Day)\b(?:,?\s+(?P<y>"
        + _YEAR
        + r"))?",
        0,
    ),
    ("weekend", r"\b(?:the|this|last|next|that)\s+weekend\b", re.IGNORECASE),
]
# Gated: each pattern is tried only where a match can start, in texts holding the words it needs (see gated_re).
_COMPILED = [(name, gated_re.compile(rx, flags)) for name, rx, flags in _PATTERNS]
_GATES = gated_re.GatedSet([rx for _, rx in _COMPILED])  # where each pattern can start, found in one pass over a text
_ORDER = {name: i for i, (name, _, _) in enumerate(_PATTERNS)}

# Patterns whose match is normally not a time expression when the whole match is this word alone.
_STOP_ALONE = {
    "may",
    "march",
    "sun",
    "sat",
    "wed",
    "second",
    "once",
    "one day",
    "earlier",
    "some",
    "fall",
    "spring",
    "future",
    "current",
    "sept",
    "a",
}


def find_timexes(text: str, dct: dt.date | None, *, tense_of=None) -> list[Timex]:
    """Time expressions in ``text``, in order, with TimeML values relative to ``dct``.

    ``tense_of(start, end) -> "past" | "future" | None`` may give the tense
    that governs a span (e.g. from a parser); without it a lexical cue search
    in the sentence decides. With ``dct`` None, values that need it are None.
    """
    chosen, sents = _spans(text)
    norm = _Normaliser(text, dct, sents, tense_of)
    out = []
    for s, e, name, m in chosen:
        t = norm.normalise(s, e, name, m)
        if t is None:
            continue
        if "wd" in m.re.groupindex and m["wd"] and name in ("mdy", "dmy", "md") and t.value:
            # "Thursday, Jan. 6": TimeML marks the weekday and the date as two expressions of the same day
            wd_end = m.start("wd") + len(m["wd"].rstrip(" ,"))
            out.append(Timex(m.start("wd"), wd_end, text[m.start("wd") : wd_end], t.type, t.value, t.kind))
            rest = m.end("wd")
            t = Timex(rest, t.end, text[rest : t.end], t.type, t.value, t.kind, t.mod)
        out.append(_trim(text, t))
    return out


@functools.lru_cache(maxsize=4)
def _spans(text: str) -> tuple[tuple, tuple[tuple[int, int], ...]]:
    """The chosen (start, end, pattern name, match) of ``text`` and its sentence bounds: everything that does
    not depend on the DCT, kept for a second call on the same text (an estimated publication date is
    resolved against both ends of its interval)."""
    cands = []
    low = gated_re.lowered(text)
    found: dict = {}
    for (name, rx), starts in zip(_COMPILED, _GATES.candidates(text)):
        for m in rx.finditer(text, low, candidates=starts, found=found):
            if m.end() > m.start() and text[m.start() : m.end()].strip():
                cands.append((m.start(), m.end(), name, m))
    # longest first, then earliest; ties broken by pattern order (more specific patterns come first)
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[0], _ORDER[c[2]]))
    taken: list[tuple[int, int]] = []
    chosen = []
    for s, e, name, m in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        if _reject(text, s, e, name, m):
            continue
        taken.append((s, e))
        chosen.append((s, e, name, m))
    chosen.sort(key=lambda c: c[0])
    return tuple(chosen), tuple(_sentence_bounds(text))


_LEADING = re.compile(
    r"^(?:(?:about|only|just|nearly|almost|roughly|right|over|more than|less than|at least|some|around|its|their|his|her|our)\s+)+",
    re.IGNORECASE,
)
_ARTICLE_BEFORE_ADJECTIVE = re.compile(r"^(?:a|an|the)\s+(?=\S+-(?:quarter|hour|year|day|week|month|minute|second)\b)", re.IGNORECASE)


def _trim(text: str, t: Timex) -> Timex:
    """TimeBank's extent: no surrounding space, no hedges ("about", "only"), no article before "a two-year" adjective."""
    s, e = t.start, t.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    for rx in (_LEADING, _ARTICLE_BEFORE_ADJECTIVE):
        m = rx.match(text, s, e)
        if m and m.end() < e:
            s = m.end()
    if (s, e) == (t.start, t.end):
        return t
    return Timex(s, e, text[s:e], t.type, t.value, t.kind, t.mod)


def _reject(text: str, s: int, e: int, name: str, m: re.Match) -> bool:
    span = text[s:e]
    low = span.lower().strip()
    if low in _STOP_ALONE and name not in ("month_may", "month"):
        if name == "ref" and low in ("earlier", "once", "one day", "future", "current"):
            return low in ("once", "one day", "earlier")
        if name == "season" and low in ("fall", "spring"):
            # "the fall of the Berlin Wall", "spring" as a noun of water: only with a determiner or preposition before
            before = text[max(0, s - 12) : s].lower()
            return not re.search(r"\b(?:in|this|last|next|the|during|by|until|since|early|late)\s+$", before)
        return True
    if name == "year":
        y = int(m.group("y"))
        # a bare 4-digit number far from the DCT era is likely a quantity; ranges "1998-99" are kept as the first year
        before = text[max(0, s - 3) : s]
        if re.search(r"[#№]\s*$", before):
            return True
        if y < 1700:
            return True
    if name == "duration":
        n = (m.group("n") or "").lower()
        u = m.group("u").lower()
        # "a day" / "one day" alone is vague or a SET; "second" as ordinal is caught by the unit list only after numbers
        if n in ("a", "an", "one") and u.startswith("second") and not m.group("rel"):
            return True
        if n in ("some", "many") and not u.endswith("s"):
            return True
        if u.startswith("quarter") and re.search(r"\w-quarters?$", span):
            return True  # "three-quarters": a fraction
    if name == "rel_wd":
        wd = m.group("wd")
        if not wd[0].isupper():
            return True
    if name == "md":
        # "May 5" fine; "March 10" fine; avoid "Oct 1 percent"
        pass
    return False


_ABBREV_END = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Jr|Sr|Prof|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Corp|Inc|Co|Ltd|No|vs|Mt|Ft)\.)$"
)


def _zone(m: re.Match) -> str:
    """ISO 8601's "Z" for a time given in UTC/GMT; other zones are left off (TimeBank keeps local times)."""
    tz = m["tz"] if "tz" in m.re.groupindex else None
    return "Z" if tz in ("UTC", "GMT") else ""


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentence spans by punctuation and line breaks, not splitting after "U.S." or "Jan."."""
    bounds, start = [], 0
    for m in _SENT_END.finditer(text):
        if _ABBREV_END.search(text, max(0, m.start() - 6), m.start()):
            continue
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


class _Normaliser:
    def __init__(self, text: str, dct: dt.date | None, sents, tense_of):
        self.text = text
        self.dct = dct
        self.sents = sents
        self.tense_of = tense_of
        # Lexical tense cues are trusted only right next to the expression ("said Friday", "will meet
        # Dec. 7"); further away they belong to another clause as often as not (measured on TimeBank).
        self.tense_window = 12
        self.ahead_months = 4  # see _month_year
        self.future_window = 30  # "will" and its kin are rarer and surer than past-tense cues
        self.last_quarter: tuple[int, int] | None = None  # (year, q) the text last spoke of
        self.last_quarter_at = -(10**9)  # where
        self.last_date: dt.date | None = None  # last day-precision date mentioned
        self.last_granular: str | None = None  # value of the last DATE mentioned

    # -------------------------------------------------------- context
    def sentence(self, s: int) -> tuple[int, int]:
        for a, b in self.sents:
            if a <= s < b:
                return a, b
        return 0, len(self.text)

    def tense(self, s: int, e: int) -> str | None:
        if self.tense_of is not None:
            t = self.tense_of(s, e)
            if t:
                return t
        a, b = self.sentence(s)
        best, best_d = None, None
        for rx, label in ((_FUTURE_CUES, "future"), (_PAST_CUES, "past")):
            for m in rx.finditer(self.text, a, b):
                if s <= m.start() < e:
                    if label == "future" and m.group(0).lower() == "next":
                        return "future"
                    if label == "past" and m.group(0).lower() == "last":
                        return "past"
                    continue
                d = m.start() - e if m.start() >= e else s - m.end()
                if label == "past" and m.group(0).lower() in ("expected", "scheduled", "planned", "slated"):
                    continue
                if label == "future" and m.group(0).lower() == "would":
                    d += 40  # reported future-in-past is weak evidence
                if d > (self.future_window if label == "future" else self.tense_window):
                    continue
                if best_d is None or d < best_d:
                    best, best_d = label, d
        return best

    # -------------------------------------------------------- helpers
    def _month_year(self, month: int, s: int, e: int, day: int | None = None) -> int | None:
        """The year of a month (and day) given without one: the latest on or before the DCT, or the next one if the text speaks of the future."""
        if not self.dct:
            return None
        tense = self.tense(s, e)
        y = self.dct.year
        this = (month, day or 0)
        now = (self.dct.month, self.dct.day if day else 0)
        if tense == "future":
            return y if this >= now else y + 1
        if tense == "past":
            return y if this <= now else y - 1
        # no cue: news speaks of the recent past more than of the future, so the coming months
        # count only up to a few months ahead (measured on TimeBank: 4)
        ahead = (month - self.dct.month) % 12
        if ahead == 0:
            return y
        if ahead <= self.ahead_months:
            return y if month > self.dct.month else y + 1
        return y if month < self.dct.month else y - 1

    def _timex(self, s, e, typ, value, kind, mod=None):
        t = Timex(s, e, self.text[s:e], typ, value, kind, mod)
        if typ in ("DATE", "TIME") and value and value[0].isdigit():
            self.last_granular = value
            if re.match(r"^\d{4}-Q\d$", value):
                self.last_quarter = (int(value[:4]), int(value[-1]))
                self.last_quarter_at = s
        return t

    @staticmethod
    def _mod(word: str | None) -> str | None:
        if not word:
            return None
        w = word.lower()
        if w.startswith(("early", "the beginning", "beginning", "the start", "start")):
            return "START"
        if w.startswith(("late", "the end", "end")):
            return "END"
        if w.startswith(("mid", "middle", "the middle")):
            return "MID"
        return None

    @staticmethod
    def _number(word: str) -> int | float | None:
        w = word.lower().strip()
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            f = float(w)
            return int(f) if f.is_integer() else f
        if w in NUMBER_WORDS:
            return NUMBER_WORDS[w]
        if any(w == v for v in VAGUE_NUMBERS):
            return None
        parts = re.split(r"[- ]", w)
        if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
            return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
        return None

    @staticmethod
    def _unit(word: str) -> str:
        w = word.lower()
        if w.startswith("centur"):
            return "century"
        return w.removesuffix("s")

    def _shift(self, unit: str, n: int, anchor: dt.date | None = None) -> str | None:
        """The calendar unit ``n`` units from the anchor (DCT by default), at that unit's granularity."""
        d = anchor or self.dct
        if d is None:
            return None
        if unit == "day":
            return day_value(d + dt.timedelta(days=n))
        if unit in ("week", "fortnight"):
            return week_value(d + dt.timedelta(days=7 * n * (2 if unit == "fortnight" else 1)))
        if unit == "month":
            return month_value(*add_months(d.year, d.month, n))
        if unit == "quarter":
            return quarter_value(*add_quarters(d.year, quarter_of(d), n))
        if unit == "year":
            return f"{d.year + n:04d}"
        if unit == "decade":
            return f"{(d.year // 10) + n:03d}"
        if unit == "century":
            return f"{(d.year // 100) + n:02d}"
        if unit in ("hour", "minute", "second"):
            return day_value(d)
        return None

    # -------------------------------------------------------- dispatch
    def normalise(self, s: int, e: int, name: str, m: re.Match) -> Timex | None:
        return getattr(self, f"_n_{name}")(s, e, m)

    def _date(self, s, e, y, mon, d, kind):
        try:
            day = dt.date(y, mon, d)
        except (ValueError, TypeError):
            return None
        self.last_date = day
        return self._timex(s, e, "DATE", day_value(day), kind)

    def _n_iso(self, s, e, m):
        return self._date(s, e, int(m["y"]), int(m["m"]), int(m["d"]), "iso")

    def _n_slash(self, s, e, m):
        y = int(m["y"])
        if y < 100:
            y += 1900 if y >= 50 else 2000
        return self._date(s, e, y, int(m["m"]), int(m["d"]), "slash")

    def _n_mdy(self, s, e, m):
        return self._date(s, e, int(m["y"]), MONTHS[m["mon"].lower().rstrip(".")], int(re.sub(r"\D", "", m["d"])), "mdy")

    def _n_dmy(self, s, e, m):
        mon = MONTHS[m["mon"].lower().rstrip(".")]
        d = int(re.sub(r"\D", "", m["d"]))
        if m["y"]:
            return self._date(s, e, int(m["y"]), mon, d, "dmy")
        y = self._month_year(mon, s, e, d)
        if y is None:
            return self._timex(s, e, "DATE", f"XXXX-{mon:02d}-{d:02d}", "dmy")
        return self._date(s, e, y, mon, d, "dmy")

    def _n_md(self, s, e, m):
        mon = MONTHS[m["mon"].lower().rstrip(".")]
        d = int(re.sub(r"\D", "", m["d"]))
        # a weekday given with the date pins the year: "Wednesday, March 9"
        if m["wd"] and self.dct:
            wd = WEEKDAYS[m["wd"].strip(" ,").lower()]
            for y in (self.dct.year, self.dct.year - 1, self.dct.year + 1):
                try:
                    if dt.date(y, mon, d).weekday() == wd:
                        return self._date(s, e, y, mon, d, "md")
                except ValueError:
                    break
        y = self._month_year(mon, s, e, d)
        if y is None:
            return self._timex(s, e, "DATE", f"XXXX-{mon:02d}-{d:02d}", "md")
        return self._date(s, e, y, mon, d, "md")

    def _n_month_year(self, s, e, m):
        mon = MONTHS[m["mon"].lower().rstrip(".")]
        return self._timex(s, e, "DATE", month_value(int(m["y"]), mon), "month_year", self._mod(m["mod"]))

    def _n_rel_month(self, s, e, m):
        mon = MONTHS[m["mon"].lower()]
        if not self.dct:
            return self._timex(s, e, "DATE", f"XXXX-{mon:02d}", "rel_month")
        rel = m["rel"].lower()
        y = self.dct.year
        if rel in ("last", "past", "previous"):
            y = y if mon < self.dct.month else y - 1
        elif rel in ("next", "coming"):
            y = y if mon > self.dct.month else y + 1
        return self._timex(s, e, "DATE", month_value(y, mon), "rel_month", self._mod(m["mod"]))

    def _n_month_rel_year(self, s, e, m):
        mon = MONTHS[m["mon"].lower()]
        if not self.dct:
            return self._timex(s, e, "DATE", f"XXXX-{mon:02d}", "month_rel_year")
        y = self.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        return self._timex(s, e, "DATE", month_value(y, mon), "month_rel_year", self._mod(m["mod"]))

    def _n_month(self, s, e, m):
        if "prep" in m.re.groupindex and m["prep"]:
            s = m.start("mon")
        mon = MONTHS[m["mon"].lower().rstrip(".")]
        y = self._month_year(mon, s, e)
        value = month_value(y, mon) if y is not None else f"XXXX-{mon:02d}"
        return self._timex(s, e, "DATE", value, "month", self._mod(m["mod"]))

    _n_month_may = _n_month

    def _n_fiscal_year(self, s, e, m):
        y = m["y"]
        y = int(y) if len(y) == 4 else (1900 + int(y) if int(y) >= 50 else 2000 + int(y))
        return self._timex(s, e, "DATE", f"{y:04d}", "fiscal_year")

    def _n_year(self, s, e, m):
        mod = m["mod"]
        return self._timex(s, e, "DATE", m["y"], "year", self._mod(mod) if mod and mod.lower() != "the year" else None)

    def _n_decade(self, s, e, m):
        y = (m["y"] or m["yw"]).lower()
        words = {"fifties": 195, "sixties": 196, "seventies": 197, "eighties": 198, "nineties": 199}
        if y in words:
            dec = words[y]
        elif y.startswith("'") or len(y) == 2:
            d = int(y[-2])
            base = (self.dct.year // 100) if self.dct else 19
            dec = base * 10 + d if (self.dct is None or base * 100 + d * 10 <= self.dct.year) else (base - 1) * 10 + d
        else:
            dec = int(y[:3])
        return self._timex(s, e, "DATE", f"{dec:03d}", "decade", self._mod(m["mod"]))

    def _n_spelled_year(self, s, e, m):
        c = m["c"].lower()
        t = (m["t"] or "").lower().replace("oh-", "").replace("oh ", "")
        if c == "nineteen" and not t:
            return None  # "nineteen" alone is a number
        n = self._number(t) if t else 0
        if n is None:
            return None
        y = (1900 if c == "nineteen" else 2000) + n
        return self._timex(s, e, "DATE", f"{y:04d}", "spelled_year")

    def _n_the_year(self, s, e, m):
        s = m.start("w")
        pre = (m["pre"] or "").lower()
        if pre in ("over", "throughout") and "full" not in m["w"].lower() and "fiscal" not in m["w"].lower():
            return self._timex(s, e, "DURATION", "P1Y", "the_year")
        if not self.dct:
            return None
        return self._timex(s, e, "DATE", f"{self.dct.year:04d}", "the_year")

    def _n_that_year(self, s, e, m):
        ref = self.last_granular
        if not ref or not re.match(r"^\d{4}", ref):
            return None
        unit = m["u"].lower()
        if unit == "month":
            return self._timex(s, e, "DATE", ref[:7], "that_year") if re.match(r"^\d{4}-\d{2}", ref) else None
        return self._timex(s, e, "DATE", ref[:4], "that_year")

    def _n_end_of(self, s, e, m):
        return self._timex(s, e, "DATE", self._shift(m["u"].lower(), 0), "end_of", self._mod(m["mod"]))

    def _n_century(self, s, e, m):
        n = m["n"].lower()
        words = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}
        c = words.get(n) or int(re.sub(r"\D", "", n))
        return self._timex(s, e, "DATE", f"{c - 1:02d}", "century")

    def _n_season_year(self, s, e, m):
        return self._timex(s, e, "DATE", f"{m['y']}-{SEASON_CODES[m['s'].lower()]}", "season_year", self._mod(m["mod"]))

    def _season_value(self, code: str, shift: int, s, e, rel_this: bool = False) -> str | None:
        """The season ``code`` nearest the DCT in the direction asked: last (-1), next (+1), this or bare (0, by tense)."""
        if not self.dct:
            return f"XXXX-{code}"
        first_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        cy, ccode = season_of(self.dct)
        current_start = dt.date(cy, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[ccode], 1)
        starts = [dt.date(y, first_month, 1) for y in (self.dct.year - 2, self.dct.year - 1, self.dct.year, self.dct.year + 1)]
        if code == ccode and shift == 0:
            return f"{cy:04d}-{code}"
        if shift < 0:
            start = max(d for d in starts if d < current_start)
        elif shift > 0:
            start = min(d for d in starts if d > self.dct)
        else:
            tense = None if rel_this else self.tense(s, e)
            if tense == "past":
                start = max(d for d in starts if d <= self.dct)
            elif tense == "future":
                start = min(d for d in starts if d > self.dct)
            else:  # "this summer", or no cue: the one of the DCT's calendar year
                start = next(d for d in starts if d.year == self.dct.year)
        return f"{start.year:04d}-{code}"

    def _n_rel_season(self, s, e, m):
        rel = m["rel"].lower()
        shift = -1 if rel in ("last", "past") else (1 if rel in ("next", "coming") else 0)
        value = self._season_value(SEASON_CODES[m["s"].lower()], shift, s, e, rel_this=rel == "this")
        return self._timex(s, e, "DATE", value, "rel_season", self._mod(m["mod"]))

    def _n_season(self, s, e, m):
        return self._timex(s, e, "DATE", self._season_value(SEASON_CODES[m["s"].lower()], 0, s, e), "season", self._mod(m["mod"]))

    def _quarter_year(self, q: int, s, e) -> int | None:
        if not self.dct:
            return None
        y = self.dct.year
        if q > quarter_of(self.dct) and self.tense(s, e) != "future":
            y -= 1  # a quarter still to come is spoken of with a future; otherwise it is last year's
        return y

    def _n_quarter(self, s, e, m):
        o = m["ord"].lower()
        q = ORDINALS.get(o, 4)
        if m["y"]:
            y = int(m["y"])
        elif m["rel"] and self.dct:
            y = self.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        else:
            y = self._quarter_year(q, s, e)
            if m["ago"] and y is not None:
                y -= 1
                value = quarter_value(y, q)
                return Timex(s, e, self.text[s:e], "DATE", value, "quarter")  # a comparison, not the quarter in question
        value = quarter_value(y, q) if y is not None else f"XXXX-Q{q}"
        return self._timex(s, e, "DATE", value, "quarter")

    def _n_year_quarter(self, s, e, m):
        if m["y"]:
            y = int(m["y"])
        elif self.dct:
            y = self.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        else:
            return self._timex(s, e, "DATE", None, "year_quarter")
        u = m["u"].lower()
        if m["ord"]:
            q = ORDINALS.get(m["ord"].lower(), 4)
            if u == "half":
                return self._timex(s, e, "DATE", f"{y:04d}-H{min(q, 2)}", "year_quarter")
            return self._timex(s, e, "DATE", quarter_value(y, q), "year_quarter")
        if u == "half":
            return self._timex(s, e, "DATE", f"{y:04d}", "year_quarter")
        # "the 1988 quarter", "the 1989 period": the quarter in question, in that year
        q = self.last_quarter[1] if self.last_quarter else None
        return self._timex(s, e, "DATE", quarter_value(y, q) if q else f"{y:04d}", "year_quarter")

    def _n_quarter_q(self, s, e, m):
        q = int(m["ord"])
        y = m["y"] or m["y2"]
        y = int(y) if y else self._quarter_year(q, s, e)
        return self._timex(s, e, "DATE", quarter_value(y, q) if y else f"XXXX-Q{q}", "quarter")

    def _n_half(self, s, e, m):
        h = 1 if m["ord"].lower() == "first" else 2
        if m["y"]:
            y = int(m["y"])
        elif m["rel"] and self.dct:
            y = self.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        elif self.dct:
            y = self.dct.year if (h == 1 or self.dct.month > 6 or self.tense(s, e) == "future") else self.dct.year - 1
        else:
            return self._timex(s, e, "DATE", f"XXXX-H{h}", "half")
        return self._timex(s, e, "DATE", f"{y:04d}-H{h}", "half")

    def _n_the_period(self, s, e, m):
        # in a report of results, "the latest period" is the quarter reported on
        if not self.last_quarter or s - self.last_quarter_at > 1500:
            return None
        return self._n_the_quarter(s, e, m)

    def _n_the_quarter(self, s, e, m):
        which = (m["which"] or "").lower()
        if which in ("year-ago", "year-earlier", "comparable", "prior-year", "year-before"):
            if self.last_quarter:
                y, q = self.last_quarter
                return Timex(s, e, self.text[s:e], "DATE", quarter_value(y - 1, q), "the_quarter")
            if self.dct:
                y, q = add_quarters(self.dct.year, quarter_of(self.dct), -1)
                return Timex(s, e, self.text[s:e], "DATE", quarter_value(y - 1, q), "the_quarter")
        if which in ("previous", "prior", "past") and self.last_quarter:
            y, q = add_quarters(*self.last_quarter, -1)
            return Timex(s, e, self.text[s:e], "DATE", quarter_value(y, q), "the_quarter")
        if self.last_quarter and which not in ("latest", "recent", "most recent", "just-ended", "just ended", "current"):
            return Timex(s, e, self.text[s:e], "DATE", quarter_value(*self.last_quarter), "the_quarter")
        if self.dct:
            # the latest quarter a report can speak of: the one before the DCT's, unless it is the current one
            y, q = (self.dct.year, quarter_of(self.dct)) if which == "current" else add_quarters(self.dct.year, quarter_of(self.dct), -1)
            return self._timex(s, e, "DATE", quarter_value(y, q), "the_quarter")
        return Timex(s, e, self.text[s:e], "DATE", "XXXX-QX", "the_quarter")

    def _n_ago(self, s, e, m):
        n = self._number(m["n"])
        unit = self._unit(m["u"])
        d = m["dir"].lower()
        if d in ("after", "later", "before", "back"):
            # "three days later", "a month after": TimeML marks the amount of time, a duration
            t = self._duration(s, m.end("u"), n, unit, bool(m["half"]))
            ref = value_interval(self.last_granular) if self.last_granular else None
            # only "a year later," / "two days after." count from the last date; "a day before his arrival" counts
            # from an event the text has not dated
            adverbial = d == "later" or re.match(r"\s*(?:[,.;:)\]]|$|that\b|and\b)", self.text[e : e + 8])
            if t is not None and ref and adverbial and isinstance(n, int) and unit in ("day", "week", "month", "quarter", "year", "decade"):
                t.anchored = self._shift(unit, n if d in ("after", "later") else -n, ref[0])
            return t
        sign = 1 if d in ("later", "after", "from now", "hence") else -1
        anchor = self.dct
        if d in ("earlier", "later", "before", "after", "previously") and self.last_date is not None:
            anchor = self.last_date
        if n is None:
            if unit in ("year", "decade", "century") and anchor:
                v = self._shift(unit, sign * 1, anchor)
                # "a few years ago": the decade, or the year with unknown last digit
                return self._timex(s, e, "DATE", (v[:3] + "X") if unit == "year" and v else v, "ago")
            return self._timex(s, e, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "ago")
        if not isinstance(n, int):
            return self._timex(s, e, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "ago")
        if unit in ("hour", "minute", "second"):
            return self._timex(s, e, "TIME" if anchor else "DATE", self._shift(unit, 0, anchor), "ago")
        if unit == "year" and n == 1 and self.last_quarter and d in ("earlier", "ago", "before") and s - self.last_quarter_at < 600:
            y, q = self.last_quarter
            return Timex(s, e, self.text[s:e], "DATE", quarter_value(y - 1, q), "ago")
        return self._timex(s, e, "DATE", self._shift(unit, sign * n, anchor), "ago")

    def _n_year_earlier(self, s, e, m):
        unit = m["u"].lower()
        if unit == "year" and self.last_quarter and s - self.last_quarter_at < 600:
            y, q = self.last_quarter
            return Timex(s, e, self.text[s:e], "DATE", quarter_value(y - 1, q), "year_earlier")
        anchor = self.last_date if m["dir"].lower() == "earlier" and self.last_date else self.dct
        return Timex(s, e, self.text[s:e], "DATE", self._shift(unit, -1, anchor), "year_earlier")

    def _n_the_n_before(self, s, e, m):
        unit = m["u"].lower()
        sign = 1 if m["dir"].lower() == "after" else -1
        anchor = self.last_date or self.dct
        if unit == "year" and self.last_granular and re.match(r"^\d{4}", self.last_granular):
            return Timex(s, e, self.text[s:e], "DATE", f"{int(self.last_granular[:4]) + sign:04d}", "the_n_before")
        return Timex(s, e, self.text[s:e], "DATE", self._shift(unit, sign, anchor), "the_n_before")

    def _n_rel_unit(self, s, e, m):
        rel = m["rel"].lower()
        unit = m["u"].lower()
        mod = m["mod"]
        shift = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1, "following": 1}[rel]
        if rel in ("previous", "following") and self.last_granular and re.match(r"^\d{4}", self.last_granular):
            # "the following year": after the last date the text spoke of, not after the DCT
            ref = self.last_granular
            if unit == "year":
                return self._timex(s, e, "DATE", f"{int(ref[:4]) + shift:04d}", "rel_unit")
            if unit == "month" and re.match(r"^\d{4}-\d{2}", ref):
                return self._timex(s, e, "DATE", month_value(*add_months(int(ref[:4]), int(ref[5:7]), shift)), "rel_unit")
        if unit == "weekend":
            if not self.dct:
                return self._timex(s, e, "DATE", "XXXX-WXX-WE", "rel_unit")
            sat = last_weekday_on_or_before(self.dct, 5) if shift <= 0 else next_weekday_on_or_after(self.dct, 5)
            if shift < 0 and sat == self.dct:
                sat -= dt.timedelta(days=7)
            return self._timex(s, e, "DATE", week_value(sat) + "-WE", "rel_unit")
        value = self._shift(unit, shift)
        return self._timex(s, e, "DATE", value, "rel_unit", self._mod(mod))

    def _n_weekend(self, s, e, m):
        word = m.group(0).split()[0].lower()
        if not self.dct:
            return self._timex(s, e, "DATE", "XXXX-WXX-WE", "weekend")
        if word == "next" or (word in ("the", "this") and self.tense(s, e) == "future"):
            sat = next_weekday_on_or_after(self.dct, 5)
        else:
            sat = last_weekday_on_or_before(self.dct, 5)
            if word == "last" and sat == self.dct:
                sat -= dt.timedelta(days=7)
        return self._timex(s, e, "DATE", week_value(sat) + "-WE", "weekend")

    def _n_this_time(self, s, e, m):
        if not self.dct:
            return None
        return self._timex(s, e, "DATE", f"{self.dct.year - 1:04d}", "this_time")

    def _weekday_date(self, wd: int, rel: str | None, s, e) -> dt.date | None:
        if not self.dct:
            return None
        rel = (rel or "").lower()
        if rel in ("next", "coming"):
            d = next_weekday_on_or_after(self.dct + dt.timedelta(days=1), wd)
        elif rel in ("last", "past"):
            d = last_weekday_on_or_before(self.dct - dt.timedelta(days=1), wd)
        elif rel == "this":
            d = next_weekday_on_or_after(self.dct, wd) if self.tense(s, e) == "future" else last_weekday_on_or_before(self.dct, wd)
        elif rel in ("by", "until"):
            d = next_weekday_on_or_after(self.dct, wd)
        else:
            tense = self.tense(s, e)
            if tense == "future":
                d = next_weekday_on_or_after(self.dct, wd)
            elif tense is None and (wd - self.dct.weekday()) % 7 == 1:
                d = self.dct + dt.timedelta(days=1)  # no tense either way: the day after the DCT, not six days before
            else:
                d = last_weekday_on_or_before(self.dct, wd)
        return d

    def _n_rel_wd(self, s, e, m):
        wd = WEEKDAYS[m["wd"].lower()]
        rel = (m["rel"] or "").lower()
        # "on"/"since"/... is context, not part of the expression
        if rel in ("on", "by", "until", "since", "before", "after"):
            s, rel = m.start("wd"), ""
        if rel in ("the previous", "the following"):
            base = self.last_date or self.dct
            if base is None:
                return self._timex(s, e, "DATE", "XXXX-WXX-" + str(wd + 1), "rel_wd")
            d = (
                last_weekday_on_or_before(base - dt.timedelta(days=1), wd)
                if rel == "the previous"
                else next_weekday_on_or_after(base + dt.timedelta(days=1), wd)
            )
        else:
            d = self._weekday_date(wd, rel, s, e)
        if d is None:
            return self._timex(s, e, "DATE", "XXXX-WXX-" + str(wd + 1), "rel_wd")
        self.last_date = d
        return self._timex(s, e, "DATE", day_value(d), "rel_wd")

    def _n_clock_day(self, s, e, m):
        if m["w"]:
            hm = "24:00" if m["w"].lower() == "midnight" else "12:00"
        else:
            h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
            hm = f"{h:02d}:{int(m['mi'] or 0):02d}"
        d = None
        if m["wd"]:
            d = self._weekday_date(WEEKDAYS[m["wd"].lower()], None, s, e)
        elif m["deictic"] and self.dct:
            d = self.dct + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[m["deictic"].lower()])
        elif m["mon"]:
            mon = MONTHS[m["mon"].lower().rstrip(".")]
            y = self._month_year(mon, s, e, int(re.sub(r"\D", "", m["d"])))
            try:
                d = dt.date(y, mon, int(re.sub(r"\D", "", m["d"]))) if y else None
            except ValueError:
                d = None
        if d is None:
            return self._timex(s, e, "TIME", None, "clock_day")
        self.last_date = d
        return self._timex(s, e, "TIME", f"{day_value(d)}T{hm}{_zone(m)}", "clock_day")

    def _n_wd_abbr(self, s, e, m):
        wd = WEEKDAYS[m["wd"].lower()]
        d = self._weekday_date(wd, None, s, e)
        return self._timex(s, e, "DATE", day_value(d) if d else None, "wd_abbr")

    def _n_deictic(self, s, e, m):
        w = m["w"].lower()
        off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        if not self.dct:
            return self._timex(s, e, "DATE", "PRESENT_REF" if off == 0 else None, "deictic")
        d = self.dct + dt.timedelta(days=off)
        if m["pod"]:
            return self._timex(s, e, "TIME", day_value(d) + "T" + PARTS_OF_DAY[m["pod"].lower()], "deictic")
        if w == "tonight":
            return self._timex(s, e, "TIME", day_value(d) + "TNI", "deictic")
        return self._timex(s, e, "DATE", day_value(d), "deictic")

    def _n_pod(self, s, e, m):
        rel = m["rel"].lower()
        if not self.dct:
            return None
        off = -1 if ("last" in rel or rel == "yesterday") else (1 if rel == "tomorrow" else 0)
        if rel == "last" and m["pod"].lower() != "night":
            off = -1
        d = self.dct + dt.timedelta(days=off)
        return self._timex(s, e, "TIME", day_value(d) + "T" + PARTS_OF_DAY[m["pod"].lower()], "pod")

    def _n_clock(self, s, e, m):
        h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
        mi = int(m["mi"] or 0)
        base = day_value(self.last_date or self.dct) if (self.last_date or self.dct) else "XXXX-XX-XX"
        return self._timex(s, e, "TIME", f"{base}T{h:02d}:{mi:02d}{_zone(m)}", "clock")

    def _n_clock24(self, s, e, m):
        base = day_value(self.last_date or self.dct) if (self.last_date or self.dct) else "XXXX-XX-XX"
        return self._timex(s, e, "TIME", f"{base}T{int(m['h']):02d}:{m['mi']}{_zone(m)}", "clock")

    def _n_noon(self, s, e, m):
        base = day_value(self.last_date or self.dct) if (self.last_date or self.dct) else "XXXX-XX-XX"
        w = m["w"].lower()
        return self._timex(s, e, "TIME", f"{base}T{'24:00' if w == 'midnight' else '12:00'}", "noon")

    def _n_ref(self, s, e, m):
        w = m["w"].lower()
        if w in (
            "now",
            "right now",
            "just now",
            "currently",
            "current",
            "nowadays",
            "these days",
            "at present",
            "the present",
            "present-day",
            "presently",
            "today's",
        ):
            return self._timex(s, e, "DATE", "PRESENT_REF", "ref")
        if w in (
            "soon",
            "shortly",
            "the future",
            "in the future",
            "future",
            "eventually",
            "someday",
            "the near future",
            "the near term",
            "the short term",
        ) or w.startswith(("the coming", "the next")):
            if w.startswith(("the coming", "the next")):
                unit = w.split()[-1][0].upper()
                return self._timex(s, e, "DURATION", f"PX{unit}", "ref")
            if w == "in the future":
                s += 3
            return self._timex(s, e, "DATE", "FUTURE_REF", "ref")
        if w.startswith("recent "):
            return self._timex(s, e, "DURATION", f"PX{w.split()[-1][0].upper()}" if not w.endswith("quarters") else "PXM", "ref")
        if w.startswith(("the past ", "the last ")) and w.split()[-1] in ("years", "months", "weeks", "days", "decades"):
            return self._timex(s, e, "DURATION", f"PX{w.split()[-1][0].upper()}", "ref")
        if w == "in the past":
            s += 3
        return self._timex(s, e, "DATE", "PAST_REF", "ref")

    def _n_duration(self, s, e, m):
        text = self.text[s:e].lower()
        if re.search(r"[- ]old\b", text):
            return None  # an age: "a 6-year-old"
        if self.text[e : e + 4].lower() == " old":
            return None
        return self._duration(s, e, self._number(m["n"]), self._unit(m["u"]), False)

    def _duration(self, s, e, n, unit, half):
        if unit == "quarter":
            n, unit = (n * 3 if isinstance(n, int) else n), "month"
        if half and isinstance(n, int):
            sub = {"year": (f"P{n}Y6M"), "hour": f"PT{n}H30M", "day": f"P{n}DT12H", "minute": f"PT{n}M30S", "month": f"P{n}M15D"}
            if unit in sub:
                return self._timex(s, e, "DURATION", sub[unit], "duration")
        count = "X" if n is None else str(n)
        letter = UNITS[unit][0]
        if letter == "DE":
            value = f"P{count}0Y" if count != "X" else "PXDE"
            if count != "X":
                value = f"P{n * 10}Y"
        elif letter == "CE":
            value = f"P{n * 100}Y" if count != "X" else "PXCE"
        elif letter == "W2":
            value = f"P{n * 2}W" if count != "X" else "PXW"
        elif UNITS[unit][1]:
            value = f"PT{count}{letter}"
        else:
            value = f"P{count}{letter}"
        return self._timex(s, e, "DURATION", value, "duration")

    def _n_plural_units(self, s, e, m):
        s = m.start("u")
        unit = self._unit(m["u"])
        letter = UNITS[unit][0]
        value = f"PT{'X'}{letter}" if UNITS[unit][1] else ("PXDE" if letter == "DE" else f"PX{letter}")
        return self._timex(s, e, "DURATION", value, "plural_units")

    def _n_set(self, s, e, m):
        w = m["w"].lower()
        simple = {
            "daily": "P1D",
            "nightly": "P1D",
            "weekly": "P1W",
            "monthly": "P1M",
            "annually": "P1Y",
            "yearly": "P1Y",
            "quarterly": "P3M",
            "hourly": "PT1H",
            "biweekly": "P2W",
            "semiannually": "P6M",
        }
        if w in simple:
            return self._timex(s, e, "SET", simple[w], "set")
        last = w.split()[-1]
        if last in WEEKDAYS:
            return self._timex(s, e, "SET", f"XXXX-WXX-{WEEKDAYS[last] + 1}", "set")
        if last in MONTHS:
            return self._timex(s, e, "SET", f"XXXX-{MONTHS[last]:02d}", "set")
        if last in PARTS_OF_DAY:
            return self._timex(s, e, "SET", f"TXX{PARTS_OF_DAY[last]}" if False else f"T{PARTS_OF_DAY[last]}", "set")
        words = w.split()
        n = self._number(words[1]) if len(words) == 3 and words[1] != "other" else (2 if "other" in words else 1)
        unit = self._unit(last)
        if unit == "weekend":
            return self._timex(s, e, "SET", "P1WE", "set")
        letter = UNITS.get(unit, ("D", False))[0]
        return self._timex(s, e, "SET", f"{'PT' if UNITS.get(unit, ('D', False))[1] else 'P'}{n}{letter}", "set")

    def _n_holiday(self, s, e, m):
        w = m["w"].lower()
        rule = HOLIDAYS.get(w)
        year = int(m["y"]) if m["y"] else None

        def on(y):
            if isinstance(rule, tuple):
                return dt.date(y, *rule)
            if rule == "thanksgiving":
                return next_weekday_on_or_after(dt.date(y, 11, 1), 3) + dt.timedelta(days=21)
            if rule == "labor":
                return next_weekday_on_or_after(dt.date(y, 9, 1), 0)
            if rule == "memorial":
                return last_weekday_on_or_before(dt.date(y, 5, 31), 0)
            if rule == "election":  # United States: the Tuesday after the first Monday of November
                return next_weekday_on_or_after(dt.date(y, 11, 1), 0) + dt.timedelta(days=1)
            return None

        if year is None:
            if not self.dct:
                return self._timex(s, e, "DATE", None, "holiday")
            year = self.dct.year
            d = on(year)
            tense = self.tense(s, e)
            if d > self.dct and tense != "future":
                d = on(year - 1)
            elif d < self.dct and tense == "future":
                d = on(year + 1)
        else:
            d = on(year)
        return self._timex(s, e, "DATE", day_value(d), "holiday")
