"""Run every atheris harness for a bounded number of runs, starting from small valid seeds, and print the counts.

    python fuzz/run.py [--runs 3000 | --seconds 240] [--max-len 8192] [--keep DIR] [TARGET ...]

Needs atheris (pip install 'newsgraph[fuzz]'). Per target it prints the runs done, the coverage reached, and
the crashing inputs libFuzzer saved (DIR/crashes/); a crash stops that target's run. Each crash found gets a
regression test with its minimal input (tests/test_fuzz_regressions.py). The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def run_target(name: str, runs: int, max_len: int, work: Path, seconds: int = 0) -> dict:
    import targets

    corpus = work / "corpus" / name
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(targets.SEEDS[name]):
        (corpus / f"seed-{i}").write_bytes(seed)
    crashes = work / "crashes"
    crashes.mkdir(exist_ok=True)
    env = dict(os.environ, NEWSGRAPH_FUZZ_TARGET=name, PYTHONPATH=str(HERE.parent))
    bound = f"-max_total_time={seconds}" if seconds else f"-runs={runs}"
    cmd = [sys.executable, str(HERE / "harness.py"), str(corpus), bound, f"-max_len={max_len}",
           "-rss_limit_mb=3072", "-timeout=60", f"-artifact_prefix={crashes}/{name}-", "-print_final_stats=1"]
    t0, c0 = time.time(), os.times()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    c1 = os.times()
    log = proc.stderr
    done = re.search(r"Done (\d+) runs", log)
    execs = re.search(r"stat::number_of_executed_units:\s*(\d+)", log)
    cov = re.findall(r"cov: (\d+)", log)
    found = sorted(str(p) for p in crashes.glob(f"{name}-crash-*"))
    slow = sorted(str(p) for p in crashes.glob(f"{name}-timeout-*")) + sorted(str(p) for p in crashes.glob(f"{name}-slow-unit-*"))
    return {
        "target": name,
        # a run stopped by a crash or a timeout prints no total: its last status line says how far it got
        "runs": int(done.group(1)) if done else int(execs.group(1)) if execs else max(map(int, re.findall(r"^#(\d+)", log, re.M)), default=None),
        "coverage": int(cov[-1]) if cov else None,
        "corpus_files": len(list(corpus.iterdir())),
        "crashes": found,
        "timeouts_or_slow": slow,
        "exit": proc.returncode,
        "wall_s": round(time.time() - t0, 1),
        "cpu_s": round((c1.children_user + c1.children_system) - (c0.children_user + c0.children_system), 1),
        "tail": log.strip().splitlines()[-15:] if proc.returncode else [],
    }


def main() -> None:
    import importlib.util

    import targets

    if importlib.util.find_spec("atheris") is None:
        print("skipped: atheris is not installed (pip install 'newsgraph[test]', or pip install atheris==3.0.0)")
        return

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="*", default=list(targets.TARGETS))
    ap.add_argument("--runs", type=int, default=3000)
    ap.add_argument("--seconds", type=int, default=0, help="run each target this long instead of a number of runs")
    ap.add_argument("--max-len", type=int, default=8192)
    ap.add_argument("--keep", default=None, help="folder for the corpora and crashes (default: a temporary one)")
    args = ap.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="ng-atheris-"))
    work.mkdir(parents=True, exist_ok=True)
    results = []
    for name in args.targets:
        r = run_target(name, args.runs, args.max_len, work, args.seconds)
        results.append(r)
        print(f"{name:9} runs={r['runs']} cov={r['coverage']} corpus={r['corpus_files']} crashes={len(r['crashes'])} slow={len(r['timeouts_or_slow'])} "
              f"exit={r['exit']} cpu={r['cpu_s']}s", flush=True)
        for line in r["tail"]:
            print("    " + line)
    print(json.dumps({"work": str(work), "load_average": os.getloadavg(), "results": results}))


if __name__ == "__main__":
    main()
