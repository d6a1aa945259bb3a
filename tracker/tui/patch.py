"""After a write, the timeline's rows are patched rather than rebuilt: the changed records' rows
are replaced (or moved to their new dates), and the counts adjusted, in a few milliseconds at 100k.

Plain Python, like :mod:`tracker.tui.rows`: it runs in a worker and is tested without a screen.
"""

from __future__ import annotations

import datetime as _dt
from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass

from tracker.domain.dates import PDate
from tracker.domain.model import Database, Prediction, Record
from tracker.domain.query import KIND_ORDER, Counts, status_counts
from tracker.tui.rows import (
    Context, Row, View, build_made_rows, build_rows, context_for, order, row_for, shows_for, today_row, visible_rows,
)


def _key(row: Row) -> tuple[int, str]:
    return row.key


@dataclass
class Change:
    """What a reload changed, found by identity: a write keeps every record it did not touch
    as the same object, so one mark is one changed record, not 100k to rebuild."""

    before: list[Record]   # the old versions of changed and removed records
    after: list[Record]    # the new versions of changed and added records


def _table_change(old: dict, new: dict, before: list, after: list) -> None:
    for record_id, record in new.items():
        previous = old.get(record_id)
        if previous is not record:
            after.append(record)
            if previous is not None:
                before.append(previous)
    if len(old) + len(after) - len(before) != len(new):  # some ids are gone
        before += [old[i] for i in old.keys() - new.keys()]


def change_between(old: Database, new: Database, limit: int = 2000) -> Change | None:
    """The records that differ between two reads, or None when the rows should be rebuilt
    (an article changed, which changes titles, or more than ``limit`` records changed)."""
    if old.articles is not new.articles and old.articles != new.articles:
        return None
    change = Change([], [])
    for name in ("events", "predictions"):
        _table_change(getattr(old, name), getattr(new, name), change.before, change.after)
        if len(change.after) + len(change.before) > limit:
            return None
    return change


def patch_rows(rows: list[Row], change: Change, context: Context) -> tuple[list[Row], list[Row]]:
    """A copy of ``rows`` (sorted) with the rows of the changed records replaced or moved,
    and the new rows."""
    out = list(rows)
    for record in change.before:
        _remove(out, row_for(record, context).key)
    fresh = [row_for(record, context) for record in change.after]
    for row in fresh:
        insort(out, row, key=_key)
    return out, fresh


def patch_visible(shown: list[Row], change: Change, fresh: list[Row], view: View, db: Database,
                  today: _dt.date) -> list[Row]:
    """The shown rows after a change, without filtering every row again (not for a view with
    made-on rows: those are filtered again)."""
    shows = shows_for(view, db, today)
    marker = today_row(today)
    out = list(shown)
    _remove(out, marker.key)
    for record in change.before:
        _remove(out, (order(_date(record), KIND_ORDER[record.kind]), record.id))
    for row in fresh:
        if shows(row):
            insort(out, row, key=_key)
    if out:
        out.insert(bisect_left(out, marker.key, key=_key), marker)
    return out


def _date(record: Record) -> PDate:
    return record.resolve_by if isinstance(record, Prediction) else record.date


def _remove(rows: list[Row], key: tuple[int, str]) -> None:
    index = bisect_left(rows, key, key=_key)
    if index < len(rows) and rows[index].key == key:
        del rows[index]


def patch_counts(counts: Counts, change: Change, today: _dt.date) -> Counts:
    """The status counts after a change, from the changed predictions alone."""
    gone = status_counts((r for r in change.before if isinstance(r, Prediction)), today)
    new = status_counts((r for r in change.after if isinstance(r, Prediction)), today)
    return Counts(*(c - g + n for c, g, n in zip(_fields(counts), _fields(gone), _fields(new))))


def _fields(counts: Counts) -> tuple[int, ...]:
    return (counts.pending, counts.confirmed, counts.refuted, counts.overdue, counts.void)




def rows_after_read(old: Database | None, database: Database, all_rows: list[Row], context: Context | None,
                    counts: Counts, view: View, shown: list[Row] | None, today: _dt.date,
                    cancelled: Callable[[], bool]) -> tuple[list[Row], Context, Counts, list[Row] | None]:
    """The timeline's rows for a freshly read ``database``: all rows, their context, the counts
    and the rows of ``view`` (None if cancelled). After this app's own write (``old`` is the
    database before it) only the changed records' rows are replaced; otherwise all are built.
    ``shown``: the rows of ``view`` shown now, patched rather than filtered again when given."""
    change = change_between(old, database) if old is not None and context is not None else None
    rows = None
    if change is not None:
        all_rows, fresh = patch_rows(all_rows, change, context)
        counts = patch_counts(counts, change, today)
        if shown is not None and not view.show_made:
            rows = patch_visible(shown, change, fresh, view, database, today)
    else:
        all_rows = build_rows(database, today)
        context = all_rows[0].context if all_rows else context_for(database, today)
        counts = status_counts(database.predictions.values(), today)
    if rows is None:
        made = build_made_rows(all_rows) if view.show_made else None
        rows = visible_rows(all_rows, view, database, today, cancelled, made)
    return all_rows, context, counts, rows
