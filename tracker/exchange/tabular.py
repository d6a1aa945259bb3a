"""Export to and import from JSON and CSV, losing nothing on a round trip.

CSV columns start with the documented ones, in this order::

    id, kind, date, title, claim, quote, hedge, probability, made_on, resolve_by,
    status, author, article, tags, note, evidence

then the columns that carry everything else (``condition``, ``horizon_note``,
``event``, ``summary``, article fields, and ``history`` as JSON), so that a
round trip is exact. Tags are separated by ``;``, evidence URLs by spaces;
``note``/``evidence``/``known_on`` are those of the latest status change.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

from tracker.domain import schema
from tracker.domain.codec import RecordError, decode_record, decode_stored_form
from tracker.domain.encoding import encode_record
from tracker.domain.dates import PDate, parse_date
from tracker.domain.errors import TrackerError
from tracker.domain.fields import FieldError, check_urls, resolve_probability
from tracker.store.guard import UncheckableJSON, UnsafeFileError, duplicate_keys, read_regular
from tracker.domain.hedges import lookup
from tracker.domain.ids import new_id
from tracker.domain.model import Prediction, Record, Status
from tracker.domain.progress import EVERY, Tick
from tracker.domain.status import status_entry
from tracker.domain.text import has_control

CSV_COLUMNS = (
    "id", "kind", "date", "title", "claim", "quote", "hedge", "probability", "made_on",
    "resolve_by", "status", "author", "article", "tags", "note", "evidence",
)
_EXTRA_ORDER = (
    "known_on", "condition", "horizon_note", "event", "summary", "url", "language", "summary_title",
    "summary_language", "summary_posted", "summary_source", "source_note", "forecaster", "alt_hedge",
)
# Every field's column (tracker.domain.schema), in the order files have always had, then any newer
# field's, then the history.
EXTRA_COLUMNS = (*_EXTRA_ORDER, *dict.fromkeys(
    f.column for fields in schema.SCHEMA.values() for f in fields
    if f.column not in CSV_COLUMNS and f.column not in _EXTRA_ORDER), "history")
ALL_COLUMNS = CSV_COLUMNS + EXTRA_COLUMNS
DEFAULT_HORIZON_NOTE = "No horizon given on import: default of one year after made_on."


class ImportFileError(TrackerError):
    """An import file that cannot be read; ``problems`` names every bad row."""

    def __init__(self, problems: list[str], path: Path | None = None):
        summary = problems[0] if len(problems) == 1 else \
            f"{path or 'the import file'}: {len(problems)} problems; nothing imported"
        super().__init__(summary, problems)


def _json_bytes(value: Any) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n"


def export_json(records: list[Record]) -> bytes:
    """The records as `list --json` prints them."""
    return _json_bytes([encode_record(r) for r in records])


def to_csv_row(record: Record) -> dict[str, str]:
    doc = encode_record(record)
    row = {column: "" for column in ALL_COLUMNS}
    row["id"], row["kind"] = record.id, record.kind
    for f in schema.SCHEMA[record.kind]:  # each field in its column, as the table says
        value = doc.get(f.name)
        if f.type == schema.LIST:
            row[f.column] = ";".join(value or ())
        elif f.type == schema.PROBABILITY:
            row[f.column] = "" if value is None else f"{value:g}"
        elif isinstance(value, str):
            row[f.column] = value
    if isinstance(record, Prediction):
        last = record.last_status_entry()
        if last is not None:
            row["note"] = last.note
            row["evidence"] = " ".join(last.evidence)
            row["known_on"] = last.known_on.iso() if last.known_on else ""
    row["history"] = orjson.dumps(doc["history"]).decode() if record.history else ""
    return row


# A cell a spreadsheet would run as a formula (OWASP "CSV injection"): it starts with one of
# these, possibly after apostrophes. Export puts one apostrophe in front (the spreadsheet
# convention for "this is text"); import takes exactly one off, so the round trip is exact.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def defuse(cell: str) -> str:
    """The CSV cell for ``cell``: text a spreadsheet shows, never runs."""
    return "'" + cell if _FORMULA.match(cell) else cell


def restore(cell: str) -> str:
    """What :func:`defuse` was given."""
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def export_csv(records: list[Record], tick: Tick | None = None) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=ALL_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for done, record in enumerate(records, start=1):
        writer.writerow({name: defuse(value) for name, value in to_csv_row(record).items()})
        if tick is not None and done % EVERY == 0:
            tick(done, len(records))
    return out.getvalue().encode("utf-8")


# ---- import ---------------------------------------------------------------

class ImportBatch(list):
    """The records of an import file. ``fresh_ids`` are the ids generated for rows that had none,
    which must not land on an existing record; ``given`` maps each id to the fields its row
    states (updating an existing record changes only those)."""

    def __init__(self, records: list[Record], fresh_ids: set[str], given: dict[str, set[str]]):
        super().__init__(records)
        self.fresh_ids = fresh_ids
        self.given = given


Existing = Callable[[str], "dict[str, Any] | None"]


def read_import_file(path: Path, existing: Existing | None = None, by: str = "",
                     tick: Tick | None = None) -> ImportBatch:
    """Records from a CSV or JSON file; ImportFileError names every bad row.

    ``existing(id)`` gives the stored form of a record already in the database: a row
    for it need only state what changes (the rest is taken from the stored record).
    ``by`` names who is importing, for the history entries made here.
    """
    try:
        raw = read_regular(path)
    except UnsafeFileError as exc:
        raise ImportFileError([str(exc)]) from None
    except OSError as exc:
        raise ImportFileError([f"{path}: cannot read: {exc.strerror or exc}"]) from None
    if not raw.removeprefix(b"\xef\xbb\xbf").strip():
        bom = " (only a byte-order mark)" if raw.startswith(b"\xef\xbb\xbf") else ""
        raise ImportFileError([f"{path}: the file is empty{bom}; nothing imported"])
    looks_json = path.suffix.lower() == ".json" or raw.lstrip()[:1] in (b"[", b"{")
    rows = _rows_from_json(path, raw) if looks_json else _rows_from_csv(path, raw)
    return _decode_rows(path, rows, existing or (lambda record_id: None), by, tick)


def _rows_from_json(path: Path, raw: bytes) -> list[tuple[str, Any]]:
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ImportFileError([f"{path}: not valid JSON: {exc}"]) from None
    try:
        twice = duplicate_keys(raw)
    except UncheckableJSON as exc:
        raise ImportFileError([f"{path}: nothing imported: {exc}"]) from None
    if twice:  # JSON readers keep the last copy silently: say so rather than guess
        raise ImportFileError([f"{path}: key {key} appears more than once; nothing imported" for key in twice],
                              path)
    if isinstance(data, dict) and "meta" in data:  # a whole tracker database
        from tracker.store.layout import StoreError, check_shape

        try:
            check_shape(data, path)  # a schema version we read, and no unknown tables
        except StoreError as exc:
            raise ImportFileError([str(exc)]) from None
        tables = [(kind, data.get(table)) for table, kind in
                  (("articles", "article"), ("events", "event"), ("predictions", "prediction"))]
        if not all(t is None or isinstance(t, dict) for _, t in tables):
            raise ImportFileError([f"{path}: a table of this database is not a JSON object"])
        return [(f"{kind} {rid}", {"id": rid, "kind": kind, **doc} if isinstance(doc, dict) else doc)
                for kind, table in tables for rid, doc in (table or {}).items()]
    if not isinstance(data, list):
        raise ImportFileError([f"{path}: expected a JSON array of records"])
    return [(f"record {i + 1}", doc) for i, doc in enumerate(data)]


def _rows_from_csv(path: Path, raw: bytes) -> list[tuple[str, Any]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError([f"{path}: not UTF-8 text"]) from None
    # strict: a quote opened and never closed is an error (the lenient reader ran to the end of
    # the file as one cell and blamed that row's 'kind'), named with its row.
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    # tracker's own history cells outgrow the csv module's 128 KiB default; the file as a
    # whole is already capped (fileguard.MAX_READ_BYTES), so no cell can be larger than that.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(raw) + 1))
    try:
        return _csv_rows(path, reader)
    finally:
        csv.field_size_limit(limit)


def _csv_rows(path: Path, reader: csv.DictReader) -> list[tuple[str, Any]]:
    line = 1  # the last row read, counted as a spreadsheet counts them (header = 1)
    header = False
    try:
        fieldnames = reader.fieldnames
        header = True
        if not fieldnames or "kind" not in fieldnames:
            raise ImportFileError([f"{path}: not a tracker CSV (no 'kind' column in the header)"])
        unknown = [c for c in fieldnames if c not in ALL_COLUMNS]
        if unknown:
            raise ImportFileError([f"{path}: unknown column {unknown[0]!r} (columns: {', '.join(CSV_COLUMNS)}, ...)"])
        twice = sorted({c for c in fieldnames if fieldnames.count(c) > 1})
        if twice:
            raise ImportFileError([f"{path}: column {twice[0]!r} appears more than once in the header"])
        rows = []
        width = len(fieldnames)
        exact_columns = [c in _TEXT_COLUMNS for c in fieldnames]
        # The rows as DictReader gives them (blank lines skipped, missing cells empty), read
        # by the plain reader: a dict per row built at C speed, cells restored only when quoted.
        for line, cells in enumerate(filter(None, reader.reader), start=2):
            if len(cells) > width:
                rows.append((f"row {line}", {"__error__": "has more cells than the header"}))
                continue
            # Text is taken exactly (a leading space, U+3000 or newline is the value's own);
            # dates, numbers, ids and the like without the spaces around them.
            cells = [c if exact and c.strip() else c.strip() for c, exact in zip(cells, exact_columns)]
            cells = [restore(c) if c[:1] == "'" else c for c in cells]
            if len(cells) < width:
                cells += [""] * (width - len(cells))
            rows.append((f"row {line}", _csv_to_doc(dict(zip(fieldnames, cells)))))
    except csv.Error as exc:
        line = line + 1 if header else 1  # the row after the last one read
        why = "a quote opened in this row is never closed" if "unexpected end of data" in str(exc) else str(exc)
        raise ImportFileError([f"{path} row {line}: {why}"]) from None
    return rows


# The columns of free text (claim, quote, title, summary, note, …): read exactly as written.
_TEXT_COLUMNS = frozenset({f.column for fields in schema.SCHEMA.values() for f in fields
                           if f.type == schema.TEXT and not f.refers and "language" not in f.name} | {"note"})


def _csv_to_doc(row: dict[str, str]) -> dict[str, Any]:
    kind = row.get("kind", "")
    doc: dict[str, Any] = {"kind": kind, "id": row.get("id", "")}
    for f in schema.SCHEMA.get(kind, ()):  # each field from its column, as the table says
        cell = row.get(f.column)
        if not cell:
            continue
        doc[f.name] = [item.strip() for item in cell.split(";") if item.strip()] if f.type == schema.LIST else cell
    if row.get("history"):
        try:
            doc["history"] = orjson.loads(row["history"])
        except orjson.JSONDecodeError:
            doc["__error__"] = "history: not valid JSON"
        else:
            try:
                twice = duplicate_keys(row["history"].encode("utf-8"))
            except UncheckableJSON as exc:
                twice, doc["__error__"] = [], f"history: {exc}"
            if twice:
                doc["__error__"] = f"history: key {twice[0]} appears more than once"
    doc["__note__"] = row.get("note", "")
    doc["__evidence__"] = row.get("evidence", "").split()
    doc["__known_on__"] = row.get("known_on", "")
    return doc


def _decode_rows(path: Path, rows: list[tuple[str, Any]], existing: Existing, by: str = "",
                 tick: Tick | None = None) -> ImportBatch:
    records: list[Record] = []
    problems: list[str] = []
    fresh_ids: set[str] = set()
    given: dict[str, set[str]] = {}
    taken: set[str] = {doc["id"] for _, doc in rows if isinstance(doc, dict) and isinstance(doc.get("id"), str)}
    for done, (where, doc) in enumerate(rows, start=1):
        if tick is not None and done % EVERY == 0:
            tick(done, len(rows))
        label = f"{path} {where}"
        if not isinstance(doc, dict):
            problems.append(f"{label}: must be an object")
            continue
        doc = dict(doc)
        if "__error__" in doc:
            problems.append(f"{label}: {doc['__error__']}")
            continue
        note, evidence = doc.pop("__note__", ""), doc.pop("__evidence__", [])
        known_on_text = doc.pop("__known_on__", "")
        if doc.get("id") and not isinstance(doc["id"], str):
            problems.append(f"{label}: id {doc['id']!r} must be text")
            continue
        if doc.get("id") and has_control(doc["id"]):  # ids are typed back: no invisible characters
            problems.append(f"{label}: id {doc['id']!r} holds control characters")
            continue
        if doc.get("id"):
            label = f"{label} ({doc['id']})"
        elif doc.get("kind") in ("article", "event", "prediction"):
            doc["id"] = new_id(doc["kind"], str(doc.get("claim") or doc.get("title") or ""), taken)
            taken.add(doc["id"])
            fresh_ids.add(doc["id"])
        if doc.get("hedge") is not None and not isinstance(doc["hedge"], str):
            problems.append(f"{label}.hedge: must be text")
            continue
        stated = {k for k, v in doc.items() if v not in (None, "", [])} - {"id", "kind"}
        if "hedge" in stated and lookup(doc["hedge"]) is not None:
            stated.add("probability")  # read from the hedge
        stored = existing(doc["id"]) if doc.get("id") else None
        if stored is not None and stored.get("kind") == doc.get("kind"):
            # A row for an existing record need only state what changes.
            for name, value in stored.items():
                if name not in stated and name != "history":
                    doc[name] = value
        try:
            _fill_defaults(doc)
            # Cells already in the stored form (what export writes) skip the careful parser.
            record = decode_stored_form(doc) or decode_record(doc, label, parse_date=parse_date)
            if evidence:
                check_urls(evidence)
            known_on = parse_date(known_on_text) if known_on_text else None
        except RecordError as exc:
            problems.extend(exc.problems)
            continue
        except (FieldError, ValueError) as exc:
            problems.append(f"{label}: {exc}")
            continue
        if isinstance(record, Prediction):
            try:
                _ensure_status_history(record, note, evidence, known_on, by)
            except FieldError as exc:
                problems.append(f"{label}: {exc}")
                continue
        given[record.id] = stated
        records.append(record)
    if problems:
        raise ImportFileError(problems, path)
    return ImportBatch(records, fresh_ids, given)


def _fill_defaults(doc: dict[str, Any]) -> None:
    """A prediction's probability comes from its hedge when not given, and a missing
    resolve-by becomes a stated default horizon."""
    kind = doc.get("kind")
    if kind != "prediction":
        return
    if doc.get("probability") in (None, "") and not doc.get("hedge"):
        raise FieldError("probability", "give a probability or a hedge phrase (as `tracker add` needs)")
    if doc.get("probability") not in (None, "") or doc.get("hedge"):
        try:
            doc["probability"] = resolve_probability(doc.get("probability"), doc.get("hedge", ""))
        except ValueError:
            if doc.get("probability") in (None, ""):
                doc.pop("probability", None)  # an unknown hedge with no probability: stated, not read
            else:
                raise
    if not doc.get("resolve_by") and doc.get("made_on"):
        doc["resolve_by"] = parse_date(str(doc["made_on"])).plus_years(1).iso()
        if not doc.get("horizon_note"):
            doc["horizon_note"] = DEFAULT_HORIZON_NOTE


def _ensure_status_history(record: Prediction, note: str, evidence: list[str],
                           known_on: PDate | None = None, by: str = "") -> None:
    """A resolved record arriving without history gets the entry that says it was resolved,
    made and checked as `tracker mark` makes it (known_on neither future nor before made_on)."""
    if record.status is Status.PENDING or record.last_status_entry() is not None:
        return
    arrived = replace(record, status=Status.PENDING)
    default = "" if record.status is Status.VOID else "imported"  # a void says why, as `mark` needs
    record.history.append(status_entry(arrived, record.status, note=note or default,
                                       evidence=evidence, known_on=known_on, by=by))
