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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from tracker import diskcache, fileguard
from tracker.dbsession import MemoryStorage, Session  # noqa: F401 (re-exported)
from tracker.locking import LOCK_TIMEOUT_SECONDS, LockError, folder_lock  # noqa: F401 (re-exported)
from tracker.fileformat import (  # noqa: F401 (re-exported: the file's shape, named where it is read)
    META_ID, META_TABLE, PROPOSALS_TABLE, SCHEMA_VERSION, TABLES, StoreError, check_shape, empty_tables,
    encode_file,
)
from tracker.fileguard import (
    UnsafeFileError, check_writable, clean_stale_temps, duplicate_keys, read_regular, replace_file, resolve_path,
)
from tracker.gcpause import paused_gc  # noqa: F401 (re-exported)
from tracker.model import Database
from tracker.progress import Tick
from tracker.snapshots import Signature, Snapshot, content_digest, file_signature, recall, remember

def atomic_write(path: Path, data: bytes | list[Any]) -> None:
    """Replace ``path`` with ``data`` (bytes, or buffers written one after the other) so that
    a crash leaves the old file or the new one (keeping its mode, and its owner and group
    where allowed)."""
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    replace_file(path, data, old)


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

    def _parse_checked(self, raw: bytes | None,
                       duplicates: list[str] | None = None) -> tuple[dict[str, Any], bool]:
        """The tables, and whether ``raw`` is canonical (see :meth:`_parse`)."""
        canonical: list[bool] = []
        return self._parse(raw, duplicates, canonical), canonical[0]

    def _parse(self, raw: bytes | None, duplicates: list[str] | None = None,
               canonical: list[bool] | None = None) -> dict[str, Any]:
        """The tables (keys given twice added to ``duplicates``, when given), and whether ``raw``
        is canonical (appended to ``canonical``): exactly what ``encode_file`` writes for them, so
        a write may splice into it. Such bytes give no key twice (a parse keeps one copy of each,
        and encoding that gave the same bytes), so their duplicate check is free."""
        if raw is None:
            if canonical is not None:
                canonical.append(False)
            return empty_tables()
        try:
            with paused_gc():
                tables = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise StoreError(f"{self.path}: not valid JSON: {exc}") from None
        try:
            same = encode_file(tables) == raw
        except orjson.JSONEncodeError:
            same = False
        if duplicates is not None and not same:
            duplicates.extend(duplicate_keys(raw, tables))
        names = set(tables) if isinstance(tables, dict) else None
        check_shape(tables, self.path)
        if canonical is not None:
            canonical.append(same and set(tables) == names)  # a table added by check_shape is not in the bytes
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

    def encoded_json(self, database: Database) -> Any:
        """Each record's ``--json`` text as the disk cache keeps it, for the records of
        ``database`` (what :meth:`load` returned): a :class:`tracker.jsoncache.Encoded`, or None
        when the cache holds none for exactly these records."""
        snapshot = recall(self.path, self.signature())
        if snapshot is None or snapshot.database is not database:
            return None
        from tracker import jsoncache

        return jsoncache.load(self.path, database, snapshot.lineage)

    def _snapshot(self, missing_ok: bool = False, check_duplicates: bool = False) -> Snapshot:
        """The file read, shape-checked and decoded (or what this process already knows of it)."""
        return self._read_snapshot(missing_ok, check_duplicates)[0]

    def _read_snapshot(self, missing_ok: bool = False, check_duplicates: bool = False,
                       verify: bool = False) -> tuple[Snapshot, bytes | None]:
        """The snapshot, and the bytes it was checked against (None when not read or no file).

        ``verify`` (before a write) compares the bytes with what is remembered, not only the
        signature: a file rewritten within one clock tick, at the same size, on a reused
        inode has the same signature, and a write must never build on a stale read. It also
        parses the tables unless the bytes are canonical (then a write can splice into them).
        """
        before = self.signature()
        # A file over the read cap is refused even if this process wrote it (the cap may be lower now).
        known = recall(self.path, before) if before is None or before.size <= fileguard.MAX_READ_BYTES else None
        if known is not None and not verify and (known.duplicates is not None or not check_duplicates):
            return known, None
        raw = self._read_bytes(missing_ok)
        digest = content_digest(raw) if raw is not None else 0
        if known is not None and raw is not None and digest == known.digest:
            self._complete(known, raw, check_duplicates, verify)
            return known, raw
        cached = diskcache.load(self.path, before, digest, self.tick) if raw is not None else None
        if cached is not None:  # decoded and validated when it was cached: no JSON to parse for a read
            snapshot = Snapshot(before, None, cached[0], cached[1], digest, cached[2],
                                canonical=diskcache.is_canonical(self.path, before, digest) or None)
            self._complete(snapshot, raw, check_duplicates, verify)
        else:
            duplicates: list[str] | None = [] if check_duplicates else None
            tables, canonical = self._parse_checked(raw, duplicates)
            snapshot = Snapshot(before, tables, Session(self.path, tables).database(self.tick),
                                [] if canonical else duplicates, digest, canonical=canonical)
        if before is not None and self.signature() == before:  # not changed while we read it
            remember(self.path, snapshot)
            if cached is None:
                snapshot.lineage = diskcache.save(self.path, before, digest, snapshot.database, snapshot.duplicates)
                if snapshot.lineage is not None and snapshot.canonical:
                    diskcache.note_canonical(self.path, before, digest)
        return snapshot, raw

    def _complete(self, snapshot: Snapshot, raw: bytes, check_duplicates: bool, verify: bool) -> None:
        """Fill in what a snapshot from a cache lacks: the tables (parsed from ``raw``, the bytes
        it was taken from) when a write needs them (bytes not known to be canonical), and the
        duplicate keys, when asked. Tables parsed here also tell whether the bytes are canonical."""
        if snapshot.canonical and snapshot.duplicates is None:
            snapshot.duplicates = []  # canonical bytes give no key twice
        need_tables = verify and not snapshot.canonical
        if snapshot.tables is None and (need_tables or (check_duplicates and snapshot.duplicates is None)):
            found: list[str] | None = [] if check_duplicates and snapshot.duplicates is None else None
            snapshot.tables, canonical = self._parse_checked(raw, found)
            if found is not None:
                snapshot.duplicates = found
            if snapshot.canonical is None:
                snapshot.canonical = canonical
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
            by_record = self._known_valid()
            if by_record is not None:  # canonical, validated bytes this process has not decoded
                raw, before, digest, lineage = by_record
                known = None
                session = Session(self.path, None, raw=raw, canonical=True, parse=self._parse,
                                  load_database=lambda: self._decoded(raw, before, digest))
            else:
                known, raw = self._read_snapshot(missing_ok=True, check_duplicates=True, verify=True)
                self._refuse_duplicate_keys(known.duplicates or [])
                lineage = known.lineage
                db = known.database
                database = Database(dict(db.articles), dict(db.events), dict(db.predictions))
                if known.tables is not None:  # the session works on copies: a body that raises leaves nothing behind
                    kept = known.tables
                    session = Session(self.path, None, database, raw=raw, canonical=bool(known.canonical),
                                      parse=lambda _: {name: dict(table) if isinstance(table, dict) else table
                                                       for name, table in kept.items()})
                else:  # canonical bytes decoded before: parsed only if the body needs the tables
                    session = Session(self.path, None, database, raw=raw, canonical=True, parse=self._parse)
            yield session
            if session.storage.dirty or not self.path.exists():
                data = session.encoded()
                try:
                    atomic_write(self.path, data)
                except OSError as exc:
                    raise StoreError(f"{self.path}: cannot write: {exc.strerror or exc}") from None
                written = self.signature()
                if written is not None:  # the next read of these bytes costs nothing, here and in other processes
                    self._remember_write(session, written, content_digest(*data), lineage)

    def _remember_write(self, session: Session, written: Signature, digest: int, lineage: Any) -> None:
        """Keep what a transaction wrote: a cache delta (or entry) for the next process, and the
        snapshot for this one (when the session holds the whole database)."""
        whole = lineage is None or session.database_loaded or \
            len(session.changed) + sum(map(len, lineage.changes.values())) > diskcache.MAX_DELTA
        database = session.database() if whole else None  # a delta needs only the changed records
        lineage = diskcache.save_change(self.path, written, digest, database, [], lineage, session.changed)
        if lineage is not None:
            diskcache.note_canonical(self.path, written, digest)
        if database is not None:
            tables = session.storage.tables if session.storage.loaded else None
            remember(self.path, Snapshot(written, tables, database, [], digest, lineage, canonical=True))

    def _known_valid(self) -> tuple[bytes, Signature, int, Any] | None:
        """The file's bytes, signature, digest and cache lineage when the disk cache says these
        exact bytes are canonical and were validated, and this process holds no snapshot of them
        (then a write reads only the records it needs, and decodes nothing else); else None."""
        before = self.signature()
        if before is None or not diskcache.MIN_BYTES <= before.size <= fileguard.MAX_READ_BYTES \
                or recall(self.path, before) is not None:
            return None
        raw = self._read_bytes(missing_ok=True)
        if raw is None:
            return None
        digest = content_digest(raw)
        if not diskcache.is_canonical(self.path, before, digest):
            return None
        lineage = diskcache.lineage(self.path, before, digest)
        return None if lineage is None else (raw, before, digest, lineage)

    def _decoded(self, raw: bytes, signature: Signature, digest: int) -> Database:
        """The whole database of these bytes: from the disk cache, else decoded from them."""
        cached = diskcache.load(self.path, signature, digest, self.tick)
        if cached is not None:
            return cached[0]
        return Session(self.path, self._parse(raw)).database(self.tick)
