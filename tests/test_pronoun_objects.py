"""Issue 4: a personal pronoun as a trigger's object or a passive's subject is a person for the senses made for people
("freed them", "he was deported"), as a person's name is; a plural one stands for the plural noun before it in its
sentence when there is one ("seized three tankers and released them"), so "compiled the figures and released them"
frees no one. Sentences written for these tests."""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document


def _types(resources, text):
    return [(e.type, e.trigger) for e in extract(Document(text=text), resources).events]


@pytest.mark.parametrize("text", [
    "Ugandan police detained two journalists overnight and freed them on Tuesday.",
    "Somali pirates holding four Kenyan fishermen said they would free them within days.",  # a noun for people before it
    "Al-Shabaab freed him after three months in captivity, Kenyan officials said.",
])
def test_a_pronoun_for_people_is_freed(resources, text):
    # the release sense, as done or, said of the future ("said they would free them"), as an intent to release (AGREE 035)
    coded = [(e.type, e.cameo or "", e.trigger) for e in extract(Document(text=text), resources).events]
    assert any((t == "RETREAT" or (t == "AGREE" and c.startswith("035"))) and "free" in trig for t, c, trig in coded), coded


def test_a_pronoun_takes_its_antecedents_noun_and_party(resources):
    events = extract(Document(text="The Indian navy seized three Iranian tankers and later released them."), resources).events
    (released,) = [e for e in events if e.type == "RETREAT"]
    assert {a.country for a in released.target} == {"IRN"}


@pytest.mark.parametrize("text", [
    "Kenya's statistics office compiled the new inflation figures and released them on Monday.",
    "Nigeria's central bank printed new naira notes and released them into circulation.",
])
def test_a_pronoun_for_things_frees_no_one(resources, text):
    assert not any(t == "RETREAT" for t, _ in _types(resources, text)), _types(resources, text)
