"""Dialogs of the inbox: accept a proposal with edits, merge it into a record."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

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
    """Pick the existing record the proposal says the same as: a list of the records of its kind,
    the likeliest first (filter it by typing in the box; Enter in the box takes the typed id or
    the first record listed, Enter on the list the highlighted one)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    MergeDialog #merge-choices { height: 12; }
    """

    def __init__(self, doc: dict[str, Any], choices: list[tuple[str, str]] | str) -> None:
        super().__init__()
        self.doc = doc
        if isinstance(choices, str):  # a single suggestion (the former call)
            choices = [(choices, choices)] if choices else []
        self.choices = choices
        self.shown = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(f"Merge this {self.doc['kind']} into an existing one", classes="dialog-title",
                         markup=False)
            yield Static(" ".join((self.doc["fields"].get("quote") or self.doc["fields"].get("summary", "")).split()),
                         classes="dialog-claim", markup=False)
            yield Static("Record id (type to filter the list)", classes="field-label", markup=False)
            yield Input(self.choices[0][0] if self.choices else "", id="into", compact=True)
            yield OptionList(*self._options(), id="merge-choices")
            yield Static("Enter merges · ↓ to the list · Escape cancels", classes="dialog-help", markup=False)

    def _options(self) -> list[Option]:
        from rich.text import Text

        from tracker.domain.text import visible

        return [Option(Text(visible(f"{rid}  {label}")), id=rid) for rid, label in self.shown]

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.choices and event.value == self.choices[0][0]:  # the suggestion as offered: the whole list
            words = []
        else:
            words = event.value.casefold().split()
        self.shown = [(rid, label) for rid, label in self.choices
                      if all(w in f"{rid} {label}".casefold() for w in words)]
        self.matched = bool(self.shown)
        self.shown = self.shown or list(self.choices)
        listing = self.query_one("#merge-choices", OptionList)
        listing.clear_options()
        listing.add_options(self._options())

    def on_key(self, event) -> None:
        if event.key == "down" and self.focused is self.query_one("#into", Input):
            listing = self.query_one("#merge-choices", OptionList)
            listing.focus()
            if listing.option_count and listing.highlighted is None:
                listing.highlighted = 0
            event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """A record id typed in full is taken as it is (the library refuses one that does not
        exist); words that filter the list take its first record."""
        event.stop()
        value = event.value.strip()
        if not value:
            return
        if value in {rid for rid, _ in self.choices} or not getattr(self, "matched", True):
            self.dismiss(value)
        elif self.shown:
            self.dismiss(self.shown[0][0])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
