"""Dialogs of the inbox: accept a proposal with edits, merge it into a record."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tracker.domain import schema
from tracker.ingest.proposals import needs_english


def accept_fields(kind: str) -> list[schema.Field]:
    """The fields the dialog offers: those of the add/edit form a reader may set on accepting."""
    offered = set(schema.accepted(kind))
    return [f for f in schema.form(kind) if f.name in offered]


class AcceptDialog(ModalScreen[dict[str, Any] | None]):
    """The proposal's fields, editable; Enter accepts with what is in them, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, doc: dict[str, Any]) -> None:
        super().__init__()
        self.doc = doc
        self.fields = accept_fields(doc["kind"])

    def _initial(self, name: str) -> str:
        value = self.doc["fields"].get(name, "")
        if name == "claim" and needs_english(self.doc):
            return ""  # the original stays on screen above; the record needs English
        if isinstance(value, list):
            return "; ".join(value)
        return "" if value is None else str(value)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(f"Accept {self.doc['kind']}", classes="dialog-title", markup=False)
            original = self.doc["fields"].get("claim") or self.doc["fields"].get("title", "")
            yield Static(original, classes="dialog-claim", markup=False)
            if needs_english(self.doc):
                yield Static("The claim is Japanese: write it in English (the quote keeps the original).",
                             classes="field-label", markup=False)
            for f in self.fields:
                yield Static(f.form_heading, classes="field-label", markup=False)
                yield Input(self._initial(f.name), placeholder=f.placeholder or "", id=f"f-{f.name}", compact=True)
            yield Static("", id="error", classes="field-error -shown", markup=False)
            yield Static("Enter accepts · Escape cancels", classes="dialog-help", markup=False)

    def on_mount(self) -> None:
        self.query_one(f"#f-{self.fields[0].name}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        changes: dict[str, Any] = {}
        for f in self.fields:
            value = self.query_one(f"#f-{f.name}", Input).value.strip()
            if value != self._initial(f.name):
                changes[f.name] = [t.strip() for t in value.split(";") if t.strip()] if f.type == schema.LIST else value
        if needs_english(self.doc) and not changes.get("claim"):
            self.show_error("claim", "write the claim in English")
            return
        self.dismiss(changes)

    def show_error(self, field: str, message: str) -> None:
        """Point at a field the library refused."""
        self.query_one("#error", Static).update(f"{field}: {message}")
        if self.query(f"#f-{field}"):
            self.query_one(f"#f-{field}", Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)


class MergeDialog(ModalScreen[str | None]):
    """Ask which existing record the proposal says the same as (a suggestion filled in)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, doc: dict[str, Any], suggestion: str) -> None:
        super().__init__()
        self.doc = doc
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(f"Merge this {self.doc['kind']} into an existing one", classes="dialog-title",
                         markup=False)
            yield Static(self.doc["fields"].get("quote") or self.doc["fields"].get("summary", ""),
                         classes="dialog-claim", markup=False)
            yield Static("Record id", classes="field-label", markup=False)
            yield Input(self.suggestion, id="into", compact=True)
            yield Static("Enter merges · Escape cancels", classes="dialog-help", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if value:
            self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
