"""Each record's ``--json`` text, kept in the disk cache beside its decoded entry, so that
`tracker list --json`, `tracker review --json` and `tracker export --format json` print
records without encoding them again.

Encoding a record for ``--json`` (:func:`tracker.domain.encoding.encode_record`, then orjson) costs
about as much as decoding it: at 100,000 records, half a second for the 60,000 a `list` prints.
When :mod:`tracker.store.diskcache` writes a full entry it also writes this one: every record's
text as orjson writes it with two-space indents, one after the other, and an index of which
id ends where. It is keyed, checked and pruned like the full entry (same key, this user's
file, payload length and CRC-32), and used only for a database loaded from that very entry:
records changed since (held in the entry's delta) are encoded afresh, and so is everything
when there is no entry.

A record's text placed ``depth`` levels deep in an indented document is its text with each
newline followed by that many more indents (newlines inside strings are escaped, so every raw
newline is structure): :func:`fragment` gives the same bytes ``orjson.dumps`` would.
"""

from __future__ import annotations

import contextlib
from array import array
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tracker.store import diskcache
from tracker.store.cacheformat import pickle_value, unpickle
from tracker.domain.model import Database, Record

_TABLES = ("articles", "events", "predictions")
_TABLE_OF = {"article": "articles", "event": "events", "prediction": "predictions"}


def entry_path(path: Path) -> Path:
    return diskcache.entry_path(path).with_suffix(".json")


_later: list[tuple[Path, tuple, Database]] | None = None  # texts held back by defer(), to write


def defer() -> None:
    """From now on, hold the texts of each full entry written back until :func:`write_deferred`
    (the TUI's decoding child hands its entry over first: the app need not wait for them)."""
    global _later
    _later = []


def write_deferred() -> None:
    """Write the texts :func:`defer` held back."""
    while _later:
        _write(*_later.pop(0))


def entry_written(path: Path, key: tuple, database: Database) -> None:
    """The full entry ``key`` of ``database`` was just written: write its records' texts beside it
    (or hold them back, see :func:`defer`). Best-effort, like the cache: never raises."""
    if _later is not None:
        _later.append((path, key, database))
    else:
        _write(path, key, database)


def _write(path: Path, key: tuple, database: Database) -> None:
    from tracker.store.gcpause import paused_gc

    with contextlib.suppress(Exception), paused_gc():  # without them, records are encoded afresh
        save(path, key, database)


def save(path: Path, key: tuple, database: Database) -> None:
    """Write every record's ``--json`` text under ``key`` (the full entry's); raises on failure
    (the caller, writing the cache, treats any failure as no cache)."""
    import orjson

    from tracker.domain.encoding import encode_record

    dumps, indent = orjson.dumps, orjson.OPT_INDENT_2
    ids: dict[str, list[str]] = {}
    # One growing buffer, not a list of orjson's results: each of those keeps a 4 KB allocation
    # alive (107,000 of them held 850 MB), where copied into the buffer it is freed at once.
    texts = bytearray()
    ends = array("Q")
    for name in _TABLES:
        table = getattr(database, name)
        ids[name] = list(table)
        for record in table.values():
            texts += dumps(encode_record(record), option=indent)
            ends.append(len(texts))
    index = pickle_value((ids, ends.tobytes()))
    diskcache.write_entry(entry_path(path), (key, None, len(index)), b"".join([index, texts]))


class Encoded:
    """The ``--json`` text the cache holds for the records of one database."""

    def __init__(self, database: Database, positions: dict[str, dict[str, int]], first: int,
                 ends: list[int], text: bytes, changed: dict[str, Any]):
        self._tables = {kind: getattr(database, name) for kind, name in _TABLE_OF.items()}
        # Ids changed since the entry was written are left out: their text would be stale.
        self._positions = {kind: {i: at for i, at in positions[name].items() if i not in changed.get(name, ())}
                           if changed.get(name) else positions[name] for kind, name in _TABLE_OF.items()}
        self._starts = [first, *ends[:-1]]  # where each record's text begins in ``text``
        self._ends = ends
        self._text = text

    def texts(self, records: Iterable[Record]) -> list[Any]:
        """Each record's text (a view into the entry), if the cache holds this very record as
        it is; None where it does not (encode that one)."""
        positions, tables, starts, ends, text = self._positions, self._tables, self._starts, self._ends, self._text
        return [text[starts[at]:ends[at]]
                if (at := positions[record.kind].get(record.id)) is not None
                and tables[record.kind].get(record.id) is record else None
                for record in records]


def load(path: Path, database: Database, lineage: Any) -> Encoded | None:
    """The text kept for ``database``, loaded from the full entry of ``lineage`` (with the
    records its delta changed left out); None when there is none for exactly that entry."""
    if lineage is None:
        return None
    try:
        found = diskcache.open_entry(entry_path(path), lineage.base)
        if found is None:
            return None
        header, payload = found
        index_length = header[4]
        ids, ends = unpickle(payload[:index_length])
        ends = [end + index_length for end in array("Q", ends)]  # offsets into the whole payload
        positions, start = {}, 0
        for name in _TABLES:
            positions[name] = dict(zip(ids[name], range(start, start + len(ids[name]))))
            start += len(ids[name])
        if start != len(ends) or (start and ends[-1] != len(payload)):
            return None
        return Encoded(database, positions, index_length, ends, payload, lineage.changes)
    except Exception:  # missing, torn, foreign: encode afresh
        return None


def fragment(records: list[Record], encoded: Encoded | None, depth: int) -> Any:
    """``records`` as a JSON list for ``orjson.dumps(..., option=OPT_INDENT_2)``, ``depth``
    levels deep: one Fragment of the cached texts (records the cache lacks encoded here),
    the very bytes orjson would write for the list of encoded records."""
    if not records:
        return []
    from orjson import OPT_INDENT_2, Fragment, dumps

    from tracker.domain.encoding import encode_record

    texts = encoded.texts(records) if encoded is not None else [None] * len(records)
    for i, text in enumerate(texts):
        if text is None:
            texts[i] = dumps(encode_record(records[i]), option=OPT_INDENT_2)
    # One join, then one replace over it: each line of each record (and each separator)
    # gets the list's indent; orjson writes exactly this for a list of the encoded dicts.
    inner = b"\n" + b"  " * (depth + 1)
    return Fragment(b"".join([b"[", inner, b",\n".join(texts).replace(b"\n", inner), b"\n", b"  " * depth, b"]"]))
