"""A file's records held as their stored JSON, each decoded when it is asked for.

What a reader that stays open (the TUI) keeps of a large file. A decoded record is several
Python objects (the record, its lists, its history entries) that CPython's cyclic collector
visits on every full pass; at 100,000 predictions a pass took 0.3-0.5 s, and it stops every
thread, the screen's included. A record's bytes are one object the collector never visits, and
70 MB of them take less memory than the parsed file.

A :class:`Shelf` is one table (id -> record) as a read-only-by-default ``Mapping``: ``shelf[id]``
decodes that record (the last few hundred are kept decoded), ``values()`` and ``items()`` decode
each record in turn and keep none. ``shelf[id] = record`` puts a record in (a write the reader
made). Each record's date (an event's date, a prediction's resolve-by) is kept as its stored
text beside the bytes, so a timeline can be put in order without decoding anything.

The bytes are the record's own, as the file has them (a read of a file in tracker's layout cuts
them from the pieces it has just shown canonical, :func:`tracker.store.pieces.parse_canonical`),
or ``orjson.dumps`` of its document (a file written by hand, a record the reader put). A record is
decoded as a full read decodes it (:func:`tracker.domain.codec.decode_fields`), so what a shelf
gives is what :meth:`tracker.store.store.Store.load` gives.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import orjson

from tracker.domain.codec import RecordError, clean_decoder, decode_fields
from tracker.domain.encoding import encode_fields
from tracker.domain.model import KINDS, Database, Record
from tracker.domain.progress import Tick
from tracker.store.layout import TABLES, StoreError
from tracker.store.storage import collector_paused

RECENT = 512  # records kept decoded (what the screen shows and the reader just opened)
CHUNK = 2000  # records decoded between two pauses of the collector (see checked_chunks)
TICKS = 20  # how many times at most the check says how far it has got (each redraws the top line)
DATE_FIELD = {"article": "published", "event": "date", "prediction": "resolve_by"}


class Shelf(Mapping[str, Record]):
    """One table's records as bytes, decoded on demand."""

    def __init__(self, kind: str, docs: dict[str, bytes], dates: dict[str, str]) -> None:
        self.kind = kind
        self.docs = docs    # id -> the record's stored document, as JSON bytes
        self.dates = dates  # id -> the stored text of its date ("" when it has none a timeline can use)
        self._recent: dict[str, Record] = {}
        self._lock = threading.Lock()  # the screen and workers decode side by side

    @classmethod
    def of(cls, kind: str, table: Mapping[str, Any], values: dict[str, bytes] | None = None) -> Shelf:
        """A shelf of a table as parsed (id -> document), with each record's bytes as the file
        has them when given (``values``), else as orjson writes its document; nothing is decoded."""
        field = DATE_FIELD[kind]
        if values is None or len(values) != len(table):
            dumps = orjson.dumps
            values = {record_id: dumps(doc) for record_id, doc in table.items()}
        dates: dict[str, str] = {}
        for record_id, doc in table.items():
            date = doc.get(field) if type(doc) is dict else None
            dates[record_id] = date if type(date) is str else ""
        return cls(kind, values, dates)

    # ---- Mapping ---------------------------------------------------------------
    def __getitem__(self, record_id: str) -> Record:
        with self._lock:
            record = self._recent.get(record_id)
        if record is not None:
            return record
        record = self._decode(record_id, self.docs[record_id])
        with self._lock:
            if len(self._recent) >= RECENT:
                del self._recent[next(iter(self._recent))]
            self._recent[record_id] = record
        return record

    def __iter__(self) -> Iterator[str]:
        return iter(self.docs)

    def __len__(self) -> int:
        return len(self.docs)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self.docs

    def values(self) -> Iterator[Record]:  # type: ignore[override]
        """Every record, decoded in turn; none is kept."""
        decode = self._decode
        return (decode(record_id, raw) for record_id, raw in self.docs.items())

    def items(self) -> Iterator[tuple[str, Record]]:  # type: ignore[override]
        decode = self._decode
        return ((record_id, decode(record_id, raw)) for record_id, raw in self.docs.items())

    # ---- changes ---------------------------------------------------------------
    def __setitem__(self, record_id: str, record: Record) -> None:
        self.docs[record_id] = orjson.dumps(encode_fields(record))
        self.dates[record_id] = record.date.iso() if record.date is not None else ""
        with self._lock:
            self._recent[record_id] = record

    def copy(self) -> Shelf:
        """Another shelf of the same records (sharing their bytes), to change without changing this one."""
        return Shelf(self.kind, dict(self.docs), dict(self.dates))

    def _decode(self, record_id: str, raw: bytes) -> Record:
        record, problems = self.decode(record_id, raw)
        if record is None:
            raise StoreError(str(problems[0]))
        return record

    def decode(self, record_id: str, raw: bytes) -> tuple[Record | None, list]:
        """The record of these bytes, or None and every problem with it (as a full read names them)."""
        doc = orjson.loads(raw)
        record = clean_decoder(self.kind)(record_id, doc) if type(doc) is dict else None
        if record is not None:
            return record, []
        try:
            return decode_fields(self.kind, record_id, doc, f"{TABLES[self.kind]}[{record_id}]"), []
        except RecordError as exc:
            return None, list(exc.problems)


def checked_chunks(database: Database, path: Path, tick: Tick | None = None,
                   cancelled: Callable[[], bool] = lambda: False) -> Iterator[tuple[str, list[Record]]]:
    """Every record of a shelved database, decoded: (kind, records) a chunk at a time, each
    chunk decoded and handed over with the cyclic collector paused (see
    :func:`tracker.store.storage.collector_paused`), so the collector never walks records that
    are gone before it comes back. What the caller keeps of a chunk is what it costs.

    After the last chunk, StoreError names the first record that does not decode (and how many
    more problems there are), as a full read of the file does. ``tick(done, total)`` is told how
    far it has got; ``cancelled()`` ends it early (nothing is raised then)."""
    problems: list = []
    total, done, told = len(database), 0, 0
    loads = orjson.loads
    for kind in KINDS:
        shelf = database.table(kind)
        docs = getattr(shelf, "docs", None)
        clean = clean_decoder(kind)
        ids = list(shelf)
        for start in range(0, len(ids), CHUNK):
            if cancelled():
                return
            with collector_paused():
                records = []
                for record_id in ids[start:start + CHUNK]:
                    if docs is None:  # a plain table: its records are decoded already
                        records.append(shelf[record_id])
                        continue
                    raw = docs[record_id]
                    doc = loads(raw)
                    record = clean(record_id, doc) if type(doc) is dict else None
                    if record is None:  # the careful decoder names every problem
                        record, found = shelf.decode(record_id, raw)
                        if record is None:
                            problems += found
                            continue
                    records.append(record)
                yield kind, records
                del records
            done += min(CHUNK, len(ids) - start)
            if tick is not None and (done - told >= total // TICKS or done == total):
                told = done
                tick(done, total)
    if problems:
        more = f" (and {len(problems) - 1} more; run `tracker validate`)" if len(problems) > 1 else ""
        raise StoreError(f"{path}: {problems[0]}{more}")


def shelved(tables: Mapping[str, Mapping[str, Any]], values: Mapping[str, dict[str, bytes]] | None = None) -> Database:
    """A database whose tables are shelves of the file's tables as parsed (by table name), with
    each record's bytes from ``values`` (by table name) where the read kept them."""
    values = values or {}
    shelves = {kind: Shelf.of(kind, tables.get(TABLES[kind]) or {}, values.get(TABLES[kind])) for kind in KINDS}
    return Database(shelves["article"], shelves["event"], shelves["prediction"])  # type: ignore[arg-type]


def let_go(database: Database) -> None:
    """Empty a decoded database a record at a time: a thread that frees 100k records in one go
    holds the interpreter for 0.1-0.2 s (the screen with it); one record at a time, the others
    run between."""
    for table in (database.predictions, database.events, database.articles):
        if isinstance(table, dict):
            while table:
                table.popitem()


def decoded(database: Database) -> Database:
    """Every record of ``database`` decoded into a plain one (for work that looks at each
    record several times: scores by group); the records of a plain database as they are."""
    if not any(isinstance(t, Shelf) for t in (database.articles, database.events, database.predictions)):
        return database
    return Database(dict(database.articles.items()), dict(database.events.items()),
                    dict(database.predictions.items()))
