"""The canonical layout read and written a few hundred records at a time.

The file's bytes are :func:`tracker.store.layout.encode_file` of its tables: two-space indent,
keys sorted, one member per line, no raw newline inside a string. In that layout the records of
a table are the lines indented by four spaces, so the bytes cut cleanly between two records
(``,\\n    "``), and each run of records can be parsed, or encoded, on its own.

Why: orjson parses and encodes without ever letting go of the interpreter lock, and a 70 MB file
is 0.5 s in one call. A TUI that reads or writes in a thread worker would freeze for that long.
In pieces, the lock changes hands between pieces (a few milliseconds each), and the screen keeps
drawing and taking keys while the file is read. A command line pays the same: the same work,
cut up.

Nothing is trusted: every piece is encoded again and compared with the bytes it came from, and
the keys of consecutive pieces must rise. So :func:`parse_canonical` either returns exactly what
one ``orjson.loads`` of the whole file returns, *and* proves the bytes canonical (which means no
key is given twice: a parse keeps one copy of a key, and encoding that copy gave these very
bytes), or returns None, and the caller reads the file whole, the careful way.
"""

from __future__ import annotations

from typing import Any

import orjson

PIECE = 1 << 18  # bytes of records per piece (each at least this, cut at the next record): ~2 ms of orjson
RECORDS = 400  # records per piece when encoding: ~2 ms of orjson
_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS
_MEMBER = b',\n  "'  # between two tables (depth 1)
_RECORD = b',\n    "'  # between two records of a table (depth 2)
_OPEN, _CLOSE = b'{\n    "', b"\n  }"  # a table's object that holds records, around them


def parse_canonical(raw: bytes, values: dict[str, dict[str, bytes]] | None = None) -> dict[str, Any] | None:
    """The tables of ``raw`` when ``raw`` is in the canonical layout, parsed piece by piece;
    None when it is not (or cannot be shown to be), for the caller to parse whole.

    ``values``: also filled with each record's own bytes (table name -> id -> the bytes of its
    value, as the file has them), for a reader that keeps records undecoded
    (:mod:`tracker.store.shelf`); cut from bytes the parse has just shown canonical."""
    if not (raw.startswith(b'{\n  "') and raw.endswith(b"\n}\n")):
        return None
    tables: dict[str, Any] = {}
    at = 5  # just after the quote that opens a table's name
    previous = None
    while True:
        cut = raw.find(b'": ', at)
        name = _key(raw[at:cut]) if cut > 0 else None
        if name is None or (previous is not None and name <= previous):
            return None
        previous = name
        at = cut + 3
        if raw.startswith(b"{}", at):
            tables[name], at = {}, at + 2
        elif raw.startswith(_OPEN, at):
            end = raw.find(_CLOSE, at)  # the first line "  }" closes the table: deeper ones are indented more
            kept = values.setdefault(name, {}) if values is not None else None
            table = _records(raw, at + len(_OPEN), end, kept) if end > 0 else None
            if table is None:
                return None
            tables[name], at = table, end + len(_CLOSE)
        else:
            return None
        if raw.startswith(_MEMBER, at):
            at += len(_MEMBER)
        elif at == len(raw) - 3:  # "\n}\n"
            return tables
        else:
            return None


def _key(quoted_tail: bytes) -> str | None:
    """A key from its bytes without the opening quote, if they are its canonical encoding."""
    quoted = b'"' + quoted_tail + b'"'
    try:
        key = orjson.loads(quoted)
    except orjson.JSONDecodeError:
        return None
    return key if isinstance(key, str) and orjson.dumps(key) == quoted else None


def _records(raw: bytes, start: int, end: int, values: dict[str, bytes] | None = None) -> dict[str, Any] | None:
    """A table's records, from ``raw[start:end]`` (which begins just after the first record's
    opening quote); None unless canonical. ``values``: filled with each record's bytes."""
    table: dict[str, Any] = {}
    last = None
    while start < end:
        stop = raw.find(_RECORD, start + PIECE, end)
        stop = end if stop < 0 else stop
        try:
            piece = orjson.loads(b'{"' + raw[start:stop] + b"}")
        except orjson.JSONDecodeError:
            return None
        if not isinstance(piece, dict) or not piece:
            return None
        # Canonical if encoding the piece gives its bytes back (at the depth of a table's records).
        again = orjson.dumps(piece, option=_OPTIONS).replace(b"\n", b"\n  ")
        if len(again) != stop - start + len(_OPEN) + len(_CLOSE) or not raw.startswith(again[len(_OPEN):-len(_CLOSE)], start):
            return None
        first = next(iter(piece))
        if last is not None and first <= last:
            return None
        last = next(reversed(piece))
        table.update(piece)
        if values is not None:
            _cut(raw[start:stop], piece, values)
        start = stop + len(_RECORD)
    # The last piece ended at the table's closing line, not at a stray separator before it (and
    # there was a piece: a lone quote between the braces is no table).
    return table if start == end + len(_RECORD) else None


def _cut(piece_bytes: bytes, piece: dict[str, Any], values: dict[str, bytes]) -> None:
    """Each record's value bytes from a piece's (shown canonical): the piece is its records'
    members one after the other, ``id": {...}`` between separators, in the parsed order."""
    for key, member in zip(piece, piece_bytes.split(_RECORD)):
        head = orjson.dumps(key)[1:] + b": "  # the key as the file has it, without its opening quote
        values[key] = member[len(head):]


def encode_tables(tables: dict[str, Any]) -> bytes:
    """Exactly ``orjson.dumps(tables, OPT_INDENT_2 | OPT_SORT_KEYS) + b"\\n"``, made piece by piece
    (anything but an object of tables that are objects keyed by text is encoded whole)."""
    if not tables or not all(isinstance(name, str) and isinstance(value, dict) and all(isinstance(k, str) for k in value)
                             for name, value in tables.items()):
        return orjson.dumps(tables, option=_OPTIONS) + b"\n"
    out = [b"{\n"]
    for n, name in enumerate(sorted(tables)):
        out.append(b"  " + orjson.dumps(name) + b": ")
        _encode_records(tables[name], out)
        out.append(b",\n" if n < len(tables) - 1 else b"\n}\n")
    return b"".join(out)


def _encode_records(table: dict[str, Any], out: list[bytes]) -> None:
    """A table's object at depth 1, onto ``out``."""
    if not table:
        out.append(b"{}")
        return
    keys = sorted(table)
    out.append(b"{\n")
    for start in range(0, len(keys), RECORDS):
        piece = {key: table[key] for key in keys[start:start + RECORDS]}
        if start:
            out.append(b",\n")
        # "{\n    ...\n  }" at the depth of a table: the lines between the braces.
        out.append(orjson.dumps(piece, option=_OPTIONS).replace(b"\n", b"\n  ")[2:-4])
    out.append(_CLOSE)
