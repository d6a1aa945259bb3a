"""The database lock: an exclusive POSIX ``flock`` on the database's folder.

Locking the folder (not the file) survives the rename that replaces the file, and leaves
no lock file behind. The lock is advisory: it keeps tracker processes from losing each
other's updates, not an editor that writes the file without asking.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tracker.domain.errors import TrackerError

LOCK_TIMEOUT_SECONDS = 15.0


class LockError(TrackerError):
    """The lock could not be taken (timed out, or the folder cannot be locked); nothing was changed."""


@contextlib.contextmanager
def folder_lock(folder: Path, timeout: float = LOCK_TIMEOUT_SECONDS) -> Iterator[None]:
    """An exclusive advisory lock on the database's folder (leaves no lock file behind)."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        owned = _take_lock(fd, timeout)
    except BaseException:
        os.close(fd)
        raise
    if not owned:  # the waiting thread owns the descriptor now and closes it when it gets the lock
        raise LockError(f"{folder}: timed out after {timeout:.0f} s waiting for the database lock "
                        "(other tracker processes kept it busy); nothing was changed, try again")
    try:
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def _take_lock(fd: int, timeout: float) -> bool:
    """Take an exclusive flock on ``fd``, waiting at most ``timeout`` seconds.

    Waiting is a *blocking* flock (the kernel wakes a waiter the moment the lock is
    released), not a poll with sleeps, which starves a waiter behind busy writers that
    retake the lock between its polls. The blocking call runs in a helper thread so that
    it can time out; if it does, the thread keeps ``fd`` and closes it once it gets the
    lock, so an abandoned wait never holds the lock. Returns False on a timeout.
    """
    import fcntl
    import threading

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        pass
    done = threading.Event()
    guard = threading.Lock()
    state: dict[str, Any] = {"abandoned": False, "error": None}

    def wait() -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            state["error"] = exc
        with guard:
            if state["abandoned"]:
                os.close(fd)
            done.set()

    threading.Thread(target=wait, name="tracker-lock-wait", daemon=True).start()
    if not done.wait(timeout):
        with guard:
            if not done.is_set():
                state["abandoned"] = True
                return False
    if state["error"] is not None:
        raise LockError(f"cannot lock the database folder: {state['error'].strerror or state['error']}")
    return True
