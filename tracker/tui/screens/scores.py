"""The scores screen (S): the forecaster table, the calibration chart and the Brier trend.

Scores come from :mod:`tracker.scoring.scores` (the same figures as `tracker score`), computed in
a worker. Moving through the table shows that forecaster's chart and trend; with nothing
resolved the screen says so in words instead of drawing an empty chart.
"""

from __future__ import annotations

import asyncio

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tracker.domain.model import Database
from tracker.scoring.score_format import honesty_lines, interval, nothing_resolved, num, pct
from tracker.scoring.scores import score, score_groups
from tracker.domain.text import visible
from tracker.store.shelf import decoded, let_go
from tracker.store.storage import collector_paused
from tracker.tui.footer import Footer
from tracker.tui.bounds import one_line
from tracker.tui.chart import HEIGHTS, calibration_chart, chart_lines, trend_bars
from tracker.tui.session import DatabaseDigested, DatabaseLoaded, Session
from tracker.tui.workers import releasing

ALL = "all forecasters"
COLUMNS = ("forecaster", "n", "resolved", "hit rate (95% CI)", "Brier (95% CI)", "hedge range",
           "void", "at 50%")
# Below WIDE_COLUMNS the table keeps the first five columns (the Brier score among them) and a
# narrower name; the other figures go under the table, in the selected row's details.
WIDE_COLUMNS = 116
NARROW_KEEP = 5
NAME_WIDTH = {True: 28, False: 18}  # the forecaster column, wide and narrow
TALL_ROWS = 30  # a screen this tall shows up to 11 forecasters; a shorter one, 4 (the table scrolls)
TALL_TABLE, SHORT_TABLE = 12, 5  # the table's max-height in app.tcss, on a tall screen and a short one
ROWS_AT_ONCE = 40
CHART_WIDTH = 62  # the chart's cells, its axis labels and "100%" at the right end


def table_row(result: dict, wide: bool = True) -> list[Text]:
    """One row of the forecaster table, every cell as Text (names are data, never markup)."""
    hit = f"{pct(result['hit_rate'])} ({interval(result['hit_rate_ci95'], pct)})" \
        if result["hit_rate"] is not None else "—"
    brier = num(result["brier"])
    if result["brier_ci95"]:
        brier += f" ({interval(result['brier_ci95'])})"
    cells = [one_line(result["group"], NAME_WIDTH[wide]), str(result["n"]), str(result["resolved"]), hit, brier,
             interval(result["brier_hedge_range"]), str(result["void"]), pct(result["even_share"])]
    if not wide:
        cells = cells[:NARROW_KEEP]
    return [Text(c, justify="right" if 0 < i < len(cells) and i != 3 and i != 4 else "left")
            for i, c in enumerate(cells)]


def chart_height(screen_height: int, table_lines: int) -> int:
    """The tallest chart whose plot, axis and counts fit on the screen under the title, the table,
    the forecaster's name and the chart's heading, above the footer (the smallest when none does:
    it scrolls whole)."""
    room = screen_height - 2 - table_lines - 2
    return next((h for h in HEIGHTS if chart_lines(h) <= room), HEIGHTS[-1])


class ScoresScreen(Screen[None]):
    """How good each forecaster's calls were, with the intervals that say how sure we can be."""

    BINDINGS = [
        Binding("question_mark", "app.help", "Help", id="scores-help"),
        Binding("m", "toggle_matured", "Matured only", id="scores-matured"),
        Binding("escape,q", "close", "Back", id="scores-back"),
        Binding("ctrl+p", "app.command_palette", "Palette", id="scores-palette", priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.matured = False
        self.results: list[dict] | None = None  # None until computed; the first is all forecasters
        self._shown = 0  # how many times scores arrived: a newer arrival stops an older one's rows
        self._started = 0  # how many times scores were started: only the last one's are shown
        self.wide = True  # all the columns (set from the width on mount and on resize)

    def compose(self) -> ComposeResult:
        yield Static("Scores — computing…", id="scores-title", markup=False)
        with VerticalScroll(id="scores-body"):
            yield DataTable(id="scores-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="scores-detail", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        self.wide = self.app.size.width >= WIDE_COLUMNS
        self.set_class(self.app.size.height < TALL_ROWS, "-short")
        table.add_columns(*self._columns())
        table.focus()  # so ↑↓ choose a forecaster at once, rather than scroll the page
        self.session.subscribe(self)
        if self.session.loaded and self.session.digest is not None:
            self._compute(self.session.database, self.matured)
        else:  # opened while the file is still being read or checked: the scores wait for it
            self.query_one("#scores-title", Static).update("Scores — reading the database first…")

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    def _columns(self) -> tuple[str, ...]:
        return COLUMNS if self.wide else COLUMNS[:NARROW_KEEP]

    def on_resize(self, event) -> None:
        self.set_class(event.size.height < TALL_ROWS, "-short")
        wide = event.size.width >= WIDE_COLUMNS
        if wide != self.wide:
            self.wide = wide
            table = self.query_one(DataTable)
            table.clear(columns=True)
            table.add_columns(*self._columns())
            if self.results is not None:
                self.run_worker(self._show(self.results), group="scores-redraw", exclusive=True)
        elif self.results:
            self._detail(self.results[min(self.query_one(DataTable).cursor_row, len(self.results) - 1)])

    def on_database_loaded(self, message: DatabaseLoaded) -> None:
        if message.digest is not None:  # a read not checked yet is scored once it is (DatabaseDigested)
            self._compute(message.database, self.matured)

    def on_database_digested(self, message: DatabaseDigested) -> None:
        self._compute(message.database, self.matured)

    def _compute(self, database: Database, matured: bool) -> None:
        # run_worker, not @work: @work describes a worker by repr() of its arguments, which for a
        # Database means every record, on the event loop.
        self._started += 1
        started = self._started
        self.run_worker(releasing(lambda: self._score(database, matured, started)), thread=True, exclusive=True, group="scores",
                        description="scores")

    def _score(self, database: Database, matured: bool, started: int) -> None:
        """Every score, off the event loop (bootstrap intervals take a while on a long record)."""
        today = self.session.today

        def results() -> list[dict]:
            # Every record decoded once, scored, and let go before the collector comes back.
            with collector_paused():
                every = decoded(database)  # checked: the session's read decoded each record once
                try:
                    overall = {"group": ALL, **score(every.predictions.values(), today, matured)}
                    return [overall, *score_groups(every, "forecaster", today, matured)]
                finally:
                    if every is not database:
                        let_go(every)

        scored = results()
        # A thread worker cannot be stopped: scores of an older read (or of the other view) that
        # arrive after newer ones were started are not shown; the newer ones follow.
        self.app.call_from_thread(lambda: self._show(scored) if started == self._started else None)

    async def _show(self, results: list[dict]) -> None:
        self.results = results
        self._shown += 1
        shown = self._shown
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        # A few rows at a time, letting the screen draw between: the table measures every cell
        # of the rows added since it last drew (about 0.1 ms a row), and there is a row per
        # forecaster, however many that is.
        for start in range(0, len(results), ROWS_AT_ONCE):
            if start:
                await asyncio.sleep(0)
                if shown != self._shown or not self.is_attached:
                    return  # newer scores arrived (or the screen closed): they are drawn instead
            for i in range(start, min(start + ROWS_AT_ONCE, len(results))):
                table.add_row(*table_row(results[i], self.wide), key=str(i))
        if results:
            table.move_cursor(row=min(keep, len(results) - 1))
        matured = " · matured only (deadline passed)" if self.matured else ""
        count = len(results) - 1
        self.query_one("#scores-title", Static).update(
            f"Scores — {count} forecaster{'' if count == 1 else 's'}{matured} · ↑↓ choose · "
            "m matured only · Escape back")
        self._detail(results[min(keep, len(results) - 1)] if results else None)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.results and event.cursor_row < len(self.results):
            self._detail(self.results[event.cursor_row])

    def _detail(self, result: dict | None) -> None:
        """The selected row's chart first (sized so its plot, axis and counts are on screen together),
        then what to know before trusting the figures and the Brier trend: beside the chart when
        the screen is wide, under it when not."""
        pane = self.query_one("#scores-detail", Static)
        if result is None:
            pane.update("")
            return
        name = visible(result["group"])
        notes = honesty_lines(result)
        if not self.wide:  # the columns the narrow table left out
            notes.append(f"Brier range within the hedge bands: {interval(result['brier_hedge_range'])}; "
                         f"void: {result['void']}; calls at exactly 50%: {pct(result['even_share'])}.")
        head = Text(name, style="bold")  # which row the chart and notes are of, first
        about = [Text(visible("\n".join(notes), keep_newlines=True))]
        sentence = nothing_resolved(result)
        if sentence is not None:
            pane.update(Group(head, *about, Text(""), Text(sentence, style="bold")))
            return
        screen_height = self.size.height or self.app.size.height
        # The table's lines from what it holds (its own size lags until it is laid out): a header and a
        # line a forecaster, up to its max-height in app.tcss.
        table_lines = min(1 + len(self.results or ()), SHORT_TABLE if screen_height < TALL_ROWS else TALL_TABLE)
        height = chart_height(screen_height, table_lines)
        chart = Group(Text("Calibration: forecast against how often it came true", style="bold"),
                      calibration_chart(result["calibration"], height))
        trend = Group(Text("Brier score by year made", style="bold"), trend_bars(result["trend"], 20))
        if self.wide:
            grid = Table.grid(padding=(0, 3))
            grid.add_column(width=CHART_WIDTH)
            grid.add_column(ratio=1)
            grid.add_row(chart, Group(*about, Text(""), trend))
            pane.update(Group(head, grid))
        else:
            pane.update(Group(head, chart, Text(""), *about, Text(""), trend))

    def action_toggle_matured(self) -> None:
        self.matured = not self.matured
        if self.session.loaded and self.session.digest is not None:
            self._compute(self.session.database, self.matured)

    def action_close(self) -> None:
        self.dismiss()
