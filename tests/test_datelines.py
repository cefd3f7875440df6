"""Issue 4: a wire dateline ("KISUMU —", "ADDIS ABABA, Ethiopia —", "LAGOS (Reuters) -") is a sentence of its own
before the parser runs, so the parser does not take the town for the subject and the real subject for its conjunct;
what is no dateline keeps its parse. Sentences written for these tests."""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document
from newsgraph.nlp import parse


def _sentences(resources, text):
    return [s.text for s in parse(resources.nlp, text).sents]


@pytest.mark.parametrize("text, dateline", [
    ("ADDIS ABABA, Ethiopia — Kenya and Somalia agreed on Monday to reopen their shared border.", "ADDIS ABABA, Ethiopia —"),
    ("KISUMU — Kenyan police arrested two county officials over a missing relief fund.", "KISUMU —"),
    ("LAGOS (Reuters) - Nigeria and Ghana signed a gas pipeline accord on Friday.", "LAGOS (Reuters) -"),
    ("PRETORIA — South Africa expelled a Russian diplomat on Tuesday.", "PRETORIA —"),  # a capital: a registry metonym
    ("ACCRA, Nov 4 (Reuters) - Ghana and Togo signed a power supply deal on Friday.", "ACCRA, Nov 4 (Reuters) -"),  # with its date
    ("UNITED NATIONS — Ghana and Togo asked the Security Council to extend the mission.", "UNITED NATIONS —"),  # the UN's site
])
def test_a_dateline_is_a_sentence_of_its_own(resources, text, dateline):
    sents = _sentences(resources, text)
    assert sents[0].strip() == dateline
    assert "".join(parse(resources.nlp, text).text) == text  # offsets untouched


@pytest.mark.parametrize("text", [
    "NATO — The alliance said on Monday it would send more jets to the Baltic.",  # no town
    "CHINA - the world's biggest buyer - cut its imports of Iranian crude.",  # a lower-case word after the dash
    "UPDATE 2 - Oil prices rose on Tuesday.",
    "UN officials said the convoy reached the camp.",  # capitals, no dash
])
def test_no_dateline_no_split(resources, text):
    doc = parse(resources.nlp, text)
    assert not any(t.is_sent_start for t in doc[1:6]), [s.text for s in doc.sents]


def test_the_subject_after_a_dateline_does_the_act(resources):
    events = extract(Document(text="ADDIS ABABA, Ethiopia — Kenya and Somalia agreed on Monday to reopen their shared border."),
                     resources).events
    agree = [e for e in events if e.type == "AGREE"]
    assert agree, events
    assert {a.country for a in agree[0].source} == {"KEN", "SOM"}
    assert "ADDIS" not in agree[0].evidence


def test_a_person_a_passive_acts_on_takes_the_one_state_of_the_story(resources):
    # the dateline is a sentence of its own now, so the state comes from the story, not from the sentence
    events = extract(Document(text="LIMA, Peru — Presidential candidate Julio Arce Benavides was shot dead by gunmen as he "
                                   "left a rally on Wednesday."), resources).events
    (shot,) = [e for e in events if e.type == "ASSAULT"]
    assert [a.country for a in shot.target] == ["PER"]


def test_an_unplaced_doer_is_not_guessed_into_the_story_state(resources):
    events = extract(Document(text="LIMA, Peru — Julio Arce Benavides accused the mining company of polluting the river."),
                     resources).events
    assert all(a.country != "PER" for e in events for a in e.source if a.name == "Julio Arce Benavides")
