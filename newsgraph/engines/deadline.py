"""A time limit on coding one document, so one pathological input cannot stall a run.

The limit is a SIGALRM timer: when it fires, ``DocumentTimeout`` is raised in
whatever Python code is running (spaCy's pipeline, the coder, a regular
expression that returns to Python). It derives from BaseException so that no
``except Exception`` inside the pipeline swallows it. Signals only reach the
main thread, so elsewhere (a Ray actor's thread) the limit is not enforced
here; the local process pool adds a hard limit on top (engines/local.py): a
worker stuck in C code that never returns to Python is killed.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


class DocumentTimeout(BaseException):
    """Coding one document took longer than the time limit."""


def can_time_out() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise DocumentTimeout in this block after ``seconds`` (None or 0: no limit, or no limit possible here)."""
    if not seconds or seconds <= 0 or not can_time_out():
        yield
        return

    def fire(signum, frame):
        raise DocumentTimeout()

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
