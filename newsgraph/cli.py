"""The `newsgraph` command. Each command is a thin shell over the function of the same name in newsgraph.api."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from . import api
from .actors.cli import ACTORS_OPTION
from .actors.cli import register as register_actor_commands
from .engines import ENGINES, default_workers
from .errors import NewsgraphError
from .output import FORMATS, echo_csv, echo_json
from .output import console as _console
from .output import fail as _fail
from .store import DEFAULT_DB


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsgraph")
def main() -> None:
    """newsgraph: news articles -> a source-attributed, temporal event knowledge base."""


# ------------------------------------------------------------------ ingest
@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store to write.")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for inputs that lack one.")
@click.option("--outlet", default=None, help="Outlet name for inputs that lack one.")
@click.option("--batch-size", default=32, show_default=True, help="Documents per parse batch and transaction.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@ACTORS_OPTION
@click.option("--workers", "-w", type=click.IntRange(min=0), default=None,
              help="Worker processes coding documents [default: one per core]; 0 codes in this process.")
@click.option("--engine", type=click.Choice(ENGINES), default="local", show_default=True,
              help="local: this machine; ray: a Ray cluster (pip install 'newsgraph[ray]').")
@click.option("--ray-address", default=None, help="Ray cluster to join (e.g. ray://head:10001); default: start a local Ray instance.")
@click.option("--parquet", default=None, metavar="DIR",
              help="With --engine ray: leave the results as Parquet shards in DIR (a read-only store: --db DIR) instead of loading them into --db.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=None, metavar="SECONDS",
              help="Seconds one document may take to code before it is rejected [default: [limits] seconds_per_document in newsgraph.toml, else 60]; 0 = no limit.")
def ingest(paths, db, published, outlet, batch_size, quiet, actor_files, workers, engine, ray_address, parquet, time_limit):
    """Read articles from PATHS (files or folders: .txt/.md with front matter, .html, .jsonl[.gz], WARC, RSS/Atom) into the store."""
    if workers is None:
        workers = default_workers()
    show_progress = not quiet and sys.stderr.isatty()
    progress = task = None
    if show_progress:
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[info]}"), TimeElapsedColumn(), transient=True, console=_console(stderr=True))
        progress.start()
        task = progress.add_task("ingesting", total=None, info="")

    def on_error(err):
        if progress:
            progress.console.print(f"[red]error:[/red] {err}", markup=True, highlight=False)
        else:
            click.echo(f"error: {err}", err=True)

    def on_progress(rep):
        if progress:
            progress.update(task, info=f"{rep.read} read, {rep.stored} stored, {rep.events} events")

    try:
        report = api.ingest(paths, db=db, published=published, outlet=outlet, batch_size=batch_size, on_error=on_error, on_progress=on_progress,
                            actors=actor_files, workers=workers, engine=engine, ray_address=ray_address, parquet=parquet,
                            time_limit=time_limit)
    except NewsgraphError as e:
        if progress:
            progress.stop()
        _fail(str(e))
        return
    finally:
        if progress:
            progress.stop()
    click.echo(report.summary())
    if not report.ok:
        sys.exit(1)


@main.command("load-parquet")
@click.argument("directory")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB store to load into.")
def load_parquet(directory, db):
    """Load the Parquet shards in DIRECTORY (from `ingest --engine ray --parquet DIR`) into the DuckDB store."""
    try:
        n = api.load_parquet(directory, db=db)
    except NewsgraphError as e:
        _fail(str(e))
        return
    click.echo(f"{n} documents loaded into {db}")


# ------------------------------------------------------------------ events
@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--actor", default=None, help="Actor id, name or alias (VEN, Venezuela, PDVSA, Maduro); events where it is source or target.")
@click.option("--type", "type_", default=None, help="PLOVER type(s), comma-separated (SANCTION,THREATEN), or a CAMEO code.")
@click.option("--since", default=None, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only events on or before this date.")
@click.option("--limit", default=None, type=int)
@click.option("--clusters", is_flag=True, help="One row per real-world event (cluster of reports), with its sources and mentions.")
@click.option("--as-of", "as_of", default=None, help="Only what had been published by this date.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def events(db, actor, type_, since, until, limit, clusters, as_of, fmt):
    """Print stored events."""
    try:
        if clusters:
            from .corpus_cli import print_clusters

            return print_clusters(api.clusters(db=db, actor=actor, type=type_, since=since, until=until, limit=limit, as_of=as_of), fmt)
        rows = api.events(db=db, actor=actor, type=type_, since=since, until=until, limit=limit, as_of=as_of)
    except NewsgraphError as e:
        _fail(str(e))
        return
    print_events(rows, fmt)


# ------------------------------------------------------------------ check
@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
def check(db):
    """Check the store's integrity: every event's and cluster member's row exists, counts match, no duplicates (exit 1 if not; fix with `repair`)."""
    try:
        problems = api.check(db)
    except NewsgraphError as e:
        _fail(str(e))
        return
    for p in problems:
        click.echo(f"problem: {p}")
    if problems:
        click.echo(f"{db}: {len(problems)} problems")
        sys.exit(1)
    click.echo(f"{db}: ok")

@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
def repair(db):
    """Make the store consistent again: remove rows whose document or event is gone, recount, rebuild the clusters
    from the stored events. Documents and their events are kept as they are; `newsgraph check` runs after."""
    try:
        fixed = api.repair(db)
        problems = api.check(db)
    except NewsgraphError as e:
        _fail(str(e))
        return
    for what, n in fixed.items():
        click.echo(f"{what}: {n}")
    for p in problems:
        click.echo(f"problem left: {p}")
    if problems:
        click.echo(f"{db}: {len(problems)} problems remain after repair")
        sys.exit(1)
    click.echo(f"{db}: ok")


# ------------------------------------------------------------------ claims
@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--actor", default=None, help="Actor id, name or alias; claims where it is the subject or the counterpart.")
@click.option("--measure", default=None, help="Words of the measure (production, loans, tariffs, bounty).")
@click.option("--disagreements", is_flag=True, help="Only claims another source contradicts.")
@click.option("--format", "fmt", type=FORMATS, default="table", show_default=True)
def claims(db, actor, measure, disagreements, fmt):
    """Print stored claims (subject, measure, value, time, source, evidence), flagging where sources disagree."""
    from .claims import print_claims

    try:
        rows = api.claims(db=db, actor=actor, measure=measure, disagreements=disagreements)
    except NewsgraphError as e:
        _fail(str(e))
        return
    print_claims(rows, fmt, actors_text, _console)


# ------------------------------------------------------------------ code
@main.command()
@click.argument("text")
@click.option("--published", default=None, help="Publication date of the text (YYYY-MM-DD).")
@click.option("--outlet", default=None)
@click.option("--format", "fmt", type=FORMATS, default="json", show_default=True)
@ACTORS_OPTION
def code(text, published, outlet, fmt, actor_files):
    """Code one TEXT ('-' reads standard input) without storing it."""
    if text == "-":
        text = sys.stdin.read()
    try:
        rows = api.code(text, published=published, outlet=outlet, actors=actor_files)
    except NewsgraphError as e:
        _fail(str(e))
        return
    print_events(rows, fmt)


# ------------------------------------------------------------------ output
def actors_text(actors: list[dict[str, Any]], short: bool = False) -> str:
    """'Nicolás Maduro (VEN/GOV); Russia (RUS)'; short=True uses the words of the text when the name is long."""
    out = []
    for a in actors:
        name = a["name"]
        if short and len(name) > 24 and a.get("text") and len(a["text"]) < len(name):
            name = a["text"]
        tag = "/".join(x for x in (a.get("country"), a.get("sector")) if x)
        out.append(f"{name} ({tag})" if tag else name)
    return "; ".join(out)


def print_events(rows: list[dict[str, Any]], fmt: str) -> None:
    if echo_json(rows, fmt):
        return
    if fmt == "csv":
        cols = ["id", "date", "date_precision", "type", "mode", "context", "cameo", "source", "target", "factuality", "attribution", "quantities", "trigger", "evidence", "outlet", "url", "published", "doc_id"]
        echo_csv([{**r, "source": actors_text(r["source"]), "target": actors_text(r["target"]),
                   "quantities": "; ".join(q["text"] for q in r["quantities"])} for r in rows], cols)
    else:
        from rich.table import Table

        t = Table(show_lines=False, header_style="bold", pad_edge=False, box=None)
        con = _console()
        t.add_column("date", no_wrap=True, min_width=10)
        t.add_column("type", no_wrap=True, min_width=10)
        t.add_column("source", min_width=16, max_width=30)
        t.add_column("target", min_width=16, max_width=30)
        t.add_column("fact.", no_wrap=True, max_width=10, overflow="ellipsis")
        t.add_column("trigger", no_wrap=True, max_width=18, overflow="ellipsis")
        t.add_column("outlet", no_wrap=True, max_width=18, overflow="ellipsis")
        # evidence gets what is left of the line, cut with an ellipsis rather than wrapped
        t.add_column("evidence", no_wrap=True, overflow="ellipsis", max_width=max(20, con.width - 150))
        for r in rows:
            t.add_row(r["date"] or "?", r["type"], actors_text(r["source"], short=True), actors_text(r["target"], short=True),
                      r["factuality"], r["trigger"], r.get("outlet") or "", " ".join(r["evidence"].split()))
        con.print(t)
        con.print(f"{len(rows)} events")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; anything but localhost needs --public.")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--public", is_flag=True, help="Allow binding to a non-loopback address (the UI has no authentication).")
@click.option("--allow-ingest", is_flag=True, help="Let the browser upload or paste articles into the store (read-write).")
def serve(db, host, port, public, allow_ingest):
    """Serve the web UI and JSON API over the store (read-only)."""
    import ipaddress

    import uvicorn

    from .web import create_app

    loopback = host == "localhost"
    try:
        loopback = loopback or ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    if not loopback and not public:
        _fail(f"refusing to bind {host}: the UI has no authentication; pass --public to serve beyond this machine", code=2)
    if not loopback:
        click.echo(f"warning: serving {db} on {host}:{port} to the network, without authentication", err=True)
    if allow_ingest:
        from .store import Store

        Store(db).close()  # create the store if it does not exist yet
    elif not os.path.exists(db):
        _fail(f"{db}: no such store; run `newsgraph ingest PATH --db {db}` first, or serve with --allow-ingest")
    mode = "read-write: the browser may add articles" if allow_ingest else "read-only"
    click.echo(f"newsgraph UI on http://{host}:{port}/ ({mode}; JSON API under /api/, schema at /docs)", err=True)
    uvicorn.run(create_app(db, allow_ingest=allow_ingest), host=host, port=port, log_level="warning")


from .evaluate.cli import eval_group  # noqa: E402

main.add_command(eval_group)
register_actor_commands(main)

from .framing.commands import register_framing_commands  # noqa: E402

register_framing_commands(main)  # sources, framing ACTOR, coverage

# the corpus stage (newsgraph/corpus_cli.py): one line per command
from .corpus_cli import dyad, export, merge, relations, timeline  # noqa: E402

main.add_command(timeline)
main.add_command(dyad)
main.add_command(relations)
main.add_command(export)
main.add_command(merge)

if __name__ == "__main__":  # pragma: no cover
    main()
