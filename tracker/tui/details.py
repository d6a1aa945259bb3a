"""The details pane's content: the same rows as `tracker show`, laid out as a two-column grid.

Every value goes in as ``rich.text.Text``, so article text is never read as markup, with its
control characters shown and each field cut to a bound (a 10 MB claim would take minutes to lay out).
The content is worked out as plain strings first (:func:`details_data`), then laid out.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.events import Resize
from textual.widgets import Static

from tracker.domain.model import Database, Record
from tracker.domain.render import detail_rows, history_lines
from tracker.domain.text import visible
from tracker.tui.bounds import FIELD_LIMIT, Wrapped, bounded, latest

# (label, value) rows, then (when, what) history rows: every string already shown through visible().
# A history longer than HISTORY_LIMIT keeps its latest entries, after a row saying how many are left out.
DetailsData = tuple[list[tuple[str, str]], list[tuple[str, str]]]


def details_data(record: Record, db: Database, today: _dt.date,
                 linked: Callable[[str, str], list[str]] | None = None) -> DetailsData:
    """What the pane shows for ``record``, as bounded, visible strings (``linked``: see
    :func:`tracker.domain.render.detail_rows`)."""
    grid = [(label, bounded(value)) for label, value in detail_rows(record, db, today, linked)]
    history = []
    entries, left_out = latest(record.history, record.id)
    if left_out:
        history.append(("", left_out))
    for entry in entries:
        # One row per entry: the time, then what changed, its note and evidence, wrapped in place.
        head, *rest = history_lines([entry])
        when, _, what = head.strip().partition("  ")
        history.append((bounded(when), bounded("\n".join([what, *(line.strip() for line in rest)]))))
    return grid, history


def _shown(text: object) -> str:
    # Shown (and cut) again: strings from the file are never trusted to be clean.
    return visible(str(text)[:FIELD_LIMIT + 100], keep_newlines=True)


def render_details(data: DetailsData) -> Group:
    """The pane for strings from :func:`details_data`."""
    rows, entries = data
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(Text(_shown(label)), Wrapped(_shown(value)))  # ids wrap at their hyphens
    history = Table.grid(padding=(0, 1))
    history.add_column(no_wrap=True)
    history.add_column(overflow="fold")
    for when, what in entries:
        history.add_row(Text(_shown(when)), Wrapped(_shown(what)))
    if not entries:
        history.add_row(Text("(none)"), Text(""))
    return Group(grid, Text(""), Text("history", style="bold"), history)


def details_grid(record: Record, db: Database, today: _dt.date,
                 linked: Callable[[str, str], list[str]] | None = None) -> Group:
    return render_details(details_data(record, db, today, linked))


class DetailsPane(Static):
    """The details pane's text: the grid laid out once per record and width.

    Given the grid itself, Textual lays a Rich table out twice per cursor move (once to measure
    its height, once to draw it: 10-20 ms each at 1k, on the screen's thread). Here the grid is
    laid out once, at the pane's width, into lines of styled text, which Textual measures and
    draws at the cost of plain text; a new width lays it out again. ``source`` is what was shown
    (the grid, or a line of text), for a reader that wants it at another width."""

    DEFAULT_CSS = "DetailsPane.-laid-out { text-wrap: nowrap; text-overflow: clip; }"

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.source: RenderableType = ""
        self._width = 0

    def show(self, source: RenderableType) -> None:
        self.source = source
        self._lay_out(self.size.width)

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._width:
            self._lay_out(event.size.width)

    def _lay_out(self, width: int) -> None:
        self._width = width
        laid_out = not isinstance(self.source, str) and width > 0
        self.set_class(laid_out, "-laid-out")  # its lines are the width already: not wrapped again
        if not laid_out:  # text wraps by itself; no width yet: as given
            self.update(self.source)
            return
        console = self.app.console
        lines = console.render_lines(self.source, console.options.update(width=width, height=None), pad=False)
        text = Text(no_wrap=True, overflow="crop", end="")
        for n, line in enumerate(lines):
            if n:
                text.append("\n")
            for segment in line:
                if not segment.control:
                    text.append(segment.text, segment.style)
        self.update(text)
