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


def test_serve_reads_while_ingest_writes(tmp_path):
    """`newsgraph serve` keeps answering while an ingest writes the same store: each answer is a consistent
    snapshot (200) or a clear 'in use' message (503), never an error page; the ingest finishes, and the server then
    shows everything it stored."""
    import json
    import socket
    import sys as _sys
    import urllib.error
    import urllib.request

    _sys.path.insert(0, str(ROOT / "bench"))
    import corpus as bench_corpus

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    db = tmp_path / "served.duckdb"
    first = subprocess.run([sys.executable, "-m", "newsgraph.cli", "ingest", str(EXAMPLES), "--db", str(db), "--quiet", "--workers", "0"],
                           capture_output=True, text=True, env=env, timeout=300)
    assert first.returncode == 0, first.stderr
    more = tmp_path / "more.jsonl"
    bench_corpus.write(str(more), 16, seed=9, median_words=150)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--db", str(db), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)

    def overview():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/overview", timeout=30) as r:
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read() or b"{}")

    try:
        deadline = time.time() + 120
        while True:
            try:
                status, before = overview()
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.time() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.5)
        assert status == 200
        n_before = before["documents"]
        ingest = _ingest_proc(db, more)
        answers = []
        while ingest.poll() is None:
            answers.append(overview())
            time.sleep(0.2)
        out = ingest.communicate()[0]
        assert ingest.returncode == 0, out
        statuses = {s for s, _ in answers}
        assert statuses <= {200, 503}, answers
        assert all("in use by another newsgraph process" in body.get("detail", "") for s, body in answers if s == 503)
        # the 16 articles are one batch (--batch-size 32), one transaction: never seen half-written
        assert all(body["documents"] in (n_before, n_before + 16) for s, body in answers if s == 200)
        print(f"answers during ingest: {sum(s == 200 for s, _ in answers)} x 200, {sum(s == 503 for s, _ in answers)} x 503")
        status, after = overview()
        assert status == 200 and after["documents"] == n_before + 16
    finally:
        server.terminate()
        server.wait(timeout=30)
    check = subprocess.run([sys.executable, "-m", "newsgraph.cli", "check", "--db", str(db)], capture_output=True, text=True, env=env)
    assert check.returncode == 0, check.stdout + check.stderr
