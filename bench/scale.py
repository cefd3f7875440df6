"""Speed and memory of newsgraph at scale, all in one run on the same generated documents.

    python bench/scale.py [--docs 400] [--workers N] [--stages spacy,extract,local1,localN,rss,ray,queries]
    make bench

Stages (each printed with its ratio to spaCy alone, where that means something):

- spacy    spaCy ``nlp.pipe`` alone over the texts, one process, CPU time
- extract  the full extract (paragraph-wise parse, actors, quantities, coder), one process, CPU time
- local1   ``api.ingest`` with the local engine and 1 worker process, wall time
- localN   the same with N workers (default: one per core)
- rss      ``newsgraph ingest --workers N`` as a subprocess: wall time and the peak RSS of the whole
           process tree (the CLI, the fork server and the workers), sampled every 50 ms
- ray      ``api.ingest(engine="ray")`` on a local Ray instance with N workers, wall time
- queries  `newsgraph timeline`, `dyad` and `events --actor` (the real API functions) over a store of
           1,000,000 events generated directly with DuckDB SQL, a cluster per event

Engine figures are given twice: "wall" from start to end, including starting the
workers and loading a model in each, and "steady" from the first batch stored to
the last, which is what a long run converges to. CPU time (time.process_time)
is used where one process is compared with another, because other programs on
the machine do not inflate it. The last line is a JSON object of every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as bench_corpus  # noqa: E402

ALL_STAGES = ("spacy", "extract", "local1", "localN", "rss", "ray", "queries")


# ---------------------------------------------------------------- memory
def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(pid))
    return kids


def tree_rss_mb(root: int) -> float:
    kids, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(kids.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total / 1024


class PeakRSS:
    """Peak of the summed RSS of a process and all its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.05):
        self.pid, self.every, self.peak = pid, every, 0.0
        self.trace: list[tuple[float, float]] = []  # (seconds since start, MB), every few seconds: does memory grow?
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        t0 = last = time.perf_counter()
        while not self._stop.is_set():
            rss = tree_rss_mb(self.pid)
            self.peak = max(self.peak, rss)
            now = time.perf_counter()
            if now - last >= 5:
                self.trace.append((round(now - t0, 1), round(rss, 1)))
                last = now
            self._stop.wait(self.every)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


# ---------------------------------------------------------------- stages
def cpu_seconds(fn) -> tuple[float, float]:
    c, w = time.process_time(), time.perf_counter()
    fn()
    return time.process_time() - c, time.perf_counter() - w


def engine_run(paths: list[str], db: str, **kw) -> dict:
    """api.ingest with timestamps of each stored batch: wall and steady-state docs/s."""
    from newsgraph import api

    marks: list[tuple[float, int]] = []
    t0 = time.perf_counter()
    report = api.ingest(paths, db=db, on_progress=lambda r: marks.append((time.perf_counter(), r.stored)), **kw)
    wall = time.perf_counter() - t0
    out = {"docs": report.stored, "wall_s": wall, "docs_per_s": report.stored / wall}
    if len(marks) >= 3:
        (t_first, n_first), (t_last, n_last) = marks[0], marks[-1]
        out["steady_docs_per_s"] = (n_last - n_first) / (t_last - t_first)
    else:
        out["steady_docs_per_s"] = out["docs_per_s"]
    return out


def cli_run(path: str, db: str, workers: int, batch_size: int) -> dict:
    cmd = [sys.executable, "-m", "newsgraph.cli", "ingest", path, "--db", db, "--workers", str(workers), "--batch-size", str(batch_size), "-q"]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakRSS(proc.pid) as peak:
        out, err = proc.communicate()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {err}")
    return {"wall_s": wall, "peak_rss_mb": peak.peak, "summary": out.strip(), "trace": peak.trace}


def make_event_store(db: str, n_events: int = 1_000_000, events_per_doc: int = 10, seed: float = 0.42) -> dict:
    """A store of n_events generated with SQL (not through extract): realistic shape, real actor ids and types."""
    import duckdb

    from newsgraph.actors import default_registry
    from newsgraph.store import Store, rebuild_cluster_keys, set_event_days

    import random

    reg = default_registry()
    actors = [(a.id, a.name, a.country, a.kind) for a in reg.actors.values()]
    random.Random(seed).shuffle(actors)  # which actors are frequent: any, not the alphabetically first
    with Store(db):
        pass  # creates the schema and indexes exactly as newsgraph does
    con = duckdb.connect(db)
    con.execute("SELECT setseed(?)", [seed])
    cols = [list(range(len(actors)))] + [list(c) for c in zip(*actors)]
    con.execute("CREATE TEMP TABLE actor_pool AS SELECT unnest($1) AS k, unnest($2) AS actor_id, unnest($3) AS name, "
                "unnest($4) AS country, unnest($5) AS kind", cols)
    n_actors = con.execute("SELECT count(*) FROM actor_pool").fetchone()[0]
    types = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST",
             "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "DEMAND", "DISAPPROVE", "FIGHT", "INVESTIGATE", "CONCEDE", "RETREAT"]
    n_docs = n_events // events_per_doc
    t0 = time.perf_counter()
    con.execute("BEGIN")
    con.execute(f"""INSERT INTO documents SELECT 'doc' || i, 'https://news.invalid/' || i, 'Outlet ' || (i % 40), 'metadata', 'Title ' || i,
        DATE '2015-01-01' + CAST(floor(random() * 3650) AS INTEGER), 'metadata', NULL, NULL, NULL, 'en', 'bench.jsonl', i, 'text',
        20, {events_per_doc}, now()::TIMESTAMP FROM range({n_docs}) t(i)""")
    # Actors drawn with a skew (a few actors are in most news): k = floor(n * u^3).
    con.execute(f"""CREATE TEMP TABLE ev AS SELECT i, 'ev' || i AS event_id, 'doc' || (i // {events_per_doc}) AS doc_id,
        CAST(floor({n_actors} * pow(random(), 3)) AS INTEGER) AS s, CAST(floor({n_actors} * pow(random(), 3)) AS INTEGER) AS t,
        (?)[1 + CAST(floor(random() * {len(types)}) AS INTEGER)] AS type, random() AS r FROM range({n_events}) t(i)""", [types])
    con.execute("""INSERT INTO events SELECT ev.event_id, ev.doc_id, ev.type, NULL, NULL, '000',
        CASE WHEN r < 0.8 THEN d.published - CAST(floor(r * 30) AS INTEGER) END, CASE WHEN r < 0.8 THEN 'day' ELSE 'published' END, NULL,
        'asserted', NULL, 'Evidence sentence ' || i, 0, 20, 'trigger', 0, 7, 0.7, NULL, 0,
        json_array(json_object('name', sa.name, 'actor_id', sa.actor_id, 'country', sa.country))::VARCHAR,
        json_array(json_object('name', ta.name, 'actor_id', ta.actor_id, 'country', ta.country))::VARCHAR, '[]', NULL, NULL
        FROM ev JOIN documents d USING (doc_id) JOIN actor_pool sa ON sa.k = ev.s JOIN actor_pool ta ON ta.k = ev.t""")
    con.execute("""INSERT INTO event_actors
        SELECT event_id, doc_id, 'source', 0, sa.actor_id, sa.name, sa.country, NULL, sa.kind, sa.name, false, NULL FROM ev JOIN actor_pool sa ON sa.k = ev.s
        UNION ALL
        SELECT event_id, doc_id, 'target', 0, ta.actor_id, ta.name, ta.country, NULL, ta.kind, ta.name, false, NULL FROM ev JOIN actor_pool ta ON ta.k = ev.t""")
    set_event_days(con)  # each actor row's event day, as Store.write stores it
    # The corpus stage's tables, as if no two reports were of one event: a cluster per event (merging a
    # million mentions is its own benchmark, bench/merge_scale.py). Type facts come from the ontology.
    from newsgraph.events.lexicon import load_ontology

    onto = load_ontology()
    facts = []
    for t in types:
        info = onto.types.get(t) or {}
        cameo = info.get("default_cameo")
        facts.append((t, cameo, info.get("relation"), info.get("quad_class"), onto.goldstein(cameo)))
    con.execute("CREATE TEMP TABLE type_facts AS SELECT unnest($1) AS type, unnest($2) AS cameo, unnest($3) AS relation, "
                "unnest($4)::INTEGER AS quad_class, unnest($5)::DOUBLE AS goldstein", [list(c) for c in zip(*facts)])
    con.execute("""INSERT INTO clusters SELECT 'c' || ev.i, 'k' || ev.i, e.type, NULL, NULL, f.cameo, f.relation, f.quad_class, f.goldstein,
        e.date, CASE WHEN e.date IS NOT NULL THEN 'day' END, coalesce(e.date, d.published), coalesce(e.date, d.published),
        e.source_json, e.target_json, e.factuality, e.event_id, e.evidence, 1, 1, 1, json_array(d.outlet)::VARCHAR, d.published, d.published, '{}'
        FROM ev JOIN events e ON e.event_id = ev.event_id JOIN documents d ON d.doc_id = e.doc_id JOIN type_facts f ON f.type = e.type
        ORDER BY coalesce(e.date, d.published), 'c' || ev.i""")  # in day order, as the merge stage stores them (merge._DAY_ORDER)
    con.execute("""INSERT INTO cluster_members SELECT e.event_id, 'c' || ev.i, 'k' || ev.i, e.doc_id, e.type,
        coalesce(e.date, d.published), coalesce(e.date, d.published), 1.0, true,
        list_distinct([coalesce(sa.country, sa.actor_id), coalesce(ta.country, ta.actor_id)])
        FROM ev JOIN events e ON e.event_id = ev.event_id JOIN documents d ON d.doc_id = e.doc_id
        JOIN actor_pool sa ON sa.k = ev.s JOIN actor_pool ta ON ta.k = ev.t
        ORDER BY coalesce(e.date, d.published), 'c' || ev.i, e.event_id""")
    rebuild_cluster_keys(con)  # as the merge stage does after writing clusters
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "events", "event_actors", "clusters")}
    con.close()
    return {"build_s": time.perf_counter() - t0, **counts}


def has_clusters(db: str) -> bool:
    """Whether a kept store was generated with clusters and the current schema (else it is generated again)."""
    import duckdb

    from newsgraph.store import SCHEMA_VERSION

    con = duckdb.connect(db, read_only=True)
    try:
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if not (con.execute("SELECT count(*) FROM clusters").fetchone()[0] > 0 and bool(version) and version[0] == SCHEMA_VERSION):
            return False
        # and stored in day order, as the merge stage now stores them (a store generated before is generated again)
        return not con.execute("SELECT count(*) FROM (SELECT d < lag(d) OVER (ORDER BY rowid) AS back FROM "
                               "(SELECT rowid, coalesce(date, first_seen) AS d FROM clusters)) WHERE back").fetchone()[0]
    finally:
        con.close()


def query_latencies(db: str, repeat: int = 25) -> dict:
    """`newsgraph timeline`, `dyad` and `events --actor` as the real API functions (a store opened per call,
    as the CLI does), over the store's most frequent actors: wall p50/max and CPU time per call."""
    import duckdb

    from newsgraph import api

    con = duckdb.connect(db, read_only=True)
    top = [r[0] for r in con.execute(
        "SELECT actor_id FROM event_actors GROUP BY actor_id ORDER BY count(*) DESC LIMIT 40").fetchall()]
    con.close()

    def timed(fn) -> tuple[list[float], float]:
        fn(0)  # first call: imports, the registry, the ontology
        out, cpu = [], time.process_time()
        for i in range(repeat):
            t = time.perf_counter()
            fn(i)
            out.append((time.perf_counter() - t) * 1000)
        return out, (time.process_time() - cpu) * 1000 / repeat

    figs = {}
    for name, fn in (
        ("timeline", lambda i: api.timeline(db=db, actor=top[i % len(top)], limit=100)),
        ("dyad", lambda i: api.dyad(db=db, a=top[i % 10], b=top[(i + 1) % 10])),
        ("events_list", lambda i: api.events(db=db, actor=top[i % len(top)], limit=100)),
    ):
        ms, cpu = timed(fn)
        figs.update({f"{name}_ms_p50": statistics.median(ms), f"{name}_ms_max": max(ms), f"{name}_cpu_ms": cpu})
    return figs


# ---------------------------------------------------------------- main
def main() -> None:
    from newsgraph.engines import default_workers

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=400, help="generated articles to code (default 400)")
    ap.add_argument("--workers", type=int, default=default_workers())
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--events", type=int, default=1_000_000, help="events in the generated store for query latencies")
    ap.add_argument("--stages", default=",".join(ALL_STAGES), help=f"comma-separated subset of {','.join(ALL_STAGES)}")
    ap.add_argument("--keep", default=None, help="directory to keep the corpus and stores in (default: a temporary one)")
    args = ap.parse_args()
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = set(stages) - set(ALL_STAGES)
    if unknown:
        ap.error(f"unknown stages: {', '.join(sorted(unknown))}")
    n = args.workers
    work = args.keep or tempfile.mkdtemp(prefix="newsgraph-bench-")
    os.makedirs(work, exist_ok=True)
    corpus_path = os.path.join(work, f"corpus-{args.docs}.jsonl.gz")
    if not os.path.exists(corpus_path):
        bench_corpus.write(corpus_path, args.docs)
    from newsgraph.ingest import iter_inputs
    from newsgraph.model import Document

    docs = [d for d in iter_inputs([corpus_path]) if isinstance(d, Document)]
    words = sum(len(d.text.split()) for d in docs)
    load = os.getloadavg()
    print(f"{len(docs)} generated articles, {words:,} words ({words // max(1, len(docs))} per article); "
          f"{os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; workers N={n}")
    fig: dict = {"docs": len(docs), "words": words, "workers": n, "cores": os.cpu_count(), "load_avg_1m_at_start": round(load[0], 2)}

    spacy_rate = None

    def show(name: str, rate: float, note: str = "") -> None:
        ratio = f"  ({rate / spacy_rate:5.2f}x spaCy alone)" if spacy_rate else ""
        print(f"{name:<38} {rate:8.2f} docs/s{ratio}{note}")

    if "spacy" in stages or "extract" in stages:
        from newsgraph.extract import default_resources, extract_many

        res = default_resources()
        list(extract_many(docs[:4], res))  # warm up caches and lazy imports
        texts = [d.text for d in docs]
        if "spacy" in stages:
            cpu, wall = cpu_seconds(lambda: list(res.nlp.pipe(texts, batch_size=64)))
            spacy_rate = len(docs) / cpu
            fig.update(spacy_docs_per_s=round(spacy_rate, 2), spacy_cpu_s=round(cpu, 2), spacy_wall_s=round(wall, 2))
            show("spaCy nlp.pipe alone (1 process, CPU)", spacy_rate, f"  [{cpu:.1f} s CPU, {wall:.1f} s wall]")
        if "extract" in stages:
            cpu, wall = cpu_seconds(lambda: list(extract_many(docs, res, batch_size=64)))
            rate = len(docs) / cpu
            fig.update(extract_docs_per_s=round(rate, 2), extract_cpu_s=round(cpu, 2), extract_wall_s=round(wall, 2))
            if spacy_rate:
                fig["ratio_extract_vs_spacy"] = round(rate / spacy_rate, 3)
            show("full extract (1 process, CPU)", rate, f"  [{cpu:.1f} s CPU, {wall:.1f} s wall]")

    for stage, workers in (("local1", 1), ("localN", n)):
        if stage not in stages:
            continue
        r = engine_run([corpus_path], os.path.join(work, f"{stage}.duckdb"), workers=workers, batch_size=args.batch_size)
        key = "local_1_worker" if workers == 1 else f"local_{workers}_workers"
        fig[f"{key}_docs_per_s"] = round(r["docs_per_s"], 2)
        fig[f"{key}_steady_docs_per_s"] = round(r["steady_docs_per_s"], 2)
        show(f"local engine, {workers} worker(s), steady", r["steady_docs_per_s"], f"  [wall incl. start-up: {r['docs_per_s']:.2f} docs/s, {r['wall_s']:.1f} s]")
        os.remove(os.path.join(work, f"{stage}.duckdb"))
    if "local_1_worker_steady_docs_per_s" in fig and f"local_{n}_workers_steady_docs_per_s" in fig and n > 1:
        sp = fig[f"local_{n}_workers_steady_docs_per_s"] / fig["local_1_worker_steady_docs_per_s"]
        fig[f"speedup_{n}_workers"] = round(sp, 3)
        fig[f"speedup_{n}_workers_wall"] = round(fig[f"local_{n}_workers_docs_per_s"] / fig["local_1_worker_docs_per_s"], 3)
        print(f"{'speed-up, ' + str(n) + ' workers vs 1 (steady)':<38} {sp:8.2f}x  [wall incl. start-up: {fig[f'speedup_{n}_workers_wall']:.2f}x]")

    if "rss" in stages:
        db = os.path.join(work, "rss.duckdb")
        r = cli_run(corpus_path, db, n, args.batch_size)
        fig["peak_rss_mb"] = round(r["peak_rss_mb"], 1)
        fig["cli_wall_s"] = round(r["wall_s"], 2)
        trace = r["trace"]
        if len(trace) >= 4:  # RSS at a quarter, half, three quarters and the end of the run
            marks = [trace[min(len(trace) - 1, int(len(trace) * q))] for q in (0.25, 0.5, 0.75, 1.0)]
            fig["rss_mb_over_run"] = [m[1] for m in marks]
            print(f"{'  RSS at 1/4, 1/2, 3/4, end of the run':<38} " + ", ".join(f"{m[1]:.0f} MB ({m[0]:.0f} s)" for m in marks))
        print(f"{'newsgraph ingest --workers ' + str(n) + ' (CLI)':<38} {len(docs) / r['wall_s']:8.2f} docs/s  wall {r['wall_s']:.1f} s, "
              f"peak RSS of the process tree {r['peak_rss_mb']:.0f} MB  [{r['summary']}]")
        os.remove(db)

    if "ray" in stages:
        try:
            import ray  # noqa: F401
        except ImportError:
            print("ray engine                             skipped: Ray is not installed (pip install 'newsgraph[ray]')")
        else:
            db = os.path.join(work, "ray.duckdb")
            with PeakRSS(os.getpid()) as peak:
                r = engine_run([corpus_path], db, engine="ray", workers=n, batch_size=args.batch_size)
            fig["ray_docs_per_s"] = round(r["docs_per_s"], 2)
            fig["ray_steady_docs_per_s"] = round(r["steady_docs_per_s"], 2)
            fig["ray_peak_rss_mb"] = round(peak.peak, 1)
            show(f"ray engine, {n} workers, steady", r["steady_docs_per_s"],
                 f"  [wall incl. Ray start-up: {r['docs_per_s']:.2f} docs/s, {r['wall_s']:.1f} s; peak RSS {peak.peak:.0f} MB incl. this process]")
            os.remove(db)

    if "queries" in stages:
        db = os.path.join(work, f"events-{args.events}.duckdb")
        if os.path.exists(db) and not has_clusters(db):  # kept from before the generator wrote clusters, or an older schema
            os.remove(db)
        if not os.path.exists(db):
            built = make_event_store(db, args.events)
            print(f"generated store: {built['events']:,} events, {built['event_actors']:,} event actors, {built['documents']:,} documents in {built['build_s']:.1f} s")
        q = query_latencies(db)
        print(f"over {args.events:,} events:")
        fig.update({k: round(v, 2) for k, v in q.items()})
        for key, label in (("timeline", "api.timeline(X, limit=100)"), ("dyad", "api.dyad(X, Y)"), ("events_list", "api.events(actor=X, limit=100)")):
            print(f"{label:<38} p50 {q[key + '_ms_p50']:7.1f} ms  "
                  f"max {q[key + '_ms_max']:7.1f} ms  CPU {q[key + '_cpu_ms']:6.1f} ms/call")
    print(json.dumps(fig))


if __name__ == "__main__":
    main()
