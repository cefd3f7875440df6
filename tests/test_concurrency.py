"""Two processes on one store: the second waits for the first's lock, or stops with a clear message; never a corrupt store."""

import os
import subprocess
import sys
import time

import duckdb

from .conftest import EXAMPLES, ROOT


def _ingest_proc(db, path, wait="60"):
    env = {**os.environ, "NEWSGRAPH_LOCK_WAIT": wait, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "ingest", str(path), "--db", str(db), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)


def test_two_ingests_at_once_both_finish_each_document_once(tmp_path):
    db = tmp_path / "both.duckdb"
    files = sorted(EXAMPLES.glob("*.md"))
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    for i, f in enumerate(files):
        (a if i % 2 else b).joinpath(f.name).write_text(f.read_text())
    (b / files[1].name).write_text(files[1].read_text())  # one document in both runs
    p1 = _ingest_proc(db, a)
    time.sleep(0.5)
    p2 = _ingest_proc(db, b)
    out1, out2 = p1.communicate(timeout=300)[0], p2.communicate(timeout=300)[0]
    assert p1.returncode == 0, out1
    assert p2.returncode == 0, out2
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select count(*), count(distinct doc_id) from documents").fetchone() == (len(files), len(files))
    assert con.execute("select count(*) - count(distinct event_id) from events").fetchone()[0] == 0
    con.close()
    check = subprocess.run([sys.executable, "-m", "newsgraph.cli", "check", "--db", str(db)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_locked_store_gives_a_clear_message_after_the_wait(tmp_path):
    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb,time; c=duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(30)"],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "ready"
    try:
        p = _ingest_proc(db, EXAMPLES, wait="1")
        out = p.communicate(timeout=120)[0]
        assert p.returncode == 1
        assert "in use by another newsgraph process" in out and str(db) in out
    finally:
        holder.kill()
