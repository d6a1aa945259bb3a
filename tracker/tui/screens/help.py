"""The help screen: every key, what the timeline shows, how the file is written."""

from __future__ import annotations

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# (heading, rows): a row is (keys, what they do), or ("", a sentence) for prose.
HELP: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Keys (timeline)", (
        ("/", "search (claim, quote, title, tags, article); Enter goes to the best match, Escape clears"),
        ("c r p v", "mark the selected prediction confirmed, refuted, pending or void (void needs a note)"),
        ("u", "undo the last mark made in this session (appends a history entry); refused when "
              "someone else has changed that prediction since"),
        ("a", "add a prediction or event"),
        ("e", "edit the selected record"),
        ("f", "cycle the status filter: all, pending, overdue, confirmed, refuted, void"),
        ("k", "show or hide events"),
        ("m", "show predictions at their made-on date too"),
        ("t", "jump to today"),
        ("?", "this help"),
        ("R", "review what is due, one prediction at a time"),
        ("S", "scores: the forecaster table, calibration chart and Brier trend"),
        ("I", "inbox: accept (a), edit (e), merge (m) or reject (r) what `tracker ingest` proposed"),
        ("ctrl+p", "command palette: jump to a record, filter by article, author or tag, open a screen"),
        ("q", "quit"),
        ("", "The footer lists the keys used most (a narrow terminal cuts it from the right); f k m t "
             "and u are also in the palette."),
    )),
    ("Review screen (R)", (
        ("", "Due predictions (oldest first), then those that could be settled early."),
        ("c r p v", "mark (the same dialog as the timeline; it shows the condition and the \"Judged by\" "
                    "criterion from the horizon note)"),
        ("s", "snooze (30d, 3 months, a date)"),
        ("n", "skip to the next"),
        ("Escape", "end: a summary of what was decided"),
    )),
    ("Scores screen (S)", (
        ("", "One row per forecaster; the chart and trend below follow the selected row (↑↓)."),
        ("m", "matured only (deadline passed)"),
        ("Escape", "back to the timeline"),
    )),
    ("Timeline", (
        ("", "A prediction sits at its resolve-by date. Dates keep their precision: "
             '"May 2025" is a month, "15 Mar 2025" a day, "2029" a year.'),
        ("Status", "… pending   ✓ confirmed   ✗ refuted   ⊘ void   ! overdue (pending past its resolve-by; "
                   "counted in pending)"),
        ("", 'The line "── today ──" marks where today falls.'),
    )),
    ("The file", (
        ("", "Every change is written to the database at once (atomically, under a lock)."),
        ("", "Changes made by another tracker process are picked up within a second."),
        ("", "Very long texts are cut in the details pane (it says how much); `tracker show` prints all."),
    )),
)


def help_table() -> Group:
    """The help as a grid: a wrapped description stays in its column instead of running under the keys."""
    parts: list = []
    for heading, rows in HELP:
        if parts:
            parts.append(Text(""))
        parts.append(Text(heading, style="bold"))
        grid = Table.grid(padding=(0, 2), pad_edge=False)
        grid.add_column(no_wrap=True, min_width=7)
        grid.add_column(overflow="fold", ratio=1)
        for keys, what in rows:
            grid.add_row(Text(keys), Text(what))  # prose (no keys) sits in the description column
        parts.append(Padding(grid, (0, 0, 0, 2)))
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """Every key and what it does."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss_help", "Close", id="help-close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("tracker — help", classes="dialog-title", markup=False)
            yield Static(help_table(), markup=False)
            yield Static("Escape closes", classes="dialog-help", markup=False)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
