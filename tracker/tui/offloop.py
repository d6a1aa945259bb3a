"""Work off the event loop that does not stall it through the garbage collector.

A thread worker keeps the event loop free only while it lets go of the GIL. Python's cyclic
garbage collector does not: a full collection runs in whichever thread happens to allocate,
and walks every tracked object in the process, holding the GIL throughout. At 100k records
the objects a screen builds (timeline rows, the review queue, scores) made each full
collection take 40-90 ms (measured with ``gc.callbacks`` while the review and scores screens
opened), in a worker or on the loop, and its length grew with the database.

So every thread worker of the app runs through :func:`run_off_loop`: the collector is paused
while any of them runs, and when the last one ends, whatever was built and survives (the rows,
the queue, the scores, the records) is frozen out of the collector (``gc.freeze``) before it is
switched back on. A collection then only walks what the UI allocated since, however large the
database: its cost no longer grows with it. Frozen objects are still freed by reference counting
when the next read replaces them; only reference cycles among them stay (screens closed while
a worker ran), a small and bounded cost next to a frozen screen.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

T = TypeVar("T")

_lock = threading.Lock()
_running = 0          # workers inside collector_paused() now
_was_enabled = True   # whether the collector was on when the first of them started


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic collector while this (and any other) worker runs; on the last one's way
    out, freeze what survives and switch the collector back on. Safe across threads and nesting
    (a plain ``paused_gc`` inside sees the collector off and leaves it off)."""
    global _running, _was_enabled
    with _lock:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _lock:
            _running -= 1
            if _running == 0:
                gc.freeze()  # O(1): moves the tracked objects to the permanent generation
                if _was_enabled:
                    gc.enable()


def run_off_loop(work: Callable[..., T], *args: Any) -> Callable[[], T]:
    """``work(*args)`` wrapped for ``run_worker(..., thread=True)``: it runs with the collector
    paused (see :func:`collector_paused`)."""

    def run() -> T:
        with collector_paused():
            return work(*args)

    return run


def busy() -> bool:
    """True while a worker holds the collector paused (tests check it is let go)."""
    return _running > 0


def collector_quiet(method: Callable[..., T]) -> Callable[..., T]:
    """The same for a method under ``@work(thread=True)``: put it below the ``@work`` line."""

    @functools.wraps(method)
    def run(*args: Any, **kwargs: Any) -> T:
        with collector_paused():
            return method(*args, **kwargs)

    return run
