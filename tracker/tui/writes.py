"""The write path every screen shares: mark, undo, snooze, settle, add and edit.

Each write runs in a thread worker through :mod:`tracker.actions` (the functions the CLI
calls), so locking, validation and history cannot differ and the screen never waits on the
file; on success listeners get a :class:`~tracker.tui.session.RecordWritten` and the file is
read again (which costs nothing: this process just wrote those bytes).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from tracker import actions
from tracker.actions import ActionError
from tracker.fields import FieldError
from tracker.model import HistoryEntry, Prediction, Record, Status
from tracker.storage import StoreError
from tracker.tui.dialogs import MarkDialog, MarkRequest

WRITE_ERRORS = (ActionError, FieldError, StoreError, OSError)


class RecordWritten(Message, bubble=False):
    """A write made by this app succeeded (mark, undo, snooze, add, edit)."""

    def __init__(self, record: Record, action: str, entry: HistoryEntry | None = None) -> None:
        super().__init__()
        self.record = record
        self.action = action
        self.entry = entry


@dataclass(frozen=True)
class UndoItem:
    """A mark this running app wrote: undo is allowed only while it is still the latest entry."""

    record_id: str
    entry: HistoryEntry


class Writes:
    """The writes of a :class:`~tracker.tui.session.Session` (a mixin: it uses the session's
    app, store, messages and load)."""

    # ---- marking -------------------------------------------------------------
    def ask_mark(self, record: Record | None, status: str) -> None:
        """Open the mark dialog for ``record``, then write the mark in a worker."""
        if not self.writable():
            return
        if not isinstance(record, Prediction):
            what = "an event" if record is not None and record.kind == "event" else "nothing"
            self.say(f"Only predictions can be marked ({what} is selected).", severity="warning")
            return
        if record.status.value == status:
            self.say(f"{record.id} is already {status}.", severity="warning")
            return

        def write(request: MarkRequest | None) -> None:
            if request is not None:
                self.write_mark(record.id, request)

        self.app.push_screen(MarkDialog(record, status, self.today), callback=write)

    def write_mark(self, record_id: str, request: MarkRequest) -> None:
        self.app.run_worker(lambda: self._write_mark(record_id, request), thread=True, group="write",
                            name="mark")

    def _write_mark(self, record_id: str, request: MarkRequest) -> None:
        try:
            updated = actions.mark(self.store, record_id, request.status, note=request.note,
                                   evidence=request.evidence, known_on=request.known_on,
                                   expected=request.expected, today=self.today)
        except WRITE_ERRORS as exc:
            self._say_from_thread(str(exc), title="Not marked", severity="error", timeout=8)
            return
        self.app.call_from_thread(self._marked, updated)

    def _marked(self, updated: Prediction) -> None:
        entry = updated.history[-1]
        self.undo_stack.append(UndoItem(updated.id, entry))
        self.say(f"{updated.id}: {entry.from_status} → {entry.to_status}")
        self._post(RecordWritten, updated, "mark", entry)
        self.load(keep_id=updated.id)

    # ---- undo ----------------------------------------------------------------
    def undo(self) -> None:
        """Undo this app's latest mark, unless the prediction changed since (then say why)."""
        if not self.writable():
            return
        if not self.undo_stack:
            self.say("No mark to undo in this session.", severity="warning")
            return
        item = self.undo_stack[-1]
        self.app.run_worker(lambda: self._write_undo(item), thread=True, group="write", name="undo")

    def _write_undo(self, item: UndoItem) -> None:
        entry = item.entry
        try:
            updated = actions.undo_mark(self.store, item.record_id, expected=Status(entry.to_status),
                                        restore=Status(entry.from_status), last_entry=entry)
        except WRITE_ERRORS as exc:
            self._say_from_thread(str(exc), title="Not undone", severity="error", timeout=10)
            return
        self.app.call_from_thread(self._undone, item, updated)

    def _undone(self, item: UndoItem, updated: Prediction) -> None:
        if item in self.undo_stack:
            self.undo_stack.remove(item)
        self.say(f"{item.record_id}: back to {updated.status.value}")
        self._post(RecordWritten, updated, "undo", updated.history[-1])
        self.load(keep_id=item.record_id)

    # ---- snooze --------------------------------------------------------------
    def snooze(self, record_id: str, period: str, note: str = "") -> None:
        """Snooze a pending prediction (``30d``, ``3 months``, a date) in a worker."""
        if not self.writable():
            return
        self.app.run_worker(lambda: self._write_snooze(record_id, period, note), thread=True,
                            group="write", name="snooze")

    def _write_snooze(self, record_id: str, period: str, note: str) -> None:
        try:
            updated = actions.snooze(self.store, record_id, period, today=self.today, note=note)
        except WRITE_ERRORS as exc:
            self._say_from_thread(str(exc), title="Not snoozed", severity="error", timeout=8)
            return
        self.app.call_from_thread(self._snoozed, updated)

    def _snoozed(self, updated: Prediction) -> None:
        entry = updated.history[-1]
        until = entry.until.human() if entry.until else "?"
        self.say(f"{updated.id}: snoozed until {until}")
        self._post(RecordWritten, updated, "snooze", entry)
        self.load(keep_id=updated.id)

    # ---- settling a dispute (from the command palette) ----------------------------
    def settle(self, record_id: str, field: str, value: object) -> None:
        """Settle a merge's dispute with one side's value, as `tracker settle` does."""
        if self.writable():
            self.app.run_worker(lambda: self._write_settle(record_id, field, value), thread=True,
                                group="write", name="settle")

    def _write_settle(self, record_id: str, field: str, value: object) -> None:
        from tracker.settle import settle

        try:
            updated, entries = settle(self.store, record_id, field, value)
        except WRITE_ERRORS as exc:
            self._say_from_thread(str(exc), title="Not settled", severity="error", timeout=8)
            return
        self.app.call_from_thread(self._settled, updated, entries[-1])

    def _settled(self, updated: Record, entry: HistoryEntry) -> None:
        self.say(f"{updated.id}: {entry.field} settled as {entry.new!r}")
        self._post(RecordWritten, updated, "settle", entry)
        self.load(keep_id=updated.id)

    # ---- add and edit ----------------------------------------------------------
    def save_new(self, kind: str, values: dict[str, str]) -> Record:
        """The add form's save (runs in the form's worker thread)."""
        # The form's fields are the field table's, by name: each is a parameter of `add`.
        add = actions.add_event if kind == "event" else actions.add_prediction
        return add(self.store, **values)

    def edit_saver(self, record: Record):
        """The edit form's save for ``record`` (runs in the form's worker thread)."""

        def save(kind: str, values: dict[str, str]) -> Record:
            if not values:
                raise ActionError("nothing changed")
            return actions.edit_record(self.store, record.id, values)[0]

        return save

    def saved(self, record_id: str | None) -> None:
        """After the form saved: say so and reload with the cursor on the record."""
        if record_id:
            self.say(f"Saved {record_id}")
            self.load(keep_id=record_id)
