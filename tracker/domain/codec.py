"""Records as plain dicts (the JSON the file and ``--json`` use) to and from the model.

Decoding is here; encoding, its simpler half, is in :mod:`tracker.domain.encoding`.
Both take the field names on disk from the one field table. Decoding checks every
field and reports *all* problems, each naming where it is, so ``validate`` and
``import`` can list them together.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from tracker.domain import schema
from tracker.domain.encoding import FIELDS
from tracker.domain.errors import Problem, TrackerError
from tracker.domain.dates import DateError, PDate, parse_stored, parse_stored_text
from tracker.domain.model import KINDS, Article, Event, HistoryEntry, Prediction, Record, Status
from tracker.domain.text import a_or_an

ID_PATTERN = re.compile(r"[^\s/\\]+")

# The stored fields of each kind come from the one field table (tracker.domain.schema).
ARTICLE_FIELDS, EVENT_FIELDS, PREDICTION_FIELDS = FIELDS["article"], FIELDS["event"], FIELDS["prediction"]
ALLOWED = {kind: frozenset(fields) | {"history", "id", "kind"} for kind, fields in FIELDS.items()}


class RecordError(TrackerError, ValueError):
    """A record that does not fit the model; ``problems`` lists every reason, as values."""

    def __init__(self, problems: list[str]):
        super().__init__(problems[0] if len(problems) == 1 else f"{len(problems)} problems: {problems[0]} ...",
                         problems)


# ---- decoding -------------------------------------------------------------

DateParser = Callable[[str], PDate]


class _Reader:
    """Reads fields out of one document, collecting problems instead of stopping at the first."""

    def __init__(self, doc: dict, where: str, parse_date: DateParser):
        self.doc = doc
        self.where = where
        self.parse_date = parse_date
        self.problems: list[str] = []

    def fail(self, name: str, message: str) -> None:
        self.problems.append(Problem(self.where, name, message))

    def text(self, name: str, required: bool = False) -> str:
        value = self.doc.get(name)
        if value is None or value == "":
            if required:
                self.fail(name, "is required")
            return ""
        if not isinstance(value, str):
            self.fail(name, f"must be text, not {type(value).__name__}")
            return ""
        return value

    def date(self, name: str, required: bool = True) -> PDate | None:
        value = self.doc.get(name)
        if value is None or value == "":
            if required:
                self.fail(name, "is required")
            return None
        if not isinstance(value, str):
            self.fail(name, f"must be a date string, not {type(value).__name__}")
            return None
        try:
            return self.parse_date(value)
        except DateError as exc:
            self.fail(name, str(exc))
            return None

    def strings(self, name: str) -> list[str]:
        value = self.doc.get(name)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(name, "must be a list of text")
            return []
        return list(value)

    def probability(self, name: str = "probability") -> float | None:
        value = self.doc.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(name, f"must be a number, not {value!r}")
            return 0.5
        if not 0 < value < 1:
            self.fail(name, f"{value} is not strictly between 0 and 1")
        return float(value)

    def status(self, name: str = "status", default: str = "pending") -> Status:
        value = self.doc.get(name, default)
        try:
            return Status(value) if isinstance(value, str) else Status(None)
        except ValueError:
            self.fail(name, f"{value!r} is not one of {', '.join(s.value for s in Status)}")
            return Status.PENDING

    def history(self) -> list[HistoryEntry]:
        value = self.doc.get("history")
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail("history", "must be a list")
            return []
        return [entry for i, raw in enumerate(value) if (entry := self._entry(i, raw)) is not None]

    def _entry(self, index: int, raw: Any) -> HistoryEntry | None:
        name = f"history[{index}]"
        if not isinstance(raw, dict):
            self.fail(name, "must be an object")
            return None
        at, action = raw.get("at"), raw.get("action")
        if not isinstance(at, str) or not at:
            self.fail(name, "has no 'at' timestamp")
        by = raw.get("by") or ""
        if not isinstance(by, str):
            self.fail(name, f"'by' must be text, not {type(by).__name__}")
            by = ""
        entry = self._entry_body(name, raw, at if isinstance(at, str) else "", action)
        if entry is not None:
            entry.by = by
        return entry

    def _entry_body(self, name: str, raw: dict, at: str, action: Any) -> HistoryEntry | None:
        if action == "snooze":
            until = None
            try:
                until = parse_stored(raw.get("until")) if isinstance(raw.get("until"), str) else None
            except DateError as exc:
                self.fail(name, f"until: {exc}")
            else:
                if until is None:
                    self.fail(name, "a snooze entry needs an 'until' date")
            return HistoryEntry(at=at, action="snooze", until=until, note=str(raw.get("note") or ""))
        if action == "status":
            statuses = {s.value for s in Status}
            for key in ("from", "to"):
                if not isinstance(raw.get(key), str) or raw.get(key) not in statuses:
                    self.fail(name, f"{key!r} is {raw.get(key)!r}, not a status")
            known_on = None
            if raw.get("known_on"):
                try:
                    known_on = parse_stored(raw["known_on"])
                except DateError as exc:
                    self.fail(name, f"known_on: {exc}")
            evidence = raw.get("evidence") or []
            if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
                self.fail(name, "evidence must be a list of URLs")
                evidence = []
            return HistoryEntry(at=at, action="status", from_status=raw.get("from"),
                                to_status=raw.get("to"), note=str(raw.get("note") or ""),
                                evidence=list(evidence), known_on=known_on)
        if action in ("dispute", "settle"):
            return self._verdict_entry(name, raw, at, action)
        if action == "edit":
            if not isinstance(raw.get("field"), str):
                self.fail(name, "an edit entry needs a 'field'")
            return HistoryEntry(at=at or "", action="edit", field=raw.get("field"),
                                old=raw.get("old"), new=raw.get("new"), note=str(raw.get("note") or ""))
        self.fail(name, f"unknown action {action!r}")
        return None


    def _verdict_entry(self, name: str, raw: dict, at: str, action: str) -> HistoryEntry:
        """A merge's dispute (each side's value and who set it) or a reader's settling of one."""
        if not isinstance(raw.get("field"), str) or not raw.get("field"):
            self.fail(name, f"{a_or_an(action)} entry needs a 'field'")
        if action == "settle":
            return HistoryEntry(at=at, action="settle", field=raw.get("field"), new=raw.get("value"),
                                note=str(raw.get("note") or ""))
        values = raw.get("values")
        if not isinstance(values, list) or len(values) < 2 or not all(
                isinstance(v, dict) and "value" in v and isinstance(v.get("by", ""), str) for v in values):
            self.fail(name, "a dispute entry needs 'values': two or more {value, by}")
            values = []
        return HistoryEntry(at=at, action="dispute", field=raw.get("field"),
                            values=[{"value": v["value"], "by": v.get("by") or ""} for v in values])


def check_id(record_id: Any, where: str) -> list[str]:
    if not isinstance(record_id, str) or not ID_PATTERN.fullmatch(record_id):
        return [Problem(where, "", f"id {record_id!r} must be non-empty text without spaces or slashes")]
    return []


_STATUSES = {s.value: s for s in Status}


_STATUS_ENTRY_KEYS = frozenset(("at", "action", "from", "to", "note", "evidence", "known_on", "by"))


def _clean_history(value: Any) -> list[HistoryEntry] | None:
    """A history of well-formed status entries (what judged predictions carry), checked inline
    as the slow path would; None for anything else (the slow path reads it and says what is wrong)."""
    if type(value) is not list:
        return None
    entries = []
    for raw in value:
        if type(raw) is not dict or raw.get("action") != "status" or not _STATUS_ENTRY_KEYS.issuperset(raw):
            return None
        at, note, by = raw.get("at"), raw.get("note") or "", raw.get("by") or ""
        evidence, known_on = raw.get("evidence") or [], raw.get("known_on")
        if type(at) is not str or not at or type(note) is not str or type(by) is not str \
                or type(raw.get("from")) is not str or raw["from"] not in _STATUSES \
                or type(raw.get("to")) is not str or raw["to"] not in _STATUSES \
                or type(evidence) is not list or any(type(e) is not str for e in evidence) \
                or (known_on is not None and type(known_on) is not str):
            return None
        try:
            known = parse_stored(known_on) if known_on else None
        except DateError:
            return None  # the slow path names the entry and the field
        entries.append(HistoryEntry(at=at, action="status", from_status=raw["from"], to_status=raw["to"],
                                    note=note, evidence=list(evidence), known_on=known, by=by))
    return entries


# The fast decoder's code for one field, by its type (``{v}`` is a local, ``{n}`` the key).
_CLEAN_CODE = {
    schema.TEXT: """
    {v} = get({n})
    if {v} is None: {v} = ""
    elif type({v}) is not str: return None""",
    schema.LIST: """
    {v} = get({n})
    if {v} is None: {v} = []
    elif type({v}) is not list or any(type(x) is not str for x in {v}): return None
    else: {v} = list({v})""",
    schema.PROBABILITY: """
    {v} = get({n})
    if {v} is not None:
        if type({v}) not in (float, int) or not 0 < {v} < 1: return None
        {v} = float({v})""",
    schema.STATUS: """
    {v} = get({n}, {d})
    {v} = STATUSES.get({v}) if type({v}) is str else None
    if {v} is None: return None""",
}
_CLEAN_CODE[schema.URL] = _CLEAN_CODE[schema.TEXT]


def _clean_decoder(model: type, fields: tuple[schema.Field, ...]) -> Callable[[str, dict], Record | None]:
    """A decoder for one kind's well-formed documents, written from its field table.

    Loading 100k predictions is dominated by per-field checks, so the checks are
    generated as straight-line code, each field by its type (as dataclasses writes
    ``__init__``). It returns None for anything unusual: the slow path then reports
    every problem with its place.
    """
    local = {f.name: f"v{i}" for i, f in enumerate(fields)}
    lines = ["def decode(record_id, doc):",
             "    if not ALLOWED.issuperset(doc) or type(record_id) is not str or not FULLMATCH(record_id): return None",
             "    history = doc.get('history')",
             "    if history is None or (type(history) is list and not history): history = []",  # most records
             "    else:",
             "        history = clean_history(history)",
             "        if history is None: return None",
             "    get = doc.get"]
    for f in fields:
        if f.type in _CLEAN_CODE:
            default = repr(f.default.value) if f.type == schema.STATUS else ""
            lines.append(_CLEAN_CODE[f.type].format(v=local[f.name], n=repr(f.name), d=default))
        if f.required and f.type in (schema.TEXT, schema.URL):
            lines.append(f"    if not {local[f.name]}: return None")
    for f in fields:  # empty text takes its default or another field's value
        if f.fallback:
            lines.append(f"    {local[f.name]} = {local[f.name]} or {local[f.fallback]}")
        elif f.type == schema.TEXT and f.default:
            lines.append(f"    {local[f.name]} = {local[f.name]} or {f.default!r}")
    lines.append("    try:")  # dates last: a missing one is a KeyError
    # The cached parser itself: text it does not take raises DateError, anything else TypeError.
    lines += ["        pass"] + [f"        {local[f.name]} = PARSE_TEXT(doc[{f.name!r}])" for f in fields if f.type == schema.DATE]
    lines += ["    except (KeyError, TypeError, DateError): return None",
              "    return MODEL(id=record_id, history=history, "
              + ", ".join(f"{f.name}={local[f.name]}" for f in fields) + ")"]
    assert all(f.name.isidentifier() for f in fields)
    scope = {"ALLOWED": ALLOWED[model.kind], "FULLMATCH": ID_PATTERN.fullmatch, "clean_history": _clean_history,
             "STATUSES": _STATUSES, "PARSE_TEXT": parse_stored_text, "DateError": DateError, "MODEL": model}
    exec(compile("\n".join(lines), f"<clean decoder of {model.kind}>", "exec"), scope)
    return scope["decode"]


_MODELS = {"article": Article, "event": Event, "prediction": Prediction}
_DECODE_CLEAN = {kind: _clean_decoder(model, schema.SCHEMA[kind]) for kind, model in _MODELS.items()}


def clean_decoder(kind: str) -> Callable[[str, dict], Record | None]:
    """The straight-line decoder of ``kind``'s well-formed documents (None for anything else:
    :func:`decode_fields` then says what is wrong), for decoding a whole table."""
    return _DECODE_CLEAN[kind]


def _read_field(read: _Reader, f: schema.Field) -> Any:
    """One field's value as its type says, its problems noted by ``read``."""
    if f.type == schema.DATE:
        return read.date(f.name)
    if f.type == schema.LIST:
        return read.strings(f.name)
    if f.type == schema.PROBABILITY:
        return read.probability(f.name)
    if f.type == schema.STATUS:
        return read.status(f.name, f.default.value)
    return read.text(f.name, f.required)


def _read_fields(read: _Reader, fields: tuple[schema.Field, ...]) -> dict[str, Any]:
    """Every field's value; a text field a file leaves empty takes its default or its fallback
    (an article's language, a prediction's forecaster in files from before forecasters)."""
    values = {f.name: _read_field(read, f) for f in fields}
    for f in fields:
        if f.type == schema.TEXT and not values[f.name]:
            values[f.name] = values[f.fallback] if f.fallback else f.default
    return values


def decode_fields(kind: str, record_id: str, doc: dict, where: str,
                  parse_date: DateParser = parse_stored) -> Record:
    """Build a model record from its stored fields; raise RecordError listing every problem."""
    if not isinstance(doc, dict):
        raise RecordError([f"{where}: must be an object"])
    if parse_date is parse_stored and kind in ALLOWED:
        record = _DECODE_CLEAN[kind](record_id, doc)
        if record is not None:
            return record
    problems = check_id(record_id, where)
    read = _Reader(doc, where, parse_date)
    unknown = doc.keys() - ALLOWED.get(kind, frozenset())
    for name in sorted(unknown):
        read.fail(name, f"is not a field of {'an' if kind[0] in 'aeiou' else 'a'} {kind}")
    model = _MODELS.get(kind)
    if model is None:
        raise RecordError([Problem(where, "", f"kind {kind!r} is not one of {', '.join(KINDS)}")])
    record: Record = model(id=record_id, **_read_fields(read, schema.SCHEMA[kind]), history=read.history())
    problems += read.problems
    if problems:
        raise RecordError(problems)
    return record


def decode_stored_form(doc: dict) -> Record | None:
    """The record a document with id and kind makes when every field is already in its stored
    form (ISO dates, numbers, lists); None for anything else, which the careful decoder then reads.

    Any date parser reads a stored-form date as :func:`parse_stored` does, so an import can
    take this path first and keep its lenient parser for the cells that need it."""
    decode = _DECODE_CLEAN.get(doc.get("kind"))
    return decode(doc.get("id"), doc) if decode is not None else None


def decode_record(doc: Any, where: str, parse_date: DateParser = parse_stored) -> Record:
    """Build a model record from its ``--json``/export form (with id and kind)."""
    if not isinstance(doc, dict):
        raise RecordError([f"{where}: must be an object"])
    kind = doc.get("kind")
    if kind not in KINDS:
        raise RecordError([f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}"])
    return decode_fields(kind, doc.get("id"), doc, where, parse_date)
