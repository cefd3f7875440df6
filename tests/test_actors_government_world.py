"""Issue 4 actor codes in national dailies: data/actors/government_world.yaml, bodies a paper names without their
country (regulators, police forces, legislatures, unions, parties). Sentences written for these tests."""

import pytest

from newsgraph.actors import find_mentions
from newsgraph.nlp import parse

OURS = "government_world.yaml:"


def _mentions(resources, text):
    doc = parse(resources.nlp, text)
    return {s.ref.text: (s.ref.country, s.ref.sector) for s in find_mentions(doc, resources.registry, None)}


def test_the_bodies_are_valid_and_claim_no_other_actors_alias(resources):
    reg = resources.registry
    ours = [a for a in (reg.get(i) for i in reg.actors) if a.source.startswith(OURS)]
    assert len(ours) >= 80
    assert all(a.country and len(a.country) == 3 and a.sector for a in ours)
    for a in ours:
        for alias in (a.name, *a.aliases):
            assert [x.id for x in reg.find(alias)] == [a.id], alias


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Ofwat fined the supplier £2 million on Tuesday.", "Ofwat", ("GBR", "GOV")),
        ("Gardai arrested two men in Limerick.", "Gardai", ("IRL", "COP")),
        ("The RCMP said the suspect had been detained.", "RCMP", ("CAN", "COP")),
        ("The EFCC arraigned a former governor on Monday.", "EFCC", ("NGA", "COP")),
        ("The Taoiseach met union leaders on Friday.", "Taoiseach", ("IRL", "GOV")),
        ("Stormont voted to extend the scheme.", "Stormont", ("GBR", "LEG")),
    ],
)
def test_a_national_body_named_bare_has_its_country(resources, text, name, expected):
    assert _mentions(resources, text).get(name) == expected, _mentions(resources, text)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The CBI said business confidence fell.", "CBI"),  # Britain's employers or India's police: not listed
        ("She will unite the party, he said.", "unite"),  # no union named Unite is listed: a word
        ("The post office on Main Street closed.", "post office"),
    ],
)
def test_an_ambiguous_short_form_or_word_names_no_body(resources, text, word):
    assert _mentions(resources, text).get(word, (None, None))[0] is None
