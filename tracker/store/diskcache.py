"""A per-user cache of decoded databases, so that reading a large file parses no JSON.

One entry per database file, in ``$XDG_CACHE_HOME/tracker`` (default ``~/.cache/tracker``),
named by a hash of the file's real path. Not beside the file: the data folder stays as the
user keeps it (nothing to add to .gitignore, nothing a `git add -A` could commit, nothing
another user could plant next to a shared file for us to unpickle), and a read-only data
folder still gets a cache.

An entry holds the file's signature (mtime_ns, size, inode) and the CRC-32 of its bytes
when it was decoded and validated, the keys it gives twice, and the decoded database. It
is used only when all of them match the bytes just read, and the format version and the
tracker version match too. Entries are written whole (temp file, then rename) and carry the
length and CRC-32 of their payload, so a torn, corrupt, foreign or old entry is ignored, never
an error. The cache is best-effort: a full disk or an unwritable cache folder only means no
cache. Files under ``MIN_BYTES`` are not cached: decoding them is already quicker than that.

The payload is a table of the dates and statuses the records use (pickled once) followed by
chunks of ``CHUNK`` records, each its own pickle loaded by its own call (a thread loading an
entry lets others run between chunks; ``load``'s ``tick`` is told after each). Writing a full
entry also prunes the folder (:func:`prune`).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import stat
import time
import zlib
from pathlib import Path
from typing import Any

from tracker import __version__
from tracker.store.cacheformat import SHAPE, Unpickler, pickle_value, records, rows, unpickle
from tracker.store.guard import open_regular
from tracker.store.gcpause import paused_gc
from tracker.domain.model import Database
from tracker.domain.progress import Tick

FORMAT = 4  # 3: chunks, shared dates and statuses; 4: records as rows, and their --json text beside them
MAGIC = "tracker-decoded-cache"
MIN_BYTES = 256 * 1024
MAX_DELTA = 5000  # records changed since the full entry before a write rewrites it whole
_TABLES = {"article": "articles", "event": "events", "prediction": "predictions"}
CHUNK = 2000  # records per pickle: unpickling one holds the GIL for a few milliseconds, not the whole file


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tracker"


def can_write() -> bool:
    """Whether an entry could be written now: the cache folder, or the nearest folder above it
    that exists, is a folder this user may write in."""
    folder = cache_folder()
    while not os.path.lexists(folder) and folder.parent != folder:
        folder = folder.parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def entry_path(path: Path, delta: bool = False) -> Path:
    """Where the entry for the database at ``path`` lives (one per real path), or its delta."""
    import hashlib  # here, not at the top: it loads OpenSSL (10 ms), and `show` needs no cache
    name = hashlib.blake2b(os.path.realpath(path).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return cache_folder() / f"{name}.{'delta' if delta else 'pickle'}"



def _key(path: Path, signature: Any, digest: int) -> tuple:
    return (MAGIC, FORMAT, __version__, SHAPE, os.path.realpath(path),
            (signature.mtime_ns, signature.size, signature.inode), digest)


Changes = dict[str, dict[str, Any]]  # table name -> id -> record


class Lineage:
    """How a cached database was put together: the full entry's key and the records changed since
    (written as a small delta entry, so a `mark` does not rewrite the whole cache)."""

    __slots__ = ("base", "changes")  # a plain class: a dataclass costs milliseconds at every start-up

    def __init__(self, base: tuple, changes: Changes):
        self.base = base
        self.changes = changes


def _header(f: Any) -> tuple | None:
    """An open entry's header, if this user wrote the entry and it looks like one."""
    st = os.fstat(f.fileno())
    if st.st_uid != os.getuid() or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None  # only what this user wrote is trusted
    header = Unpickler(f).load()
    if not (isinstance(header, tuple) and len(header) == 5 and isinstance(header[0], tuple)):
        return None
    return header


def open_entry(entry: Path, want: tuple) -> tuple[tuple, memoryview] | None:
    """The header and the payload of an entry for ``want`` written by this user, if the payload
    is whole (its length and CRC-32 match)."""
    with open_regular(entry) as f:
        header = _header(f)
        if header is None or header[0] != want:
            return None
        length, crc = header[2], header[3]
        payload = f.read(length + 1)
    if len(payload) != length or zlib.crc32(payload) != crc:
        return None
    return header, memoryview(payload)


def _load_full(path: Path, want: tuple, tick: Tick | None) -> tuple[Database, Any] | None:
    found = open_entry(entry_path(path), want)
    if found is None:
        return None
    (_, duplicates, _, _, (table_length, chunks)), payload = found
    shared = unpickle(payload[:table_length])
    database = Database()
    tables = {"articles": database.articles, "events": database.events, "predictions": database.predictions}
    total = sum(count for _, count, _ in chunks)
    done, offset = 0, table_length
    # Each chunk is its own pickle, loaded by its own call: a reader in a thread holds the GIL
    # for one chunk (a few milliseconds), so the TUI's screen keeps moving while it loads.
    for name, count, length in chunks:
        tables[name].update(records(name, unpickle(payload[offset:offset + length], shared)))
        offset += length
        done += count
        if tick is not None:
            tick(done, total)
    return database, duplicates


def load(path: Path, signature: Any, digest: int,
         tick: Tick | None = None) -> tuple[Database, list[str] | None, Lineage] | None:
    """The database and duplicate keys cached for exactly these bytes, and its lineage; or None.

    ``tick(done, total)`` is called after each chunk of records (see :mod:`tracker.domain.progress`)."""
    if signature is None or signature.size < MIN_BYTES:
        return None
    want = _key(path, signature, digest)
    try:
        with paused_gc():
            full = _load_full(path, want, tick)  # written whole for these bytes
            if full is not None:
                database, duplicates = full
                lineage = Lineage(want, {})
            else:  # or written as a delta over an earlier full entry
                delta = open_entry(entry_path(path, delta=True), want)
                if delta is None:
                    return None
                (_, duplicates, _, _, base), payload = delta
                lineage = Lineage(base, unpickle(payload))
                full = _load_full(path, base, tick)
                if full is None:
                    return None
                database = full[0]
                for name, records in lineage.changes.items():
                    getattr(database, name).update(records)
        if not (duplicates is None or isinstance(duplicates, list)):
            return None
        return database, duplicates, lineage
    except Exception:  # missing, torn, foreign, another version: no cache
        return None


def has_entry(path: Path, signature: Any) -> bool:
    """Whether a full or delta entry was written for a file with this signature: a look at the
    headers only (the bytes' CRC-32 is still checked when the entry is loaded). The TUI decodes a
    large file with no entry in a child process rather than hold the GIL for seconds."""
    if signature is None or signature.size < MIN_BYTES:
        return False
    want = _key(path, signature, 0)[:-1]
    for delta in (False, True):
        try:
            with open_regular(entry_path(path, delta=delta)) as f:
                header = _header(f)
        except Exception:
            continue
        if header is not None and header[0][:-1] == want:
            return True
    return False


def write_entry(target: Path, header: tuple, payload: bytes) -> None:
    """Write an entry (``header``: key, duplicates, extra) whole (temp file, rename): a reader
    sees the old entry or the new one."""
    head = pickle.dumps((header[0], header[1], len(payload), zlib.crc32(payload), header[2]), protocol=5)
    write_whole(target, head, payload)


def write_whole(target: Path, *parts: bytes) -> None:
    """Put a file in the cache folder whole (a temp file beside it, renamed into place), so a
    reader sees the old file or the new one; the prune knows the temp file's name."""
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            for part in parts:
                tmp.write(part)
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def save(path: Path, signature: Any, digest: int, database: Database,
         duplicates: list[str] | None) -> Lineage | None:
    """Keep ``database`` as the decoding of these bytes; None (and no cache) if it cannot be written."""
    if signature is None or signature.size < MIN_BYTES:
        return None
    key = _key(path, signature, digest)
    try:
        with paused_gc():
            shared: dict = {}
            chunks, parts = [], []
            for name in ("articles", "events", "predictions"):
                items = list(getattr(database, name).values())
                for start in range(0, len(items), CHUNK):
                    part = items[start:start + CHUNK]
                    parts.append(pickle_value(rows(part), shared))
                    chunks.append((name, len(part), len(parts[-1])))
            table = pickle_value(list(shared))
            write_entry(entry_path(path), (key, duplicates, (len(table), chunks)), b"".join([table, *parts]))
    except Exception:
        return None  # best-effort: no cache is slower, never wrong
    from tracker.store import jsoncache
    jsoncache.entry_written(path, key, database)  # each record's --json text too (best-effort)
    with contextlib.suppress(Exception):
        prune()  # a full entry costs a second at 100k records: a look over the folder is nothing next to it
    return Lineage(key, {})


def save_change(path: Path, signature: Any, digest: int, database: Database, duplicates: list[str] | None,
                lineage: Lineage | None, changed: list[Any]) -> Lineage | None:
    """After a write of ``changed`` records over a database of this ``lineage``: a small delta entry
    (the base entry stays), or a full one when there is no base or the changes have grown large."""
    if signature is None or signature.size < MIN_BYTES:
        return None
    if lineage is None or len(changed) + sum(map(len, lineage.changes.values())) > MAX_DELTA:
        return save(path, signature, digest, database, duplicates)
    changes: Changes = {name: dict(records) for name, records in lineage.changes.items()}
    for record in changed:
        changes.setdefault(_TABLES[record.kind], {})[record.id] = record
    key = _key(path, signature, digest)
    try:
        with paused_gc():
            write_entry(entry_path(path, delta=True), (key, duplicates, lineage.base), pickle_value(changes))
        return Lineage(lineage.base, changes)
    except Exception:
        return None


def lineage(path: Path, signature: Any, digest: int) -> Lineage | None:
    """How the cache holds the database of exactly these bytes (whole, or as a delta over a full
    entry that is still in place), read from the entries' headers and the delta alone, without
    loading the records; None when it does not hold them. (A write that reads records one by one
    needs only this to add its delta.)"""
    if signature is None or signature.size < MIN_BYTES:
        return None
    want = _key(path, signature, digest)
    try:
        with open_regular(entry_path(path)) as f:
            full = _header(f)
        if full is not None and full[0] == want:
            return Lineage(want, {})
        delta = open_entry(entry_path(path, delta=True), want)
        if delta is None or full is None or full[0] != delta[0][4]:
            return None
        return Lineage(delta[0][4], unpickle(delta[1]))
    except Exception:
        return None


def note_canonical(path: Path, signature: Any, digest: int) -> None:
    """Remember that these bytes are in tracker's canonical layout (so a write may splice
    records into them, see tracker.store.splice): an empty entry beside the full one, under the
    same key; best-effort, like every entry, and pruned like them."""
    with contextlib.suppress(Exception):
        write_entry(entry_path(path).with_suffix(".canonical"), (_key(path, signature, digest), None, None), b"")


def is_canonical(path: Path, signature: Any, digest: int) -> bool:
    """Whether :func:`note_canonical` was told about exactly these bytes."""
    if signature is None:
        return False
    try:
        return open_entry(entry_path(path).with_suffix(".canonical"), _key(path, signature, digest)) is not None
    except Exception:
        return False


_ENTRY_NAME = r"[0-9a-f]{32}\.(pickle|delta|canonical|json)"  # compiled on first use (re caches it), not at start-up
_TEMP_NAME = r"\.[0-9a-f]{32}\.(pickle|delta|canonical|json|first)\..+\.tmp"
# The TUI's first screen (tracker/tui/firstscreen.py): JSON, kept only beside a usable full entry.
_FIRST_NAME = r"[0-9a-f]{32}\.first"
STALE_TEMP_SECONDS = 3600  # a temp file this old has no writer left (it crashed or was killed)


def prune() -> int:
    """Remove what no read can use: entries for database files that no longer exist, entries of
    another format or tracker version, deltas whose full entry is gone or was replaced, the TUI's
    first screens with no full entry beside them, and temp files an interrupted writer left over
    an hour ago. Returns how many files were removed.

    Only finished entries (written whole, then renamed into place) and old temp files are
    removed, never a temp file a writer may still be filling; an entry is removed only if it is
    still the very file that was judged (a writer may have renamed a new one into its place since).
    Removing an entry at worst costs one decode later, never a wrong read.
    """
    folder = cache_folder()
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    doomed: list[tuple[Path, os.stat_result]] = []
    judged: dict[str, tuple[os.stat_result, tuple | None, tuple | None]] = {}
    firsts: list[tuple[Path, os.stat_result]] = []
    for name in names:
        entry = folder / name
        if re.fullmatch(_TEMP_NAME, name):
            with contextlib.suppress(OSError):
                st = entry.lstat()
                if time.time() - st.st_mtime > STALE_TEMP_SECONDS:
                    doomed.append((entry, st))
        elif re.fullmatch(_ENTRY_NAME, name):
            found = _judge(entry)
            if found is not None:
                judged[name] = found
        elif re.fullmatch(_FIRST_NAME, name):
            with contextlib.suppress(OSError):
                firsts.append((entry, entry.lstat()))
    kept: set[str] = set()
    for name, (st, key, base) in judged.items():
        stem, kind = name.split(".")
        usable = key is not None and key[:4] == (MAGIC, FORMAT, __version__, SHAPE) and os.path.exists(key[4])
        if kind == "delta" and usable:  # a change over one full entry: useless without that entry
            full = judged.get(f"{stem}.pickle")
            usable = full is not None and full[1] == base
        elif kind == "json" and usable:  # the text of one full entry's records: useless without it
            full = judged.get(f"{stem}.pickle")
            usable = full is not None and full[1] == key
        if not usable:
            doomed.append((folder / name, st))
        elif kind == "pickle":
            kept.add(stem)
    # A first screen outlives nothing: its database gone (or its entry pruned), it goes too.
    doomed += [(entry, st) for entry, st in firsts if entry.name.split(".")[0] not in kept]
    return sum(_unlink_if_same(entry, st) for entry, st in doomed)


def _judge(entry: Path) -> tuple[os.stat_result, tuple | None, tuple | None] | None:
    """The entry's file status, its key (None: not an entry this tracker can use) and, for a
    delta, the key of the full entry it builds on; None if it cannot be opened."""
    try:
        with open_regular(entry) as f:
            st = os.fstat(f.fileno())
            try:
                header = _header(f)
            except Exception:
                header = None
    except OSError:
        return None
    if header is None or len(header[0]) != 7:
        return st, None, None
    return st, header[0], header[4] if entry.suffix == ".delta" else None


def _unlink_if_same(entry: Path, judged: os.stat_result) -> int:
    try:
        now = entry.lstat()
        if (now.st_ino, now.st_dev, now.st_mtime_ns) != (judged.st_ino, judged.st_dev, judged.st_mtime_ns):
            return 0  # replaced since it was judged: the new one is someone's fresh entry
        os.unlink(entry)
        return 1
    except OSError:
        return 0
