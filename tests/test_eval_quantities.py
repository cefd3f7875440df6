"""`newsgraph eval quantities` and `eval meantime-numbers`: the scoring itself, and the figures on our own cases."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.evaluate.quantities import evaluate_file, score_meantime_numbers, value_from_span_tokens

from .conftest import SHARED

DATA = Path(__file__).parent / "data"
MEANTIME = SHARED / "eval" / "meantime-en" / "intra_cross-doc_annotation"


def test_cases_cover_the_issue_and_are_many():
    cases = json.loads((DATA / "quantities_cases.json").read_text())
    assert len(cases) >= 60
    units = {q["normalized_unit"] for c in cases for q in c["quantities"]}
    assert {"dollar", "euro", "yuan", "barrel per day", "barrel", "tonne", "cubic metre", "percentage", "times", "tankers", "vessels", "entities", "people"} <= units


def test_scoring_ranges_units_and_one_to_one(tmp_path):
    f = tmp_path / "g.json"
    f.write_text(json.dumps([
        {"text": "Prices jumped 15-20% and output hit 2 million bpd.", "quantities": [
            {"value": "15-20", "unit": "%", "normalized_unit": "percentage"},
            {"value": "2000000.0", "unit": "bpd", "normalized_unit": "barrels per day"}]},
        {"text": "It cost $5 million.", "quantities": [{"value": "5000000.0", "unit": "$", "normalized_unit": "euro"}]},
        {"text": "Nothing here.", "quantities": []},
    ]))
    out = []
    figures = evaluate_file(str(f), out=type("W", (), {"write": lambda self, s: out.append(s)})())
    assert figures["n"] == 3
    assert (figures["precision"], figures["recall"]) == (pytest.approx(2 / 3, abs=1e-3), pytest.approx(2 / 3, abs=1e-3))
    assert figures["value_f1"] == 1.0  # the euro/dollar mismatch only costs value+unit
    assert json.loads(out[-2] if out[-1] == "\n" else out[-1])["n"] == 3


def test_own_cases_regression(capsys):
    figures = evaluate_file(str(DATA / "quantities_cases.json"))
    assert figures["f1"] >= 0.95 and figures["value_f1"] >= 0.95


def test_cli_last_line_is_json():
    r = CliRunner().invoke(main, ["eval", "quantities", str(DATA / "quantities_heldout.json")])
    assert r.exit_code == 0, r.output
    last = json.loads(r.output.strip().splitlines()[-1])
    assert {"precision", "recall", "f1", "n", "value_precision", "value_recall", "value_f1"} <= last.keys()


def test_cli_bad_file(tmp_path):
    f = tmp_path / "x.json"
    f.write_text('{"text": 1}')
    r = CliRunner().invoke(main, ["eval", "quantities", str(f)])
    assert r.exit_code == 1 and "JSON array" in r.output


def test_gold_value_from_span_text():
    assert value_from_span_tokens(["$", "40", "billion"]) == 40e9
    assert value_from_span_tokens(["US$", "15bn"]) == 15e9
    assert value_from_span_tokens(["17", "%"]) == 17
    assert value_from_span_tokens(["as", "much", "as", "3", "%"]) is None  # not arithmetic: not scored for value


@pytest.mark.skipif(not MEANTIME.is_dir(), reason="MEANTIME not in ../shared/eval")
def test_meantime_numbers():
    f = score_meantime_numbers(str(MEANTIME))
    assert f["n"] == 416 and f["documents"] == 120
    assert f["f1"] > 0.8 and f["recall"] > 0.9
    assert f["value_accuracy"] > 0.95


def test_attachment_cases():
    figures = evaluate_file(str(DATA / "quantity_attachment_cases.json"))
    assert figures["n_subject"] == 20
    assert figures["subject_accuracy"] >= 0.9 and figures["measure_accuracy"] >= 0.9 and figures["time_text_accuracy"] >= 0.9
