"""The WordNet hypernym fallback for object lists (newsgraph/data/events/noun_hypernyms.tsv, made by
scripts/make_noun_hypernyms.py): when no sense of a listed word fits and some sense failed only on its objects, the
object nouns stand in for their hypernyms. Sentences are written for these tests."""

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.coder import EventCoder
from newsgraph.events.lexicon import default_lexicon, load_lexicon, load_noun_hypernyms
from newsgraph.extract import extract
from newsgraph.model import Document

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "newsgraph" / "data" / "events" / "noun_hypernyms.tsv"


def _events(resources, text):
    return [(e.type, e.trigger) for e in extract(Document(text=text), resources).events]


def test_the_shipped_table_gives_the_kinds_the_object_lists_name():
    lex = default_lexicon()
    assert "warship" in lex.hypernyms("frigate")
    assert "prisoner" in lex.hypernyms("detainee")
    assert "meeting" in lex.hypernyms("conclave")
    assert lex.hypernyms("zzzword") == ()
    # a media "outlet" (CONCEDE's list) is no shop: WordNet has no such sense, and a word no other word of its list
    # relates to stands for no hyponym
    assert "outlet" not in lex.hypernyms("bakery")
    # an attribute is no object of a news event: "seized the heights" is no seizure of property
    assert lex.hypernyms("height") == ()


def test_the_table_says_which_object_words_a_noun_stands_near():
    above, near = default_lexicon().noun_kinds("schooner")
    assert "vessel" in above and {"ship", "boat"} & near
    assert default_lexicon().noun_kinds("zzzword") == ((), frozenset())


def test_the_table_is_read_on_first_use_only():
    lex = load_lexicon(ROOT / "newsgraph" / "data" / "events" / "triggers.yaml")
    assert lex._hypernyms is None
    assert lex.hypernyms("frigate")
    assert lex._hypernyms is not None


def test_a_malformed_table_says_which_line(tmp_path):
    bad = tmp_path / "noun_hypernyms.tsv"
    bad.write_text("# comment\nfrigate\twarship ship\nbrokenline\n", encoding="utf-8")
    with pytest.raises(DataFileError) as e:
        load_noun_hypernyms(bad)
    assert "line 3" in str(e.value) or ":3" in str(e.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        # no sense of "hold" lists a conclave; CONSULT's lists "meeting", which a conclave is
        ("Kenya and Uganda held a conclave in Nairobi on Tuesday.", ("CONSULT", "held conclave")),
        # a catamaran is a vessel: the seizure sense that lists vessels
        ("Houthi rebels seized a catamaran off the coast of Yemen.", ("COERCE", "seized catamaran")),
    ],
)
def test_an_unlisted_object_meets_a_sense_through_its_hypernym(resources, text, expected):
    assert expected in _events(resources, text)


def test_a_sense_met_through_a_hypernym_is_less_sure(resources):
    by_kind = extract(Document(text="Kenya and Uganda held a conclave in Nairobi on Tuesday."), resources).events
    listed = extract(Document(text="Kenya and Uganda held a meeting in Nairobi on Tuesday."), resources).events
    assert [e.type for e in by_kind] == [e.type for e in listed] == ["CONSULT"]
    assert by_kind[0].confidence == pytest.approx(listed[0].confidence * 0.9, abs=1e-3)


@pytest.mark.parametrize(
    "text",
    [
        # a grudge is a kind of hostility, a phone a kind of equipment, a bakery a shop: no sense of these verbs lists
        # them in that sense
        "Turkey held a grudge against Greece for decades.",
        "Apple launched a new phone in China.",
        "The minister reopened the bakery in Cairo.",
        # the heights are an attribute in WordNet's first sense: no seizure of property
        "Rebels seized the heights above the town.",
        # a firehouse is a kind of "station", but the media sense lists stations with newspapers and channels, none
        # of which a firehouse is near; a crusade is a venture, but the joint-venture sense lists mergers and bids
        # (a terminal is one of the ways in and out a state reopens, object_classes.yaml's @ways, by hand)
        "The government reopened the firehouse in Cairo.",
        "Germany launched a crusade against tax evasion.",
    ],
)
def test_an_object_in_another_sense_meets_no_sense(resources, text):
    assert _events(resources, text) == []


def test_a_hand_trigger_in_the_sentence_leaves_the_fallback_out(resources):
    """As for WordNet synonyms, a sense met only through a hypernym codes only sentences no hand trigger codes by its
    own lists: the hypernyms are a last resort for sentences that would code nothing."""
    assert _events(resources, "Kenya and Uganda held a conclave in Nairobi while Somalia condemned the border raid.") == [
        ("DISAPPROVE", "condemned")]
    assert _events(resources, "Kenya and Uganda held a conclave in Nairobi.") == [("CONSULT", "held conclave")]


def test_the_unless_list_applies_to_the_hypernyms_too(resources, tmp_path):
    triggers = tmp_path / "triggers.yaml"
    table = tmp_path / "noun_hypernyms.tsv"
    table.write_text("conclave\tmeeting gathering\n", encoding="utf-8")

    def code(unless: str):
        triggers.write_text(f"- {{lemmas: [hold], pos: VERB, objects: [meeting], unless: [{unless}], type: CONSULT, cameo: '040',"
                            " symmetric: true, preps: [with]}\n", encoding="utf-8")
        lex = load_lexicon(triggers, hypernyms=table)
        res = replace(resources, lexicon=lex, coder=EventCoder(lex))
        return _events(res, "Kenya and Uganda held a conclave in Nairobi.")

    assert code("zzz") == [("CONSULT", "held conclave")]
    assert code("gathering") == []  # the sense is not made for gatherings: nor for what is one
    lex = load_lexicon(triggers, hypernyms=False)
    assert lex.hypernyms("conclave") == ()


def test_a_prepositional_marker_is_widened_too(resources, tmp_path):
    """A sense that wants "*prep:in:meeting" meets "took part in a conclave"; not a phrase on another preposition."""
    triggers = tmp_path / "triggers.yaml"
    triggers.write_text("- {lemmas: [take], pos: VERB, objects: ['*prep:in:meeting'], type: CONSULT, cameo: '040', symmetric: true,"
                        " preps: [with]}\n", encoding="utf-8")
    table = tmp_path / "noun_hypernyms.tsv"
    table.write_text("conclave\tmeeting gathering\n", encoding="utf-8")
    lex = load_lexicon(triggers, hypernyms=table)
    res = replace(resources, lexicon=lex, coder=EventCoder(lex))
    assert _events(res, "Kenya took part in a conclave with Uganda.") == [("CONSULT", "took conclave")]
    assert _events(res, "Kenya took a plane to a conclave with Uganda.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # the tagger takes "crossing" after a name for a participle, the name for the object or its subject
        ("Jordan reopened the King Hussein crossing for travellers on Sunday.", ("RETREAT", "reopened crossing")),
        ("Egypt reopened the Salloum crossing to trucks on Monday.", ("RETREAT", "reopened crossing")),
    ],
)
def test_a_noun_after_a_name_taken_for_a_participle_is_the_object(resources, text, expected):
    assert expected in _events(resources, text)


def test_a_real_participle_after_a_name_is_no_object(resources):
    # "the Kremlin" is the object; "saying" a participle with its own clause, no object noun
    events = _events(resources, "NATO warned the Kremlin saying it would respond to any incursion.")
    assert not any("saying" in trigger for _type, trigger in events)


@pytest.mark.skipif(not os.environ.get("NEWSGRAPH_WORDNET"), reason="set NEWSGRAPH_WORDNET to WordNet 3.0's dict folder")
def test_the_shipped_table_is_what_the_script_makes(tmp_path):
    out = tmp_path / "noun_hypernyms.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "make_noun_hypernyms.py"), "--wordnet", os.environ["NEWSGRAPH_WORDNET"],
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert out.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8"), "run scripts/make_noun_hypernyms.py"
