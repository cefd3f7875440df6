"""What a trigger's senses are checked against when the parse hides the word's part of speech or its object: a verb the
tagger called a noun, the object two coordinated verbs share, the object after "all but two of", the subject of a bare
infinitive ("let them leave"), the noun a relative clause's "that" stands for. Sentences are written for these tests,
each with a must-not case."""

import pytest

from newsgraph.extract import extract
from newsgraph.model import Document


def _events(resources, text):
    return [(e.type, e.trigger) for e in extract(Document(text=text), resources).events]


def _types(resources, text):
    return {e.type for e in extract(Document(text=text), resources).events}


def test_a_verb_the_tagger_made_a_noun_is_a_verb_when_the_parse_gives_it_an_object(resources):
    # the tagger calls "beat" a noun here ("a motorcycle beat"), the parser gives it a subject and a direct object
    assert ("ASSAULT", "beat") in _events(resources, "Men on a motorcycle beat a councillor near the market in Gulu, Ugandan police said.")
    # a noun with no auxiliary and no object stays a noun: no verb sense for it
    assert _events(resources, "The drum beat of the parade filled the streets of Gulu.") == []


def test_coordinated_verbs_share_their_object_for_the_senses_too(resources):
    # "seized" has no object of its own: the tankers of "torched" are what was seized
    assert ("COERCE", "seized tankers") in _events(resources, "Rebels seized and torched three tankers off the coast of Yemen.")
    # a verb with its own object keeps it
    assert ("COERCE", "seized tankers") not in _events(resources, "Rebels seized the port and torched three tankers off the coast of Yemen.")


def test_all_but_some_of_the_things_are_the_object(resources):
    assert ("COERCE", "closed crossings") in _events(resources, "Pakistan closed all but two of its border crossings with Afghanistan.")
    assert _events(resources, "Pakistan closed all but two of its bakeries in Lahore.") == []


def test_the_subject_of_a_bare_infinitive_is_the_object_of_let(resources):
    assert "RETREAT" in _types(resources, "Turkey let 300 Syrian refugees leave the camp on Monday.")
    # a finite clause after a verb of saying is no infinitive: its subject is no object
    assert "RETREAT" not in _types(resources, "The Turkish army said the Syrian refugees leave the camp at dawn.")


def test_a_relative_clauses_that_stands_for_the_noun_it_follows(resources):
    """ "a bomb that exploded" meets the senses that want a bomb as subject ("*subj:bomb"), as "a bomb exploded" does."""
    from newsgraph.events.coder import _markers
    from newsgraph.nlp import doc_arrays

    doc = resources.nlp("A roadside bomb that exploded near the Somali parliament wounded two guards.")
    w = doc_arrays(doc)
    exploded = next(t.i for t in doc if t.text == "exploded")
    assert "*subj:bomb" in _markers(w, exploded, {})
    doc = resources.nlp("The guards that found the bag called the police.")
    w = doc_arrays(doc)
    found = next(t.i for t in doc if t.text == "found")
    assert "*subj:guard" in _markers(w, found, {}) and "*subj:that" not in _markers(w, found, {})
    # a "that" which is the relative clause's object is no subject: the clause's own subject is
    doc = resources.nlp("The guards found the bag that the smugglers left.")
    w = doc_arrays(doc)
    left = next(t.i for t in doc if t.text == "left")
    assert "*subj:smuggler" in _markers(w, left, {}) and "*subj:bag" not in _markers(w, left, {})
