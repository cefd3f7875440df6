"""How merging scales: synthetic event mentions written straight into a store, merged fresh and incrementally.

    python bench/merge_scale.py 20000

Mentions are drawn over 3 years, 30 countries and 8 event types, with 3
reports per underlying event on average; the figures are seconds for a fresh
merge of all of them and for merging the last 1 % into the merged store.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from newsgraph.merge import merge_store
from newsgraph.store import Store, insert_rows

TYPES = ["AGREE", "CONSULT", "SANCTION", "ACCUSE", "AID", "THREATEN", "COOPERATE", "PROTEST"]
COUNTRIES = ["VEN", "USA", "CHN", "RUS", "IRN", "CUB", "BRA", "COL", "IND", "TUR", "EGY", "PAK", "KEN", "JPN", "PHL",
             "KAZ", "ARG", "QAT", "BHR", "IRQ", "SAU", "ARE", "MEX", "CAN", "DEU", "FRA", "GBR", "ZAF", "NGA", "IDN"]
WORDS = "oil gas pipeline treaty loan credit refinery tariffs talks visit summit deal sanctions embargo protest wheat".split()


def synthetic(n: int, seed: int = 7):
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    docs, events = [], []
    n_events = max(1, n // 3)
    for i in range(n):
        k = rng.randrange(n_events)
        r = random.Random(k)
        t, a, b = r.choice(TYPES), r.choice(COUNTRIES), r.choice(COUNTRIES)
        day = start + dt.timedelta(days=r.randrange(3 * 365))
        words = " ".join(r.sample(WORDS, 4))
        pub = day + dt.timedelta(days=rng.randrange(3))
        doc_id = f"d{i:08d}"
        docs.append((doc_id, None, f"outlet{rng.randrange(40)}", None, f"{a} {t.lower()} {b}", pub, "given", None, None, None, "en",
                     None, None, "", 1, 1, dt.datetime(2026, 1, 1)))
        actor = lambda c: json.dumps([{"name": c, "actor_id": c, "country": c, "sector": None, "kind": "state"}])  # noqa: E731
        events.append((f"e{i:08d}", doc_id, t, None, None, None, pub, "published", None, "asserted", None,
                       f"{a} and {b} {words}.", 0, 10, t.lower(), 0, 5, 0.6, None, 0, actor(a), actor(b), "[]", None, None))
    return docs, events


def main(n: int) -> None:
    docs, events = synthetic(n)
    cut = n - max(1, n // 100)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(str(Path(tmp) / "scale.duckdb")) as store:
            con = store.con
            insert_rows(con, "documents", docs[:cut])
            insert_rows(con, "events", events[:cut])
            t0 = time.perf_counter()
            rep = merge_store(store)
            fresh = time.perf_counter() - t0
            insert_rows(con, "documents", docs[cut:])
            insert_rows(con, "events", events[cut:])
            t0 = time.perf_counter()
            rep2 = merge_store(store)
            incr = time.perf_counter() - t0
    print(f"{cut} mentions merged fresh in {fresh:.2f} s ({rep.clusters} clusters); "
          f"{n - cut} more merged incrementally in {incr:.2f} s ({rep2.components_rebuilt} components rebuilt, {rep2.clusters} clusters)")
    print(json.dumps({"mentions": n, "fresh_seconds": round(fresh, 2), "incremental_seconds": round(incr, 2), "clusters": rep2.clusters}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
