"""Quantities: numbers in news, normalised (``extract``) and attached to what they measure (``attach``).

``extract_quantities(text)`` finds money, oil volumes and rates, percentages,
multiples and counts in raw text; ``attach_quantities`` then reads the parse
to say whose measure each number is, towards whom, when, and how sure the
text is; ``quantities_for_event`` picks an event's quantities.
"""

from .extract import extract_quantities, parse_number

__all__ = ["extract_quantities", "parse_number", "attach_quantities", "quantities_for_event", "is_claim"]


def __getattr__(name):  # attach imports spaCy-facing code; load it only when asked for
    if name in ("attach_quantities", "quantities_for_event", "is_claim"):
        from . import attach

        return getattr(attach, name)
    raise AttributeError(name)
