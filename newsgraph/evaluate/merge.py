"""`newsgraph eval merge FILE`: score cross-document merging on articles annotated with the events they report.

The file is JSON Lines, one article per line: ``{"id", "text", "title"?,
"url"?, "outlet"?, "published"?, "events": [ids of the real-world events the
article reports as news]}``. The articles are coded and merged in a temporary
store, exactly as `newsgraph ingest` does. Two articles are *predicted
together* when their main events (the salience mark) fall in the same
cluster, and *gold together* when they share an event id.

- pairwise precision, recall and F1 over all article pairs;
- B-cubed precision, recall and F1 (per article: the share of the articles
  predicted with it that are gold with it, and the reverse; the article itself
  counts, so singletons score 1 when left alone);
- main-event coverage: the share of articles where any event was coded, and
  ``pairwise_recall_coded``, the recall over gold pairs whose two articles both
  got a main event (what merging does with what the coder found).
"""

from __future__ import annotations

import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path
from typing import Any

import click

from ..errors import InputError, NewsgraphError
from .cli import eval_group
from .metrics import PRF, ratio
from .records import jsonl_records


def load_articles(path: str) -> list[dict[str, Any]]:
    out = []
    for n, rec in jsonl_records(path):
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not isinstance(rec.get("events"), list):
            raise NewsgraphError(f"{path}:{n}: each line needs \"text\" (string) and \"events\" (list of event ids)")
        rec.setdefault("id", f"line{n}")
        rec["_line"] = n
        out.append(rec)
    if not out:
        raise NewsgraphError(f"{path}: no articles")
    return out


def predicted_clusters(articles: list[dict[str, Any]], db: str) -> dict[str, str | None]:
    """article id -> cluster id of its main event (None when no event was coded), via a real store."""
    from ..extract import default_resources, extract_many
    from ..ingest import Defaults
    from ..ingest.readers import make_document
    from ..merge import merge_store
    from ..store import Store

    docs = []
    for a in articles:
        meta = {k: a.get(k) for k in ("title", "url", "outlet", "published")}
        try:
            docs.append(make_document(a["text"], meta, "<eval>", Defaults(), a["_line"]))
        except InputError as e:
            raise NewsgraphError(f"line {a['_line']}: {e}") from None
    with Store(db) as store:
        store.write(extract_many(docs, default_resources()))
        merge_store(store)
        rows = store.con.execute("SELECT doc_id, cluster_id FROM cluster_members WHERE is_main").fetchall()
    main = dict(rows)
    return {a["id"]: main.get(d.doc_id) for a, d in zip(articles, docs)}


def score(articles: list[dict[str, Any]], predicted: dict[str, str | None]) -> dict[str, Any]:
    ids = [a["id"] for a in articles]
    gold = {a["id"]: set(map(str, a["events"])) for a in articles}

    def pred_together(x: str, y: str) -> bool:
        return predicted[x] is not None and predicted[x] == predicted[y]

    def gold_together(x: str, y: str) -> bool:
        return bool(gold[x] & gold[y])

    pairs, coded = PRF(), PRF()  # coded: only pairs whose two articles got a main event (merging alone, not coder coverage)
    for x, y in combinations(ids, 2):
        p, g = pred_together(x, y), gold_together(x, y)
        pairs.add(tp=int(p and g), fp=int(p and not g), fn=int(g and not p))
        if predicted[x] is not None and predicted[y] is not None:
            coded.add(tp=int(p and g), fp=int(p and not g), fn=int(g and not p))
    bp = br = 0.0
    for x in ids:
        pred_with = [y for y in ids if y == x or pred_together(x, y)]
        gold_with = [y for y in ids if y == x or gold_together(x, y)]
        bp += sum(1 for y in pred_with if y == x or gold_together(x, y)) / len(pred_with)
        br += sum(1 for y in gold_with if y == x or pred_together(x, y)) / len(gold_with)
    n = len(ids)
    bp, br = bp / n, br / n
    return {
        "pairwise_precision": round(pairs.precision, 4),
        "pairwise_recall": round(pairs.recall, 4),
        "pairwise_f1": round(pairs.f1, 4),
        "bcubed_precision": round(bp, 4),
        "bcubed_recall": round(br, 4),
        "bcubed_f1": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0,
        "gold_pairs": pairs.tp + pairs.fn,
        "predicted_pairs": pairs.tp + pairs.fp,
        "pairwise_recall_coded": round(coded.recall, 4),
        "main_event_coverage": ratio(sum(1 for i in ids if predicted[i] is not None), n),
        "n": n,
    }


def evaluate(path: str, show_errors: bool = False, out=None) -> dict[str, Any]:
    out = out or sys.stdout  # looked up per call, so a caller's redirected stdout is used
    articles = load_articles(path)
    with tempfile.TemporaryDirectory() as tmp:
        predicted = predicted_clusters(articles, str(Path(tmp) / "merge-eval.duckdb"))
    figures = score(articles, predicted)
    print(f"merge evaluation on {path}: {figures['n']} articles, {len({e for a in articles for e in a['events']})} gold events", file=out)
    print(f"pairwise  P {figures['pairwise_precision']:.3f}  R {figures['pairwise_recall']:.3f}  F1 {figures['pairwise_f1']:.3f}"
          f"  ({figures['gold_pairs']} gold pairs, {figures['predicted_pairs']} predicted)", file=out)
    print(f"main event found in {figures['main_event_coverage']:.0%} of articles; pairwise recall over those: {figures['pairwise_recall_coded']:.3f}", file=out)
    print(f"B-cubed   P {figures['bcubed_precision']:.3f}  R {figures['bcubed_recall']:.3f}  F1 {figures['bcubed_f1']:.3f}", file=out)
    if show_errors:
        by_cluster: dict[str | None, list[str]] = {}
        for a in articles:
            by_cluster.setdefault(predicted[a["id"]], []).append(f"{a['id']}({','.join(map(str, a['events']))})")
        for cid, members in sorted(by_cluster.items(), key=lambda kv: str(kv[0])):
            print(f"  {cid or 'no event':<17} {' '.join(members)}", file=out)
    print(json.dumps(figures), file=out)
    return figures


@eval_group.command("merge")
@click.argument("file")
@click.option("--errors", "show_errors", is_flag=True, help="List each predicted cluster with its articles and their gold events.")
def merge_command(file, show_errors):
    """Score cross-document merging on a JSON Lines file of articles with gold event ids (e.g. bench/data/merge_eval.jsonl)."""
    evaluate(file, show_errors=show_errors)
