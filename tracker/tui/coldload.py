"""Decoding a large file that has no cache entry yet, in a child process.

Parsing 70 MB of JSON is one C call that holds the GIL for the best part of a second, and
decoding 100k records takes a second more: in the TUI's own process that freezes the screen,
worker thread or not. A child process (``python -m tracker.tui.coldload FILE``) reads and
decodes the file, which leaves a cache entry behind (:mod:`tracker.store.diskcache`), and says how far
it has got on stdout; the app then loads that entry chunk by chunk, drawing between chunks. The
child says when the entry is in place and only then writes each record's --json text
(:mod:`tracker.store.jsoncache`, a second or so at 100k records): the app does not wait for that.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHILD_BYTES = 3_000_000  # about 4k predictions: smaller files parse in 20-30 ms (at 8 MB, 60-80 ms: too near 100)
REFUSED = 3  # the child's exit status when the file cannot be read (its reason is on stderr)
READY = "ready\n"  # the child's line once the cache entry is written (it then writes the --json texts)


class ChildFailed(Exception):
    """The child could not decode the file: its one-line reason (or why it stopped)."""


def decode_in_child(path: Path, tick: Callable[[int, int], None] | None = None) -> bool:
    """Decode ``path`` in a child process, which fills the cache. Raises ChildFailed with the
    child's one-line reason when the file cannot be read; False if the child died some other way
    (the caller then reads the file itself)."""
    child = subprocess.Popen([sys.executable, "-P", "-m", "tracker.tui.coldload", str(path)],
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", errors="replace")
    for line in child.stdout:
        if line == READY:  # the entry is in place; the child goes on to write the --json texts
            child.stdout.close()
            child.stderr.close()
            threading.Thread(target=child.wait, name="coldload-reaper", daemon=True).start()
            return True
        done, _, total = line.partition(" ")
        if tick is not None and done.isdigit() and total.strip().isdigit():
            tick(int(done), int(total))
    with child:
        error = child.stderr.read().strip()
    if child.returncode == REFUSED and error:
        raise ChildFailed(error.splitlines()[-1])
    return child.returncode == 0


def proposals_in_child(path: Path) -> list[tuple[str, dict[str, Any]]] | None:
    """The proposals waiting in ``path`` (as :func:`tracker.ingest.proposals.listing` gives
    them), read by `tracker inbox --json` in a child: only that small table crosses over, and
    the 70 MB parse holds the child's GIL, not the app's. None if the child failed."""
    done = subprocess.run([sys.executable, "-P", "-m", "tracker", "--db", str(path), "inbox", "--json"],
                          stdin=subprocess.DEVNULL, capture_output=True)
    if done.returncode != 0:
        return None
    try:
        items = json.loads(done.stdout)
        return [(str(item.pop("id")), item) for item in items]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def main(argv: list[str]) -> int:
    from tracker.store.store import Store, StoreError

    def tick(done: int, total: int) -> None:
        print(done, total, flush=True)

    from tracker.store import jsoncache
    jsoncache.defer()  # the app waits for the entry only, not for the records' --json texts
    try:
        Store(argv[0], tick=tick).load()
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return REFUSED
    print(READY, end="", flush=True)
    jsoncache.write_deferred()
    return 0


if __name__ == "__main__":
    import os

    code = main(sys.argv[1:])
    sys.stderr.flush()
    os._exit(code)  # leave without freeing 100k records one by one (seconds, for nothing)
