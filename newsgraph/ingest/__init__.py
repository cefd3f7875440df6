"""Ingest: turn files and folders into a stream of Documents (or InputErrors).

``iter_inputs(paths)`` walks the paths, detects each file's format by its
content (the extension is only a hint), and yields one ``Document`` per
article or one ``InputError`` per thing that could not be read. It never
raises for bad input: the caller decides what to do with errors, and the
other inputs of the run go on.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..model import Document
from .decode import decode_text, sniff_format
from .feeds import read_feed
from .readers import Defaults, read_html, read_json_array, read_jsonl_lines, read_text
from .warc import read_warc

__all__ = ["Defaults", "Limits", "configured_limits", "iter_inputs", "input_files", "read_file", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (
    ".txt", ".text", ".md", ".markdown",
    ".html", ".htm", ".xhtml",
    ".jsonl", ".ndjson", ".json",
    ".warc", ".arc", ".rss", ".atom", ".xml",
    ".gz",
)


@dataclass(frozen=True)
class Limits:
    """Bounds that keep one hostile input from exhausting memory or time.

    Every bound is a field here; set them in newsgraph.toml under ``[limits]``
    (same names; see ``configured_limits``) or, for the time limit, with
    ``newsgraph ingest --time-limit``. An input over a bound is rejected with
    an error naming the file (and line) and the bound; the run goes on.
    """

    max_document_bytes: int = 20 * 1024 * 1024  # one article (a whole .txt/.html file, one WARC record)
    max_line_bytes: int = 20 * 1024 * 1024  # one JSON Lines line (one article with its metadata)
    max_feed_bytes: int = 100 * 1024 * 1024  # one RSS/Atom file, read whole
    max_decompressed_ratio: int = 200  # .gz: decompressed/compressed, beyond a 10 MB floor
    decompressed_floor: int = 10 * 1024 * 1024
    max_json_depth: int = 64  # nesting of arrays/objects in one JSON record
    max_html_depth: int = 512  # nesting of elements in one HTML page
    seconds_per_document: float = 60.0  # coding one document (extract); 0 = no limit

    def __post_init__(self):
        for name, value in vars(self).items():
            if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value < float("inf"):
                raise ValueError(f"limit {name} must be a number >= 0, not {value!r}")


def configured_limits(path=None, **overrides) -> Limits:
    """Limits from the ``[limits]`` table of newsgraph.toml (or NEWSGRAPH_CONFIG), then ``overrides`` (None = not given)."""
    from ..actors.config import config_table
    from ..errors import DataFileError

    table, where = config_table("limits", path)
    known = Limits.__dataclass_fields__
    values = {}
    for key, value in table.items():
        if key not in known:
            raise DataFileError(where, f"[limits] {key}: unknown limit (known: {', '.join(known)})")
        values[key] = value
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Limits(**values)
    except ValueError as e:
        raise DataFileError(where, f"[limits] {e}") from None


def iter_inputs(paths: Iterable[str], defaults: Defaults = Defaults(), limits: Limits = Limits()) -> Iterator[Document | InputError]:
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, defaults, limits)


def input_files(paths: Iterable[str]) -> Iterator[str | InputError]:
    """The files to read for these paths (folders walked lazily: a folder of millions of files is never listed whole)."""
    for path in paths:
        path = str(path)
        if not os.path.exists(path):
            yield InputError(path, "no such file or directory")
            continue
        if os.path.isdir(path):
            found = False
            for f in _article_files(path):
                found = True
                yield f
            if not found:
                yield InputError(path, f"no articles found in this directory (looked for {', '.join(ARTICLE_SUFFIXES)})")
        else:
            yield path


def _article_files(root: str) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            if name.lower().endswith(ARTICLE_SUFFIXES):
                yield os.path.join(dirpath, name)


def read_file(path: str, defaults: Defaults = Defaults(), limits: Limits = Limits()) -> Iterator[Document | InputError]:
    """All articles in one file, whatever its format."""
    try:
        size = os.path.getsize(path)
        if size == 0:
            yield InputError(path, "empty file")
            return
        with open(path, "rb") as fh:
            head = fh.read(2)
        if head == b"\x1f\x8b":
            if _gzip_starts_with(path, b"WARC/"):
                # WARC.gz compresses each record on its own; warcio reads them one at a time, each bounded in size.
                with open(path, "rb") as fh:
                    yield from read_warc(fh, path, defaults, limits.max_document_bytes, limits.max_html_depth)
                return
            yield from _read_gzip(path, size, defaults, limits)
            return
        if head in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            yield from _read_utf16(path, size, defaults, limits)
            return
        with open(path, "rb") as fh:
            yield from _read_plain(fh, size, path, defaults, limits)
    except InputError as e:
        yield e
    except OSError as e:
        yield InputError(path, f"cannot read: {e.strerror or e}")


def _read_plain(fh, size: int, path: str, defaults: Defaults, limits: Limits) -> Iterator[Document | InputError]:
    """An uncompressed file (or a UTF-16 file already turned into UTF-8), its format sniffed from its first bytes."""
    fmt = sniff_format(fh.read(4096))
    if fmt == "warc":
        fh.seek(0)
        yield from read_warc(fh, path, defaults, limits.max_document_bytes, limits.max_html_depth)
        return
    if fmt == "feed":
        if size > limits.max_feed_bytes:
            yield InputError(path, f"feed file is {size:,} bytes, over the {limits.max_feed_bytes:,}-byte limit")
            return
        fh.seek(0)
        yield from read_feed(fh.read(), path, defaults)
        return
    if fmt == "jsonl" or path.lower().endswith((".jsonl", ".ndjson")):
        fh.seek(0)
        yield from read_jsonl_lines(_lines(fh, path, limits), path, defaults, limits.max_json_depth)
        return
    if size > limits.max_document_bytes:
        yield InputError(path, f"file is {size:,} bytes, over the {limits.max_document_bytes:,}-byte limit for one article (use JSON Lines for many articles)")
        return
    fh.seek(0)
    yield from _dispatch(fh.read(), fmt, path, defaults, limits)


def _read_utf16(path: str, size: int, defaults: Defaults, limits: Limits) -> Iterator[Document | InputError]:
    """A file in UTF-16 with a byte-order mark (Windows tools write these): read whole, turned into UTF-8, then read
    like any other file, so its format (HTML, JSON Lines, feed, text) is sniffed from its content, not its bytes."""
    if size > limits.max_document_bytes:
        yield InputError(path, f"UTF-16 file is {size:,} bytes, over the {limits.max_document_bytes:,}-byte limit for reading a file "
                               "whole; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
        return
    with open(path, "rb") as fh:
        text = decode_text(fh.read(), path)
    data = text.encode("utf-8")
    yield from _read_plain(io.BytesIO(data), len(data), path, defaults, limits)


def _dispatch(data: bytes, fmt: str, path: str, defaults: Defaults, limits: Limits) -> Iterator[Document | InputError]:
    if not data.strip():
        yield InputError(path, "empty file (only whitespace)")
        return
    if fmt == "html":
        decode_text(data, path)  # refuse binary/undecodable pages with the same messages as text
        yield from read_html(data, path, defaults, max_depth=limits.max_html_depth)
        return
    text = decode_text(data, path)
    if fmt == "json":
        yield from read_json_array(text, path, defaults, limits.max_json_depth)
    else:
        yield from read_text(text, path, defaults)


def _lines(fh, path: str, limits: Limits) -> Iterator[tuple[int, str | InputError]]:
    """Decoded lines of a JSON Lines stream, each bounded in length; unreadable lines come as InputError."""
    limit = limits.max_line_bytes
    lineno = 0
    while True:
        raw = fh.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the oversized line
                raw = fh.readline(1024 * 1024)
            yield lineno, InputError(path, f"line longer than the {limit:,}-byte limit for one JSON Lines record (max_line_bytes); skipped", lineno)
            continue
        try:
            yield lineno, decode_text(raw, path, lineno)
        except InputError as e:
            yield lineno, e


def _gzip_starts_with(path: str, prefix: bytes) -> bool:
    """Whether a gzip file's decompressed data starts with prefix, looking at its first bytes only (truncated files too)."""
    with open(path, "rb") as fh:
        raw = fh.read(64 * 1024)
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, len(prefix)).startswith(prefix)
    except zlib.error:
        return False


def _read_gzip(path: str, size: int, defaults: Defaults, limits: Limits) -> Iterator[Document | InputError]:
    budget = max(limits.decompressed_floor, size * limits.max_decompressed_ratio)
    try:
        with gzip.open(path, "rb") as raw:
            fh = _BoundedReader(raw, budget, path)
            head = fh.peek_head(4096)
            fmt = sniff_format(head)
            inner = path[:-3] if path.lower().endswith(".gz") else path
            if fmt == "jsonl" or inner.lower().endswith((".jsonl", ".ndjson")):
                yield from read_jsonl_lines(_lines(fh, path, limits), path, defaults, limits.max_json_depth)
                return
            if fmt == "feed":
                data = fh.read(limits.max_feed_bytes + 1)
                if len(data) > limits.max_feed_bytes:
                    yield InputError(path, f"feed decompresses to over the {limits.max_feed_bytes:,}-byte limit")
                    return
                yield from read_feed(data, path, defaults)
                return
            data = fh.read(limits.max_document_bytes + 1)
            if len(data) > limits.max_document_bytes:
                yield InputError(path, f"decompresses to over the {limits.max_document_bytes:,}-byte limit for one article")
                return
        yield from _dispatch(data, fmt, path, defaults, limits)
    except (OSError, EOFError, zlib.error) as e:
        yield InputError(path, f"corrupt or truncated gzip data: {e}")


class _BoundedReader:
    """A file-like view of a decompressing stream that stops at a byte budget (zip bombs)."""

    def __init__(self, raw, budget: int, path: str):
        self.raw, self.budget, self.path, self.read_so_far = raw, budget, path, 0
        self._head = b""

    def peek_head(self, n: int) -> bytes:
        self._head = self.raw.read(n)
        self._count(len(self._head))
        return self._head

    def _count(self, n: int) -> None:
        self.read_so_far += n
        if self.read_so_far > self.budget:
            raise InputError(self.path, f"decompresses to more than {self.budget:,} bytes: refusing a likely decompression bomb")

    def _take_head(self, n: int) -> bytes:
        if not self._head:
            return b""
        if n < 0 or n >= len(self._head):
            out, self._head = self._head, b""
        else:
            out, self._head = self._head[:n], self._head[n:]
        return out

    def read(self, n: int = -1) -> bytes:
        out = self._take_head(n)
        if n < 0 or len(out) < n:
            more = self.raw.read(-1 if n < 0 else n - len(out))
            self._count(len(more))
            out += more
        return out

    def readline(self, limit: int = -1) -> bytes:
        if self._head:
            nl = self._head.find(b"\n")
            if nl >= 0 and (limit < 0 or nl < limit):
                return self._take_head(nl + 1)
            out = self._take_head(limit if limit >= 0 else -1)
            if out.endswith(b"\n") or (limit >= 0 and len(out) >= limit):
                return out
            rest = self.raw.readline(-1 if limit < 0 else limit - len(out))
            self._count(len(rest))
            return out + rest
        line = self.raw.readline(limit)
        self._count(len(line))
        return line
