"""The help screen: every key, what the timeline shows, how the file is written."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HELP_TEXT = """\
Keys (timeline)
  /        search (claim, quote, title, tags, article); Enter goes to the best match, Escape clears
  c r p v  mark the selected prediction confirmed, refuted, pending or void (void needs a note)
  u        undo the last mark made in this session (appends a history entry); refused when
           someone else has changed that prediction since
  a        add a prediction or event          e   edit the selected record
  f        cycle the status filter: all, pending, overdue, confirmed, refuted, void
  k        show or hide events                m   show predictions at their made-on date too
  t        jump to today                      ?   this help
  R        review what is due, one prediction at a time
  S        scores: the forecaster table, calibration chart and Brier trend
  I        inbox: accept (a), edit (e), merge (m) or reject (r) what `tracker ingest` proposed
  ctrl+p   command palette: jump to a record, filter by article, author or tag, open a screen
  q        quit

Review screen (R)
  Due predictions (oldest first), then those that could be settled early.
  c r p v  mark (the same dialog as the timeline)   s   snooze (30d, 3 months, a date)
  n        skip to the next                          Escape  end: a summary of what was decided

Scores screen (S)
  One row per forecaster; the chart and trend below follow the selected row.
  m        matured only (deadline passed)            Escape  back to the timeline

Timeline
  A prediction sits at its resolve-by date. Dates keep their precision:
  "May 2025" is a month, "15 Mar 2025" a day, "2029" a year.
  Status:  … pending   ✓ confirmed   ✗ refuted   ⊘ void   ! overdue (pending past its resolve-by)
  The line "── today ──" marks where today falls.

The file
  Every change is written to the database at once (atomically, under a lock).
  Changes made by another tracker process are picked up within a second.
  Very long texts are cut in the details pane (it says how much); `tracker show` prints all.
"""


class HelpScreen(ModalScreen[None]):
    """Every key and what it does."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss_help", "Close", id="help-close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("tracker — help", classes="dialog-title", markup=False)
            yield Static(HELP_TEXT, markup=False)
            yield Static("Escape closes", classes="dialog-help", markup=False)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
