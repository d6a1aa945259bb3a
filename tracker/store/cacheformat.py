"""How a disk-cache entry's payload is pickled (:mod:`tracker.store.diskcache` says where and when).

Only the model's classes are built when an entry is read: an entry is data, never code. Dates
and statuses (immutable; a few thousand distinct values among millions of uses) are pickled
once, in a shared table, and referenced by index from the records' pickles.

A chunk of records is pickled as rows: one tuple of slot values per record (its history as
tuples too), not as objects. Pickle builds an object through its generic reduce protocol
(a state dict, then one setattr per field); rows unpickle as plain tuples, and a function
generated from the class's slots turns each into a record with one unpacking assignment:
about twice as fast at 100,000 records.
"""

from __future__ import annotations

import io
import pickle
from copyreg import __newobj__
from operator import attrgetter
from typing import Any

from tracker.domain.dates import PDate
from tracker.domain.model import Article, Database, Event, HistoryEntry, Prediction, Status

_CLASSES = {cls.__qualname__: cls for cls in (Article, Event, Prediction, HistoryEntry, PDate, Status)}
_SLOTTED = {cls: (cls.__slots__, attrgetter(*cls.__slots__))
            for cls in (Article, Event, Prediction, HistoryEntry, Database)}
_SHARED_TYPES = (PDate, Status)


class Unpickler(pickle.Unpickler):
    """Builds only the model's classes: an entry is data, never code."""

    def __init__(self, file: Any, shared: list | None = None):
        super().__init__(file)
        self.shared = shared  # the entry's table of dates and statuses, once it is loaded

    def find_class(self, module: str, name: str) -> Any:
        cls = _CLASSES.get(name)
        if cls is not None and cls.__module__ == module:
            return cls
        if (module, name) == ("copyreg", "__newobj__"):
            return __newobj__
        if (module, name) == (__name__, "_shared_ref") and self.shared is not None:
            return self.shared.__getitem__  # a reference into the table: a C call, no object built
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a cache entry")


def _shared_ref(index: int) -> Any:
    """Names a reference into an entry's shared table in a pickle (the unpickler resolves it)."""
    raise pickle.UnpicklingError("a shared reference outside its entry")


def unpickle(data: Any, shared: list | None = None) -> Any:
    """One pickle of an entry (``shared``: the entry's table, for the records that refer to it)."""
    return Unpickler(io.BytesIO(data), shared).load()


class _Pickler(pickle.Pickler):
    """Pickles records; dates and statuses (immutable, a few thousand distinct values among
    millions of uses) become references into one shared table, loaded once per entry."""

    def __init__(self, file: Any, shared: dict | None = None):
        super().__init__(file, protocol=5)
        self.shared = shared  # value -> its index in the shared table

    def reducer_override(self, obj: Any) -> Any:
        kind = type(obj)
        if self.shared is not None and kind in _SHARED_TYPES:
            return _shared_ref, (self.shared.setdefault(obj, len(self.shared)),)
        # Slotted dataclasses: one attrgetter call instead of copyreg's generic (slow) path.
        known = _SLOTTED.get(kind)
        if known is None:
            return NotImplemented
        names, get = known
        return __newobj__, (kind,), (None, dict(zip(names, get(obj))))


def pickle_value(value: Any, shared: dict | None = None) -> bytes:
    """``value`` pickled; with ``shared`` (value -> index), its dates and statuses as references
    into that table, which grows as new ones are met (pickle ``list(shared)`` once, after)."""
    buf = io.BytesIO()
    _Pickler(buf, shared).dump(value)
    return buf.getvalue()


def _row_builder(cls: type) -> Any:
    """``build(rows) -> {id: record}`` for ``cls``, generated from its slots (the history's
    entries built from their rows too)."""
    at = cls.__slots__.index("history")
    fields = ", ".join(f"o.{name}" for name in cls.__slots__)
    entry = ", ".join(f"e.{name}" for name in HistoryEntry.__slots__)
    source = (
        "def build(rows):\n"
        "    out = {}\n"
        "    for row in rows:\n"
        "        o = new(cls)\n"
        f"        ({fields},) = row\n"
        f"        if row[{at}]:\n"
        "            history = []\n"
        f"            for values in row[{at}]:\n"
        "                e = new(HistoryEntry)\n"
        f"                ({entry},) = values\n"
        "                history.append(e)\n"
        "            o.history = history\n"
        "        out[o.id] = o\n"
        "    return out\n")
    scope = {"new": object.__new__, "cls": cls, "HistoryEntry": HistoryEntry}
    exec(compile(source, f"<rows of {cls.__qualname__}>", "exec"), scope)
    return scope["build"]


_RECORD_CLASSES = {"articles": Article, "events": Event, "predictions": Prediction}
_BUILDERS: dict[str, Any] = {}  # made on first use: a command that reads no cache pays nothing
_ROW = {cls: (attrgetter(*cls.__slots__), cls.__slots__.index("history")) for cls in _RECORD_CLASSES.values()}
_ENTRY_ROW = attrgetter(*HistoryEntry.__slots__)


def rows(records: list[Any]) -> list[tuple]:
    """Records of one class as rows (see the module's docstring), for :func:`pickle_value`."""
    if not records:
        return []
    get, at = _ROW[type(records[0])]
    out = []
    for record in records:
        row = get(record)
        if record.history:
            row = (*row[:at], [_ENTRY_ROW(e) for e in record.history], *row[at + 1:])
        out.append(row)
    return out


def records(table: str, rows: list[tuple]) -> dict[str, Any]:
    """The records of ``table`` ("predictions"…) from their rows, keyed by id."""
    build = _BUILDERS.get(table)
    if build is None:
        build = _BUILDERS[table] = _row_builder(_RECORD_CLASSES[table])
    return build(rows)


# The model's shape is part of the key: an entry from before a field was added is not used.
SHAPE = tuple((cls.__qualname__, cls.__slots__) for cls in (*_SLOTTED, PDate))
