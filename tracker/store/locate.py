"""Find one record's bytes in a database file without parsing the whole file.

Tracker writes its file in one canonical layout (orjson, two-space indent, keys sorted;
see ``storage.encode_file``): each table opens on a line ``  "predictions": {``, each
record on a line ``    "<id>": {`` and closes on a line ``    }``. JSON text cannot hold a
raw line break inside a string, so these lines are structure, never text from a record.
``show`` reads one record this way in a few milliseconds at any size.

Anything that does not look exactly like that layout (a hand-edited file, an unknown
table, a record that does not parse alone) gives None, and the caller parses the file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import orjson

from tracker.domain.codec import RecordError, decode_fields
from tracker.store.guard import UnsafeFileError, read_regular
from tracker.domain.model import Database, Prediction, Record

KNOWN_TABLES = {"articles", "events", "meta", "predictions", "proposals"}

# A key at depth one (a table), in the canonical layout.
_TABLE_LINE = re.compile(rb'\n  "([a-z]+)": ')
_CANONICAL_START = b'{\n  "'


def table_spans(raw: bytes) -> dict[str, tuple[int, int]] | None:
    """Each table's byte range in a canonical file; None when the file is not canonical."""
    if not raw.startswith(_CANONICAL_START) or not raw[-64:].rstrip().endswith(b"}"):
        return None
    marks = []
    at = 1
    while True:  # from one table's line to the next, finding each table's closing line
        found = _TABLE_LINE.match(raw, at)
        if found is None:
            return None
        marks.append((found.group(1).decode(), at))
        if raw.startswith(b"{}", found.end()):
            close = found.end() + 2
        else:
            # "\n  }" closes a table (records' lines are indented deeper); searching for it skips
            # the records at memory speed, where a regex over every line would not.
            close = raw.find(b"\n  }", found.end())
            if close < 0:
                return None
            close += 4
        if raw.startswith(b",\n", close):
            at = close + 1
        elif raw.startswith(b"\n}", close):
            break
        else:
            return None
    if not marks or marks[0][1] != 1:
        return None
    names = [name for name, _ in marks]
    if names != sorted(set(names)):  # sorted and unique, as we write them
        return None
    ends = [start for _, start in marks[1:]] + [len(raw)]
    return {name: (start, end) for (name, start), end in zip(marks, ends)}


def find_doc(raw: bytes, spans: dict[str, tuple[int, int]], table: str, record_id: str) -> Any:
    """The stored document of ``record_id`` in ``table`` (None if absent), or ``...`` when
    the bytes around it do not look canonical (the caller should parse the whole file)."""
    span = spans.get(table)
    if span is None:
        return None
    start, end = span
    key = b"\n    " + orjson.dumps(record_id) + b": {"
    at = raw.find(key, start, end)
    if at < 0:
        return None
    if raw.find(key, at + len(key), end) >= 0:  # the same key twice: let the full read say so
        return ...
    open_at = at + len(key) - 1
    close_at = raw.find(b"\n    }", open_at, end)
    if close_at < 0:
        return ...
    try:
        doc = orjson.loads(raw[open_at:close_at + 6])
    except orjson.JSONDecodeError:
        return ...
    return doc if isinstance(doc, dict) else ...


def meta_doc(raw: bytes, spans: dict[str, tuple[int, int]]) -> Any:
    """The ``meta`` table, parsed alone (it is a few bytes), or ``...`` if it does not parse."""
    span = spans.get("meta")
    if span is None:
        return ...
    start, end = span
    body = raw[start:end].split(b": ", 1)[1].rstrip().rstrip(b",")
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return ...


def read_prediction(path: Path, record_id: str, schema_version: int) -> tuple[Record, Database] | None:
    """One prediction and the article and event its details name, read from a canonical file
    without parsing the rest; None whenever the full read should decide (not canonical, not a
    prediction, not found, or not valid: the full read gives the file's own error)."""
    try:
        raw = read_regular(path)
    except (OSError, UnsafeFileError):
        return None
    spans = table_spans(raw)
    if spans is None or not set(spans) <= KNOWN_TABLES:
        return None
    meta = meta_doc(raw, spans)
    schema = meta.get("schema") if isinstance(meta, dict) else None
    version = schema.get("schema_version") if isinstance(schema, dict) else None
    if type(version) is not int or version != schema_version:
        return None
    if any(find_doc(raw, spans, table, record_id) is not None for table in ("articles", "events")):
        return None  # found first by the full read, and its details count what links to it
    db = Database()
    wanted = [("prediction", "predictions", record_id)]
    while wanted:
        kind, table, wanted_id = wanted.pop()
        doc = find_doc(raw, spans, table, wanted_id)
        if doc is ... or (doc is None and kind == "prediction"):
            return None
        if doc is None:
            continue  # a dangling link: details show the bare id, as the full read does
        try:
            record = decode_fields(kind, wanted_id, doc, f"{table}[{wanted_id}]")
        except RecordError:
            return None
        db.table(kind)[wanted_id] = record
        if isinstance(record, Prediction):
            wanted += [(k, t, i) for k, t, i in (("article", "articles", record.article),
                                                  ("event", "events", record.event)) if i]
    return db.predictions[record_id], db
