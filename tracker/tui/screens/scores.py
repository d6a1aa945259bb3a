"""The scores screen (S): the forecaster table, the calibration chart and the Brier trend.

Scores come from :mod:`tracker.scoring.scores` (the same figures as `tracker score`), computed in
a worker. Moving through the table shows that forecaster's chart and trend; with nothing
resolved the screen says so in words instead of drawing an empty chart.
"""

from __future__ import annotations

import asyncio

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tracker.domain.model import Database
from tracker.scoring.score_format import honesty_lines, interval, nothing_resolved, num, pct
from tracker.scoring.scores import score, score_groups
from tracker.domain.text import visible
from tracker.tui.bounds import one_line
from tracker.tui.chart import calibration_chart, trend_bars
from tracker.tui.session import DatabaseLoaded, Session
from tracker.tui.workers import releasing

ALL = "all forecasters"
COLUMNS = ("forecaster", "n", "resolved", "hit rate (95% CI)", "Brier (95% CI)", "hedge range",
           "void", "at 50%")
ROWS_AT_ONCE = 40


def table_row(result: dict) -> list[Text]:
    """One row of the forecaster table, every cell as Text (names are data, never markup)."""
    hit = f"{pct(result['hit_rate'])} ({interval(result['hit_rate_ci95'], pct)})" \
        if result["hit_rate"] is not None else "—"
    brier = num(result["brier"])
    if result["brier_ci95"]:
        brier += f" ({interval(result['brier_ci95'])})"
    cells = [one_line(result["group"], 40), str(result["n"]), str(result["resolved"]), hit, brier,
             interval(result["brier_hedge_range"]), str(result["void"]), pct(result["even_share"])]
    return [Text(c, justify="right" if 0 < i < len(cells) and i != 3 and i != 4 else "left")
            for i, c in enumerate(cells)]


class ScoresScreen(Screen[None]):
    """How good each forecaster's calls were, with the intervals that say how sure we can be."""

    BINDINGS = [
        Binding("m", "toggle_matured", "Matured only", id="scores-matured"),
        Binding("escape,q", "close", "Back", id="scores-back"),
        Binding("question_mark", "app.help", "Help", id="scores-help"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.matured = False
        self.results: list[dict] | None = None  # None until computed; the first is all forecasters
        self._shown = 0  # how many times scores arrived: a newer arrival stops an older one's rows

    def compose(self) -> ComposeResult:
        yield Static("Scores — computing…", id="scores-title", markup=False)
        with VerticalScroll(id="scores-body"):
            yield DataTable(id="scores-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="scores-detail", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*COLUMNS)
        table.focus()  # so ↑↓ choose a forecaster at once, rather than scroll the page
        self.session.subscribe(self)
        if self.session.loaded:
            self._compute(self.session.database, self.matured)
        else:  # opened while a large file is still being read: the scores wait for it
            self.query_one("#scores-title", Static).update("Scores — reading the database first…")

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    def on_database_loaded(self, message: DatabaseLoaded) -> None:
        self._compute(message.database, self.matured)

    def _compute(self, database: Database, matured: bool) -> None:
        # run_worker, not @work: @work describes a worker by repr() of its arguments, which for a
        # Database means every record, on the event loop.
        self.run_worker(releasing(lambda: self._score(database, matured)), thread=True, exclusive=True, group="scores",
                        description="scores")

    def _score(self, database: Database, matured: bool) -> None:
        """Every score, off the event loop (bootstrap intervals take a while on a long record)."""
        today = self.session.today

        def results() -> list[dict]:
            overall = {"group": ALL, **score(database.predictions.values(), today, matured)}
            return [overall, *score_groups(database, "forecaster", today, matured)]

        self.app.call_from_thread(self._show, results())

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
                table.add_row(*table_row(results[i]), key=str(i))
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
        pane = self.query_one("#scores-detail", Static)
        if result is None:
            pane.update("")
            return
        head = Text(f"\n{visible(result['group'])}", style="bold")
        parts: list = [head, Text(visible("\n".join(honesty_lines(result)), keep_newlines=True))]
        sentence = nothing_resolved(result)
        if sentence is not None:
            parts += [Text(""), Text(sentence, style="bold")]
        else:
            parts += [Text("\nCalibration: forecast against how often it came true", style="bold"),
                      calibration_chart(result["calibration"]),
                      Text("\nBrier score by year made", style="bold"), trend_bars(result["trend"])]
        pane.update(Group(*parts))

    def action_toggle_matured(self) -> None:
        self.matured = not self.matured
        if self.session.loaded:
            self._compute(self.session.database, self.matured)

    def action_close(self) -> None:
        self.dismiss()
