"""Pausing the cyclic garbage collector while many acyclic objects are built (no other imports:
the CLI uses it before it knows which command, and so which modules, it needs)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Parsing and decoding 100k records creates millions of objects; the collector
    would scan them over and over (half the load time) and find nothing to free.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
