"""Issue 4: codes the coder must not give, on sentences written for these tests.

A place that is only where the act happened taken as the party acted on, a partial match inside a longer proper name
taken as a state or body, a thing taken as a party; each rule with the case it must leave alone.
"""

import pytest

from newsgraph.evaluate.plover import actor_code
from newsgraph.extract import extract
from newsgraph.model import Document


def _codes(actors):
    return {actor_code(a) for a in actors if actor_code(a)}


def _events(resources, text, etype=None):
    events = extract(Document(text=text), resources).events
    return [e for e in events if etype is None or e.type == etype]


def _event(resources, text, etype):
    events = _events(resources, text, etype)
    assert events, f"no {etype} event coded in {text!r}"
    return events[0]


@pytest.mark.parametrize(
    "text, etype, source, target",
    [
        # a place phrase on a thing of the act's own phrase (a duration, the object's "of" noun, a place phrase) is where
        ("Malian troops and Tuareg rebels traded fire for two hours near Kidal on Sunday.", "FIGHT", {"MLI"}, set()),
        ("Ethiopian troops exchanged gunfire for several hours near Mekelle on Friday.", "FIGHT", {"ETH"}, set()),
        ("Meeting behind closed doors in Nairobi, Sudanese negotiators discussed a ceasefire on Friday.", "CONSULT", {"SDN"}, set()),
        ("Uganda signed a memorandum of understanding in Nairobi on Monday.", "AGREE", {"UGA"}, set()),
        # must-not: the place still places a party of the phrase, and a place acted on is still the target
        ("France sent 2,000 troops to a peacekeeping force in Liberia.", "AID", {"FRA"}, {"LBR"}),
        ("Ugandan troops fought rebels of a militia in eastern Congo for three days.", "FIGHT", {"UGA"}, {"COD"}),
        ("Russian artillery shelled Kharkiv for three hours on Sunday.", "FIGHT", {"RUS"}, {"UKR"}),
    ],
)
def test_a_place_where_the_act_happened_is_no_party(resources, text, etype, source, target):
    e = _event(resources, text, etype)
    assert _codes(e.source) == source
    assert _codes(e.target) == target


@pytest.mark.parametrize(
    "text, source",
    [
        # negotiators and lawyers act for whom their "for" phrase names, each of a coordination
        ("Negotiators for Armenia and Azerbaijan resumed talks in Geneva on Monday.", {"ARM", "AZE"}),
        ("Lawyers for the Kenyan government asked the court to lift the order.", {"KEN"}),
    ],
)
def test_people_who_act_for_a_party_stand_for_it(resources, text, source):
    events = _events(resources, text)
    assert events and _codes(events[0].source) == source


def test_an_envoy_for_a_place_is_not_its_own(resources):
    # must-not: an envoy for a country serves whoever sent him
    e = _event(resources, "The special envoy for Yemen met rebel leaders in Muscat on Monday.", "CONSULT")
    assert "YEM" not in _codes(e.source)
