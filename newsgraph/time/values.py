"""TimeML values: build them from calendar arithmetic, and read them back as date intervals.

A TimeML ``value`` keeps the granularity the text gave: "2022-03-10" (day),
"2022-03" (month), "2022-Q1" (quarter), "2022-SU" (season), "2022" (year),
"201" (the 2010s), "2022-W10" (week), "P3Y" (a duration), "PAST_REF".
Everything downstream (event dates, publication estimates) reads a value
through :func:`value_interval`, which never invents a finer date than the
value holds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # month span; winter runs into next year


def day_value(d: dt.date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def week_value(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_value(year: int, q: int) -> str:
    return f"{year:04d}-Q{q}"


def add_quarters(year: int, q: int, n: int) -> tuple[int, int]:
    k = year * 4 + (q - 1) + n
    return k // 4, k % 4 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """(year, season code) of a date; December counts as the winter of its own year, Jan-Feb as the previous year's."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def last_weekday_on_or_before(d: dt.date, weekday: int) -> dt.date:
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


def next_weekday_on_or_after(d: dt.date, weekday: int) -> dt.date:
    return d + dt.timedelta(days=(weekday - d.weekday()) % 7)


# ------------------------------------------------------------------ reading values back

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")


def value_interval(value: str | None) -> tuple[dt.date, dt.date, str] | None:
    """(first day, last day, precision) of a TimeML date value; None for durations, refs and unknown parts (X)."""
    if not value:
        return None
    v = value
    if m := _DAY.match(v):
        try:
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
        return d, d, "day"
    if m := _MONTH.match(v):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            return None
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
    if m := _WEEK.match(v):
        try:
            start = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            return None
        return start, start + dt.timedelta(days=6), "week"
    if m := _QUARTER.match(v):
        y, q = int(m[1]), int(m[2])
        return dt.date(y, 3 * q - 2, 1), dt.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1]), "quarter"
    if m := _HALF.match(v):
        y, h = int(m[1]), int(m[2])
        return (dt.date(y, 1, 1), dt.date(y, 6, 30), "range") if h == 1 else (dt.date(y, 7, 1), dt.date(y, 12, 31), "range")
    if m := _SEASON.match(v):
        y = int(m[1])
        first, last = SEASONS[m[2]]
        ly, lm = add_months(y, last, 0) if last <= 12 else (y + 1, last - 12)
        return dt.date(y, first, 1), dt.date(ly, lm, calendar.monthrange(ly, lm)[1]), "season"
    if m := _YEAR.match(v):
        y = int(m[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if m := _DECADE.match(v):
        y = int(m[1]) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade"
    if m := _CENTURY.match(v):
        y = int(m[1]) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century"
    return None
