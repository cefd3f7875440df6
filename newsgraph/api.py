"""The Python API. Each function mirrors one CLI command (newsgraph/cli.py is a thin shell over these)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .engines import ENGINES, extract_batch, make_engine
from .errors import InputError, NewsgraphError
from .extract import Resources, extract
from .ingest import Defaults, Limits, iter_inputs
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
    limits: Limits = Limits(),
    resources: Resources | None = None,
    workers: int | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    parquet: str | None = None,
) -> IngestReport:
    """Read articles from files/folders, code them, and store them in ``db``.

    Bad inputs are reported (``on_error``) and counted as failed; the other
    inputs go on. Each batch of documents is stored in one transaction, so a
    run killed at any point and started again stores every document once.

    ``workers``: None or 0 codes in this process; N > 0 uses a pool of N
    worker processes (the CLI's default is one per core). ``engine="ray"``
    runs on a Ray cluster (``ray_address``, or a local Ray instance) and
    writes Parquet shards; ``parquet=DIR`` keeps them in DIR as a Parquet
    store instead of loading them into ``db``.
    """
    defaults = Defaults(published=_date_arg(published, "--published"), outlet=outlet)
    report = IngestReport()
    res = resources  # loaded lazily by the engine, in the process that codes (not here when workers do)

    def fail(err: InputError) -> None:
        report.failed += 1
        report.errors.append(err)
        if on_error:
            on_error(err)

    if engine == "ray":
        from .engines.ray import ingest_ray

        return ingest_ray(paths, db=db, parquet=parquet, defaults=defaults, limits=limits, report=report, fail=fail,
                          workers=workers, ray_address=ray_address, batch_size=batch_size, on_progress=on_progress)
    if engine != "local":
        raise NewsgraphError(f"unknown engine {engine!r} (use one of: {', '.join(ENGINES)})")
    if parquet:
        raise NewsgraphError("--parquet is for --engine ray; the local engine writes the DuckDB store (--db)")

    with Store(db) as store, make_engine(workers, resources=res) as eng:
        fresh_batches = _fresh_batches(store, _batches(iter_inputs(paths, defaults, limits), batch_size, fail, report), report)
        for out in eng.map(fresh_batches):
            for err in out.errors:
                fail(err)
            results = out.results
            stored = store.write(results)
            report.stored += stored
            report.skipped += len(results) - stored  # the same article twice among batches in flight
            report.events += sum(len(r.events) for r in results)
            if on_progress:
                on_progress(report)
    return report


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
) -> list[dict[str, Any]]:
    """Stored events as JSON-ready dicts, oldest first, filtered like `newsgraph events`."""
    types = [t.strip() for t in type.split(",")] if isinstance(type, str) else (list(type) if type else None)
    actor_ids, actor_text = resolve_actor_filter(actor)
    with Store(db, read_only=True) as store:
        return store.events(
            actor_ids=actor_ids,
            actor_text=actor_text,
            types=types,
            since=_date_arg(since, "--since"),
            until=_date_arg(until, "--until"),
            limit=limit,
        )


def resolve_actor_filter(actor: str | None) -> tuple[list[str] | None, str | None]:
    """An --actor value as registry ids (by id, name or alias, e.g. VEN, Venezuela, PDVSA) or, failing that, text to search."""
    if not actor:
        return None, None
    from .actors import default_registry

    found = default_registry().find(actor)
    if found:
        return [a.id for a in found], None
    return None, actor


def code(text: str, published: str | dt.date | None = None, outlet: str | None = None, title: str | None = None) -> list[dict[str, Any]]:
    """Code one text without storing it; the same JSON records as `events`."""
    if not text or not text.strip():
        raise NewsgraphError("no text to code")
    d = _date_arg(published, "--published")
    doc = Document(text=text, title=title, outlet=outlet, outlet_source="given" if outlet else None, published=d, published_source="given" if d else None)
    result = extract(doc)
    return [result_event_dict(e, doc) for e in result.events]


def result_event_dict(e, doc: Document) -> dict[str, Any]:
    rec = e.to_dict()
    rec.update({"outlet": doc.outlet, "url": doc.url, "published": doc.published.isoformat() if doc.published else None, "title": doc.title})
    return rec
