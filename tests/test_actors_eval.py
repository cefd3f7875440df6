"""Issue 3: `eval conll` and `eval meantime` (entity F1), and the reusable MEANTIME reader."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import DataFileError
from newsgraph.evaluate.conll import read_conll, spans_from_tags
from newsgraph.evaluate.meantime import gold_head, read_meantime

from .conftest import SHARED

DATA = Path(__file__).parent / "data"
MEANTIME = SHARED / "eval" / "meantime-en"


def last_json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_iob1_iob2_and_iobes_decode_to_the_same_spans():
    iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"]
    iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"]
    iobes = ["B-PER", "E-PER", "S-PER", "O", "S-LOC", "S-ORG"]
    expect = [(0, 2, "PER"), (2, 3, "PER"), (4, 5, "LOC"), (5, 6, "ORG")]
    assert spans_from_tags(iob1) == spans_from_tags(iob2) == spans_from_tags(iobes) == expect


def test_conll_reader_documents_and_errors(tmp_path):
    docs = read_conll(DATA / "news_ner.conll")
    assert len(docs) == 10 and all(d.sentences for d in docs)
    bad = tmp_path / "bad.conll"
    bad.write_text("-DOCSTART- -X- -X- O\n\nPutin NNP I-NP B-PER\nspoke VBD I-VP X-VERB\n")
    with pytest.raises(DataFileError) as e:
        read_conll(bad)
    assert e.value.line == 4 and "IOB" in str(e.value)


def test_eval_conll_beats_spacy_alone_and_reaches_the_target():
    r = CliRunner().invoke(main, ["eval", "conll", str(DATA / "news_ner.conll")])
    assert r.exit_code == 0, r.output
    ours = last_json(r.output)
    assert {"precision", "recall", "f1", "f1_PER", "f1_ORG", "f1_LOC", "f1_MISC"} <= set(ours)
    for t in ("PER", "ORG", "LOC"):
        assert ours[f"f1_{t}"] >= 0.80, (t, ours)
    base = last_json(CliRunner().invoke(main, ["eval", "conll", str(DATA / "news_ner.conll"), "--system", "spacy"]).output)
    assert ours["f1"] > base["f1"]


def test_eval_conll_bad_file_is_an_error(tmp_path):
    r = CliRunner().invoke(main, ["eval", "conll", str(tmp_path / "missing.conll")])
    assert r.exit_code == 1 and "missing.conll" in r.output


def test_gold_head_is_the_last_word_before_a_postmodifier():
    assert gold_head("the Vice Chairman of Chrysler".split()) == 2
    assert gold_head("Australian Prime Minister John Howard".split()) == 4
    assert gold_head("Apple Inc. , the computer maker".split()) == 1


@pytest.fixture(scope="module")
def meantime_dir():
    if not MEANTIME.is_dir():
        pytest.skip(f"MEANTIME not found at {MEANTIME} (set NEWSGRAPH_SHARED)")
    return MEANTIME


def test_meantime_reader_exposes_tokens_markables_and_types(meantime_dir):
    docs = list(read_meantime(meantime_dir / "intra_cross-doc_annotation" / "corpus_airbus"))
    assert len(docs) >= 25
    d = docs[0]
    assert d.tokens and d.text[d.tokens[3].start : d.tokens[3].end] == d.tokens[3].text
    assert d.creation_time and d.creation_time[:2] in ("19", "20")
    types = {m.ent_type for doc in docs for m in doc.entity_mentions()}
    assert {"PER", "ORG", "LOC"} <= types
    values = [m for doc in docs for m in doc.markables_of("VALUE")]  # reusable for quantities
    assert values and all(v.attrs.get("type") for v in values)
    assert all(0 <= doc.annotated_until() < 10 for doc in docs)


def test_eval_meantime_prints_figures(meantime_dir):
    r = CliRunner().invoke(main, ["eval", "meantime", str(meantime_dir)])
    assert r.exit_code == 0, r.output
    fig = last_json(r.output)
    assert {"precision", "recall", "f1", "f1_PER", "f1_ORG", "f1_LOC", "exact_f1"} <= set(fig)
    assert fig["documents"] == 120 and fig["f1"] >= 0.80  # the target (head match)


# ------------------------------------------------------------------ entity rules (issue 3 error analysis)


def _doc(words, ents=()):
    """A doc with the given words and entity labels, without a model: the rules alone decide."""
    import spacy
    from spacy.tokens import Doc, Span

    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc


def test_codes_and_stock_indices_name_no_actor():
    from newsgraph.actors.resolve import not_an_actor

    doc = _doc("at 16:00 UTC the Dow Jones Industrial Average and the Standard & Poor 's 500 fell , said Nasdaq Stock Market and Dow Chemical , paid in USD".split())
    w = [t.text for t in doc]
    assert not_an_actor(doc, w.index("UTC"), w.index("UTC") + 1) == "code"
    assert not_an_actor(doc, w.index("USD"), w.index("USD") + 1) == "code"  # ISO 4217, from pycountry
    assert not_an_actor(doc, w.index("Dow"), w.index("Dow") + 2) == "index"  # "Dow Jones" + "Industrial Average"
    assert not_an_actor(doc, w.index("Standard"), w.index("Standard") + 3) == "index"  # "Standard & Poor" + "'s 500"
    nasdaq = w.index("Nasdaq")
    assert not_an_actor(doc, nasdaq, nasdaq + 1) is None  # the name goes on: "Nasdaq Stock Market"
    chem = w.index("Chemical") - 1
    assert not_an_actor(doc, chem, chem + 1) is None  # "Dow Chemical" is a company
    doc = _doc("the Kospi stock index rose".split())
    assert not_an_actor(doc, 1, 2) == "index"


def test_titles_before_a_name_are_not_part_of_it():
    from newsgraph.actors.resolve import name_after_title

    doc = _doc("Spokeswoman Sandy Angers and Mr Justice Anthony Mann and General Motors Corporation and President Lula".split())
    w = [t.text for t in doc]
    assert name_after_title(doc, 0, 3, "ORG") == 1
    mann = w.index("Mr")
    assert name_after_title(doc, mann, mann + 4) == mann + 2
    gm = w.index("General")
    assert name_after_title(doc, gm, gm + 3, "ORG") == gm  # an organisation's name, not a title
    lula = w.index("President")
    assert name_after_title(doc, lula, lula + 2, "ORG") == lula  # one word left: not enough to call an ORG a person
    assert name_after_title(doc, lula, lula + 2, "PERSON") == lula + 1


def test_a_mislabelled_surname_does_not_spread_its_wrong_label(resources):
    from newsgraph.actors.entities import named_entities

    words = "Alan Mulally spoke . Mulally agreed . Then Mulally left .".split()
    doc = _doc(words, [(0, 2, "PERSON"), (8, 9, "ORG")])
    got = {(e.start, e.end): e.label for e in named_entities(doc, resources.registry, spans=[])}
    assert got[(0, 2)] == "PER" and got[(8, 9)] == "PER" and got.get((4, 5)) == "PER"


def test_a_makers_name_is_not_spread_to_its_products(resources):
    from newsgraph.actors.entities import named_entities

    doc = _doc("Zephyr Aero said so . The Zephyr Aero Z380 flew and Zephyr Aero agreed .".split(), [(0, 2, "ORG")])
    got = {(e.start, e.end): e.label for e in named_entities(doc, resources.registry, spans=[])}
    assert got[(0, 2)] == "ORG" and (6, 8) not in got and got.get((11, 13)) == "ORG"


def test_general_news_actors_are_typed_and_claim_no_other_actors_alias(resources):
    reg = resources.registry
    ours = [a for a in (reg.get(i) for i in reg.actors) if a.source.startswith("general_news.yaml:")]
    assert len(ours) >= 200
    kinds = {a.kind for a in ours}
    assert kinds <= {"company", "government", "media"} and all(a.country and a.sector for a in ours)
    for a in ours:
        for alias in (a.name, *a.aliases):
            found = reg.find(alias)
            assert [x.id for x in found] == [a.id], (alias, [x.id for x in found])
