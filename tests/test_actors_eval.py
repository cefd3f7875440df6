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
    assert fig["documents"] == 120 and fig["f1"] >= 0.70
