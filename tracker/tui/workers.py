"""Thread workers that let go of what started them.

Textual runs a thread worker in a pool thread and marks it as that thread's current worker
(``textual.worker.active_worker``, a context variable of the thread), where it stays until the
thread runs another. The worker holds the screen that started it, so a review or scores screen
closed by the reader stayed alive as long as that pool thread did. :func:`releasing` clears the
mark when the work is done, so a closed screen is freed like any other object.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from textual.worker import active_worker

T = TypeVar("T")


def releasing(work: Callable[..., T]) -> Callable[..., T]:
    """``work``, clearing the pool thread's current worker when it returns or raises."""

    @functools.wraps(work)
    def run(*args: Any, **kwargs: Any) -> T:
        try:
            return work(*args, **kwargs)
        finally:
            active_worker.set(None)  # type: ignore[arg-type]  # no worker runs in this thread now

    return run
