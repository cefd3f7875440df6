"""A sentence the parser reads as one noun phrase, its verb a past participle tagged as a modifier of the noun after it
("X's premier hosted ministers ...": amod of "ministers", the sentence's root a noun). The coder restores the verb
(``EventCoder._restore_stranded_verb``). Sentences written for these tests."""

import pytest

from newsgraph.evaluate.plover import actor_code
from newsgraph.extract import extract
from newsgraph.model import Document
from newsgraph.nlp import doc_arrays, parse


def _codes(actors):
    return {actor_code(a) for a in actors if actor_code(a)}


@pytest.mark.parametrize(
    "text, etype, source, target",
    [
        ("Australia's treasury designated Wagner Group and two of its subsidiaries for breaching sanctions.", "SANCTION", {"AUS"}, {"RUS"}),
        # the subject's own words hung on the object by the parser ("Ontario's")
        ("Ontario's premier hosted ministers from Japan at Queen's Park this week as the province weighs a deal.", "CONSULT", {"CAN"}, {"JPN"}),
    ],
)
def test_stranded_participle_is_the_verb(resources, text, etype, source, target):
    parsed = parse(resources.nlp, text)
    w = doc_arrays(parsed)
    assert any(w.dep[i] == "amod" and w.tag[i] in ("VBD", "VBN") for i in range(w.n)), "the parser no longer strands the verb: pick another sentence"
    events = [e for e in extract(Document(text=text), resources).events if e.type == etype]
    assert events, (text, etype)
    assert _codes(events[0].source) == source and _codes(events[0].target) == target, (text, events[0])


@pytest.mark.parametrize(
    "text",
    [
        "The designated terrorist groups in Syria.",  # a determiner before the participle: a noun phrase
        "Ukrainian soldiers in a trench near Bakhmut, where fighting continued.",
    ],
)
def test_noun_phrases_stay_noun_phrases(resources, text):
    assert not extract(Document(text=text), resources).events, text
