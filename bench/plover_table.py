"""`newsgraph eval plover` on every PLOVER gold file at once, as one table (models loaded once).

    python bench/plover_table.py [FILE ...] [--json]

Without files: the released dev file (../shared/eval/plover-gsr-dev.json) and every bench/data/plover_*.json.
Each row has the figures `newsgraph eval plover FILE` prints as its last line, so the table is the same as running
the command on each file; the held-out files written blind are scored like any other, and only these aggregate
figures are shown. With --json, the last line is a JSON object {file: figures}. A file that cannot be read as PLOVER
records is named on stderr with what is wrong, the others are still scored, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLUMNS = [("type_accuracy", "type acc"), ("macro_f1", "macro F1"), ("source_code_f1", "source F1"),
           ("target_code_f1", "target F1"), ("actor_code_f1", "either-role F1"), ("coverage", "coverage"),
           ("type_or_same_cameo_accuracy", "type acc, same CAMEO as right"), ("n", "n")]


def default_files() -> list[str]:
    dev = ROOT.parent / "shared" / "eval" / "plover-gsr-dev.json"
    return ([str(dev)] if dev.exists() else []) + sorted(str(p) for p in (ROOT / "bench" / "data").glob("plover_*.json"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--json", action="store_true", help="end with a JSON object of every file's figures")
    args = ap.parse_args()
    from newsgraph.errors import NewsgraphError
    from newsgraph.evaluate.plover import evaluate

    files = args.files or default_files()
    print("| file | " + " | ".join(label for _, label in COLUMNS) + " |")
    print("|---|" + "---|" * len(COLUMNS))
    table = {}
    failed = False
    for path in files:
        try:
            figures = evaluate(path, out=io.StringIO())
        except NewsgraphError as e:  # a missing, empty or malformed file: said, and the other files still scored
            print(f"error: {e}", file=sys.stderr)
            failed = True
            continue
        table[Path(path).name] = figures
        cells = [str(figures.get(key, "")) for key, _ in COLUMNS]
        print(f"| {Path(path).name} | " + " | ".join(cells) + " |", flush=True)
    if args.json:
        print(json.dumps(table))
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
