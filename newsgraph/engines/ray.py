"""The Ray engine: the same extract, run by Ray Data on a cluster (or a local Ray instance), writing Parquet shards.

    newsgraph ingest PATHS --engine ray [--ray-address ADDR] [--workers N] [--parquet DIR]

The pipeline is one Ray Data dataset, streamed:

    input files ─▶ read (tasks: files → documents) ─▶ code (actors: a stateful
    callable holding the models, one per worker) ─▶ Parquet shards ─▶ summary rows

Each actor writes the results of each batch as one shard of a Parquet store
(newsgraph.store.write_parquet_shard: one file per table, the documents file
last) and sends the driver only counts and errors. Without ``--parquet`` the
shards go to ``<db>.shards/`` and are then loaded into the DuckDB store in one
transaction and removed; with ``--parquet DIR`` they stay in DIR, which every
read command accepts as a store (``--db DIR``). On a multi-machine cluster the
shard folder must be on storage every node sees (a shared file system).

Resumable: documents already in the store or already in a shard are not
coded again; shards a killed run left half-written are removed first.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
import uuid
from collections.abc import Callable, Iterable

from ..errors import InputError, NewsgraphError
from ..ingest import Defaults, Limits, input_files, read_file
from ..store import Store, parquet_doc_ids, remove_orphan_shards, write_parquet_shard
from . import extract_batch


READ_CPUS = 0.5


def _require_ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise NewsgraphError("--engine ray needs Ray: pip install 'newsgraph[ray]' (see README, 'Scale')") from None
    return ray


def _read_files(batch: dict, defaults: Defaults, limits: Limits, chunk: int):
    """Ray Data generator UDF: input files to their documents (and errors), pickled whole, ``chunk`` at a time.

    Yielding as it reads keeps a big .jsonl.gz or WARC file streaming instead of held whole in memory.
    """
    items = []
    for path in batch["path"]:
        for item in read_file(str(path), defaults, limits):
            items.append(pickle.dumps(item))
            if len(items) >= chunk:
                yield {"item": items}
                items = []
    if items:
        yield {"item": items}


class ExtractShards:
    """Ray Data stateful callable: loads the models once per actor, codes a batch, writes it as one Parquet shard."""

    def __init__(self, root: str, skip, loader: Callable | None = None, time_limit: float | None = None):
        import ray

        self.loader, self._resources = loader, None
        self.time_limit = time_limit  # enforced where Ray runs the batch in the actor's main thread (engines/deadline.py)
        self.root = root
        self.skip = ray.get(skip) if isinstance(skip, ray.ObjectRef) else skip

    @property
    def resources(self):
        """Loaded on the first batch with something to code: a rerun that finds everything stored loads no model."""
        if self._resources is None:
            if self.loader is None:
                from ..extract import default_resources

                self._resources = default_resources()
            else:
                self._resources = self.loader()
        return self._resources

    def __call__(self, batch: dict) -> dict:
        read = skipped = 0
        errors, docs, seen = [], [], set()
        for blob in batch["item"]:
            item = pickle.loads(blob)
            if isinstance(item, InputError):
                errors.append(item)
                continue
            read += 1
            if item.doc_id in self.skip or item.doc_id in seen:
                skipped += 1
                continue
            seen.add(item.doc_id)
            docs.append(item)
        out = extract_batch(docs, self.resources, self.time_limit) if docs else None
        if out is None:
            return {"read": [read], "written": [0], "skipped": [skipped], "events": [0], "errors": [pickle.dumps(errors)]}
        errors += out.errors
        written = write_parquet_shard(self.root, uuid.uuid4().hex, out.results) if out.results else 0
        return {
            "read": [read],
            "written": [written],
            "skipped": [skipped],
            "events": [sum(len(r.events) for r in out.results)],
            "errors": [pickle.dumps(errors)],
        }


def run_dataset(files: list[str], root: str, skip: set[str], defaults: Defaults, limits: Limits, workers: int,
                batch_size: int, loader: Callable | None = None) -> Iterable[dict]:
    """The Ray Data pipeline over these files; yields one summary row per coded batch."""
    ray = _require_ray()
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.verbose_stats_logs = False
    skip_ref = ray.put(skip)
    ds = ray.data.from_items([{"path": f} for f in files], override_num_blocks=max(1, min(len(files), 200)))
    ctx.target_max_block_size = 4 * 1024 * 1024  # blocks of a few hundred articles: work spreads while a big file is still being read
    # Reading takes little CPU beside coding: half a logical CPU, so readers still run when every core has a coder.
    ds = ds.map_batches(_read_files, batch_size=1, fn_kwargs={"defaults": defaults, "limits": limits, "chunk": batch_size},
                        num_cpus=READ_CPUS, batch_format="numpy")
    ds = ds.repartition(target_num_rows_per_block=batch_size)  # streaming: one block per coding batch, spread over the actors
    ds = ds.map_batches(
        ExtractShards,
        fn_constructor_kwargs={"root": root, "skip": skip_ref, "loader": loader, "time_limit": limits.seconds_per_document},
        batch_size=batch_size,
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=1,
        batch_format="numpy",
    )
    yield from ds.iter_rows()


def ingest_ray(paths, db: str, parquet: str | None, defaults: Defaults, limits: Limits, report, fail, workers: int | None,
               ray_address: str | None, batch_size: int, on_progress=None, loader: Callable | None = None):
    ray = _require_ray()
    files: list[str] = []
    for item in input_files(paths):
        if isinstance(item, InputError):
            fail(item)
        else:
            files.append(item)
    root = parquet or f"{db}.shards"
    os.makedirs(root, exist_ok=True)
    remove_orphan_shards(root)
    skip = parquet_doc_ids(root)
    if not parquet and os.path.exists(db):
        with Store(db, read_only=True) as store:
            skip |= set(store.all_doc_ids())
    started_here = False
    if files:
        if not ray.is_initialized():
            from . import default_workers

            # A local instance: one logical CPU per coder, plus one for the readers.
            kw = {"address": ray_address} if ray_address else {"num_cpus": (workers or default_workers()) + 1}
            ray.init(include_dashboard=False, logging_level="WARNING", log_to_driver=False, **kw)
            started_here = True
        logging.getLogger("ray.data").setLevel(logging.WARNING)
        n_workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1) - READ_CPUS))
        try:
            for row in run_dataset(files, root, skip, defaults, limits, n_workers, batch_size, loader):
                report.read += int(row["read"])
                report.stored += int(row["written"])
                report.skipped += int(row["skipped"])
                report.events += int(row["events"])
                for err in pickle.loads(row["errors"]):
                    fail(err)
                if on_progress:
                    on_progress(report)
        finally:
            if started_here:
                ray.shutdown()
    if not parquet:
        with Store(db) as store:
            loaded = store.load_parquet(root)
        # Shards written by a run killed before this point are loaded now; what was already stored is not counted twice.
        report.skipped += max(0, report.stored - loaded)
        report.stored = loaded
        shutil.rmtree(root, ignore_errors=True)
    return report
