"""kill -9 at random points of `newsgraph ingest`, again and again; then one run to the end.

    python bench/kill_loop.py [--runs 30] [--docs 40] [--seed 11] [--keep DIR]

Each run starts `newsgraph ingest CORPUS --db STORE` (alternately in one process and with one worker process) and,
once its processes have used a seeded random amount of CPU time, kills it with SIGKILL wherever it is: loading models, coding, in the middle of a
write transaction, merging clusters. Kill points are drawn in CPU seconds of the run's processes, from windows measured
first (see time_runs): half during start-up, half counted from the run's first commit (seen in the store's
write-ahead log) while later batches are coded and written. So on a loaded or an idle machine alike kills land at
every stage, half of them after something was stored, and the store fills up over the runs rather than in the first. After every kill the store must open, `check` must find nothing wrong,
every document must be stored at most once, and no worker may be left running. The last run goes to the end
and must store each document exactly once, with the same events as one uninterrupted run.
tests/test_kill_loop.py runs a short version; BENCHMARKS.md ("Reliability") has the figures of a long one.
The last line printed is a JSON object of the counts.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _ingest_cmd(corpus: str, db: str, workers: int) -> list[str]:
    return [sys.executable, "-m", "newsgraph.cli", "ingest", corpus, "--db", db, "--workers", str(workers), "--batch-size", "2", "-q"]


def processes_with(marker: str) -> list[int]:
    """Processes whose environment carries ``marker`` (the killed CLI's workers and fork server, if any linger)."""
    pids = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/environ", "rb") as fh:
                    if marker.encode() in fh.read():
                        pids.append(int(pid))
            except OSError:
                continue
    return pids


def store_state(db: str) -> dict:
    """What a killed run left: does the store open, what does check say, how many documents (and duplicates)."""
    from newsgraph.errors import NewsgraphError
    from newsgraph.store import Store

    if not os.path.exists(db):
        return {"exists": False, "opens": True, "problems": [], "documents": 0, "duplicates": 0}
    try:
        with Store(db, read_only=True, wait=30) as s:
            problems = s.check()
            docs, distinct = s.con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
    except NewsgraphError as e:
        return {"exists": True, "opens": False, "problems": [str(e)], "documents": 0, "duplicates": 0}
    return {"exists": True, "opens": True, "problems": problems, "documents": docs, "duplicates": docs - distinct}


def stored_events(db: str) -> list[str]:
    """Every stored event's per-document fields (cluster fields left out: they depend on the whole store)."""
    from newsgraph.store import Store

    skip = ("cluster_id", "num_sources", "num_mentions", "main", "salience")
    with Store(db, read_only=True) as s:
        return sorted(json.dumps({k: v for k, v in e.items() if k not in skip}, sort_keys=True) for e in s.events())


def cluster_partition(db: str) -> list[list[str]]:
    from newsgraph.store import Store

    groups: dict[str, list[str]] = {}
    with Store(db, read_only=True) as s:
        for event_id, cluster_id in s.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall():
            groups.setdefault(cluster_id, []).append(event_id)
    return sorted(sorted(g) for g in groups.values())


def _tree_cpu(marker: str, seen: dict[int, float]) -> float:
    """CPU seconds used so far by the processes carrying ``marker`` (the CLI, its fork server, its workers).

    CPU time, unlike wall time, does not stretch when other programs load the machine, so a kill point drawn
    in CPU seconds lands at the same stage of a run on a busy machine as on an idle one."""
    tick = os.sysconf("SC_CLK_TCK")
    for pid in processes_with(marker):
        try:
            with open(f"/proc/{pid}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            seen[pid] = max(seen.get(pid, 0.0), (int(fields[11]) + int(fields[12])) / tick)
        except (OSError, IndexError, ValueError):
            continue
    return sum(seen.values())


def _wal_state(db: str) -> tuple[int, int] | None:
    try:
        st = os.stat(db + ".wal")
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _new_store(db: str) -> None:
    """An empty store with its tables: made before the timed or killed runs, so the first commit a run writes is a
    batch of documents, not the schema."""
    from newsgraph.store import Store

    for f in (db, db + ".wal"):
        if os.path.exists(f):
            os.remove(f)
    Store(db).close()


def _committed(db: str, before: tuple[int, int] | None, started_ns: int) -> bool:
    """Has the run written a commit to ``db`` since it started? DuckDB appends each commit to the store's
    write-ahead log (a batch of two short articles is some 20 KB), so: the log was written after the start, is
    bigger than a header, and is not the one a killed run left behind."""
    now = _wal_state(db)
    return now is not None and now != before and now[1] >= started_ns and now[0] > 4096


def _run(cmd: list[str], env: dict, marker: str, kill_at_cpu: float | None = None, db: str | None = None,
         kill_after_commit_cpu: float | None = None) -> tuple[subprocess.Popen, float, float | None]:
    """Run ``cmd``, polling the CPU seconds its processes have used. With ``kill_at_cpu``, SIGKILL it once they
    have used that much; with ``db`` and ``kill_after_commit_cpu``, once they have used that much more after the
    run's first commit to ``db``. Returns (process, CPU used, CPU used when the first commit was seen, or None)."""
    seen: dict[int, float] = {}
    before, started_ns = (_wal_state(db) if db else None), time.time_ns()
    first_commit = None
    proc = subprocess.Popen(cmd, env=dict(env, NEWSGRAPH_KILL_LOOP=marker), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while proc.poll() is None:
        used = _tree_cpu(marker, seen)
        if db and first_commit is None and _committed(db, before, started_ns):
            first_commit = used
        if (kill_at_cpu is not None and used >= kill_at_cpu) or \
                (kill_after_commit_cpu is not None and first_commit is not None and used >= first_commit + kill_after_commit_cpu):
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    proc.wait()
    return proc, sum(seen.values()), first_commit


def time_runs(corpus: str, scratch_db: str, n_docs: int, runs: int) -> dict[int, tuple[float, float]]:
    """Kill windows per mode (0: in-process, 1: one worker), in CPU seconds of the run's processes: (start-up,
    coding span). Measured on one whole run per mode into an empty store: start-up is the CPU used when its first
    commit is seen (imports, models, opening the store, coding the first batch); the coding span is the CPU two
    batches' worth of documents take on average, times n_docs / runs, so late kills leave a few batches each and
    the store fills up over the runs, not in the first one."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    windows = {}
    for w in (0, 1):
        db = f"{scratch_db}.{w}.duckdb"
        _new_store(db)  # empty: the run codes everything
        _, total, first = _run(_ingest_cmd(corpus, db, w), env, f"time-{os.getpid()}-{time.time_ns()}", db=db)
        start = first if first is not None else total / 2  # commits too quick to see: half the run is start-up
        per_doc = max(0.005, total - start) / max(1, n_docs - 2)
        windows[w] = (max(0.1, start), per_doc * 2 * n_docs / runs)
    return windows


def kill_loop(corpus: str, db: str, n_docs: int, runs: int, seed: int, windows: dict[int, tuple[float, float]], reference_db: str | None = None,
              log=print) -> dict:
    """Kill `runs` ingests of ``corpus`` into ``db`` at random points, checking the store after each; then finish.

    Returns counts: runs, kills (runs still going when their time came), runs that finished before the kill,
    failures (a store that did not open, a check problem, a duplicate, a lingering worker), and for the final
    run whether each document is stored once and (with ``reference_db``) the events equal the reference's."""
    rng = random.Random(seed)
    if not os.path.exists(db):
        _new_store(db)
    out = {"runs": runs, "killed": 0, "finished_before_kill": 0, "failures": 0, "failure_details": [],
           "documents_after_each_kill": [], "kill_windows_cpu_s": {w: {"start_up": round(a, 2), "after_first_commit": round(b, 2)} for w, (a, b) in windows.items()}}
    for i in range(runs):
        workers = i % 2  # alternately in this process and with a worker process
        marker = f"{os.getpid()}-{seed}-{i}-{time.time_ns()}"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        start, span = windows[workers]
        # half the kills during start-up (imports, models, opening the store, coding the first batch), half after
        # the run's first commit, while later batches are coded and written
        if rng.random() < 0.5:
            delay, after_commit = rng.uniform(0.05, start), None
        else:
            delay, after_commit = None, rng.uniform(0.0, span)
        proc, _, _ = _run(_ingest_cmd(corpus, db, workers), env, marker, kill_at_cpu=delay, db=db, kill_after_commit_cpu=after_commit)
        when = f"at {delay:.2f} CPU s" if delay is not None else f"{after_commit:.2f} CPU s after the first commit"
        if proc.returncode == -signal.SIGKILL:
            out["killed"] += 1
        else:
            out["finished_before_kill"] += 1
        deadline = time.time() + 15
        while processes_with(marker) and time.time() < deadline:
            time.sleep(0.2)
        state = store_state(db)
        lingering = processes_with(marker)
        bad = []
        if not state["opens"]:
            bad.append("store does not open: " + "; ".join(state["problems"]))
        elif state["problems"]:
            bad.append("check: " + "; ".join(state["problems"]))
        if state["duplicates"]:
            bad.append(f"{state['duplicates']} duplicate documents")
        if lingering:
            bad.append(f"{len(lingering)} processes left running")
            for pid in lingering:
                os.kill(pid, signal.SIGKILL)
        if proc.returncode not in (0, -signal.SIGKILL):
            bad.append(f"run exited with {proc.returncode}: {proc.stderr.read().decode(errors='replace')[-300:]}")
        proc.stderr.close()
        if bad:
            out["failures"] += 1
            out["failure_details"].append({"run": i, "kill": when, "problems": bad})
        out["documents_after_each_kill"].append(state["documents"])
        log(f"run {i + 1}/{runs}: workers={workers} kill {when} -> {'killed' if proc.returncode == -signal.SIGKILL else 'finished'}, "
            f"{state['documents']} documents stored, {'OK' if not bad else bad}")
    final = subprocess.run(_ingest_cmd(corpus, db, 1), env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True, timeout=600)
    state = store_state(db)
    out["final_returncode"] = final.returncode
    out["final_summary"] = final.stdout.strip().splitlines()[-1] if final.stdout.strip() else final.stderr[-300:]
    out["final_documents"] = state["documents"]
    out["final_each_document_once"] = state["documents"] == n_docs and state["duplicates"] == 0
    out["final_check_problems"] = state["problems"]
    if reference_db:
        out["final_events_equal_reference"] = stored_events(db) == stored_events(reference_db)
        out["final_clusters_equal_reference"] = cluster_partition(db) == cluster_partition(reference_db)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--docs", type=int, default=40)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--keep", default=None, help="folder to keep the corpus and stores in")
    args = ap.parse_args()
    import corpus as bench_corpus

    from newsgraph import api

    work = Path(args.keep or tempfile.mkdtemp(prefix="ng-killloop-"))
    work.mkdir(parents=True, exist_ok=True)
    src = str(work / "news.jsonl")
    bench_corpus.write(src, args.docs, seed=args.seed, median_words=150)
    ref = str(work / "reference.duckdb")
    for p in (ref, str(work / "killed.duckdb")):
        for f in (p, p + ".wal"):
            if os.path.exists(f):
                os.remove(f)
    t0 = time.time()
    api.ingest([src], db=ref, workers=0, batch_size=2)
    windows = time_runs(src, str(work / "timed"), args.docs, args.runs)
    out = kill_loop(src, str(work / "killed.duckdb"), args.docs, args.runs, args.seed, windows, reference_db=ref)
    out["wall_seconds"] = round(time.time() - t0, 1)
    out["load_average"] = os.getloadavg()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
