"""The timeline's rows, built from the database without any Textual import.

Building and filtering rows is plain Python so it can run in a worker thread
and be tested without a screen.
"""

from __future__ import annotations

import datetime as _dt
import heapq
from collections.abc import Callable
from dataclasses import dataclass

from tracker.dates import PDate
from tracker.model import Database, Prediction, Record
from tracker.query import KIND_ORDER, Filter, normalise_query, primary_text, search_text
from tracker.render import probability_text, status_text
from tracker.storage import paused_gc
from tracker.tui.bounds import one_line

STATUS_FILTERS = ("all", "pending", "overdue", "confirmed", "refuted", "void")


@dataclass(slots=True)
class Row:
    """One line of the timeline. ``record`` is None for the today marker."""

    key: tuple
    date: PDate | None
    kind: str            # article, event, prediction, made (a prediction at its made-on date), today
    style: str           # component-class suffix: pending, confirmed, refuted, void, overdue, event, today, made
    status: str
    probability: str
    text: str            # one line, control characters shown, cut (a row is one line)
    article: str
    record: Record | None
    haystack: str | None = None   # everything search looks in (computed on the first search)
    primary: str | None = None    # the record's own words: claim or title, and quote

    @property
    def record_id(self) -> str | None:
        return self.record.id if self.record is not None else None


def _prediction_cells(p: Prediction, today: _dt.date) -> tuple[str, str]:
    """(style, status text): the text is the CLI's, the style names its colour."""
    text = status_text(p, today)
    return ("overdue" if p.is_overdue(today) or text == "? disputed" else p.status.value), text


def build_rows(db: Database, today: _dt.date) -> list[Row]:
    """Every event and prediction, in date order (a prediction at its resolve-by date)."""
    with paused_gc():
        return _build_rows(db, today)


def build_made_rows(rows: list[Row]) -> list[Row]:
    """Each prediction again at its made-on date, in date order (built only when asked for)."""
    made = [Row((r.record.made_on.sort_key(), KIND_ORDER["prediction"], r.record.id + "\0made"),
                r.record.made_on, "made", "made", r.status, r.probability, r.text, r.article, r.record)
            for r in rows if r.kind == "prediction"]
    made.sort(key=lambda r: r.key)
    return made


def _build_rows(db: Database, today: _dt.date) -> list[Row]:
    titles = {a.id: a.title for a in db.articles.values()}
    rows: list[Row] = []
    for event in db.events.values():
        article = titles.get(event.articles[0], event.articles[0]) if event.articles else ""
        rows.append(Row((event.date.sort_key(), KIND_ORDER["event"], event.id), event.date, "event",
                        "event", "", "", one_line(event.title), one_line(article), event))
    for p in db.predictions.values():
        style, status = _prediction_cells(p, today)
        prob = probability_text(p.probability)
        article = one_line(titles.get(p.article, p.article))
        text = one_line(f"if… {p.claim}" if p.condition else p.claim)  # conditional: see the details
        rows.append(Row((p.resolve_by.sort_key(), KIND_ORDER["prediction"], p.id), p.resolve_by,
                        "prediction", style, status, prob, text, article, p))
    rows.sort(key=lambda r: r.key)
    return rows


def haystack(row: Row, db: Database) -> str:
    """What search looks in for this row, worked out on the first search and kept."""
    if row.haystack is None:
        row.haystack = search_text(row.record, db) if row.record is not None else ""
        row.primary = primary_text(row.record) if row.record is not None else ""
    return row.haystack


def today_row(today: _dt.date) -> Row:
    date = PDate.from_date(today)
    return Row(((today.toordinal(), 3), -1, ""), date, "today", "today", "", "",
               f"── today, {date.human()} ──", "", None)


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


def visible_rows(rows: list[Row], view: View, db: Database, today: _dt.date,
                 cancelled: Callable[[], bool] = lambda: False,
                 made_rows: list[Row] | None = None) -> list[Row] | None:
    """The rows the view shows, with the today marker in place; None if cancelled midway."""
    if view.show_made and made_rows:
        rows = list(heapq.merge(rows, made_rows, key=lambda r: r.key))
    flt = Filter(status="" if view.status == "all" else view.status, article=view.article,
                 author=view.author, tag=view.tag)
    needle = normalise_query(view.search)
    marker = today_row(today)
    out: list[Row] = []
    placed = False
    for i, row in enumerate(rows):
        if i % 2048 == 0 and cancelled():
            return None
        if row.kind == "event" and (not view.show_events or flt.status):
            continue
        if needle and needle not in haystack(row, db):
            continue
        if (flt.status or flt.article or flt.author or flt.tag) and not flt.accepts(row.record, today, db):
            continue
        if not placed and row.key > marker.key:
            out.append(marker)
            placed = True
        out.append(row)
    if len(out) == int(placed):
        return []  # nothing but the today marker: let the timeline say that nothing matches
    if not placed:
        out.append(marker)
    return out


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
