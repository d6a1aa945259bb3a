"""The tracker TUI: a timeline of events and predictions, details, filters, marking by keys.

Every change goes through :mod:`tracker.actions`, the same functions as the CLI,
so locking, validation and history are the same. Loading and filtering run in
worker threads so the screen never freezes on a large file.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Input, Static
from textual.worker import WorkerCancelled, get_current_worker

from tracker.model import Database, Status
from tracker.query import status_counts
from tracker.storage import Store, StoreError
from tracker.tui.changes import ChangeActions
from tracker.tui.commands import TrackerCommands
from tracker.tui.details import details_grid
from tracker.tui.dialogs import HelpScreen
from tracker.tui.rows import (
    STATUS_FILTERS, Row, View, best_match, build_made_rows, build_rows, visible_rows,
)
from tracker.tui.timeline import Timeline

WATCH_SECONDS = 1.0
NARROW_COLUMNS = 110
SEARCH_DEBOUNCE_SECONDS = 0.12


class TrackerApp(ChangeActions, App[None]):
    """Open one predictions file."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere find it too
    TITLE = "tracker"
    COMMANDS = App.COMMANDS | {TrackerCommands}
    BINDINGS = [
        # Help first: a narrow footer cuts the list from the right, and ? explains the rest.
        Binding("question_mark", "help", "Help", id="help"),
        Binding("slash", "search", "Search", id="search"),
        Binding("c", "mark('confirmed')", "Confirm", id="confirm"),
        Binding("r", "mark('refuted')", "Refute", id="refute"),
        Binding("p", "mark('pending')", "Pending", id="pending"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("a", "add", "Add", id="add"),
        Binding("e", "edit", "Edit", id="edit"),
        Binding("f", "cycle_filter", "Filter", id="filter"),
        Binding("k", "toggle_events", "Events", id="events"),
        Binding("m", "toggle_made", "Made-on", id="made"),
        Binding("t", "today", "Today", id="today"),
        Binding("I", "inbox", "Inbox", id="inbox", show=False),  # in help and the palette
        Binding("q", "quit", "Quit", id="quit"),
        Binding("escape", "clear_search", "Clear search", show=False),
    ]

    def __init__(self, path: Path | str, today: _dt.date | None = None) -> None:
        super().__init__()
        self.store = Store(path)
        self.fixed_today = today
        self.database = Database()
        self.all_rows: list[Row] = []
        self.made_rows: list[Row] | None = None
        self.view = View()
        self.undo_stack: list[tuple[str, Status, Status]] = []
        self.signature = None
        self.loaded = False
        self.readable = True
        self.had_file = False
        self._search_timer = None

    @property
    def today(self) -> _dt.date:
        return self.fixed_today or _dt.date.today()

    # ---- layout ------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static("", id="counts", markup=False)
        yield Input(placeholder="search claim, quote, title, tags, article — Enter to go, Escape to clear",
                    id="search")
        with Horizontal(id="main"):
            yield Timeline(id="timeline")
            with VerticalScroll(id="details-pane"):
                yield Static("", id="details", markup=False)
        yield Footer(compact=True)

    def on_resize(self, event) -> None:
        # Below ~110 columns the details go under the timeline instead of beside it.
        self.set_class(event.size.width < NARROW_COLUMNS, "-narrow")

    def on_mount(self) -> None:
        self.set_class(self.size.width < NARROW_COLUMNS, "-narrow")
        self.sub_title = str(self.store.path)
        self.query_one("#search", Input).display = False
        self.query_one(Timeline).focus()
        self._update_counts()
        # Read the file after the first paint: parsing a large file holds the GIL for a while.
        self.call_after_refresh(self.load)
        self.set_interval(WATCH_SECONDS, self.check_file)

    # ---- loading -----------------------------------------------------------
    @work(thread=True, exclusive=True, group="load")
    def load(self, keep_id: str | None = None) -> None:
        """Read the file in a thread; the screen keeps what it shows if the file is unreadable."""
        signature = self.store.signature()
        try:
            if self.store.exists():
                database = self.store.load()
            elif self.loaded and self.had_file:
                raise StoreError(f"{self.store.path}: the file is gone (moved or deleted)")
            else:
                database = Database()  # a new database: the first add creates the file
        except StoreError as exc:
            self.call_from_thread(self._unreadable, str(exc), signature)
            return
        rows = build_rows(database, self.today)
        if get_current_worker().is_cancelled:
            return
        self.call_from_thread(self._loaded, database, rows, signature, keep_id)

    def _unreadable(self, message: str, signature) -> None:
        self.signature = signature
        if self.readable or not self.loaded:
            self.notify(f"{message}. Showing what was last read; nothing will be written.",
                        title="Cannot read the database", severity="error", markup=False, timeout=10)
        self.readable = False
        self._update_counts()
        if not self.loaded:
            self.query_one(Timeline).set_rows([], placeholder=message)

    def _writable(self) -> bool:
        """Writes are refused while the file cannot be read: it may be gone or mid-repair."""
        if not self.readable:
            self.notify("The database cannot be read, so nothing is written (see the top line).",
                        severity="error", markup=False)
        return self.readable

    def _loaded(self, database: Database, rows: list[Row], signature, keep_id: str | None) -> None:
        if not self.readable:
            self.notify("The database is readable again.", markup=False)
        self.readable = True
        self.had_file = signature is not None
        self.database, self.all_rows, self.signature = database, rows, signature
        self.made_rows = None
        current = self.query_one(Timeline).current
        self.loaded = True
        self.refilter(keep_id or (current.record_id if current else None))
        self._update_counts()

    def check_file(self) -> None:
        """Reload when another process changed the file (unless a load is already running)."""
        if any(w.group == "load" and not w.is_finished for w in self.workers):
            return
        if self.store.signature() != self.signature:
            self.load()

    # ---- filtering ---------------------------------------------------------
    def refilter(self, keep_id: str | None = None) -> None:
        self._filter(self.view, keep_id)

    @work(thread=True, exclusive=True, group="filter")
    def _filter(self, view: View, keep_id: str | None) -> None:
        worker = get_current_worker()
        if view.show_made and self.made_rows is None:
            self.made_rows = build_made_rows(self.all_rows)
        rows = visible_rows(self.all_rows, view, self.database, self.today, lambda: worker.is_cancelled,
                            self.made_rows)
        if rows is not None and not worker.is_cancelled:
            self.call_from_thread(self._show_rows, rows, keep_id)

    def _show_rows(self, rows: list[Row], keep_id: str | None) -> None:
        timeline = self.query_one(Timeline)
        if keep_id is None and timeline.current is not None:
            keep_id = timeline.current.record_id
        empty = "No events or predictions yet: press a to add one." if not self.database.records() else ""
        timeline.set_rows(rows, keep_id=keep_id, placeholder=empty)
        self._update_counts()

    def _update_counts(self) -> None:
        c = status_counts(self.database.predictions.values(), self.today)
        shown = sum(1 for r in self.query_one(Timeline).rows if r.kind != "today")
        titles = {a.id: a.title for a in self.database.articles.values()}
        text = (f"… pending {c.pending}  ✓ confirmed {c.confirmed}  ✗ refuted {c.refuted}  "
                f"! overdue {c.overdue}  │ {shown} shown · {self.view.describe(titles)}")
        if not self.readable:
            text = f"⚠ cannot read {self.store.path.name}: showing the last good read, writing nothing │ {text}"
        elif not self.loaded:
            text = "Loading…"
        self.query_one("#counts", Static).update(text)

    def on_timeline_highlighted(self, message: Timeline.Highlighted) -> None:
        row = message.row
        pane = self.query_one("#details", Static)
        if row is None or row.record is None:
            pane.update("" if row is None else row.text)
            return
        pane.update(details_grid(row.record, self.database, self.today))

    # ---- search ------------------------------------------------------------
    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self.view.search = event.value
            # Filter once typing pauses, not on every key: keys stay instant on 100k rows.
            if self._search_timer is not None:
                self._search_timer.stop()
            self._search_timer = self.set_timer(SEARCH_DEBOUNCE_SECONDS, self.refilter)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        timeline = self.query_one(Timeline)
        timeline.focus()
        if self._search_timer is not None:  # typing has not paused yet: filter now
            self._search_timer.stop()
            self.refilter()
        self.call_after_refresh(self._go_first_match)

    async def _go_first_match(self) -> None:
        with contextlib.suppress(WorkerCancelled):
            await self.workers.wait_for_complete()
        timeline = self.query_one(Timeline)
        index = best_match(timeline.rows, self.view.search)
        if index is not None:
            timeline.move_to(index)

    def action_clear_search(self) -> None:
        """Escape: clear the search; pressed again (or with no search), clear the palette's filters."""
        search = self.query_one("#search", Input)
        if search.value or search.display:
            search.value = ""
            search.display = False
            self.view.search = ""
        elif self.view.article or self.view.author or self.view.tag:
            self.view.article = self.view.author = self.view.tag = ""
        else:
            return
        self.refilter()
        self.query_one(Timeline).focus()

    # ---- filters -----------------------------------------------------------
    def action_cycle_filter(self) -> None:
        i = STATUS_FILTERS.index(self.view.status)
        self.view.status = STATUS_FILTERS[(i + 1) % len(STATUS_FILTERS)]
        self.notify(f"Showing {self.view.status}", markup=False, timeout=2)
        self.refilter()

    def action_toggle_events(self) -> None:
        self.view.show_events = not self.view.show_events
        self.notify("Events shown" if self.view.show_events else "Events hidden", markup=False, timeout=2)
        self.refilter()

    def action_toggle_made(self) -> None:
        self.view.show_made = not self.view.show_made
        self.refilter()

    def set_filter(self, name: str, value: str) -> None:
        setattr(self.view, name, value)
        self.refilter()

    def action_clear_filters(self) -> None:
        self.view = View(search=self.view.search)
        self.refilter()

    def action_today(self) -> None:
        timeline = self.query_one(Timeline)
        timeline.move_to(timeline.today_index())
        timeline.scroll_to_cursor(center=True)

    def jump_to(self, record_id: str) -> None:
        """Show a record, clearing filters that hide it."""
        timeline = self.query_one(Timeline)
        index = timeline.index_of(record_id)
        if index is not None:
            timeline.move_to(index)
            timeline.scroll_to_cursor(center=True)
            return
        self.view = View()
        self.query_one("#search", Input).value = ""
        self.refilter(keep_id=record_id)

    def action_show_timeline(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.query_one(Timeline).focus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_inbox(self) -> None:
        """Open the proposals from `tracker ingest`; the timeline reloads when it closes."""
        from tracker.tui.inbox import InboxScreen

        self.push_screen(InboxScreen(self.store), lambda _: self.load())


def run(path: Path) -> int:
    app = TrackerApp(path)
    app.run()
    return app.return_code or 0  # non-zero when the app stopped on an error
