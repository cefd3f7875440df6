"""What is vowed, and what an act waits on. Sentences written for these tests.

- A vow's to-infinitive is its content, whatever label the parser gives it ("have sworn to fight until ...": advcl), and
  a vow to keep doing a violent act is a threat, as a vow to do it is.
- A present-tense "until" clause in a past-tense story is a condition yet to be met: no event of its own. A past-tense
  one happened.
"""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document


def _types(resources, text):
    return [(e.type, e.trigger) for e in extract(Document(text=text), resources).events]


@pytest.mark.parametrize(
    "text",
    [
        "Kurdish rebels have sworn to fight until they win autonomy from Turkey.",
        "Kurdish rebels vowed to keep fighting Turkish troops.",
        "Kurdish rebels have sworn to keep fighting Turkish troops.",
    ],
)
def test_vowed_violence_is_a_threat(resources, text):
    types = [t for t, _ in _types(resources, text)]
    assert types == ["THREATEN"], (text, types)


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Kurdish rebels have sworn to fight until they gain control of the border towns.", "gain"),
        ("Kenya's opposition party said it would boycott parliament until its demands are met.", "met"),
    ],
)
def test_awaited_condition_is_no_event(resources, text, absent):
    found = _types(resources, text)
    assert found and not any(absent in trig for _, trig in found), (text, found)


def test_past_until_clause_happened(resources):
    found = _types(resources, "Kenyan police beat the reporter until a neighbour rescued him.")
    assert any("rescued" in trig for _, trig in found), found
