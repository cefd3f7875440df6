"""The store: one DuckDB file holding documents, events, actors in events, mentions, quantities and framing.

Writes are transactional per batch of documents: a document is stored with
all its events or not at all, so a killed run leaves no half-written
document, and re-running skips what is already there (content hash).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import duckdb

from .errors import StoreError
from .framing.store_rows import framing_rows
from .model import DocResult
from .quantities.attach import is_claim

DEFAULT_DB = "newsgraph.duckdb"
SCHEMA_VERSION = "2"  # 2: event_actors.day and the cluster_keys table (see Store._migrate_from_1)

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, outlet_source VARCHAR, title VARCHAR,
        published DATE, published_source VARCHAR, published_earliest DATE, published_latest DATE, published_reason VARCHAR,
        language VARCHAR, source_path VARCHAR, source_line INTEGER, text VARCHAR,
        n_sentences INTEGER, n_events INTEGER, ingested_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS events (
        event_id VARCHAR PRIMARY KEY, doc_id VARCHAR NOT NULL, type VARCHAR, mode VARCHAR, context VARCHAR, cameo VARCHAR,
        date DATE, date_precision VARCHAR, date_text VARCHAR, factuality VARCHAR, attribution VARCHAR,
        evidence VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
        trigger VARCHAR, trigger_start INTEGER, trigger_end INTEGER,
        confidence DOUBLE, location VARCHAR, sentence INTEGER,
        source_json VARCHAR, target_json VARCHAR, quantities_json VARCHAR,
        date_end DATE, date_value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS event_actors (
        event_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, role VARCHAR, pos INTEGER,
        actor_id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR, text VARCHAR, provisional BOOLEAN,
        day DATE)""",  # the event's day (its date, else its document's publication date): an actor's events paged without reading events
    """CREATE TABLE IF NOT EXISTS mentions (
        doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, text VARCHAR, how VARCHAR, sentence INTEGER,
        actor_id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR, provisional BOOLEAN)""",
    """CREATE TABLE IF NOT EXISTS quantities (
        doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, text VARCHAR, value DOUBLE, unit VARCHAR,
        normalized_value DOUBLE, normalized_unit VARCHAR, qualifier VARCHAR, measure VARCHAR, change VARCHAR)""",
    # quantities attached to an actor or an event: what a source claims (see newsgraph.claims)
    """CREATE TABLE IF NOT EXISTS claims (
        doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, text VARCHAR, kind VARCHAR,
        value DOUBLE, value_max DOUBLE, unit VARCHAR, unit_text VARCHAR, qualifier VARCHAR, change VARCHAR, measure VARCHAR,
        subject_json VARCHAR, subject_text VARCHAR, counterpart_json VARCHAR, counterpart_text VARCHAR,
        time_text VARCHAR, date DATE, date_precision VARCHAR, factuality VARCHAR, event_id VARCHAR, sentence INTEGER, evidence VARCHAR)""",

    # framing (newsgraph/framing): how each document names and judges each actor, and how its outlet was known
    """CREATE TABLE IF NOT EXISTS descriptors (
        doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, sentence INTEGER, text VARCHAR, form VARCHAR, kind VARCHAR,
        actor_id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, actor_kind VARCHAR, via VARCHAR, loaded_json VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS mention_tone (
        doc_id VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER, sentence INTEGER, text VARCHAR,
        actor_id VARCHAR, name VARCHAR, country VARCHAR, sector VARCHAR, actor_kind VARCHAR, via VARCHAR,
        tone DOUBLE, label VARCHAR, words_json VARCHAR, loaded_json VARCHAR, evidence VARCHAR)""",
    "CREATE TABLE IF NOT EXISTS document_outlets (doc_id VARCHAR PRIMARY KEY, outlet VARCHAR, outlet_source VARCHAR, how VARCHAR, evidence VARCHAR)",

    # the corpus stage (newsgraph.merge): one row per cluster of event mentions, one per member mention
    """CREATE TABLE IF NOT EXISTS clusters (
        cluster_id VARCHAR PRIMARY KEY, component_id VARCHAR, type VARCHAR, mode VARCHAR, context VARCHAR, cameo VARCHAR,
        relation VARCHAR, quad_class INTEGER, goldstein DOUBLE, date DATE, date_precision VARCHAR, date_lo DATE, date_hi DATE,
        source_json VARCHAR, target_json VARCHAR, factuality VARCHAR, canonical_event_id VARCHAR, evidence VARCHAR,
        num_mentions INTEGER, num_sources INTEGER, num_docs INTEGER, outlets_json VARCHAR, first_seen DATE, last_seen DATE,
        disagreements_json VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS cluster_members (
        event_id VARCHAR PRIMARY KEY, cluster_id VARCHAR NOT NULL, component_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL,
        type_key VARCHAR, date_lo DATE, date_hi DATE, salience DOUBLE, is_main BOOLEAN, keys VARCHAR[])""",
    # one row per (node key or actor id, cluster) of the clusters' members, with the cluster's day: the clusters of an
    # actor or a dyad found without scanning every cluster (derived from the two tables above, see _CLUSTER_KEY_SELECT)
    "CREATE TABLE IF NOT EXISTS cluster_keys (key VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL, day DATE)",
    "CREATE INDEX IF NOT EXISTS cluster_members_cluster ON cluster_members (cluster_id)",
    "CREATE INDEX IF NOT EXISTS cluster_members_component ON cluster_members (component_id)",
    "CREATE INDEX IF NOT EXISTS event_actors_actor ON event_actors (actor_id)",
    "CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors (event_id)",
    "CREATE INDEX IF NOT EXISTS events_doc ON events (doc_id)",
]

_LOCK_HINT = re.compile(r"lock|being used|Conflicting", re.IGNORECASE)

# Tables written per document (by Store.write and into Parquet shards), documents first.
TABLES = ("documents", "events", "event_actors", "mentions", "quantities", "claims", "descriptors", "mention_tone", "document_outlets")
# Tables a Parquet store may hold several copies of a row in (a document read twice in one distributed run),
# with the key that identifies a row; the rest are deduplicated whole.
_PARQUET_KEYS = {"documents": "doc_id", "events": "event_id", "document_outlets": "doc_id"}


# The day each event is filed under (its date, else its document's publication date), as event_actors.day holds it.
_EVENT_DAYS = "SELECT e.event_id, coalesce(e.date, d.published) AS day FROM events e JOIN documents d ON d.doc_id = e.doc_id"
# What cluster_keys holds, derived from the clusters and their members: for each cluster, the block keys its members
# were merged on (their participants' node keys, see merge.block_keys) and its members' actor ids, with the day the
# cluster is filed under (graph.event_day). {only} restricts it to some clusters (see write_cluster_keys).
# The day a cluster is filed under, in SQL over ``clusters c`` (graph.event_day in Python): its date, else the first
# publication that reported it. The key table's days, the timeline's window and the order clusters are stored in.
CLUSTER_DAY = "coalesce(c.date, c.first_seen)"
_CLUSTER_KEY_SELECT = "SELECT DISTINCT k.key, k.cluster_id, " + CLUSTER_DAY + """ AS day FROM (
        SELECT cluster_id, unnest(keys) AS key FROM cluster_members{only}
        UNION ALL SELECT cm.cluster_id, ea.actor_id FROM cluster_members cm JOIN event_actors ea ON ea.event_id = cm.event_id{only_cm}
    ) k JOIN clusters c ON c.cluster_id = k.cluster_id WHERE k.key IS NOT NULL{only_c}"""
_CLUSTER_KEY_ROWS = _CLUSTER_KEY_SELECT.format(only="", only_cm="", only_c="")
# event_actors with the days a store or shards written before the column lack (see Store.source)
# The stored rows against the derived ones by count and a sum of row hashes (a set difference of 3.6M rows at 1M
# events took 8.5 s CPU, this 2 s): how many rows too many or too few, else 1 if the rows differ, else 0.
_CLUSTER_KEYS_OUT_OF_STEP = f"""SELECT CASE WHEN s.n <> d.n THEN abs(s.n - d.n) WHEN s.h IS DISTINCT FROM d.h THEN 1 ELSE 0 END FROM
    (SELECT count(*) AS n, sum(hash(key, cluster_id, day)) AS h FROM cluster_keys) s,
    (SELECT count(*) AS n, sum(hash(key, cluster_id, day)) AS h FROM ({_CLUSTER_KEY_ROWS})) d"""
_DAYS_FROM_EVENTS = (f"(SELECT a.*, x.day FROM (SELECT COLUMNS(lambda c: c <> 'day') FROM event_actors) a "
                     f"LEFT JOIN ({_EVENT_DAYS}) x ON x.event_id = a.event_id)")

_ACTOR_ROWS_WRONG = """json_array_length(coalesce(e.source_json, '[]')) + json_array_length(coalesce(e.target_json, '[]'))
    <> (SELECT count(*) FROM event_actors a WHERE a.event_id = e.event_id)"""
_N_EVENTS_WRONG = ("SELECT {select} FROM documents d WHERE d.n_events IS DISTINCT FROM "
                   "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)")
# Rows that belong to a document (or event) that is no longer stored.
_PER_DOCUMENT = {"events": "events", "event_actors": "event actor rows", "mentions": "mentions", "quantities": "quantities", "claims": "claims",
                 "descriptors": "descriptors", "mention_tone": "mention tone rows", "document_outlets": "document outlet rows",
                 "cluster_members": "cluster members"}
_ORPHAN_DELETES = [
    *((f"{label} whose document is missing", f"DELETE FROM {t} WHERE doc_id NOT IN (SELECT doc_id FROM documents)") for t, label in _PER_DOCUMENT.items()),
    ("event actor rows whose event is missing", "DELETE FROM event_actors WHERE event_id NOT IN (SELECT event_id FROM events)"),
    ("cluster members whose event is missing", "DELETE FROM cluster_members WHERE event_id NOT IN (SELECT event_id FROM events)"),
]
_INTEGRITY_CHECKS = [
    *((f"{label} whose document is missing", f"SELECT count(*) FROM {t} x WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.doc_id = x.doc_id)")
      for t, label in _PER_DOCUMENT.items()),
    ("event actors whose event is missing", "SELECT count(*) FROM event_actors a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = a.event_id)"),
    ("documents whose n_events differs from their stored events", _N_EVENTS_WRONG.format(select="count(*)")),
    ("duplicate event ids", "SELECT count(*) - count(DISTINCT event_id) FROM events"),
    ("duplicate document ids", "SELECT count(*) - count(DISTINCT doc_id) FROM documents"),
    ("events whose actor rows differ from their source/target lists", f"SELECT count(*) FROM events e WHERE {_ACTOR_ROWS_WRONG}"),
    ("cluster members whose event is missing",
     "SELECT count(*) FROM cluster_members m WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = m.event_id)"),
    ("cluster members whose cluster is missing",
     "SELECT count(*) FROM cluster_members m WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.cluster_id = m.cluster_id)"),
    ("clusters without members", "SELECT count(*) FROM clusters c WHERE NOT EXISTS (SELECT 1 FROM cluster_members m WHERE m.cluster_id = c.cluster_id)"),
    ("clusters whose mention or document counts differ from their members",
     """SELECT count(*) FROM clusters c JOIN (SELECT cluster_id, count(*) AS n, count(DISTINCT doc_id) AS docs FROM cluster_members GROUP BY cluster_id) m
        USING (cluster_id) WHERE c.num_mentions <> m.n OR c.num_docs <> m.docs"""),
    ("event actor rows whose day differs from their event's",
     f"SELECT count(*) FROM event_actors a JOIN ({_EVENT_DAYS}) x ON x.event_id = a.event_id WHERE a.day IS DISTINCT FROM x.day"),
    ("cluster key rows out of step with the clusters", _CLUSTER_KEYS_OUT_OF_STEP),
    ("clusters whose canonical event is missing",
     "SELECT count(*) FROM clusters c WHERE c.canonical_event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = c.canonical_event_id)"),
]


WRITER_WAITING_SUFFIX = ".writer-waiting"
WRITER_WAITING_FRESH_S = 3.0  # a waiting writer touches its file at least every second; an older file is a killed run's


def _announce_writer(path: str) -> str | None:
    """Touch ``PATH.writer-waiting``: readers that hold the store open for long (the web server) close it for us."""
    intent = path + WRITER_WAITING_SUFFIX
    try:
        with open(intent, "a", encoding="utf-8"):
            pass
        os.utime(intent)
        return intent
    except OSError:
        return None  # a read-only directory: the writer just waits


def writer_waiting(path: str) -> bool:
    """Whether a writer is waiting for this store (see ``_announce_writer``)."""
    try:
        return time.time() - os.stat(path + WRITER_WAITING_SUFFIX).st_mtime < WRITER_WAITING_FRESH_S
    except OSError:
        return False


class Store:
    """A DuckDB store. DuckDB lets one process write or several read; a second process that finds the
    file locked waits up to ``wait`` seconds for the lock, then stops with a clear message."""

    def __init__(self, path: str = DEFAULT_DB, read_only: bool = False, wait: float | None = None):
        self.path = str(path)
        self.read_only = read_only
        self._derived: dict[str, str] = {}  # see source()
        if os.path.isdir(self.path):
            if not read_only:
                raise StoreError(f"{self.path}: is a directory of Parquet shards, which newsgraph reads but does not write into; "
                                 f"load it into a DuckDB store with `newsgraph load-parquet {self.path} --db FILE`")
            self.con = duckdb.connect(":memory:")
            self._attach_parquet(self.path)
            return
        if read_only and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no such store; run `newsgraph ingest PATH --db {self.path}` first")
        if wait is None:
            wait = float(os.environ.get("NEWSGRAPH_LOCK_WAIT", "2" if read_only else "60"))
        deadline = time.monotonic() + wait
        delay = 0.05
        intent = None  # a writer kept waiting says so in a file beside the store; `newsgraph serve` then lets go of it
        try:
            while True:
                try:
                    self.con = duckdb.connect(self.path, read_only=read_only)
                    break
                except duckdb.IOException as e:
                    if not _LOCK_HINT.search(str(e)):
                        raise StoreError(f"{self.path}: cannot open the store: {e}") from None
                    if time.monotonic() >= deadline:
                        raise StoreError(
                            f"{self.path}: the store is in use by another newsgraph process (waited {wait:g} s); "
                            "wait for it to finish and retry, or set NEWSGRAPH_LOCK_WAIT to wait longer"
                        ) from None
                    if not read_only:
                        intent = _announce_writer(self.path)
                    time.sleep(delay)
                    delay = min(delay * 2, 1.0)
                except duckdb.Error as e:
                    raise StoreError(f"{self.path}: not a newsgraph store or corrupted ({e})") from None
        finally:
            if intent:
                try:
                    os.remove(intent)
                except OSError:
                    pass
        if not read_only:
            self._init_schema()
        else:
            self._check_schema()

    # ---------------------------------------------------------------- setup
    def _init_schema(self) -> None:
        try:
            for stmt in SCHEMA:
                self.con.execute(stmt)
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                self.con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
            elif row[0] == "1":
                self._migrate_from_1()
            elif row[0] != SCHEMA_VERSION:
                raise StoreError(f"{self.path}: store schema version {row[0]}, this newsgraph writes {SCHEMA_VERSION}")
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: not a newsgraph store ({e})") from None

    def _migrate_from_1(self) -> None:
        """A store written by schema 1: give event_actors its day column and fill it, build cluster_keys, in one transaction."""
        con = self.con
        with transaction(con):
            if not self.has_column("event_actors", "day"):
                con.execute("ALTER TABLE event_actors ADD COLUMN day DATE")
            set_event_days(con)
            rebuild_cluster_keys(con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION])

    def _attach_parquet(self, root: str) -> None:
        """Views over the shards of a Parquet store (see write_parquet_shard), in an in-memory DuckDB: read-only."""
        if not os.path.isdir(os.path.join(root, "documents")):
            raise StoreError(f"{root}: not a newsgraph Parquet store (no documents/ folder of shards)")
        con = self.con
        con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        for table in TABLES:
            ddl = _ddl(table)
            files = parquet_files(root, table)
            if not files:  # no shard has rows of this table yet: an empty table with the store's columns
                con.execute(ddl)
                continue
            src = f"read_parquet({_sql_list(files)}, union_by_name = true)"  # shards written before a column was added lack it
            key = _PARQUET_KEYS.get(table)
            select = f"SELECT DISTINCT ON ({key}) * FROM {src}" if key else f"SELECT DISTINCT * FROM {src}"
            con.execute(f"CREATE VIEW {table} AS {select}")
            if table == "event_actors" and con.execute("SELECT count(DISTINCT file_name) FROM parquet_schema(?) WHERE name = 'day'",
                                                       [files]).fetchone()[0] < len(files):
                self._derived[table] = _DAYS_FROM_EVENTS  # shards written before the column: their days derived on reading

    def _check_schema(self) -> None:
        try:
            self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error:
            raise StoreError(f"{self.path}: not a newsgraph store (no meta table)") from None

    def close(self) -> None:
        self.con.close()

    def cursor(self) -> Store:
        """Another handle on this open database, for another thread (one DuckDB connection is not shared
        between threads); closing it leaves this one open."""
        other = object.__new__(Store)
        other.path, other.read_only, other.con = self.path, self.read_only, self.con.cursor()
        other._derived = self._derived  # what source() found holds for every handle on the database
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- writes
    def has_documents(self, doc_ids: Sequence[str]) -> set[str]:
        if not doc_ids:
            return set()
        rows = self.con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?))", [list(doc_ids)]).fetchall()
        return {r[0] for r in rows}

    def write(self, results: Iterable[DocResult]) -> int:
        """Store results in one transaction; documents already stored are skipped. Returns how many were new."""
        results = list(results)
        if not results:
            return 0
        con = self.con
        with transaction(con):
            present = self.has_documents([r.document.doc_id for r in results])
            new = []
            seen = set()
            for r in results:
                if r.document.doc_id in present or r.document.doc_id in seen:
                    continue
                seen.add(r.document.doc_id)
                new.append(r)
            for table, rows in result_rows(new).items():
                insert_rows(con, table, rows)
            return len(new)

    def load_parquet(self, root: str) -> int:
        """Load a Parquet store's shards into this store in one transaction; documents already here are skipped.

        Returns how many documents were new. Rows of documents already stored are left out, so loading the
        same shards twice, or shards that overlap the store, changes nothing.
        """
        if not parquet_files(root, "documents"):
            return 0
        con = self.con
        with transaction(con):
            con.execute("CREATE OR REPLACE TEMP TABLE _new_docs AS SELECT DISTINCT ON (doc_id) * FROM read_parquet(?) "
                        "WHERE doc_id NOT IN (SELECT doc_id FROM documents)", [parquet_files(root, "documents")])
            n = con.execute("SELECT count(*) FROM _new_docs").fetchone()[0]
            con.execute("INSERT INTO documents SELECT * FROM _new_docs")
            for table in TABLES[1:]:
                files = parquet_files(root, table)
                if not files:
                    continue
                key = _PARQUET_KEYS.get(table)
                distinct = f"DISTINCT ON ({key}) *" if key else "DISTINCT *"
                con.execute(f"INSERT INTO {table} BY NAME SELECT {distinct} FROM read_parquet(?, union_by_name = true) "
                            "WHERE doc_id IN (SELECT doc_id FROM _new_docs)", [files])
            set_event_days(con, "a.doc_id IN (SELECT doc_id FROM _new_docs)")  # shards written before event_actors.day
            con.execute("DROP TABLE _new_docs")
            return n

    def all_doc_ids(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT doc_id FROM documents").fetchall()]

    # ---------------------------------------------------------------- reads
    def counts(self) -> dict[str, int]:
        return {
            t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # table names are constants
            for t in ("documents", "events", "event_actors", "mentions", "quantities")
        }

    def events(
        self,
        actor_ids: Sequence[str] | None = None,
        actor_text: str | None = None,
        types: Sequence[str] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
        published_until: dt.date | None = None,
    ) -> list[dict[str, Any]]:
        where, params = event_filters(actor_ids, actor_text, types, since, until, doc_id=doc_id, published_until=published_until)
        clustered = self.has_table("cluster_members")
        sql = (
            "SELECT e.*, d.outlet, d.url, d.published, d.title"
            + (", cm.cluster_id, cm.salience, cm.is_main, c.num_sources, c.num_mentions FROM events e JOIN documents d USING (doc_id)"
               " LEFT JOIN cluster_members cm ON cm.event_id = e.event_id LEFT JOIN clusters c ON c.cluster_id = cm.cluster_id"
               if clustered else " FROM events e JOIN documents d USING (doc_id)")
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(e.date, d.published) NULLS LAST, d.published NULLS LAST, e.doc_id, e.sentence, e.trigger_start, e.event_id"  # the headline (sentence -1) first
        )
        if limit:
            sql += " LIMIT ?"
            params.append(int(limit))
        cur = self.con.execute(sql, params)
        cols = [c[0] for c in cur.description]
        return [event_row_to_dict(dict(zip(cols, row))) for row in cur.fetchall()]

    def check(self) -> list[str]:
        """Integrity problems, one message each; an empty list means the store is consistent.

        Events not yet merged into clusters are not a problem: a run stopped between storing a batch and
        merging leaves them, and the next ingest, `newsgraph merge` or `newsgraph repair` merges them.
        """
        problems = []
        for what, sql in _INTEGRITY_CHECKS:
            try:
                n = self.con.execute(sql).fetchone()[0]
            except (duckdb.CatalogException, duckdb.BinderException):  # a store written before this table or column existed (read-only: not added)
                continue
            if n:
                problems.append(f"{n} {what}")
        return problems

    def repair(self) -> dict[str, int]:
        """Make the store consistent again from what it holds, in one transaction: remove rows whose document or
        event is gone, recount each document's events, rebuild actor rows from their events, and drop cluster rows
        that no longer match their members (``newsgraph repair`` then rebuilds the clusters with the merge stage).
        Documents and the events of stored documents are never changed. Returns how many rows each step touched."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; repair needs to write")
        con = self.con
        fixed: dict[str, int] = {}
        with transaction(con):
            for what, sql in _ORPHAN_DELETES:
                n = con.execute(f"SELECT count(*) FROM ({sql.replace('DELETE FROM', 'SELECT * FROM', 1)})").fetchone()[0]
                if n:
                    con.execute(sql)
                    fixed[what] = n
            n = con.execute(_N_EVENTS_WRONG.format(select="count(*)")).fetchone()[0]
            if n:
                con.execute("UPDATE documents SET n_events = (SELECT count(*) FROM events e WHERE e.doc_id = documents.doc_id) "
                            f"WHERE doc_id IN ({_N_EVENTS_WRONG.format(select='d.doc_id')})")
                fixed["documents whose n_events was recounted"] = n
            wrong = con.execute("SELECT e.event_id, e.doc_id, e.source_json, e.target_json, coalesce(e.date, d.published) FROM events e "
                                f"JOIN documents d ON d.doc_id = e.doc_id WHERE {_ACTOR_ROWS_WRONG}").fetchall()
            if wrong:
                ids = [w[0] for w in wrong]
                con.execute("DELETE FROM event_actors WHERE event_id IN (SELECT unnest(?))", [ids])
                rows = []
                for event_id, doc_id, source_json, target_json, day in wrong:
                    for role, refs in (("source", source_json), ("target", target_json)):
                        for i, a in enumerate(json.loads(refs or "[]")):
                            rows.append((event_id, doc_id, role, i, a.get("actor_id"), a.get("name"), a.get("country"), a.get("sector"),
                                         a.get("kind"), a.get("text"), a.get("provisional"), day))
                insert_rows(con, "event_actors", rows)
                fixed["events whose actor rows were rebuilt"] = len(wrong)
            n = set_event_days(con)
            if n:
                fixed["event actor rows whose day was set from their event"] = n
            n = con.execute(_CLUSTER_KEYS_OUT_OF_STEP).fetchone()[0]
            if n:
                rebuild_cluster_keys(con)
                fixed["cluster key rows out of step, rebuilt"] = n
        return fixed

    def claims(self) -> list[dict[str, Any]]:
        """Every stored claim with its document's outlet, url, title and publication date, in document order."""
        sql = ("SELECT c.*, d.outlet, d.url, d.title, d.published FROM claims c JOIN documents d USING (doc_id) "
               "ORDER BY d.published NULLS LAST, c.doc_id, c.start_char")
        try:
            cur = self.con.execute(sql)
        except duckdb.CatalogException:
            raise StoreError(f"{self.path}: this store predates claims; ingest the articles into a new store") from None
        cols = [c[0] for c in cur.description]
        return [{k: _iso(v) for k, v in zip(cols, row)} for row in cur.fetchall()]

    def has_table(self, name: str) -> bool:
        """Whether the store has a table (stores written before a table was added lack it until opened for writing)."""
        return self.columns(name) is not None

    def columns(self, table: str) -> list[str] | None:
        """The column names of a table or view (a Parquet store's tables are views), None if there is none.

        Asked by binding an empty query on it: the catalog functions (duckdb_tables(), information_schema) load
        every table's storage metadata first, some 10 ms on a freshly opened store of a million events, which
        every stored query would pay; this takes 0.5 ms."""
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", table):
            raise ValueError(f"not a table name: {table!r}")
        try:
            return [c[0] for c in self.con.execute(f'SELECT * FROM "{table}" LIMIT 0').description]
        except duckdb.CatalogException:
            return None

    def has_column(self, table: str, column: str) -> bool:
        return column in (self.columns(table) or ())

    def source(self, table: str) -> str:
        """What to read ``cluster_keys`` or ``event_actors`` (with its ``day``) from: the table, or in a store written by an
        older newsgraph and opened read-only since (opening it for writing adds them), the SELECT that derives it — the
        same rows, computed on each read."""
        derived = self._derived
        if table not in derived:
            if table == "cluster_keys":
                derived[table] = table if self.has_table(table) else f"({_CLUSTER_KEY_ROWS})"
            elif table == "event_actors":
                derived[table] = table if self.has_column(table, "day") else _DAYS_FROM_EVENTS
            else:
                raise ValueError(f"no derived table {table}")
        return derived[table]

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        sql = "SELECT doc_id, title, outlet, url, published, published_source, language, source_path, n_events FROM documents ORDER BY published NULLS LAST, doc_id"
        cur = self.con.execute(sql + (" LIMIT ?" if limit else ""), [int(limit)] if limit else [])
        cols = [c[0] for c in cur.description]
        return [{k: _iso(v) for k, v in zip(cols, row)} for row in cur.fetchall()]


def result_rows(results: Iterable[DocResult], now: dt.datetime | None = None) -> dict[str, list[tuple]]:
    """The rows each table gets for these results, in the tables' column order (the store and Parquet shards share it)."""
    now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows: dict[str, list[tuple]] = {t: [] for t in TABLES}
    docs, events, actors, mentions, quants, claims = (rows[t] for t in ("documents", "events", "event_actors", "mentions", "quantities", "claims"))
    for r in results:
        d = r.document
        docs.append((d.doc_id, d.url, d.outlet, d.outlet_source, d.title, d.published, d.published_source,
                     d.published_earliest, d.published_latest, d.published_reason, d.language,
                     d.source_path, d.source_line, d.text, r.n_sentences, len(r.events), now))
        for e in r.events:
            events.append((e.id, d.doc_id, e.type, e.mode, e.context, e.cameo, e.date, e.date_precision, e.date_text,
                           e.factuality, e.attribution, e.evidence, e.evidence_start, e.evidence_end,
                           e.trigger, e.trigger_start, e.trigger_end, e.confidence, e.location, e.sentence,
                           json.dumps([a.to_dict() for a in e.source], ensure_ascii=False),
                           json.dumps([a.to_dict() for a in e.target], ensure_ascii=False),
                           json.dumps([q.to_dict() for q in e.quantities], ensure_ascii=False),
                           e.date_end, e.date_value))
            for role, refs in (("source", e.source), ("target", e.target)):
                for i, a in enumerate(refs):
                    actors.append((e.id, d.doc_id, role, i, a.actor_id, a.name, a.country, a.sector, a.kind, a.text, a.provisional,
                                   e.date or d.published))
        for m in r.mentions:
            a = m.actor
            mentions.append((d.doc_id, m.start, m.end, m.text, m.how, m.sentence, a.actor_id, a.name, a.country, a.sector, a.kind, a.provisional))
        framing_rows(r, rows["descriptors"], rows["mention_tone"], rows["document_outlets"])
        for q in r.quantities:
            quants.append((d.doc_id, q.start, q.end, q.text, q.value, q.unit, q.normalized_value, q.normalized_unit, q.qualifier, q.measure, q.change))
            if is_claim(q):
                claims.append((d.doc_id, q.start, q.end, q.text, q.kind, q.normalized_value, q.value_max, q.normalized_unit, q.unit,
                               q.qualifier, q.change, q.measure,
                               json.dumps([a.to_dict() for a in q.subject], ensure_ascii=False), q.subject_text,
                               json.dumps([a.to_dict() for a in q.counterpart], ensure_ascii=False), q.counterpart_text,
                               q.time_text, q.date, q.date_precision, q.factuality, q.event_id, q.sentence, q.evidence))
    return rows


# ------------------------------------------------------------------ Parquet stores
# A Parquet store is a directory with one folder per table (documents/, events/, ...), each holding one file per
# shard (<shard>.parquet). A shard is the results of one batch of documents, written by whichever process coded
# them (a local worker or a Ray actor). Its documents file is written last and is what makes the shard count:
# a shard killed half-way has no documents file, and its other files are removed by the next run
# (remove_orphan_shards) and never loaded.


def parquet_files(root: str, table: str) -> list[str]:
    folder = os.path.join(root, table)
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".parquet") and not f.startswith("."))


def write_parquet_shard(root: str, shard: str, results: Iterable[DocResult]) -> int:
    """Write the results of one batch as one shard of the Parquet store at ``root``; returns the documents written."""
    rows = result_rows(results)
    if not rows["documents"]:
        return 0
    con = duckdb.connect(":memory:")
    try:
        for table in TABLES:
            con.execute(_ddl(table))
        for table in TABLES[1:] + TABLES[:1]:  # documents last: its file commits the shard
            if not rows[table]:
                continue
            insert_rows(con, table, rows[table])
            folder = os.path.join(root, table)
            os.makedirs(folder, exist_ok=True)
            tmp = os.path.join(folder, f".{shard}.parquet.tmp")
            con.execute(f"COPY {table} TO '{_sql_str(tmp)}' (FORMAT parquet, COMPRESSION zstd)")
            os.replace(tmp, os.path.join(folder, f"{shard}.parquet"))  # atomic: readers never see half a file
    finally:
        con.close()
    return len(rows["documents"])


def remove_orphan_shards(root: str) -> int:
    """Remove the files of shards whose documents file was never written (a run killed mid-shard)."""
    committed = {os.path.basename(f)[: -len(".parquet")] for f in parquet_files(root, "documents")}
    removed = 0
    for table in TABLES:
        folder = os.path.join(root, table)
        if not os.path.isdir(folder):
            continue
        for f in os.listdir(folder):
            stem = f[: -len(".parquet")] if f.endswith(".parquet") else None
            if f.endswith(".tmp") or (table != "documents" and stem is not None and stem not in committed):
                os.remove(os.path.join(folder, f))
                removed += 1
    return removed


def parquet_doc_ids(root: str) -> set[str]:
    files = parquet_files(root, "documents")
    if not files:
        return set()
    con = duckdb.connect(":memory:")
    try:
        return {r[0] for r in con.execute("SELECT doc_id FROM read_parquet(?)", [files]).fetchall()}
    finally:
        con.close()


def _ddl(table: str) -> str:
    return next(stmt for stmt in SCHEMA if stmt.startswith(f"CREATE TABLE IF NOT EXISTS {table} ("))


def _sql_str(s: str) -> str:
    return s.replace("'", "''")


def _sql_list(items: Sequence[str]) -> str:
    return "[" + ", ".join(f"'{_sql_str(i)}'" for i in items) + "]"


def set_event_days(con, where: str = "") -> int:
    """Set ``event_actors.day`` where it differs from its event's day (rows of stores and shards written before the
    column, or repaired); ``where`` narrows the rows (a condition on ``a``, constant SQL). Returns the rows set."""
    cond = f"a.day IS DISTINCT FROM x.day{' AND ' + where if where else ''}"
    n = con.execute(f"SELECT count(*) FROM event_actors a JOIN ({_EVENT_DAYS}) x ON x.event_id = a.event_id WHERE {cond}").fetchone()[0]
    if n:
        con.execute(f"UPDATE event_actors a SET day = x.day FROM ({_EVENT_DAYS}) x WHERE x.event_id = a.event_id AND {cond}")
    return n


def rebuild_cluster_keys(con) -> None:
    """Write cluster_keys anew from the clusters and their members, sorted by key: DuckDB keeps each row group's
    smallest and largest key, so a query for one key skips the row groups of the others."""
    con.execute("DELETE FROM cluster_keys")
    con.execute(f"INSERT INTO cluster_keys {_CLUSTER_KEY_ROWS} ORDER BY key, day, cluster_id")


def write_cluster_keys(con, written: str, everything: bool = False) -> None:
    """Bring cluster_keys in step after the merge stage wrote clusters (and removed others). ``written``: a table
    holding the ids of the clusters it wrote (a constant name, never user input); their rows are replaced and the
    rows of clusters no longer stored removed, and the new rows appended sorted by key among themselves. When it
    wrote every cluster (``everything``: a rebuild, the first merge) the table is rebuilt sorted instead."""
    if everything:
        rebuild_cluster_keys(con)
        return
    con.execute(f"DELETE FROM cluster_keys WHERE cluster_id IN (SELECT cluster_id FROM {written})"
                " OR cluster_id NOT IN (SELECT cluster_id FROM clusters)")
    only = _CLUSTER_KEY_SELECT.format(only=f" WHERE cluster_id IN (SELECT cluster_id FROM {written})",
                                      only_cm=f" WHERE cm.cluster_id IN (SELECT cluster_id FROM {written})",
                                      only_c=f" AND c.cluster_id IN (SELECT cluster_id FROM {written})")
    con.execute(f"INSERT INTO cluster_keys {only} ORDER BY key, day, cluster_id")  # appended sorted too: narrow row groups


@contextlib.contextmanager
def transaction(con) -> Iterator[None]:
    """One DuckDB transaction: committed when the block ends, rolled back (and the error raised) when it fails."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        try:
            con.execute("ROLLBACK")
        except duckdb.Error:
            pass
        raise


def insert_rows(con, table: str, rows: list[tuple]) -> None:
    """Insert rows column-wise (one list parameter per column, unnested): some 30x faster than executemany in DuckDB."""
    if not rows:
        return
    columns = [list(c) for c in zip(*rows)]
    select = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
    con.execute(f"INSERT INTO {table} SELECT * FROM (SELECT {select})", columns)  # table names are constants


def event_filters(
    actor_ids: Sequence[str] | None = None,
    actor_text: str | None = None,
    types: Sequence[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    *,
    doc_id: str | None = None,
    published_until: dt.date | None = None,
    outlet: str | None = None,
    factuality: str | None = None,
    evidence_words: str | None = None,
) -> tuple[list[str], list[Any]]:
    """WHERE conditions and their bound values for the event filters shared by the CLI, the Python API and
    the web pages. No value is ever written into the SQL.

    The conditions name only ``events e``: what they ask of the document (outlet, publication date) goes
    through a semi-join on documents, so a count or a page of keys over a million events needs no join
    (they still hold when the query joins ``documents d``)."""
    where: list[str] = []
    params: list[Any] = []
    if actor_ids or actor_text:
        sub, sub_params = actor_condition(actor_ids, actor_text)
        where.append(f"e.event_id IN (SELECT ea.event_id FROM event_actors ea WHERE {sub})")
        params += sub_params
    elif actor_ids is not None:
        where.append("false")  # an actor filter that resolved to no actor matches nothing
    if types:
        where.append("(e.type IN (SELECT unnest(?)) OR list_contains(?, e.cameo))")
        params += [[t.upper() for t in types], list(types)]
    # an event's day is its date, else its document's publication date
    for op, value in ((">=", since), ("<=", until)):
        if value:
            where.append(f"(e.date {op} ? OR (e.date IS NULL AND e.doc_id IN (SELECT doc_id FROM documents WHERE published {op} ?)))")
            params += [value, value]
    for cond, value in (("e.doc_id = ?", doc_id), ("e.doc_id IN (SELECT doc_id FROM documents WHERE published <= ?)", published_until),
                        ("e.doc_id IN (SELECT doc_id FROM documents WHERE outlet = ?)", outlet), ("e.factuality = ?", factuality)):
        if value:
            where.append(cond)
            params.append(value)
    if evidence_words:
        where.append("e.evidence ILIKE ? ESCAPE '\\'")
        params.append(like_pattern(evidence_words))
    return where, params


def actor_condition(actor_ids: Sequence[str] | None, actor_text: str | None) -> tuple[str, list[Any]]:
    """The test an actor row ``ea`` of event_actors passes for an actor filter (ids, or text in its name), and its
    bound values: an event matches when one of its actor rows does."""
    sub, params = [], []
    if actor_ids:
        # a plain list test, and the country test only for state codes: cheaper than joins over every actor row
        sub.append("list_contains(?, ea.actor_id)")
        params.append(list(actor_ids))
        states = [a for a in actor_ids if re.fullmatch(r"[A-Z]{3}", a)]
        if states:
            sub.append("list_contains(?, ea.country)")
            params.append(states)
    if actor_text:
        sub.append("(ea.name ILIKE ? ESCAPE '\\' OR ea.text ILIKE ? ESCAPE '\\')")
        params += [like_pattern(actor_text)] * 2
    return "(" + (" OR ".join(sub) or "false") + ")", params


def like_pattern(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with the user's own % and _ taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _iso(v):
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def event_row_to_dict(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event as the public JSON record (see model.Event.to_dict plus document fields)."""
    return {
        "id": row["event_id"],
        "type": row["type"],
        "mode": row["mode"],
        "context": row["context"],
        "cameo": row["cameo"],
        "source": json.loads(row["source_json"] or "[]"),
        "target": json.loads(row["target_json"] or "[]"),
        "date": _iso(row["date"]),
        "date_precision": row["date_precision"],
        "date_text": row["date_text"],
        "date_end": _iso(row.get("date_end")),
        "date_value": row.get("date_value"),
        "factuality": row["factuality"],
        "attribution": row["attribution"],
        "quantities": json.loads(row["quantities_json"] or "[]"),
        "evidence": row["evidence"],
        "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"],
        "trigger": row["trigger"],
        "trigger_start": row["trigger_start"],
        "trigger_end": row["trigger_end"],
        "confidence": row["confidence"],
        "location": row["location"],
        "doc_id": row["doc_id"],
        "outlet": row.get("outlet"),
        "url": row.get("url"),
        "published": _iso(row.get("published")),
        "title": row.get("title"),
        # the corpus stage (newsgraph.merge): the cluster the event belongs to, its counts, and the document's main event
        "cluster_id": row.get("cluster_id"),
        "num_sources": row.get("num_sources"),
        "num_mentions": row.get("num_mentions"),
        "main": bool(row["is_main"]) if row.get("is_main") is not None else None,
        "salience": row.get("salience"),
    }
