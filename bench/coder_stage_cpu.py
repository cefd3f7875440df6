"""CPU time of the actor-mention and event-coder stages alone, on documents parsed once.

    python bench/coder_stage_cpu.py [PATH ...] [--copies N]

bench/coding_overhead.py times the whole extract against spaCy; this isolates
what the argument resolver and the event coder (``EventCoder.code``, which also
resolves event dates) cost, so a change to the coder can be judged on its own.
Times are this process's CPU time (time.process_time), best of five runs.
Defaults to the demo corpus and the shared seed articles. Last line: JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.actors import ArgResolver, find_mentions
from newsgraph.extract import default_resources
from newsgraph.ingest import iter_inputs
from newsgraph.model import Document
from newsgraph.nlp import parse_many

sys.path.insert(0, str(ROOT / "bench"))
from framing_cost import best_cpu  # noqa: E402  (the same best-of-n CPU timer)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "examples" / "corpus"), str(ROOT.parent / "shared" / "corpus" / "seeds")])
    ap.add_argument("--copies", type=int, default=3, help="copies of the corpus (more = steadier timing)")
    args = ap.parse_args()
    docs = [d for d in iter_inputs(args.paths) if isinstance(d, Document)] * args.copies
    res = default_resources()
    c = time.process_time()
    parsed = list(parse_many(res.nlp, (d.text for d in docs), batch_size=64))
    spacy_s = time.process_time() - c

    def run(with_coder: bool) -> None:
        for d, p in zip(docs, parsed):
            spans = find_mentions(p, res.registry, d.published)
            r = ArgResolver(p, spans, d.published, res.registry)
            if with_coder:
                res.coder.code(p, r, d.doc_id, d.published, [])

    mentions_s = best_cpu(5, lambda: run(False))
    coder_s = best_cpu(5, lambda: run(True)) - mentions_s
    print(f"{len(docs)} documents: spaCy parse {spacy_s:.2f} s; actor mentions {mentions_s:.3f} s; event coder {coder_s:.3f} s "
          f"({100 * coder_s / spacy_s:.1f}% of the parse)")
    print(json.dumps({"docs": len(docs), "spacy_cpu_s": round(spacy_s, 3), "mentions_cpu_s": round(mentions_s, 3),
                      "coder_cpu_s": round(coder_s, 3), "coder_share_of_parse": round(coder_s / spacy_s, 3)}))


if __name__ == "__main__":
    main()
