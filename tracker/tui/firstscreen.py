"""The first screen of a large file, kept between runs, so the TUI shows rows before it has read
the whole database.

Reading 100k records takes a second or more however it is done; an empty Textual app starts
in about 50 ms. So whenever the timeline has built its rows, it keeps a small entry beside the
decoded-records cache (:mod:`tracker.store.diskcache`): the rows around the today line of the default
view, the details of their records, and the status counts. At start-up a thread reads the
database file and hashes it while Textual starts (file reads and CRC-32 release the GIL); if the
entry was made from exactly these bytes (signature and CRC-32), on the same day (statuses such
as overdue depend on it), by this version, the timeline shows those rows at once, marked as a
preview, until the whole file is read. An entry that does not match is never shown.

The entry is JSON of plain strings (no pickle: nothing in it can run), read only when this user
owns it and nobody else can write it. Files under ``MIN_BYTES`` get no entry: they are read
before the first paint anyway.
"""

from __future__ import annotations

import datetime as _dt
import mmap
import os
import stat
from bisect import bisect_left
from dataclasses import dataclass
from pathlib import Path

import orjson

from tracker import __version__

from tracker.store import diskcache
from tracker.domain.dates import PDate
from tracker.store.guard import open_regular
from tracker.domain.model import Database
from tracker.domain.query import Counts
from tracker.store.snapshots import Signature, content_digest, file_signature, recall
from tracker.domain.text import visible
from tracker.tui.details import details_data
from tracker.tui.rows import STYLES, Row, today_row

FORMAT = 1
MAGIC = "tracker-first-screen"
MIN_BYTES = 4_000_000   # about 5k predictions: smaller files are read in well under a second
AROUND = 100            # rows kept before and after the today line: a tall screen, and some scrolling
MAX_ENTRY_BYTES = 8_000_000  # an entry is a few hundred kB; anything larger is not ours
READ_CHUNK = 8 << 20    # hashed a slice at a time: the GIL is let go for each


@dataclass
class Preview:
    """Rows to show before the database is read, and what the header says about them."""

    rows: list[Row]
    cursor: int
    counts: Counts
    total: int          # rows in the whole default view (the today line aside)
    path: Path


def entry_path(path: Path) -> Path:
    return diskcache.entry_path(path).with_suffix(".first")


def _key(path: Path, signature: Signature, digest: int, today: _dt.date) -> list:
    return [MAGIC, FORMAT, __version__, os.path.realpath(path),
            [signature.mtime_ns, signature.size, signature.inode], digest, today.isoformat()]


# ---- reading (at start-up, in a thread) -------------------------------------------
def find(path: Path, today: _dt.date) -> Preview | None:
    """The preview kept for exactly the bytes at ``path`` today, or None. Never raises."""
    try:
        return _find(path, today)
    except Exception:  # missing, torn, foreign, another version: no preview, never an error
        return None


def _find(path: Path, today: _dt.date) -> Preview | None:
    signature = file_signature(path)
    if signature is None or signature.size < MIN_BYTES:
        return None
    data = _read_entry(entry_path(path))
    want = _key(path, signature, 0, today)
    key = data.get("key") if data is not None else None
    # Everything but the CRC first: a file with another signature is not even read.
    if not (isinstance(key, list) and len(key) == len(want) and key[:5] == want[:5] and key[6] == want[6]):
        return None
    if _digest_of(path) != key[5] or file_signature(path) != signature:
        return None
    return _preview(data, path)


def _read_entry(entry: Path) -> dict | None:
    with open_regular(entry) as f:  # a FIFO named like an entry must not hang the start-up
        st = os.fstat(f.fileno())
        if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH) or st.st_size > MAX_ENTRY_BYTES:
            return None  # only what this user wrote is trusted
        data = orjson.loads(f.read())
    return data if isinstance(data, dict) else None


def _digest_of(path: Path) -> int | None:
    """The file's content digest, as the store takes it (:func:`tracker.store.snapshots.content_digest`,
    so a preview's key is the snapshot's), over a memory map rather than a read (no copy: 20-30 ms
    for 70 MB instead of 35-50), in slices so each call releases the GIL while Textual starts."""
    with open_regular(path) as f:  # a regular file only (opened without blocking)
        if os.fstat(f.fileno()).st_size == 0:
            return content_digest()
        with mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped, memoryview(mapped) as view:
            return content_digest(*(view[start:start + READ_CHUNK] for start in range(0, len(view), READ_CHUNK)))


def _shown(cell: object) -> str:
    return visible(str(cell), keep_newlines=True)


def _preview(data: dict, path: Path) -> Preview:
    rows = []
    for i, (kind, ref, date, cells, details) in enumerate(data["rows"]):
        when = PDate(*date) if date else None
        # What was drawn last time, read again as data: shown through visible() like anything else
        # (an entry changed by hand must not reach the terminal as control sequences).
        cells = tuple(visible(str(c)) for c in cells)
        if len(cells) != 5 or kind not in ("event", "prediction", "today") or cells[0] not in STYLES:
            raise ValueError("not a preview row")
        grid, history = details or ([], [])
        rows.append(Row((i, str(ref or "")), when, kind, None, cells=cells, ref=ref if kind != "today" else None,
                        details=([tuple(_shown(c) for c in r) for r in grid], [tuple(_shown(c) for c in r) for r in history])
                        if details else None))
    counts = Counts(*(int(n) for n in data["counts"]))
    return Preview(rows, min(int(data["cursor"]), max(len(rows) - 1, 0)), counts, int(data["total"]), path)


# ---- writing (after the rows are built, in the same worker) ---------------------------
def keep(path: Path, signature: Signature | None, database: Database, all_rows: list[Row], counts: Counts,
         today: _dt.date) -> None:
    """Keep the first screen of the default view for the bytes ``database`` was read from.

    Written only when this process knows those bytes' CRC-32 (it read or wrote them, and
    still holds that very database): a preview must never stand for other bytes. Best-effort."""
    if signature is None or signature.size < MIN_BYTES:
        return
    snapshot = recall(path, signature)
    if snapshot is None or snapshot.database is not database:
        return
    try:
        diskcache.write_whole(entry_path(path), _entry(path, signature, snapshot.digest, database, all_rows, counts, today))
    except Exception:
        return  # no preview is slower, never wrong


def _entry(path: Path, signature: Signature, digest: int, database: Database, all_rows: list[Row],
           counts: Counts, today: _dt.date) -> bytes:
    marker = today_row(today)
    at = bisect_left(all_rows, marker.key, key=lambda r: r.key)
    shown = [*all_rows[max(0, at - AROUND):at], marker, *all_rows[at:at + AROUND]]
    rows = []
    for row in shown:
        date = [row.date.year, row.date.month, row.date.day] if row.date is not None else None
        details = details_data(row.record, database, today) if row.record is not None else None
        rows.append([row.kind, row.record_id, date, [row.style, row.status, row.probability, row.text, row.article],
                     details])
    cursor = min(at - max(0, at - AROUND) + 1, len(rows) - 1)  # the first record after the today line
    return orjson.dumps({"key": _key(path, signature, digest, today), "rows": rows, "cursor": cursor,
                         "counts": [counts.pending, counts.confirmed, counts.refuted, counts.overdue, counts.void],
                         "total": len(all_rows)})


