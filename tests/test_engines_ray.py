"""The Ray engine gives the same events as the local engine, loaded into DuckDB or left as a Parquet store.

Skipped when Ray is not installed (it is an optional extra: pip install 'newsgraph[ray]').
"""

import pytest

ray = pytest.importorskip("ray")

from newsgraph import api  # noqa: E402
from newsgraph.store import Store  # noqa: E402

from .test_engines import integrity, reference_db, small_corpus, stored_events  # noqa: E402,F401


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=3, include_dashboard=False, logging_level="WARNING", log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_engine_gives_the_same_events_as_the_local_engine(tmp_path, local_ray, small_corpus, reference_db):
    db = tmp_path / "ray.duckdb"
    report = api.ingest([str(small_corpus)], engine="ray", workers=2, batch_size=4, db=str(db))
    assert (report.read, report.stored, report.failed) == (24, 24, 0)
    assert stored_events(str(db)) == stored_events(reference_db)
    assert all(v == 0 for v in integrity(str(db)).values())
    assert not (tmp_path / "ray.duckdb.shards").exists()  # loaded, then removed
    again = api.ingest([str(small_corpus)], engine="ray", workers=2, batch_size=4, db=str(db))
    assert (again.stored, again.skipped) == (0, 24)
    with Store(str(db), read_only=True) as s:
        assert s.counts()["documents"] == 24


def test_ray_engine_can_leave_a_parquet_store(tmp_path, local_ray, small_corpus, reference_db):
    shards = tmp_path / "shards"
    report = api.ingest([str(small_corpus)], engine="ray", workers=1, batch_size=6, parquet=str(shards))
    assert (report.read, report.stored, report.failed) == (24, 24, 0)
    assert stored_events(str(shards)) == stored_events(reference_db)  # the Parquet directory read as a store
