"""The add/edit form. It saves through the same library functions as `tracker add` and
`tracker edit`, and a refused field is pointed out in the form, which stays open.

Saving runs in a thread worker (a write to a large file takes a second); the form stays
open, and says so, until the write has succeeded or been refused."""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Select, Static

from tracker.domain import hedges

from tracker.domain import schema
from tracker.domain.errors import ActionError
from tracker.domain.fields import FieldError
from tracker.domain.model import Event, Prediction, Record
from tracker.domain.errors import TrackerError
from tracker.store.layout import StoreError
from tracker.domain.text import visible

def _form_fields(kind: str) -> tuple[tuple[str, str, str], ...]:
    """(field, label, placeholder) of each field the field table puts in the form."""
    return tuple((f.name, f.form_heading, f.placeholder or "") for f in schema.form(kind))


# Read when a form opens, so the form follows the table (tests add a field to it).
FORM_KINDS = ("prediction", "event")
FIRST_FIELDS = 5  # fields mounted with the form; the others just after its first paint

Saver = Callable[[str, dict[str, str]], Record]


def form_values(record: Record) -> dict[str, str]:
    """A record's fields as the form shows them (control characters shown as escapes: an
    unchanged field is not saved, a retyped one is saved as shown)."""
    values: dict[str, str] = {}
    for name, _, _ in _form_fields(record.kind):
        value = getattr(record, name)
        if isinstance(value, list):
            values[name] = ";".join(value)
        elif isinstance(value, float):
            values[name] = f"{value:g}"
        elif value is None:
            values[name] = ""
        else:
            values[name] = str(value)
    return {name: visible(value) for name, value in values.items()}


class RecordForm(ModalScreen[str | None]):
    """Add (``record`` None) or edit a prediction or event; dismisses with the saved id."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="form-cancel"),
                Binding("ctrl+s", "save", "Save", id="form-save")]

    def __init__(self, save: Saver, record: Record | None = None, kind: str = "prediction",
                 defaults: dict[str, str] | None = None) -> None:
        super().__init__()
        self.save_record = save
        self.record = record
        self.kind = record.kind if record is not None else kind
        self.original = form_values(record) if record is not None else {}
        self.defaults = defaults or {}  # pre-filled values for a new record (e.g. the selected article)
        self.saving = False

    def compose(self) -> ComposeResult:
        title = f"Edit {self.record.id}" if self.record else "Add"
        with VerticalScroll(id="form", classes="dialog"):
            yield Static(title, classes="dialog-title", markup=False)
            # Only this kind's fields (the other kind's come when it is chosen), and only the
            # first few now: mounting a screen's widgets is one step of the event loop, and every
            # field is four widgets; the rest are mounted just after the first paint.
            rows = self._field_rows(self.kind)
            self._rest = rows[2 * FIRST_FIELDS:]
            yield from rows[:2 * FIRST_FIELDS]
            yield Static("", id="form-error", classes="field-error", markup=False)
            yield Static("Enter or ctrl+s saves · Escape cancels", classes="dialog-help", markup=False)

    def _field_rows(self, kind: str) -> list[Horizontal | Static]:
        """The label, input and error line of each of ``kind``'s fields."""
        rows: list[Horizontal | Static] = []
        for name, label, placeholder in _form_fields(kind):
            value = self.original.get(name, self.defaults.get(name, "")) if kind == self.kind else ""
            rows.append(Horizontal(Static(label, classes="field-label", markup=False),
                                   Input(value, placeholder=placeholder, id=f"{kind}-{name}", compact=True),
                                   classes=f"form-field kind-{kind}", id=f"row-{kind}-{name}"))
            rows.append(Static("", id=f"error-{kind}-{name}", classes=f"field-error kind-{kind}", markup=False))
        return rows

    def on_mount(self) -> None:
        self._show_kind(self.kind)
        self.call_after_refresh(self._mount_the_rest)

    def _mount_the_rest(self) -> None:
        """The fields after the first few, and the add form's kind list (30-40 ms alone)."""
        form = self.query_one("#form")
        form.mount_all(self._rest, before="#form-error")
        if self.record is None:
            form.mount(Select([("prediction", "prediction"), ("event", "event")], value=self.kind,
                              allow_blank=False, id="kind"), after=".dialog-title")

    def _show_kind(self, kind: str) -> None:
        self.kind = kind
        for widget in self.query(".form-field"):
            widget.display = widget.has_class(f"kind-{kind}")
        for widget in self.query(".field-error"):
            self._show_error(widget, "")
        first = _form_fields(kind)[0][0]
        self.query_one(f"#{kind}-{first}", Input).focus()

    async def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "kind" and event.value in FORM_KINDS:
            kind = str(event.value)
            if not self.query(f".kind-{kind}"):  # first chosen now: its fields join the form
                await self.query_one("#form").mount_all(self._field_rows(kind), before="#form-error")
            self._show_kind(kind)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "prediction-hedge":
            if self.record is not None and event.value == self.original.get("hedge", ""):
                return  # the form filling in the stored hedge must not overwrite the stored probability
            reading = hedges.lookup(event.value)
            error = self.query_one("#error-prediction-hedge", Static)
            if reading is not None:
                self.query_one("#prediction-probability", Input).value = f"{reading.probability:g}"
                low, high = reading.call_range
                claim = self.query_one("#prediction-claim", Input).value
                negated = " — word the claim as its negation (\"X will not …\")" \
                    if reading.negates and not hedges.looks_negated(claim) else ""
                self._show_error(error, f"{reading.band.label}: claim at {low:.0%}-{high:.0%}{negated}")
            else:
                self._show_error(error, "")

    @staticmethod
    def _show_error(widget: Static, message: str) -> None:
        widget.update(message)
        widget.set_class(bool(message), "-shown")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def values(self) -> dict[str, str]:
        return {name: self.query_one(f"#{self.kind}-{name}", Input).value
                for name, _, _ in _form_fields(self.kind)}

    def action_save(self) -> None:
        for widget in self.query(".field-error"):
            if widget.id != "error-prediction-hedge":
                self._show_error(widget, "")
        values = self.values()
        if self.record is not None:
            values = {k: v for k, v in values.items() if v != self.original.get(k, "")}
        if self.saving:
            return  # one write at a time: Enter pressed twice must not add the record twice
        self.saving = True
        self._show_error(self.query_one("#form-error", Static), "Saving…")
        self._save(self.kind, values)

    @work(thread=True, group="write")
    def _save(self, kind: str, values: dict[str, str]) -> None:
        try:
            record = self.save_record(kind, values)
        except FieldError as exc:
            self.app.call_from_thread(self._refused, exc.field, str(exc))
        except (ActionError, StoreError, TrackerError, OSError) as exc:  # a lock timeout too
            self.app.call_from_thread(self._refused, "", str(exc))
        else:
            self.app.call_from_thread(self.dismiss, record.id)

    def _refused(self, field: str, message: str) -> None:
        self.saving = False
        self._show_error(self.query_one("#form-error", Static), "")
        self._point_at(field, visible(message))

    def _point_at(self, field: str, message: str) -> None:
        names = {name for name, _, _ in _form_fields(self.kind)}
        if field in names:
            self._show_error(self.query_one(f"#error-{self.kind}-{field}", Static), message)
            self.query_one(f"#{self.kind}-{field}", Input).focus()
        else:
            self._show_error(self.query_one("#form-error", Static), message)

    def action_cancel(self) -> None:
        self.dismiss(None)


def is_editable(record: Record | None) -> bool:
    return isinstance(record, (Prediction, Event))
