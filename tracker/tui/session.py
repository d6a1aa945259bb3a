"""What every screen shares: the store, the loaded database, the file watcher and the write path.

A read comes in two steps, both in one thread worker. First the file is parsed and its records
are put on shelves (:mod:`tracker.store.shelf`: each record kept as its bytes, decoded when a
screen asks for it), and the screens are told (:class:`DatabaseLoaded`): the timeline's rows come
from the shelves' dates alone. Then every record is decoded once, which is the read's check of
the file, and what filters, search and counts read of each is kept as plain data
(:class:`tracker.tui.rows.Digest`), and the screens are told again (:class:`DatabaseDigested`).
No decoded record is held between screens: the cyclic collector has nothing of the file's to
walk, so it never stops the screen for long, whatever the file's size.

One :class:`Session` per app. Screens subscribe to it and receive messages
(:class:`DatabaseLoaded`, :class:`RecordWritten`) instead of calling back into the
app. Every read and write runs in a thread worker, through :mod:`tracker.actions.records`
(the functions the CLI calls), so locking, validation and history cannot differ and
the screen never waits on the file.
"""

from __future__ import annotations

import datetime as _dt
import os
import threading
from pathlib import Path

from textual.app import App
from textual.dom import DOMNode
from textual.message import Message
from textual.worker import get_current_worker

from tracker.domain.model import Database, Record
from tracker.domain.text import visible
from tracker.store.layout import StoreError
from tracker.store.store import Store
from tracker.tui.digest import Digest, check_and_digest
from tracker.tui.writes import UndoItem, Writes

WATCH_SECONDS = 1.0
ROWS_FIRST_SECONDS = 2.0  # how long the check of every record waits for the rows to be shown
Signature = tuple[int, int, int, int]


# Messages go to each subscriber and stop there (bubble=False): a screen's copy must not
# reach the app, which subscribes too.
class DatabaseLoaded(Message, bubble=False):
    """The file was read (again): every screen shows this database now."""

    def __init__(self, database: Database, keep_id: str | None = None,
                 changed: tuple[Record, ...] | None = None, previous: Database | None = None,
                 digest: Digest | None = None) -> None:
        super().__init__()
        self.database = database
        # What filters, search and counts read; None until every record is checked
        # (DatabaseDigested brings it).
        self.digest = digest
        self.keep_id = keep_id  # the record a write just changed: keep the cursor on it
        # After this app's own write: ``database`` is ``previous`` with ``changed`` put in, so a
        # screen that shows ``previous`` need only redo what shows those records.
        self.changed = changed
        self.previous = previous


class DatabaseDigested(Message, bubble=False):
    """Every record of ``database`` (the one last loaded) was decoded and found sound: what the
    filters, the search and the counts read of each."""

    def __init__(self, database: Database, digest: Digest) -> None:
        super().__init__()
        self.database = database
        self.digest = digest


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


class Session(Writes):
    """The database file as every screen of one app sees and changes it."""

    def __init__(self, app: App, path: Path | str, today: _dt.date | None = None) -> None:
        self.app = app
        self.store = Store(path, beside_screen=True)
        self.fixed_today = today
        self.database = Database()
        self.digest: Digest | None = Digest()  # None while the database's records are being checked
        self._checked: tuple[Database, Digest, Signature | None] | None = None  # the last read that was sound
        self.signature: Signature | None = None
        self.loaded = False
        self.readable = True
        self.had_file = False
        self.missing = False  # no file at the path yet (a new database, or a mistyped --db)
        self.undo_stack: list[UndoItem] = []
        self.rows_shown = threading.Event()  # set by the timeline when the rows of a read are built
        self._listeners: list[DOMNode] = []
        self._load_started = False

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
        """Read the file after the first paint (the screens show their progress meanwhile), then
        watch it for changes by other processes."""
        self.app.set_interval(WATCH_SECONDS, self.check_file)
        self.app.call_after_refresh(self.load)

    def load(self, keep_id: str | None = None) -> None:
        """Read the file in a thread worker; listeners get DatabaseLoaded or DatabaseUnreadable."""
        self._load_started = True
        self.app.run_worker(lambda: self._load(keep_id), thread=True, exclusive=True, group="load", name="load")

    def _load(self, keep_id: str | None) -> None:
        signature, worker = self.store.signature(), get_current_worker()
        # Checking the records reports its progress (thread-safe posts).
        self.store.tick = lambda done, total: self._post(LoadProgress, done, total)
        try:
            if self.store.exists() or os.path.lexists(self.store.path):  # a symlink loop: said as such
                # The collector is paused over the parse (see Store.reading), and the parsed file
                # is let go (a few records at a time) before it comes back: what is kept is
                # bytes, which it never walks.
                database = self.store.shelve()
                if worker.is_cancelled:
                    return
                self.rows_shown.clear()
                self.app.call_from_thread(self._loaded, database, signature, keep_id)
                # The check waits for the rows to be on screen (a few tenths of a second), so the
                # two do not share the interpreter and the rows come first.
                self.rows_shown.wait(ROWS_FIRST_SECONDS)
                digest = check_and_digest(database, self.store.path, self.today, self.store.tick,
                                          lambda: worker.is_cancelled)
                if digest is None:
                    return
            elif self.loaded and self.had_file:
                raise StoreError(f"{self.store.path}: the file is gone (moved or deleted)")
            else:
                database, digest = Database(), Digest()  # a new database: the first add creates the file
                self.app.call_from_thread(self._loaded, database, signature, keep_id)
        except StoreError as exc:
            self.app.call_from_thread(self._unreadable, str(exc), signature)
            return
        except OSError as exc:  # the folder made unsearchable (Path.exists raises EACCES): said, not a crash
            self.app.call_from_thread(self._unreadable, f"{self.store.path}: cannot read: {exc.strerror or exc}",
                                      signature)
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self._digested, database, digest, signature)

    def _unreadable(self, message: str, signature: Signature | None) -> None:
        self.signature = signature
        if self.digest is None:  # the rows of a file that failed its check: back to the last sound read
            if self._checked is not None:
                self.database, self.digest, _ = self._checked
                self._post(DatabaseLoaded, self.database, None, None, None, self.digest)
            else:
                self.database, self.digest, self.loaded = Database(), Digest(), False
        if self.readable or not self.loaded:
            shown = "Showing what was last read" if self.loaded else "Nothing could be read"
            self.say(f"{message}. {shown}; nothing will be written.",
                     title="Cannot read the database", severity="error", timeout=10)
        self.readable = False
        self._post(DatabaseUnreadable, message)

    def _loaded(self, database: Database, signature: Signature | None, keep_id: str | None,
                changed: tuple[Record, ...] | None = None, digest: Digest | None = None) -> None:
        if not self.readable and digest is not None:
            self.say("The database is readable again.")
        self.readable = self.readable or digest is not None
        self.had_file = signature is not None
        self.missing = signature is None
        previous, self.database, self.signature, self.digest = self.database, database, signature, digest
        if digest is not None:
            self._checked = (database, digest, signature)
        self.loaded = True
        self._post(DatabaseLoaded, database, keep_id, changed, previous if changed is not None else None, digest)

    def _digested(self, database: Database, digest: Digest, signature: Signature | None) -> None:
        if database is not self.database:
            return  # a newer read or write replaced it
        if not self.readable:
            self.say("The database is readable again.")
        self.readable = True
        self.digest = digest
        self._checked = (database, digest, signature)
        self._post(DatabaseDigested, database, digest)

    def after_write(self, keep_id: str | None = None) -> None:
        """After this app wrote: when the file its write read was the one last read here (no other
        program wrote in between), the records it put go into the records already held, and the
        file is not read again (at 100k predictions a read is a second of work); otherwise the
        file is read again."""
        written = self.store.last_write
        if (written is not None and written.records is not None and written.read is not None
                and written.wrote is not None and self.loaded and self.readable and self.digest is not None
                and written.read == self.signature
                # an article's title is in the rows and the search text of its records: all read again
                and not any(r.kind == "article" for r in written.records)):
            database = self.database.with_records(written.records)
            self._loaded(database, written.wrote, keep_id, written.records,
                         self.digest.with_records(written.records, database))
        else:
            self.load(keep_id)

    def check_file(self) -> None:
        """Reload when another process changed the file (unless a load is already running)."""
        # Not while this app reads, or writes (its own write is seen to by after_write).
        if not self._load_started or any(w.group in ("load", "write") and not w.is_finished for w in self.app.workers):
            return
        if self.store.signature() != self.signature:
            self.load()

    def writable(self) -> bool:
        """Writes are refused while the file cannot be read (it may be gone or mid-repair), and
        until it has been read once."""
        if not self.readable:
            self.say("The database cannot be read, so nothing is written (see the top line).",
                     severity="error")
        elif not self.loaded:
            self.say("Still reading the database: marks, edits and adds wait until it is read "
                     "(the top line says how far it has got).", severity="warning")
            return False
        return self.readable
