"""What this process last read or wrote of each database file, keyed by the file's signature.

Before a write, the bytes are compared too (CRC-32): a rewrite within one clock tick, at
the same size and on a reused inode, keeps the signature, and a write must not build on it.

A file is decoded and validated once per signature (mtime_ns, size, inode): a second
`load` of unchanged bytes, the TUI's reload after its own write, or a transaction after a
load, costs a ``stat``. A write leaves behind the tables and database it wrote, under the
signature of the file it renamed into place. Anything else that changes the file (another
process, a `git checkout`, an editor) changes its signature, and the next read decodes it.
"""

from __future__ import annotations

import os
import threading
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain.model import Database


@dataclass(frozen=True, slots=True)
class Signature:
    """What tells us the file changed since we read it."""

    mtime_ns: int
    size: int
    inode: int


def file_signature(path: Path) -> Signature | None:
    """The file's signature now; None when there is no file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return Signature(st.st_mtime_ns, st.st_size, st.st_ino)


@dataclass
class Snapshot:
    """The tables as read (or written), their decoded and validated records, and what is
    known about duplicate keys in the bytes (None: not checked yet).

    Shared: nobody changes these objects; a transaction works on copies of the tables."""

    signature: Signature
    tables: dict[str, Any] | None  # None: taken from the disk cache, parsed when a write needs them
    database: Database
    duplicates: list[str] | None
    digest: int  # content_digest of the bytes, checked before a write builds on this snapshot
    lineage: Any = None  # how the disk cache holds this database (tracker.store.diskcache.Lineage), if it does
    canonical: bool | None = None  # the bytes are exactly what encode_file writes for them (None: not known)


def content_digest(*parts: Any) -> int:
    """A fast checksum of the file's bytes, given whole or in consecutive parts (CRC-32, about
    1 GB/s): tells a rewrite within one clock tick apart from the bytes we hold, where the
    signature cannot."""
    crc = 0
    for part in parts:
        crc = zlib.crc32(part, crc)
    return crc


_lock = threading.Lock()  # the TUI reads in worker threads
_remembered: dict[str, Snapshot] = {}


def _key(path: Path) -> str:
    """One key per file however it was named (relative or absolute)."""
    return os.path.abspath(path)


def recall(path: Path, signature: Signature | None) -> Snapshot | None:
    """The snapshot of ``path`` if it was taken at exactly this signature."""
    if signature is None:
        return None
    with _lock:
        snapshot = _remembered.get(_key(path))
    return snapshot if snapshot is not None and snapshot.signature == signature else None


def remember(path: Path, snapshot: Snapshot) -> None:
    """Keep one snapshot per file (the latest), so memory holds one decoded database per file."""
    with _lock:
        _remembered[_key(path)] = snapshot


def forget(path: Path | None = None) -> None:
    """Drop what is remembered of ``path`` (or of every file)."""
    with _lock:
        if path is None:
            _remembered.clear()
        else:
            _remembered.pop(_key(path), None)
