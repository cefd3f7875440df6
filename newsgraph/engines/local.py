"""The local engine: a pool of worker processes, each loading the models once, fed a bounded stream of batches.

Why these choices:

- Workers start from a "forkserver" (not a plain fork of the caller, which
  holds an open DuckDB connection and possibly threads). The fork server
  imports newsgraph's modules once; each worker then loads the spaCy
  pipeline, registry and lexicon once in its initializer.
- At most ``in_flight`` batches (default: two per worker) are submitted and
  not yet written: reading stops while the workers are busy, so memory is
  bounded by batch size x in_flight, not by the size of the input.
- Workers are replaced after ``recycle_after`` batches: spaCy's string store
  and vocabulary grow with every new word seen, and a fresh worker is the
  only way to give that memory back on a corpus of millions of articles.
- A worker whose parent disappears (the run was killed with kill -9) exits
  by itself rather than lingering with a model in memory.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from itertools import chain

from ..errors import NewsgraphError
from ..model import Document
from . import BatchResult, InProcessEngine, extract_batch

_WORKER_RESOURCES = None


def _init_worker(loader: Callable | None, parent_pid: int) -> None:
    global _WORKER_RESOURCES
    _watch_parent(parent_pid)
    if loader is None:
        from ..extract import default_resources

        _WORKER_RESOURCES = default_resources()
    else:
        _WORKER_RESOURCES = loader()


def _watch_parent(parent_pid: int) -> None:
    """Exit when the process that started the pool is gone (killed), instead of waiting forever for work."""
    start_ppid = os.getppid()

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != start_ppid or not _alive(parent_pid):
                os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - exists, owned by someone else
        return True
    # A killed process stays a zombie until whoever started it reaps it (a script still reading its output):
    # dead all the same.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):  # no /proc (not Linux): signal 0 is all we know
        return True


def _run_batch(docs: list[Document]) -> BatchResult:
    return extract_batch(docs, _WORKER_RESOURCES)


class LocalEngine:
    def __init__(
        self,
        workers: int,
        loader: Callable | None = None,
        resources=None,
        in_flight: int | None = None,
        ordered: bool = True,
        recycle_after: int | None = 200,
        start_method: str = "forkserver",
    ):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.loader = loader
        self.in_flight = max(1, in_flight or 2 * workers)
        self.ordered = ordered
        self.recycle_after = recycle_after
        self.start_method = start_method
        self._inline = InProcessEngine(resources, loader)
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            ctx.set_forkserver_preload(["newsgraph.extract", "newsgraph.engines.local"])
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(self.loader, os.getpid()),
            max_tasks_per_child=self.recycle_after,
        )

    def map(self, batches: Iterable[list[Document]]) -> Iterator[BatchResult]:
        it = iter(batches)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is None:
            # One batch in all: starting processes that each load the models would cost more than it saves.
            yield extract_batch(first, self._inline.resources())
            return
        self._pool = pool = self._start()
        pending: deque[Future] = deque()
        try:
            for batch in chain([first, second], it):
                pending.append(pool.submit(_run_batch, batch))
                while len(pending) >= self.in_flight:
                    yield self._next_done(pending)
            while pending:
                yield self._next_done(pending)
        except BrokenProcessPool:
            raise NewsgraphError(
                "a worker process died (killed, or out of memory) while coding documents; everything written so far "
                "is kept: run the same command again to resume (try fewer --workers or a smaller --batch-size). "
                "From a Python script, call ingest(workers=N) under `if __name__ == \"__main__\":`, as multiprocessing requires"
            ) from None
        finally:
            for f in pending:
                f.cancel()
            self.close()

    def _next_done(self, pending: deque[Future]) -> BatchResult:
        if self.ordered:
            return pending.popleft().result()
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        f = next(iter(done))
        pending.remove(f)
        return f.result()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
