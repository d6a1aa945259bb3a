"""The timeline: a Line API widget that paints only the rows on screen.

A DataTable holding 100k rows is slow to build; this widget keeps a list of rows (plain
tuples, :mod:`tracker.tui.rows`) and renders each visible line on demand, its record decoded then (the pattern of
Textualize/toolong's log view). Text is put into Segments as it is, so article
text is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tracker.domain.render import fit, fold
from tracker.tui.cells import RowCells, Rows, RowView
from tracker.tui.rows import STYLES, Row, index_of, row_date, today_index

DATE_W, KIND_W, STATUS_W, PROB_W, ARTICLE_W = 14, 10, 11, 5, 18
WIDE_ENOUGH_FOR_ARTICLE = 90


class Timeline(ScrollView, can_focus=True):
    """Events and predictions in date order, with a cursor."""

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False, id="timeline-cursor-up"),
        Binding("down", "cursor(1)", "Down", show=False, id="timeline-cursor-down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="timeline-page-up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="timeline-page-down"),
        Binding("home", "edge(0)", "First", show=False, id="timeline-first"),
        Binding("end", "edge(1)", "Last", show=False, id="timeline-last"),
    ]
    COMPONENT_CLASSES = {"timeline--header", "timeline--cursor", *(f"timeline--{s}" for s in STYLES)}

    cursor = reactive(0, always_update=True)

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, row: RowView | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: Rows = Rows([], None)
        self._placeholder = "Loading…"

    # ---- data ------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row], cells: RowCells | None = None, keep_id: str | None = None,
                 placeholder: str = "", cursor: int | None = None) -> None:
        """Show these rows; keep the cursor on the same record when it is still there.

        ``cursor``: where the cursor goes, when the caller already worked it out off the event
        loop (looking for a record among 100k rows takes a while)."""
        self.rows = Rows(rows, cells if cells is not None else self.rows.cells)
        self._placeholder = placeholder or ("Nothing matches: Escape clears the search, then the "
                                            "palette's filters; f cycles the status filter")
        index = cursor
        if index is None:
            index = self.index_of(keep_id) if keep_id else None
        if index is None:
            index = self.today_index()
        self.virtual_size = Size(self._line_width(), len(rows) + 1)
        self.cursor = max(0, min(index, len(rows) - 1))
        # After the next refresh the widget knows its height, so centring works on first load too.
        self.call_after_refresh(self.scroll_to_cursor, True)
        self.refresh()

    def index_of(self, record_id: str | None) -> int | None:
        return index_of(self.rows.raw, record_id)

    def today_index(self) -> int:
        """The first record after the today line (what is due next), else the line itself."""
        return today_index(self.rows.raw)

    @property
    def current(self) -> RowView | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # ---- movement --------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.post_message(self.Highlighted(self.current))

    def move_to(self, index: int) -> None:
        if self.rows:
            self.cursor = max(0, min(index, len(self.rows) - 1))
            self.scroll_to_cursor()

    def action_cursor(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(1, self.scrollable_content_region.height - 2))

    def action_edge(self, end: int) -> None:
        self.move_to(len(self.rows) - 1 if end else 0)

    def scroll_to_cursor(self, center: bool = False) -> None:
        # force: before the scrollbars are first laid out, Textual refuses to scroll at all.
        height = max(1, self.scrollable_content_region.height - 1)  # one line is the header
        top = int(self.scroll_y)
        if center:
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False, force=True)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, force=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, force=True)

    def on_click(self, event) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y > 0:
            self.move_to(int(self.scroll_y) + offset.y - 1)

    # ---- painting --------------------------------------------------------
    def _line_width(self) -> int:
        return self.scrollable_content_region.width  # lines are cut to fit: no horizontal scrolling

    def _article_width(self, width: int) -> int:
        """The article column, dropped on narrow screens so the claim keeps its room."""
        return ARTICLE_W if width >= WIDE_ENOUGH_FOR_ARTICLE else 0

    def _text_width(self, width: int) -> int:
        article = self._article_width(width)
        fixed = DATE_W + KIND_W + STATUS_W + PROB_W + 4 + (article + 1 if article else 0)
        return max(20, width - fixed)

    def _cells(self, width: int, date: str, kind: str, status: str, prob: str, text: str, article: str) -> str:
        # ``width``: the lines' width, asked of Textual once per line drawn (each asking costs a walk of the layout)
        cells = [fit(date, DATE_W), fit(kind, KIND_W), fit(status, STATUS_W), fit(prob.rjust(4), PROB_W - 1),
                 fit(text, self._text_width(width))]
        article_width = self._article_width(width)
        if article_width:
            cells.append(fit(article, article_width))
        return " ".join(cells)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            line = self._cells(width, "date", "kind", "status", "prob", "claim / title", "article")
            style = self.get_component_rich_style("timeline--header")
            return Strip([Segment(set_cell_size(line, width), style)], width)
        index = int(self.scroll_y) + y - 1
        if not self.rows:
            if y == 1:
                text = self._placeholder  # a cut sentence says so
                if cell_len(text) > width:
                    text = set_cell_size(text, max(width - 1, 0)) + "…"
                return Strip([Segment(set_cell_size(text, width), Style())], width)
            return Strip.blank(width, Style())
        if index >= len(self.rows):
            return Strip.blank(width, Style())  # a style, even empty: NO_COLOR's filter needs one
        row = self.rows.raw[index]
        cells, kind = self.rows.cells, row[2]
        shown = cells(row) if cells is not None else (kind, "", "", "", "")
        if kind == "today":
            line = set_cell_size(shown[3].center(max(width, cell_len(shown[3]))), width)
        else:
            date = row_date(row)
            line = self._cells(width, date.human() if date else "", "made on" if kind == "made" else kind, shown[1], shown[2],
                               fold(shown[3]), shown[4])
        style = self.get_component_rich_style(f"timeline--{shown[0]}")
        if index == self.cursor:
            style = style + self.get_component_rich_style("timeline--cursor")
        return Strip([Segment(set_cell_size(line, width), style)], width)

    def on_resize(self) -> None:
        self.virtual_size = Size(self._line_width(), len(self.rows) + 1)
        self.call_after_refresh(self._keep_cursor_visible)
        self.refresh()

    def _keep_cursor_visible(self) -> None:
        # The terminal's real size can arrive after the rows: centre the cursor if it fell off.
        height = max(1, self.scrollable_content_region.height - 1)
        if not int(self.scroll_y) <= self.cursor < int(self.scroll_y) + height:
            self.scroll_to_cursor(center=True)
