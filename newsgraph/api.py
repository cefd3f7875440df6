"""The Python API. Each function mirrors one CLI command (newsgraph/cli.py is a thin shell over these)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .engines import ENGINES, extract_batch, make_engine
from .errors import InputError, NewsgraphError
from .extract import default_resources, extract, Resources
from .ingest import Defaults, Limits, configured_limits, iter_inputs
from .model import DocResult, Document
from .store import DEFAULT_DB, Store
from .time import parse_date_value


@dataclass
class IngestReport:
    read: int = 0  # documents read from the inputs
    stored: int = 0  # newly stored
    skipped: int = 0  # already in the store (same content)
    failed: int = 0  # inputs or documents that could not be read or processed
    events: int = 0  # events found in the newly stored documents
    clusters: int = 0  # distinct real-world events (clusters of mentions) in the store after merging
    errors: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def summary(self) -> str:
        return (
            f"{self.read} documents read, {self.stored} stored, {self.skipped} skipped (already stored), "
            f"{self.failed} failed; {self.events} events found"
        )


def _date_arg(value: object, what: str) -> dt.date | None:
    if value is None or value == "":
        return None
    d = parse_date_value(value)
    if d is None:
        raise NewsgraphError(f"{what}: {value!r} is not a date (use YYYY-MM-DD)")
    return d


def ingest(
    paths: Iterable[str],
    db: str = DEFAULT_DB,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    batch_size: int = 32,
    on_error: Callable[[InputError], None] | None = None,
    on_progress: Callable[[IngestReport], None] | None = None,
    limits: Limits | None = None,
    resources: Resources | None = None,
    actors: Iterable[str] | None = None,
    workers: int | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    parquet: str | None = None,
    time_limit: float | None = None,
) -> IngestReport:
    """Read articles from files/folders, code them, and store them in ``db``.

    Bad inputs are reported (``on_error``) and counted as failed; the other
    inputs go on. Each batch of documents is stored in one transaction, so a
    run killed at any point and started again stores every document once.
    ``actors``: extra actor files (YAML/CSV) on top of the registry and the
    config file's (see newsgraph/actors/config.py).

    ``workers``: None or 0 codes in this process; N > 0 uses a pool of N
    worker processes (the CLI's default is one per core). ``engine="ray"``
    runs on a Ray cluster (``ray_address``, or a local Ray instance) and
    writes Parquet shards; ``parquet=DIR`` keeps them in DIR as a Parquet
    store instead of loading them into ``db``. After storing, the new event
    mentions are merged into cross-document clusters.

    ``limits``: bounds on each input (newsgraph.ingest.Limits; default: the
    ``[limits]`` table of newsgraph.toml, else the built-in bounds).
    ``time_limit``: seconds one document may take to code (overrides
    ``limits.seconds_per_document``; 0 = none); a document over it is
    reported as an error naming its file and line, and nothing of it is stored.
    """
    from .actors.config import actor_files as configured_actor_files

    defaults = Defaults(published=_date_arg(published, "--published"), outlet=outlet)
    limits = configured_limits(seconds_per_document=time_limit) if limits is None else (
        dataclasses.replace(limits, seconds_per_document=time_limit) if time_limit is not None else limits)
    report = IngestReport()
    res = resources  # loaded lazily by the engine, in the process that codes (not here when workers do)
    files = configured_actor_files(list(actors or ()))
    # extra actor files: every process that codes builds the same registry
    loader = functools.partial(resources_for, files) if res is None and files else None

    def fail(err: InputError) -> None:
        report.failed += 1
        report.errors.append(err)
        if on_error:
            on_error(err)

    if engine == "ray":
        from .engines.ray import ingest_ray

        if files:
            raise NewsgraphError("--actors and the config file's actor files are not yet passed to Ray workers; use the local engine")
        report = ingest_ray(paths, db=db, parquet=parquet, defaults=defaults, limits=limits, report=report, fail=fail,
                            workers=workers, ray_address=ray_address, batch_size=batch_size, on_progress=on_progress)
        if not parquet:
            with Store(db) as store:
                report.clusters = _merge_new(store)
        return report
    if engine != "local":
        raise NewsgraphError(f"unknown engine {engine!r} (use one of: {', '.join(ENGINES)})")
    if parquet:
        raise NewsgraphError("--parquet is for --engine ray; the local engine writes the DuckDB store (--db)")

    unmerged = 0  # events stored since the last merge
    with Store(db) as store:
        with make_engine(workers, resources=res, loader=loader, time_limit=limits.seconds_per_document) as eng:
            fresh_batches = _fresh_batches(store, _batches(iter_inputs(paths, defaults, limits), batch_size, fail, report), report)
            for out in eng.map(fresh_batches):
                for err in out.errors:
                    fail(err)
                results = out.results
                stored = store.write(results)
                report.stored += stored
                report.skipped += len(results) - stored  # the same article twice among batches in flight
                events = sum(len(r.events) for r in results)
                report.events += events
                unmerged += events
                if unmerged >= MERGE_EVERY_EVENTS:  # a long run merges as it goes: memory bounded by the step, not the corpus
                    report.clusters, unmerged = _merge_new(store), 0
                if on_progress:
                    on_progress(report)
        # after the workers have exited: the corpus stage gets their memory
        report.clusters = _merge_new(store)
    return report


# A run that stores more events than this merges them before going on (incremental merging gives the same
# clusters as one merge at the end; tests/test_merge.py): about 6,000 news articles, some 600 MB at the merge.
MERGE_EVERY_EVENTS = 100_000


def _merge_new(store: Store) -> int:
    """The corpus stage: merge the new event mentions into cross-document clusters."""
    from .merge import merge_store

    return merge_store(store).clusters


def load_parquet(parquet_dir: str, db: str = DEFAULT_DB) -> int:
    """Load a Parquet store (shards of `ingest --engine ray --parquet DIR`) into the DuckDB store ``db``; returns new documents."""
    from .store import remove_orphan_shards

    if not os.path.isdir(parquet_dir):
        raise NewsgraphError(f"{parquet_dir}: no such directory of Parquet shards")
    remove_orphan_shards(parquet_dir)
    with Store(db) as store:
        return store.load_parquet(parquet_dir)


def _fresh_batches(store: Store, batches: Iterator[list[Document]], report: IngestReport) -> Iterator[list[Document]]:
    """Batches less the documents already stored (content hash), checked as each batch is handed to the engine."""
    for batch in batches:
        present = store.has_documents([d.doc_id for d in batch])
        fresh: list[Document] = []
        seen: set[str] = set()
        for d in batch:
            if d.doc_id in present or d.doc_id in seen:
                report.skipped += 1
            else:
                seen.add(d.doc_id)
                fresh.append(d)
        if fresh:
            yield fresh


def _batches(items: Iterator[Document | InputError], size: int, fail, report: IngestReport) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for item in items:
        if isinstance(item, InputError):
            fail(item)
            continue
        report.read += 1
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_safely(docs: list[Document], res: Resources, fail) -> Iterator[DocResult]:
    """Extract a batch; if the batch fails, retry one by one so one bad document costs only itself."""
    out = extract_batch(docs, res)
    for err in out.errors:
        fail(err)
    yield from out.results


def events(
    db: str = DEFAULT_DB,
    actor: str | None = None,
    type: str | Iterable[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = None,
    as_of: str | dt.date | None = None,
) -> list[dict[str, Any]]:
    """Stored events as JSON-ready dicts, oldest first, filtered like `newsgraph events`.

    ``as_of``: only events from documents published on or before that date.
    """
    types = [t.strip() for t in type.split(",")] if isinstance(type, str) else (list(type) if type else None)
    actor_ids, actor_text = resolve_actor_filter(actor)
    as_of_date = _date_arg(as_of, "--as-of")
    with Store(db, read_only=True) as store:
        rows = store.events(
            actor_ids=actor_ids,
            actor_text=actor_text,
            types=types,
            since=_date_arg(since, "--since"),
            until=_date_arg(until, "--until"),
            limit=limit,
            published_until=as_of_date,
        )
        if as_of_date is not None:  # clusters as they were then: fewer reports, so other counts
            from .graph import load_clusters, with_clusters_as_of

            rows = with_clusters_as_of(rows, load_clusters(store, as_of=as_of_date))
        return rows


def claims(
    db: str = DEFAULT_DB,
    actor: str | None = None,
    measure: str | None = None,
    disagreements: bool = False,
) -> list[dict[str, Any]]:
    """Stored claims (numbers attached to an actor or event) as JSON-ready dicts, filtered like `newsgraph claims`.

    Each record carries ``disagreement`` and ``disagrees_with`` (the other sources' values for the same
    subject, measure, time and unit); see newsgraph.claims.
    """
    from .claims import claim_record, select

    actor_ids, actor_text = resolve_actor_filter(actor)
    with Store(db, read_only=True) as store:
        records = [claim_record(r) for r in store.claims()]
    return select(records, actor_ids=actor_ids, actor_text=actor_text, measure=measure, disagreements_only=disagreements)


def resolve_actor_filter(actor: str | None) -> tuple[list[str] | None, str | None]:
    """An --actor value as registry ids (by id, name or alias, e.g. VEN, Venezuela, PDVSA) or, failing that, text to search."""
    if not actor:
        return None, None
    found = registry().find(actor)
    if found:
        return [a.id for a in found], None
    return None, actor


def check(db: str = DEFAULT_DB) -> list[str]:
    """Integrity problems of a store (empty when consistent), like `newsgraph check`."""
    with Store(db, read_only=True) as store:
        return store.check()


def repair(db: str = DEFAULT_DB) -> dict[str, int]:
    """Make a store consistent from its documents and events, like `newsgraph repair`: remove rows whose document or
    event is gone, recount events per document, rebuild actor rows from their events, then rebuild every cluster
    with the merge stage. Returns what was fixed (what -> rows); documents and their events are left as they are."""
    from .merge import merge_store

    if not os.path.exists(db) or os.path.isdir(db):
        raise NewsgraphError(f"{db}: no such DuckDB store (a Parquet folder is rebuilt by loading it: `newsgraph load-parquet`)")
    with Store(db) as store:
        fixed = store.repair()
        fixed["clusters rebuilt from the stored events"] = merge_store(store, rebuild=True).clusters
    return fixed


def code(
    text: str, published: str | dt.date | None = None, outlet: str | None = None, title: str | None = None, actors: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Code one text without storing it; the same JSON records as `events`. ``actors``: extra actor files."""
    if not text or not text.strip():
        raise NewsgraphError("no text to code")
    d = _date_arg(published, "--published")
    doc = Document(text=text, title=title, outlet=outlet, outlet_source="given" if outlet else None, published=d, published_source="given" if d else None)
    result = extract(doc, resources_for(actors))
    return [result_event_dict(e, doc) for e in result.events]


def result_event_dict(e, doc: Document) -> dict[str, Any]:
    rec = e.to_dict()
    rec.update({"outlet": doc.outlet, "url": doc.url, "published": doc.published.isoformat() if doc.published else None, "title": doc.title})
    return rec


# ------------------------------------------------------------------ actors

_RESOURCES: dict[tuple[str, ...], Resources] = {}


def resources_for(actors: Iterable[str] | None = None) -> Resources:
    """Pipeline resources with the registry extended by the config file's and these actor files."""
    from .actors.config import actor_files

    files = actor_files(list(actors or ()))
    if not files:
        return default_resources()
    if files not in _RESOURCES:
        _RESOURCES[files] = Resources.load(files)
    return _RESOURCES[files]


def registry(actors: Iterable[str] | None = None):
    """The actor registry: shipped data, the config file's actor files, then ``actors``."""
    from .actors import default_registry
    from .actors.config import actor_files

    return default_registry(actor_files(list(actors or ())))


def actors(
    db: str = DEFAULT_DB,
    limit: int | None = None,
    actor_files: Iterable[str] | None = None,
    registry_only: bool = False,
    kind: str | None = None,
    country: str | None = None,
) -> list[dict[str, Any]]:
    """Actors mentioned in the store with mention and document counts, most mentioned first.

    ``registry_only``: list the registry itself (no store needed), with its provenance.
    ``kind`` (person, company, state, ...) and ``country`` (ISO alpha-3) filter the rows.
    """
    from .actors.queries import actor_counts, actor_record

    reg = registry(actor_files)
    if registry_only:
        rows = []
        for a in reg.actors.values():
            rec = actor_record(a)
            rows.append({k: rec[k] for k in ("actor_id", "name", "kind", "country", "sector", "source")} | {"roles": len(a.roles), "aliases": len(a.aliases)})
    else:
        with Store(db, read_only=True) as store:
            rows = actor_counts(store, reg)
    if kind:
        rows = [r for r in rows if r["kind"] == kind]
    if country:
        rows = [r for r in rows if (r["country"] or "").upper() == country.upper()]
    return rows[:limit] if limit else rows


def actor(name: str, db: str | None = DEFAULT_DB, actor_files: Iterable[str] | None = None, limit: int | None = None) -> dict[str, Any]:
    """One actor by id, name or alias: names, provenance, roles over time and (with a store) its mentions with their sentences."""
    import os

    from .actors.queries import actor_record, mentions_of

    reg = registry(actor_files)
    found = reg.find(name)
    rec: dict[str, Any] | None = actor_record(found[0]) if found else None
    ids = [found[0].id] if found else []
    if rec is not None and len(found) > 1:
        rec["also"] = [{"actor_id": a.id, "name": a.name, "kind": a.kind, "country": a.country} for a in found[1:]]
    if db and os.path.exists(db):
        with Store(db, read_only=True) as store:
            if rec is None:  # a provisional actor: known only from the store
                row = store.con.execute(
                    "SELECT actor_id, any_value(name), any_value(kind), mode(country), mode(sector) FROM mentions "
                    "WHERE actor_id = ? OR lower(name) = lower(?) OR lower(text) = lower(?) GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1",
                    [name, name, name],
                ).fetchone()
                if row:
                    rec = {"actor_id": row[0], "name": row[1], "kind": row[2], "country": row[3], "sector": row[4], "aliases": [], "roles": [],
                           "source": "provisional: named in the text, not in the registry", "provisional": True}
                    ids = [row[0]]
            if rec is not None:
                rec["mentions"] = mentions_of(store, ids, limit)
    if rec is None:
        raise NewsgraphError(f"no actor {name!r} in the registry" + (f" or in {db}" if db and os.path.exists(db) else "") + "; try `newsgraph actors` to list them")
    rec.setdefault("mentions", [])
    return rec

# ------------------------------------------------------------------ sources and framing (newsgraph/framing)
def sources(db: str = DEFAULT_DB, top_actors: int = 5) -> list[dict[str, Any]]:
    """Outlets in the store: documents, date range, how the outlet was known, events, most covered actors (`newsgraph sources`)."""
    from .framing import report

    with Store(db, read_only=True) as store:
        return report.sources(store, top_actors=top_actors)


def framing(db: str = DEFAULT_DB, actor: str = "", include_government: bool = True) -> dict[str, Any]:
    """How each outlet names and judges ``actor``: descriptors, loaded terms, tone with evidence, events, coverage (`newsgraph framing`)."""
    from .framing import report

    if not actor or not actor.strip():
        raise NewsgraphError("framing: name an actor (id, name or alias: Maduro, VEN, PDVSA)")
    with Store(db, read_only=True) as store:
        return report.framing(store, actor, include_government=include_government)


def coverage(db: str = DEFAULT_DB, actor: str | None = None) -> list[dict[str, Any]]:
    """For each event type and dyad (or merged event), the outlets that reported it and those that did not."""
    from .framing import report

    with Store(db, read_only=True) as store:
        return report.coverage(store, actor=actor)

# ------------------------------------------------------------------ the corpus stage: clusters, graph, exports
# (newsgraph/corpus_cli.py is the CLI over these)


def merge(db: str = DEFAULT_DB, rebuild: bool = False):
    """Merge event mentions not yet clustered (all of them with ``rebuild``); ingest runs this itself."""
    from .merge import merge_store

    with Store(db) as store:
        return merge_store(store, rebuild=rebuild)


def _clusters(store: Store, as_of) -> list[dict[str, Any]]:
    from .graph import load_clusters

    return load_clusters(store, as_of=_date_arg(as_of, "--as-of"))


def clusters(
    db: str = DEFAULT_DB,
    actor: str | None = None,
    type: str | Iterable[str] | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    limit: int | None = None,
    as_of: str | dt.date | None = None,
) -> list[dict[str, Any]]:
    """One record per real-world event (cluster), with its member mentions, filtered like `events`."""
    from .graph import load_clusters, node_key, takes_part

    types = {t.strip().upper() for t in type.split(",")} if isinstance(type, str) else ({t.upper() for t in type} if type else None)
    lo, hi = _date_arg(since, "--since"), _date_arg(until, "--until")
    touching: list[tuple[list[str], list[str]]] = []
    keys: set[str] = set()
    ids: set[str] = set()
    if actor:
        actor_ids, _ = resolve_actor_filter(actor)
        keys, ids = set(node_key(actor)), set(actor_ids or [])
        touching.append((sorted(keys), sorted(ids)))

    def keep(c: dict[str, Any]) -> bool:
        if actor and not takes_part(c, keys, ids):
            return False
        return not types or c["type"] in types or (c["cameo"] or "") in types

    with Store(db, read_only=True) as store:
        return load_clusters(store, as_of=_date_arg(as_of, "--as-of"), touching=touching, since=lo, until=hi, keep=keep, limit=limit)


def timeline(db: str = DEFAULT_DB, actor: str = "", since=None, until=None, as_of=None, limit: int | None = None) -> list[dict[str, Any]]:
    """The distinct events an actor (or, for a person, ministry or company, its state) took part in, oldest first."""
    if not actor:
        raise NewsgraphError("timeline: name an actor (id, name or alias: VEN, Venezuela, PDVSA, Maduro)")
    return clusters(db=db, actor=actor, since=since, until=until, as_of=as_of, limit=limit)


def dyad(db: str = DEFAULT_DB, a: str = "", b: str = "", by: str = "month", as_of=None) -> list[dict[str, Any]]:
    """Cooperation/conflict between two actors per month, quarter or year (distinct events, Goldstein sum and mean)."""
    from .graph import PERIODS, dyad_series, load_clusters, node_key

    if by not in PERIODS:
        raise NewsgraphError(f"--by {by!r}: use one of {', '.join(PERIODS)}")
    if not a or not b:
        raise NewsgraphError("dyad: name two actors, e.g. `newsgraph dyad VEN CHN`")
    a_keys, b_keys = node_key(a), node_key(b)
    with Store(db, read_only=True) as store:  # only clusters with a party on each side are read
        cs = load_clusters(store, as_of=_date_arg(as_of, "--as-of"), touching=[(a_keys, []), (b_keys, [])], members=False)
    return dyad_series(cs, a_keys, b_keys, by=by)


def relations(db: str = DEFAULT_DB, at=None, since=None, as_of=None, window_days: int = 365) -> list[dict[str, Any]]:
    """The relation graph as rows: one per dyad and relation kind, with distinct events, span, scores and evidence."""
    from .graph import relations as _relations

    with Store(db, read_only=True) as store:
        cs = _clusters(store, as_of)
    return _relations(cs, at=_date_arg(at, "--at"), since=_date_arg(since, "--since"), window_days=window_days)


def export(db: str = DEFAULT_DB, format: str = "jsonl", out: str = "", as_of=None) -> int:
    """Write the store in another format (csv, jsonl, parquet, graphml, gexf, ftm, gdelt); returns rows/entities written."""
    from .export import export as _export

    if not out:
        raise NewsgraphError("export: --out PATH is required")
    with Store(db, read_only=True) as store:
        return _export(store, format, out, as_of=_date_arg(as_of, "--as-of"))
