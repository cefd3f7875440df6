"""What every fuzzer (atheris here, hypothesis in tests/) feeds each reader, and what must hold whatever the bytes.

One function per reader: it takes arbitrary bytes, hands them to the reader the way newsgraph would, and
checks the contract — a Document or an input error naming the file, never another exception. Anything
else raised here is a crash to fix (and then a regression test with the minimal input).
``SEEDS`` are small valid inputs of each format, written for this file, to start coverage-guided runs from.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newsgraph.actors.config import configured_actor_files  # noqa: E402
from newsgraph.actors.registry import actor_records  # noqa: E402
from newsgraph.errors import DataFileError, InputError  # noqa: E402
from newsgraph.ingest import Defaults, Limits, configured_limits, read_file  # noqa: E402
from newsgraph.ingest.feeds import read_feed  # noqa: E402
from newsgraph.ingest.warc import read_warc  # noqa: E402
from newsgraph.model import Document  # noqa: E402

LIMITS = Limits(max_document_bytes=200_000, max_line_bytes=200_000, max_feed_bytes=500_000)

# dateparser loads its locale data the first time a date has a word in it (2-3 CPU seconds, once per process);
# done here so that the fuzzer's per-input timeout measures the readers, not that one-off load.
from newsgraph.time import parse_date_value  # noqa: E402

parse_date_value("2024-05-sk")
_DIR = tempfile.mkdtemp(prefix="ng-fuzz-")


def _file(name: str, data: bytes) -> str:
    path = os.path.join(_DIR, name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def check_items(items, path: str) -> list:
    """The reader contract: Documents with text and an id, or InputErrors that name the file and say something."""
    items = list(items)
    for it in items:
        if isinstance(it, Document):
            assert it.text.strip() and it.doc_id, "a Document without text"
            assert "\x00" not in it.text, "a Document with NUL characters"
        else:
            assert isinstance(it, InputError), f"reader yielded {type(it).__name__}"
            assert str(it).startswith(path) and it.message, f"error does not name the file: {it}"
    return items


def text(data: bytes) -> list:
    """Plain text / Markdown with optional YAML front matter (sniffed as text unless it looks like another format)."""
    path = _file("article.md", data)
    return check_items(read_file(path, limits=LIMITS), path)


def html(data: bytes) -> list:
    path = _file("page.html", data)
    return check_items(read_file(path, limits=LIMITS), path)


def jsonl(data: bytes) -> list:
    """JSON Lines, plain or gzip (the first byte chooses)."""
    if data[:1] and data[0] & 1:
        path = _file("news.jsonl.gz", gzip.compress(data[1:], mtime=0))
    else:
        path = _file("news.jsonl", data[1:])
    return check_items(read_file(path, limits=LIMITS), path)


def warc(data: bytes) -> list:
    """WARC records, plain or gzip (the first byte chooses), through the WARC reader itself."""
    payload = gzip.compress(data[1:], mtime=0) if data[:1] and data[0] & 1 else data[1:]
    return check_items(read_warc(io.BytesIO(payload), "crawl.warc", Defaults(), LIMITS.max_document_bytes, LIMITS.max_html_depth), "crawl.warc")


def feed(data: bytes) -> list:
    """RSS or Atom through the feed reader itself."""
    return check_items(read_feed(data, "feed.xml", Defaults()), "feed.xml")


def registry(data: bytes) -> list:
    """A user's actor file, YAML or CSV (the first byte chooses): actors, or a DataFileError naming the file."""
    path = Path(_file("actors.csv" if data[:1] and data[0] & 1 else "actors.yaml", data[1:]))
    try:
        return list(actor_records(path))
    except DataFileError as e:
        assert e.path == str(path) and e.message
        return []


def config(data: bytes) -> list:
    """newsgraph.toml: its [actors] files and [limits], or a DataFileError naming the file."""
    path = Path(_file("newsgraph.toml", data))
    out = []
    for read in (configured_actor_files, configured_limits):
        try:
            out.append(read(path))
        except DataFileError as e:
            assert e.path == str(path) and e.message, e
    return out


TARGETS = {"text": text, "html": html, "jsonl": jsonl, "warc": warc, "feed": feed, "registry": registry, "config": config}


def _warc_record(url: str, body: bytes) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
            b"WARC-Date: 2024-05-02T10:00:00Z\r\nWARC-Target-URI: " + url.encode() + b"\r\n"
            b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(http))
    return head + http + b"\r\n\r\n"


_PAGE = (b"<html><head><title>Oil deal</title><meta property='og:site_name' content='Example Wire'></head><body><article>"
         b"<h1>Oil deal</h1><p>Venezuela signed an oil agreement with China on Monday, officials said.</p>"
         b"<p>The deal covers 100,000 barrels per day.</p></article></body></html>")

SEEDS = {
    "text": [b"---\ntitle: Oil deal\npublished: 2024-05-02\noutlet: Example Wire\n---\nVenezuela signed an oil agreement with China on Monday.\n",
             b"Venezuela signed an oil agreement with China on Monday.\r\nRussia condemned the sanctions.\r\n"],
    "html": [_PAGE],
    "jsonl": [b"\x00" + b'{"text": "Venezuela signed an oil agreement with China.", "published": "2024-05-02", "outlet": "Example Wire"}\n',
              b"\x01" + b'{"text": "Russia condemned the sanctions.", "title": "T"}\n{"text": "x"}\n'],
    "warc": [b"\x00" + _warc_record("https://example.org/a", _PAGE), b"\x01" + _warc_record("https://example.org/b", _PAGE)],
    "feed": [b"<?xml version='1.0'?><rss version='2.0'><channel><title>Example Wire</title><item><title>Oil deal</title>"
             b"<link>https://example.org/a</link><pubDate>Thu, 02 May 2024 10:00:00 GMT</pubDate>"
             b"<description>&lt;p&gt;Venezuela signed an oil agreement with China.&lt;/p&gt;</description></item></channel></rss>",
             b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Example Wire</title><entry><title>Oil deal</title>"
             b"<link href='https://example.org/b'/><updated>2024-05-02T10:00:00Z</updated>"
             b"<content type='html'>&lt;p&gt;Russia condemned the sanctions.&lt;/p&gt;</content></entry></feed>"],
    "registry": [b"\x00- id: zeta-oil\n  name: Zeta Oil\n  kind: company\n  country: NOR\n  sector: BUS\n  aliases: [Zeta]\n",
                 b"\x01id,name,kind,country,sector,aliases,role_title,role_office,role_country,role_sector,role_start,role_end\n"
                 b"ana-ruiz,Ana Ruiz,person,VEN,GOV,,Minister of Petroleum,energy_minister,VEN,GOV,2023-06,\n"],
    "config": [b'[actors]\nfiles = ["registry/our_actors.yaml"]\n\n[limits]\nseconds_per_document = 30\nmax_json_depth = 32\n'],
}
