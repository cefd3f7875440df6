"""Actor registry benchmark: load time and resolution cost as the registry grows.

    PYTHONPATH=. python bench/actors_bench.py [--sizes 1000,10000,100000]

For each size N it writes a generated CSV of N actors (people with dated
roles, companies, organisations; names drawn from pools that share first
words with real text, so the alias index has crowded keys), then measures

Load times are the CPU time of the loading process (``time.process_time``;
other jobs on a shared machine inflate wall-clock times), wall time beside it.

- cold load: parse the CSV + the shipped registry and build the indexes
  (what the first run after a change to a registry file pays);
- warm load: the same call again, served from the compiled cache
  (every later run; measured in a fresh process so nothing is shared);
- resolution: find_mentions over the parsed examples/corpus documents,
  in microseconds per token (spaCy parsing is done once and excluded; the
  registries are timed in interleaved rounds and the best round counts),
  and the number of alias-index look-ups per token, a machine-independent
  measure of the work.

Nothing is downloaded; generated files go to a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Nicolas", "Vladimir", "Igor", "Juan", "Maria", "John", "Ana", "Xi", "Miguel", "Pedro", "Li", "Ahmed", "Olga", "Carlos", "Wang", "Sergei", "Elena", "Ali"]
SYLL = ["ma", "ro", "ve", "lin", "do", "sa", "ki", "to", "re", "vo", "na", "gu", "tel", "che", "az", "or", "bel", "qui"]
COUNTRIES = ["VEN", "RUS", "CHN", "USA", "CUB", "IRN", "SAU", "BRA", "IND", "NGA", "DEU", "FRA", "GBR", "TUR", "MEX"]


def word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 4))).capitalize()


def generate(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "kind", "country", "sector", "aliases", "role_title", "role_office", "role_country", "role_sector", "role_start", "role_end"])
        for i in range(n):
            country = rng.choice(COUNTRIES)
            r = rng.random()
            if r < 0.6:
                name = f"{rng.choice(FIRST)} {word(rng)} {word(rng)}"
                start = rng.randint(1990, 2024)
                w.writerow([f"gen-p{i}", name, "person", country, "GOV", name, "Minister of Things", rng.choice(["other", "energy_minister"]), country, "GOV", str(start), str(start + rng.randint(1, 6))])
            elif r < 0.9:
                name = f"{word(rng)} {rng.choice(['Oil', 'Energy', 'Shipping', 'Trading', 'Petroleum'])} {rng.choice(['Company', 'Corporation', 'Group', 'Ltd'])}"
                w.writerow([f"gen-c{i}", name, "company", country, "BUS", f"{name}|{name.rsplit(' ', 1)[0]}", "", "", "", "", "", ""])
            else:
                name = f"{rng.choice(['National', 'Federal', 'United'])} {word(rng)} {rng.choice(['Council', 'Agency', 'Front', 'Union'])}"
                w.writerow([f"gen-o{i}", name, "organisation", country, "NGO", name, "", "", "", "", "", ""])


class CountingDict(dict):
    calls = 0

    def get(self, key, default=None):
        self.calls += 1
        return super().get(key, default)


def timed_load(files: list[str], cache: str) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of load_registry in a fresh process, so nothing is shared between runs."""
    code = (
        "import time,sys; from newsgraph.actors.registry import load_registry; "
        "t=time.perf_counter(); c=time.process_time(); r=load_registry(sys.argv[1:]); "
        "print(time.process_time()-c, time.perf_counter()-t, len(r))"
    )
    env = {**os.environ, "NEWSGRAPH_CACHE_DIR": cache, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code, *files], env=env, capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="0,1000,10000,100000")
    ap.add_argument("--repeat", type=int, default=10)
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from newsgraph.actors.registry import load_registry
    from newsgraph.actors.resolve import find_mentions
    from newsgraph.ingest import Defaults, iter_inputs
    from newsgraph.nlp import load_pipeline, parse_many

    docs = [d for d in iter_inputs([str(ROOT / "examples" / "corpus")], Defaults())]
    parsed = list(parse_many(load_pipeline(), (d.text for d in docs)))
    n_tokens = sum(len(p) for p in parsed)
    results = []
    registries = {}
    with tempfile.TemporaryDirectory() as tmp:
        sizes = [int(x) for x in args.sizes.split(",")]
        for n in sizes:
            files = []
            if n:
                f = Path(tmp) / f"actors_{n}.csv"
                generate(f, n)
                files = [str(f)]
            cache = str(Path(tmp) / f"cache_{n}")
            cold, cold_wall = timed_load(files, cache)
            warm, warm_wall = min(timed_load(files, cache) for _ in range(3))
            os.environ["NEWSGRAPH_CACHE_DIR"] = cache
            reg = load_registry(files)
            results.append(
                {
                    "generated_actors": n,
                    "registry_actors": len(reg),
                    "cold_load_cpu_s": round(cold, 3),
                    "cold_load_wall_s": round(cold_wall, 3),
                    "warm_load_cpu_s": round(warm, 3),
                    "warm_load_wall_s": round(warm_wall, 3),
                }
            )
            registries[n] = reg

        def run(reg) -> int:
            return sum(len(find_mentions(p, reg, d.published)) for p, d in zip(parsed, docs))

        # Work per token, independent of machine load: alias-index look-ups.
        for row, n in zip(results, sizes):
            reg = registries[n]
            counter = CountingDict(reg.folded)
            reg.folded = counter
            row["mentions"] = run(reg)
            row["lookups_per_token"] = round(counter.calls / n_tokens, 3)
            reg.folded = dict(counter)
        # Time per token: rounds interleave the registries so load on a shared machine hits them alike; best round counts.
        best = {n: float("inf") for n in sizes}
        for n in sizes:
            run(registries[n])  # warm-up
        gc.collect()
        for _ in range(args.repeat):
            for n in sizes:
                t = time.perf_counter()
                run(registries[n])
                best[n] = min(best[n], time.perf_counter() - t)
        for row, n in zip(results, sizes):
            row["resolve_us_per_token"] = round(best[n] / n_tokens * 1e6, 2)
            row["tokens"] = n_tokens
            print(json.dumps(row), flush=True)
    print(f"load average {os.getloadavg()[0]:.1f}; load times are CPU seconds of the loading process (wall in brackets)")
    print(f"{'actors':>8} {'cold load s':>16} {'warm load s':>16} {'resolve us/token':>17} {'lookups/token':>14} {'mentions':>9}")
    for r in results:
        cold = f"{r['cold_load_cpu_s']} ({r['cold_load_wall_s']})"
        warm = f"{r['warm_load_cpu_s']} ({r['warm_load_wall_s']})"
        print(f"{r['registry_actors']:>8} {cold:>16} {warm:>16} {r['resolve_us_per_token']:>17} {r['lookups_per_token']:>14} {r['mentions']:>9}")


if __name__ == "__main__":
    main()
