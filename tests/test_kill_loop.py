"""kill -9 at random points of `newsgraph ingest`, 8 times over: the store always opens and passes `check`, and the
run that finishes stores each document once with the same events as an uninterrupted run. (bench/kill_loop.py is
the longer version.)"""

import sys

from newsgraph import api

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import corpus as bench_corpus  # noqa: E402
import kill_loop  # noqa: E402


def test_kill_9_at_random_points_never_breaks_the_store(tmp_path, resources):
    src = str(tmp_path / "news.jsonl")
    bench_corpus.write(src, 16, seed=5, median_words=150)
    ref = str(tmp_path / "ref.duckdb")
    api.ingest([src], db=ref, resources=resources, workers=0, batch_size=2)
    # kills spread over start-up and the coding of a few batches, timed on this machine however loaded it is
    windows = kill_loop.time_runs(src, str(tmp_path / "timed"), 16, 8)
    out = kill_loop.kill_loop(src, str(tmp_path / "killed.duckdb"), 16, runs=8, seed=3, windows=windows, reference_db=ref, log=lambda _: None)
    assert out["failures"] == 0, out["failure_details"]
    assert out["killed"] >= 4, out
    counts = out["documents_after_each_kill"]
    assert counts == sorted(counts)  # nothing stored is ever lost
    assert out["final_returncode"] == 0, out["final_summary"]
    assert out["final_each_document_once"] and out["final_check_problems"] == []
    assert out["final_events_equal_reference"]
    assert out["documents_after_each_kill"][-1] > 0  # some kills came after batches were stored
