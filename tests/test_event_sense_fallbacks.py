"""Which sense a listed word takes when its lists do not name the words of the sentence, and which event a sentence
keeps when only a subordinate clause codes. Sentences are written for these tests."""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document


def _events(resources, text):
    return [(e.type, e.trigger) for e in extract(Document(text=text), resources).events]


def _types(resources, text):
    return [e.type for e in extract(Document(text=text), resources).events]


# ------------------------------------------------------------------ the subject's hypernyms stand in for "*subj:" markers
def test_an_unlisted_subject_meets_a_subject_marker_through_its_hypernym(resources):
    # the crossing sense lists "*subj:soldier"; a paratrooper is a soldier (noun_hypernyms.tsv), as "soldiers crossed"
    events = extract(Document(text="Turkish paratroopers crossed into northern Iraq on Sunday."), resources).events
    assert [(e.type, [a.country for a in e.source], [a.country for a in e.target]) for e in events] == [("FIGHT", ["TUR"], ["IRQ"])]


@pytest.mark.parametrize(
    "text",
    [
        # migrants are no kind of soldier, and the sense's unless list names them
        "Hundreds of migrants crossed into Spain on Monday.",
        # runners neither
        "The runners crossed into the final stretch.",
    ],
)
def test_a_subject_of_another_kind_meets_no_subject_marker(resources, text):
    assert _events(resources, text) == []


# ------------------------------------------------------------------ armed forces moving into another's ground
def test_tanks_rolling_into_a_country_is_an_incursion(resources):
    assert _types(resources, "Russian tanks rolled into Georgia on Friday.") == ["FIGHT"]


@pytest.mark.parametrize("text", ["The convoy of aid trucks rolled into Gaza on Monday.", "Prices rolled over as investors sold."])
def test_rolling_without_armed_forces_is_no_incursion(resources, text):
    assert "FIGHT" not in _types(resources, text)


# ------------------------------------------------------------------ the main verb against a subordinate clause's event
def test_the_main_verb_codes_though_only_its_time_clause_found_actors(resources):
    # "after rebels attacked ..." codes with its actors; the curfew, whose doer ("authorities") no one places, is what
    # the sentence reports and codes too (an unplaced doer, as when nothing else in the sentence codes)
    text = "Authorities imposed a curfew in the capital after Maoist rebels attacked a police post in Nepal."
    assert _events(resources, text) == [("ASSAULT", "attacked"), ("COERCE", "imposed curfew")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the main verb is no trigger: nothing to rescue
        ("Villagers fled into the hills after Sudanese troops shelled the town.", ["FIGHT"]),
        # the main verb codes by its own actors: nothing changes
        ("The minister praised the police after officers arrested two suspects in Lagos.", ["SUPPORT", "COERCE"]),
    ],
)
def test_no_main_verb_is_rescued_when_none_is_needed(resources, text, expected):
    assert _types(resources, text) == expected
