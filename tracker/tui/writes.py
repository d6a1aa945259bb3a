"""The write path every screen shares: mark, undo, snooze, settle, add and edit.

Each write runs in a thread worker through :mod:`tracker.actions.records` (the functions the CLI
calls), so locking, validation and history cannot differ and the screen never waits on the
file; on success listeners get a :class:`~tracker.tui.session.RecordWritten`, and the records
the write put replace the ones held (:meth:`~tracker.tui.session.Session.after_write`), or the file
is read again when another program changed it meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.message import Message

from tracker.actions import records as actions
from tracker.domain.errors import ActionError
from tracker.domain.fields import FieldError
from tracker.domain.model import HistoryEntry, Prediction, Record, Status
from tracker.domain.errors import TrackerError
from tracker.store.layout import StoreError
from tracker.store.locking import LockError
from tracker.tui.dialogs import MarkDialog, MarkRequest

# Every refusal a write can meet, said, never a crash: LockError (the lock timed out) included.
WRITE_ERRORS = (ActionError, FieldError, StoreError, LockError, TrackerError, OSError)


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
        self._in_worker("mark", lambda: actions.mark(
            self.store, record_id, request.status, note=request.note, evidence=request.evidence,
            known_on=request.known_on, expected=request.expected, today=self.today),
            "Not marked", self._marked)

    def _in_worker(self, name: str, write: Callable[[], Any], failed: str, done: Callable[[Any], None],
                   timeout: float = 8) -> None:
        """Run ``write`` (a call into :mod:`tracker.actions.records`) in a thread worker: its result goes to
        ``done`` on the event loop; a refusal is said under the title ``failed``."""

        def run() -> None:
            try:
                result = write()
            except WRITE_ERRORS as exc:
                self._say_from_thread(str(exc), title=failed, severity="error", timeout=timeout)
                return
            self.app.call_from_thread(done, result)

        self.app.run_worker(run, thread=True, group="write", name=name)

    def _marked(self, updated: Prediction) -> None:
        entry = updated.history[-1]
        self.undo_stack.append(UndoItem(updated.id, entry))
        self.say(f"{updated.id}: {entry.from_status} → {entry.to_status}")
        self._post(RecordWritten, updated, "mark", entry)
        self.after_write(keep_id=updated.id)

    # ---- undo ----------------------------------------------------------------
    def undo(self) -> None:
        """Undo this app's latest mark, unless the prediction changed since (then say why)."""
        if not self.writable():
            return
        if not self.undo_stack:
            self.say("No mark to undo in this session.", severity="warning")
            return
        item = self.undo_stack[-1]
        entry = item.entry
        self._in_worker("undo", lambda: actions.undo_mark(
            self.store, item.record_id, expected=Status(entry.to_status), restore=Status(entry.from_status),
            last_entry=entry), "Not undone", lambda updated: self._undone(item, updated), timeout=10)

    def _undone(self, item: UndoItem, updated: Prediction) -> None:
        if item in self.undo_stack:
            self.undo_stack.remove(item)
        self.say(f"{item.record_id}: back to {updated.status.value}")
        self._post(RecordWritten, updated, "undo", updated.history[-1])
        self.after_write(keep_id=item.record_id)

    # ---- snooze --------------------------------------------------------------
    def snooze(self, record_id: str, period: str, note: str = "") -> None:
        """Snooze a pending prediction (``30d``, ``3 months``, a date) in a worker."""
        if not self.writable():
            return
        self._in_worker("snooze", lambda: actions.snooze(self.store, record_id, period, today=self.today, note=note),
                        "Not snoozed", self._snoozed)

    def _snoozed(self, updated: Prediction) -> None:
        entry = updated.history[-1]
        until = entry.until.human() if entry.until else "?"
        self.say(f"{updated.id}: snoozed until {until}")
        self._post(RecordWritten, updated, "snooze", entry)
        self.after_write(keep_id=updated.id)

    # ---- settling a dispute (from the command palette) ----------------------------
    def settle(self, record_id: str, field: str, value: object) -> None:
        """Settle a merge's dispute with one side's value, as `tracker settle` does."""
        if not self.writable():
            return

        def write() -> tuple[Record, list[HistoryEntry]]:
            from tracker.sharing.settle import settle

            return settle(self.store, record_id, field, value)

        self._in_worker("settle", write, "Not settled", lambda done: self._settled(done[0], done[1][-1]))

    def _settled(self, updated: Record, entry: HistoryEntry) -> None:
        self.say(f"{updated.id}: {entry.field} settled as {entry.new!r}")
        self._post(RecordWritten, updated, "settle", entry)
        self.after_write(keep_id=updated.id)

    # ---- add and edit ----------------------------------------------------------
    def save_new(self, kind: str, values: dict[str, str]) -> Record:
        """The add form's save (runs in the form's worker thread)."""
        # The form's fields are the field table's, by name: each is a parameter of `add`.
        add = actions.add_event if kind == "event" else actions.add_prediction
        return add(self.store, **values)

    def edit_saver(self, record: Record):
        """The edit form's save for ``record`` (runs in the form's worker thread). Refused, naming the
        field, when another process changed a field the form changes since it opened: saving would
        replace that change (the mark dialog refuses a changed status the same way)."""

        def save(kind: str, values: dict[str, str]) -> Record:
            if not values:
                raise ActionError("nothing changed")
            return actions.edit_record(self.store, record.id, values, expected=record)[0]

        return save

    def saved(self, record_id: str | None) -> None:
        """After the form saved: say so and reload with the cursor on the record."""
        if record_id:
            self.say(f"Saved {record_id}")
            self.after_write(keep_id=record_id)
