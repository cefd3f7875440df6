"""Reported speech whose reporter the parser lost: a "would" inside a clause a reporting verb states is still a future in
the past (an intention), not a hypothesis. Built as a parse by hand, since the parser drops the subject only now and then
("Ending a standoff, <long name> said he would sit down with ...": the name hung on "standoff")."""

import spacy
from spacy.tokens import Doc

from newsgraph.events.modality import analyse


def _parsed(words, heads, deps, pos, tags, lemmas):
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    return doc


def test_would_under_a_reporting_verb_without_subject_is_intended():
    words = ["Ending", "a", "standoff", ",", "said", "he", "would", "meet", "them", "."]
    heads = [4, 2, 0, 4, 4, 7, 7, 4, 7, 4]
    deps = ["advcl", "det", "dobj", "punct", "ROOT", "nsubj", "aux", "ccomp", "dobj", "punct"]
    pos = ["VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX", "VERB", "PRON", "PUNCT"]
    tags = ["VBG", "DT", "NN", ",", "VBD", "PRP", "MD", "VB", "PRP", "."]
    lemmas = ["end", "a", "standoff", ",", "say", "he", "would", "meet", "they", "."]
    doc = _parsed(words, heads, deps, pos, tags, lemmas)
    m = analyse(7, next(iter(doc.sents)), None)
    assert m.factuality == "intended", m


def test_would_with_no_report_stays_hypothetical():
    words = ["He", "would", "meet", "them", "."]
    heads = [2, 2, 2, 2, 2]
    deps = ["nsubj", "aux", "ROOT", "dobj", "punct"]
    pos = ["PRON", "AUX", "VERB", "PRON", "PUNCT"]
    tags = ["PRP", "MD", "VB", "PRP", "."]
    lemmas = ["he", "would", "meet", "they", "."]
    doc = _parsed(words, heads, deps, pos, tags, lemmas)
    m = analyse(2, next(iter(doc.sents)), None)
    assert m.factuality == "hypothetical", m
