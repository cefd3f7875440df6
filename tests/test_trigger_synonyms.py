"""The WordNet fallback lexicon (newsgraph/data/events/trigger_synonyms.yaml, made by scripts/make_trigger_synonyms.py):
the shipped file fits the hand triggers, its words code like the trigger they inherit from, and only where no hand
trigger codes the sentence. Sentences are written for these tests."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from newsgraph.events.lexicon import SYNONYM_CONFIDENCE, default_lexicon, load_lexicon
from newsgraph.extract import extract
from newsgraph.model import Document

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "newsgraph" / "data" / "events" / "trigger_synonyms.yaml"


def _events(resources, text):
    return [(e.type, e.trigger) for e in extract(Document(text=text), resources).events]


def test_the_hand_triggers_win_over_the_shipped_file():
    """triggers.yaml may change after the file was made: a word that became a hand trigger keeps its hand senses only,
    and a word whose trigger lost the inherited sense inherits nothing else. Otherwise a word has the senses the file
    says (rerun the script to refresh the file)."""
    hand = load_lexicon(synonyms=False)
    lex = default_lexicon()
    for row in yaml.safe_load(SHIPPED.read_text(encoding="utf-8")):
        word, pos = row["word"], row["pos"]
        if any((word, p) in hand.by_lemma for p in ("VERB", "NOUN")):
            assert all(s.synonym_of is None for p in ("VERB", "NOUN") for s in lex.by_lemma.get((word, p), ())), word
            continue
        senses = lex.by_lemma.get((word, pos), [])
        assert all(s.synonym_of == row["from"] for s in senses), word
        labels = [" ".join(x.split()[:2]) for x in row["senses"]]
        assert all(f"{s.type} {s.cameo}" in labels for s in senses), word


def test_a_synonym_is_less_sure_than_its_hand_trigger():
    lex = default_lexicon()
    punish, penalize = lex.by_lemma[("punish", "VERB")], lex.by_lemma[("penalize", "VERB")]
    assert [s.type for s in punish] == ["SANCTION"] and punish[0].synonym_of == "penalize"
    assert punish[0].confidence == pytest.approx(round(penalize[-1].confidence * SYNONYM_CONFIDENCE, 3))
    assert lex.by_lemma[("punished", "VERB")] == punish  # inflected forms, as for hand verbs


def test_the_safety_rules_keep_out_words_whose_usual_sense_is_another():
    """'fire' shares a WordNet sense with 'dismiss' but is mostly gunfire; 'crime' is the base of 'criminalise', not its
    act; 'cleaning' shares 'cleansing''s first sense, which is not the hand trigger's (ethnic cleansing)."""
    lex = default_lexicon()
    for word, pos in (("crime", "NOUN"), ("cleaning", "NOUN"), ("suggest", "VERB"), ("devote", "VERB"), ("killer", "NOUN")):
        assert all(s.synonym_of is None for s in lex.by_lemma.get((word, pos), ())), word
    assert all(s.synonym_of is None for s in lex.by_lemma.get(("fire", "VERB"), ()))
    assert load_lexicon(synonyms=False).by_lemma.get(("punish", "VERB")) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a synonym verb codes as its hand trigger ("penalize") would
        ("Kenya punished Uganda for the border incursion.", [("SANCTION", "punished")]),
        # a nominalisation of a hand verb ("extradite") codes as a noun event with its arguments
        ("Spain approved the extradition of the Venezuelan general to the United States.", [("COOPERATE", "extradition")]),
        ("The imprisonment of the opposition leader by the Belarusian authorities drew protests.", None),
    ],
)
def test_a_synonym_codes_a_sentence_no_hand_trigger_codes(resources, text, expected):
    events = _events(resources, text)
    if expected is None:  # only check that the nominalisation is coded, whatever else the sentence holds
        assert ("COERCE", "imprisonment") in events
    else:
        assert events == expected


@pytest.mark.parametrize(
    "text, hand",
    [
        ("Kenya punished Uganda and condemned the incursion.", ("DISAPPROVE", "condemned")),
        ("Peru condemned the extradition of the Bolivian senator to Chile.", ("DISAPPROVE", "condemned")),
    ],
)
def test_a_synonym_is_dropped_where_a_hand_trigger_codes_the_sentence(resources, text, hand):
    events = _events(resources, text)
    assert hand in events
    assert not any(t in ("punished", "extradition") for _type, t in events)


@pytest.mark.skipif(not os.environ.get("NEWSGRAPH_WORDNET"), reason="set NEWSGRAPH_WORDNET to WordNet 3.0's dict folder")
def test_the_shipped_file_is_what_the_script_makes(tmp_path):
    out = tmp_path / "trigger_synonyms.yaml"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_trigger_synonyms.py"), "--wordnet", os.environ["NEWSGRAPH_WORDNET"],
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert out.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8"), "run scripts/make_trigger_synonyms.py"


def test_a_stale_synonym_file_never_overrides_or_breaks_the_hand_lexicon(tmp_path):
    stale = tmp_path / "trigger_synonyms.yaml"
    stale.write_text("- {word: zzzword, pos: VERB, from: notatrigger}\n"  # the trigger is gone: nothing inherited
                     "- {word: condemn, pos: VERB, from: penalize}\n"  # a hand trigger now: its own senses only
                     "- {word: punish, pos: VERB, from: penalize}\n", encoding="utf-8")
    triggers = ROOT / "newsgraph" / "data" / "events" / "triggers.yaml"
    lex = load_lexicon(triggers, synonyms=stale)
    assert ("zzzword", "VERB") not in lex.by_lemma
    assert all(s.synonym_of is None for s in lex.by_lemma[("condemn", "VERB")])
    assert [s.type for s in lex.by_lemma[("punish", "VERB")]] == ["SANCTION"]
    assert ("punish", "VERB") not in load_lexicon(triggers).by_lemma  # a file of one's own: no synonyms unless asked
