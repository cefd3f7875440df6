"""`newsgraph check` finds a store broken on purpose (exit code 1), `newsgraph repair` fixes it, and the events stay as they were."""

import os
import shutil
import subprocess
import sys

import duckdb
import pytest

from newsgraph import api

from .conftest import EXAMPLES, ROOT

EVENTS = "SELECT * FROM events ORDER BY event_id"


@pytest.fixture(scope="module")
def good_store(tmp_path_factory, resources):
    db = str(tmp_path_factory.mktemp("repair") / "good.duckdb")
    report = api.ingest([str(EXAMPLES)], db=db, resources=resources, workers=0)
    assert report.failed == 0 and report.clusters > 0
    assert api.check(db) == []
    return db


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)


def _rows(db, sql):
    con = duckdb.connect(db, read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _partition(db):
    groups = {}
    for event_id, cluster_id in _rows(db, "SELECT event_id, cluster_id FROM cluster_members"):
        groups.setdefault(cluster_id, set()).add(event_id)
    return sorted(sorted(g) for g in groups.values())


def _corrupt(db, *statements):
    con = duckdb.connect(db)
    for sql in statements:
        con.execute(sql)
    con.close()


def test_broken_derived_rows_are_found_and_rebuilt_events_unchanged(tmp_path, good_store):
    db = str(tmp_path / "broken.duckdb")
    shutil.copy(good_store, db)
    events_before = _rows(db, EVENTS)
    clusters_before = _partition(db)
    _corrupt(db,
             "UPDATE documents SET n_events = n_events + 3 WHERE doc_id = (SELECT min(doc_id) FROM documents)",
             "DELETE FROM event_actors WHERE event_id = (SELECT min(event_id) FROM event_actors)",
             "DELETE FROM cluster_members WHERE cluster_id = (SELECT max(cluster_id) FROM clusters)",
             "DELETE FROM clusters WHERE cluster_id = (SELECT min(cluster_id) FROM cluster_members)",
             "UPDATE clusters SET num_mentions = num_mentions + 1 WHERE cluster_id = (SELECT max(cluster_id) FROM cluster_members)")
    found = _cli("check", "--db", db)
    assert found.returncode == 1, found.stdout
    for problem in ("1 documents whose n_events differs", "1 events whose actor rows differ", "1 clusters without members",
                    "cluster members whose cluster is missing", "1 clusters whose mention or document counts differ"):
        assert problem in found.stdout, found.stdout
    fixed = _cli("repair", "--db", db)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "documents whose n_events was recounted: 1" in fixed.stdout
    assert "events whose actor rows were rebuilt: 1" in fixed.stdout
    assert _cli("check", "--db", db).returncode == 0
    assert _rows(db, EVENTS) == events_before
    assert _partition(db) == clusters_before  # the merge stage rebuilt the same clusters
    assert _rows(db, "SELECT count(*) FROM event_actors") == _rows(good_store, "SELECT count(*) FROM event_actors")


def test_rows_of_a_deleted_document_are_removed_as_orphans(tmp_path, good_store):
    db = str(tmp_path / "orphans.duckdb")
    shutil.copy(good_store, db)
    gone = _rows(db, "SELECT doc_id FROM documents WHERE n_events > 0 ORDER BY doc_id LIMIT 1")[0][0]
    kept_events = _rows(db, f"SELECT * FROM events WHERE doc_id <> '{gone}' ORDER BY event_id")
    _corrupt(db, f"DELETE FROM documents WHERE doc_id = '{gone}'")
    problems = api.check(db)
    assert any("events whose document is missing" in p for p in problems)
    assert any("mentions whose document is missing" in p for p in problems)
    assert any("cluster members whose document is missing" in p for p in problems)
    fixed = api.repair(db)
    assert fixed["events whose document is missing"] > 0
    assert api.check(db) == []
    assert _rows(db, "SELECT * FROM events ORDER BY event_id") == kept_events
    for table in ("event_actors", "mentions", "quantities", "claims", "descriptors", "mention_tone", "cluster_members"):
        assert _rows(db, f"SELECT count(*) FROM {table} WHERE doc_id = '{gone}'") == [(0,)], table
    assert not any(gone in str(r) for r in _rows(db, "SELECT canonical_event_id FROM clusters"))


def test_repair_of_a_sound_store_changes_nothing_and_rerun_ingest_adds_nothing(tmp_path, good_store, resources):
    db = str(tmp_path / "sound.duckdb")
    shutil.copy(good_store, db)
    before = {t: _rows(db, f"SELECT count(*) FROM {t}") for t in ("documents", "events", "event_actors", "clusters", "cluster_members")}
    fixed = api.repair(db)
    assert [k for k in fixed if not k.startswith("clusters rebuilt")] == []
    assert {t: _rows(db, f"SELECT count(*) FROM {t}") for t in before} == before
    report = api.ingest([str(EXAMPLES)], db=db, resources=resources, workers=0)
    assert report.stored == 0 and report.skipped == before["documents"][0][0]


def test_check_and_repair_say_what_is_wrong_with_a_missing_store(tmp_path):
    out = _cli("repair", "--db", str(tmp_path / "nope.duckdb"))
    assert out.returncode == 1 and "no such DuckDB store" in out.stderr
