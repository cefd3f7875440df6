"""One open read-only store shared by the server's request threads, closed again when the server is idle.

Opening a DuckDB file costs some 30 ms of CPU (catalog, then indexes on first use) — more than most
pages' queries — so requests share one open database, each with its own cursor (DuckDB's handle for
another thread). While a read-only connection is open no other process can write the store, so the
database is closed once no request has used it for ``idle_s`` seconds, and at once when a writer says it is
waiting (``store.writer_waiting``): requests then get a clear "in use" answer (503) until the writer is done,
so a steady stream of readers never starves a `newsgraph ingest` run from the shell.
"""

from __future__ import annotations

import threading
import time

from ..store import Store, StoreError, writer_waiting


class SharedStore:
    def __init__(self, path: str, idle_s: float = 2.0):
        self.path = path
        self.idle_s = idle_s
        self._lock = threading.Lock()
        self._base: Store | None = None
        self._users = 0
        self._last_used = 0.0
        self._closer: threading.Timer | None = None

    def cursor(self) -> Store:
        """A store handle for one request; give it back with ``release`` (or use ``session``)."""
        with self._lock:
            if writer_waiting(self.path):
                if self._users == 0:
                    self._close_base()
                raise StoreError(f"{self.path}: the store is in use by another newsgraph process (an ingest is writing); retry shortly")
            if self._base is None:
                self._base = Store(self.path, read_only=True)
            self._users += 1
            try:
                return self._base.cursor()
            except BaseException:
                self._users -= 1
                raise

    def release(self, s: Store) -> None:
        s.close()
        with self._lock:
            self._users -= 1
            self._last_used = time.monotonic()
            if self._users == 0 and writer_waiting(self.path):
                self._close_base()  # the last request of a burst lets a waiting writer in
                return
            if self._users == 0 and self._closer is None:
                self._close_later(self.idle_s)

    def _close_if_idle(self) -> None:
        with self._lock:
            self._closer = None
            if self._base is None or self._users:
                return
            idle = time.monotonic() - self._last_used
            if idle < self.idle_s:  # used again meanwhile: look again when it has been idle long enough
                self._close_later(self.idle_s - idle)
                return
            self._close_base()

    def _close_later(self, seconds: float) -> None:
        """Look again in ``seconds`` whether the store has been idle long enough to close (the lock is held)."""
        self._closer = threading.Timer(seconds, self._close_if_idle)
        self._closer.daemon = True
        self._closer.start()

    def _close_base(self) -> None:
        """Close the shared handle, if open (the lock is held)."""
        if self._base is not None:
            self._base.close()
            self._base = None

    @property
    def is_open(self) -> bool:
        return self._base is not None

    def close(self) -> None:
        with self._lock:
            if self._closer is not None:
                self._closer.cancel()
                self._closer = None
            self._close_base()
