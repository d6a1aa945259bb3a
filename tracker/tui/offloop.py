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

import asyncio
import contextlib
import functools
import gc
import math
import threading
import time
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
        _running += 1
        if _running == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
            _kick()  # after counting this worker: the heartbeat it wakes must see it
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


# ---- giving way to the screen ----------------------------------------------------------
# A worker thread and the event loop take turns with the GIL (every SWITCH_SECONDS, see app.py),
# so a 20 ms repaint took 40-60 ms while one worker built rows, and more with two. Workers built
# of many small steps (rows, filters, search text, the chunked load) call give_way() between
# them: while the event loop is late for its heartbeat it is busy (drawing, mounting a screen,
# or waiting for the GIL), and the worker sleeps, GIL released, until it has caught up.
BEAT = 0.005       # the heartbeat's period while workers run
IDLE_BEAT = 0.1    # and while none does (no wake-ups worth paying for)
LATE = 0.008       # this late, the loop is taken as busy
MAX_WAIT = 0.1     # a worker waits at most this long at a time: it always gets on
_due = math.inf    # when the next heartbeat is expected (never, until one runs)


_loop: asyncio.AbstractEventLoop | None = None
_wake: asyncio.Event | None = None


async def heartbeat() -> None:
    """Run as a task on the event loop for as long as the app runs (see :func:`give_way`)."""
    global _due, _loop, _wake
    _loop, _wake = mine = asyncio.get_running_loop(), asyncio.Event()
    try:
        while True:
            if _running:
                _due = time.monotonic() + BEAT
                await asyncio.sleep(BEAT)
            else:  # idle: slow, until the first worker starts (_kick)
                _due = time.monotonic() + IDLE_BEAT
                _wake.clear()
                with contextlib.suppress(asyncio.TimeoutError):
                    await asyncio.wait_for(_wake.wait(), IDLE_BEAT)
    finally:
        if (_loop, _wake) == mine:  # not a newer app's heartbeat (an old one can end late)
            _due, _loop = math.inf, None


def _kick() -> None:
    """From a worker thread, as the first worker starts: the heartbeat speeds up. Its next beat
    is due now; if the loop cannot run it in time, the loop is busy, and give_way() sees that."""
    global _due
    loop, wake = _loop, _wake
    if loop is None or wake is None:
        return
    _due = min(_due, time.monotonic() + BEAT)
    with contextlib.suppress(RuntimeError):  # the loop has just closed
        loop.call_soon_threadsafe(wake.set)


def give_way() -> None:
    """Called by a worker between small steps: wait (GIL released) while the event loop is busy,
    at most MAX_WAIT. Without a heartbeat (no app, or on the loop itself) it returns at once."""
    if threading.current_thread() is threading.main_thread():
        return
    start = time.monotonic()
    while time.monotonic() > _due + LATE and time.monotonic() - start < MAX_WAIT:
        time.sleep(0.001)


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
