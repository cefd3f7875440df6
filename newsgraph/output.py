"""The JSON side of the CLI's uniform --format: every listing prints json and jsonl the same way."""

from __future__ import annotations

import json
from typing import Any

import click


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
