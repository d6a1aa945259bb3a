"""One transaction (or one read) over the database: records in and out of TinyDB's tables.

A :class:`Transaction` is what :meth:`tracker.store.store.Store.transaction` yields and what
:meth:`~tracker.store.store.Store.read` returns: records are read one by one through TinyDB
(``table.get(doc_id=...)``, decoded only when asked for), or all at once when a command needs
every one (:meth:`Transaction.database`); changes go through the tables' API and reach the
file once, when the transaction ends.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from pathlib import Path
from typing import Any

from tracker.domain.codec import RecordError, clean_decoder, decode_fields

from tracker.domain.encoding import encode_fields
from tracker.domain.model import KINDS, Database, Record
from tracker.domain.progress import EVERY, Tick
from tracker.store.layout import PROPOSALS_TABLE, TABLES, StoreError, proposal_shape_problems
from tracker.store.storage import RecordDB, RecordTable, WriteBatch, collector_paused

# Which stored documents a command needs decoded: ``keep(kind, document)`` is true for every one
# it might show or count (the others are never decoded, nor checked).
Keep = Callable[[str, Any], bool]


class Transaction:
    """Read and change records through one TinyDB over the file."""

    def __init__(self, path: Path, db: RecordDB, gradual: bool = False):
        self.path = path
        self.db = db
        self.gradual = gradual  # let go a record at a time (see let_go)
        self._database: Database | None = None  # every record decoded, kept in step with puts
        self.changed: list[Record] = []  # every record put, in order
        self.proposals_put = False  # whether any proposal was put
        self._lent = False  # whether database() handed the decoded records to a caller

    @property
    def batch(self) -> WriteBatch:
        return self.db.storage  # type: ignore[return-value]

    @property
    def dirty(self) -> bool:
        return self.batch.dirty

    def tables(self) -> dict[str, Any]:
        """The file's tables as read (and changed so far): id -> document, by table name."""
        return self.batch.read()

    def table(self, kind: str) -> RecordTable:
        return self.db.table(TABLES[kind])  # type: ignore[return-value]

    def get(self, kind: str, record_id: str) -> Record | None:
        if self._database is not None:
            return self._database.table(kind).get(record_id)
        table = self.table(kind)
        stored = table.raw().get(record_id)
        if stored is None:
            return None
        if not isinstance(stored, dict):  # TinyDB would fail to make a Document of it
            raise StoreError(f"{self.path}: {self._where(kind, record_id)}: must be an object")
        return self._decode(kind, record_id, table.get(doc_id=record_id))

    def find(self, record_id: str) -> Record | None:
        for kind in KINDS:
            record = self.get(kind, record_id)
            if record is not None:
                return record
        return None

    def exists(self, kind: str, record_id: str) -> bool:
        # By key, as stored: TinyDB's contains() makes a Document of the value, which fails on a
        # stored value that is not an object (what `validate` must report, not crash on).
        return record_id in self.table(kind).raw()

    def ids(self, kind: str) -> set[str]:
        return set(self.table(kind).raw())

    def put(self, record: Record) -> None:
        """Insert the record, or replace the stored one with the same id.

        The document is decoded again first: a record that would not read back is
        refused here, so no command can leave a file that tracker then cannot open.
        """
        self.put_many([record])

    def put_many(self, records: Iterable[Record], as_read: Container[int] = ()) -> None:
        """Insert or replace many records; all or none (RecordError names the first bad one).

        Only the records given are checked (encoded, then decoded back), so a batch costs
        time in proportion to its size, not to the size of the file. A record whose ``id()``
        is in ``as_read`` was decoded from a file's fields just now (an import's rows): it is
        stored as it is, not decoded a second time. One table write per kind.
        """
        staged: dict[str, dict[str, Any]] = {}
        decoded_records = []
        for record in records:
            doc = encode_fields(record)
            decoded = record if id(record) in as_read else \
                decode_fields(record.kind, record.id, doc, self._where(record.kind, record.id))
            staged.setdefault(record.kind, {})[record.id] = doc
            decoded_records.append(decoded)
        for kind, docs in staged.items():
            self.table(kind).put_many(docs)
        for decoded in decoded_records:
            if self._database is not None:
                self._database.table(decoded.kind)[decoded.id] = decoded
            self.changed.append(decoded)

    def proposals(self, checked: bool = True) -> dict[str, Any]:
        """The proposals table as stored (id -> document); empty when there is none.

        ``checked``: a proposal that is not shaped as tracker writes them (not an object, its
        fields or source not objects, a member of the wrong type) is refused, StoreError naming
        it; unchecked (for `tracker validate`, which lists every problem), documents as stored."""
        stored = self.db.table(PROPOSALS_TABLE).raw()  # type: ignore[attr-defined]
        if checked:
            for pid, doc in stored.items():
                problems = proposal_shape_problems(pid, doc)
                if problems:
                    more = f" (and {len(problems) - 1} more; run `tracker validate`)" if len(problems) > 1 else ""
                    raise StoreError(f"{self.path}: {problems[0]}{more}")
        return {pid: dict(doc) if isinstance(doc, dict) else doc for pid, doc in stored.items()}

    def put_proposal(self, proposal_id: str, doc: dict[str, Any]) -> None:
        """Insert or replace one proposal document."""
        self.proposals_put = True
        self.db.table(PROPOSALS_TABLE).put_many({proposal_id: doc})  # type: ignore[attr-defined]

    def decode_all(self, tick: Tick | None = None, keep: Keep | None = None) -> tuple[Database, list[str]]:
        """Every record that decodes, and every problem with the ones that do not; with
        ``keep``, only the documents it keeps are decoded (and their problems found).

        ``tick(done, total)`` is called as the work goes (see :mod:`tracker.domain.progress`)."""
        database = Database()
        problems: list[str] = []
        tables = {kind: self.table(kind).raw() for kind in KINDS}
        total = sum(map(len, tables.values()))
        done = 0
        with collector_paused():
            for kind in KINDS:
                target, clean = database.table(kind), clean_decoder(kind)
                for record_id, doc in tables[kind].items():
                    done += 1
                    if tick is not None and done % EVERY == 0:
                        tick(done, total)
                    if keep is not None and not keep(kind, doc):
                        continue
                    # The straight-line decoder first; the careful one (naming every problem
                    # and where it is) only for a document it declines.
                    record = clean(record_id, doc) if type(doc) is dict else None
                    if record is None:
                        try:
                            record = decode_fields(kind, record_id, doc, self._where(kind, record_id))
                        except RecordError as exc:
                            problems.extend(exc.problems)
                            continue
                    target[record_id] = record
        return database, problems

    def database(self, tick: Tick | None = None, keep: Keep | None = None) -> Database:
        """Every record, decoded into the model; raises StoreError naming the first problem.
        The database is the caller's to keep: :meth:`let_go` leaves it as it is.

        ``keep``: only the records whose stored documents it keeps (a command that shows or
        counts some of them: the others cost no decoding, and a problem in one is not seen)."""
        self._lent = True
        if keep is None or self._database is not None:
            return self.decoded(tick)
        database, problems = self.decode_all(tick, keep)
        self._raise_first(problems)
        return database

    def decoded(self, tick: Tick | None = None) -> Database:
        """:meth:`database`, for the store's own check of every record: not handed out, so
        :meth:`let_go` may empty it."""
        if self._database is not None:
            return self._database
        database, problems = self.decode_all(tick)
        self._raise_first(problems)
        self._database = database
        return database

    def _raise_first(self, problems: list[str]) -> None:
        if problems:
            more = f" (and {len(problems) - 1} more; run `tracker validate`)" if len(problems) > 1 else ""
            raise StoreError(f"{self.path}: {problems[0]}{more}")

    def let_go(self) -> None:
        """Drop the file's documents, and the decoded records unless :meth:`database` handed
        them out (the transaction is over). Records handed out stay as they are.

        ``gradual`` (a store read beside a live screen: the TUI's): a record at a time. Freeing
        100k records in one go holds the interpreter for 0.1 s, and a thread that frees them a
        few at a time lets the others (the screen) run. Otherwise a table at a time, which is
        three times faster (0.07 s against 0.23 s at 100k predictions)."""
        tables, self.batch._data = self.batch._data, None
        database, self._database = self._database, None
        held = [] if tables is None else [t for t in tables.values() if isinstance(t, dict)]
        if database is not None and not self._lent:
            held += [database.articles, database.events, database.predictions]
        for table in held:
            if self.gradual:
                while table:
                    table.popitem()
            else:
                table.clear()

    def _decode(self, kind: str, record_id: str, doc: dict) -> Record:
        try:
            return decode_fields(kind, record_id, dict(doc), self._where(kind, record_id))
        except RecordError as exc:
            raise StoreError(f"{self.path}: {exc.problems[0]}") from None

    @staticmethod
    def _where(kind: str, record_id: str) -> str:
        return f"{TABLES[kind]}[{record_id}]"
