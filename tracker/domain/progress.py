"""A progress bar for long CLI work, on stderr, only when stderr is a terminal.

Library loops take a ``Tick`` callback (``tick(done, total)``) and know nothing of terminals;
the CLI passes :func:`bar`. Nothing is drawn before the work has taken ``DELAY`` seconds, so
quick commands print nothing extra, and nothing at all goes to a pipe or a file. Rich (which
comes with Textual) is imported only once a bar is drawn.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator

Tick = Callable[[int, int], None]
DELAY = 1.0
EVERY = 2000  # loops call tick every this many items: the check itself must cost nothing


@contextlib.contextmanager
def bar(label: str) -> Iterator[Tick | None]:
    """A tick callback that draws ``label`` and a bar on stderr after DELAY seconds (None when
    stderr is not a terminal); the bar is removed when the work is done."""
    if not sys.stderr.isatty():
        yield None
        return
    start = time.monotonic()
    shown: dict = {}

    def tick(done: int, total: int) -> None:
        if not shown:
            if time.monotonic() - start < DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            progress = Progress(TextColumn("{task.description}", markup=False), BarColumn(),
                                MofNCompleteColumn(), console=Console(file=sys.stderr), transient=True)
            progress.start()
            shown["progress"], shown["task"] = progress, progress.add_task(label, total=total)
        shown["progress"].update(shown["task"], completed=done, total=total)

    try:
        yield tick
    finally:
        if shown:
            shown["progress"].stop()
