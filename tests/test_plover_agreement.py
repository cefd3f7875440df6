"""bench/plover_agreement.py: two annotators of the same records scored with the eval's own arithmetic."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import NewsgraphError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import plover_agreement  # noqa: E402

RECORDS = [
    {"id": "T-1", "text": "Kenya and Uganda signed a trade pact on Monday.", "event": "AGREE", "cameo": "057",
     "source": [{"actorText": "Kenya", "code": "KEN"}, {"actorText": "Uganda", "code": "UGA"}], "target": ""},
    {"id": "T-2", "text": "Police in Lima arrested a union leader on Friday.", "event": "COERCE", "cameo": "173",
     "source": [{"actorText": "Police in Lima", "code": "PER", "sector": "COP"}],
     "target": [{"actorText": "a union leader", "code": "PER", "sector": "LAB"}]},
    {"id": "T-3", "text": "Norway pledged $20 million to refugees in Chad.", "event": "AID", "cameo": "071",
     "source": [{"actorText": "Norway", "code": "NOR"}], "target": [{"actorText": "refugees in Chad", "code": "TCD"}]},
    {"id": "T-4", "text": "Protesters in Dhaka marched on parliament.", "event": "PROTEST", "cameo": "141",
     "source": [{"actorText": "Protesters in Dhaka", "code": "BGD"}], "target": ""},
]


def write(tmp_path, name, records):
    path = tmp_path / name
    path.write_text(json.dumps(records))
    return str(path)


def test_an_identical_second_coding_agrees_fully():
    fig = plover_agreement.score_records(RECORDS, json.loads(json.dumps(RECORDS)))
    assert fig["type_accuracy"] == 1.0 and fig["source_code_f1"] == 1.0 and fig["target_code_f1"] == 1.0
    assert plover_agreement.kappa([r["event"] for r in RECORDS], [r["event"] for r in RECORDS]) == 1.0


def test_disagreements_count_as_in_the_eval():
    second = json.loads(json.dumps(RECORDS))
    second[1]["event"] = "ASSAULT"  # another type
    second[2]["target"] = ""  # a target left out
    second[3]["target"] = [{"actorText": "parliament", "code": "BGD"}]  # a target added
    fig = plover_agreement.score_records(RECORDS, second)
    assert fig["type_accuracy"] == 0.75
    # targets: gold PER, TCD; second PER, BGD -> P 1/2, R 1/2
    assert fig["target_code_precision"] == 0.5 and fig["target_code_recall"] == 0.5
    assert fig["source_code_f1"] == 1.0
    assert plover_agreement.kappa(["A", "A", "B", "B"], ["A", "B", "A", "B"]) == 0.0


def test_records_must_be_the_same_sentences(tmp_path):
    gold = write(tmp_path, "gold.json", RECORDS)
    other = json.loads(json.dumps(RECORDS))
    other[2]["text"] = "Norway pledged $30 million to refugees in Chad."
    with pytest.raises(NewsgraphError, match=r"second\.json.*T-3.*another text"):
        plover_agreement.paired(gold, write(tmp_path, "second.json", other))
    stray = json.loads(json.dumps(RECORDS)) + [dict(RECORDS[0], id="T-9")]
    with pytest.raises(NewsgraphError, match=r"T-9.*is not in"):
        plover_agreement.paired(gold, write(tmp_path, "stray.json", stray))


def test_the_command_prints_the_table_and_a_json_line(tmp_path):
    gold = write(tmp_path, "gold.json", RECORDS)
    second = json.loads(json.dumps(RECORDS))
    second[0]["event"] = "COOPERATE"
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "plover_agreement.py"), gold,
                          write(tmp_path, "second.json", second)], capture_output=True, text=True, check=True).stdout
    last = json.loads(out.strip().splitlines()[-1])
    assert last["n"] == 4 and last["second vs gold"]["type_accuracy"] == 0.75
    assert "| second vs gold |" in out
