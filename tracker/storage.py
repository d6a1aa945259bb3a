"""predictions.json through TinyDB: atomic, locked, validated. The only module that imports tinydb.

The file is one JSON object of TinyDB tables keyed by record id (its shape: :mod:`tracker.fileformat`).

Safety rules, each for a reason:

* A write goes to a temp file in the same folder, is fsynced, then renamed
  over the old file: a crash leaves either the old file or the new one, never
  a truncated one (TinyDB's stock JSONStorage rewrites in place).
* Every change runs in :meth:`Store.transaction`: it takes an exclusive lock
  on the folder, re-reads the file *inside* the lock and writes once at the
  end, so two processes never lose each other's updates.
* A file that cannot be read or does not match the schema is never written.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tracker import diskcache, fileguard
from tracker.codec import RecordError, decode_fields, encode_fields
from tracker.locking import LOCK_TIMEOUT_SECONDS, LockError, folder_lock  # noqa: F401 (re-exported)
from tracker.fileformat import (  # noqa: F401 (re-exported: the file's shape, named where it is read)
    META_ID, META_TABLE, PROPOSALS_TABLE, SCHEMA_VERSION, TABLES, StoreError, check_shape, empty_tables,
    encode_file,
)
from tracker.gcpause import paused_gc
from tracker.fileguard import (
    UnsafeFileError, check_writable, clean_stale_temps, duplicate_keys, read_regular, replace_file, resolve_path,
)
from tracker.model import KINDS, Database, Record
from tracker.progress import EVERY, Tick
from tracker.snapshots import Signature, Snapshot, content_digest, file_signature, recall, remember

def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new one
    (keeping its mode, and its owner and group where allowed)."""
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    replace_file(path, data, old)


class MemoryStorage(Storage):
    """TinyDB storage over tables already read: TinyDB's writes land in memory and
    :class:`Store` commits them to disk once, atomically, at the end of a transaction."""

    def __init__(self, tables: dict[str, Any]):
        self.tables = tables
        self.dirty = False

    def read(self) -> dict[str, Any]:
        return self.tables

    def write(self, data: dict[str, Any]) -> None:
        self.tables = data
        self.dirty = True


class Session:
    """Read and change records inside one transaction (or over one read-only snapshot).

    Changes go straight into the tables dict of :class:`MemoryStorage` (TinyDB's storage
    layer): TinyDB's ``Table.insert``/``update`` copy the whole table on every call, which
    made an import of n rows cost n copies of the table.
    """

    def __init__(self, path: Path, tables: dict[str, Any], database: Database | None = None):
        self.path = path
        self.storage = MemoryStorage(tables)
        # Decoded and validated; kept in step with every put (None: decode on demand).
        self._database = database
        self.changed: list[Record] = []  # every record put, in order (the disk cache writes only these)

    def _table(self, kind: str) -> dict[str, Any]:
        return self.storage.tables.get(TABLES[kind]) or {}

    def get(self, kind: str, record_id: str) -> Record | None:
        if self._database is not None:
            return self._database.table(kind).get(record_id)
        raw = self._table(kind).get(record_id)
        if raw is None:
            return None
        if not isinstance(raw, dict):
            raise StoreError(f"{self.path}: {self._where(kind, record_id)}: must be an object")
        return self._decode(kind, record_id, raw)

    def find(self, record_id: str) -> Record | None:
        for kind in KINDS:
            record = self.get(kind, record_id)
            if record is not None:
                return record
        return None

    def exists(self, kind: str, record_id: str) -> bool:
        return record_id in self._table(kind)

    def ids(self, kind: str) -> set[str]:
        return set(self._table(kind))

    def put(self, record: Record) -> None:
        """Insert the record, or replace the stored one with the same id.

        The document is decoded again first: a record that would not read back is
        refused here, so no command can leave a file that tracker then cannot open.
        """
        self.put_many([record])

    def put_many(self, records: Iterable[Record]) -> None:
        """Insert or replace many records; all or none (RecordError names the first bad one).

        Only the records given are checked (encoded, then decoded back), so a batch
        costs time in proportion to its size, not to the size of the file.
        """
        staged = []
        for record in records:
            doc = encode_fields(record)
            decoded = decode_fields(record.kind, record.id, doc, self._where(record.kind, record.id))
            staged.append((record.kind, record.id, doc, decoded))
        tables = self.storage.tables
        for kind, record_id, doc, decoded in staged:
            tables.setdefault(TABLES[kind], {})[record_id] = doc
            if self._database is not None:
                self._database.table(kind)[record_id] = decoded
            self.changed.append(decoded)
        if staged:
            self.storage.dirty = True

    def proposals(self) -> dict[str, Any]:
        """The proposals table as stored (id -> document); empty when there is none."""
        table = self.storage.tables.get(PROPOSALS_TABLE) or {}
        return table if isinstance(table, dict) else {}

    def put_proposal(self, proposal_id: str, doc: dict[str, Any]) -> None:
        """Insert or replace one proposal document."""
        self.storage.tables.setdefault(PROPOSALS_TABLE, {})[proposal_id] = doc
        self.storage.dirty = True

    def decode_all(self, tick: Tick | None = None) -> tuple[Database, list[str]]:
        """Every record that decodes, and every problem with the ones that do not.

        ``tick(done, total)`` is called as the work goes (see :mod:`tracker.progress`)."""
        database = Database()
        problems: list[str] = []
        total = sum(len(self._table(kind)) for kind in KINDS)
        done = 0
        with paused_gc():
            for kind in KINDS:
                target = database.table(kind)
                for record_id, doc in self._table(kind).items():
                    done += 1
                    if tick is not None and done % EVERY == 0:
                        tick(done, total)
                    try:
                        target[record_id] = decode_fields(kind, record_id, doc, self._where(kind, record_id))
                    except RecordError as exc:
                        problems.extend(exc.problems)
        return database, problems

    def database(self, tick: Tick | None = None) -> Database:
        """Every record, decoded into the model; raises StoreError naming the first problem."""
        if self._database is not None:
            return self._database
        database, problems = self.decode_all(tick)
        if problems:
            more = f" (and {len(problems) - 1} more; run `tracker validate`)" if len(problems) > 1 else ""
            raise StoreError(f"{self.path}: {problems[0]}{more}")
        self._database = database
        return database

    def _decode(self, kind: str, record_id: str, doc: dict) -> Record:
        try:
            return decode_fields(kind, record_id, dict(doc), self._where(kind, record_id))
        except RecordError as exc:
            raise StoreError(f"{self.path}: {exc.problems[0]}") from None

    @staticmethod
    def _where(kind: str, record_id: str) -> str:
        return f"{TABLES[kind]}[{record_id}]"


class Store:
    """One predictions file."""

    def __init__(self, path: str | os.PathLike[str], tick: Tick | None = None):
        self.path = Path(path)
        self.tick = tick  # told how decoding a file goes (a progress bar), when given
        if self.path.is_symlink():  # write (and lock) where the link points, keeping the link
            try:
                self.path = resolve_path(self.path)
            except UnsafeFileError as exc:
                raise StoreError(str(exc)) from None

    def signature(self) -> Signature | None:
        return file_signature(self.path)

    def _refuse_read_only(self) -> None:
        try:
            check_writable(self.path)
        except UnsafeFileError as exc:
            raise StoreError(str(exc)) from None

    def exists(self) -> bool:
        return self.path.exists()

    def read_tables(self, missing_ok: bool = False, duplicates: list[str] | None = None) -> dict[str, Any]:
        """The file's tables, checked for shape and schema version.

        With a ``duplicates`` list, the keys the file gives twice in one object are added
        to it (about a third of the read time at 100k records, so only where it matters:
        before a write, and in `validate`).
        """
        return self._parse(self._read_bytes(missing_ok), duplicates)

    def _read_bytes(self, missing_ok: bool = False) -> bytes | None:
        """The file's bytes; None for a missing file when ``missing_ok``."""
        try:
            return read_regular(self.path)
        except UnsafeFileError as exc:
            raise StoreError(str(exc)) from None
        except FileNotFoundError:
            if missing_ok:
                return None
            raise StoreError(f"{self.path}: no such file (`tracker add` or `tracker import` creates one)") from None
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot read: {exc.strerror or exc}") from None

    def _parse(self, raw: bytes | None, duplicates: list[str] | None = None) -> dict[str, Any]:
        if raw is None:
            return empty_tables()
        try:
            with paused_gc():
                tables = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise StoreError(f"{self.path}: not valid JSON: {exc}") from None
        if duplicates is not None:
            duplicates.extend(duplicate_keys(raw, tables))
        check_shape(tables, self.path)
        return tables

    def _refuse_duplicate_keys(self, found: list[str]) -> None:
        if found:
            more = f" and {len(found) - 1} more" if len(found) > 1 else ""
            raise StoreError(f"{self.path}: key {found[0]} appears more than once{more} (a hand-merged "
                             "conflict?); writing would drop a copy, so nothing was written "
                             "(`tracker validate` lists them)")

    def session(self, missing_ok: bool = False) -> Session:
        """A read-only view of the file as it is now."""
        return Session(self.path, self.read_tables(missing_ok))

    def load(self, for_write: bool = False) -> Database:
        """Every record in the file, decoded; StoreError if the file is unusable.

        Decoded once per file signature: unchanged bytes are never decoded twice. With
        ``for_write``, the bytes are also checked for keys given twice, so a transaction
        that follows needs no second read.
        """
        return self._snapshot(check_duplicates=for_write).database

    def _snapshot(self, missing_ok: bool = False, check_duplicates: bool = False,
                  verify: bool = False) -> Snapshot:
        """The file read, shape-checked and decoded (or what this process already knows of it).

        ``verify`` (before a write) compares the bytes with what is remembered, not only the
        signature: a file rewritten within one clock tick, at the same size, on a reused
        inode has the same signature, and a write must never build on a stale read.
        """
        before = self.signature()
        # A file over the read cap is refused even if this process wrote it (the cap may be lower now).
        known = recall(self.path, before) if before is None or before.size <= fileguard.MAX_READ_BYTES else None
        if known is not None and not verify and (known.duplicates is not None or not check_duplicates):
            return known
        raw = self._read_bytes(missing_ok)
        digest = content_digest(raw) if raw is not None else 0
        if known is not None and raw is not None and digest == known.digest:
            self._complete(known, raw, check_duplicates, verify)
            return known
        cached = diskcache.load(self.path, before, digest, self.tick) if raw is not None else None
        if cached is not None:  # decoded and validated when it was cached: no JSON to parse for a read
            snapshot = Snapshot(before, None, cached[0], cached[1], digest, cached[2])
            self._complete(snapshot, raw, check_duplicates, verify)
        else:
            duplicates: list[str] | None = [] if check_duplicates else None
            tables = self._parse(raw, duplicates)
            snapshot = Snapshot(before, tables, Session(self.path, tables).database(self.tick), duplicates, digest)
        if before is not None and self.signature() == before:  # not changed while we read it
            remember(self.path, snapshot)
            if cached is None:
                snapshot.lineage = diskcache.save(self.path, before, digest, snapshot.database, snapshot.duplicates)
        return snapshot

    def _complete(self, snapshot: Snapshot, raw: bytes, check_duplicates: bool, need_tables: bool) -> None:
        """Fill in what a snapshot from a cache lacks: the tables (parsed from ``raw``, the bytes
        it was taken from), when a write needs them, and the duplicate keys, when asked."""
        if snapshot.tables is None and (need_tables or (check_duplicates and snapshot.duplicates is None)):
            found: list[str] | None = [] if check_duplicates and snapshot.duplicates is None else None
            snapshot.tables = self._parse(raw, found)
            if found is not None:
                snapshot.duplicates = found
        if check_duplicates and snapshot.duplicates is None:
            snapshot.duplicates = duplicate_keys(raw, snapshot.tables)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """Lock, re-read the file, let the caller change it, and write it once, atomically.

        Nothing is written if the body raises, or if it changed nothing. "Re-read" costs
        a stat when this process read or wrote these very bytes before (see
        :mod:`tracker.snapshots`); the session works on copies of the tables, so a body
        that raises leaves nothing behind.
        """
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if not folder.is_dir():
            raise StoreError(f"{self.path}: folder {folder} does not exist")
        with folder_lock(folder):
            self._refuse_read_only()
            clean_stale_temps(self.path)
            # A file that does not match the schema, or gives a key twice, is never written.
            known = self._snapshot(missing_ok=True, check_duplicates=True, verify=True)
            self._refuse_duplicate_keys(known.duplicates or [])
            tables = {name: dict(table) if isinstance(table, dict) else table
                      for name, table in known.tables.items()}
            db = known.database
            session = Session(self.path, tables, Database(dict(db.articles), dict(db.events),
                                                          dict(db.predictions)))
            yield session
            if session.storage.dirty or not self.path.exists():
                tables = session.storage.tables
                tables.setdefault(META_TABLE, {META_ID: {"schema_version": SCHEMA_VERSION}})
                data = encode_file(tables)
                try:
                    atomic_write(self.path, data)
                except OSError as exc:
                    raise StoreError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
                written = self.signature()
                if written is not None:  # the next read of these bytes costs nothing, here and in other processes
                    digest = content_digest(data)
                    lineage = diskcache.save_change(self.path, written, digest, session.database(), [],
                                                    known.lineage, session.changed)
                    remember(self.path, Snapshot(written, tables, session.database(), [], digest, lineage))
