"""The timeline's rows, built from the database without any Textual import.

Building and filtering rows is plain Python so it can run in a worker thread and be tested
without a screen. A row is a plain tuple of text and numbers: ``(order, key, kind, date)``,
where ``order`` sorts it, ``key`` is its record's id (``id + "\\0made"`` for a prediction shown
at its made-on date), ``kind`` is event, prediction, made or today, and ``date`` the stored text
of the date it sits at. A tuple of text and numbers is left alone by CPython's cyclic collector
once it has seen it: 100,000 rows cost a full collection nothing, where 100,000 row objects (each
holding its record) made every full pass 0.3-0.5 s, a freeze of the screen.

What a row shows (status, probability, claim, article) is worked out when it is painted, from
its record decoded then (:mod:`tracker.tui.cells`); what filters and search read of every record
is its entry in the digest (:mod:`tracker.tui.digest`), made once per read of the file.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import operator
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from tracker.domain.dates import DateError, PDate, parse_stored_text
from tracker.domain.model import Database, Record
from tracker.domain.query import KIND_ORDER, Filter, normalise_query
from tracker.tui.digest import HAYSTACK, MADE_ON, PRIMARY, Digest, accepts

STATUS_FILTERS = ("all", "pending", "overdue", "confirmed", "refuted", "void")
# What a row can look like: each is a component class of the timeline (timeline--overdue …).
STYLES = ("pending", "confirmed", "refuted", "void", "overdue", "event", "today", "made")
TODAY_PRECISION = 3  # after the dates (year 0, month 1, day 2) that start today
CHECK_EVERY = 2048  # rows filtered between two looks at whether the worker was cancelled
MADE = "\0made"  # a made-on row's key: its prediction's id and this
CELLS_KEPT = 4096  # rows whose cells are kept worked out (a few screens of scrolling)

Row = tuple  # (order, key, kind, date): see the module's docstring
# A list of rows is a tuple too: a tuple of tuples of text and numbers is left alone by the
# collector once it has seen it, where a list of 100,000 rows is walked on every full pass.
RowList = tuple
Cells = tuple  # (style, status, probability, text, article)


def order(date: PDate | None, kind_order: int, precision: int | None = None, deadline: bool = False) -> int:
    """One integer that sorts rows as (date, coarser date first, kind) would: sorting small
    ints is several times quicker than sorting tuples, and holds the GIL that much less.

    A ``deadline`` (a prediction's resolve-by) sorts by when its period ends, as `tracker list`
    does: ``2027`` comes after ``June 2027``, and on the same last day a finer date first."""
    # The library's keys (tracker.domain.query.timeline_key uses the same two): precision 0-2.
    ordinal, prec = (date.end_sort_key() if deadline else date.sort_key()) if date is not None else (0, 0)
    return ((ordinal * 4 + (prec if precision is None else precision)) * 4) + kind_order + 1


def _date(text: str) -> PDate | None:
    """The date a row's stored text names; None for none (or for one the file's check refuses)."""
    if not text:
        return None
    try:
        return parse_stored_text(text)
    except (DateError, TypeError):
        return None


def row_of(kind: str, record_id: str, date_text: str) -> Row:
    """The timeline row of an event or prediction (a prediction sits at its resolve-by date)."""
    date = _date(date_text)
    if kind == "prediction":
        return order(date, KIND_ORDER["prediction"], deadline=True), record_id, kind, date_text
    return order(date, KIND_ORDER[kind]), record_id, kind, date_text


def row_for(record: Record) -> Row:
    return row_of(record.kind, record.id, record.date.iso() if record.date is not None else "")


def row_key(row: Row) -> tuple[int, str]:
    return row[0], row[1]


def record_id(row: Row) -> str | None:
    """The id of the row's record; None for the today line."""
    kind = row[2]
    if kind == "today":
        return None
    return row[1][:-len(MADE)] if kind == "made" else row[1]


def row_date(row: Row) -> PDate | None:
    return _date(row[3])


def table_kind(row: Row) -> str:
    """The table the row's record is in."""
    return "prediction" if row[2] == "made" else row[2]


def _dates(table: Mapping[str, Record]) -> Iterable[tuple[str, str]]:
    """(id, stored date text) of each record: a shelf keeps them beside its records' bytes."""
    dates = getattr(table, "dates", None)
    if dates is not None:
        return dates.items()
    return ((rid, r.date.iso() if r.date is not None else "") for rid, r in table.items())


def _in_id_order(table: Mapping[str, Any]) -> bool:
    ids = list(table)
    return all(map(operator.lt, ids, ids[1:]))


def build_rows(db: Database) -> RowList:
    """Every event and prediction, in date order (a prediction at its resolve-by date). No
    record is decoded: a shelf's dates are enough."""
    rows = [row_of(kind, rid, text) for kind, table in (("event", db.events), ("prediction", db.predictions))
            for rid, text in _dates(table)]
    # The file keeps each table sorted by id, so rows built in table order only need a stable
    # sort on their order; otherwise (a file written by hand) on the whole key.
    if _in_id_order(db.events) and _in_id_order(db.predictions):
        rows.sort(key=operator.itemgetter(0))
    else:
        rows.sort(key=row_key)
    return tuple(rows)


def updated_rows(rows: RowList, records: Iterable[Record]) -> RowList:
    """``rows`` (from :func:`build_rows`) with the rows of ``records`` (events and predictions,
    changed or new) put in their places, in date order: what a write changed, without building
    the other rows again."""
    changed = {(r.kind, r.id): r for r in records if r.kind in ("event", "prediction")}
    if not changed:
        return rows
    kept = [row for row in rows if (row[2], row[1]) not in changed]  # an event and a prediction may share an id
    kept += [row_for(r) for r in changed.values()]
    kept.sort(key=row_key)
    return tuple(kept)


def build_made_rows(rows: RowList, digest: Digest) -> RowList:
    """Each prediction again at its made-on date, in date order (built only when asked for)."""
    kind, facts = KIND_ORDER["prediction"], digest.predictions
    made = []
    for row in rows:
        if row[2] == "prediction":
            text = facts[row[1]][MADE_ON] if row[1] in facts else ""
            made.append((order(_date(text), kind), row[1] + MADE, "made", text))
    made.sort(key=row_key)
    return tuple(made)


def today_row(today: _dt.date) -> Row:
    date = PDate.from_date(today)
    return order(date, -1, TODAY_PRECISION), "", "today", date.iso()


# ---- the view ---------------------------------------------------------------------
@dataclass
class View:
    """What the reader chose to see."""

    status: str = "all"        # one of STATUS_FILTERS
    show_events: bool = True
    show_made: bool = False
    search: str = ""
    article: str = ""
    author: str = ""
    tag: str = ""

    def is_default(self) -> bool:
        """Everything shown: the rows as built, nothing read of their records."""
        return self == View()

    def describe(self, titles: dict[str, str] | None = None) -> str:
        """The active filters, shortest first so a narrow header still shows them."""
        parts = [] if self.status == "all" else [self.status]
        if self.search:
            parts.append(f"/{self.search}")
        if self.tag:
            parts.append(f"tag {self.tag}")
        if self.author:
            parts.append(f"by {self.author}")
        if self.article:
            title = (titles or {}).get(self.article, self.article)
            parts.append(f"in “{title[:40]}{'…' if len(title) > 40 else ''}”")
        if not self.show_events:
            parts.append("no events")
        if self.show_made:
            parts.append("+made-on")
        return " · ".join(parts) or "all"


def narrows(old: View, new: View) -> bool:
    """Whether ``new`` shows a subset of what ``old`` shows: the same view with more typed into
    the search (what shows the new search also shows the old one). Made-on rows aside."""
    if old.show_made or not old.search or replace(new, search=old.search) != old:
        return False
    return normalise_query(old.search) in normalise_query(new.search)


def shows_for(view: View, digest: Digest, today: _dt.date) -> Callable[[Row], bool]:
    """Whether the view shows a row (the today marker aside)."""
    flt = Filter(status="" if view.status == "all" else view.status, article=view.article,
                 author=view.author, tag=view.tag)
    filtering = bool(flt.status or flt.article or flt.author or flt.tag)
    needle = normalise_query(view.search)
    today_n = today.toordinal()

    def shows(row: Row) -> bool:
        if row[2] == "event" and (not view.show_events or flt.status):
            return False
        found = digest.of(table_kind(row), record_id(row))
        if found is None:
            return not (needle or filtering)
        if needle and needle not in found[HAYSTACK]:
            return False
        return not filtering or accepts(flt, found, today_n)

    return shows


def visible_rows(rows: RowList, view: View, digest: Digest | None, today: _dt.date,
                 cancelled: Callable[[], bool] = lambda: False,
                 made_rows: RowList | None = None) -> RowList | None:
    """The rows the view shows, with the today marker in place; None if cancelled midway.
    A view other than the default needs the digest."""
    if view.show_made and made_rows:
        rows = list(heapq.merge(rows, made_rows, key=row_key))
    marker = today_row(today)
    if view.is_default() or digest is None:
        out = list(rows)  # nothing to leave out
    else:
        shows = shows_for(view, digest, today)
        out = []
        for i, row in enumerate(rows):
            if i % CHECK_EVERY == 0 and cancelled():
                return None
            if shows(row):
                out.append(row)
    if not out:
        return ()  # nothing but the today marker: let the timeline say that nothing matches
    out.insert(bisect_left(out, row_key(marker), key=row_key), marker)
    return tuple(out)


# ---- where the cursor goes ------------------------------------------------------
def index_of(rows: Iterable[Row], wanted: str | None) -> int | None:
    """The row of a record (its own row before its made-on row), or None."""
    if wanted is None:
        return None
    made = None
    for i, row in enumerate(rows):
        if row[1] == wanted:
            return i
        if made is None and row[2] == "made" and record_id(row) == wanted:
            made = i
    return made


def today_index(rows: RowList) -> int:
    """The first record after the today line (what is due next), else the last one before it
    (a filter that kept only past records), else the line itself: the cursor is on a record
    whenever there is one, so the details pane shows it rather than the today line."""
    for i, row in enumerate(rows):
        if row[2] == "today":
            return i + 1 if i + 1 < len(rows) else max(i - 1, 0)
    return 0


def cursor_for(rows: RowList, wanted: str | None) -> int:
    """Where the cursor goes in a new list: on the record it was on, else after the today line."""
    index = index_of(rows, wanted) if wanted else None
    return today_index(rows) if index is None else index


def best_match(rows: RowList, search: str, digest: Digest | None) -> int | None:
    """Where Enter in the search box goes: the first row whose own words contain the
    search, else the first record row."""
    needle = normalise_query(search)
    first = None
    for i, row in enumerate(rows):
        if row[2] == "today":
            continue
        found = digest.of(table_kind(row), record_id(row)) if digest is not None else None
        if needle and found is not None and needle in found[PRIMARY]:
            return i
        first = i if first is None else first
    return first
