"""Long computations over the whole database in a forked copy of the app, not in a thread.

A thread worker only keeps the screen responsive while it lets go of the GIL, and Python lets
go only between bytecodes: one long C call keeps it. Working out the review queue at 100k
records ends in sorting 60,000 keyed tuples, one C call that held the GIL for 100-250 ms
(faulthandler traces in benchmarks/tui_stalls.py: the event loop waiting in ``select`` while
the worker sat in ``keyed.sort()``); the scores sort every error and import numpy. However the
computation is written, its C calls grow with the database.

:func:`in_child` runs such a computation in ``os.fork()``'s copy of the process, which already
has the database in memory (copy-on-write: nothing is read or decoded again, and the records
were frozen out of the collector, so the child does not touch their pages for it). The child
holds its own GIL; only its small, pickled result comes back through a pipe, read by the
worker thread with the GIL released. The result is what the same function returns in the
app, so screens and CLI cannot differ. Where fork is missing, or the child fails or takes
too long, the computation runs in the calling thread instead (slower to draw, same answer).
"""

from __future__ import annotations

import gc
import os
import pickle
import select
import signal
import sys
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

CHILD_SECONDS = 60.0  # past this the child is stopped and the work done here


def can_fork() -> bool:
    """Forking is used where it is cheap and safe: POSIX, but not macOS (its system frameworks
    may not survive a fork of a threaded process)."""
    return hasattr(os, "fork") and sys.platform != "darwin"


def in_child(work: Callable[[], T]) -> T:
    """``work()``'s result, computed in a forked child process (see the module docstring), or
    here when no child can do it. Call it from a thread worker, never on the event loop."""
    if not can_fork():
        return work()
    data = _from_child(work)
    if data is None:
        return work()  # the child failed: the same work here gives the answer, or the real error
    return pickle.loads(data)


def _from_child(work: Callable[[], object]) -> bytes | None:
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        _child(work, read_end, write_end)  # never returns
    os.close(write_end)
    data = None
    try:
        data = _read_all(read_end, time.monotonic() + CHILD_SECONDS)
    finally:
        os.close(read_end)
        if data is None:
            _stop(pid)
        code = _reap(pid)
    return data if code == 0 else None


def _child(work: Callable[[], object], read_end: int, write_end: int) -> None:
    """In the child: compute, send the pickled result, leave at once (no atexit, no flushing of
    the parent's buffers, no freeing of 100k records one by one)."""
    code = 1
    try:
        os.close(read_end)
        _quiet_signals()
        gc.disable()  # short-lived: nothing worth collecting, and no page copied for it
        view = memoryview(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
        while view:
            view = view[os.write(write_end, view):]
        code = 0
    except BaseException:  # the parent computes it again and meets the error itself
        code = 1
    finally:
        os._exit(code)


def _quiet_signals() -> None:
    """The child shares the app's terminal and its event loop's wake-up pipe: a resize (SIGWINCH
    goes to the whole process group) must not run the app's handler here, nor poke that pipe."""
    try:
        signal.set_wakeup_fd(-1)
        if hasattr(signal, "SIGWINCH"):
            signal.signal(signal.SIGWINCH, signal.SIG_DFL)
    except (ValueError, OSError):
        pass  # not the main thread after all: the handlers stay, harmless for a short child


def _read_all(fd: int, deadline: float) -> bytes | None:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return None  # too slow: stopped, and done here instead
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError:
        pass


def _reap(pid: int) -> int:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return -1
    return os.waitstatus_to_exitcode(status)
