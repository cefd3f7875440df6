"""`newsgraph sources`, `newsgraph framing ACTOR` and `newsgraph coverage`: thin shells over the api functions of the same names."""

from __future__ import annotations

import json

import click

from .. import api
from ..errors import NewsgraphError
from ..output import FORMATS, echo_json, echo_table
from ..output import echo_csv as _csv
from ..output import fail as _fail
from ..store import DEFAULT_DB


@click.command("sources")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--top", default=5, show_default=True, help="Most covered actors listed per outlet.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def sources_command(db, top, fmt):
    """Outlets in the store: documents, date range, how the outlet was known, actors most covered (with mean tone)."""
    try:
        rows = api.sources(db=db, top_actors=top)
    except NewsgraphError as e:
        _fail(str(e))
        return
    for r in rows:
        r.pop("doc_ids", None)
    if not echo_json(rows, fmt):
        flat = [{**r, "known_from": "; ".join(f"{k} {v}" for k, v in r["known_from"].items()),
                 "top_actors": "; ".join(f"{a['name']} ({a['mentions']}, tone {a['mean_tone']:+.2f})" if a["mean_tone"] is not None else f"{a['name']} ({a['mentions']})"
                                         for a in r["top_actors"]),
                 "loaded_terms": "; ".join(f"{k} ×{v}" if v > 1 else k for k, v in r["loaded_terms"].items())} for r in rows]
        cols = ["outlet", "documents", "first_published", "last_published", "events", "known_from", "top_actors", "loaded_terms"]
        if fmt == "csv":
            _csv(flat, cols)
            return
        echo_table(flat, cols, f"{len(rows)} outlets")


@click.command("framing")
@click.argument("actor")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--government/--no-government", default=True, show_default=True,
              help="For a state, or a person who led one (while they led it), include that government ('the Maduro regime', 'Caracas').")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def framing_command(actor, db, government, fmt):
    """How each outlet names and judges ACTOR (id, name or alias): descriptors, loaded terms, tone with evidence, events."""
    try:
        data = api.framing(db=db, actor=actor, include_government=government)
    except NewsgraphError as e:
        _fail(str(e))
        return
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if fmt == "jsonl":
        for o in data["outlets"]:
            click.echo(json.dumps(o, ensure_ascii=False))
        return
    flat = []
    for o in data["outlets"]:
        tone = o["tone"]
        flat.append({
            "outlet": o["outlet"],
            "documents": o["documents"],
            "mentions": tone["mentions"],
            "mean_tone": f"{tone['mean']:+.3f}" if tone["mean"] is not None else "",
            "pos/neu/neg": f"{tone['positive']}/{tone['neutral']}/{tone['negative']}",
            "descriptors": "; ".join(f"{d['form']} ×{d['count']}" if d["count"] > 1 else d["form"] for d in o["descriptors"][:6]),
            "loaded_terms": "; ".join(f"{k} ×{v}" if v > 1 else k for k, v in o["loaded_terms"].items()),
            "events": len(o["events"]),
            "most_negative": (tone["most_negative"][0]["evidence"] if tone["most_negative"] else ""),
        })
    cols = ["outlet", "documents", "mentions", "mean_tone", "pos/neu/neg", "descriptors", "loaded_terms", "events", "most_negative"]
    if fmt == "csv":
        _csv(flat, cols)
        return
    a = data["actor"]
    echo_table(flat, cols, f"{len(flat)} outlets; --format json for every descriptor, tone evidence sentence and event",
               title=f"framing of {', '.join(a['names']) or a['query']}" + (f" (and the government of {', '.join(a['government_of'])})" if a["government_of"] else ""),
               max_width={"most_negative": 60})


@click.command("coverage")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--actor", default=None, help="Only events where this actor (or its country's government) is source or target.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def coverage_command(db, actor, fmt):
    """For each event type and dyad (or merged event), which outlets reported it and which did not."""
    try:
        rows = api.coverage(db=db, actor=actor)
    except NewsgraphError as e:
        _fail(str(e))
        return
    if echo_json(rows, fmt):
        return
    flat = [{**r, "reported_by": "; ".join(r["reported_by"]), "silent_while_covering_both": "; ".join(r["silent_while_covering_both"]),
             "not_reported_by": len(r["not_reported_by"])} for r in rows]
    cols = ["type", "source", "target", "reports", "reported_by", "not_reported_by", "silent_while_covering_both"]
    if fmt == "csv":
        _csv(flat, cols)
        return
    echo_table(flat, cols, f"{len(rows)} event groups", missing="-")


def register_framing_commands(group: click.Group) -> None:
    for cmd in (sources_command, framing_command, coverage_command):
        group.add_command(cmd)
