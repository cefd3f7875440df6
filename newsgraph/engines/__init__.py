"""Engines: where extract(doc) runs — in this process, in a local process pool, or on a Ray cluster.

Every engine runs the same per-batch function, ``extract_batch``, over the
same read-only ``Resources``; they differ only in where the batches go. An
engine takes an iterable of batches of documents and yields, for each, a
``BatchResult`` (the results, and the documents that could not be coded).

- ``InProcessEngine``: the calling process (``--workers 0``).
- ``LocalEngine``: a pool of worker processes on this machine (``--workers N``),
  each loading the resources once, with a bounded number of batches in
  flight so memory stays bounded whatever the size of the input.
- the Ray engine (``newsgraph.engines.ray``) reads, codes and writes Parquet
  shards on the cluster; it is driven by ``api.ingest(engine="ray")``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError
from ..model import DocResult, Document

ENGINES = ("local", "ray")


@dataclass
class BatchResult:
    results: list[DocResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def extract_batch(docs: list[Document], resources) -> BatchResult:
    """Code one batch; if the batch fails, retry one by one so one bad document costs only itself."""
    from ..extract import extract, extract_many

    out = BatchResult()
    if not docs:
        return out
    try:
        out.results = list(extract_many(docs, resources))
        return out
    except Exception:
        pass
    for d in docs:
        try:
            out.results.append(extract(d, resources))
        except Exception as e:  # a bug or pathological input in one document
            where = d.source_path or "<text>"
            out.errors.append(InputError(where, f"could not be processed: {type(e).__name__}: {e}", d.source_line))
    return out


def default_workers() -> int:
    """Cores this process may use (the CPU affinity mask, which containers and taskset narrow)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class InProcessEngine:
    """Code batches in the calling process."""

    def __init__(self, resources=None, loader: Callable | None = None):
        self._resources = resources
        self._loader = loader

    def resources(self):
        if self._resources is None:
            if self._loader is not None:
                self._resources = self._loader()
            else:
                from ..extract import default_resources

                self._resources = default_resources()
        return self._resources

    def map(self, batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        for batch in batches:
            yield extract_batch(batch, self.resources())

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def make_engine(workers: int | None = None, resources=None, loader: Callable | None = None, **kw):
    """The local engine for ``workers`` (None or 0: this process; N: a pool of N processes)."""
    if not workers:
        return InProcessEngine(resources, loader)
    from .local import LocalEngine

    return LocalEngine(workers, loader=loader, resources=resources, **kw)
