"""What a timeline row shows, worked out when it is painted: its record is decoded then (from the
shelf it is kept on, :mod:`tracker.store.shelf`), its cells formatted and kept for the next few
thousand rows. Plain Python, no Textual import, like :mod:`tracker.tui.rows`."""

from __future__ import annotations

import datetime as _dt
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from tracker.domain.model import Database, Prediction, Record
from tracker.domain.render import probability_text, status_text
from tracker.store.layout import StoreError
from tracker.tui.bounds import one_line
from tracker.tui.rows import CELLS_KEPT, Cells, Row, record_id, row_date, row_key, table_kind

@dataclass(frozen=True, slots=True)
class Context:
    """What a row's text depends on besides its record: the date statuses are judged at,
    and the article titles shown in the article column."""

    today: _dt.date
    titles: dict[str, str]


def context_for(db: Database, today: _dt.date) -> Context:
    """The context of rows built from ``db`` (articles are decoded for their titles; a file
    whose articles cannot be read gives none, and the read that checks every record says why)."""
    try:
        titles = {a.id: a.title for a in db.articles.values()}
    except StoreError:
        titles = {}
    return Context(today, titles)


def cells_of(record: Record | None, kind: str, context: Context | None) -> Cells:
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


class RowCells:
    """What each row shows, worked out the first time it is painted (its record decoded then)
    and kept for the next few thousand rows: building 100k rows formats none of them."""

    def __init__(self, db: Database, context: Context) -> None:
        self.db = db
        self.context = context
        self._kept: dict[tuple[str, str], Cells] = {}
        self._lock = threading.Lock()

    def __call__(self, row: Row) -> Cells:
        kind = row[2]
        if kind == "today":
            return "today", "", "", f"── today, {row_date(row).human()} ──", ""
        key = (kind, row[1])  # an event and a prediction may share an id
        cells = self._kept.get(key)
        if cells is None:
            cells = cells_of(*self._record(row), self.context)
            with self._lock:
                if len(self._kept) >= CELLS_KEPT:
                    self._kept.clear()
                self._kept[key] = cells
        return cells

    def record(self, row: Row) -> Record | None:
        """The row's record, decoded (None for the today line, or a record gone from the file)."""
        rid = record_id(row)
        return None if rid is None else self.db.table(table_kind(row)).get(rid)

    def _record(self, row: Row) -> tuple[Record | None, str]:
        try:
            return self.record(row), row[2]
        except StoreError:  # shown as such; the read that checks every record says what is wrong
            return None, "void"


class RowView:
    """One row as the screen reads it: its record, its date and what it shows."""

    __slots__ = ("row", "_cells")

    def __init__(self, row: Row, cells: RowCells | None) -> None:
        self.row = row
        self._cells = cells

    def _shown(self) -> Cells:
        return self._cells(self.row) if self._cells is not None else (self.row[2], "", "", "", "")

    key = property(lambda self: row_key(self.row))
    kind = property(lambda self: self.row[2])
    date = property(lambda self: row_date(self.row))
    record_id = property(lambda self: record_id(self.row))
    style = property(lambda self: self._shown()[0])
    status = property(lambda self: self._shown()[1])
    probability = property(lambda self: self._shown()[2])
    text = property(lambda self: self._shown()[3])
    article = property(lambda self: self._shown()[4])

    @property
    def record(self) -> Record | None:
        return self._cells.record(self.row) if self._cells is not None else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RowView) and other.row == self.row

    __hash__ = None  # type: ignore[assignment]


class Rows(Sequence[RowView]):
    """The rows a timeline shows, as views (made when looked at: the list holds plain tuples)."""

    def __init__(self, rows: Sequence[Row], cells: RowCells | None) -> None:
        self.raw = rows
        self.cells = cells

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [RowView(row, self.cells) for row in self.raw[index]]
        return RowView(self.raw[index], self.cells)

    def __len__(self) -> int:
        return len(self.raw)

    def __iter__(self) -> Iterator[RowView]:
        cells = self.cells
        return (RowView(row, cells) for row in self.raw)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rows):
            return other.raw == self.raw
        return isinstance(other, list) and list(self) == other

    __hash__ = None  # type: ignore[assignment]
