"""Merging an ingested store at archive scale: fresh, again (same clusters?), and incrementally.

    python bench/merge_store_scale.py STORE.duckdb [--hold-back 1000] [--work DIR]

STORE is a store written by ``newsgraph ingest`` (for instance the 20,000
generated articles of ``bench/scale.py --docs 20000 --stages rss --keep DIR``,
whose own run merges at the end). It is copied, never changed. On the copy:

1. ``merge --rebuild`` of every event, in a child process: CPU seconds, the
   child's peak RSS, the clusters, and a digest of every cluster's members;
2. the same again: the digest must be the same (the clusters are a function of
   the stored events, whatever order the store returns them in);
3. incremental: the events of ``--hold-back`` documents are taken out, the rest
   is merged fresh, the held-back documents are put back and merged
   incrementally; the digest must equal the fresh merge of all of them.

The last line is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import json, resource, sys, time
from newsgraph.merge import merge_store
from newsgraph.store import Store
db, rebuild = sys.argv[1], sys.argv[2] == "1"
with Store(db) as st:
    t = time.process_time()
    rep = merge_store(st, rebuild=rebuild)
    cpu = time.process_time() - t
print(json.dumps({"cpu_s": round(cpu, 1), "new_mentions": rep.new_mentions, "clusters": rep.clusters,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def merge_in_child(db: str, rebuild: bool) -> dict:
    """One merge in a fresh process, so that its peak RSS is the merge's own."""
    out = subprocess.run([sys.executable, "-c", CHILD, db, "1" if rebuild else "0"], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def digest(db: str) -> tuple[int, str, int]:
    """(clusters, a hash of every cluster's sorted member ids, the largest cluster's size)."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        rows = con.execute("SELECT cluster_id, list(event_id ORDER BY event_id) FROM cluster_members GROUP BY 1 ORDER BY 1").fetchall()
        largest = con.execute("SELECT coalesce(max(num_mentions), 0) FROM clusters").fetchone()[0]
    finally:
        con.close()
    return len(rows), hashlib.sha1(repr(rows).encode()).hexdigest()[:16], largest


def hold_back(db: str, n: int) -> None:
    """Move the documents and events of ``n`` documents (chosen by a hash of their id) into side tables."""
    import duckdb

    con = duckdb.connect(db)
    try:
        con.execute(f"CREATE TABLE hold_docs AS SELECT * FROM documents ORDER BY hash(doc_id) LIMIT {int(n)}")
        con.execute("CREATE TABLE hold_events AS SELECT * FROM events WHERE doc_id IN (SELECT doc_id FROM hold_docs)")
        con.execute("DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM hold_docs)")
        con.execute("DELETE FROM documents WHERE doc_id IN (SELECT doc_id FROM hold_docs)")
    finally:
        con.close()


def put_back(db: str) -> None:
    import duckdb

    con = duckdb.connect(db)
    try:
        con.execute("INSERT INTO documents SELECT * FROM hold_docs")
        con.execute("INSERT INTO events SELECT * FROM hold_events")
        con.execute("DROP TABLE hold_docs")
        con.execute("DROP TABLE hold_events")
    finally:
        con.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("store")
    ap.add_argument("--hold-back", type=int, default=1000, help="documents merged incrementally in step 3 (0: skip the step)")
    ap.add_argument("--work", default=None, help="directory for the copies (default: a temporary one)")
    args = ap.parse_args()
    if not os.path.isfile(args.store):
        ap.error(f"{args.store}: no such store (give the .duckdb file an ingest wrote)")
    work = args.work or tempfile.mkdtemp(prefix="newsgraph-merge-")
    os.makedirs(work, exist_ok=True)
    db = os.path.join(work, "copy.duckdb")
    for ext in ("", ".wal"):
        if os.path.exists(args.store + ext):
            shutil.copy(args.store + ext, db + ext)
    load = os.getloadavg()
    fig: dict = {"load_avg_1m_at_start": round(load[0], 2)}
    t = time.time()
    first = merge_in_child(db, rebuild=True)
    n, dig, largest = digest(db)
    fig.update(events=first["new_mentions"], fresh_cpu_s=first["cpu_s"], fresh_wall_s=round(time.time() - t, 1),
               fresh_peak_rss_mb=first["peak_rss_mb"], clusters=n, largest_cluster=largest, digest=dig)
    print(f"fresh merge of {first['new_mentions']:,} events: {first['cpu_s']} s CPU, peak RSS {first['peak_rss_mb']} MB; "
          f"{n:,} clusters (largest {largest}), digest {dig}", flush=True)
    again = merge_in_child(db, rebuild=True)
    fig["same_again"] = digest(db)[1] == dig
    print(f"again: {again['cpu_s']} s CPU; same clusters: {fig['same_again']}", flush=True)
    if args.hold_back:
        inc = os.path.join(work, "inc.duckdb")
        shutil.copy(db, inc)
        if os.path.exists(db + ".wal"):
            shutil.copy(db + ".wal", inc + ".wal")
        hold_back(inc, args.hold_back)
        base = merge_in_child(inc, rebuild=True)
        put_back(inc)
        step = merge_in_child(inc, rebuild=False)
        fig.update(held_back_docs=args.hold_back, base_cpu_s=base["cpu_s"], incremental_events=step["new_mentions"],
                   incremental_cpu_s=step["cpu_s"], incremental_peak_rss_mb=step["peak_rss_mb"],
                   incremental_equals_fresh=digest(inc)[1] == dig)
        print(f"incremental: {args.hold_back} documents ({step['new_mentions']:,} events) into the merged rest "
              f"({base['cpu_s']} s CPU): {step['cpu_s']} s CPU, peak RSS {step['peak_rss_mb']} MB; "
              f"equals the fresh merge: {fig['incremental_equals_fresh']}", flush=True)
    fig["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(fig))


if __name__ == "__main__":
    main()
