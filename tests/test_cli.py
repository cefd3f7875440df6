"""The CLI end to end: ingest into a store, list events in every format, code a text, bad input."""

import csv
import io
import json
import shutil

import duckdb
import pytest
from click.testing import CliRunner

from newsgraph.cli import main

from .conftest import EXAMPLES

REQUIRED_FIELDS = {"id", "type", "mode", "context", "cameo", "source", "target", "date", "date_precision", "factuality",
                   "quantities", "evidence", "doc_id", "outlet", "url", "published"}


@pytest.fixture(scope="module")
def example_db(tmp_path_factory, resources):
    db = str(tmp_path_factory.mktemp("ex") / "ex.duckdb")
    r = CliRunner().invoke(main, ["ingest", str(EXAMPLES), "--db", db])
    assert r.exit_code == 0, r.output
    return db, r.output


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_ingest_summary_and_idempotence(example_db):
    db, out = example_db
    n = len(list(EXAMPLES.glob("*.md")))
    assert f"{n} documents read, {n} stored, 0 skipped" in out and "0 failed" in out
    events_before = duckdb.connect(db, read_only=True).execute("select count(*) from events").fetchone()[0]
    assert events_before > 3 * n  # the demo corpus is dense with events
    again = invoke("ingest", EXAMPLES, "--db", db)
    assert again.exit_code == 0
    assert f"{n} documents read, 0 stored, {n} skipped" in again.output
    con = duckdb.connect(db, read_only=True)
    assert con.execute("select count(*) from events").fetchone()[0] == events_before
    assert con.execute("select count(*) from documents").fetchone()[0] == n


def test_events_json_has_the_public_fields(example_db):
    db, _ = example_db
    r = invoke("events", "--db", db, "--format", "json")
    assert r.exit_code == 0
    rows = json.loads(r.output)
    assert rows and all(REQUIRED_FIELDS <= set(row) for row in rows)
    for row in rows:
        assert row["evidence"] and row["doc_id"] and row["outlet"]
        for a in row["source"] + row["target"]:
            assert {"name", "actor_id", "country", "sector"} <= set(a)
        assert row["published"] is not None  # every example has front matter


def test_events_filters(example_db):
    db, _ = example_db
    rows = json.loads(invoke("events", "--db", db, "--format", "json", "--type", "SANCTION").output)
    assert rows and {r["type"] for r in rows} == {"SANCTION"}
    ven = json.loads(invoke("events", "--db", db, "--format", "json", "--actor", "Venezuela").output)
    assert ven and all(any(a["country"] == "VEN" for a in r["source"] + r["target"]) for r in ven)
    also = json.loads(invoke("events", "--db", db, "--format", "json", "--actor", "VEN").output)
    assert {r["id"] for r in also} == {r["id"] for r in ven}
    since = json.loads(invoke("events", "--db", db, "--format", "json", "--since", "2025-01-01").output)
    assert since and all((r["date"] or r["published"]) >= "2025-01-01" for r in since)
    until = json.loads(invoke("events", "--db", db, "--format", "json", "--until", "2024-12-31").output)
    assert until and all((r["date"] or r["published"]) <= "2024-12-31" for r in until)
    assert len(since) + len(until) == len(json.loads(invoke("events", "--db", db, "--format", "json").output))


def test_events_csv_jsonl_and_table(example_db):
    db, _ = example_db
    rows = list(csv.DictReader(io.StringIO(invoke("events", "--db", db, "--format", "csv").output)))
    lines = invoke("events", "--db", db, "--format", "jsonl").output.strip().splitlines()
    assert len(rows) == len(lines) > 0
    assert json.loads(lines[0])["id"] == rows[0]["id"]
    table = invoke("events", "--db", db, "--limit", "5")
    assert table.exit_code == 0 and "5 events" in table.output and "type" in table.output


def test_code_prints_events_without_storing(tmp_path, resources):
    r = invoke("code", "The U.S. Treasury imposed sanctions on PDVSA on Monday.", "--published", "2019-01-28")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    sanction = [e for e in rows if e["type"] == "SANCTION"]
    assert sanction and sanction[0]["source"][0]["country"] == "USA"
    assert sanction[0]["target"][0]["country"] == "VEN"
    assert sanction[0]["published"] == "2019-01-28"
    assert not list(tmp_path.iterdir())


def test_bad_inputs_are_reported_others_ingested_nothing_lost(tmp_path, example_db, resources):
    src_db, _ = example_db
    db = tmp_path / "copy.duckdb"
    shutil.copy(src_db, db)
    before = duckdb.connect(str(db), read_only=True).execute("select count(*), (select count(*) from events) from documents").fetchone()
    good = tmp_path / "good.txt"
    good.write_text("China and Venezuela signed an energy cooperation agreement in Beijing on Tuesday.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    badutf = tmp_path / "bad.md"
    badutf.write_bytes(b"Caracas \xff\xfe oil")
    jl = tmp_path / "feed.jsonl"
    jl.write_text('{"text": "Russia sent fuel to Cuba."}\n{oops\n')
    emptydir = tmp_path / "nothing"
    emptydir.mkdir()
    r = invoke("ingest", good, empty, binary, badutf, jl, tmp_path / "missing.txt", emptydir, "--db", db)
    assert r.exit_code == 1
    err_lines = [line for line in r.output.splitlines() if line.startswith("error:")]
    assert len(err_lines) == 6, r.output
    for path in (empty, binary, badutf, tmp_path / "missing.txt", emptydir):
        assert any(str(path) + ":" in line for line in err_lines)
    assert any(f"{jl}:2:" in line for line in err_lines)
    assert "2 documents read, 2 stored, 0 skipped, 6 failed" in r.output.replace(" (already stored)", "")
    after = duckdb.connect(str(db), read_only=True).execute("select count(*), (select count(*) from events) from documents").fetchone()
    assert after[0] == before[0] + 2 and after[1] > before[1]


def test_missing_store_is_a_clear_error(tmp_path):
    r = invoke("events", "--db", tmp_path / "nope.duckdb")
    assert r.exit_code == 1 and "no such store" in r.output


def test_not_a_store_is_a_clear_error(tmp_path):
    f = tmp_path / "x.duckdb"
    f.write_text("this is not a database")
    r = invoke("events", "--db", f)
    assert r.exit_code == 1 and str(f) in r.output


def test_check_passes_on_a_good_store_and_finds_damage(example_db, tmp_path):
    src, _ = example_db
    r = invoke("check", "--db", src)
    assert r.exit_code == 0 and r.output.strip().endswith(": ok")
    db = tmp_path / "damaged.duckdb"
    shutil.copy(src, db)
    con = duckdb.connect(str(db))
    doc = con.execute("select doc_id from documents limit 1").fetchone()[0]
    con.execute("delete from documents where doc_id = ?", [doc])
    ev = con.execute("select event_id from event_actors limit 1").fetchone()[0]
    con.execute("delete from event_actors where event_id = ?", [ev])
    con.close()
    r = invoke("check", "--db", db)
    assert r.exit_code == 1
    assert "events whose document is missing" in r.output and "actor rows differ" in r.output
