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
from .deadline import DocumentTimeout, deadline

ENGINES = ("local", "ray")


@dataclass
class BatchResult:
    results: list[DocResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


def extract_batch(docs: list[Document], resources, time_limit: float | None = None) -> BatchResult:
    """Code one batch; if the batch fails, retry one by one so one bad document costs only itself.

    ``time_limit``: seconds one document may take (see engines/deadline.py). In the batch each result
    gets that long after the previous one; a document over the limit on its own is rejected with an
    error naming its file and line, and nothing of it is returned.
    """
    from ..extract import extract, extract_many

    out = BatchResult()
    if not docs:
        return out
    done = extract_many(docs, resources)
    try:
        while len(out.results) < len(docs):
            with deadline(time_limit):
                out.results.append(next(done))
        return out
    except (Exception, DocumentTimeout):
        pass  # results already out are kept (extract is pure and in order); the rest go one by one
    finally:
        done.close()
    for d in docs[len(out.results):]:
        where = d.source_path or "<text>"
        try:
            with deadline(time_limit):
                out.results.append(extract(d, resources))
        except DocumentTimeout:
            out.errors.append(timeout_error(d, time_limit))
        except Exception as e:  # a bug or pathological input in one document
            out.errors.append(InputError(where, f"could not be processed: {type(e).__name__}: {e}", d.source_line))
    return out


def timeout_error(doc: Document, time_limit: float | None) -> InputError:
    return InputError(doc.source_path or "<text>",
                      f"coding took longer than the {time_limit:g}-second limit for one document; rejected, nothing stored from it "
                      "(raise the limit with --time-limit or [limits] seconds_per_document in newsgraph.toml)", doc.source_line)


def default_workers() -> int:
    """Cores this process may use (the CPU affinity mask, which containers and taskset narrow)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


class InProcessEngine:
    """Code batches in the calling process."""

    def __init__(self, resources=None, loader: Callable | None = None, time_limit: float | None = None):
        self._resources = resources
        self._loader = loader
        self.time_limit = time_limit

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
            yield extract_batch(batch, self.resources(), self.time_limit)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def make_engine(workers: int | None = None, resources=None, loader: Callable | None = None, time_limit: float | None = None, **kw):
    """The local engine for ``workers`` (None or 0: this process; N: a pool of N processes);
    ``time_limit``: seconds one document may take to code."""
    if not workers:
        return InProcessEngine(resources, loader, time_limit)
    from .local import LocalEngine

    return LocalEngine(workers, loader=loader, resources=resources, time_limit=time_limit, **kw)
