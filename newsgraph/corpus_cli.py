"""CLI commands over the corpus stage: merge, timeline, dyad, relations, export; and `events --clusters` output.

Each is a thin shell over the function of the same name in newsgraph.api;
newsgraph/cli.py registers them with one line.
"""

from __future__ import annotations

import click

from . import api
from .errors import NewsgraphError
from .output import FORMATS, console, echo_csv, echo_json
from .output import fail as _fail
from .store import DEFAULT_DB


def _names(actors: list[dict]) -> str:
    return "; ".join(a.get("name") or "?" for a in actors)


def _emit(rows: list[dict], fmt: str, columns: list[tuple[str, str]], flatten, what: str) -> None:
    """JSON/JSONL as the records are; CSV and table through ``flatten`` into ``columns`` (key, header)."""
    if echo_json(rows, fmt):
        return
    flat = [flatten(r) for r in rows]
    if fmt == "csv":
        echo_csv(flat, [k for k, _ in columns])
        return
    from rich.table import Table

    con = console()
    t = Table(header_style="bold", pad_edge=False, box=None)
    for k, h in columns:
        t.add_column(h, no_wrap=k != "evidence", overflow="ellipsis", max_width=80 if k == "evidence" else 32)
    for r in flat:
        t.add_row(*[str(r.get(k, "") if r.get(k) is not None else "") for k, _ in columns])
    con.print(t)
    con.print(f"{len(rows)} {what}")


# ------------------------------------------------------------------ clusters (events --clusters, timeline)

CLUSTER_COLUMNS = [("date", "date"), ("type", "type"), ("source", "source"), ("target", "target"), ("num_sources", "src"),
                   ("num_mentions", "ment"), ("outlets", "outlets"), ("disagreements", "disagree"), ("evidence", "evidence"),
                   ("cluster_id", "cluster_id")]


def _flat_cluster(c: dict) -> dict:
    return {
        **{k: c.get(k) for k, _ in CLUSTER_COLUMNS},
        "date": c.get("date") or (f"<={c['first_seen']}" if c.get("first_seen") else "?"),
        "source": _names(c["source"]), "target": _names(c["target"]),
        "outlets": "; ".join(c["outlets"]),
        "disagreements": ", ".join(sorted(c["disagreements"])) if c["disagreements"] else "",
        "evidence": " ".join((c.get("evidence") or "").split()),
    }


def print_clusters(rows: list[dict], fmt: str) -> None:
    _emit(rows, fmt, CLUSTER_COLUMNS, _flat_cluster, "events (clusters)")


@click.command()
@click.argument("actor")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--since", default=None, help="Only events on or after this date.")
@click.option("--until", default=None, help="Only events on or before this date.")
@click.option("--as-of", "as_of", default=None, help="Only what had been published by this date.")
@click.option("--limit", default=None, type=int)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def timeline(actor, db, since, until, as_of, limit, fmt):
    """The distinct events ACTOR (id, name or alias; a person, ministry or company counts for its state) took part in."""
    try:
        rows = api.timeline(db=db, actor=actor, since=since, until=until, as_of=as_of, limit=limit)
    except NewsgraphError as e:
        _fail(str(e))
        return
    print_clusters(rows, fmt)


# ------------------------------------------------------------------ dyad

DYAD_COLUMNS = [("period", "period"), ("events", "events"), ("cooperation", "coop"), ("conflict", "conflict"), ("mentions", "mentions"),
                ("score", "score"), ("mean_goldstein", "mean"), ("clusters", "clusters")]


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True)
@click.option("--as-of", "as_of", default=None, help="Only what had been published by this date.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def dyad(a, b, db, by, as_of, fmt):
    """Cooperation and conflict between A and B per period: distinct events and the Goldstein-weighted score."""
    try:
        rows = api.dyad(db=db, a=a, b=b, by=by, as_of=as_of)
    except NewsgraphError as e:
        _fail(str(e))
        return
    _emit(rows, fmt, DYAD_COLUMNS, lambda r: {**r, "clusters": " ".join(r["clusters"])}, "periods")


# ------------------------------------------------------------------ relations

REL_COLUMNS = [("a_name", "a"), ("b_name", "b"), ("relation", "relation"), ("events", "events"), ("mentions", "mentions"),
               ("goldstein", "goldstein"), ("score", "dyad score"), ("first", "first"), ("last", "last"), ("types", "types")]


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--at", default=None, help="Relations as they stood on this date (events in the --window days before it).")
@click.option("--since", default=None, help="Only events on or after this date.")
@click.option("--window", "window", default=365, show_default=True, help="Days before --at that count.")
@click.option("--as-of", "as_of", default=None, help="Only what had been published by this date.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def relations(db, at, since, window, as_of, fmt):
    """The relation graph: one row per dyad and relation kind (cooperation/conflict), counting distinct events."""
    try:
        rows = api.relations(db=db, at=at, since=since, as_of=as_of, window_days=window)
    except NewsgraphError as e:
        _fail(str(e))
        return
    _emit(rows, fmt, REL_COLUMNS, lambda r: {**r, "types": ", ".join(f"{t} {n}" for t, n in r["types"].items())}, "edges")


# ------------------------------------------------------------------ export, merge


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet", "graphml", "gexf", "ftm", "gdelt"]), required=True)
@click.option("--out", required=True, help="File to write.")
@click.option("--as-of", "as_of", default=None, help="Only what had been published by this date.")
def export(db, fmt, out, as_of):
    """Write events (csv, jsonl, parquet), the relation graph (graphml, gexf), FollowTheMoney entities (ftm) or a GDELT 2.0-style table (gdelt)."""
    try:
        n = api.export(db=db, format=fmt, out=out, as_of=as_of)
    except NewsgraphError as e:
        _fail(str(e))
        return
    click.echo(f"{n} {'edges' if fmt in ('graphml', 'gexf') else 'entities' if fmt == 'ftm' else 'rows'} written to {out}")


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--rebuild", is_flag=True, help="Recompute every cluster from scratch (ingest merges new events itself).")
def merge(db, rebuild):
    """Merge event mentions across documents into clusters (one per real-world event)."""
    try:
        report = api.merge(db=db, rebuild=rebuild)
    except NewsgraphError as e:
        _fail(str(e))
        return
    click.echo(report.summary())


COMMANDS = (timeline, dyad, relations, export, merge)
