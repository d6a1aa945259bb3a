"""Write a changed database by replacing only the changed records' bytes.

A file in tracker's canonical layout (``fileformat.encode_file``: orjson, two-space indent,
keys sorted; see :mod:`tracker.store.locate`) holds each record as the lines::

    \\n    "<id>": {
          ...
        }

and records follow each other, sorted by id, separated by ``,``. Re-encoding one record the
same way and putting it in place of the old one (or, for a new id, between its neighbours)
gives exactly the bytes ``encode_file`` would give for the whole changed database, at the
cost of a copy of the file instead of a parse and an encode of every record (about 0.5 s at
100k records, during which a TUI worker would hold the GIL).

The caller must know the bytes are canonical (``encode_file`` of their own parse): a file
edited by hand may be valid yet laid out otherwise, and splicing would keep its layout
where a full write would not. Anything unexpected (a table missing or empty, a record not
found where the layout says it is) gives None, and the caller writes the whole file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import orjson

_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
# A record's key line: four spaces of indent, then the id as a JSON string. Lines inside a
# record are indented deeper, and JSON text holds no raw line break, so nothing else matches.
_RECORD_KEY = re.compile(rb'\n    ("(?:[^"\\]|\\.)*"): ')
_TABLE_NAMES = ("articles", "events", "meta", "predictions", "proposals")  # the order encode_file writes
_WINDOW = 4 << 20  # bytes searched per call (see _find)

Changes = Mapping[str, Mapping[str, Any]]  # table name -> record id -> document


def encode_record(record_id: str, doc: Any) -> bytes:
    """``doc`` under ``record_id`` exactly as it appears inside a canonical table, from the
    line break before its key to its closing brace."""
    body = orjson.dumps(doc, option=_OPTIONS).replace(b"\n", b"\n    ")
    return b"\n    " + orjson.dumps(record_id) + b": " + body


def _table_line(name: str) -> bytes:
    return b'\n  "' + name.encode() + b'": {'  # ends in a brace: the search skips ahead fast


def _table_body(raw: bytes, table: str, bodies: dict | None = None) -> tuple[int, int] | None:
    """Where the records of ``table`` lie: from after its opening brace to the start of the
    next table's line; None when the table is missing or empty (the full write lays it out).
    ``bodies`` keeps what was found, for further calls on the same bytes."""
    if bodies is not None:
        if table not in bodies:
            bodies[table] = _table_body(raw, table)
        return bodies[table]
    if table not in _TABLE_NAMES:
        return None
    start = raw.find(_table_line(table))
    if start < 0:
        return None
    body = start + len(_table_line(table))
    if raw.startswith(b"}", body):
        return None
    for later in _TABLE_NAMES[_TABLE_NAMES.index(table) + 1:]:
        at = _find(raw, _table_line(later), body)
        if at >= 0:
            return body, at
    return body, len(raw)


def _find(raw: bytes, needle: bytes, start: int) -> int:
    """``raw.find(needle, start)`` a few megabytes at a time: one search holds the GIL for a few
    milliseconds, so a TUI worker scanning 70 MB lets the screen repaint between them."""
    size = len(raw)
    while start < size:
        stop = min(start + _WINDOW, size)
        at = raw.find(needle, start, min(stop + len(needle) - 1, size))
        if at >= 0:
            return at
        start = stop
    return -1


def _record_end(raw: bytes, value_at: int, end: int) -> int:
    """Where the record whose value starts at ``value_at`` ends (after its closing brace); -1
    when the bytes there are not a canonical object."""
    if raw.startswith(b"{}", value_at):
        return value_at + 2
    if not raw.startswith(b"{\n", value_at):
        return -1
    close = raw.find(b"\n    }", value_at, end)
    return -1 if close < 0 else close + 6


def _place(raw: bytes, body: int, end: int, record_id: str) -> tuple[int, int] | None:
    """Where ``record_id`` is in the table ``raw[body:end]``: ``(start, stop)`` of its bytes,
    or ``(at, at)`` where a new record with that id goes (after every smaller id).

    A binary search over byte offsets: records are sorted by id, and from any offset the next
    key line is a few hundred bytes away, so a record is found in about twenty short searches
    whatever the size of the table. None when the bytes do not read as expected.
    """
    lo, hi = body, end  # records starting before lo have smaller ids, those from hi larger ones
    after = body  # where a new record goes: the end of the last smaller record
    while lo < hi:
        mid = (lo + hi) // 2
        # Searched up to the table's end, not hi: a key line that starts before hi must be seen whole.
        found = _RECORD_KEY.search(raw, mid, end)
        if found is None or found.start() >= hi:  # no record starts in [mid, hi)
            hi = mid
            continue
        try:
            key = orjson.loads(found.group(1))
        except orjson.JSONDecodeError:
            return None
        stop = _record_end(raw, found.end(), end)
        if stop < 0:
            return None
        if key == record_id:
            return found.start(), stop
        if key < record_id:
            lo = after = stop
        else:
            hi = found.start()
    return after, after


def find_doc(raw: bytes, table: str, record_id: str, bodies: dict | None = None) -> Any:
    """The document stored under ``record_id`` in ``table`` of the canonical bytes ``raw``
    (parsing only it), None when there is none, or ``...`` when the bytes do not read as
    expected. ``bodies``: as for :func:`_table_body`."""
    span = _table_body(raw, table, bodies)
    if span is None:
        return None  # no such table, or an empty one
    place = _place(raw, span[0], span[1], record_id)
    if place is None:
        return ...
    start, stop = place
    if start == stop:
        return None
    try:  # the value follows the line break, four spaces, the key and ": "
        return orjson.loads(raw[start + 7 + len(orjson.dumps(record_id)):stop])
    except orjson.JSONDecodeError:
        return ...


def _table_edits(raw: bytes, table: str, docs: Mapping[str, Any],
                 bodies: dict | None = None) -> list[tuple[int, int, bytes]] | None:
    """The edits (from, to, new bytes) that put ``docs`` into ``table``."""
    span = _table_body(raw, table, bodies)
    if span is None:
        return None
    body, end = span
    replaced: list[tuple[int, int, bytes]] = []
    inserted: dict[int, list[str]] = {}
    for record_id in docs:
        place = _place(raw, body, end, record_id)
        if place is None:
            return None
        start, stop = place
        if start < stop:
            replaced.append((start, stop, encode_record(record_id, docs[record_id])))
        else:
            inserted.setdefault(start, []).append(record_id)
    for at, group in inserted.items():  # several new ids between the same two records: in id order
        text = b",".join(encode_record(record_id, docs[record_id]) for record_id in sorted(group))
        replaced.append((at, at, text + b"," if at == body else b"," + text))
    return replaced


def splice(raw: bytes, changes: Changes, bodies: dict | None = None) -> list[Any] | None:
    """The canonical file ``raw`` with each document of ``changes`` put in its table (replacing
    the record with that id, or inserted in id order), as a list of buffers to write one after
    the other (views of ``raw`` and new bytes: joining 70 MB would hold the GIL for tens of
    milliseconds, writing them does not); None when it cannot be done by splicing (the caller
    writes the whole file). ``raw`` must be canonical (see the module's doc); ``bodies``: as for
    :func:`_table_body`."""
    edits: list[tuple[int, int, bytes]] = []
    for table, docs in changes.items():
        if not docs:
            continue
        found = _table_edits(raw, table, docs, bodies)
        if found is None:
            return None
        edits += found
    edits.sort(key=lambda edit: (edit[0], edit[1]))
    view = memoryview(raw)
    parts: list[Any] = []
    at = 0
    for start, stop, text in edits:
        if start < at:
            return None
        parts += (view[at:start], text)
        at = stop
    parts.append(view[at:])
    return parts
