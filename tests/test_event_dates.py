"""Event dates through the real pipeline: the governing expression, else the publication date flagged."""

import datetime as dt

from newsgraph.extract import extract
from newsgraph.model import Document


def events(text, resources, **doc):
    return extract(Document(text=text, **doc), resources).events


def by_trigger(evs, word):
    hits = [e for e in evs if word in e.trigger]
    assert hits, [(e.type, e.trigger) for e in evs]
    return hits[0]


def test_clause_expression_dates_the_event_others_take_the_publication_date(resources):
    text = (
        "Russia and Venezuela signed a strategic partnership agreement on Wednesday in Moscow. "
        "In February, the United States revoked a license granted to Chevron. "
        "China criticized the United States."
    )
    evs = events(text, resources, published=dt.date(2025, 5, 8), published_source="given")
    signed = by_trigger(evs, "signed")
    assert (signed.date, signed.date_precision, signed.date_text, signed.date_value) == (
        dt.date(2025, 5, 7),
        "day",
        "Wednesday",
        "2025-05-07",
    )
    revoked = by_trigger(evs, "revoked")
    assert (revoked.date, revoked.date_precision, revoked.date_end, revoked.date_value) == (
        dt.date(2025, 2, 1),
        "month",
        dt.date(2025, 2, 28),
        "2025-02",
    )
    criticized = by_trigger(evs, "criticized")
    assert (criticized.date, criticized.date_precision, criticized.date_text) == (dt.date(2025, 5, 8), "published", None)


def test_an_event_told_as_background_is_not_dated_by_the_publication(resources):
    # "after the US imposed sanctions": what came before the news, with no date of its own, is undated
    text = "China's CNPC halted purchases of Venezuelan oil in 2019 after the United States imposed sanctions on PDVSA."
    evs = events(text, resources, published=dt.date(2023, 11, 22), published_source="given")
    imposed = by_trigger(evs, "imposed")
    assert (imposed.date, imposed.date_precision, imposed.date_end) == (None, None, None)
    halted = by_trigger(evs, "halted")
    assert (halted.date, halted.date_precision) == (dt.date(2019, 1, 1), "year")
    # one with its own date keeps it
    text = "Russia expelled two Latvian diplomats on Friday after Latvian police arrested two Russian journalists on March 3, 2023."
    arrested = by_trigger(events(text, resources, published=dt.date(2023, 11, 22), published_source="given"), "arrested")
    assert (arrested.date, arrested.date_precision) == (dt.date(2023, 3, 3), "day")


def test_future_tense_looks_forward(resources):
    evs = events(
        "Venezuela will sign an agreement with Russia on Friday.", resources, published=dt.date(2025, 5, 7), published_source="given"
    )
    assert {e.date for e in evs if e.date_text == "Friday"} == {dt.date(2025, 5, 9)}


def test_since_makes_a_range_up_to_the_publication_date(resources):
    evs = events(
        "Since January last year, the United States has imposed sanctions on Venezuela.",
        resources,
        published=dt.date(2020, 12, 1),
        published_source="given",
    )
    e = by_trigger(evs, "imposed")
    assert (e.date, e.date_precision, e.date_end, e.date_value, e.date_text) == (
        dt.date(2019, 1, 1),
        "range",
        dt.date(2020, 12, 1),
        "2019-01",
        "since January last year",
    )


def test_an_estimated_publication_date_widens_relative_dates(resources):
    doc = {
        "published": dt.date(2025, 2, 1),
        "published_source": "estimated",
        "published_earliest": dt.date(2025, 2, 1),
        "published_latest": dt.date(2025, 5, 8),
    }
    evs = events(
        "Russia and Venezuela signed an agreement on Wednesday. In 2019, the United States sanctioned Venezuela.", resources, **doc
    )
    signed = by_trigger(evs, "signed")
    assert signed.date_precision == "range" and signed.date < signed.date_end and signed.date_value is None
    sanctioned = by_trigger(evs, "sanctioned")
    assert (sanctioned.date, sanctioned.date_precision) == (dt.date(2019, 1, 1), "year")  # absolute: no DCT needed


def test_an_open_ended_estimate_leaves_relative_dates_open_whatever_the_day_of_the_run(resources, monkeypatch):
    """'2010 or later': an expression relative to the publication date has no known end, and today's date
    must not stand in for it (a re-run on another day would give other dates)."""
    doc = {"published": dt.date(2010, 1, 1), "published_source": "estimated", "published_earliest": dt.date(2010, 1, 1)}
    text = "Russia and Venezuela signed an agreement last year. In 2009, the United States sanctioned Venezuela."
    first = by_trigger(events(text, resources, **doc), "signed")
    assert (first.date, first.date_precision, first.date_end, first.date_value) == (dt.date(2009, 1, 1), "range", None, None)

    class LaterDay(dt.date):
        @classmethod
        def today(cls):
            return cls(2031, 7, 4)

    monkeypatch.setattr(dt, "date", LaterDay)
    again = by_trigger(events(text, resources, **doc), "signed")
    assert (again.date, again.date_end) == (first.date, first.date_end)
    sanctioned = by_trigger(events(text, resources, **doc), "sanctioned")
    assert (sanctioned.date, sanctioned.date_precision) == (dt.date(2009, 1, 1), "year")


def test_no_publication_date_no_event_date(resources):
    evs = events("China criticized the United States.", resources)
    assert evs and all(e.date is None and e.date_precision is None for e in evs)


def test_a_year_later_dates_the_event_from_the_last_date_given(resources):
    evs = events(
        "The refinery closed in March 2015. A year later, Venezuela signed an agreement with Russia.",
        resources,
        published=dt.date(2022, 3, 10),
        published_source="given",
    )
    e = by_trigger(evs, "signed")
    assert (e.date, e.date_precision, e.date_text, e.date_value) == (dt.date(2016, 1, 1), "year", "A year later", "2016")


def test_from_one_date_to_another_is_a_range(resources):
    evs = events(
        "Russia supplied weapons to Venezuela from 2009 to 2011.", resources, published=dt.date(2022, 3, 10), published_source="given"
    )
    e = by_trigger(evs, "supplied")
    assert (e.date, e.date_end, e.date_precision, e.date_text) == (dt.date(2009, 1, 1), dt.date(2011, 12, 31), "range", "2009 to 2011")


def test_a_date_on_a_past_verb_is_past_though_the_verb_stands_far_from_it(resources):
    # "arrested two Russian journalists on March 3" in a November story: the last March 3, not the coming one (no
    # past cue within a few characters of the date; the parse says the date is the past verb's own)
    from newsgraph.nlp import parse
    from newsgraph.time.events import parser_tense
    from newsgraph.time.timex import find_timexes

    dct = dt.date(2023, 11, 22)

    def values(text):
        doc = parse(resources.nlp, text)
        return [t.value for t in find_timexes(text, dct, tense_of=parser_tense(doc))]

    assert values("Latvian police arrested two Russian journalists on March 3.") == ["2023-03-03"]
    assert values("The ministry had signed the contract with the Chinese firm in March.") == ["2023-03"]
    # must-not: a participle's date looks ahead as before ("an event to be held on March 3"), and a past verb the date
    # does not belong to does not make it past ("said the offer expires March 3")
    assert values("Apple announced another special event to be held on March 3.") == ["2024-03-03"]
    assert values("Officials said the offer expires March 3.") == ["2024-03-03"]
