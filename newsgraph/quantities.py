"""Quantities: money, oil volumes and rates, percentages, counts — normalised, with qualifiers.

A first, pattern-based extractor over the raw text, so spans and values are
exact: "$50 billion" -> 5e10 USD, "732,000 barrels per day" -> 732000
barrels/day, "25% tariffs" -> 25 percent. Currencies are kept as written
(no exchange rates are invented).
"""

from __future__ import annotations

import re

from .model import Quantity

SCALES = {
    "thousand": 1e3, "k": 1e3,
    "million": 1e6, "mln": 1e6, "m": 1e6, "mn": 1e6,
    "billion": 1e9, "bln": 1e9, "bn": 1e9, "b": 1e9,
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
}
CURRENCY_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "CNY", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "rubles": "RUB", "roubles": "RUB", "ruble": "RUB", "rouble": "RUB", "euros": "EUR", "euro": "EUR", "dollars": "USD", "dollar": "USD", "pounds": "GBP", "bolivars": "VES", "bolívares": "VES", "yen": "JPY", "rupees": "INR"}
QUALIFIERS = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about", "some": "about", "nearly": "nearly", "almost": "nearly",
    "at least": "at least", "more than": "more than", "over": "more than", "above": "more than", "up to": "up to", "as much as": "up to",
    "less than": "less than", "under": "less than", "below": "less than", "fewer than": "less than", "an estimated": "about", "estimated": "about",
}
CHANGES = ("rose to", "rise to", "fell to", "fall to", "dropped to", "increased to", "decreased to", "rose by", "fell by", "cut by", "increased by", "decreased by", "dropped by", "grew by", "jumped by", "raised to", "raise to", "reduced to", "reduced by")

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mln|bln|bn|tn|trn|mn|m|k|b)\b)?"
_QUAL = r"(?:(?P<qual>about|around|approximately|roughly|nearly|almost|at least|more than|over|above|up to|as much as|less than|under|below|fewer than|an estimated|estimated|some)\s+)?"

_MONEY_PREFIX = re.compile(
    _QUAL + r"(?P<cur>US\$|\$|€|£|¥|USD\s?|EUR\s?|GBP\s?)\s?" + _NUM + _SCALE,
    re.IGNORECASE,
)
_MONEY_SUFFIX = re.compile(
    _QUAL + _NUM + _SCALE + r"\s+(?P<cur>yuan|renminbi|rmb|rubles|roubles|euros|dollars|pounds|bolivars|bolívares|yen|rupees)\b",
    re.IGNORECASE,
)
_VOLUME = re.compile(
    _QUAL + _NUM + _SCALE
    + r"\s+(?P<unit>barrels?(?:\s+of\s+(?:crude\s+)?oil)?(?:\s+(?:per|a)\s+day|\s+daily)?|bpd|b/d|bbl/d|tonnes?(?:\s+per\s+year)?|tons?|metric\s+tons|cubic\s+met(?:er|re)s?|bcm|mcm)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(_QUAL + r"(?P<num>\d+(?:\.\d+)?)\s?(?:%|\s(?:percent|per\s+cent)\b)", re.IGNORECASE)


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _scaled(m: re.Match) -> float:
    v = _num(m.group("num"))
    scale = (m.group("scale") or "").lower()
    return v * SCALES.get(scale, 1.0)


def _volume_unit(unit: str) -> str:
    u = " ".join(unit.lower().split())
    if "day" in u or "daily" in u or u in ("bpd", "b/d", "bbl/d"):
        return "barrels/day"
    if u.startswith("barrel"):
        return "barrels"
    if "ton" in u:
        return "tonnes/year" if "year" in u else "tonnes"
    if u in ("bcm",):
        return "cubic metres*1e9"
    if u in ("mcm",):
        return "cubic metres*1e6"
    return "cubic metres"


def extract_quantities(text: str) -> list[Quantity]:
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(m: re.Match, value: float, unit: str, norm_unit: str, measure: str | None = None) -> None:
        a, b = m.span()
        if not free(a, b):
            return
        qual = m.group("qual")
        change = _change_before(text, a)
        out.append(
            Quantity(
                value=_num(m.group("num")),
                unit=unit,
                normalized_value=value,
                normalized_unit=norm_unit,
                text=text[a:b],
                start=a,
                end=b,
                qualifier=QUALIFIERS.get(qual.lower()) if qual else None,
                measure=measure,
                change=change,
            )
        )
        taken.append((a, b))

    for m in _MONEY_PREFIX.finditer(text):
        cur = m.group("cur").strip().lower()
        add(m, _scaled(m), m.group("cur").strip(), CURRENCY_SYMBOLS.get(cur, cur.upper()), "money")
    for m in _MONEY_SUFFIX.finditer(text):
        cur = m.group("cur").lower()
        add(m, _scaled(m), m.group("cur"), CURRENCY_SYMBOLS.get(cur, cur.upper()), "money")
    for m in _VOLUME.finditer(text):
        add(m, _scaled(m), m.group("unit"), _volume_unit(m.group("unit")), "volume")
    for m in _PERCENT.finditer(text):
        add(m, _num(m.group("num")), "%", "percent", "share")
    out.sort(key=lambda q: q.start)
    return out


def _change_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 20) : start].lower()
    for c in CHANGES:
        if window.rstrip().endswith(c) or window.rstrip().endswith(c + " about"):
            return c
    return None
