"""How far two annotators of the same PLOVER records agree, and where the coder stands between them.

    python bench/plover_agreement.py GOLD SECOND [--coder]

GOLD and SECOND are PLOVER files (the format of ../shared/eval/plover-gsr-dev.json) coding the same sentences: SECOND
was written by an independent annotator who saw only the texts (ids and texts must match; records of SECOND missing
from GOLD or with another text are an error naming the file and the id). Each row scores one coding against another
with the figures of `newsgraph eval plover` (newsgraph.evaluate.plover.PloverScore, the same arithmetic):

- ``second vs gold``: how well the second annotator reproduces the gold. Type accuracy and the code F1s are
  symmetric, so this is the agreement of the two annotators; macro F1 is over the reference's types.
- with ``--coder``: ``coder vs gold`` (what `newsgraph eval plover GOLD` prints, on the records SECOND covers) and
  ``coder vs second``.

Cohen's kappa of the two annotators' types is printed beside the type agreement. The point: a coder cannot be
expected to agree with one annotator better than a second careful annotator does; the gap between the coder's
figure and the annotators' agreement is the part of an error rate that is the coder's. Last line: a JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.errors import NewsgraphError  # noqa: E402
from newsgraph.evaluate.plover import PloverScore, gold_actors, load_records  # noqa: E402

ROWS = [("type_accuracy", "type acc"), ("macro_f1", "macro F1"), ("source_code_f1", "source F1"),
        ("target_code_f1", "target F1"), ("actor_code_f1", "either-role F1")]


def paired(gold_path: str, second_path: str) -> list[tuple[dict, dict]]:
    gold = {r["id"]: r for r in load_records(gold_path) if "id" in r}
    pairs = []
    for rec in load_records(second_path):
        rid = rec.get("id")
        if rid not in gold:
            raise NewsgraphError(f"{second_path}: record {rid!r} is not in {gold_path}")
        if " ".join(rec["text"].split()) != " ".join(gold[rid]["text"].split()):
            raise NewsgraphError(f"{second_path}: record {rid!r} has another text than in {gold_path}")
        pairs.append((gold[rid], rec))
    return pairs


def kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two label sequences of the same items."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    expected = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return round((observed - expected) / (1 - expected), 4) if expected < 1 else 1.0


def score_records(reference: list[dict], other: list[dict]) -> dict:
    score = PloverScore()
    for ref, rec in zip(reference, other):
        score.add(ref, rec["event"], gold_actors(rec.get("source")), gold_actors(rec.get("target")),
                  str(rec.get("cameo") or ""), covered=True)
    return score.figures()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold")
    ap.add_argument("second")
    ap.add_argument("--coder", action="store_true", help="also score the coder against each annotator")
    args = ap.parse_args()
    try:
        pairs = paired(args.gold, args.second)
    except NewsgraphError as e:
        sys.exit(f"error: {e}")
    gold = [g for g, _ in pairs]
    second = [s for _, s in pairs]
    rows = {"second vs gold": score_records(gold, second)}
    rows["second vs gold"]["type_kappa"] = kappa([g["event"] for g in gold], [s["event"] for s in second])
    if args.coder:
        from newsgraph.extract import default_resources, extract_many
        from newsgraph.model import Document

        res = default_resources()
        results = list(extract_many([Document(text=g["text"]) for g in gold], res))
        for name, reference in (("coder vs gold", gold), ("coder vs second", second)):
            score = PloverScore()
            for ref, result in zip(reference, results):
                score.add_coded(ref, result.events)
            rows[name] = score.figures()
    print(f"{len(pairs)} records coded by both ({args.gold} / {args.second})")
    print("| row | " + " | ".join(label for _, label in ROWS) + " | type kappa |")
    print("|---|" + "---|" * (len(ROWS) + 1))
    for name, fig in rows.items():
        print(f"| {name} | " + " | ".join(str(fig[k]) for k, _ in ROWS) + f" | {fig.get('type_kappa', '')} |")
    print(json.dumps({"n": len(pairs), **rows}))


if __name__ == "__main__":
    main()
