"""The timeline's rows, built from the database without any Textual import.

Building and filtering rows is plain Python so it can run in a worker thread
and be tested without a screen. A row holds its record and its sort key; the
text it shows (status, probability, claim, article) is worked out the first time
the row is painted, so building 100k rows does not format 100k lines nobody sees.
"""

from __future__ import annotations

import datetime as _dt
import heapq
import operator
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from tracker.domain.dates import PDate
from tracker.domain.model import Database, Prediction, Record
from tracker.domain.query import KIND_ORDER, Filter, normalise_query, primary_text, search_text
from tracker.domain.render import probability_text, status_text
from tracker.tui.bounds import one_line

STATUS_FILTERS = ("all", "pending", "overdue", "confirmed", "refuted", "void")
# What a row can look like: each is a component class of the timeline (timeline--overdue …).
STYLES = ("pending", "confirmed", "refuted", "void", "overdue", "event", "today", "made")
TODAY_PRECISION = 3  # after the dates (year 0, month 1, day 2) that start today
CHECK_EVERY = 2048  # rows filtered between two looks at whether the worker was cancelled


@dataclass(frozen=True, slots=True)
class Context:
    """What a row's text depends on besides its record: the date statuses are judged at,
    and the article titles shown in the article column."""

    today: _dt.date
    titles: dict[str, str]


def order(date: PDate | None, kind_order: int, precision: int | None = None, deadline: bool = False) -> int:
    """One integer that sorts rows as (date, coarser date first, kind) would: sorting small
    ints is several times quicker than sorting tuples, and holds the GIL that much less.

    A ``deadline`` (a prediction's resolve-by) sorts by when its period ends, as `tracker list`
    does: ``2027`` comes after ``June 2027``, and on the same last day a finer date first."""
    # The library's keys (tracker.domain.query.timeline_key uses the same two): precision 0-2.
    ordinal, prec = (date.end_sort_key() if deadline else date.sort_key()) if date is not None else (0, 0)
    return ((ordinal * 4 + (prec if precision is None else precision)) * 4) + kind_order + 1


@dataclass(slots=True)
class Row:
    """One line of the timeline. ``record`` is None for the today marker."""

    key: tuple[int, str]   # (order(...), id): the timeline's order
    date: PDate | None
    kind: str              # article, event, prediction, made (a prediction at its made-on date), today
    record: Record | None
    context: Context | None = None
    cells: tuple[str, str, str, str, str] | None = None  # style, status, probability, text, article
    haystack: str | None = None   # everything search looks in (computed on the first search)
    primary: str | None = None    # the record's own words: claim or title, and quote

    @property
    def record_id(self) -> str | None:
        return self.record.id if self.record is not None else None

    def _cells(self) -> tuple[str, str, str, str, str]:
        if self.cells is None:
            self.cells = _cells(self.record, self.kind, self.context)
        return self.cells

    @property
    def style(self) -> str:
        """Component-class suffix: pending, confirmed, refuted, void, overdue, event, today, made."""
        return self._cells()[0]

    @property
    def status(self) -> str:
        return self._cells()[1]

    @property
    def probability(self) -> str:
        return self._cells()[2]

    @property
    def text(self) -> str:
        """One line, control characters shown, cut (a row is one line)."""
        return self._cells()[3]

    @property
    def article(self) -> str:
        return self._cells()[4]


def _cells(record: Record | None, kind: str, context: Context | None) -> tuple[str, str, str, str, str]:
    titles = context.titles if context is not None else {}
    if isinstance(record, Prediction):
        status = status_text(record, context.today) if context is not None else ""
        style = "overdue" if status in ("! overdue", "? disputed") else record.status.value
        text = one_line(f"if… {record.claim}" if record.condition else record.claim)  # conditional: see details
        article = one_line(titles.get(record.article, record.article))
        return ("made" if kind == "made" else style), status, probability_text(record.probability), text, article
    if record is not None:  # an event
        first = record.articles[0] if record.articles else ""
        return "event", "", "", one_line(record.title), one_line(titles.get(first, first))
    return kind, "", "", "", ""


def row_for(record: Record, context: Context) -> Row:
    """The timeline row of an event or prediction (a prediction sits at its resolve-by date)."""
    if isinstance(record, Prediction):
        date, key = record.resolve_by, order(record.resolve_by, KIND_ORDER["prediction"], deadline=True)
    else:
        date, key = record.date, order(record.date, KIND_ORDER[record.kind])
    return Row((key, record.id), date, record.kind, record, context)


def context_for(db: Database, today: _dt.date) -> Context:
    return Context(today, {a.id: a.title for a in db.articles.values()})


def _in_id_order(table: dict) -> bool:
    ids = list(table)
    return all(map(operator.lt, ids, ids[1:]))


def _sort(rows: list[Row], in_id_order: bool) -> list[Row]:
    # The file keeps each table sorted by id, so rows built in table order only need a stable
    # sort on the integer part of their keys; otherwise (a file written by hand) the whole key.
    return sort_rows(rows, _order_only if in_id_order else _key)


def _order_only(row: Row) -> int:
    return row.key[0]


def sort_rows(rows: list[Row], key: Callable[[Row], Any]) -> list[Row]:
    """``rows`` sorted (stably) by ``key``, in place."""
    rows.sort(key=key)
    return rows


def build_rows(db: Database, today: _dt.date) -> list[Row]:
    """Every event and prediction, in date order (a prediction at its resolve-by date)."""
    context = context_for(db, today)
    rows = [row_for(r, context) for table in (db.events, db.predictions) for r in table.values()]
    return _sort(rows, _in_id_order(db.events) and _in_id_order(db.predictions))


def updated_rows(rows: list[Row], records: Iterable[Record]) -> list[Row]:
    """``rows`` (from :func:`build_rows`) with the rows of ``records`` (events and predictions,
    changed or new) put in their places, in date order: what a write changed, without building
    the other rows again. The records' articles must be those the rows were built with."""
    changed = {r.id: r for r in records if r.kind in ("event", "prediction")}
    if not changed or not rows:
        return rows
    context = rows[0].context
    kept = [row for row in rows if row.key[1] not in changed]
    return sort_rows(kept + [row_for(r, context) for r in changed.values()], _key)


def build_made_rows(rows: list[Row]) -> list[Row]:
    """Each prediction again at its made-on date, in date order (built only when asked for)."""
    kind = KIND_ORDER["prediction"]
    made = [Row((order(r.record.made_on, kind), r.record.id + "\0made"), r.record.made_on, "made", r.record,
                r.context) for r in rows if r.kind == "prediction"]
    return sort_rows(made, _key)


def haystack(row: Row, db: Database) -> str:
    """What search looks in for this row, worked out on the first search and kept."""
    if row.haystack is None:
        row.haystack = search_text(row.record, db) if row.record is not None else ""
        row.primary = primary_text(row.record) if row.record is not None else ""
    return row.haystack


def today_row(today: _dt.date) -> Row:
    date = PDate.from_date(today)
    return Row((order(date, -1, TODAY_PRECISION), ""), date, "today", None,
               cells=("today", "", "", f"── today, {date.human()} ──", ""))


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
        """Everything shown: the view a first-screen preview is kept for."""
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


def shows_for(view: View, db: Database, today: _dt.date) -> Callable[[Row], bool]:
    """Whether the view shows a row (the today marker aside)."""
    flt = Filter(status="" if view.status == "all" else view.status, article=view.article,
                 author=view.author, tag=view.tag)
    filtering = bool(flt.status or flt.article or flt.author or flt.tag)
    needle = normalise_query(view.search)

    def shows(row: Row) -> bool:
        if row.kind == "event" and (not view.show_events or flt.status):
            return False
        if needle and needle not in haystack(row, db):
            return False
        return not filtering or flt.accepts(row.record, today, db)

    return shows


def visible_rows(rows: list[Row], view: View, db: Database, today: _dt.date,
                 cancelled: Callable[[], bool] = lambda: False,
                 made_rows: list[Row] | None = None) -> list[Row] | None:
    """The rows the view shows, with the today marker in place; None if cancelled midway."""
    if view.show_made and made_rows:
        rows = list(heapq.merge(rows, made_rows, key=lambda r: r.key))
    shows = shows_for(view, db, today)
    marker = today_row(today)
    if view.is_default():
        out = list(rows)  # nothing to leave out
    else:
        out = []
        for i, row in enumerate(rows):
            if i % CHECK_EVERY == 0 and cancelled():
                return None
            if shows(row):
                out.append(row)
    if not out:
        return []  # nothing but the today marker: let the timeline say that nothing matches
    out.insert(bisect_left(out, marker.key, key=_key), marker)
    return out


def _key(row: Row) -> tuple[int, str]:
    return row.key


# ---- where the cursor goes ------------------------------------------------------
def index_of(rows: Iterable[Row], record_id: str | None) -> int | None:
    """The row of a record (its own row before its made-on row), or None."""
    made = None
    for i, row in enumerate(rows):
        if row.record_id == record_id and record_id is not None:
            if row.kind != "made":
                return i
            made = i if made is None else made
    return made


def today_index(rows: list[Row]) -> int:
    """The first record after the today line (what is due next), else the last one before it
    (a filter that kept only past records), else the line itself: the cursor is on a record
    whenever there is one, so the details pane shows it rather than the today line."""
    for i, row in enumerate(rows):
        if row.kind == "today":
            return i + 1 if i + 1 < len(rows) else max(i - 1, 0)
    return 0


def cursor_for(rows: list[Row], record_id: str | None) -> int:
    """Where the cursor goes in a new list: on the record it was on, else after the today line."""
    index = index_of(rows, record_id) if record_id else None
    return today_index(rows) if index is None else index


def best_match(rows: list[Row], search: str) -> int | None:
    """Where Enter in the search box goes: the first row whose own words contain the
    search, else the first record row."""
    needle = normalise_query(search)
    first = None
    for i, row in enumerate(rows):
        if row.record is None:
            continue
        if needle and row.primary is not None and needle in row.primary:
            return i
        first = i if first is None else first
    return first
