"""Every crash the fuzzers found, with its minimal input: each must now give a clear input error, not an exception.

Found by the atheris runs of fuzz/run.py (see BENCHMARKS.md, "Reliability"); the inputs are the smallest that
reproduced each crash, reduced by hand from libFuzzer's crash files.
"""

import gzip
import sys

import pytest

from newsgraph.errors import InputError

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "fuzz"))
import targets  # noqa: E402

REGRESSIONS = [
    # warcio raised AttributeError on a response record without WARC-Target-URI; read_warc let it through
    ("warc", b"\x00WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/", "malformed record header"),
    ("warc", b"\x01" + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/", "malformed record header"),
    # a feed item whose content held a NUL character reference became a Document with NUL in its text
    ("feed", b"<rss><channel><item><description>a&#0;b</description></item></channel></rss>", "NUL characters"),
    # PyYAML's date constructor raised ValueError (not a YAMLError) out of read_text on an impossible date
    ("text", b"---\npublished: 2024-05-00\n---\nVenezuela signed an oil agreement.\n", "'published' is not a date: '2024-05-00'"),
    # the same through JSON: "\u0000" decodes to NUL after the byte-level check
    ("jsonl", b'\x00{"text": "Venezuela signed a deal.\\u0000"}\n', "NUL characters"),
]


@pytest.mark.parametrize("target,data,message", REGRESSIONS)
def test_fuzz_crash_is_now_an_input_error(target, data, message):
    items = targets.TARGETS[target](data)
    assert len(items) == 1 and isinstance(items[0], InputError), items
    assert message in items[0].message


def test_the_warc_regression_through_read_file_names_the_file(tmp_path):
    from newsgraph.ingest import iter_inputs

    f = tmp_path / "crawl.warc.gz"
    f.write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/"))
    (item,) = list(iter_inputs([str(f)]))
    assert isinstance(item, InputError) and item.path == str(f) and "malformed record header" in item.message


@pytest.mark.parametrize("data", [
    # lxml refused to set a paragraph's tail holding a control character: ValueError out of html_fragment_text
    b"<rss><channel><item><description>&lt;p&gt;a&lt;/p&gt;\x01</description></item></channel></rss>",
    b"<rss><channel><item><description>&lt;p&gt;Venezuela signed.&lt;/p&gt;&#1;</description></item></channel></rss>",
])
def test_feed_html_with_control_characters_is_read(data):
    (doc,) = targets.feed(data)
    assert not isinstance(doc, InputError) and doc.text in ("a", "Venezuela signed.")
