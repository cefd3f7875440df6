"""Readers: formats detected by content, metadata, and bad input reported with file and line."""

import gzip
import json
import os

from newsgraph.errors import InputError
from newsgraph.ingest import Defaults, Limits, iter_inputs
from newsgraph.model import Document


def run(*paths, **kw):
    items = list(iter_inputs([str(p) for p in paths], **kw))
    docs = [i for i in items if isinstance(i, Document)]
    errs = [i for i in items if isinstance(i, InputError)]
    return docs, errs


def test_front_matter_sets_metadata(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\ntitle: Deal signed\noutlet: Test Wire\nurl: https://t.test/a\npublished: 2024-05-08\nlanguage: en\n---\n\nRussia and Venezuela signed a deal.\n")
    (d,), errs = run(f)
    assert not errs
    assert (d.title, d.outlet, d.url, str(d.published), d.published_source, d.language) == (
        "Deal signed", "Test Wire", "https://t.test/a", "2024-05-08", "metadata", "en")
    assert d.text == "Russia and Venezuela signed a deal."
    assert d.source_path == str(f)


def test_defaults_fill_only_missing_metadata(tmp_path):
    a = tmp_path / "a.txt"
    a.write_text("Russia and Venezuela signed a deal.")
    b = tmp_path / "b.md"
    b.write_text("---\noutlet: Own Outlet\npublished: 2020-01-02\n---\nChina extended a loan to Venezuela.")
    docs, errs = run(a, b, defaults=Defaults(published="2023-03-04", outlet="Given"))
    assert not errs
    by = {d.source_path: d for d in docs}
    assert (by[str(a)].outlet, str(by[str(a)].published), by[str(a)].published_source) == ("Given", "2023-03-04", "given")
    assert (by[str(b)].outlet, str(by[str(b)].published), by[str(b)].published_source) == ("Own Outlet", "2020-01-02", "metadata")


def test_dateline_in_text_gives_publication_date(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Some Outlet\n\nHeadline here\n\nMarch 10, 2022 at 12:16 pm\n\nThe US has been trying to tempt Venezuela.")
    (d,), _ = run(f)
    assert str(d.published) == "2022-03-10" and d.published_source == "text"


def test_no_date_stays_unknown_never_today(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Venezuela resumed oil shipments to China.")
    (d,), _ = run(f)
    assert d.published is None and d.published_source is None


def test_html_main_text_and_metadata(tmp_path):
    f = tmp_path / "page.htm"
    body = "<p>" + "Russia and Venezuela signed a strategic partnership agreement in Moscow. " * 3 + "</p>"
    f.write_text(
        "<!DOCTYPE html><html><head><title>Partnership signed | Site</title>"
        '<meta property="og:site_name" content="Inter Test News">'
        '<meta property="og:url" content="https://inter.test/p">'
        '<meta property="article:published_time" content="2025-05-08T10:00:00Z"></head>'
        f"<body><nav>Home | World | Sport</nav><article><h1>Partnership signed</h1>{body}<p>More text about the oil sector and energy cooperation between the two countries.</p></article>"
        "<footer>Copyright footer links</footer></body></html>"
    )
    (d,), errs = run(f)
    assert not errs
    assert "strategic partnership agreement" in d.text and "Home | World" not in d.text
    assert d.outlet == "Inter Test News"
    assert str(d.published) == "2025-05-08"
    assert d.url == "https://inter.test/p"


def test_format_detected_by_content_not_extension(tmp_path):
    html = tmp_path / "page.txt"
    html.write_text("<html><body><article><p>" + "China extended a loan to Venezuela in 2015 to support oil output. " * 3 + "</p></article></body></html>")
    jl = tmp_path / "feed.txt"
    jl.write_text(json.dumps({"text": "Iran sent fuel to Venezuela.", "outlet": "X"}) + "\n")
    docs, errs = run(html, jl)
    assert not errs
    texts = sorted(d.text for d in docs)
    assert texts[0].startswith("China extended a loan") and "<p>" not in texts[0]
    assert texts[1] == "Iran sent fuel to Venezuela."


def test_jsonl_and_gz(tmp_path):
    rows = [{"text": f"Article {i}: Russia met Venezuela.", "title": f"T{i}", "outlet": "Wire", "published": "2024-01-0%d" % (i + 1)} for i in range(3)]
    plain = tmp_path / "a.jsonl"
    plain.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n")
    gz = tmp_path / "b.jsonl.gz"
    with gzip.open(gz, "wt") as fh:
        fh.write("\n".join(json.dumps({**r, "text": r["text"] + " (gz)"}) for r in rows))
    docs, errs = run(plain, gz)
    assert not errs and len(docs) == 6
    assert docs[0].source_line == 1 and docs[2].source_line == 3
    assert sum(d.text.endswith("(gz)") for d in docs) == 3


def test_bad_inputs_each_named_and_others_still_read(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Russia and Venezuela signed an agreement.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 con le\xf1a in Caracas".encode("latin-1"))
    jl = tmp_path / "mixed.jsonl"
    jl.write_text(json.dumps({"text": "China met Venezuela."}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n" + json.dumps({"text": "Cuba met Russia."}) + "\n")
    nodir = tmp_path / "nothing_here"
    emptydir = tmp_path / "emptydir"
    emptydir.mkdir()
    (emptydir / "notes.bin").write_bytes(b"\x00\x01")
    docs, errs = run(good, empty, binary, latin, jl, nodir, emptydir)
    assert sorted(d.text for d in docs) == ["China met Venezuela.", "Cuba met Russia.", "Russia and Venezuela signed an agreement."]
    msgs = [str(e) for e in errs]
    assert any(m.startswith(f"{empty}:") and "empty" in m for m in msgs)
    assert any(m.startswith(f"{binary}:") and "binary" in m for m in msgs)
    assert any(m.startswith(f"{latin}:") and "not valid UTF-8" in m and "offset 3" in m for m in msgs)
    assert any(m.startswith(f"{jl}:2:") and "malformed JSON" in m for m in msgs)
    assert any(m.startswith(f"{jl}:3:") and "'text'" in m for m in msgs)
    assert any(m.startswith(f"{nodir}:") and "no such file" in m for m in msgs)
    assert any(m.startswith(f"{emptydir}:") and "no articles found" in m for m in msgs)
    assert len(errs) == 7


def test_utf16_with_bom_and_crlf(tmp_path):
    f = tmp_path / "w.txt"
    f.write_bytes("Venezuela met China.\r\nSecond line.".encode("utf-16"))
    (d,), errs = run(f)
    assert not errs and d.text == "Venezuela met China.\nSecond line."


def test_broken_front_matter_reports_line(tmp_path):
    f = tmp_path / "fm.md"
    f.write_text("---\ntitle: ok\noutlet: [unclosed\n---\nText.")
    docs, errs = run(f)
    assert not docs and len(errs) == 1
    assert str(errs[0]).startswith(f"{f}:") and "front matter" in str(errs[0])
    bad_date = tmp_path / "date.md"
    bad_date.write_text("---\npublished: next tuesday-ish\n---\nText.")
    docs, errs = run(bad_date)
    assert not docs and "'published' is not a date" in str(errs[0])


def test_limits_refuse_oversized_and_gzip_bombs(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 5000)
    docs, errs = run(big, limits=Limits(max_document_bytes=10_000))
    assert not docs and "limit" in str(errs[0])
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb") as fh:
        fh.write(b'{"text": "' + b"a" * 5_000_000 + b'"}\n')
    docs, errs = run(bomb, limits=Limits(max_decompressed_ratio=10, decompressed_floor=100_000))
    assert not docs and "decompress" in str(errs[0])


def test_same_text_same_id_whatever_the_whitespace():
    a = Document(text="Russia and  Venezuela\nsigned.")
    b = Document(text="Russia and Venezuela signed.")
    assert a.doc_id == b.doc_id
    assert Document(text="Russia and Venezuela met.").doc_id != a.doc_id


def test_language_detected_and_non_english_not_coded(tmp_path, resources):
    from newsgraph.extract import extract_many

    es = tmp_path / "es.txt"
    es.write_text("Rusia y Venezuela firmaron un acuerdo de asociación estratégica el miércoles en Moscú, según informó la agencia estatal.")
    en = tmp_path / "en.txt"
    en.write_text("Russia and Venezuela signed a strategic partnership agreement in Moscow on Wednesday, the state news agency said.")
    meta = tmp_path / "meta.md"
    meta.write_text("---\nlanguage: fr\n---\nRussia and Venezuela signed a strategic partnership agreement in Moscow on Wednesday, officials said.")
    docs, errs = run(es, en, meta)
    assert not errs
    by = {d.source_path: d for d in docs}
    assert by[str(es)].language == "es" and by[str(en)].language == "en" and by[str(meta)].language == "fr"
    results = {r.document.source_path: r for r in extract_many(docs, resources)}
    assert results[str(en)].events
    assert not results[str(es)].events and "not coded" in results[str(es)].warnings[0]
    assert not results[str(meta)].events  # the metadata's word is taken over detection


PAGE = ("<html><head><title>Deal</title></head><body><article><p>Venezuela signed an oil agreement with China on Monday, "
        "officials said in Caracas.</p><p>The agreement covers exports of crude to Asian buyers over ten years.</p></article></body></html>")


def test_encodings_are_read_or_refused_with_a_message(tmp_path):
    """UTF-8 (with or without BOM) and UTF-16 with a BOM are read, whatever the format inside; Latin-1,
    Windows-1252 and BOM-less UTF-16 are refused saying what to do; newlines of any kind become \\n; NULs are refused."""
    import codecs

    files = {
        "u8bom.txt": codecs.BOM_UTF8 + "Venezuela met China.".encode(),
        "u16le.txt": "Venezuela met China.\r\nSecond.".encode("utf-16"),
        "u16be.txt": codecs.BOM_UTF16_BE + "Venezuela met China.\nSecond.".encode("utf-16-be"),
        "u16.html": PAGE.encode("utf-16"),
        "u16.jsonl": (json.dumps({"text": "Venezuela met China.", "title": "Caf\u00e9"}) + "\n").encode("utf-16"),
        "mixed.txt": b"Venezuela met China.\r\nSecond line.\rThird line.\nFourth.",
        "cp1252.txt": "He said \u201cno deal\u201d in Caracas".encode("cp1252"),
        "latin1.jsonl": b'{"text": "Venezuela met China."}\n{"text": "Caf\xe9 in Caracas"}\n',
        "u16nobom.txt": "Venezuela met China. Second line here.".encode("utf-16-le"),
        "nul.txt": b"Venezuela met China. " * 600 + b"\x00tail",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    items = {}
    for it in iter_inputs([str(tmp_path)]):
        key = os.path.basename(it.source_path if isinstance(it, Document) else it.path)
        items.setdefault(key, []).append(it)
    text = {k: [i.text for i in v if isinstance(i, Document)] for k, v in items.items()}
    errors = {k: [str(i) for i in v if isinstance(i, InputError)] for k, v in items.items()}
    assert text["u8bom.txt"] == ["Venezuela met China."]
    assert text["u16le.txt"] == text["u16be.txt"] == ["Venezuela met China.\nSecond."]
    assert text["u16.html"][0].startswith("Venezuela signed an oil agreement") and "<p>" not in text["u16.html"][0]
    assert text["u16.jsonl"] == ["Venezuela met China."] and items["u16.jsonl"][0].title == "Caf\u00e9"
    assert text["mixed.txt"] == ["Venezuela met China.\nSecond line.\nThird line.\nFourth."]
    assert text["latin1.jsonl"] == ["Venezuela met China."]
    assert "byte 0x93 at offset 8" in errors["cp1252.txt"][0] and "iconv -f WINDOWS-1252" in errors["cp1252.txt"][0]
    assert errors["latin1.jsonl"][0].startswith(f"{tmp_path / 'latin1.jsonl'}:2: not valid UTF-8")
    assert "UTF-16 text without a byte-order mark" in errors["u16nobom.txt"][0]
    assert "NUL characters" in errors["nul.txt"][0]
    assert sum(len(v) for v in errors.values()) == 4
