"""Engines: the process pool gives the same events as one process; a run killed with kill -9 resumes exactly."""

import json
import os
import pickle
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from newsgraph import api
from newsgraph.errors import InputError
from newsgraph.store import Store, parquet_doc_ids, remove_orphan_shards, write_parquet_shard

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import corpus as bench_corpus  # noqa: E402
import kill_loop  # noqa: E402


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    bench_corpus.write(str(path), 24, seed=7, median_words=150)
    return path


@pytest.fixture(scope="module")
def reference_db(tmp_path_factory, small_corpus, resources):
    """The corpus ingested in this process, uninterrupted: what every other run must end with."""
    db = str(tmp_path_factory.mktemp("ref") / "ref.duckdb")
    report = api.ingest([str(small_corpus)], db=db, resources=resources, batch_size=4)
    assert report.stored == 24 and report.failed == 0
    return db


# set by the corpus stage (merging across documents), which runs on DuckDB stores, not on Parquet shard stores
CORPUS_FIELDS = ("cluster_id", "num_sources", "num_mentions", "main", "salience")


def stored_events(db):
    """The per-document extraction of every stored event (what the engines must agree on)."""
    with Store(db, read_only=True) as s:
        return sorted(json.dumps({k: v for k, v in e.items() if k not in CORPUS_FIELDS}, sort_keys=True) for e in s.events())


def integrity(db):
    """Counts that must all be zero in a healthy store."""
    con = duckdb.connect(db, read_only=True)
    q = {
        "duplicate_docs": "SELECT count(*) - count(DISTINCT doc_id) FROM documents",
        "duplicate_events": "SELECT count(*) - count(DISTINCT event_id) FROM events",
        "orphan_events": "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
        "orphan_event_actors": "SELECT count(*) FROM event_actors WHERE event_id NOT IN (SELECT event_id FROM events)",
        "orphan_mentions": "SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents)",
        "event_count_mismatch": "SELECT count(*) FROM documents d WHERE n_events <> (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)",
    }
    out = {k: con.execute(v).fetchone()[0] for k, v in q.items()}
    con.close()
    return out


def test_input_error_survives_pickling():
    e = pickle.loads(pickle.dumps(InputError("a.jsonl", "malformed JSON", 3)))
    assert (e.path, e.message, e.line, str(e)) == ("a.jsonl", "malformed JSON", 3, "a.jsonl:3: malformed JSON")


def test_process_pool_gives_the_same_events_as_one_process(tmp_path, small_corpus, reference_db):
    db = str(tmp_path / "pool.duckdb")
    report = api.ingest([str(small_corpus)], db=db, workers=2, batch_size=3)
    assert (report.read, report.stored, report.failed) == (24, 24, 0)
    assert stored_events(db) == stored_events(reference_db)
    assert all(v == 0 for v in integrity(db).values())
    again = api.ingest([str(small_corpus)], db=db, workers=2, batch_size=3)
    assert (again.stored, again.skipped) == (0, 24)


def test_kill_9_mid_run_then_rerun_stores_each_document_once(tmp_path, small_corpus, reference_db):
    db = tmp_path / "killed.duckdb"
    marker = f"NEWSGRAPH_KILL_TEST={os.getpid()}-{time.time_ns()}"
    env = dict(os.environ, PYTHONPATH=str(ROOT), NEWSGRAPH_KILL_TEST=marker.split("=", 1)[1])
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", str(small_corpus), "--db", str(db), "--workers", "1", "--batch-size", "2", "-q"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wal = tmp_path / "killed.duckdb.wal"
    deadline = time.time() + 120
    # Kill as soon as some batches are committed (the write-ahead log grows), i.e. in the middle of the run.
    while time.time() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 50_000:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed; make the corpus bigger"
    os.kill(proc.pid, signal.SIGKILL)
    # Its worker and fork server notice and exit, even while the killed process is an unreaped zombie:
    # nothing is left holding a model in memory.
    time.sleep(1.5)
    deadline = time.time() + 10
    while kill_loop.processes_with(marker) and time.time() < deadline:
        time.sleep(0.2)
    assert kill_loop.processes_with(marker) == []
    proc.wait()
    con = duckdb.connect(str(db), read_only=True)
    partial = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    assert 0 < partial < 24
    assert all(v == 0 for v in integrity(str(db)).values())
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"24 documents read, {24 - partial} stored, {partial} skipped" in rerun.stdout
    assert all(v == 0 for v in integrity(str(db)).values())
    assert stored_events(str(db)) == stored_events(reference_db)


def test_parquet_store_reads_like_the_duckdb_store_and_loads_idempotently(tmp_path, reference_db, resources):
    from newsgraph.extract import extract_many
    from newsgraph.ingest import iter_inputs

    docs = [d for d in iter_inputs([str(ROOT / "examples" / "corpus")])]
    results = list(extract_many(docs, resources))
    root = str(tmp_path / "shards")
    assert write_parquet_shard(root, "s1", results[:6]) == 6
    assert write_parquet_shard(root, "s2", results[4:]) == 6  # two documents in both shards
    # A shard killed before its documents file was written: never read, removed by the next run.
    write_parquet_shard(str(tmp_path / "other"), "s3", results[:1])
    os.replace(tmp_path / "other" / "events" / "s3.parquet", tmp_path / "shards" / "events" / "s3.parquet")
    assert remove_orphan_shards(root) == 1
    assert len(parquet_doc_ids(root)) == 10
    db = str(tmp_path / "ref.duckdb")
    with Store(db) as s:
        s.write(results)
    with Store(root, read_only=True) as pq, Store(db, read_only=True) as ref:
        assert pq.counts() == ref.counts()
        pq_events = pq.events()
        assert pq_events == ref.events()
    with pytest.raises(Exception, match="Parquet"):
        Store(root)
    loaded = str(tmp_path / "loaded.duckdb")
    with Store(loaded) as s:
        assert s.load_parquet(root) == 10
        assert s.load_parquet(root) == 0
        assert s.counts() == Store(db, read_only=True).counts()
    assert api.events(db=root, actor="Venezuela")  # read commands take the directory as the store
    from click.testing import CliRunner

    from newsgraph.cli import main

    r = CliRunner().invoke(main, ["load-parquet", root, "--db", str(tmp_path / "cli.duckdb")])
    assert r.exit_code == 0 and "10 documents loaded" in r.output
    r = CliRunner().invoke(main, ["events", "--db", root, "--format", "jsonl"])
    assert r.exit_code == 0 and len(r.output.splitlines()) == len(pq_events)
