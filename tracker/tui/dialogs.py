"""Dialogs that ask before a write: the mark dialog (c r p v) and the snooze dialog (s)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tracker.domain.fields import FieldError, check_urls, parse_known_on, split_list
from tracker.domain.model import Prediction, Status
from tracker.tui.bounds import bounded


class DialogBox(VerticalScroll, can_focus=False):
    """A dialog's frame: it scrolls when what it holds (a long claim and criterion) is taller than
    the terminal, instead of cutting off the last fields and the keys that save. Its heading
    ("Mark as void") is also written in the frame's top border, which scrolling cannot move: at
    80x24 a long claim scrolled the heading out of sight, and with it which status is saved."""

    def __init__(self, *children, title: str = "", **kwargs) -> None:
        super().__init__(*children, **kwargs)
        if title:
            self.border_title = Content(title)  # plain text, never markup


NARROW_COLUMNS, SHORT_ROWS = 110, 30


def fit_to_terminal(screen: ModalScreen) -> None:
    """A dialog in a small terminal (80x24) takes the whole width and height, with less padding."""
    size = screen.app.size
    screen.set_class(size.width < NARROW_COLUMNS or size.height < SHORT_ROWS, "-narrow")


def decided_by(prediction: Prediction) -> list[Static]:
    """The claim, its condition (for "if X then Y") and the criterion from its horizon note: what a
    reviewer decides by, shown before the note is asked for."""
    from tracker.domain.review import criterion

    lines = [Static(bounded(prediction.claim), classes="dialog-claim", markup=False)]
    if prediction.condition:
        lines.append(Static(f"If: {bounded(prediction.condition)}", classes="dialog-claim", id="condition",
                            markup=False))
    judged = criterion(prediction)
    if judged:
        lines.append(Static(f"Judged by: {bounded(judged)}", classes="dialog-claim", id="criterion",
                            markup=False))
    return lines


def date_example(today: _dt.date) -> str:
    """A month the snooze dialog can offer as an example and accept: the one after today's."""
    return (today.replace(day=1) + _dt.timedelta(days=32)).strftime("%Y-%m")


@dataclass
class MarkRequest:
    status: str
    note: str
    evidence: list[str]
    known_on: str
    expected: Status  # the status the user saw: refused if another process changed it since


class MarkDialog(ModalScreen[MarkRequest | None]):
    """Ask for a note (required for void), evidence URLs and the date the outcome was known."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="mark-cancel")]

    def __init__(self, prediction: Prediction, status: str, today: _dt.date | None = None) -> None:
        super().__init__()
        self.prediction = prediction
        self.status = status
        self.today = today or _dt.date.today()

    def compose(self) -> ComposeResult:
        with DialogBox(id="dialog", classes="dialog", title=f"Mark as {self.status}"):
            yield Static(f"Mark as {self.status}", classes="dialog-title", markup=False)
            yield from decided_by(self.prediction)
            note = "Note (required: why can this never be judged fairly?)" if self.status == "void" \
                else "Note (optional)"
            yield Static(note, classes="field-label", markup=False)
            yield Input(id="note", placeholder="what happened", compact=True)
            yield Static("Evidence URL(s), separated by spaces (optional)", classes="field-label", markup=False)
            yield Input(id="evidence", placeholder="https://…", compact=True)
            yield Static("Outcome known on", classes="field-label", markup=False)
            yield Input(self.today.isoformat(), id="known_on", compact=True)
            yield Static("", id="error", classes="field-error -shown", markup=False)
            yield Static("Enter saves · Escape cancels", classes="dialog-help", markup=False)

    def on_mount(self) -> None:
        fit_to_terminal(self)
        self.query_one("#note", Input).focus()

    def on_resize(self) -> None:
        fit_to_terminal(self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        note = self.query_one("#note", Input).value
        evidence_text = self.query_one("#evidence", Input).value
        known_on = self.query_one("#known_on", Input).value
        try:
            if self.status == Status.VOID.value and not note.strip():
                raise FieldError("note", "a void needs a note saying why it can never be judged fairly")
            evidence = check_urls(split_list(evidence_text, "evidence"))
            known = parse_known_on(known_on, self.today)
        except FieldError as exc:
            self.query_one("#error", Static).update(str(exc))
            target = {"evidence": "#evidence", "note": "#note"}.get(exc.field, "#known_on")
            self.query_one(target, Input).focus()
            return
        self.dismiss(MarkRequest(self.status, note.strip(), evidence, known.iso(), self.prediction.status))

    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass
class SnoozeRequest:
    period: str
    note: str


class SnoozeDialog(ModalScreen[SnoozeRequest | None]):
    """Ask when to review a prediction again: ``30d``, ``3 months`` or a date."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="snooze-cancel")]

    def __init__(self, prediction: Prediction, today: _dt.date) -> None:
        super().__init__()
        self.prediction = prediction
        self.today = today

    def compose(self) -> ComposeResult:
        with DialogBox(id="dialog", classes="dialog", title="Snooze"):
            yield Static("Snooze: review again…", classes="dialog-title", markup=False)
            yield Static(bounded(self.prediction.claim), classes="dialog-claim", markup=False)
            yield Static(f"When (30d, 2w, 3 months, 1y, or a date such as {date_example(self.today)})",
                         classes="field-label", markup=False)
            yield Input("30d", id="period", compact=True)
            yield Static("Note (optional)", classes="field-label", markup=False)
            yield Input(id="note", placeholder="why wait", compact=True)
            yield Static("", id="error", classes="field-error -shown", markup=False)
            yield Static("Enter saves · Escape cancels", classes="dialog-help", markup=False)

    def on_mount(self) -> None:
        fit_to_terminal(self)
        self.query_one("#period", Input).focus()

    def on_resize(self) -> None:
        fit_to_terminal(self)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        from tracker.domain.review import parse_period

        event.stop()
        period = self.query_one("#period", Input).value
        try:
            until = parse_period(period, self.today)
            if until <= self.today:
                raise FieldError("period", f"{until.isoformat()} is not after today ({self.today.isoformat()})")
        except FieldError as exc:
            self.query_one("#error", Static).update(str(exc))
            self.query_one("#period", Input).focus()
            return
        self.dismiss(SnoozeRequest(period.strip(), self.query_one("#note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
