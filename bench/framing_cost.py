"""CPU time of the framing step (descriptors + targeted tone) against the whole extract, on the same documents.

    python bench/framing_cost.py [PATH ...] [--repeat N]

Parses once, then times find_mentions + ArgResolver (needed by framing) and
frame_document separately, best of three, CPU seconds (time.process_time).
Defaults to the demo corpus and the shared seed articles. Last line: JSON.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.actors import ArgResolver, find_mentions  # noqa: E402
from newsgraph.extract import default_resources, extract_many  # noqa: E402
from newsgraph.framing.analyze import frame_document  # noqa: E402
from newsgraph.ingest import iter_inputs  # noqa: E402
from newsgraph.model import Document  # noqa: E402
from newsgraph.nlp import parse_many  # noqa: E402


def best_cpu(n: int, fn) -> float:
    out = []
    for _ in range(n):
        c = time.process_time()
        fn()
        out.append(time.process_time() - c)
    return min(out)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "examples" / "corpus"), str(ROOT.parent / "shared" / "corpus" / "seeds")])
    ap.add_argument("--repeat", type=int, default=4)
    args = ap.parse_args()
    docs = [d for d in iter_inputs(args.paths) if isinstance(d, Document)] * args.repeat
    res = default_resources()
    list(extract_many(docs[:2], res))
    parsed = list(parse_many(res.nlp, [d.text for d in docs]))
    prepared = []
    for p, d in zip(parsed, docs):
        spans = find_mentions(p, res.registry, d.published)
        prepared.append((p, spans, ArgResolver(p, spans, d.published, res.registry), [s.start for s in p.sents]))

    def framing():
        for p, spans, resolver, starts in prepared:
            frame_document(p, spans, resolver, lambda i, starts=starts: bisect.bisect_right(starts, i) - 1)

    frame_s = best_cpu(3, framing)
    extract_s = best_cpu(3, lambda: list(extract_many(docs, res)))
    print(f"{len(docs)} documents: framing {frame_s:.2f} CPU s of a full extract of {extract_s:.2f} CPU s ({100 * frame_s / extract_s:.1f}%)")
    print(json.dumps({"docs": len(docs), "framing_cpu_s": round(frame_s, 3), "extract_cpu_s": round(extract_s, 3),
                      "framing_share": round(frame_s / extract_s, 4)}))


if __name__ == "__main__":
    main()
