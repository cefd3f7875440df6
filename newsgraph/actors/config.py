"""User actor files named in a config file, so a team's registry extensions apply to every command.

newsgraph reads ``newsgraph.toml`` from the working directory (or the file
named by the ``NEWSGRAPH_CONFIG`` environment variable)::

    [actors]
    files = ["registry/our_companies.yaml", "registry/people.csv"]

Relative paths are relative to the config file's folder. Files given with
``--actors`` on the command line are loaded after these, so they win when
both define the same actor id. The same file's ``[limits]`` table sets the
input limits (newsgraph.ingest.configured_limits).
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from ..errors import DataFileError

CONFIG_NAME = "newsgraph.toml"


def config_path() -> Path | None:
    env = os.environ.get("NEWSGRAPH_CONFIG")
    if env:
        p = Path(env)
        if not p.is_file():
            raise DataFileError(env, "NEWSGRAPH_CONFIG names a file that does not exist")
        return p
    p = Path.cwd() / CONFIG_NAME
    return p if p.is_file() else None


def load_config(path: Path | None = None) -> tuple[dict, Path | None]:
    """The parsed config file (an empty table when there is none) and its path."""
    path = path or config_path()
    if path is None:
        return {}, None
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        line = int(m.group(1)) if m else (text.count("\n") or 1) if "end of document" in str(e) else None
        raise DataFileError(str(path), f"invalid TOML: {e}", line) from None
    except UnicodeDecodeError as e:
        raise DataFileError(str(path), f"not valid UTF-8 at byte {e.start}") from None
    return data, path


def config_table(name: str, path: Path | None = None) -> tuple[dict, str]:
    """One [table] of the config file ({} when absent) and the file's name for error messages."""
    data, path = load_config(path)
    section = data.get(name, {})
    if not isinstance(section, dict):
        raise DataFileError(str(path), f"[{name}] must be a table")
    return section, str(path or CONFIG_NAME)


def configured_actor_files(path: Path | None = None) -> list[str]:
    """The actor files listed under [actors] files in the config file (none when there is no config)."""
    data, path = load_config(path)
    if path is None:
        return []
    section = data.get("actors", {})
    if not isinstance(section, dict):
        raise DataFileError(str(path), "[actors] must be a table with files = [...]")
    files = section.get("files", [])
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        raise DataFileError(str(path), "[actors] files must be a list of paths")
    base = path.parent
    out = []
    for f in files:
        p = Path(f).expanduser()
        out.append(str(p if p.is_absolute() else base / p))
    return out


def actor_files(extra: tuple[str, ...] | list[str] | None = ()) -> tuple[str, ...]:
    """Config-file actor files, then the explicitly given ones (later files override earlier ids)."""
    return tuple(configured_actor_files()) + tuple(extra or ())
