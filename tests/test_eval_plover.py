"""`newsgraph eval plover FILE`: the scorer itself, on small gold files written here (not the eval data)."""

import json

import pytest
from click.testing import CliRunner

from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.evaluate.plover import evaluate


def _actor(text, code, sector=""):
    return {"actorText": text, "code": code, "sector": sector}


def _record(i, text, event, source, target, evt):
    return {
        "id": f"T-{i}",
        "text": text,
        "event": event,
        "source": source,
        "target": target,
        "textInfo": {"markup": text.replace(evt, f"(EVT: {evt})", 1)},
    }


RECORDS = [
    _record(1, "France condemned Iran's missile test on Sunday.", "DISAPPROVE",
            [_actor("France", "FRA", "GOV")], [_actor("Iran", "IRN", "GOV")], "condemned"),
    _record(2, "Japan sent emergency aid to the Philippines after the typhoon.", "AID",
            [_actor("Japan", "JPN", "GOV")], [_actor("Philippines", "PHL", "GOV")], "sent emergency aid"),
    # The guide's reciprocal convention (SRC/TAR): both parties of a joint act are the source.
    _record(3, "Russia and China signed a trade agreement in Moscow on Monday.", "AGREE",
            [_actor("Russia", "RUS", "GOV"), _actor("China", "CHN", "GOV")], [], "signed"),
]


def _write(tmp_path, records):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([{"id": "DOC", "event": "DOCUMENT", "eventText": "notes"}] + records))
    return str(path)


def _run(path, **kw):
    import io

    out = io.StringIO()
    figures = evaluate(path, out=out, **kw)
    return figures, out.getvalue()


def test_scores_every_figure_the_issue_names_and_prints_them_as_the_last_line(tmp_path):
    figures, text = _run(_write(tmp_path, RECORDS))
    last = json.loads(text.strip().splitlines()[-1])
    assert last == figures
    for key in ("type_accuracy", "macro_f1", "source_code_f1", "target_code_f1", "coverage", "n", "actor_code_f1"):
        assert key in figures
    assert figures["n"] == 3  # the DOCUMENT record is documentation, not a record
    assert figures["type_accuracy"] == 1.0
    assert figures["coverage"] == 1.0
    assert figures["source_code_f1"] == 1.0
    assert figures["target_code_f1"] == 1.0
    assert "DISAPPROVE" in text and "AGREE" in text  # the per-type table


def test_a_wrong_gold_type_lowers_accuracy_and_is_listed_with_errors(tmp_path):
    records = [dict(r) for r in RECORDS]
    records[1]["event"] = "SANCTION"
    figures, text = _run(_write(tmp_path, records), show_errors=True)
    assert figures["type_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert "gold SANCTION" in text and "pred AID" in text
    assert figures["macro_f1"] < 1.0


def test_swapped_roles_cost_source_and_target_but_not_the_either_role_figure(tmp_path):
    records = [dict(r) for r in RECORDS]
    records[0]["source"], records[0]["target"] = records[0]["target"], records[0]["source"]
    figures, _ = _run(_write(tmp_path, records))
    assert figures["source_code_f1"] < 1.0 and figures["target_code_f1"] < 1.0
    assert figures["actor_code_f1"] == 1.0


def test_a_wrong_country_costs_the_either_role_figure_too(tmp_path):
    records = [dict(r) for r in RECORDS]
    records[1]["target"] = [_actor("Philippines", "IDN", "GOV")]
    figures, _ = _run(_write(tmp_path, records))
    assert figures["target_code_f1"] < 1.0
    assert figures["actor_code_f1"] < 1.0


def test_limit_scores_only_the_first_records(tmp_path):
    figures, _ = _run(_write(tmp_path, RECORDS), limit=2)
    assert figures["n"] == 2


@pytest.mark.parametrize("content, what", [
    ("", "empty"),
    ("{not json", "JSON"),
    (json.dumps({"text": "a"}), "array"),
    (json.dumps([{"id": "DOC", "event": "DOCUMENT"}]), "no records"),
])
def test_bad_files_name_the_file_and_the_fault(tmp_path, content, what):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(NewsgraphError) as err:
        evaluate(str(path))
    assert "bad.json" in str(err.value)


def test_the_cli_command_prints_the_json_line(tmp_path):
    result = CliRunner().invoke(main, ["eval", "plover", _write(tmp_path, RECORDS[:1])])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output.strip().splitlines()[-1])["n"] == 1


def test_an_international_body_with_a_cameo_style_code_is_scored_as_igo(tmp_path):
    from newsgraph.evaluate.plover import gold_actors

    assert gold_actors([_actor("the IMF", "IMF", "IGO"), _actor("Japan", "JAP", "GOV")]) == [("IGO", ""), ("JPN", "GOV")]
    record = _record(4, "The United Nations condemned the coup in Niger on Thursday.", "DISAPPROVE",
                     [_actor("The United Nations", "UNO", "IGO")], [_actor("Niger", "NER", "")], "condemned")
    figures, _ = _run(_write(tmp_path, [record]))
    assert figures["source_code_f1"] == 1.0


def test_wrong_types_with_the_gold_cameo_code_are_counted_beside_the_exact_figure(tmp_path):
    from newsgraph.evaluate.plover import pick_event
    from newsgraph.extract import default_resources, extract_many
    from newsgraph.model import Document

    (result,) = extract_many([Document(text=RECORDS[0]["text"])], default_resources())
    coded = pick_event(result.events, RECORDS[0]).cameo  # what the coder calls "condemned"
    records = [dict(r) for r in RECORDS]
    records[0].update(event="REJECT", cameo=coded)  # the same act, put under another PLOVER type
    records[1].update(event="SANCTION", cameo="163")  # a different act altogether
    records[2].update(cameo="057")
    figures, text = _run(_write(tmp_path, records), show_errors=True)
    assert figures["type_accuracy"] == pytest.approx(1 / 3, abs=1e-3)  # the exact figure is unchanged
    assert figures["wrong_type_same_cameo_code"] == 1
    assert figures["type_or_same_cameo_accuracy"] == pytest.approx(2 / 3, abs=1e-3)
    assert "wrong types with the gold's CAMEO code" in text and f"{coded}/{coded}" in text


def test_without_gold_cameo_codes_no_convention_figure_is_made_up(tmp_path):
    figures, text = _run(_write(tmp_path, RECORDS))
    assert "type_or_same_cameo_accuracy" not in figures and "CAMEO code" not in text
