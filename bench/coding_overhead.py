"""How much newsgraph's own stages add to spaCy parsing, on the same documents.

    python bench/coding_overhead.py [PATH ...] [--repeat N]

Parses the documents with spaCy alone (nlp.pipe over the whole texts, the
way a plain spaCy user would), then runs the full extract (paragraph-wise
parse + actors + quantities + event coder) on the same texts, best of three
runs each, and prints both times and the ratio. Times are this process's CPU
time (time.process_time), which other programs on the machine do not
inflate; wall-clock times are printed beside them. Defaults to the demo corpus
and the shared seed articles. Last line: a JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.extract import default_resources, extract_many  # noqa: E402
from newsgraph.ingest import iter_inputs  # noqa: E402
from newsgraph.model import Document  # noqa: E402


def best_of(n: int, fn) -> tuple[float, float]:
    """(best CPU seconds, best wall seconds) over n runs."""
    cpu, wall = [], []
    for _ in range(n):
        c, w = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return min(cpu), min(wall)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "examples" / "corpus"), str(ROOT.parent / "shared" / "corpus" / "seeds")])
    ap.add_argument("--repeat", type=int, default=8, help="copies of the corpus to process (more = steadier timing)")
    args = ap.parse_args()
    docs = [d for d in iter_inputs(args.paths) if isinstance(d, Document)] * args.repeat
    words = sum(len(d.text.split()) for d in docs)
    res = default_resources()
    list(extract_many(docs[:2], res))  # warm up: caches, lazy imports
    texts = [d.text for d in docs]
    spacy_s, spacy_wall = best_of(3, lambda: list(res.nlp.pipe(texts, batch_size=64)))
    extract_s, extract_wall = best_of(3, lambda: list(extract_many(docs, res, batch_size=64)))
    ratio = extract_s / spacy_s
    print(f"{len(docs)} documents, {words:,} words (CPU seconds; wall seconds in brackets)")
    print(f"spaCy nlp.pipe alone : {spacy_s:6.2f} s [{spacy_wall:6.2f}]  ({len(docs) / spacy_s:6.1f} docs/s)")
    print(f"full extract         : {extract_s:6.2f} s [{extract_wall:6.2f}]  ({len(docs) / extract_s:6.1f} docs/s)")
    print(f"extract / spaCy      : {ratio:6.3f}  (newsgraph's own stages add {100 * (ratio - 1):.1f}%)")
    print(json.dumps({"docs": len(docs), "words": words, "spacy_cpu_s": round(spacy_s, 3), "extract_cpu_s": round(extract_s, 3),
                      "spacy_wall_s": round(spacy_wall, 3), "extract_wall_s": round(extract_wall, 3),
                      "ratio_extract_vs_spacy": round(ratio, 3), "spacy_docs_per_s": round(len(docs) / spacy_s, 2),
                      "extract_docs_per_s": round(len(docs) / extract_s, 2)}))


if __name__ == "__main__":
    main()
