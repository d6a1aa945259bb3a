"""The timeline's rows, built from the database without any Textual import.

Building and filtering rows is plain Python so it can run in a worker thread
and be tested without a screen.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass

from tracker.dates import PDate
from tracker.model import Database, Prediction, Record
from tracker.query import KIND_ORDER, Filter, normalise_query, primary_text, search_text
from tracker.render import probability_text

STATUS_FILTERS = ("all", "pending", "overdue", "confirmed", "refuted")


@dataclass(slots=True)
class Row:
    """One line of the timeline. ``record`` is None for the today marker."""

    key: tuple
    date: PDate | None
    kind: str            # article, event, prediction, made (a prediction at its made-on date), today
    style: str           # component-class suffix: pending, confirmed, refuted, overdue, event, today, made
    status: str
    probability: str
    text: str
    article: str
    record: Record | None
    haystack: str = ""   # everything search looks in
    primary: str = ""    # the record's own words: claim or title, and quote

    @property
    def record_id(self) -> str | None:
        return self.record.id if self.record is not None else None


def _prediction_cells(p: Prediction, today: _dt.date) -> tuple[str, str]:
    if p.is_overdue(today):
        return "overdue", f"! overdue"
    return p.status.value, f"{p.status.symbol} {p.status.value}"


def build_rows(db: Database, today: _dt.date) -> list[Row]:
    """Every event and prediction (and each prediction again at its made-on date), in date order."""
    titles = {a.id: a.title for a in db.articles.values()}
    rows: list[Row] = []
    for event in db.events.values():
        article = titles.get(event.articles[0], event.articles[0]) if event.articles else ""
        rows.append(Row((event.date.sort_key(), KIND_ORDER["event"], event.id), event.date, "event",
                        "event", "", "", event.title, article, event, search_text(event, db),
                        primary_text(event)))
    for p in db.predictions.values():
        style, status = _prediction_cells(p, today)
        prob = probability_text(p.probability)
        article = titles.get(p.article, p.article)
        haystack, primary = search_text(p, db), primary_text(p)
        rows.append(Row((p.resolve_by.sort_key(), KIND_ORDER["prediction"], p.id), p.resolve_by,
                        "prediction", style, status, prob, p.claim, article, p, haystack, primary))
        rows.append(Row((p.made_on.sort_key(), KIND_ORDER["prediction"], p.id + "\0made"), p.made_on,
                        "made", "made", "made", prob, p.claim, article, p, haystack, primary))
    rows.sort(key=lambda r: r.key)
    return rows


def today_row(today: _dt.date) -> Row:
    date = PDate.from_date(today)
    return Row(((today, 3), -1, ""), date, "today", "today", "", "",
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

    def describe(self) -> str:
        parts = [f"status: {self.status}"]
        if not self.show_events:
            parts.append("events hidden")
        if self.show_made:
            parts.append("made-on shown")
        for name in ("article", "author", "tag"):
            if getattr(self, name):
                parts.append(f"{name}: {getattr(self, name)}")
        if self.search:
            parts.append(f"search: {self.search}")
        return " · ".join(parts)


def visible_rows(rows: list[Row], view: View, db: Database, today: _dt.date,
                 cancelled: Callable[[], bool] = lambda: False) -> list[Row] | None:
    """The rows the view shows, with the today marker in place; None if cancelled midway."""
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
        if row.kind == "made" and not view.show_made:
            continue
        if needle and needle not in row.haystack:
            continue
        if (flt.status or flt.article or flt.author or flt.tag) and not flt.accepts(row.record, today, db):
            continue
        if not placed and row.key > marker.key:
            out.append(marker)
            placed = True
        out.append(row)
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
        if needle and needle in row.primary:
            return i
        first = i if first is None else first
    return first
