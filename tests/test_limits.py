"""Limits on hostile input: the per-document time limit (in this process and in the worker pool, where a hung
worker is killed), nesting depth of JSON and HTML, line length, and limits read from newsgraph.toml."""

import dataclasses
import json
import signal
import time

import duckdb
import pytest

from newsgraph import api
from newsgraph.engines import extract_batch
from newsgraph.engines.local import LocalEngine
from newsgraph.errors import DataFileError, InputError
from newsgraph.ingest import Limits, configured_limits, iter_inputs
from newsgraph.model import Document

from .conftest import EXAMPLES

SOFT = "HANG-IN-PYTHON"  # a document whose parse loops in Python code: the SIGALRM limit interrupts it
HARD = "HANG-IN-C"  # one whose parse blocks SIGALRM and sleeps, like C code that never returns to Python


class HangingNLP:
    """The real spaCy pipeline, except that texts with a marker never finish parsing."""

    def __init__(self, nlp):
        self._nlp = nlp

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def pipe(self, items, as_tuples=False, **kw):
        def checked():
            for item in items:
                text = item[0] if as_tuples else item
                if HARD in text:
                    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
                    time.sleep(3600)
                if SOFT in text:
                    while True:
                        time.sleep(0.01)
                yield item

        return self._nlp.pipe(checked(), as_tuples=as_tuples, **kw)


def hanging_resources():
    from newsgraph.extract import default_resources

    res = default_resources()
    return dataclasses.replace(res, nlp=HangingNLP(res.nlp))


def _docs(n, marker=None, at=None, path="feed.jsonl", short=False):
    texts = [f.read_text().split("---", 2)[-1] for f in sorted(EXAMPLES.glob("*.md"))]
    if short:  # one paragraph each: well inside a 2-second wall-clock limit even on a machine loaded tenfold
        texts = [t.strip().split("\n\n")[0] for t in texts]
    docs = [Document(text=texts[i % len(texts)] + f"\n\nItem {i}.", source_path=path, source_line=i + 1, language="en") for i in range(n)]
    if marker:
        docs[at] = Document(text=f"Venezuela signed a deal with Russia. {marker}", source_path=path, source_line=at + 1, language="en")
    return docs


def test_time_limit_in_this_process_rejects_only_the_slow_document():
    res = hanging_resources()
    docs = _docs(4, SOFT, at=2, short=True)
    t0 = time.monotonic()
    out = extract_batch(docs, res, time_limit=2)
    elapsed = time.monotonic() - t0
    assert [r.document.source_line for r in out.results] == [1, 2, 4]
    (err,) = out.errors
    assert err.path == "feed.jsonl" and err.line == 3 and "2-second limit" in err.message
    # the batch pass and the one-by-one retry each give the slow document its 2 s, no more
    assert elapsed < 20
    # the limit left no timer behind
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_time_limit_through_ingest_stores_nothing_of_the_rejected_document(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(EXAMPLES.glob("*.md"))[:2]:  # the header and first paragraph: quick even on a loaded machine
        head, body = f.read_text().rsplit("---", 1)
        (src / f.name).write_text(head + "---\n\n" + body.strip().split("\n\n")[0] + "\n")
    (src / "slow.txt").write_text(f"Venezuela signed an oil deal with China on Monday. {SOFT}\n")
    errors = []
    db = str(tmp_path / "t.duckdb")
    report = api.ingest([str(src)], db=db, resources=hanging_resources(), workers=0, time_limit=1.5, on_error=errors.append)
    assert report.stored == 2 and report.failed == 1
    assert errors[0].path.endswith("slow.txt") and "1.5-second limit" in errors[0].message
    con = duckdb.connect(db, read_only=True)
    assert con.execute("select count(*) from documents where source_path like '%slow.txt'").fetchone()[0] == 0
    assert con.execute("select count(*) from events e join documents d using (doc_id) where d.source_path like '%slow.txt'").fetchone()[0] == 0
    con.close()
    assert api.check(db) == []


def test_a_hung_worker_is_killed_and_the_run_goes_on():
    """A document that hangs where SIGALRM cannot reach: the parent kills the pool, isolates the document, rejects it."""
    docs = _docs(9, HARD, at=4, short=True)
    batches = [docs[0:3], docs[3:6], docs[6:9]]
    engine = LocalEngine(2, loader=hanging_resources, time_limit=2, hang_grace=5, recycle_after=None)
    t0 = time.monotonic()
    with engine:
        outs = list(engine.map(batches))
    elapsed = time.monotonic() - t0
    results = [r for o in outs for r in o.results]
    errors = [e for o in outs for e in o.errors]
    assert sorted(r.document.source_line for r in results) == [1, 2, 3, 4, 6, 7, 8, 9]
    (err,) = errors
    assert err.line == 5 and "2-second limit" in err.message
    assert engine.hung_restarts == 2  # the stuck batch, then the stuck document alone
    assert elapsed < 240


def test_limits_come_from_the_config_file_and_the_command_line(tmp_path, monkeypatch):
    cfg = tmp_path / "newsgraph.toml"
    cfg.write_text("[limits]\nseconds_per_document = 5\nmax_json_depth = 8\n")
    monkeypatch.setenv("NEWSGRAPH_CONFIG", str(cfg))
    lim = configured_limits()
    assert (lim.seconds_per_document, lim.max_json_depth, lim.max_line_bytes) == (5, 8, Limits().max_line_bytes)
    assert configured_limits(seconds_per_document=0.5).seconds_per_document == 0.5
    cfg.write_text("[limits]\nmax_json_dept = 8\n")
    with pytest.raises(DataFileError, match="max_json_dept: unknown limit"):
        configured_limits()
    cfg.write_text("[limits]\nmax_line_bytes = -1\n")
    with pytest.raises(DataFileError, match="max_line_bytes must be a number >= 0"):
        configured_limits()


def _read(tmp_path, name, data, **limits):
    f = tmp_path / name
    f.write_bytes(data) if isinstance(data, bytes) else f.write_text(data)
    return list(iter_inputs([str(f)], limits=Limits(**limits)))


def test_json_nesting_over_the_limit_is_refused_by_line(tmp_path):
    ok = {"text": "Venezuela signed a deal with Russia.", "x": [[[1]]]}
    deep = {"text": "Venezuela signed a deal with Russia.", "x": json.loads("[" * 20 + "]" * 20)}
    items = _read(tmp_path, "a.jsonl", json.dumps(ok) + "\n" + json.dumps(deep) + "\n", max_json_depth=10)
    assert isinstance(items[0], Document)
    assert isinstance(items[1], InputError) and items[1].line == 2 and "max_json_depth" in items[1].message
    items = _read(tmp_path, "a.json", json.dumps([deep]), max_json_depth=10)
    assert len(items) == 1 and "max_json_depth" in items[0].message


def test_html_nesting_over_the_limit_is_refused_quickly(tmp_path):
    page = "<html><body>" + "<div>" * 200_000 + "Venezuela signed a deal." + "</div>" * 200_000 + "</body></html>"
    t0 = time.process_time()
    (item,) = _read(tmp_path, "deep.html", page)
    assert isinstance(item, InputError) and "max_html_depth" in item.message and item.path.endswith("deep.html")
    assert time.process_time() - t0 < 5
    # unclosed paragraphs and list items are not nesting
    flat = "<html><body><article>" + "<p>Venezuela signed a deal with Russia on oil." * 2000 + "</article></body></html>"
    (item,) = _read(tmp_path, "flat.html", flat)
    assert isinstance(item, Document)


def test_jsonl_line_limit_is_its_own_bound(tmp_path):
    line = json.dumps({"text": "Venezuela signed a deal with Russia. " * 50})
    items = _read(tmp_path, "b.jsonl", line + "\n" + line[:100] + "\n", max_line_bytes=1000)
    assert isinstance(items[0], InputError) and items[0].line == 1 and "max_line_bytes" in items[0].message
    assert isinstance(items[1], InputError) and items[1].line == 2 and "malformed JSON" in items[1].message
    items = _read(tmp_path, "c.jsonl", line + "\n", max_line_bytes=10_000, max_document_bytes=1000)
    assert isinstance(items[0], Document)
