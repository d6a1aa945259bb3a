"""The details pane's content: the same rows as `tracker show`, laid out as a two-column grid.

Every value goes in as ``rich.text.Text``, so article text is never read as markup, with its
control characters shown and each field cut to a bound (a 10 MB claim would take minutes to lay out).
"""

from __future__ import annotations

import datetime as _dt

from rich.console import Group
from rich.table import Table
from rich.text import Text

from tracker.model import Database, Record
from tracker.render import detail_rows, history_lines
from tracker.tui.bounds import bounded


def details_grid(record: Record, db: Database, today: _dt.date) -> Group:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in detail_rows(record, db, today):
        grid.add_row(Text(label), Text(bounded(value)))
    history = Table.grid(padding=(0, 1))
    history.add_column(no_wrap=True)
    history.add_column(overflow="fold")
    for entry in record.history:
        # One row per entry: the time, then what changed, its note and evidence, wrapped in place.
        head, *rest = history_lines([entry])
        when, _, what = head.strip().partition("  ")
        history.add_row(Text(bounded(when)), Text(bounded("\n".join([what, *(line.strip() for line in rest)]))))
    if not record.history:
        history.add_row(Text("(none)"), Text(""))
    return Group(grid, Text(""), Text("history", style="bold"), history)
