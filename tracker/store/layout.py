"""What a tracker database file looks like: its tables, its schema version, its bytes.

The file is one JSON object of TinyDB tables keyed by record id::

    {"meta": {"schema": {"schema_version": 1}},
     "articles": {"<id>": {...}}, "events": {...}, "predictions": {...}, "proposals": {...}}

:mod:`tracker.store.store` reads and writes it; the merge driver and the tests build it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

from tracker.domain.errors import TrackerError

SCHEMA_VERSION = 1
TABLES = {"article": "articles", "event": "events", "prediction": "predictions"}
META_TABLE, META_ID = "meta", "schema"
# Candidates found by `tracker ingest`, waiting for a reader's decision: not records, so no
# score, list or review sees them (tracker.ingest.proposals gives them their meaning).
PROPOSALS_TABLE = "proposals"


class StoreError(TrackerError):
    """The database file cannot be used; the message names the file and the problem."""


def encode_file(tables: dict[str, Any]) -> bytes:
    """UTF-8 (Japanese unescaped), indented, keys sorted: stable, diff-friendly output."""
    return orjson.dumps(tables, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


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
