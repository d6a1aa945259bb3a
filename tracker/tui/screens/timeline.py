"""The timeline screen: every event and prediction in date order, the details pane, search,
filters, and the keys that mark, undo, add and edit (written through the session)."""

from __future__ import annotations

import contextlib
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import WorkerCancelled, get_current_worker

from tracker.domain.model import Database, Record
from tracker.domain.query import Counts
from tracker.domain.text import visible
from tracker.store.layout import StoreError
from tracker.tui.footer import Footer
from tracker.tui.header import header_text
from tracker.tui.details import DetailsPane, details_grid
from tracker.tui.form import RecordForm, is_editable
from tracker.tui.cells import RowCells, context_for
from tracker.tui.digest import Digest
from tracker.tui.rows import (
    STATUS_FILTERS, RowList, View, best_match, build_made_rows, build_rows, cursor_for, narrows, updated_rows,
    visible_rows,
)
from tracker.tui.session import DatabaseDigested, DatabaseLoaded, DatabaseUnreadable, LoadProgress, Session
from tracker.tui.timeline import Timeline

NARROW_COLUMNS = 110
FOOTER_PALETTE_COLUMNS = 100
SEARCH_DEBOUNCE_SECONDS = 0.12


class TimelineScreen(Screen[None]):
    """The main screen: what the reader scrolls, searches, filters and marks."""

    # The footer shows what matters most first (a narrow footer cuts from the right): help, search,
    # the marks, the other screens and quit fit in 80 columns; undo, add and edit follow at 120.
    # f k m t are in the help (?) and the palette (ctrl+p), not the footer.
    MARK = Binding.Group("Mark")
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", id="help"),
        Binding("slash", "search", "Find", id="search"),
        Binding("c", "mark('confirmed')", "Confirm", id="confirm", group=MARK),
        Binding("r", "mark('refuted')", "Refute", id="refute", group=MARK),
        Binding("p", "mark('pending')", "Pending", id="pending", group=MARK),
        Binding("v", "mark('void')", "Void", id="void", group=MARK),
        Binding("R", "app.review", "Review", id="review"),
        Binding("S", "app.scores", "Scores", id="scores"),
        Binding("I", "app.inbox", "Inbox", id="timeline-inbox"),
        Binding("q", "app.quit", "Quit", id="quit"),
        Binding("u", "undo", "Undo", id="undo"),
        Binding("a", "add", "Add", id="add"),
        Binding("e", "edit", "Edit", id="edit"),
        # The palette in the line, not docked at its right end (where it covered the last keys).
        Binding("ctrl+p", "palette", "Palette", id="palette", priority=True),
        Binding("f", "cycle_filter", "Filter", id="filter", show=False),
        Binding("k", "toggle_events", "Events", id="events", show=False),
        Binding("m", "toggle_made", "Made-on", id="made", show=False),
        Binding("t", "today", "Today", id="today", show=False),
        Binding("escape", "clear_search", "Clear search", show=False, id="clear-search"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.all_rows: RowList = ()
        self.made_rows: tuple[RowList, RowList] | None = None  # (the rows they were made from, made rows)
        self._built_from: Database | None = None  # the database all_rows were built from
        self.cells: RowCells | None = None  # what the rows of all_rows show
        self._shown_for: tuple[RowList, View] | None = None  # what the timeline's rows were filtered from
        self._progress = ""  # how far the first read has got
        self._footer_palette: bool | None = None  # whether the footer was last told to show the palette key
        self.view = View()
        self.counts: Counts | None = None  # None until the records are checked
        self.titles: dict[str, str] = {}
        self._search_timer = None

    @property
    def database(self) -> Database:
        return self.session.database

    # ---- layout ------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static("", id="counts", markup=False)
        yield Input(placeholder="search claim, quote, title, tags, article — Enter to go, Escape to clear",
                    id="search")
        with Horizontal(id="main"):
            yield Timeline(id="timeline")
            with VerticalScroll(id="details-pane"):
                yield DetailsPane(id="details")
        yield Footer(compact=True, show_command_palette=False)

    def on_resize(self, event) -> None:
        # Below ~110 columns the details go under the timeline instead of beside it.
        self.set_class(event.size.width < NARROW_COLUMNS, "-narrow")
        palette = event.size.width >= FOOTER_PALETTE_COLUMNS
        if palette != self._footer_palette:  # not on every resize: the footer composes all its keys again
            self._footer_palette = palette
            self.refresh_bindings()  # the footer's palette key comes and goes with the width
        self._update_counts()  # the counts drop their words in a narrow terminal

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Below FOOTER_PALETTE_COLUMNS the footer leaves out the palette key, so that the keys
        before it fit whole; ctrl+p still opens it (the app's own binding comes first)."""
        if action == "palette" and self.app.size.width < FOOTER_PALETTE_COLUMNS:
            return False
        return True

    def action_palette(self) -> None:
        self.app.action_command_palette()

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW_COLUMNS, "-narrow")
        self.query_one("#search", Input).display = False
        self.query_one(Timeline).focus()
        self.session.subscribe(self)
        if self.session.loaded:  # read before this screen was there to hear of it
            self.on_database_loaded(DatabaseLoaded(self.session.database, digest=self.session.digest))
        self._update_counts()

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    # ---- loading -----------------------------------------------------------
    def digest(self) -> Digest | None:
        """What filters, search and counts read of the rows' records; None while they are checked."""
        return self.session.digest if self.session.database is self._built_from else None

    def on_database_loaded(self, message: DatabaseLoaded) -> None:
        current = self.query_one(Timeline).current
        database, keep_id = message.database, message.keep_id or (current.record_id if current else None)
        view = replace(self.view)
        # After this app's own write, only the rows of what it changed are made again.
        base = None
        if message.changed is not None and message.previous is self._built_from and self.all_rows:
            base = (self.all_rows, message.changed)
        # run_worker, not @work: @work describes a worker by repr() of its arguments, which for a
        # Database means every record, on the event loop.
        self.run_worker(lambda: self._build(database, message.digest, keep_id, view, base), thread=True,
                        exclusive=True, group="rows", description="timeline rows")

    def _build(self, database: Database, digest: Digest | None, keep_id: str | None, view: View,
               base: tuple[RowList, tuple[Record, ...]] | None = None) -> None:
        """Rows for a freshly read database, built off the event loop (from ``base``: the rows
        shown and the records a write put, when only those changed). No record is decoded but
        the articles (for their titles); a view that filters waits for the digest."""
        today, worker = self.session.today, get_current_worker()
        all_rows = updated_rows(*base) if base is not None else build_rows(database)
        cells = RowCells(database, context_for(database, today))
        counts = digest.counts(today) if digest is not None else None
        made = build_made_rows(all_rows, digest) if view.show_made and digest is not None else None
        rows = None
        if digest is not None or view.is_default():
            rows = visible_rows(all_rows, view, digest, today, lambda: worker.is_cancelled, made)
        if worker.is_cancelled:
            return
        cursor = cursor_for(rows, keep_id) if rows is not None else None
        # Checked again on the event loop: a newer build may have started (and cancelled
        # this one) while this call waited its turn; its rows, not these, are the ones to show.
        self.app.call_from_thread(lambda: worker.is_cancelled or self._rows_built(
            database, all_rows, cells, counts, view, rows, keep_id, cursor, made))

    def _rows_built(self, database: Database, all_rows: RowList, cells: RowCells, counts: Counts | None,
                    view: View, rows: RowList | None, keep_id: str | None, cursor: int | None,
                    made: RowList | None) -> None:
        self._built_from, self.all_rows, self.cells = database, all_rows, cells
        self.session.rows_shown.set()  # the check of every record may start
        self.made_rows = (all_rows, made) if made is not None else None
        self.counts, self.titles = counts, cells.context.titles
        if rows is None or view != self.view:  # a filtering view before the check, or a view changed meanwhile
            if self.digest() is not None:
                self.refilter(keep_id)
            else:
                self._waiting_view()
            return
        self._show_rows(rows, keep_id, cursor, all_rows, view)
        if counts is None and self.digest() is not None:  # the check finished while the rows were built
            self.refilter(keep_id)

    def on_database_digested(self, message: DatabaseDigested) -> None:
        if message.database is not self._built_from:
            return  # the rows are still being built: they take the digest when they are
        self.on_timeline_highlighted(Timeline.Highlighted(self.query_one(Timeline).current))  # what links to it
        if self.view.is_default():  # the rows shown stay: only the counts come
            digest, today = message.digest, self.session.today
            self.run_worker(lambda: self._counted(digest.counts(today), message.database), thread=True,
                            group="counts", description="counts")
        else:
            self.refilter()  # a view that waited for the check

    def _counted(self, counts: Counts, database: Database) -> None:
        def show() -> None:
            if database is self._built_from:
                self.counts = counts
                self._update_counts()
        self.app.call_from_thread(show)

    def on_load_progress(self, message: LoadProgress) -> None:
        if self.digest() is None:  # a reload of a checked file keeps the counts of what is shown
            self._progress = f"{message.done:,} of {message.total:,}"
            if self.query("#counts"):  # not there before the screen is composed
                self._update_counts()

    def on_database_unreadable(self, message: DatabaseUnreadable) -> None:
        self._progress = ""
        if not self.session.loaded:  # nothing sound was read: the rows of the file that failed go
            self._built_from, self.all_rows, self.made_rows, self._shown_for = None, (), None, None
            self.query_one(Timeline).set_rows((), placeholder=visible(message.message))
        self._update_counts()

    # ---- filtering ---------------------------------------------------------
    def refilter(self, keep_id: str | None = None) -> None:
        """Show the rows of the current view (in a worker), the cursor staying on its record."""
        digest = self.digest()
        if self._built_from is None or (digest is None and not self.view.is_default()):
            # nothing read yet, or the records not checked yet: the view applies when they are
            self._waiting_view()
            return
        if keep_id is None:
            current = self.query_one(Timeline).current
            keep_id = current.record_id if current is not None else None
        view, shown = replace(self.view), self._shown_for
        # Typing more of a search narrows what is shown: look only among the rows shown now.
        narrower = shown is not None and shown[0] is self.all_rows and narrows(shown[1], view)
        among = self.query_one(Timeline).rows.raw if narrower else None
        # run_worker, not @work: @work describes a worker by repr() of its arguments (100k rows).
        self.run_worker(lambda: self._filter(view, digest, keep_id, among), thread=True, exclusive=True,
                        group="filter", description="filter")

    def _waiting_view(self) -> None:
        timeline = self.query_one(Timeline)
        # Rows of the view from the last read stay until the check of this one is done (a reload
        # after another program's write); on a first read the list says what it waits for.
        if self.session.loaded and not self.view.is_default() and not timeline.rows:
            timeline.set_rows((), placeholder="Checking every record: the search and filters apply once that is done…")
        self._update_counts()

    def _filter(self, view: View, digest: Digest | None, keep_id: str | None, among: RowList | None = None) -> None:
        worker, today = get_current_worker(), self.session.today
        all_rows, made = self.all_rows, self.made_rows
        counts = digest.counts(today) if digest is not None else None
        if among is not None:
            rows = visible_rows([r for r in among if r[2] != "today"], view, digest, today,
                                lambda: worker.is_cancelled)
            if rows is not None and not worker.is_cancelled:
                self.app.call_from_thread(self._show_rows, rows, keep_id, cursor_for(rows, keep_id), all_rows,
                                          view, counts)
            return
        if view.show_made and digest is not None and (made is None or made[0] is not all_rows):
            made = (all_rows, build_made_rows(all_rows, digest))
            self.made_rows = made
        rows = visible_rows(all_rows, view, digest, today, lambda: worker.is_cancelled,
                            made[1] if made and view.show_made else None)
        if rows is not None and not worker.is_cancelled:
            cursor = cursor_for(rows, keep_id)
            self.app.call_from_thread(self._show_rows, rows, keep_id, cursor, all_rows, view, counts)

    def _show_rows(self, rows: RowList, keep_id: str | None, cursor: int | None = None,
                   all_rows: RowList | None = None, view: View | None = None,
                   counts: Counts | None = None) -> None:
        if all_rows is not None and all_rows is not self.all_rows:
            return  # filtered from rows since replaced: a newer list is on its way
        if counts is not None:
            self.counts = counts
        timeline = self.query_one(Timeline)
        empty = ""
        if not len(self.database):
            # The path last: a long one is cut, the sentence is not.
            empty = ("No such file yet; press a to add a record and create it: "
                     f"{visible(str(self.session.store.path))}" if self.session.missing
                     else "No events or predictions yet: press a to add one.")
        timeline.set_rows(rows, self.cells, keep_id=keep_id, placeholder=empty, cursor=cursor)
        self._shown_for = (self.all_rows, view if view is not None else replace(self.view))
        self._update_counts()

    def _update_counts(self) -> None:
        rows = self.query_one(Timeline).rows
        shown = len(rows) - (1 if rows else 0)  # all but the today line
        counts = (self.counts or Counts(0, 0, 0, 0)) if self.digest() is not None else None
        text = header_text(self.session, counts, shown, self.view.describe(self.titles), self._progress,
                           self.app.size.width - 2)
        self.query_one("#counts", Static).update(visible(text))

    def on_timeline_highlighted(self, message: Timeline.Highlighted) -> None:
        row = message.row
        pane = self.query_one("#details", DetailsPane)
        if row is None or row.kind == "today":
            pane.show("" if row is None else row.text)
            return
        # What links to the record comes from the digest: looking at every prediction is a worker's
        # job at 100k, not a keypress's. Until the check is done, nothing is listed (it comes then).
        digest = self.digest()
        linked = digest.linked if digest is not None else (lambda field, record_id: [])
        try:
            record = row.record
            pane.show(details_grid(record, self.database, self.session.today, linked) if record is not None else "")
        except StoreError as exc:  # it, or its article or event, does not decode: the check says so too
            pane.show(visible(str(exc)))

    # ---- search ------------------------------------------------------------
    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.view.search = event.value
        # Filter once typing pauses, not on every key: keys stay instant on 100k rows.
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DEBOUNCE_SECONDS, self.refilter)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one(Timeline).focus()
        if self._search_timer is not None:  # typing has not paused yet: filter now
            self._search_timer.stop()
            self.refilter()
        self.call_after_refresh(self._go_first_match)

    async def _go_first_match(self) -> None:
        with contextlib.suppress(WorkerCancelled):
            await self.workers.wait_for_complete()
        timeline = self.query_one(Timeline)
        index = best_match(timeline.rows.raw, self.view.search, self.digest())
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

    # ---- writing (through the session) -------------------------------------
    def selected(self) -> Record | None:
        row = self.query_one(Timeline).current
        if row is None:
            return None
        try:
            return row.record
        except StoreError as exc:
            self.session.say(str(exc), title="Cannot read this record", severity="error")
            return None

    def action_mark(self, status: str) -> None:
        self.session.ask_mark(self.selected(), status)

    def action_undo(self) -> None:
        self.session.undo()

    def action_add(self) -> None:
        if not self.session.writable():
            return
        selected = self.selected()
        article = getattr(selected, "article", "") or (getattr(selected, "articles", None) or [""])[0]
        self.app.push_screen(RecordForm(self.session.save_new, defaults={"article": article}),
                             callback=self.session.saved)

    def action_edit(self) -> None:
        if not self.session.writable():
            return
        record = self.selected()
        if not is_editable(record):
            self.notify("Select a prediction or event to edit.", severity="warning", markup=False)
            return
        self.app.push_screen(RecordForm(self.session.edit_saver(record), record=record),
                             callback=self.session.saved)
