"""`newsgraph actors` and `newsgraph actor NAME`: the actors of a store and of the registry (thin shells over newsgraph.api)."""

from __future__ import annotations

import json

import click

from ..errors import NewsgraphError
from ..output import FORMATS, console, echo_csv, echo_json
from ..output import fail as _fail
from ..store import DEFAULT_DB

ACTORS_OPTION = click.option(
    "--actors", "actor_files", multiple=True, metavar="FILE",
    help="Extra actor file (YAML or CSV), on top of the registry and newsgraph.toml's [actors] files; repeatable.",
)


@click.command("actors")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--registry", "registry_only", is_flag=True, help="List the registry itself (with provenance) instead of the store's actors.")
@click.option("--kind", default=None, help="Only this kind: state, person, company, government, igo, organisation, group, media.")
@click.option("--country", default=None, help="Only actors of this country (ISO 3166 alpha-3, e.g. VEN).")
@click.option("--limit", type=int, default=None)
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
@ACTORS_OPTION
def actors_command(db, registry_only, kind, country, limit, fmt, actor_files):
    """Actors mentioned in the store, with mention and document counts (most mentioned first)."""
    from .. import api

    try:
        rows = api.actors(db=db, limit=limit, actor_files=actor_files, registry_only=registry_only, kind=kind, country=country)
    except NewsgraphError as e:
        _fail(str(e))
        return
    cols = ["actor_id", "name", "kind", "country", "sector"] + (["roles", "aliases", "source"] if registry_only else ["provisional", "mentions", "documents", "source"])
    _print_rows(rows, cols, fmt)


@click.command("actor")
@click.argument("name")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Store whose mentions to show (skipped when it does not exist).")
@click.option("--limit", type=int, default=None, help="At most this many mentions.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@ACTORS_OPTION
def actor_command(name, db, limit, fmt, actor_files):
    """One actor by id, name or alias: aliases, roles over time, and its mentions with their sentences."""
    from .. import api

    try:
        rec = api.actor(name, db=db, actor_files=actor_files, limit=limit)
    except NewsgraphError as e:
        _fail(str(e))
        return
    if fmt == "json":
        click.echo(json.dumps(rec, ensure_ascii=False, indent=2, default=str))
        return
    tag = "/".join(x for x in (rec.get("country"), rec.get("sector")) if x)
    click.echo(f"{rec['name']}  [{rec['actor_id']}]  {rec.get('kind') or ''} {tag}" + ("  (provisional)" if rec.get("provisional") else ""))
    click.echo(f"source: {rec.get('source')}")
    names = [*rec.get("aliases", []), *rec.get("short", [])]
    if names:
        click.echo("aliases: " + "; ".join(names))
    for k in ("adjectives", "demonyms", "metonyms"):
        if rec.get(k):
            click.echo(f"{k}: " + "; ".join(rec[k]))
    for other in rec.get("also", []):
        click.echo(f"also matches: {other['name']} [{other['actor_id']}]")
    if rec.get("roles"):
        click.echo("roles:")
        for r in rec["roles"]:
            span = f"{r['start'] or '?'} -> {r['end'] or 'now'}"
            click.echo(f"  {span:<25} {r['title']}  ({'/'.join(x for x in (r['country'], r['sector']) if x)}{', ' + r['office'] if r['office'] else ''})")
    ms = rec.get("mentions", [])
    click.echo(f"mentions: {len(ms)}")
    for m in ms:
        where = " ".join(x for x in (m.get("published") or "?", m.get("outlet") or "", f"[{m['how']}]") if x)
        click.echo(f"  {where}  {m['text']!r}: {m['sentence_text']}")


def _print_rows(rows, cols, fmt) -> None:
    if echo_json(rows, fmt):
        return
    if fmt == "csv":
        echo_csv(rows, cols)
    else:
        from rich.table import Table

        con = console()
        t = Table(box=None, header_style="bold", pad_edge=False)
        for c in cols:
            t.add_column(c, no_wrap=True, overflow="ellipsis", max_width=40 if c in ("name", "source") else None)
        for r in rows:
            t.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in cols))
        con.print(t)
        con.print(f"{len(rows)} actors")


def register(main: click.Group) -> None:
    main.add_command(actors_command)
    main.add_command(actor_command)
