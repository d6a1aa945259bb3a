"""The details pane's content: the same rows as `tracker show`, laid out as a two-column grid.

Every value goes in as ``rich.text.Text``, so article text is never read as markup, with its
control characters shown and each field cut to a bound (a 10 MB claim would take minutes to lay out).
The content is worked out as plain strings first (:func:`details_data`), then laid out.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from rich.console import Group
from rich.table import Table
from rich.text import Text

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
