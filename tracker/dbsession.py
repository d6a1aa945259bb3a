"""A transaction's view of the database: read records, put records, and say what to write.

:class:`Session` works over the file's tables (TinyDB's storage layer, held in
:class:`MemoryStorage`) and, inside a transaction, over the decoded database too. The tables
are parsed from the file's bytes only when something asks for them: a transaction over bytes
this process (or the disk cache) already decoded and validated can put records and be written
by splicing the changed records into those bytes (:mod:`tracker.splice`), with no JSON parse
of the whole file and no encode of it.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tracker.codec import RecordError, decode_fields, encode_fields
from tracker.fileformat import META_ID, META_TABLE, PROPOSALS_TABLE, SCHEMA_VERSION, TABLES, StoreError, encode_file
from tracker.gcpause import paused_gc
from tracker.model import KINDS, Database, Record
from tracker.progress import EVERY, Tick
from tracker.splice import find_doc, splice


class MemoryStorage(Storage):
    """TinyDB storage over tables already read (or parsed on first use, by ``load``): TinyDB's
    writes land in memory and :class:`tracker.storage.Store` commits them to disk once,
    atomically, at the end of a transaction."""

    def __init__(self, tables: dict[str, Any] | None, load: Callable[[], dict[str, Any]] | None = None):
        self._tables = tables
        self._load = load
        self.dirty = False

    @property
    def loaded(self) -> bool:
        """Whether the tables are in memory (not waiting to be parsed)."""
        return self._tables is not None

    @property
    def tables(self) -> dict[str, Any]:
        if self._tables is None:
            assert self._load is not None
            self._tables = self._load()
        return self._tables

    def read(self) -> dict[str, Any]:
        return self.tables

    def write(self, data: dict[str, Any]) -> None:
        self._tables = data
        self.dirty = True


class Session:
    """Read and change records inside one transaction (or over one read-only snapshot).

    Changes go straight into the tables dict of :class:`MemoryStorage` (TinyDB's storage
    layer): TinyDB's ``Table.insert``/``update`` copy the whole table on every call, which
    made an import of n rows cost n copies of the table.

    ``raw`` (with ``parse``) is the file's bytes, when the tables are to be parsed only on
    demand; ``canonical`` says those bytes are exactly what ``encode_file`` writes for them,
    so a write may splice the changed records into them.
    """

    def __init__(self, path: Path, tables: dict[str, Any] | None, database: Database | None = None, *,
                 raw: bytes | None = None, parse: Callable[[bytes | None], dict[str, Any]] | None = None,
                 canonical: bool = False, load_database: Callable[[], Database] | None = None):
        self.path = path
        self._raw = raw
        self._parse = parse
        self._canonical = canonical and raw is not None
        self.storage = MemoryStorage(tables, self._load_tables)
        # Decoded and validated; kept in step with every put (None: decode on demand).
        self._database = database
        # Without a database but with this, over canonical bytes known to be valid: records are
        # read one by one from the bytes, and the whole database loaded only if something needs it.
        self._load_database = load_database if self._canonical else None
        self._bodies: dict[str, Any] = {}  # where each table's records lie in raw (tracker.splice)
        self.changed: list[Record] = []  # every record put, in order (the disk cache writes only these)
        self._put: dict[tuple[str, str], Record] = {}  # (kind, id) -> the record put
        self._docs: dict[str, dict[str, Any]] = {}  # table -> id -> document put (what a splice writes)

    @property
    def database_loaded(self) -> bool:
        """Whether every record is decoded in memory (not read one by one from the bytes)."""
        return self._database is not None

    def _by_record(self) -> bool:
        return self._database is None and self._load_database is not None

    def _whole(self) -> Database | None:
        """The decoded database, loaded now if records were being read one by one."""
        if self._by_record():
            database = self._load_database()
            for record in self.changed:
                database.table(record.kind)[record.id] = record
            self._database = database
        return self._database

    def _stored_doc(self, kind: str, record_id: str) -> Any:
        """A record's document read alone from the canonical bytes (None: absent; ...: unreadable)."""
        return find_doc(self._raw, TABLES[kind], record_id, self._bodies)

    def _load_tables(self) -> dict[str, Any]:
        assert self._parse is not None
        tables = self._parse(self._raw)
        for name, docs in self._docs.items():  # what was put before the tables were needed
            tables.setdefault(name, {}).update(docs)
        return tables

    def _table(self, kind: str) -> dict[str, Any]:
        return self.storage.tables.get(TABLES[kind]) or {}

    def get(self, kind: str, record_id: str) -> Record | None:
        if self._by_record():
            if (kind, record_id) in self._put:
                return self._put[kind, record_id]
            doc = self._stored_doc(kind, record_id)
            if doc is not ...:
                return None if doc is None else self._decode(kind, record_id, doc)
        if self._whole() is not None:
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
        if self._by_record():
            if (kind, record_id) in self._put:
                return True
            doc = self._stored_doc(kind, record_id)
            if doc is not ...:
                return doc is not None
        if self._whole() is not None:  # validated: it holds exactly the tables' records
            return record_id in self._database.table(kind)
        return record_id in self._table(kind)

    def ids(self, kind: str) -> set[str]:
        if self._whole() is not None:
            return set(self._database.table(kind))
        return set(self._table(kind))

    def put(self, record: Record) -> None:
        """Insert the record, or replace the stored one with the same id.

        The document is decoded again first: a record that would not read back is
        refused here, so no command can leave a file that tracker then cannot open.
        """
        self.put_many([record])

    def put_many(self, records: Iterable[Record], as_read: Container[int] = ()) -> None:
        """Insert or replace many records; all or none (RecordError names the first bad one).

        Only the records given are checked (encoded, then decoded back), so a batch
        costs time in proportion to its size, not to the size of the file. A record whose
        ``id()`` is in ``as_read`` was decoded by the codec from a file's fields just now
        (an import's rows): it is stored as it is, not decoded a second time.
        """
        staged = []
        for record in records:
            doc = encode_fields(record)
            decoded = record if id(record) in as_read else \
                decode_fields(record.kind, record.id, doc, self._where(record.kind, record.id))
            staged.append((record.kind, record.id, doc, decoded))
        for kind, record_id, doc, decoded in staged:
            self._put_doc(TABLES[kind], record_id, doc)
            if self._database is not None:
                self._database.table(kind)[record_id] = decoded
            self._put[kind, record_id] = decoded
            self.changed.append(decoded)

    def _put_doc(self, table: str, record_id: str, doc: Any) -> None:
        self._docs.setdefault(table, {})[record_id] = doc
        if self.storage.loaded:
            self.storage.tables.setdefault(table, {})[record_id] = doc
        self.storage.dirty = True

    def proposals(self) -> dict[str, Any]:
        """The proposals table as stored (id -> document); empty when there is none."""
        table = self.storage.tables.get(PROPOSALS_TABLE) or {}
        return table if isinstance(table, dict) else {}

    def put_proposal(self, proposal_id: str, doc: dict[str, Any]) -> None:
        """Insert or replace one proposal document."""
        self._put_doc(PROPOSALS_TABLE, proposal_id, doc)

    def encoded(self) -> list[Any]:
        """The file's new bytes, as buffers to write one after the other: the changed records
        spliced into the old bytes when they are canonical and the tables were never needed,
        else every table encoded."""
        if self._canonical and not self.storage.loaded:
            parts = splice(self._raw, self._docs, self._bodies)
            if parts is not None:
                return parts
        tables = self.storage.tables
        tables.setdefault(META_TABLE, {META_ID: {"schema_version": SCHEMA_VERSION}})
        return [encode_file(tables)]

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
        if self._whole() is not None:
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
