"""Time: publication dates of documents, time expressions in text, and the dates of events.

A wrong date poisons every timeline, so every function here either returns a
date it can justify, with the precision the text supports, or None; nothing
falls back to today's date.
"""

from .events import EventDates
from .publication import MONTHS, PublicationDate, find_dateline, parse_date_value, publication_date
from .timex import Timex, find_timexes
from .values import value_interval

__all__ = [
    "MONTHS",
    "EventDates",
    "PublicationDate",
    "Timex",
    "find_dateline",
    "find_timexes",
    "parse_date_value",
    "publication_date",
    "value_interval",
]
