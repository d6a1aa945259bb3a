"""What a tracker database file looks like: its tables, its schema version, its bytes.

The file is one JSON object of TinyDB tables keyed by record id::

    {"meta": {"schema": {"schema_version": 1}},
     "articles": {"<id>": {...}}, "events": {...}, "predictions": {...}, "proposals": {...}}

:mod:`tracker.store.store` reads and writes it; the merge driver and the tests build it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


from tracker.domain.errors import TrackerError
from tracker.store.pieces import encode_tables

SCHEMA_VERSION = 1
TABLES = {"article": "articles", "event": "events", "prediction": "predictions"}
META_TABLE, META_ID = "meta", "schema"
# Candidates found by `tracker ingest`, waiting for a reader's decision: not records, so no
# score, list or review sees them (tracker.ingest.proposals gives them their meaning).
PROPOSALS_TABLE = "proposals"


class StoreError(TrackerError):
    """The database file cannot be used; the message names the file and the problem."""


def encode_file(tables: dict[str, Any]) -> bytes:
    """UTF-8 (Japanese unescaped), indented, keys sorted: stable, diff-friendly output
    (``orjson.dumps(tables, OPT_INDENT_2 | OPT_SORT_KEYS)``, made a few hundred records at a
    time: see :mod:`tracker.store.pieces`)."""
    return encode_tables(tables)


def empty_tables() -> dict[str, Any]:
    return {META_TABLE: {META_ID: {"schema_version": SCHEMA_VERSION}},
            "articles": {}, "events": {}, "predictions": {}}


def check_shape(tables: Any, path: Path) -> None:
    """The top level must be our tables and a schema version we know."""
    if not isinstance(tables, dict):
        raise StoreError(f"{path}: not a tracker database (the top level is not a JSON object)")
    known = {META_TABLE, PROPOSALS_TABLE, *TABLES.values()}
    unknown = sorted(set(tables) - known)
    if unknown:
        raise StoreError(f"{path}: not a tracker database (unknown table {unknown[0]!r})")
    meta = tables.get(META_TABLE)
    schema = meta.get(META_ID) if isinstance(meta, dict) else None
    version = schema.get("schema_version") if isinstance(schema, dict) else None
    if version is None:
        raise StoreError(f"{path}: not a tracker database (no meta.schema.schema_version)")
    if type(version) is not int or version != SCHEMA_VERSION:  # true and 1.0 are not 1
        raise StoreError(f"{path}: schema_version {version!r} is not supported "
                         f"(this tracker reads version {SCHEMA_VERSION})")
    if not isinstance(tables.get(PROPOSALS_TABLE, {}), dict):
        raise StoreError(f"{path}: table {PROPOSALS_TABLE!r} is not a JSON object")
    for name in TABLES.values():
        if not isinstance(tables.get(name, {}), dict):
            raise StoreError(f"{path}: table {name!r} is not a JSON object")
        tables.setdefault(name, {})


# What the inbox, accept, reject and merge rely on in a stored proposal (tracker.ingest.run writes
# them so): each named member, when present, of this JSON type. A proposal otherwise shaped is
# refused on read, naming it, rather than failing deep inside a command.
_TEXT, _INT, _NUMBER, _TEXTS, _OBJECTS = "text", "an integer", "a number", "a list of text", "a list of objects"
PROPOSAL_MEMBERS = {"kind": _TEXT, "state": _TEXT, "record": _TEXT, "note": _TEXT, "language": _TEXT,
                    "decided_at": _TEXT, "proposed_at": _TEXT, "keys": _TEXTS, "also": _OBJECTS}
PROPOSAL_FIELDS = {"claim": _TEXT, "title": _TEXT, "article": _TEXT, "quote": _TEXT, "summary": _TEXT,
                   "hedge": _TEXT, "date": _TEXT, "resolve_by": _TEXT, "horizon_note": _TEXT,
                   "condition": _TEXT, "author": _TEXT, "forecaster": _TEXT, "probability": _NUMBER,
                   "articles": _TEXTS, "tags": _TEXTS}
PROPOSAL_SOURCE = {"file": _TEXT, "section": _TEXT, "text": _TEXT, "paragraph": _TEXT,
                   "article": _INT, "sentence": _INT, "offset": _INT}


def _is(value: Any, kind: str) -> bool:
    if kind == _TEXT:
        return isinstance(value, str)
    if kind == _INT:
        return type(value) is int
    if kind == _NUMBER:
        return type(value) in (int, float)
    if kind == _TEXTS:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, list) and all(isinstance(v, dict) for v in value)


def proposal_shape_problems(pid: str, doc: Any) -> list[str]:
    """What makes a stored proposal unusable (not its meaning: `tracker validate` checks that)."""
    where = f"{PROPOSALS_TABLE}[{pid}]"
    if not isinstance(doc, dict):
        return [f"{where}: must be an object"]
    problems = [f"{where}.{name}: must be {kind}" for name, kind in PROPOSAL_MEMBERS.items()
                if name in doc and not _is(doc[name], kind)]
    for part, members in (("fields", PROPOSAL_FIELDS), ("source", PROPOSAL_SOURCE)):
        value = doc.get(part)
        if not isinstance(value, dict):
            problems.append(f"{where}.{part}: must be an object")
            continue
        problems += [f"{where}.{part}.{name}: must be {kind}" for name, kind in members.items()
                     if name in value and value[name] is not None and not _is(value[name], kind)]
    return problems
