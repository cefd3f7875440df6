"""The CLI's uniform --format (table, csv, json, jsonl): the pieces every listing command shares.

json, jsonl and csv print the same way everywhere; tables are drawn on the one console ``console()`` gives,
by ``echo_table`` or, where a command needs other column settings, by the command itself.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from typing import Any

import click

FORMATS = click.Choice(["table", "csv", "json", "jsonl"])


def echo_json(rows: list[Any], fmt: str) -> bool:
    """Print ``rows`` for --format json (one array) or jsonl (one object a line) and say so;
    False for the other formats, which each command draws itself (csv, table)."""
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return True
    if fmt == "jsonl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False, default=str))
        return True
    return False


def echo_csv(rows: list[dict[str, Any]], cols: list[str]) -> None:
    """``rows`` as CSV with a header of ``cols`` (other keys are left out)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    click.echo(buf.getvalue(), nl=False)


def echo_table(rows: list[dict[str, Any]], cols: list[str], footer: str, *, missing: str = "", title: str | None = None,
               max_width: dict[str, int] | None = None) -> None:
    """``rows`` as a borderless rich table of ``cols`` (a None cell shows ``missing``; long cells fold), an optional
    ``title`` line above it and the ``footer`` line below it."""
    from rich.table import Table

    con = console()
    if title is not None:
        con.print(title)
    t = Table(header_style="bold", box=None, pad_edge=False)
    for c in cols:
        t.add_column(c, overflow="fold", max_width=(max_width or {}).get(c))
    for r in rows:
        t.add_row(*[str(r[c]) if r[c] is not None else missing for c in cols])
    con.print(t)
    con.print(footer)


def console(stderr: bool = False):
    """A rich console as wide as the terminal, or $COLUMNS (default 160) when the output is piped."""
    from rich.console import Console

    width = None if sys.stdout.isatty() else int(os.environ.get("COLUMNS", "160"))
    return Console(stderr=stderr, width=width, highlight=False, soft_wrap=False)


def fail(msg: str, code: int = 1) -> None:
    """The one error line every command prints (``error: ...`` on stderr), then exit with ``code``."""
    click.echo(f"error: {msg}", err=True)
    sys.exit(code)
