"""Settling a dispute: a reader chooses the value of a field two readers set differently."""

from __future__ import annotations

import datetime as _dt
from dataclasses import replace
from typing import Any

from tracker.domain.errors import ActionError
from tracker.actions.records import _get, _put, _refuse_problems, refuse_empty_forecaster
from tracker.domain.encoding import encode_value
from tracker.domain.dates import PDate
from tracker.domain.disputes import open_disputes
from tracker.domain.fields import FieldError, parse_field
from tracker.domain.model import HistoryEntry, Prediction, Record, Status, utc_now
from tracker.store.store import Store
from tracker.actions.who import current_user


def settle(store: Store, record_id: str, field: str, value: Any, *, note: str = "",
           today: _dt.date | None = None) -> tuple[Record, list[HistoryEntry]]:
    """Set a disputed field to ``value`` and close its dispute; returns the record and the new entries.

    The value may be either side's or a third one. A status is set with a status entry
    (its note, evidence and known-on date taken from the side that judged so), so the
    history still says when and why; any other field with an edit entry. Then a
    ``settle`` entry records who decided.
    """
    by = current_user(store.path.parent)  # asked before taking the lock: it may start git
    field = field.strip().replace("-", "_")
    with store.transaction() as session:
        record = _get(session, record_id)
        disputed = open_disputes(record)
        if field not in disputed:
            open_fields = ", ".join(sorted(disputed)) or "none"
            raise ActionError(f"{record_id} has no open dispute on {field!r} (disputed: {open_fields})")
        refuse_empty_forecaster({field: value})  # as edit and accept refuse it
        typed = parse_field(field, value)
        at = utc_now()
        entries: list[HistoryEntry] = []
        changes: dict[str, Any] = {}
        if field == "status" and isinstance(record, Prediction):
            if typed is not record.status:
                entries.append(_status_entry(record, typed, note, at, by, today or _dt.date.today()))
                changes["status"] = typed
        elif getattr(record, field) != typed:
            entries.append(HistoryEntry(at=at, action="edit", field=field, old=encode_value(getattr(record, field)),
                                        new=encode_value(typed), note=note, by=by))
            changes[field] = typed
        entries.append(HistoryEntry(at=at, action="settle", field=field, new=encode_value(typed),
                                    note=note.strip(), by=by))
        updated = replace(record, **changes, history=[*record.history, *entries])
        _refuse_problems(updated, session, changes)
        _put(session, updated)
    return updated, entries


def _status_entry(record: Prediction, status: Status, note: str, at: str, by: str,
                  today: _dt.date) -> HistoryEntry:
    """The status change that settles a judgement, carrying the chosen side's reasons."""
    side = next((e for e in reversed(record.history) if e.action == "status" and e.to_status == status.value),
                None)
    reason = note.strip() or (side.note if side else "")
    if status is Status.VOID and not reason:
        raise FieldError("note", "settling as void needs a note saying why it can never be judged fairly")
    known = None
    if status.closed:
        known = side.known_on if side and side.known_on else PDate.from_date(today)
    return HistoryEntry(at=at, action="status", from_status=record.status.value, to_status=status.value,
                        note=f"settled: {reason}" if reason else "settled",
                        evidence=list(side.evidence) if side else [], known_on=known, by=by)
