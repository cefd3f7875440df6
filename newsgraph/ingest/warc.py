"""WARC and WARC.gz files of news crawls: each HTTP response carrying an HTML page becomes one article.

The page goes through the same HTML reader as a saved .html file (main text,
title, date, site name), with the record's target URI as the article's url.
Records that are not HTML responses (requests, metadata, images, redirects,
errors) are passed over silently: a crawl is mostly those. A response whose
page yields no article text is passed over too (navigation pages, index
pages), and counted in one closing note rather than one error per page.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..model import Document
from .readers import Defaults, read_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(fh, path: str, defaults: Defaults, max_record_bytes: int, max_html_depth: int = 512) -> Iterator[Document | InputError]:
    """Documents from a WARC stream (plain or gzip per record: warcio detects which)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n_pages = n_empty = 0
    try:
        for n, record in enumerate(_records(ArchiveIterator(fh, check_digests=True), path), start=1):
            if record.rec_type != "response":
                continue
            http = record.http_headers
            if http is None or not (http.get_statuscode() or "").startswith("2"):
                continue
            ctype = (http.get_header("Content-Type") or "").lower()
            if not ctype.startswith(_HTML_TYPES):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{path} (record {n}, {url})"
            payload = record.content_stream().read(max_record_bytes + 1)
            if len(payload) > max_record_bytes:
                yield InputError(where, f"page is over the {max_record_bytes:,}-byte limit for one article; skipped")
                continue
            if len(payload) < _declared_payload_length(record) or record.digest_checker.passed is False:
                yield InputError(where, "record is truncated or corrupt (shorter than declared, or its digest does not match); skipped")
                continue
            n_pages += 1
            for item in read_html(payload, where, defaults, url=url, max_depth=max_html_depth):
                if isinstance(item, InputError) and "no article text" in item.message:
                    n_empty += 1
                    continue
                if isinstance(item, Document):
                    item.source_path = path
                    item.source_line = n
                yield item
    except ArchiveLoadFailed as e:
        yield InputError(path, f"not a readable WARC file: {e}")
    except (OSError, EOFError, ValueError) as e:
        yield InputError(path, f"corrupt or truncated WARC data: {e}")
    if n_pages and n_empty == n_pages:
        yield InputError(path, f"none of its {n_pages} HTML pages had article text that could be extracted")


def _records(archive, path: str):
    """warcio's records; a malformed record header raises whatever warcio's parser hits (AttributeError on a
    response without a target URI, found by fuzzing), turned here into one error for the file."""
    from warcio.exceptions import ArchiveLoadFailed

    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (ArchiveLoadFailed, OSError, EOFError, ValueError):
            raise
        except Exception as e:  # noqa: BLE001 - a third-party parser on hostile bytes
            raise ValueError(f"malformed record header ({type(e).__name__}: {e})") from None
        yield record


def _declared_payload_length(record) -> int:
    """The payload length the record's headers promise (WARC Content-Length less the HTTP headers), 0 if unknown."""
    try:
        total = int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        return 0
    http_len = len(record.http_headers.to_bytes()) if record.http_headers is not None else 0
    return max(0, total - http_len)
