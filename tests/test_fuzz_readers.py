"""Property-based fuzzing of the readers: whatever the bytes, a Document or a clear InputError, never a crash.

Deterministic (derandomized) so CI is reproducible; the example counts keep
the whole file to a few seconds. Coverage-guided runs with atheris are a
separate, longer job (issue 11).
"""

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import InputError
from newsgraph.ingest import Limits, iter_inputs
from newsgraph.model import Document

SETTINGS = settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
SUFFIXES = st.sampled_from([".txt", ".md", ".html", ".jsonl", ".json", ".gz", ".jsonl.gz"])


def read_all(path):
    items = list(iter_inputs([str(path)], limits=Limits(max_document_bytes=200_000)))
    for it in items:
        assert isinstance(it, (Document, InputError)), type(it)
        if isinstance(it, Document):
            assert it.text.strip() and it.doc_id
        else:
            assert str(it).startswith(str(path)) and it.message
    return items


@SETTINGS
@given(data=st.binary(max_size=3000), suffix=SUFFIXES)
def test_any_bytes(tmp_path_factory, data, suffix):
    f = tmp_path_factory.mktemp("fz") / f"input{suffix}"
    f.write_bytes(data)
    read_all(f)


@SETTINGS
@given(data=st.binary(max_size=2000))
def test_any_gzip_payload(tmp_path_factory, data):
    f = tmp_path_factory.mktemp("fz") / "input.jsonl.gz"
    f.write_bytes(gzip.compress(data))
    read_all(f)


@SETTINGS
@given(front=st.text(max_size=300), body=st.text(max_size=500))
def test_any_front_matter(tmp_path_factory, front, body):
    f = tmp_path_factory.mktemp("fz") / "a.md"
    f.write_text(f"---\n{front}\n---\n{body}", encoding="utf-8")
    read_all(f)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["text", "title", "url", "outlet", "published", "x"]), inner, max_size=5),
    max_leaves=12,
)


@SETTINGS
@given(lines=st.lists(json_values, min_size=1, max_size=8))
def test_jsonl_every_nonblank_line_accounted_for(tmp_path_factory, lines):
    f = tmp_path_factory.mktemp("fz") / "a.jsonl"
    encoded = [json.dumps(v) for v in lines]
    f.write_text("\n".join(encoded) + "\n", encoding="utf-8")
    items = read_all(f)
    # one item per line: a document, or an error naming that line
    assert len(items) == len(encoded)
    for i, it in enumerate(items, start=1):
        if isinstance(it, InputError):
            assert it.line == i


@SETTINGS
@given(html=st.text(max_size=1500))
def test_any_html_like_text(tmp_path_factory, html):
    f = tmp_path_factory.mktemp("fz") / "p.html"
    f.write_text("<html><body>" + html + "</body></html>", encoding="utf-8")
    read_all(f)


def test_deeply_nested_json_is_an_error_not_a_crash(tmp_path):
    f = tmp_path / "deep.jsonl"
    f.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    items = read_all(f)
    assert len(items) == 1 and isinstance(items[0], InputError)


# ------------------------------------------------------------------ WARC, RSS/Atom, actor files, config
# The same targets the atheris harnesses run (fuzz/targets.py): each checks the reader's contract itself.
import sys  # noqa: E402

import pytest  # noqa: E402

from .conftest import ROOT  # noqa: E402

sys.path.insert(0, str(ROOT / "fuzz"))
import targets as fuzz_targets  # noqa: E402


def _mutated(seed_bytes: bytes):
    """Seeds of a format with bytes cut, repeated or replaced at drawn places: near-valid input, where parsers break."""
    return st.tuples(st.integers(0, len(seed_bytes)), st.integers(0, 200), st.binary(max_size=60), st.integers(1, 3)).map(
        lambda t: seed_bytes[: t[0]] + t[2] * t[3] + seed_bytes[t[0] + t[1]:])


def _seeded(name):
    return st.one_of(*(_mutated(s) for s in fuzz_targets.SEEDS[name]), st.binary(max_size=600))


@SETTINGS
@given(data=_seeded("warc"))
def test_any_warc_bytes(data):
    fuzz_targets.warc(data)


@SETTINGS
@given(data=_seeded("feed"))
def test_any_feed_bytes(data):
    fuzz_targets.feed(data)


@SETTINGS
@given(data=_seeded("registry"))
def test_any_actor_file(data):
    fuzz_targets.registry(data)


@SETTINGS
@given(data=_seeded("config"))
def test_any_config_file(data):
    fuzz_targets.config(data)


@SETTINGS
@given(fields=st.dictionaries(st.sampled_from(["seconds_per_document", "max_json_depth", "max_line_bytes", "files", "other"]),
                              st.one_of(st.integers(-5, 10**9), st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=8),
                                        st.booleans()), max_size=4))
def test_any_limits_table(tmp_path_factory, fields):
    import json as _json

    body = "\n".join(f"{k} = {_json.dumps(v)}" for k, v in fields.items() if not isinstance(v, bool)) + "\n"
    fuzz_targets.config(("[limits]\n" + body).encode())


@pytest.fixture(scope="module")
def stored_base(tmp_path_factory, resources):
    from newsgraph import api

    base = str(tmp_path_factory.mktemp("base") / "base.duckdb")
    api.ingest([str(ROOT / "examples" / "corpus")], db=base, resources=resources, workers=0)
    return base, _snapshot(base)


@settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.one_of(*(_mutated(s) for name in ("text", "jsonl", "feed", "html") for s in fuzz_targets.SEEDS[name])),
       suffix=SUFFIXES)
def test_ingesting_hostile_bytes_never_changes_what_is_stored(tmp_path_factory, resources, stored_base, data, suffix):
    """Whatever one input holds, ingest reports it or stores it: the rows already stored stay as they were and the store passes check."""
    import shutil

    from newsgraph import api

    base, snapshot = stored_base
    db = str(tmp_path_factory.mktemp("fz") / "s.duckdb")
    shutil.copy(base, db)
    f = tmp_path_factory.mktemp("fz") / f"input{suffix}"
    f.write_bytes(data[1:] if suffix.endswith("jsonl") else data)
    report = api.ingest([str(f)], db=db, resources=resources, workers=0)
    assert report.failed == len(report.errors) and all(str(e).startswith(str(f)) for e in report.errors)
    assert _snapshot(db, only=snapshot.keys()) == snapshot
    assert api.check(db) == []


def _snapshot(db, only=None):
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        ids = only or [r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()]
        return {d: con.execute("SELECT md5(string_agg(e::VARCHAR, '|' ORDER BY event_id)) FROM events e WHERE doc_id = ?", [d]).fetchone()[0]
                + str(con.execute("SELECT n_events, text FROM documents WHERE doc_id = ?", [d]).fetchone())
                for d in ids}
    finally:
        con.close()
