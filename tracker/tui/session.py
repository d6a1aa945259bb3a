"""What every screen shares: the store, the loaded database, the file watcher and the write path.

One :class:`Session` per app. Screens subscribe to it and receive messages
(:class:`DatabaseLoaded`, :class:`RecordWritten`) instead of calling back into the
app. Every read and write runs in a thread worker, through :mod:`tracker.actions`
(the functions the CLI calls), so locking, validation and history cannot differ and
the screen never waits on the file.
"""

from __future__ import annotations

import datetime as _dt
import gc
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.worker import get_current_worker

from tracker import actions
from tracker.actions import ActionError
from tracker.fields import FieldError
from tracker.model import Database, HistoryEntry, Prediction, Record, Status
from tracker.storage import Signature, Store, StoreError
from tracker.text import visible
from tracker.tui.dialogs import MarkDialog, MarkRequest

WATCH_SECONDS = 1.0
WRITE_ERRORS = (ActionError, FieldError, StoreError, OSError)


# Messages go to each subscriber and stop there (bubble=False): a screen's copy must not
# reach the app, which subscribes too.
class DatabaseLoaded(Message, bubble=False):
    """The file was read (again): every screen shows this database now."""

    def __init__(self, database: Database, keep_id: str | None = None) -> None:
        super().__init__()
        self.database = database
        self.keep_id = keep_id  # the record a write just changed: keep the cursor on it


class DatabaseUnreadable(Message, bubble=False):
    """The file cannot be read: screens keep what they show, and nothing is written."""

    def __init__(self, message: str) -> None:
        super().__init__()
        self.message = message


class LoadProgress(Message, bubble=False):
    """How far reading a large file has got: ``done`` of ``total`` records decoded."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


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


class Session:
    """The database file as every screen of one app sees and changes it."""

    def __init__(self, app: App, path: Path | str, today: _dt.date | None = None) -> None:
        self.app = app
        self.store = Store(path)
        self.fixed_today = today
        self.database = Database()
        self.signature: Signature | None = None
        self.loaded = False
        self.readable = True
        self.had_file = False
        self.missing = False  # no file at the path yet (a new database, or a mistyped --db)
        self.undo_stack: list[UndoItem] = []
        self._listeners: list[DOMNode] = []

    @property
    def today(self) -> _dt.date:
        return self.fixed_today or _dt.date.today()

    # ---- messages ------------------------------------------------------------
    def subscribe(self, node: DOMNode) -> None:
        """Send this node every DatabaseLoaded, DatabaseUnreadable and RecordWritten."""
        if node not in self._listeners:
            self._listeners.append(node)

    def unsubscribe(self, node: DOMNode) -> None:
        if node in self._listeners:
            self._listeners.remove(node)

    def _post(self, message_type, *args) -> None:
        # post_message is thread-safe; each listener gets its own message instance.
        for node in list(self._listeners):
            node.post_message(message_type(*args))

    def say(self, message: str, *, title: str = "", severity: str = "information",
            timeout: float | None = None) -> None:
        """A notification with article text shown as data (no markup, no control characters)."""
        kwargs = {"timeout": timeout} if timeout is not None else {}
        self.app.notify(visible(message), title=visible(title), severity=severity, markup=False, **kwargs)

    def _say_from_thread(self, message: str, **kwargs) -> None:
        self.app.call_from_thread(self.say, message, **kwargs)

    # ---- loading -------------------------------------------------------------
    def start(self) -> None:
        """Read the file after the first paint, then watch it for changes by other processes."""
        self.app.call_after_refresh(self.load)
        self.app.set_interval(WATCH_SECONDS, self.check_file)

    def load(self, keep_id: str | None = None) -> None:
        """Read the file in a thread worker; listeners get DatabaseLoaded or DatabaseUnreadable."""
        self.app.run_worker(lambda: self._load(keep_id), thread=True, exclusive=True, group="load",
                            name="load")

    def _load(self, keep_id: str | None) -> None:
        signature = self.store.signature()
        # Decoding reports its progress (thread-safe posts); a file already decoded by this
        # process (our own write) reports nothing, as it costs nothing.
        self.store.tick = lambda done, total: self._post(LoadProgress, done, total)
        try:
            if self.store.exists():
                database = self.store.load()
            elif self.loaded and self.had_file:
                raise StoreError(f"{self.store.path}: the file is gone (moved or deleted)")
            else:
                database = Database()  # a new database: the first add creates the file
        except StoreError as exc:
            self.app.call_from_thread(self._unreadable, str(exc), signature)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._loaded, database, signature, keep_id)

    def _unreadable(self, message: str, signature: Signature | None) -> None:
        self.signature = signature
        if self.readable or not self.loaded:
            shown = "Showing what was last read" if self.loaded else "Nothing could be read"
            self.say(f"{message}. {shown}; nothing will be written.",
                     title="Cannot read the database", severity="error", timeout=10)
        self.readable = False
        self._post(DatabaseUnreadable, message)

    def _loaded(self, database: Database, signature: Signature | None, keep_id: str | None) -> None:
        if not self.readable:
            self.say("The database is readable again.")
        self.readable = True
        self.had_file = signature is not None
        self.missing = signature is None
        self.database, self.signature = database, signature
        self.loaded = True
        # The records live as long as this read: keep the cyclic collector from walking them
        # again and again (at 100k records each full collection held the GIL for a second or
        # more, freezing the screen). Refcounting still frees them after the next reload.
        gc.freeze()
        self._post(DatabaseLoaded, database, keep_id)

    def check_file(self) -> None:
        """Reload when another process changed the file (unless a load is already running)."""
        if any(w.group == "load" and not w.is_finished for w in self.app.workers):
            return
        if self.store.signature() != self.signature:
            self.load()

    def writable(self) -> bool:
        """Writes are refused while the file cannot be read: it may be gone or mid-repair."""
        if not self.readable:
            self.say("The database cannot be read, so nothing is written (see the top line).",
                     severity="error")
        return self.readable

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
