"""Records to plain dicts: the JSON the file, ``--json`` and export use (decoding: :mod:`tracker.domain.codec`)."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from tracker.domain import schema
from tracker.domain.dates import PDate
from tracker.domain.model import HistoryEntry, Record, Status

# The stored fields of each kind, from the one field table (tracker.domain.schema).
FIELDS = {kind: schema.names(kind) for kind in ("article", "event", "prediction")}


def encode_value(value: Any) -> Any:
    """A model value in its JSON form."""
    if isinstance(value, PDate):
        return value.iso()
    if isinstance(value, Status):
        return value.value
    if isinstance(value, list):
        return [encode_value(v) for v in value]
    return value


def encode_history(entry: HistoryEntry) -> dict[str, Any]:
    doc: dict[str, Any] = {"at": entry.at, "action": entry.action}
    if entry.by:
        doc["by"] = entry.by
    if entry.action == "snooze":
        doc["until"] = entry.until.iso() if entry.until else None
        doc["note"] = entry.note
    elif entry.action == "dispute":
        doc["field"] = entry.field
        doc["values"] = [{"value": encode_value(v.get("value")), "by": v.get("by") or ""} for v in entry.values]
    elif entry.action == "settle":
        doc["field"] = entry.field
        doc["value"] = encode_value(entry.new)
        if entry.note:
            doc["note"] = entry.note
    elif entry.action == "status":
        doc["from"] = entry.from_status
        doc["to"] = entry.to_status
        doc["note"] = entry.note
        doc["evidence"] = list(entry.evidence)
        doc["known_on"] = entry.known_on.iso() if entry.known_on else None
    else:
        doc["field"] = entry.field
        doc["old"] = encode_value(entry.old)
        doc["new"] = encode_value(entry.new)
        if entry.note:
            doc["note"] = entry.note
    return doc


_CONVERT_TYPE: dict[str, Callable[[Any], Any]] = {
    schema.DATE: PDate.iso, schema.STATUS: attrgetter("value"), schema.LIST: list,
}
_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    f.name: _CONVERT_TYPE[f.type] for fields in schema.SCHEMA.values() for f in fields if f.type in _CONVERT_TYPE
}
# Per kind: all field values in one call, then only the fields that need converting.
_GETTERS = {kind: attrgetter(*fields) for kind, fields in FIELDS.items()}
_TO_CONVERT = {kind: tuple((n, _CONVERTERS[n]) for n in fields if n in _CONVERTERS)
               for kind, fields in FIELDS.items()}
# The same with id and kind first: ``--json`` builds one dict per record, not two (60,000 at a time).
_RECORD_KEYS = {kind: ("id", "kind", *fields) for kind, fields in FIELDS.items()}
_RECORD_GETTERS = {kind: attrgetter("id", "kind", *fields) for kind, fields in FIELDS.items()}


def _encode(record: Record, keys: tuple[str, ...], get: Callable[[Any], tuple]) -> dict[str, Any]:
    kind = record.kind
    doc = dict(zip(keys, get(record)))
    for name, convert in _TO_CONVERT[kind]:
        value = doc[name]
        if value is not None:
            doc[name] = convert(value)
    doc["history"] = [encode_history(entry) for entry in record.history]
    return doc


def encode_fields(record: Record) -> dict[str, Any]:
    """The record's stored fields (no id, no kind), history included."""
    return _encode(record, FIELDS[record.kind], _GETTERS[record.kind])


def encode_record(record: Record) -> dict[str, Any]:
    """The record as ``--json`` and export show it: id and kind first."""
    return _encode(record, _RECORD_KEYS[record.kind], _RECORD_GETTERS[record.kind])
