"""`newsgraph eval stance FILE`: score targeted stance (tone toward a named actor) on JSON Lines.

Each line: ``{"text": ..., "target": "<entity name>", "stance": "positive"|"neutral"|"negative"}``.
The text is run through extract(); the tones of the mentions that denote the
target (by registry id, through a phrase such as "the Maduro regime", or by
name) are averaged and labelled with VADER's thresholds. When no mention of
the target is found the whole text is scored, and the record is counted as
a fallback. For comparison the same texts are also scored whole (the
document-level tone a non-targeted tool would give), reported as ``sentence_*``.

Figures: accuracy and macro F1 over the three labels, per-label P/R/F1,
and the confusion matrix; the last line is a JSON object.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from ..errors import NewsgraphError
from .cli import eval_group
from .metrics import PerClass, ratio
from .records import jsonl_records

LABELS = ("positive", "neutral", "negative")


def load_items(path: str) -> list[dict[str, Any]]:
    items = []
    for n, obj in jsonl_records(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not isinstance(obj.get("target"), str):
            raise NewsgraphError(f"{path}:{n}: each line needs string fields 'text' and 'target'")
        if obj.get("stance") not in LABELS:
            raise NewsgraphError(f"{path}:{n}: 'stance' must be one of {', '.join(LABELS)}, got {obj.get('stance')!r}")
        items.append(obj)
    if not items:
        raise NewsgraphError(f"{path}: no records")
    return items


def evaluate(path: str, limit: int | None = None, show_errors: bool = False, out=None) -> dict[str, Any]:
    from ..extract import default_resources, extract_many
    from ..framing.stance import stance_from_result
    from ..framing.tone import score_text
    from ..model import Document

    out = out or sys.stdout  # looked up per call: CliRunner and callers swap sys.stdout
    items = load_items(path)
    if limit:
        items = items[:limit]
    res = default_resources()
    targeted, sentence = PerClass(), PerClass()
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    correct = sentence_correct = fallbacks = 0
    errors = []
    for item, result in zip(items, extract_many([Document(text=i["text"]) for i in items], res)):
        st = stance_from_result(result, item["target"], res.registry)
        gold = item["stance"]
        targeted.add_pair(st.label, gold)
        confusion[gold][st.label] += 1
        fallbacks += st.fallback
        correct += st.label == gold
        whole = score_text(item["text"]).label
        sentence.add_pair(whole, gold)
        sentence_correct += whole == gold
        if show_errors and st.label != gold:
            errors.append((gold, st.label, st.tone, item["target"], item["text"], st.words))
    n = len(items)
    print(f"Targeted stance evaluation on {path}: {n} records", file=out)
    print(f"{'label':<10} {'n':>4} {'P':>6} {'R':>6} {'F1':>6}", file=out)
    for label in LABELS:
        p = targeted.get(label)
        print(f"{label:<10} {p.tp + p.fn:>4} {p.precision:6.3f} {p.recall:6.3f} {p.f1:6.3f}", file=out)
    print("confusion (rows gold, columns predicted: positive neutral negative)", file=out)
    for g in LABELS:
        print(f"  {g:<10} " + " ".join(f"{confusion[g][p]:>4}" for p in LABELS), file=out)
    print(f"target not found, whole text scored: {fallbacks}", file=out)
    if show_errors:
        for g, p, tone, target, text, words in errors:
            print(f"  gold {g:<8} pred {p:<8} {tone:+.2f} [{target}] {text[:120]}  {words}", file=out)
    figures = {
        "accuracy": ratio(correct, n),
        "macro_f1": round(targeted.macro_f1(LABELS), 4),
        "n": n,
        **{f"{label}_f1": round(targeted.get(label).f1, 4) for label in LABELS},
        "target_not_found": fallbacks,
        "sentence_accuracy": ratio(sentence_correct, n),
        "sentence_macro_f1": round(sentence.macro_f1(LABELS), 4),
    }
    print(json.dumps(figures), file=out)
    return figures


@eval_group.command("stance")
@click.argument("file")
@click.option("--limit", type=int, default=None, help="Only the first N records.")
@click.option("--errors", "show_errors", is_flag=True, help="List the records whose stance was wrong.")
def stance_command(file, limit, show_errors):
    """Score targeted stance on a JSON Lines file of {"text", "target", "stance"} (e.g. bench/data/stance_eval.jsonl)."""
    evaluate(file, limit=limit, show_errors=show_errors)
