"""Inputs at scale: WARC / WARC.gz crawls and RSS / Atom feeds, detected by content, bad records reported."""

import gzip
import io

from newsgraph.errors import InputError
from newsgraph.ingest import iter_inputs
from newsgraph.model import Document

ARTICLE = ("<!DOCTYPE html><html><head><title>Venezuela ships oil to China | Wire</title>"
           '<meta property="og:site_name" content="Crawl Test Wire">'
           '<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>'
           "<body><nav>Home | World</nav><article><h1>Venezuela ships oil to China</h1>"
           + "<p>Venezuela resumed oil shipments to China on Monday, officials in Caracas said. </p>" * 3
           + "<p>China extended a loan of $5 billion to Venezuela in 2015.</p></article></body></html>")


def run(*paths):
    items = list(iter_inputs([str(p) for p in paths]))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, InputError)]


def write_warc(path, gz: bool):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        w.write_record(w.create_warcinfo_record("crawl.warc", {"software": "test"}))
        for i, (status, ctype, body) in enumerate([
            ("200 OK", "text/html; charset=utf-8", ARTICLE.encode()),
            ("200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
            ("404 Not Found", "text/html", b"<html><body>not found</body></html>"),
            ("200 OK", "text/html", ARTICLE.replace("Monday", "Tuesday").encode()),
        ]):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = w.create_warc_record(f"https://wire.test/story/{i}", "response", payload=io.BytesIO(body), http_headers=http)
            w.write_record(rec)


def test_warc_and_warc_gz_html_responses_become_articles(tmp_path):
    plain, gz = tmp_path / "crawl.warc", tmp_path / "crawl.warc.gz"
    write_warc(plain, gz=False)
    write_warc(gz, gz=True)
    renamed = tmp_path / "crawl-data.bin"  # detected by content, not by name
    renamed.write_bytes(gz.read_bytes())
    docs, errs = run(plain, gz, renamed)
    assert not errs
    assert len(docs) == 6
    d = docs[0]
    assert d.url == "https://wire.test/story/0" and d.outlet == "Crawl Test Wire" and str(d.published) == "2024-03-05"
    assert "resumed oil shipments" in d.text and "Home | World" not in d.text
    assert d.source_path == str(plain) and d.source_line
    assert "Tuesday" in docs[1].text


def test_truncated_warc_gz_reports_the_file_and_keeps_what_was_read(tmp_path):
    gz = tmp_path / "crawl.warc.gz"
    write_warc(gz, gz=True)
    data = gz.read_bytes()
    bad = tmp_path / "cut.warc.gz"
    bad.write_bytes(data[: len(data) - 40])
    docs, errs = run(bad)
    assert len(docs) >= 1
    assert errs and all(str(bad) in str(e) for e in errs)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Energy Desk</title><link>https://energy.test</link><language>en</language>
<item><title>Russia and Venezuela sign pact</title><link>https://energy.test/a</link>
<pubDate>Wed, 08 May 2024 10:00:00 GMT</pubDate>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>Russia and Venezuela signed a strategic partnership agreement in Moscow on Wednesday.</p><p>The deal covers oil and gas.</p>]]></content:encoded>
</item>
<item><title>Sanctions</title><link>https://energy.test/b</link><pubDate>Thu, 09 May 2024 10:00:00 GMT</pubDate>
<source url="https://other.test/rss">Other Wire</source>
<description>&lt;p&gt;The United States imposed sanctions on PDVSA.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://energy.test/c</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Capital Wire</title><id>urn:x</id><updated>2024-06-01T00:00:00Z</updated>
<entry><title>China extends loan</title><link href="https://capital.test/1"/><id>urn:1</id>
<published>2024-06-01T09:00:00Z</published><updated>2024-06-02T09:00:00Z</updated>
<summary type="html">&lt;p&gt;China extended a loan of $5 billion to Venezuela.&lt;/p&gt;</summary></entry>
</feed>"""


def test_rss_and_atom_items_with_content_or_summary(tmp_path):
    rss, atom = tmp_path / "energy.xml", tmp_path / "capital.txt"
    rss.write_text(RSS)
    atom.write_text(ATOM)
    gz = tmp_path / "energy.rss.gz"
    with gzip.open(gz, "wt") as fh:
        fh.write(RSS.replace("Moscow", "Caracas"))
    docs, errs = run(rss, atom, gz)
    a, b, c, a_gz, _ = docs
    assert (a.title, a.url, a.outlet, str(a.published)) == ("Russia and Venezuela sign pact", "https://energy.test/a", "Energy Desk", "2024-05-08")
    assert a.text == "Russia and Venezuela signed a strategic partnership agreement in Moscow on Wednesday.\n\nThe deal covers oil and gas."
    assert (b.outlet, b.text) == ("Other Wire", "The United States imposed sanctions on PDVSA.")
    assert (c.outlet, c.url, str(c.published), c.text) == ("Capital Wire", "https://capital.test/1", "2024-06-01", "China extended a loan of $5 billion to Venezuela.")
    assert "Caracas" in a_gz.text
    assert len(errs) == 2 and all("(item 3)" in str(e) and "neither content nor summary" in str(e) for e in errs)
