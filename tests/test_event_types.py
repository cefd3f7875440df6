"""Issue 4: event TYPES on sentences written for these tests (never evaluation text).

Each case is a trigger sense or construction of the lexicon
(newsgraph/data/events/triggers.yaml) that should carry over to text written by
anyone: the common verbs, phrasal verbs, nominalisations and multiword
triggers of a CAMEO category, and the tagger's lemma slips the coder works around.
"""

import pytest

from newsgraph.events.lexicon import default_lexicon, verb_forms
from newsgraph.extract import extract
from newsgraph.model import Document


def _types(resources, text):
    return [e.type for e in extract(Document(text=text), resources).events]


def test_verb_forms_spelling_rules():
    assert {"staged", "staging", "stages"} <= set(verb_forms("stage"))
    assert {"rallied", "rallies"} <= set(verb_forms("rally"))
    assert {"banned", "banning"} <= set(verb_forms("ban"))
    assert "struck" in verb_forms("strike")
    assert verb_forms("back down") == ()


def test_inflected_forms_never_replace_a_lemma():
    lex = default_lexicon()
    assert lex.by_lemma[("staged", "VERB")] == lex.by_lemma[("stage", "VERB")]
    assert lex.by_lemma[("struck", "VERB")] == lex.by_lemma[("strike", "VERB")]
    # "pressed" is a form of "press" only; the noun "strikes" is not made a verb key by the verb "strike"
    assert ("strikes", "NOUN") not in lex.by_lemma


@pytest.mark.parametrize(
    "text, etype",
    [
        # the tagger lemmatises "staged" as "stag": the form is looked up
        ("Dock workers in Chile staged a nationwide strike on Monday against the pension reform.", "PROTEST"),
    ],
)
def test_event_type(resources, text, etype):
    assert etype in _types(resources, text), (text, _types(resources, text))
