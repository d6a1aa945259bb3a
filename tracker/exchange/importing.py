"""Import: add new records and update existing ones from a file's rows, all or nothing.

Built on the same checks and status path as :mod:`tracker.actions.records` (one transaction:
locked, re-read, written once, atomically, or not at all).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from tracker.actions.records import _all_ids, _put_many
from tracker.domain.encoding import FIELDS, encode_value
from tracker.domain.errors import ActionError
from tracker.domain.fields import FieldError
from tracker.domain.ids import new_id
from tracker.domain.model import SCORED_FIELDS, HistoryEntry, Prediction, Record, utc_now
from tracker.domain.status import status_entry
from tracker.store.store import Store
from tracker.domain.validate import record_problems
from tracker.actions.who import current_user


@dataclass
class ImportResult:
    added: list[str]
    updated: list[str]
    unchanged: list[str]


def import_records(store: Store, records: list[Record], *, note: str = "imported",
                   fresh_ids: Iterable[str] = (), given: Mapping[str, set[str]] | None = None,
                   force: bool = False, as_read: Iterable[Record] = ()) -> ImportResult:
    """Add new records and update existing ones (their history kept, changes appended).

    ``fresh_ids`` were generated for rows without an id: such a record is always added,
    under another id if the database already uses that one. ``given`` names, per id, the
    fields the file states (None: all): an existing record keeps the fields a row leaves
    out, its status included. Changing the claim, probability, resolve-by or status of a
    resolved prediction needs ``force``, as `edit` does. All or nothing: every problem is
    reported and nothing is written. ``as_read``: records the codec has just decoded from the
    file (what :func:`tracker.exchange.tabular.read_import_file` gives), stored without a second decoding.
    """
    result = ImportResult([], [], [])
    problems: list[str] = []
    fresh = set(fresh_ids)
    read = {id(record) for record in as_read}  # identity: a record replaced below is checked again
    by = current_user(store.path.parent)
    with store.transaction() as session:
        existing_ids = _all_ids(session)
        taken = existing_ids | {r.id for r in records}
        for i, record in enumerate(records):
            if record.id in fresh and record.id in existing_ids:
                records[i] = replace(record, id=new_id(record.kind, record.label, taken))
                taken.add(records[i].id)
        incoming = {r.id for r in records}
        arriving = {(r.kind, r.id) for r in records}

        def exists(kind: str, record_id: str) -> bool:
            return (kind, record_id) in arriving or session.exists(kind, record_id)

        staged: list[Record] = []
        for record in records:
            current = session.find(record.id) if record.id in existing_ids else None
            if current is not None and current.kind != record.kind:
                problems.append(f"{record.id}: exists as {current.kind}, cannot import it as {record.kind}")
                continue
            fields = None if given is None else given.get(record.id, set())
            try:
                merged = record if current is None else _merge(current, record, note, fields, by)
            except FieldError as exc:
                problems.append(f"{record.id}: {exc}")
                continue
            if merged == current:
                result.unchanged.append(record.id)
                continue
            if isinstance(current, Prediction) and current.status.closed and not force:
                scored = [n for n in (*SCORED_FIELDS, "status") if getattr(current, n) != getattr(merged, n)]
                if scored:
                    problems.append(f"{record.id}: is {current.status.value}; importing would change "
                                    f"{', '.join(scored)} (use --force to do it anyway)")
            problems += record_problems(merged, exists)
            staged.append(merged)
            (result.updated if current is not None else result.added).append(record.id)
        if len(incoming) != len(records):
            seen: set[str] = set()
            twice = sorted({r.id for r in records if r.id in seen or seen.add(r.id)})
            problems += [f"{record_id}: this id appears more than once in the file" for record_id in twice]
        if problems:
            raise ImportRefused(problems)
        _put_many(session, staged, read)
    return result


class ImportRefused(ActionError):
    """An import refused, listing every problem."""

    def __init__(self, problems: list[str]):
        super().__init__(f"import refused, nothing written ({len(problems)} problem"
                         f"{'s' if len(problems) != 1 else ''})")
        self.problems = problems


def _merge(current: Record, incoming: Record, note: str, fields: set[str] | None = None,
           by: str = "") -> Record:
    """The incoming record's fields (those in ``fields``, or all) on the current record,
    each change appended to its history."""
    at = utc_now()
    history = list(current.history)
    changes: dict[str, Any] = {}
    for name in FIELDS[current.kind]:
        if name == "status" or (fields is not None and name not in fields):
            continue
        old, new = getattr(current, name), getattr(incoming, name)
        if old != new:
            changes[name] = new
            history.append(HistoryEntry(at=at, action="edit", field=name, old=encode_value(old),
                                        new=encode_value(new), note=note, by=by))
    if isinstance(current, Prediction) and isinstance(incoming, Prediction) \
            and incoming.status is not current.status and (fields is None or "status" in fields):
        last = incoming.last_status_entry()
        # The same entry, with the same checks, as `tracker mark` would write.
        history.append(status_entry(
            replace(current, **changes), incoming.status, note=(last.note if last else "") or note,
            evidence=list(last.evidence) if last else [], known_on=last.known_on if last else None,
            by=by, at=at))
        changes["status"] = incoming.status
    return replace(current, **changes, history=history)
