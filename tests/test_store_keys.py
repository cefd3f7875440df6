"""The rows the stored queries read instead of scanning — ``cluster_keys`` and ``event_actors.day`` — stay in step
with what they are derived from: after a first and an incremental merge, `merge --rebuild`, `repair`, in Parquet
stores, and in stores written by schema 1 (read as they are, upgraded when opened for writing)."""

import shutil
from collections import defaultdict

import duckdb
import pytest

from newsgraph import api
from newsgraph.store import SCHEMA_VERSION, Store, write_parquet_shard
from newsgraph.web import data

from .conftest import EXAMPLES

FILES = sorted(EXAMPLES.iterdir())


def _con(db):
    return duckdb.connect(db, read_only=True)


def expected_keys(db) -> list[tuple]:
    """cluster_keys recomputed here from its definition: for each cluster, its members' block keys and their actors' ids,
    with the cluster's day (its date, else the first publication that reported it)."""
    con = _con(db)
    try:
        actor_ids = defaultdict(set)
        for event_id, actor_id in con.execute("SELECT event_id, actor_id FROM event_actors WHERE actor_id IS NOT NULL").fetchall():
            actor_ids[event_id].add(actor_id)
        day = {c: d or first for c, d, first in con.execute("SELECT cluster_id, date, first_seen FROM clusters").fetchall()}
        rows = set()
        for cluster_id, event_id, keys in con.execute("SELECT cluster_id, event_id, keys FROM cluster_members").fetchall():
            for k in set(keys) | actor_ids[event_id]:
                rows.add((k, cluster_id, day[cluster_id]))
        return sorted(rows)
    finally:
        con.close()


def stored_keys(db) -> list[tuple]:
    con = _con(db)
    try:
        return sorted(con.execute("SELECT key, cluster_id, day FROM cluster_keys").fetchall())
    finally:
        con.close()


def wrong_days(db) -> int:
    con = _con(db)
    try:
        return con.execute("""SELECT count(*) FROM event_actors a JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
                              WHERE a.day IS DISTINCT FROM coalesce(e.date, d.published)""").fetchone()[0]
    finally:
        con.close()


def answers(db) -> dict:
    """What the commands and the actor page built on the derived rows answer."""
    with Store(db, read_only=True) as s:
        page = data.actor(s, "VEN")
    return {
        "timeline": [api.timeline(db=db, actor=a) for a in ("Venezuela", "Rosneft", "PDVSA")],
        "timeline_limit": api.timeline(db=db, actor="Venezuela", limit=2),
        "dyad": [api.dyad(db=db, a=a, b=b) for a, b in (("VEN", "RUS"), ("VEN", "USA"), ("Rosneft", "PDVSA"))],
        "actor_page": (page["events"], [e["id"] for e in page["timeline"]]),
    }


@pytest.fixture(scope="module")
def merged(tmp_path_factory, resources):
    """The demo corpus stored in two ingests: the second's reports of the Moscow treaty join a cluster of the first."""
    db = str(tmp_path_factory.mktemp("keys") / "keys.duckdb")
    first = [f for f in FILES if f.name.startswith(("01", "04"))]
    report = api.ingest([str(f) for f in first], db=db, resources=resources, workers=0)
    assert report.failed == 0 and report.clusters > 0
    assert stored_keys(db) == expected_keys(db)
    con = _con(db)
    before = {r[0] for r in con.execute("SELECT cluster_id FROM clusters").fetchall()}
    con.close()
    report = api.ingest([str(f) for f in FILES if f not in first], db=db, resources=resources, workers=0)
    assert report.failed == 0
    con = _con(db)
    grown = con.execute("SELECT count(*) FROM clusters c WHERE num_docs > 1 AND EXISTS (SELECT 1 FROM cluster_members m JOIN documents d "
                        "USING (doc_id) WHERE m.cluster_id = c.cluster_id AND d.source_path LIKE '%01_moscow%')").fetchone()[0]
    after = {r[0] for r in con.execute("SELECT cluster_id FROM clusters").fetchall()}
    con.close()
    assert grown > 0 and before - after  # a cluster of the first ingest was rewritten, some ids went away
    return db


def test_incremental_merge_keeps_the_keys_and_days_in_step(merged):
    keys = stored_keys(merged)
    assert keys == expected_keys(merged)
    assert len({(k, c) for k, c, _ in keys}) == len(keys)  # one row per key and cluster
    assert wrong_days(merged) == 0
    assert api.check(merged) == []
    con = _con(merged)
    in_storage_order = [r[0] for r in con.execute("SELECT key FROM cluster_keys ORDER BY rowid").fetchall()]
    con.close()
    # the first merge wrote the table sorted by key, the second appended its rows sorted among themselves
    assert sum(b < a for a, b in zip(in_storage_order, in_storage_order[1:])) <= 1


def test_rebuild_writes_the_same_rows_sorted_by_key(tmp_path, merged):
    db = str(tmp_path / "rebuilt.duckdb")
    shutil.copy(merged, db)
    api.merge(db, rebuild=True)
    assert stored_keys(db) == expected_keys(db) == stored_keys(merged)
    con = _con(db)
    in_storage_order = [r[0] for r in con.execute("SELECT key FROM cluster_keys ORDER BY rowid").fetchall()]
    con.close()
    assert in_storage_order == sorted(in_storage_order)  # what lets DuckDB skip the row groups of other keys
    assert answers(db) == answers(merged)
    assert day_order_breaks(db) == (0, 0)  # a rebuild stores every cluster and its members in day order


def day_order_breaks(db) -> tuple[int, int]:
    """Where the clusters, and the members by their cluster's day, go back in time in storage order."""
    con = _con(db)
    try:
        day = "coalesce(c.date, c.first_seen)"
        clusters = [r[0] for r in con.execute(f"SELECT {day} FROM clusters c ORDER BY c.rowid").fetchall()]
        members = [r[0] for r in con.execute(f"SELECT {day} FROM cluster_members m JOIN clusters c USING (cluster_id) ORDER BY m.rowid").fetchall()]
    finally:
        con.close()
    return tuple(sum(b < a for a, b in zip(days, days[1:])) for days in (clusters, members))


def test_merges_store_clusters_in_day_order(merged):
    # two ingests, two merges: the second appends the clusters it wrote, in day order among themselves
    clusters, members = day_order_breaks(merged)
    assert clusters <= 1 and members <= 1
    con = _con(merged)
    n, span = con.execute("SELECT count(*), max(date) - min(date) FROM clusters").fetchone()
    con.close()
    assert n > 20 and span > 30  # enough clusters over enough days for the order to mean something


def test_check_finds_keys_and_days_out_of_step_and_repair_rebuilds_them(tmp_path, merged):
    db = str(tmp_path / "broken.duckdb")
    shutil.copy(merged, db)
    con = duckdb.connect(db)
    con.execute("DELETE FROM cluster_keys WHERE key = 'RUS'")
    con.execute("INSERT INTO cluster_keys VALUES ('XXX', 'c-gone', DATE '2020-01-01')")
    con.execute("UPDATE event_actors SET day = DATE '1999-01-01' WHERE event_id = (SELECT min(event_id) FROM event_actors)")
    con.close()
    problems = api.check(db)
    assert any("cluster key rows out of step" in p for p in problems), problems
    assert any("event actor rows whose day differs" in p for p in problems), problems
    fixed = api.repair(db)
    assert fixed["cluster key rows out of step, rebuilt"] >= 1
    assert fixed["event actor rows whose day was set from their event"] >= 1
    assert api.check(db) == []
    assert stored_keys(db) == expected_keys(db) == stored_keys(merged)
    assert wrong_days(db) == 0
    con = duckdb.connect(db)  # as many rows as there should be, one of them wrong
    con.execute("UPDATE cluster_keys SET day = coalesce(day, DATE '2000-01-01') + 1 WHERE cluster_id = (SELECT min(cluster_id) FROM cluster_keys)")
    con.close()
    assert any("cluster key rows out of step" in p for p in api.check(db))


def _as_schema_1(db):
    """The store as schema 1 wrote it: no cluster_keys table, no event_actors.day."""
    con = duckdb.connect(db)
    con.execute("DROP TABLE cluster_keys")
    con.execute("DROP INDEX event_actors_actor")
    con.execute("DROP INDEX event_actors_event")
    con.execute("ALTER TABLE event_actors DROP COLUMN day")
    con.execute("CREATE INDEX event_actors_actor ON event_actors (actor_id)")
    con.execute("CREATE INDEX event_actors_event ON event_actors (event_id)")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()


def test_a_schema_1_store_reads_the_same_and_is_upgraded_when_opened_for_writing(tmp_path, merged):
    db = str(tmp_path / "old.duckdb")
    shutil.copy(merged, db)
    _as_schema_1(db)
    assert api.check(db) == []  # read-only: nothing to check the missing rows against
    assert answers(db) == answers(merged)  # read through the SELECTs that derive them
    with Store(db):
        pass
    con = _con(db)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == SCHEMA_VERSION
    con.close()
    assert stored_keys(db) == expected_keys(db) == stored_keys(merged)
    assert wrong_days(db) == 0
    assert api.check(db) == []


def test_parquet_shards_with_and_without_days_read_and_load_with_them(tmp_path, resources):
    from newsgraph.extract import extract_many
    from newsgraph.ingest import iter_inputs

    results = list(extract_many(list(iter_inputs([str(EXAMPLES)])), resources))
    root = str(tmp_path / "shards")
    write_parquet_shard(root, "new", results[:3])
    write_parquet_shard(root, "old", results[3:])
    old = str(tmp_path / "shards" / "event_actors" / "old.parquet")  # as schema 1 wrote it: no day column
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * EXCLUDE (day) FROM read_parquet('{old}')) TO '{old}.tmp' (FORMAT parquet)")
    con.close()
    shutil.move(old + ".tmp", old)
    ref = str(tmp_path / "ref.duckdb")
    with Store(ref) as s:
        s.write(results)
    assert wrong_days(ref) == 0
    with Store(root, read_only=True) as pq, Store(ref, read_only=True) as r:
        assert data.events_page(pq, actor_ids=["VEN"], size=500) == data.events_page(r, actor_ids=["VEN"], size=500)
    loaded = str(tmp_path / "loaded.duckdb")
    with Store(loaded) as s:
        assert s.load_parquet(root) == len(results)
    assert wrong_days(loaded) == 0
