"""The database file as TinyDB sees it: a storage class, a write batch, and tables keyed by id.

TinyDB is the engine: :class:`tracker.store.store.Store` opens a :class:`RecordDB` over
``WriteBatch(FileStorage)`` and every read and change goes through its tables. What is ours is
only what TinyDB leaves to a storage and a table class:

* :class:`FileStorage` reads and writes the file: orjson; the canonical layout (two-space
  indent, keys sorted, UTF-8 unescaped, so git diffs stay clean); a regular file only, under the
  size cap; keys given twice refused (a hand-merged conflict would lose a copy on the next write);
  the shape and schema version checked; written atomically (temp file, fsync, rename, keeping
  mode and owner). It never writes bytes it could not read back.
* :class:`WriteBatch` is a TinyDB middleware (the style of ``CachingMiddleware``): the file is
  read once per transaction, TinyDB's writes stay in memory, and :meth:`WriteBatch.flush`
  writes them once, while the transaction still holds the lock.
* :class:`RecordTable` keeps TinyDB's string document ids as they are: a record's id is its key
  in the file, never a number TinyDB makes up.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.middlewares import Middleware
from tinydb.storages import Storage
from tinydb.table import Table

from tracker.store.guard import UncheckableJSON, UnsafeFileError, duplicate_keys, read_regular, replace_file
from tracker.store.layout import StoreError, check_shape, empty_tables, encode_file
from tracker.store.pieces import parse_canonical


class _Pauses:
    """How many threads are inside :func:`collector_paused`, and whether the collector was on
    before the first of them paused it."""

    lock = threading.Lock()
    count = 0
    was_enabled = False


@contextlib.contextmanager
def collector_paused(settle: bool = False) -> Iterator[None]:
    """The cyclic garbage collector off while a file's records are parsed, decoded and let go,
    and back on (if it was) when the last thread that paused it is done.

    Parsing and decoding build a few objects per field and no reference cycles, so the collector
    can find nothing to free in them; left on, it rescans the growing heap again and again and
    doubles the time of a read (at 100k predictions: orjson.loads 0.65 s off, 1.44 s on; decoding
    0.8 s off, 2.8 s on), and each rescan stops every thread, the TUI's screen included. Only
    around the bulk work of one read or one transaction, or of a command's output (a dict per
    record for ``--json`` or export: 0.45 s off, 0.85 s on for 60,000 records), or of a whole
    read command (`list`, `score`...: see tracker.cli.main), whose records are garbage when it
    returns; never for a command that runs on (the TUI), nor for the ones that write or ingest.
    The pauses of several threads (the TUI reading while it writes) are counted: the collector
    comes back when the last one ends, not in the middle of another thread's read.

    ``settle``: when the collector comes back, it looks at what is left once, at once (one
    ``gc.collect()``), rather than the three times its generations would take over the next few
    thousand allocations (each a pause of every thread: 0.15-0.25 s with 100k records held)."""
    with _Pauses.lock:
        if _Pauses.count == 0:
            _Pauses.was_enabled = gc.isenabled()
            gc.disable()
        _Pauses.count += 1
    try:
        yield
    finally:
        with _Pauses.lock:
            _Pauses.count -= 1
            back = _Pauses.count == 0 and _Pauses.was_enabled
            if back:
                gc.enable()
        if back and settle:
            gc.collect()


class FileStorage(Storage):
    """One database file, read and written whole (TinyDB's storage interface)."""

    def __init__(self, path: Path, missing_ok: bool = False, refuse_duplicates: bool = True,
                 keep_values: bool = False):
        self.path = path
        # Each record's bytes as the file has them (table name -> id -> bytes), kept by a read
        # of a canonical file when asked for (see tracker.store.pieces.parse_canonical).
        self.values: dict[str, dict[str, bytes]] | None = {} if keep_values else None
        self.missing_ok = missing_ok
        self.refuse_duplicates = refuse_duplicates
        self.duplicates: list[str] = []  # keys the file gave twice (kept when not refused)
        self.missing = False  # the file did not exist when read
        self.written: os.stat_result | None = None  # what the last write left, as it stood before its rename

    def read(self) -> dict[str, Any]:
        raw = self._read_bytes()
        if raw is None:
            self.missing = True
            return empty_tables()
        with collector_paused():
            tables = parse_canonical(raw, self.values)  # in pieces: the file as tracker writes it
        canonical = tables is not None
        if not canonical:
            self.values = None
        if tables is None:  # written by hand or by another program: parsed whole, checked whole
            try:
                with collector_paused():
                    tables = orjson.loads(raw)
            except orjson.JSONDecodeError as exc:
                raise StoreError(f"{self.path}: not valid JSON: {exc}") from None
            try:
                canonical = encode_file(tables) == raw
            except (orjson.JSONEncodeError, TypeError):
                canonical = False
        try:
            self.duplicates = duplicate_keys(raw, canonical)
        except UncheckableJSON as exc:
            raise StoreError(f"{self.path}: not read: {exc}") from None
        if self.duplicates and self.refuse_duplicates:
            found = self.duplicates
            more = f" and {len(found) - 1} more" if len(found) > 1 else ""
            raise StoreError(f"{self.path}: key {found[0]} appears more than once{more} (a hand-merged "
                             "conflict?); reading it would drop a copy, so nothing was read or written "
                             "(`tracker validate` lists them)")
        check_shape(tables, self.path)
        return tables

    def _read_bytes(self) -> bytes | None:
        try:
            return read_regular(self.path)
        except UnsafeFileError as exc:
            raise StoreError(str(exc)) from None
        except FileNotFoundError:
            if self.missing_ok:
                return None
            raise StoreError(f"{self.path}: no such file (`tracker add` or `tracker import` creates one)") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read: {exc.strerror or exc}") from None

    def write(self, data: dict[str, Any]) -> None:
        try:
            encoded = encode_file(data)
        except (orjson.JSONEncodeError, TypeError) as exc:  # e.g. a lone surrogate from the environment
            raise StoreError(f"{self.path}: not written: a value cannot be stored as JSON ({exc}); "
                             "the file is unchanged") from None
        try:
            old = self.path.stat()
        except FileNotFoundError:
            old = None
        try:
            self.written = replace_file(self.path, encoded, old)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write: {exc.strerror or exc}") from None


class WriteBatch(Middleware):
    """Read the file once; keep TinyDB's writes in memory until :meth:`flush` writes them once."""

    def __init__(self, storage_cls: Callable[..., Storage] = FileStorage):
        super().__init__(storage_cls)
        self._data: dict[str, Any] | None = None
        self.dirty = False

    def read(self) -> dict[str, Any]:
        if self._data is None:
            self._data = self.storage.read()
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def flush(self, force: bool = False) -> bool:
        """Write what TinyDB changed (or, with ``force``, what was read) in one storage write;
        whether anything was written."""
        if self._data is None or not (self.dirty or force):
            return False
        self.storage.write(self._data)
        self.dirty = False
        return True

    def close(self) -> None:  # nothing is written behind the transaction's back
        self._data = None


class RecordTable(Table):
    """A TinyDB table whose document ids are the records' own string ids."""

    document_id_class = str

    def _get_next_id(self) -> str:
        raise ValueError("a record is stored under its own id: insert a Document with doc_id")

    def put_many(self, docs: Mapping[str, Mapping[str, Any]]) -> None:
        """Insert or replace the documents given by id, in one pass over the table (one
        storage write, which :class:`WriteBatch` keeps until the transaction ends).

        TinyDB's ``upsert`` finds or inserts one document per call, each a pass over the whole
        table; an import of n rows would cost n passes."""
        if not docs:
            return

        def replace(table: dict[str, Mapping[str, Any]]) -> None:
            for doc_id, doc in docs.items():
                table[doc_id] = dict(doc)

        self._update_table(replace)

    def raw(self) -> Mapping[str, Any]:
        """The table's documents as stored (id -> dict), read-only by convention: for decoding
        every record at once without a Document copy of each."""
        return self._read_table()


class RecordDB(TinyDB):
    """TinyDB over our storage, with record tables."""

    table_class = RecordTable


def open_db(path: Path, missing_ok: bool = False, refuse_duplicates: bool = True,
            keep_values: bool = False) -> RecordDB:
    """A TinyDB over the file, read on first use and written only by ``storage.flush()``."""
    return RecordDB(path, missing_ok=missing_ok, refuse_duplicates=refuse_duplicates, keep_values=keep_values,
                    storage=WriteBatch(FileStorage))


Signature = tuple[int, int, int, int]


def file_signature(path: Path) -> Signature | None:
    """What changes whenever the file's bytes may have: size, modification and change times
    (ctime moves on any write, even one that restores mtime), inode. None when there is no file."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:  # a symlink loop put there, a folder made unreadable: a change, not a crash
        return (-1, exc.errno or 0, 0, 0)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
