"""Quantities in raw text: money, oil volumes and rates, percentages, multiples, counts — normalised.

Pattern-based over the raw text, so spans and values are exact:
"$50 billion" -> 5e10 USD, "US$17bn" -> 1.7e10 USD, "half a billion dollars"
-> 5e8 USD, "732,000 barrels per day" -> 732000 barrels/day, "2 million bpd"
-> 2e6 barrels/day, "25% tariffs" -> 25 percent, "rose 9 times" -> 9
multiple, "five joint ventures" -> 5 count:ventures. Currencies are kept as
written: no exchange rate is ever applied.

quantulum3 is used only as a fallback for units these patterns do not know
(kilometres, gigabytes, hours...), and only where no pattern matched: on the
forms news numbers take most often it is wrong ("a $50 billion package" ->
"a $50 billi", "US$50bn" -> "dollar barn newton", "half a billion dollars"
-> 1.5e9, "bpd" -> "base pair day"); BENCHMARKS.md has the measured comparison.
"""

from __future__ import annotations

import bisect
import functools
import re
import warnings

from .. import gated_re
from ..model import Quantity

SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6, "mil": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
# Currency as written -> ISO 4217. Symbols that several currencies share ("$") mean USD
# unless prefixed (A$, C$, HK$); "dollars" alone is read as USD, as news in English uses it.
CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD", "dollar": "USD", "u.s. dollars": "USD",
    "a$": "AUD", "au$": "AUD", "au $": "AUD", "c$": "CAD", "hk$": "HKD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "euro": "EUR",
    "£": "GBP", "gb£": "GBP", "gbp": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "¥": "CNY", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "cny": "CNY",
    "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "rub": "RUB", "₽": "RUB",
    "bolivars": "VES", "bolívares": "VES", "bolivares": "VES",
    "yen": "JPY", "jpy": "JPY", "rupees": "INR", "inr": "INR", "₹": "INR",
}
QUALIFIERS = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "circa": "about", "almost": "nearly", "nearly": "nearly", "close to": "nearly",
    "just under": "nearly", "at least": "at least", "no less than": "at least", "more than": "more than", "over": "more than",
    "above": "more than", "in excess of": "more than", "upwards of": "more than", "just over": "more than",
    "up to": "up to", "as much as": "up to", "as many as": "up to", "as high as": "up to",
    "less than": "less than", "fewer than": "less than", "under": "less than", "below": "less than",
    "at most": "up to", "no more than": "up to",
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100, "a thousand": 1000,
    "a dozen": 12, "dozen": 12, "half a": 0.5, "a half": 0.5, "half": 0.5, "a": 1, "one and a half": 1.5,
    "hundreds of": 100, "thousands of": 1000, "dozens of": 12, "tens of": 10,
}
# vague plurals ("hundreds of people") are lower bounds
VAGUE = {"hundreds of", "thousands of", "dozens of", "tens of"}
# how a change is written before the number -> (lemma); the preposition after it is kept
CHANGE_VERBS = {
    "rose": "rise", "rise": "rise", "rises": "rise", "risen": "rise", "rising": "rise",
    "increased": "increase", "increase": "increase", "increases": "increase", "increasing": "increase",
    "grew": "grow", "grow": "grow", "grown": "grow", "grows": "grow", "jumped": "jump", "jumps": "jump", "jump": "jump",
    "climbed": "climb", "climbs": "climb", "surged": "surge", "soared": "soar", "rebounded": "rebound",
    "fell": "fall", "fall": "fall", "falls": "fall", "fallen": "fall", "falling": "fall",
    "dropped": "drop", "drop": "drop", "drops": "drop", "declined": "decline", "declines": "decline",
    "slumped": "slump", "plunged": "plunge", "plummeted": "plummet", "tumbled": "tumble", "shrank": "shrink",
    "cut": "cut", "cuts": "cut", "cutting": "cut", "reduced": "reduce", "reduce": "reduce", "reducing": "reduce",
    "lowered": "lower", "slashed": "slash", "trimmed": "trim", "raised": "raise", "raise": "raise", "raising": "raise",
    "boosted": "boost", "boost": "boost", "lifted": "lift", "hiked": "hike", "expanded": "expand", "doubled": "double",
    "up": "up", "down": "down", "gained": "gain", "gains": "gain", "lost": "lose", "losing": "lose",
}
# plural heads that are not counted things, and words a count never ends on
NOT_COUNTED = {
    "is", "was", "has", "its", "this", "us", "as", "thus", "yes", "less", "across", "plus", "his", "hers", "its", "whereas",
    "days", "years", "months", "weeks", "hours", "minutes", "seconds", "decades", "centuries", "times", "percent",
    "bps", "pcs", "ms", "mins", "hrs", "yrs", "ones", "others", "sides", "this", "process", "status", "basis", "crisis",
    "kilometers", "kilometres", "km", "miles", "meters", "metres", "feet", "inches", "kilograms", "kg", "grams", "pounds",
    "hectares", "acres", "litres", "liters", "gallons", "degrees", "watts", "volts", "euros", "dollars", "yuan",
    "news", "series", "means", "various", "previous", "serious", "famous", "bus", "gas", "thus", "does", "goes", "class",
    "press", "business", "access", "success", "progress", "congress", "address", "always", "perhaps", "afterwards",
}
IRREGULAR_PLURALS = {"people", "men", "women", "children", "personnel", "staff", "aircraft", "crew", "police", "troops",
                     "cattle", "sheep", "fish", "persons", "civilians", "migrants", "refugees", "workers"}
STOP_MODIFIERS = {"of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "by", "with", "from", "at", "per", "than",
                  "was", "were", "is", "are", "be", "been", "have", "has", "had", "will", "would", "could", "that", "which",
                  "who", "it", "they", "he", "she", "we", "as", "but", "not", "more", "less", "this", "these", "those",
                  "its", "their", "his", "her", "our", "your", "my", "since", "after", "before", "during", "until", "into",
                  "percent", "per", "cent", "times", "years", "year", "days", "months", "weeks", "january", "february", "march",
                  "april", "may", "june", "july", "august", "september", "october", "november", "december"}

_DIGITS = r"(?<![\w.,:])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_WORDNUM = (
    r"(?:one and a half|hundreds of|thousands of|dozens of|tens of|a hundred|a thousand|(?:a|two|three|four|five|six) dozen|half a|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|hundred|a(?=\s+(?:thousand|million|billion|trillion)\b))"
)
_N1 = rf"(?P<num>{_DIGITS}|\b(?i:{_WORDNUM})\b)"
_N2 = rf"(?P<num2>{_DIGITS}|\b(?i:{_WORDNUM})\b)"
# "15-20", "20 to 25", "between 1.5 and 2"; ranges share the scale and unit written after the second number
_RANGE = rf"(?:\s*(?P<rsep>-|–|—|to|and)\s*(?:\$|€|£|US\$)?{_N2})?"
_SCALE = r"(?:[\s-]*(?P<scale>thousand|million|billion|trillion|mln|bln|bn|tn|trn|mn|mil|m|k|b)\b\.?)?"
_QUAL = (
    r"(?:\b(?i:(?P<qual>about|around|approximately|roughly|nearly|almost|close to|just under|just over|at least|no less than|"
    r"more than|over|above|in excess of|upwards of|up to|as much as|as many as|as high as|at most|no more than|"
    r"less than|fewer than|under|below|an estimated|estimated|some|circa|between))\s+)?"
)
_NUMBER = _N1 + _RANGE + _SCALE

_CUR_PREFIX = r"(?P<cur>US\s?\$|GB\s?£|HK\$|AU\s?\$|A\$|C\$|\$|€|£|¥|₽|₹|(?:USD|EUR|GBP|CNY|RMB|RUB|JPY|INR)\b\s?)"
_MONEY_PREFIX = re.compile(
    _QUAL + _CUR_PREFIX + r"\s?" + rf"(?P<num>{_DIGITS})"
    + rf"(?:\s*(?P<rsep>-|–|to)\s*(?:US\$|\$|€|£)?(?P<num2>{_DIGITS}))?" + _SCALE
    + r"(?:\s+(?P<tail>(?:US |U\.S\. )?dollars|euros)\b)?",
    re.IGNORECASE,
)
_CUR_SUFFIX = (
    r"(?P<cur>(?:US |U\.S\. )?dollars?|yuan|renminbi|rmb|rubles?|roubles?|euros?|pounds(?: sterling)?|sterling|"
    r"bolivars|bolívares|bolivares|yen|rupees|USD|EUR|GBP|CNY|RUB|JPY|INR)\b"
)
_MONEY_RANGE = re.compile(
    _QUAL + _CUR_PREFIX + r"\s?" + rf"(?P<num>{_DIGITS})" + _SCALE.replace("scale", "scale1")
    + rf"\s*(?P<rsep>-|–|to)\s*(?:US\s?\$|\$|€|£|¥)\s?(?P<num2>{_DIGITS})" + _SCALE,
    re.IGNORECASE,
)
_MONEY_SUFFIX = re.compile(_QUAL + _NUMBER + r"\s+(?:(?:of|in)\s+)?" + _CUR_SUFFIX, re.IGNORECASE)
_VOLUME_UNIT = (
    r"(?P<unit>barrels?(?:\s+of\s+(?:crude\s+|heavy\s+|light\s+)?(?:oil|crude|oil\s+equivalent))?(?:\s+(?:per|a)\s+day|\s+daily|/day|/d)?"
    r"|bpd|b/d|bbl/d|bopd|boe/d|boepd|mb/d|kb/d|mbpd|bbl|bbls"
    r"|(?:metric\s+)?(?:tonnes?|tons?)(?:\s+of\s+[a-z]+)?(?:\s+(?:per|a)\s+(?:year|annum)|\s+annually)?"
    r"|cubic\s+(?:met(?:er|re)s?|feet)(?:\s+of\s+(?:natural\s+)?gas)?(?:\s+(?:per|a)\s+(?:day|year))?"
    r"|bcm|tcf|mcm|mmbtu|megawatts|mw|gigawatts|gw)\b"
)
_VOLUME = re.compile(_QUAL + _NUMBER + r"\s*" + _VOLUME_UNIT, re.IGNORECASE)
_PERCENT = re.compile(
    _QUAL + _N1 + rf"(?:\s*(?P<rsep>-|–|to|and)\s*{_N2})?"
    + r"\s?(?P<unit>%|percentage\s+points?|per\s*cent\b|percent\b|pct\b|pp\b)",
    re.IGNORECASE,
)
_MULTIPLE = re.compile(
    _QUAL + rf"(?P<num>{_DIGITS}|\b{_WORDNUM}(?=[- ]?fold\b)|\b{_WORDNUM}\b)(?:[- ]?(?P<unit>fold)\b|\s+(?P<times>times)\b)",
    re.IGNORECASE,
)
_COUNT = re.compile(
    _QUAL + _NUMBER + r"\s+(?P<mods>(?:[A-Za-z][\w’'-]*\s+){0,2}?)(?P<noun>[a-z][a-z-]*[a-z]s|[A-Z][a-z]+(?:an|ian|i)s|people|men|women|children|personnel|staff|aircraft|crew|police|cattle|sheep|fish)\b",
)
FRACTIONS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_FRACTION = re.compile(
    _QUAL + r"(?P<num>\b(?i:(?:(?P<count>a|one|two|three|four|nine)[- ])?(?P<part>half|thirds?|quarters?|fifths?|tenths?)))\b"
    + r"(?P<pct>\s+(?:a\s+)?(?:percent|per\s+cent|percentage\s+points?)\b)?",
)
_BARE = re.compile(r"(?<![\w.,$€£¥/:-])" + _NUMBER + r"(?![\w%/:])", re.IGNORECASE)
# "Boeing 787", "Flight 447", "Airbus A380": a number right after a capitalised word inside a sentence names a thing
_NAME_BEFORE = re.compile(r"(?P<pre>^|.)\s*\b(?P<word>[A-Z][\w-]*)\s+$", re.DOTALL)
NUMBER_WORDS_VAGUE = {"hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
_VAGUE_MONEY = re.compile(r"\b(?P<num>hundreds|thousands|millions|billions|trillions)\s+of\s+" + r"(?P<cur>(?:US |U\.S\. )?dollars|euros|pounds|yuan|rubles|roubles)\b", re.IGNORECASE)
_YEARLIKE = re.compile(r"^(1[5-9]|20)\d\d$")
_CHANGE_BEFORE = re.compile(
    r"\b(?P<verb>" + "|".join(sorted(CHANGE_VERBS, key=len, reverse=True)) + r")\s+(?:[a-z]+\s+){0,2}?(?P<prep>to|by|from)?\s*$",
    re.IGNORECASE,
)
_MONTHS = re.compile(r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$", re.IGNORECASE)


def parse_number(s: str) -> float | None:
    """ "1,234.5" -> 1234.5, "five" -> 5, "twenty-five" -> 25, "half a" -> 0.5; None if not a number."""
    s = " ".join(s.lower().split())
    if not s:
        return None
    if s[0].isdigit() or s[0] == ".":
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    if s in NUMBER_WORDS:
        return float(NUMBER_WORDS[s])
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[1] == "dozen" and parts[0] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] * 12)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def _scale(m: re.Match) -> float:
    return SCALES.get((m.group("scale") or "").lower().rstrip("."), 1.0)


def _values(m: re.Match, scaled: bool = True) -> tuple[float, float, float | None, bool] | None:
    """(value as written, normalised value, normalised max for ranges, split), or None if not a number.

    ``split`` is True when what looked like a range is two numbers: "from 60 to 40 percent", "500 and 1,000 songs".
    """
    num = m.group("num")
    v = parse_number(num)
    if v is None:
        return None
    word = not (num[0].isdigit() or num[0] == ".")
    sc = _scale(m) if scaled else 1.0
    if word and num.lower() in ("a", "half a", "half", "a half") and sc == 1.0:
        return None  # "a" and "half" are numbers only before a scale word ("a billion", "half a million")
    gd = m.groupdict()
    if gd.get("num2"):
        v2 = parse_number(gd["num2"])
        between = (gd.get("qual") or "").lower() == "between"
        if (gd.get("rsep", "").lower() == "and" and not between) or v2 is None or v2 < v or _from_before(m.string, m.start()):
            return v, v * sc, None, True
        return v, v * sc, v2 * sc, False
    return v, v * sc, None, False


_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+)?$", re.IGNORECASE)


def _from_before(text: str, start: int) -> bool:
    return bool(_FROM.search(text[max(0, start - 20) : start]))


_NUMERIC_HINT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion|"
    r"dozens?|hundreds|thousands|millions|billions|trillions|half|thirds?|quarters?|fifths?|tenths?)",
    re.IGNORECASE,
)
# the same on the lower-cased text (``gated_re.lowered``), case-sensitive: re scans it about twice as fast
_NUMERIC_HINT_LOWER = re.compile(_NUMERIC_HINT.pattern)


def _regions(text: str, low: str | None = None) -> list[tuple[int, int]]:
    """The sentences (by punctuation and line breaks) that contain a digit or a number word: the only places to look.
    ``low``, ``gated_re.lowered(text)`` when the caller has it, is searched instead of ``text``: the same offsets
    (lowered() is None for the one character whose lower case is longer) and the same hits as re.IGNORECASE."""
    out = []
    hint, where = (_NUMERIC_HINT, text) if low is None else (_NUMERIC_HINT_LOWER, low)
    for m in _SENTENCE.finditer(text):
        a, b = m.span()
        if a < b and hint.search(where, a, b):
            if out and out[-1][1] >= a - 1:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
    return out


def _finditer(pattern: re.Pattern, text: str, regions: list[tuple[int, int]], low: str | None = None, found: dict | None = None):
    """``pattern.finditer`` over each region; ``low`` (gated_re.lowered(text)) skips regions without its required
    words, ``found`` remembers for the patterns run over one text which region holds which of them."""
    gated = _gated(pattern)
    for a, b in regions:
        yield from gated.finditer(text, low, a, b, found=found)


@functools.lru_cache(maxsize=None)
def _gated(pattern: re.Pattern) -> gated_re.GatedPattern:
    return gated_re.GatedPattern(pattern)


def _each(pattern: re.Pattern, text: str, scaled: bool = True, depth: int = 0, m: re.Match | None = None, regions=None, low=None,
          found=None):
    """(match, (value, normalised, normalised max), span end or None) for each match of ``pattern``;
    a "range" that is two numbers yields each number with the unit written after the second."""
    for m in ([m] if m is not None else _finditer(pattern, text, regions, low, found) if regions is not None else pattern.finditer(text)):
        vals = _values(m, scaled)
        if vals is None:
            continue
        if not vals[3]:
            yield m, vals[:3], None
            continue
        yield m, (vals[0], vals[1], None), m.end("num")
        m2 = pattern.match(text, m.start("num2"))
        if m2 is not None and depth < 2:
            yield from _each(pattern, text, scaled, depth + 1, m2)


def _qualifier(m: re.Match) -> str | None:
    q = (m.groupdict().get("qual") or "").lower()
    if q == "between":
        return None
    if not q and (m.group("num").lower() in VAGUE or m.group("num").lower() in NUMBER_WORDS_VAGUE):
        return "at least"
    return QUALIFIERS.get(q)


def _volume_unit(unit: str) -> tuple[str, float]:
    """Normalised unit and the factor to apply: "mb/d" is millions of barrels a day."""
    u = " ".join(unit.lower().split())
    if u == "mb/d":
        return "barrels/day", 1e6
    if u == "kb/d":
        return "barrels/day", 1e3
    if u == "mbpd":
        return "barrels/day", 1e6
    if "feet" in u:
        return "cubic feet" + ("/day" if "day" in u else "/year" if "year" in u else ""), 1.0
    if "met" in u and "cubic" in u:
        return "cubic metres" + ("/day" if "day" in u else "/year" if "year" in u else ""), 1.0
    if "day" in u or "daily" in u or u in ("bpd", "b/d", "bbl/d", "bopd") or u.endswith("/d"):
        if "equivalent" in u or u in ("boe/d", "boepd"):
            return "boe/day", 1.0
        return "barrels/day", 1.0
    if u.startswith("barrel") or u.startswith("bbl"):
        return "barrels", 1.0
    if "ton" in u:
        return ("tonnes/year" if ("year" in u or "annum" in u or "annual" in u) else "tonnes"), (0.907185 if re.match(r"tons?\b", u) and "metric" not in u else 1.0)
    if u == "bcm":
        return "cubic metres", 1e9
    if u == "mcm":
        return "cubic metres", 1e6
    if u == "tcf":
        return "cubic feet", 1e12
    if "feet" in u:
        return "cubic feet" + ("/day" if "day" in u else "/year" if "year" in u else ""), 1.0
    if u == "mmbtu":
        return "mmbtu", 1.0
    if u in ("megawatts", "mw"):
        return "MW", 1.0
    if u in ("gigawatts", "gw"):
        return "MW", 1e3
    return "cubic metres" + ("/day" if "day" in u else "/year" if "year" in u else ""), 1.0


def _change_before(text: str, start: int) -> str | None:
    """ "rose to", "fell by", "cut ... by": the change a number states, as lemma + preposition."""
    window = text[max(0, start - 40) : start]
    m = _CHANGE_BEFORE.search(window)
    if not m:
        return None
    lemma = CHANGE_VERBS[m.group("verb").lower()]
    prep = (m.group("prep") or "").lower()
    if lemma in ("up", "down") and not prep:
        return None
    return f"{lemma} {prep}".strip()


_NOT_A_FRACTION_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|latter|former|other|the|in|each|every)\s+$", re.IGNORECASE)


def _fraction(m: re.Match, text: str) -> float | None:
    """ "a third" -> 1/3, "two-thirds" -> 2/3, "half" -> 0.5, when it is an amount: "half of", "by a third", "about half".

    Not "the first half of 2024" (a time) nor "third" as an ordinal ("the third round").
    """
    part = m.group("part").lower().rstrip("s")
    count = (m.group("count") or "").lower()
    n = {"": 1, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}[count]
    if part != "half" and not count:
        return None  # bare "third", "quarter": ordinals or calendar quarters
    if n > 1 and not m.group("part").lower().endswith("s"):
        return None
    after = text[m.end() : m.end() + 12]
    before_ok = bool(m.group("qual")) or bool(_change_before(text, m.start())) or bool(re.search(r"\b(?:by|to|of|than)\s+$", text[max(0, m.start() - 6) : m.start()], re.IGNORECASE))
    if _NOT_A_FRACTION_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) and not m.group("qual"):
        return None
    if not (before_ok or m.group("pct") or re.match(r"\s+of\b", after) or count in ("a",) and re.match(r"\s*[.,;]", after)):
        return None
    return n / FRACTIONS[part]


def _name_before(text: str, start: int) -> bool:
    m = _NAME_BEFORE.search(text[max(0, start - 40) : start])
    if not m or m.group("word").lower() in QUALIFIERS or m.group("word").lower() in NUMBER_WORDS or _MONTHS.search(m.group("word")):
        return False
    pre = m.group("pre")
    return pre not in ("", ".", "!", "?", "\n", "\"", "“", "(")  # a capitalised first word of a sentence is not a name


def _count_noun_ok(noun: str, mods: str) -> bool:
    n = noun.lower()
    if n in NOT_COUNTED or n in STOP_MODIFIERS:
        return False
    if any(w.lower() in STOP_MODIFIERS for w in mods.split()):
        return False
    if n in IRREGULAR_PLURALS:
        return True
    return n.endswith("s") and not n.endswith(("ss", "us", "is", "ous"))


class _Collector:
    def __init__(self, text: str):
        self.text = text
        self.out: list[Quantity] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        # taken spans never overlap, so sorted by start they are sorted by end too: look at the neighbours only
        i = bisect.bisect_left(self.taken, (a, -1))
        if i < len(self.taken) and self.taken[i][0] < b:
            return False
        return not (i > 0 and self.taken[i - 1][1] > a)

    def take(self, a: int, b: int) -> None:
        bisect.insort(self.taken, (a, b))

    def add(self, m: re.Match, value: float, norm: float, norm_max: float | None, unit: str | None, norm_unit: str | None,
            kind: str, measure: str | None = None, start: int | None = None, end: int | None = None) -> bool:
        a, b = (start if start is not None else m.start()), (end if end is not None else m.end())
        # a qualifier word is part of the span only when it is written as one ("some" of "some 300")
        while b > a and self.text[b - 1] in " \t\n.,":
            b -= 1
        if not self.free(a, b):
            return False
        self.out.append(
            Quantity(
                value=value, unit=unit, normalized_value=norm, normalized_unit=norm_unit,
                text=self.text[a:b], start=a, end=b, qualifier=_qualifier(m), measure=measure,
                value_max=norm_max, change=_change_before(self.text, a), kind=kind,
            )
        )
        self.take(a, b)
        return True


def _currency(cur: str) -> str:
    c = " ".join(cur.lower().split()).replace("us $", "us$").replace("gb £", "gb£")
    return CURRENCIES.get(c) or CURRENCIES.get(c.rstrip("s") + "s") or CURRENCIES.get(c.rstrip("s")) or c.upper()


def extract_quantities(text: str, bare_numbers: bool = False, fallback: bool = True) -> list[Quantity]:
    """Every quantity in ``text``, in order. ``bare_numbers`` also returns numbers with no unit
    (index levels, "230"), as MEANTIME annotates them; ``fallback`` uses quantulum3 for other units."""
    col = _Collector(text)
    low = gated_re.lowered(text)
    regions = _regions(text, low)
    found: dict = {}  # (required string, region) -> whether the region holds it, shared by the patterns
    for m in _finditer(_MONEY_RANGE, text, regions, low, found):
        lo, hi = parse_number(m.group("num")), parse_number(m.group("num2"))
        s1 = SCALES.get((m.group("scale1") or "").lower().rstrip("."), 1.0)
        s2 = _scale(m)
        if lo is not None and hi is not None and lo * s1 <= hi * s2 and not _from_before(text, m.start()):
            col.add(m, lo, lo * s1, hi * s2, m.group("cur").strip(), _currency(m.group("cur")), "money", "money")
    for m, (v, n, nmax), end in _each(_MONEY_PREFIX, text, regions=regions, low=low, found=found):
        col.add(m, v, n, nmax, m.group("cur").strip(), _currency(m.group("cur")), "money", "money", end=end)
    for m in _finditer(_VAGUE_MONEY, text, regions, low, found):
        v = NUMBER_WORDS_VAGUE[m.group("num").lower()]
        col.add(m, v, v, None, m.group("cur"), _currency(m.group("cur")), "money", "money")
    for m, (v, n, nmax), end in _each(_MONEY_SUFFIX, text, regions=regions, low=low, found=found):
        col.add(m, v, n, nmax, m.group("cur"), _currency(m.group("cur")), "money", "money", end=end)
    for m, (v, n, nmax), end in _each(_VOLUME, text, regions=regions, low=low, found=found):
        unit, factor = _volume_unit(m.group("unit"))
        col.add(m, v, n * factor, nmax * factor if nmax is not None else None, m.group("unit"), unit, "volume", "volume", end=end)
    for m, (v, n, nmax), end in _each(_PERCENT, text, scaled=False, regions=regions, low=low, found=found):
        pts = "point" in m.group("unit").lower() or m.group("unit").lower() == "pp"
        col.add(m, v, n, nmax, m.group("unit"), "percentage points" if pts else "percent", "percent", "share", end=end)
    for m in _finditer(_FRACTION, text, regions, low, found):
        frac = _fraction(m, text)
        if frac is not None:
            if m.group("pct"):
                col.add(m, frac, frac, None, m.group("pct").strip(), "percent", "percent", "share")
            else:
                col.add(m, frac, frac, None, m.group("num"), "fraction", "fraction", "share")
    for m in _finditer(_MULTIPLE, text, regions, low, found):
        v = parse_number(m.group("num"))
        if v is None or m.group("num").lower() in ("a", "half a", "half"):
            continue
        if m.group("times"):
            # "nine times" is a multiple after a change verb or before a comparison, otherwise a frequency
            after = text[m.end() : m.end() + 12].lower()
            if not (_change_before(text, m.start()) or re.match(r"\s+(?:more|higher|larger|bigger|greater|as|over|the)\b", after)):
                continue
        col.add(m, v, v, None, "times" if m.group("times") else "fold", "multiple", "multiple", "multiple")
    for m, (v, n, nmax), end in _each(_COUNT, text, regions=regions, low=low, found=found):
        num = m.group("num")
        if num[0].isdigit() and _YEARLIKE.match(num) and not m.group("scale"):
            continue
        if _MONTHS.search(text[max(0, m.start() - 10) : m.start()]) or _name_before(text, m.start()):
            continue
        if not _count_noun_ok(m.group("noun"), m.group("mods")):
            continue
        if text[m.end("num") : m.end("num") + 2].lower() in ("st", "nd", "rd", "th"):
            continue
        noun = m.group("noun").lower()
        col.add(m, v, n, nmax, noun, f"count:{noun}", "count", noun, end=end)
    if fallback:
        for q in _quantulum(text, col.taken):
            if col.free(q.start, q.end):
                col.out.append(q)
                col.take(q.start, q.end)
    if bare_numbers:
        for m, (v, n, nmax), end in _each(_BARE, text, regions=regions):
            num = m.group("num")
            if num.lower() == "a" or (num[0].isdigit() and _YEARLIKE.match(num) and not m.group("scale")):
                continue
            if _MONTHS.search(text[max(0, m.start() - 10) : m.start()]) or re.match(r"\s*(?:st|nd|rd|th)\b", text[m.end() : m.end() + 3]):
                continue
            if _name_before(text, m.start()):
                continue
            if num[0].isdigit() or num.lower() in NUMBER_WORDS:
                col.add(m, v, n, nmax, None, None, "number", end=end)
    col.out.sort(key=lambda q: q.start)
    return col.out


# ------------------------------------------------------------------ quantulum3 fallback

# entities quantulum3 gets wrong on news text, or that another layer owns (time)
_QUANTULUM_SKIP = {"unknown", "dimensionless", "currency", "time", "volumetric flow"}
_QUANTULUM_ENTITIES = {"length", "mass", "area", "volume", "speed", "velocity", "data storage", "energy", "power", "temperature",
                       "pressure", "frequency", "density", "fuel economy", "acceleration", "data transfer rate"}
_QUANTULUM_BAD_UNITS = {"", "at", "pm", "am", "in", "a", "s", "m", "g", "on", "of", "to", "is", "as", "it", "b", "c", "k", "t", "p"}


@functools.lru_cache(maxsize=1)
def _quantulum_parser():
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser
    except Exception:  # pragma: no cover - optional dependency missing or broken
        return None
    return parser


QUANTULUM_MAX_CHARS = 1000
_DIGIT_WORD = re.compile(r"(?<![\d,.])\d[\d,.]*\s*[A-Za-z°µ]")
# a run of ordinary characters is taken whole ("[^.!?\n]+", not one character per repetition): the same matches,
# about four times faster over a whole text
_SENTENCE = re.compile(r"(?:[^.!?\n]+|[.!?]+(?=[^\s.!?]))+(?:[.!?]+|\n|$)")


def _quantulum(text: str, taken: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """quantulum3 on the sentences that hold a number followed by letters the patterns did not take (it is slow)."""
    taken = taken or []
    snippets = []
    for m in _SENTENCE.finditer(text):
        a, b = m.span()
        if a == b:
            continue
        for d in _DIGIT_WORD.finditer(text, a, b):
            if all(d.start() >= e or d.end() <= s for s, e in taken):
                snippets.append((a, text[a:b]))
                break
    out = []
    for offset, snippet in snippets:
        if len(snippet) <= QUANTULUM_MAX_CHARS:  # quantulum3 slows down badly on long runs of text
            out.extend(_quantulum_snippet(snippet, offset))
    return out


def _quantulum_snippet(text: str, offset: int) -> list[Quantity]:
    parser = _quantulum_parser()
    if parser is None:
        return []
    out = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
    except Exception:  # quantulum3 raises on some inputs; the patterns above stand on their own
        return []
    for q in found:
        ent = q.unit.entity.name if q.unit and q.unit.entity else "unknown"
        if ent in _QUANTULUM_SKIP or not q.span or q.unit.name in ("dimensionless", "count"):
            continue
        a, b = q.span
        surface = text[a:b]
        if ent not in _QUANTULUM_ENTITIES or not re.search(r"\d", surface) or q.value is None:
            continue
        m = re.match(r"\s*[\d.,]+\s*(.*)$", surface)
        unit_text = (m.group(1) if m else "").strip().lower()
        if unit_text in _QUANTULUM_BAD_UNITS or (m and _YEARLIKE.match(surface.strip().split()[0].replace(",", ""))):
            continue  # "2022 at" (ampere-turn), "12:16 pm" (picometre): quantulum3 reads words as unit symbols
        out.append(Quantity(value=float(q.value), unit=q.unit.name, normalized_value=float(q.value), normalized_unit=q.unit.name,
                            text=surface, start=a + offset, end=b + offset, measure=ent, kind="measure"))
    return out
