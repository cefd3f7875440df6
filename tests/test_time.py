"""Time expressions, event dates and publication dates (issue 5).

Every relative case is written here against a DCT chosen for it; none comes
from the evaluation data.
"""

import datetime as dt

import pytest

from newsgraph.time import find_timexes, publication_date, value_interval
from newsgraph.time.anchors import load_anchors
from newsgraph.time.estimate import estimate_publication

D = dt.date


def values(text, dct):
    return [(t.text.strip(), t.value) for t in find_timexes(text, dct)]


def value_of(text, dct, phrase):
    for t in find_timexes(text, dct):
        if phrase.lower() in t.text.lower() or t.text.strip().lower() in phrase.lower():
            return t.value
    raise AssertionError(f"{phrase!r} not found in {values(text, dct)}")


# DCT: Thursday 10 March 2022
DCT = D(2022, 3, 10)


@pytest.mark.parametrize(
    "text, phrase, value",
    [
        # weekdays: the latest one on or before the DCT, unless the tense says future
        ("Maduro met Putin on Wednesday.", "Wednesday", "2022-03-09"),
        ("The talks ended on Thursday.", "Thursday", "2022-03-10"),
        ("The minister will travel on Monday.", "Monday", "2022-03-14"),
        ("They met last Friday.", "last Friday", "2022-03-04"),
        ("They meet next Tuesday.", "next Tuesday", "2022-03-15"),
        # month-day without a year: past tense looks back, future looks forward
        ("The deal was signed on December 20.", "December 20", "2021-12-20"),
        ("Talks will resume on April 4.", "April 4", "2022-04-04"),
        ("On Jan. 6, 2021 the Capitol was stormed.", "Jan. 6, 2021", "2021-01-06"),
        ("It happened on 4 October 2017 in Moscow.", "4 October 2017", "2017-10-04"),
        # months
        ("Last December, both sides signed agreements.", "Last December", "2021-12"),
        ("The license was revoked in February.", "February", "2022-02"),
        ("Exports fell since January last year.", "January last year", "2021-01"),
        ("Production reached 700,000 barrels per day by January 2023.", "January 2023", "2023-01"),
        ("The ministers met in mid-February.", "mid-February", "2022-02"),
        ("The plant reopens next May.", "next May", "2022-05"),
        # years, decades, seasons, quarters
        ("Loans flowed in the 2010s.", "the 2010s", "201"),
        ("Output collapsed in the late 2010s.", "late 2010s", "201"),
        ("Output peaked in early 2023.", "early 2023", "2023"),
        ("Sanctions were tightened in 2019.", "2019", "2019"),
        ("Prices rose last year.", "last year", "2021"),
        ("Prices will rise next year.", "next year", "2023"),
        ("Output rose this year.", "this year", "2022"),
        ("Shipments resumed last summer.", "last summer", "2021-SU"),
        ("Sales rose in the third quarter of 2021.", "third quarter of 2021", "2021-Q3"),
        ("Third-quarter profit rose.", "Third-quarter", "2021-Q3"),
        # relative to the DCT
        ("Officials spoke yesterday.", "yesterday", "2022-03-09"),
        ("Officials speak today.", "today", "2022-03-10"),
        ("Officials will speak tomorrow.", "tomorrow", "2022-03-11"),
        ("Prices rose earlier this month.", "earlier this month", "2022-03"),
        ("Prices rose last month.", "last month", "2022-02"),
        ("Prices rose last week.", "last week", "2022-W09"),
        ("The embassy closed two years ago.", "two years ago", "2020"),
        ("The embassy closed three months ago.", "three months ago", "2021-12"),
        ("Oil is now cheaper.", "now", "PRESENT_REF"),
        # durations and sets
        ("He was in China for a one-week visit.", "one-week", "P1W"),
        ("Talks lasted three days.", "three days", "P3D"),
        ("Output fell over the past two months.", "the past two months", "P2M"),
        ("The plant ran for 24 hours.", "24 hours", "PT24H"),
        ("Reports are published daily.", "daily", "P1D"),
        ("Tankers arrive every week.", "every week", "P1W"),
    ],
)
def test_dct_relative_values(text, phrase, value):
    assert value_of(text, DCT, phrase) == value


def test_a_year_later_counts_from_the_last_date_mentioned():
    text = "The refinery closed in March 2015. A year later, it reopened."
    (_, later) = find_timexes(text, DCT)
    # TimeML values the amount; the date it points to is kept beside it, at the unit's granularity
    assert (later.text, later.type, later.value, later.anchored) == ("A year", "DURATION", "P1Y", "2016")


def test_a_year_earlier_after_a_quarter_is_that_quarter_a_year_before():
    text = "Profit rose 5% in the third quarter of 2021 from a year earlier."
    assert value_of(text, DCT, "a year earlier") == "2020-Q3"


def test_weekday_with_date_pins_the_year():
    # 9 March 2021 was a Tuesday; 9 March 2022 a Wednesday
    assert value_of("On Tuesday, March 9 the court ruled.", DCT, "March 9") == "2021-03-09"


def test_no_dct_keeps_unknown_parts_unknown():
    ts = {t.text.strip(): t.value for t in find_timexes("They met on Wednesday and signed a deal in March 2020.", None)}
    assert ts["March 2020"] == "2020-03"
    assert ts["Wednesday"].startswith("XXXX")


def test_not_time_expressions():
    assert values("You may go. The 6-year-old girl spoke. He scored 2,019 points.", DCT) == []


# ------------------------------------------------------------------ what dateparser gets wrong


def test_dateparser_gaps_that_the_tagger_covers():
    """dateparser (pinned 1.5.0) misses or mis-dates these; the tagger does not."""
    import dateparser
    from dateparser.search import search_dates

    base = {"RELATIVE_BASE": dt.datetime(2022, 3, 10)}
    assert dateparser.parse("last December", settings=base) is None
    assert dateparser.parse("mid-February", settings=base) is None
    split = search_dates("The riot happened on Jan. 6, 2021 in Washington.", settings=base)
    assert len(split) == 2  # "on Jan" and "6, 2021 in": one date cut in two
    assert dateparser.parse("December 20", settings=base).date() == D(2022, 12, 20)  # a future date for a past event
    assert dateparser.parse("in February", settings=base).date().day == 10  # a day the text never gave

    assert value_of("It ended last December.", DCT, "last December") == "2021-12"
    assert value_of("They met in mid-February.", DCT, "mid-February") == "2022-02"
    assert values("The riot happened on Jan. 6, 2021 in Washington.", DCT) == [("Jan. 6, 2021", "2021-01-06")]
    assert value_of("The deal was signed on December 20.", DCT, "December 20") == "2021-12-20"
    assert value_of("The license was revoked in February.", DCT, "February") == "2022-02"


# ------------------------------------------------------------------ values as intervals


@pytest.mark.parametrize(
    "value, first, last, precision",
    [
        ("2022-03-10", D(2022, 3, 10), D(2022, 3, 10), "day"),
        ("2022-02", D(2022, 2, 1), D(2022, 2, 28), "month"),
        ("2021-Q4", D(2021, 10, 1), D(2021, 12, 31), "quarter"),
        ("2021-WI", D(2021, 12, 1), D(2022, 2, 28), "season"),
        ("2019", D(2019, 1, 1), D(2019, 12, 31), "year"),
        ("201", D(2010, 1, 1), D(2019, 12, 31), "decade"),
        ("201X", D(2010, 1, 1), D(2019, 12, 31), "decade"),
    ],
)
def test_value_interval(value, first, last, precision):
    assert value_interval(value) == (first, last, precision)


def test_value_interval_refuses_what_is_not_a_date():
    assert value_interval("P3Y") is None and value_interval("PAST_REF") is None and value_interval("XXXX-02") is None


# ------------------------------------------------------------------ publication dates


def test_dateline_beats_estimate():
    p = publication_date(None, None, "Headline\n\nMarch 10, 2022 at 12:16 pm\n\nIn 2019 the US imposed sanctions.")
    assert (p.date, p.source) == (D(2022, 3, 10), "text")


def test_estimate_from_the_latest_past_date_mentioned():
    p = publication_date(None, None, "Sanctions were imposed in 2019. In March 2021, talks resumed. Output will double by 2030.")
    assert p.source == "estimated"
    assert p.earliest == D(2021, 3, 1) and p.latest is None  # 2030 is a target, not a past fact
    assert "March 2021" in p.reason


def test_estimate_from_an_anniversary_still_to_come():
    p = estimate_publication("Leaders gathered ahead of the upcoming 75th anniversary of the end of World War II in Europe.")
    assert p.earliest == D(2019, 11, 7) and p.latest == D(2020, 5, 8)
    assert "anniversary" in p.reason


def test_estimate_from_last_years_election_needs_the_other_clues_to_pick_one():
    text = "The opposition candidate, who lost last year's presidential election to Maduro, left Venezuela. Talks resumed in 2024."
    p = estimate_publication(text)
    assert (p.earliest, p.latest) == (D(2025, 1, 1), D(2025, 12, 31))


def test_no_clue_no_estimate_never_today():
    assert publication_date(None, None, "Venezuela resumed oil shipments to China.").date is None


def test_anchor_file_loads_and_is_well_formed():
    anchors = load_anchors()
    assert len(anchors) >= 8
    assert all(a.dates and a.patterns for a in anchors)


# ------------------------------------------------------------------ metadata dates


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("2022-03-10T12:16:00Z", D(2022, 3, 10)),
        ("March 10, 2022", D(2022, 3, 10)),
        ("Thu, 10 Mar 2022 12:16:00 GMT", D(2022, 3, 10)),
        ("10 mars 2022", D(2022, 3, 10)),
        ("Donnerstag, 10. März 2022", D(2022, 3, 10)),
        ("yesterday", None),  # dateparser would give the day before today, even with STRICT_PARSING
        ("2 days ago", None),
        ("March 2022", None),  # not one calendar day
    ],
)
def test_parse_date_value(raw, expected):
    from newsgraph.time import parse_date_value

    assert parse_date_value(raw) == expected


@pytest.mark.parametrize(
    "dct, text, value",
    [
        (D(2022, 1, 15), "It happened last winter.", "2020-WI"),  # during winter 2021-22, "last winter" is the one before
        (D(2022, 1, 15), "Sales rose last summer.", "2021-SU"),
        (D(2022, 7, 1), "It happens this winter.", "2022-WI"),
        (D(2022, 12, 20), "Prices fell this spring.", "2022-SP"),
        (D(2022, 12, 20), "Talks resume next fall.", "2023-FA"),
        (D(2022, 12, 20), "It will happen next winter.", "2023-WI"),
    ],
)
def test_seasons(dct, text, value):
    (t,) = find_timexes(text, dct)
    assert t.value == value


def test_nearest_context_picks_whose_election():
    text = (
        "An envoy of Maduro met Biden, who won last year's presidential election. "
        "Both spoke ahead of the upcoming 20th anniversary of the September 11 attacks."
    )
    p = estimate_publication(text)
    assert (p.earliest, p.latest) == (D(2021, 3, 12), D(2021, 9, 11))
    assert "United States presidential election (2021)" in p.reason and "Venezuelan" not in p.reason


def test_an_ambiguous_recurring_event_adds_nothing():
    # US elections every four years: "last year's" election fits 2021 and 2025 alike after "in 2021"
    p = estimate_publication("Biden won last year's presidential election. Talks resumed in 2021.")
    assert (p.earliest, p.latest) == (D(2021, 1, 1), None) and "election" not in p.reason


def test_feed_and_json_ld_date_fields_count_as_metadata(tmp_path):
    import json

    from newsgraph.ingest import iter_inputs

    f = tmp_path / "feed.jsonl"
    f.write_text(
        json.dumps({"text": "Russia and Venezuela signed a deal.", "pubDate": "Thu, 10 Mar 2022 12:16:00 GMT"})
        + "\n"
        + json.dumps({"text": "China extended a loan to Venezuela.", "datePublished": "2023-09-13T08:00:00Z"})
        + "\n"
    )
    docs = list(iter_inputs([str(f)]))
    assert [(str(d.published), d.published_source) for d in docs] == [("2022-03-10", "metadata"), ("2023-09-13", "metadata")]


def test_before_an_undated_event_is_not_anchored_to_the_last_date():
    text = "They met on Sunday. One day before his arrival in Caracas, he visited Havana."
    t = next(x for x in find_timexes(text, DCT) if x.text == "One day")
    assert (t.value, t.anchored) == ("P1D", None)
