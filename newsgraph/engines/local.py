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
- Each document has a time limit inside the worker (engines/deadline.py). A
  worker stuck where that limit cannot reach it (C code that never returns to
  Python) would hang the run, so the parent also watches the oldest batch:
  past its hard limit the workers are killed, a fresh pool takes the batches
  in flight, and the stuck batch is retried one document at a time; the
  document that hangs on its own is rejected with an error naming it.
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
from . import BatchResult, InProcessEngine, extract_batch, timeout_error

_WORKER_RESOURCES = None
_STARTED = None  # queue on which a worker says which batch it has begun (the parent's hard time limit runs from then)


def _init_worker(loader: Callable | None, parent_pid: int, started=None) -> None:
    global _WORKER_RESOURCES, _STARTED
    _STARTED = started
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


def _run_batch(docs: list[Document], time_limit: float | None = None, task_id: int | None = None) -> BatchResult:
    if _STARTED is not None and task_id is not None:
        _STARTED.put(task_id)
    return extract_batch(docs, _WORKER_RESOURCES, time_limit)


class _Task:
    """A batch submitted to the pool, and when a worker began it (its hard time limit runs from then)."""

    def __init__(self, task_id: int, batch: list[Document], future: Future):
        self.id, self.batch, self.future = task_id, batch, future
        self.started: float | None = None


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
        time_limit: float | None = None,
        hang_grace: float = 10.0,
    ):
        if workers < 1:
            raise ValueError("workers must be at least 1")
        self.workers = workers
        self.loader = loader
        self.in_flight = max(1, in_flight or 2 * workers)
        self.ordered = ordered
        self.recycle_after = recycle_after
        self.start_method = start_method
        self.time_limit = time_limit
        # on top of time_limit x (documents + 1) from the moment a worker begins the batch: a loaded machine
        self.hang_grace = hang_grace
        self.hung_restarts = 0  # times the pool was killed and restarted because a batch hung
        self._started = None
        self._next_id = 0
        self._inline = InProcessEngine(resources, loader, time_limit)
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context(self.start_method)
        if self.start_method == "forkserver":
            ctx.set_forkserver_preload(["newsgraph.extract", "newsgraph.engines.local"])
        self._started = ctx.SimpleQueue() if self.time_limit else None
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(self.loader, os.getpid(), self._started),
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
            yield extract_batch(first, self._inline.resources(), self.time_limit)
            return
        self._pool = self._start()
        pending: deque[_Task] = deque()
        try:
            for batch in chain([first, second], it):
                pending.append(self._submit(batch))
                while len(pending) >= self.in_flight:
                    yield from self._next_done(pending)
            while pending:
                yield from self._next_done(pending)
        except BrokenProcessPool:
            raise NewsgraphError(
                "a worker process died (killed, or out of memory) while coding documents; everything written so far "
                "is kept: run the same command again to resume (try fewer --workers or a smaller --batch-size). "
                "From a Python script, call ingest(workers=N) under `if __name__ == \"__main__\":`, as multiprocessing requires"
            ) from None
        finally:
            for t in pending:
                t.future.cancel()
            self.close()

    def _submit(self, batch: list[Document]) -> _Task:
        self._next_id += 1
        return _Task(self._next_id, batch, self._pool.submit(_run_batch, batch, self.time_limit, self._next_id))

    def _note_starts(self, pending: deque[_Task]) -> None:
        if self._started is None:
            return
        now = time.monotonic()
        began = set()
        while not self._started.empty():
            began.add(self._started.get())
        for t in pending:
            if t.id in began and t.started is None:
                t.started = now

    def _next_done(self, pending: deque[_Task]) -> Iterator[BatchResult]:
        """The next finished batch (the oldest one when ordered); a batch past its hard limit is dealt with as hung.

        The hard limit of a batch, time_limit x (documents + 1) + hang_grace, runs from when a worker began it,
        so a worker still loading its models or a queue of batches ahead never counts against it.
        """
        while True:
            self._note_starts(pending)
            futures = [pending[0].future] if self.ordered else [t.future for t in pending]
            timeout = None
            if self.time_limit:
                now = time.monotonic()
                for t in pending:
                    if t.started is not None and now - t.started > self.time_limit * (len(t.batch) + 1) + self.hang_grace \
                            and not t.future.done():
                        yield from self._hung(pending, t)
                        return
                timeout = 0.5  # look again for starts and overruns
            done = wait(futures, timeout=timeout, return_when=FIRST_COMPLETED).done
            if done:
                task = next(t for t in pending if t.future in done)
                pending.remove(task)
                yield task.future.result()
                return

    def _hung(self, pending: deque[_Task], stuck: _Task) -> Iterator[BatchResult]:
        """A batch is past its hard limit: kill the pool, start another for the batches in flight,
        and retry the stuck batch one document at a time (a single stuck document is rejected)."""
        self.hung_restarts += 1
        self._kill_pool()
        self._pool = self._start()
        # every batch in flight goes to the new pool, in the same order, the stuck one split into single documents
        batches = [[[d] for d in t.batch] if t is stuck else [t.batch] for t in pending]
        pending.clear()
        if len(stuck.batch) == 1:
            batches = [b for b in batches if b != [stuck.batch]]
            yield BatchResult(errors=[timeout_error(stuck.batch[0], self.time_limit)])
        pending.extend(self._submit(b) for group in batches for b in group)

    def _kill_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # ProcessPoolExecutor cannot stop a running task: its worker processes are killed instead.
        for p in list((getattr(pool, "_processes", None) or {}).values()):
            try:
                p.kill()
            except (OSError, ValueError):
                pass
        pool.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
