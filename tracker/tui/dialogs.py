"""Modal dialogs: marking a prediction, the help screen."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tracker.fields import FieldError, check_urls, parse_known_on, split_list
from tracker.model import Prediction, Status


@dataclass
class MarkRequest:
    status: str
    note: str
    evidence: list[str]
    known_on: str
    expected: Status  # the status the user saw: refused if another process changed it since


class MarkDialog(ModalScreen[MarkRequest | None]):
    """Ask for an optional note, evidence URLs and the date the outcome was known."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prediction: Prediction, status: str) -> None:
        super().__init__()
        self.prediction = prediction
        self.status = status

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(f"Mark as {self.status}", classes="dialog-title", markup=False)
            yield Static(self.prediction.claim, classes="dialog-claim", markup=False)
            yield Static("Note (optional)", classes="field-label", markup=False)
            yield Input(id="note", placeholder="what happened", compact=True)
            yield Static("Evidence URL(s), separated by spaces (optional)", classes="field-label", markup=False)
            yield Input(id="evidence", placeholder="https://…", compact=True)
            yield Static("Outcome known on", classes="field-label", markup=False)
            yield Input(_dt.date.today().isoformat(), id="known_on", compact=True)
            yield Static("", id="error", classes="field-error -shown", markup=False)
            yield Static("Enter saves · Escape cancels", classes="dialog-help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        note = self.query_one("#note", Input).value
        evidence_text = self.query_one("#evidence", Input).value
        known_on = self.query_one("#known_on", Input).value
        try:
            evidence = check_urls(split_list(evidence_text, "evidence"))
            known = parse_known_on(known_on, _dt.date.today())
        except FieldError as exc:
            self.query_one("#error", Static).update(str(exc))
            target = "#evidence" if exc.field == "evidence" else "#known_on"
            self.query_one(target, Input).focus()
            return
        self.dismiss(MarkRequest(self.status, note.strip(), evidence, known.iso(), self.prediction.status))

    def action_cancel(self) -> None:
        self.dismiss(None)


HELP_TEXT = """\
Keys
  /        search (claim, quote, title, tags, article); Enter goes to the best match, Escape clears
  c r p    mark the selected prediction confirmed, refuted or pending
  u        undo the last mark made in this session (appends a history entry)
  a        add a prediction or event          e   edit the selected record
  f        cycle the status filter: all, pending, overdue, confirmed, refuted
  k        show or hide events                m   show predictions at their made-on date too
  t        jump to today                      ?   this help
  I        inbox: accept (a), edit (e), merge (m) or reject (r) what `tracker ingest` proposed
  ctrl+p   command palette: jump to a record, filter by article, author or tag, open a screen
  q        quit

Timeline
  A prediction sits at its resolve-by date. Dates keep their precision:
  "May 2025" is a month, "15 Mar 2025" a day, "2029" a year.
  Status:  … pending   ✓ confirmed   ✗ refuted   ! overdue (pending past its resolve-by)
  The line "── today ──" marks where today falls.

The file
  Every change is written to the database at once (atomically, under a lock).
  Changes made by another tracker process are picked up within a second.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "dismiss_help", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static("tracker — help", classes="dialog-title", markup=False)
            yield Static(HELP_TEXT, markup=False)
            yield Static("Escape closes", classes="dialog-help", markup=False)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
