"""Reading evaluation files: JSON Lines records with clear errors naming the file and line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import NewsgraphError


def jsonl_records(path: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value) for each non-blank line of a JSON Lines file."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise NewsgraphError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise NewsgraphError(f"{path}: not UTF-8 text ({e})") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as e:
            raise NewsgraphError(f"{path}:{n}: malformed JSON: {e.msg}") from None


def json_array(path: str, what: str) -> list[Any]:
    """The array of records in a JSON file; ``what`` says what the records should be, for the error."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NewsgraphError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise NewsgraphError(f"{path}: not a JSON file of {what} ({e})") from None
    if not isinstance(data, list):
        raise NewsgraphError(f"{path}: expected a JSON array of {what}")
    return data
