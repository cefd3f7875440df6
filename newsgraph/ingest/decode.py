"""Bytes to text, refusing what is not text, and sniffing the format by content."""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|div|p|meta|title|section|main)\b",
    re.IGNORECASE | re.DOTALL,
)


def decode_text(data: bytes, path: str, line: int | None = None) -> str:
    """Decode bytes as text or raise InputError saying why they are not text.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are accepted. Anything
    else that is not valid UTF-8 is refused with the offending byte and
    offset, rather than guessed at: a wrong guess silently corrupts names.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise InputError(path, f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({e.reason})", line) from None
    else:
        if looks_utf16(data):
            raise InputError(path, "looks like UTF-16 text without a byte-order mark; convert it to UTF-8 (e.g. iconv -f UTF-16LE -t UTF-8)", line)
        if looks_binary(data):
            raise InputError(path, "binary data, not text (NUL or control bytes); expected an article as text, HTML or JSON Lines", line)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            bad = data[e.start : e.start + 1].hex()
            raise InputError(
                path,
                f"not valid UTF-8: byte 0x{bad} at offset {e.start}; convert the file to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
                line,
            ) from None
    if "\x00" in text:
        raise InputError(path, "text contains NUL characters; the file is probably binary or corrupted", line)
    # Normalise newlines once, here, so offsets are stable whatever the source.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_utf16(data: bytes, sample: int = 8192) -> bool:
    """UTF-16 of mostly Latin-script text without a BOM: every other byte is NUL, the rest mostly printable."""
    head = data[: sample - sample % 2]
    if len(head) < 8:
        return False
    for zeros, chars in ((head[1::2], head[0::2]), (head[0::2], head[1::2])):
        if zeros.count(0) > 0.9 * len(zeros) and sum(32 <= b < 127 or b in (9, 10, 13) for b in chars) > 0.9 * len(chars):
            return True
    return False


def looks_binary(data: bytes, sample: int = 8192) -> bool:
    head = data[:sample]
    if not head:
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control / len(head) > 0.01


_FEED_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<\?xml-stylesheet[^>]*>\s*)*(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b",
    re.IGNORECASE | re.DOTALL,
)


def sniff_format(data: bytes) -> str:
    """Guess the format of (decompressed) bytes: warc, feed (RSS/Atom), html, json, jsonl or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"WARC/"):
        return "warc"
    if _FEED_START.match(head):
        return "feed"
    if _HTML_START.match(head):
        return "html"
    if head.startswith(b"{"):
        # JSON Lines: one object per line. A plain-text article never starts with "{".
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    return "text"
