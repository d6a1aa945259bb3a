"""Changing the database from the TUI: marking, undo, the add and edit forms.

A mixin of :class:`tracker.tui.app.TrackerApp`. Every change goes through
:mod:`tracker.actions`, like the CLI's; marks are written in a worker thread so a
large file never freezes the screen.
"""

from __future__ import annotations

from textual import work

from tracker import actions
from tracker.actions import ActionError
from tracker.fields import FieldError
from tracker.model import Prediction, Record, Status
from tracker.storage import StoreError
from tracker.tui.dialogs import MarkDialog, MarkRequest
from tracker.tui.form import RecordForm, is_editable
from tracker.tui.timeline import Timeline

WRITE_ERRORS = (ActionError, FieldError, StoreError, OSError)


class ChangeActions:
    """Key actions that write: c/r/p (mark), u (undo), a (add), e (edit)."""

    # ---- marking -----------------------------------------------------------
    def _selected(self) -> Record | None:
        row = self.query_one(Timeline).current
        return row.record if row is not None else None

    def action_mark(self, status: str) -> None:
        if not self._writable():
            return
        record = self._selected()
        if not isinstance(record, Prediction):
            what = "an event" if record is not None and record.kind == "event" else "nothing"
            self.notify(f"Only predictions can be marked ({what} is selected).", severity="warning",
                        markup=False)
            return
        if record.status.value == status:
            self.notify(f"{record.id} is already {status}.", severity="warning", markup=False)
            return
        self.push_screen(MarkDialog(record, status), callback=lambda req: self._save_mark(record, req))

    def _save_mark(self, record: Prediction, request: MarkRequest | None) -> None:
        if request is not None:
            self._write_mark(record.id, request)

    @work(thread=True, group="write")
    def _write_mark(self, record_id: str, request: MarkRequest) -> None:
        """Mark in a thread: on a large file a write takes a second; the screen stays live."""
        try:
            updated = actions.mark(self.store, record_id, request.status, note=request.note,
                                   evidence=request.evidence, known_on=request.known_on,
                                   expected=request.expected)
        except WRITE_ERRORS as exc:
            self.call_from_thread(self.notify, str(exc), title="Not marked", severity="error",
                                  markup=False, timeout=8)
            return
        self.call_from_thread(self._marked, updated)

    def _marked(self, updated: Prediction) -> None:
        entry = updated.history[-1]
        self.undo_stack.append((updated.id, Status(entry.from_status), Status(entry.to_status)))
        self.notify(f"{updated.id}: {entry.from_status} → {entry.to_status}", markup=False)
        self.load(keep_id=updated.id)

    # ---- settling a dispute (from the command palette) -------------------------
    def settle_dispute(self, record_id: str, field: str, value: object) -> None:
        """Settle a merge's dispute with one side's value, as `tracker settle` does."""
        if self._writable():
            self._write_settle(record_id, field, value)

    @work(thread=True, group="write")
    def _write_settle(self, record_id: str, field: str, value: object) -> None:
        from tracker.settle import settle

        try:
            settle(self.store, record_id, field, value)
        except WRITE_ERRORS as exc:
            self.call_from_thread(self.notify, str(exc), title="Not settled", severity="error",
                                  markup=False, timeout=8)
            return
        self.call_from_thread(self.notify, f"{record_id}: {field} settled as {value!r}", markup=False)
        self.call_from_thread(self.load, record_id)

    def action_undo(self) -> None:
        if not self._writable():
            return
        if not self.undo_stack:
            self.notify("No mark to undo in this session.", severity="warning", markup=False)
            return
        self._write_undo(*self.undo_stack[-1])

    @work(thread=True, group="write")
    def _write_undo(self, record_id: str, before: Status, after: Status) -> None:
        try:
            actions.undo_mark(self.store, record_id, expected=after, restore=before)
        except WRITE_ERRORS as exc:
            self.call_from_thread(self.notify, str(exc), title="Not undone", severity="error",
                                  markup=False, timeout=8)
            return
        self.call_from_thread(self._undone, record_id, before)

    def _undone(self, record_id: str, before: Status) -> None:
        if self.undo_stack and self.undo_stack[-1][0] == record_id:
            self.undo_stack.pop()
        self.notify(f"{record_id}: back to {before.value}", markup=False)
        self.load(keep_id=record_id)

    # ---- add and edit --------------------------------------------------------
    def _save_new(self, kind: str, values: dict[str, str]) -> Record:
        if kind == "event":
            return actions.add_event(self.store, date=values["date"], title=values["title"],
                                     summary=values["summary"], articles=values["articles"],
                                     tags=values["tags"])
        return actions.add_prediction(
            self.store, claim=values["claim"], resolve_by=values["resolve_by"],
            probability=values["probability"] or None, hedge=values["hedge"],
            made_on=values["made_on"] or None, author=values["author"], article=values["article"],
            event=values["event"], quote=values["quote"], tags=values["tags"],
            condition=values["condition"], horizon_note=values["horizon_note"])

    def action_add(self) -> None:
        if not self._writable():
            return
        selected = self._selected()
        article = getattr(selected, "article", "") or (getattr(selected, "articles", None) or [""])[0]
        self._open_form(RecordForm(self._guard(self._save_new), defaults={"article": article}))

    def action_edit(self) -> None:
        if not self._writable():
            return
        record = self._selected()
        if not is_editable(record):
            self.notify("Select a prediction or event to edit.", severity="warning", markup=False)
            return

        def save(kind: str, values: dict[str, str]) -> Record:
            if not values:
                raise ActionError("nothing changed")
            return actions.edit_record(self.store, record.id, values)[0]

        self._open_form(RecordForm(self._guard(save), record=record))

    def _guard(self, save):
        """Turn storage and OS errors into form errors the user can read."""

        def guarded(kind: str, values: dict[str, str]) -> Record:
            try:
                return save(kind, values)
            except (StoreError, OSError) as exc:
                raise ActionError(str(exc)) from None

        return guarded

    def _open_form(self, form: RecordForm) -> None:
        def saved(record_id: str | None) -> None:
            if record_id:
                self.notify(f"Saved {record_id}", markup=False)
                self.load(keep_id=record_id)

        self.push_screen(form, callback=saved)
