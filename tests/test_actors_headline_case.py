"""Headline-case lines: capitals there are no sign of a name.

Pages often carry headlines in title case inside the article text (related stories, captions), and a news page's
title is often in it too. The NER model takes runs of capitalised common nouns there for people and organisations
("... Export Licence ...", "... Solar Power Subsidies ..."), which became provisional actors. A name in a headline-case
line is kept only when a sentence in ordinary case (or, for a page's title, its text) writes it too. Sentences written
for these tests.
"""

import datetime as dt

import pytest

from newsgraph.actors import find_mentions
from newsgraph.actors.resolve import _headline_case
from newsgraph.extract import extract
from newsgraph.model import Document

WHEN = dt.date(2025, 5, 1)


def _mentions(resources, text, title=None):
    return extract(Document(text=text, title=title, published=WHEN), resources).mentions


@pytest.mark.parametrize(
    "line, not_an_actor, known",
    [
        ("Regulators Move to Suspend BP's Export Licence in Angola", "Export Licence", "BP"),
        ("Lawmakers Push Bill to Expand Solar Power Subsidies in Kenya", "Solar Power Subsidies", "Kenya"),
    ],
)
def test_capitalised_common_nouns_of_a_headline_line_are_no_actor(resources, line, not_an_actor, known):
    body = "The ministry said on Monday that exports would resume next month. " + line
    texts = [m.text for m in _mentions(resources, body)]
    assert not any(not_an_actor in t for t in texts), texts
    assert known in texts, "the names the registry knows are still found in the line"


def test_a_headline_name_the_text_writes_again_stays_an_actor(resources):
    text = ("Halvorsen Shipping Sues Marlow Tankers Over Charter. "
            "Halvorsen Shipping said on Monday it had sued Marlow Tankers in London.")
    mentions = [m for m in _mentions(resources, text) if m.text == "Halvorsen Shipping"]
    assert len(mentions) == 2, "the headline's mention is kept: the next sentence writes the same name"


def test_a_titles_name_is_attested_by_its_story(resources):
    """A page's title is parsed alone (events/title.py); its story is the text that may attest its names."""
    title = resources.nlp("Halvorsen Shipping Sues Marlow Tankers Over Charter")
    story = "Halvorsen Shipping said on Monday it had sued Marlow Tankers in London over a charter dispute."
    alone = {s.ref.name for s in find_mentions(title, resources.registry, WHEN) if s.ref.provisional}
    with_story = {s.ref.name for s in find_mentions(title, resources.registry, WHEN, story) if s.ref.provisional}
    assert "Halvorsen Shipping" not in alone
    assert "Halvorsen Shipping" in with_story


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Regulators Move to Suspend BP's Export Licence in Angola", True),
        ("Ministers Vow to Shield Small Farmers From Rising Fuel Costs", True),
        # ordinary sentences full of names and titles are not headline case
        ("Russian President Vladimir Putin met Venezuelan President Nicolás Maduro in Moscow on Tuesday.", False),
        ("The central bank raised its main rate by half a point.", False),
        # too few content words to tell
        ("Oil Prices Rise", False),
    ],
)
def test_headline_case(resources, text, expected):
    doc = resources.nlp(text)
    assert _headline_case(doc, 0, len(doc)) is expected
