"""The review screen (R): the review queue one prediction at a time, then what was decided.

The queue (what is due, then what could be settled early) comes from
:func:`tracker.domain.review.review_queue`, computed in a worker. Marks and snoozes go through
the session, the same dialogs and write path as the timeline; the screen moves on when
the session reports the write (a :class:`RecordWritten` message).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tracker.domain.dates import PDate
from tracker.domain.model import Database, Prediction
from tracker.domain.render import history_lines, probability_text, status_text
from tracker.domain.review import criterion, due_date, early_direction, review_queue, snoozed_past
from tracker.domain.text import plural, visible
from tracker.tui.footer import Footer
from tracker.tui.bounds import Wrapped, bounded, latest
from tracker.tui.dialogs import SnoozeDialog, SnoozeRequest
from tracker.store.storage import collector_paused
from tracker.tui.session import DatabaseDigested, DatabaseLoaded, Session
from tracker.tui.workers import releasing
from tracker.tui.writes import RecordWritten

EARLY = {"confirm": "can be confirmed as soon as it happens",
         "refute": "can be refuted as soon as the opposite happens"}


# One prediction in the queue: (its id, "due" or "checkable early"). Plain data: the queue of a
# large file holds tens of thousands, and each prediction is read from the file's records when
# it is shown (as the file has it then).
Item = tuple[str, str]


@dataclass
class Decision:
    record_id: str
    claim: str
    outcome: str              # confirmed, refuted, pending, void, "snoozed until …", skipped
    note: str = ""


class ReviewScreen(Screen[None]):
    """Step through what is due: mark, snooze or skip each, then see a summary."""

    # Most important first (a narrow footer cuts from the right): help, the marks, snooze, skip, end.
    MARK = Binding.Group("Mark")
    BINDINGS = [
        Binding("question_mark", "app.help", "Help", id="review-help"),
        Binding("c", "mark('confirmed')", "Confirm", id="review-confirm", group=MARK),
        Binding("r", "mark('refuted')", "Refute", id="review-refute", group=MARK),
        Binding("p", "mark('pending')", "Pending", id="review-pending", group=MARK),
        Binding("v", "mark('void')", "Void", id="review-void", group=MARK),
        Binding("s", "snooze", "Snooze", id="review-snooze"),
        Binding("n", "skip", "Skip", id="review-skip"),
        Binding("escape,q", "finish", "End", id="review-finish"),
        Binding("escape,q", "back", "Back", id="review-back"),  # once the summary is shown
        Binding("ctrl+p", "app.command_palette", "Palette", id="review-palette", priority=True),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.items: list[Item] | None = None   # None until the queue is computed
        self.found: Mapping[str, Prediction] = {}  # the predictions of the database last read
        self.index = 0
        self.decisions: list[Decision] = []
        self.finished = False
        self.snoozed: list[_dt.date] = []  # when each snoozed prediction comes back (`tracker review` lists them)
        # Which read the queue shown must come from: the last one started. A thread worker cannot be
        # stopped, so a queue worked out from an older read can arrive after a newer one's.
        self.reads = 0

    def compose(self) -> ComposeResult:
        yield Static("Review — working out what is due…", id="review-position", markup=False)
        with VerticalScroll(id="review-body"):
            yield Static("", id="review-card", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.session.subscribe(self)
        if self.session.loaded and self.session.digest is not None:
            self._start(self.session.database)
        else:  # opened while the file is still being read or checked: the queue waits for it
            self.query_one("#review-position", Static).update("Review — reading the database first…")

    def _start(self, database: Database) -> None:
        # run_worker, not @work: @work describes a worker by repr() of its arguments, which for a
        # Database means every record, on the event loop.
        self.reads += 1
        read = self.reads
        self.run_worker(releasing(lambda: self._compute(database, read)), thread=True, exclusive=True, group="review",
                        description="review queue")

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    def _compute(self, database: Database, read: int) -> None:
        """The queue, worked out off the event loop (every prediction is looked at)."""
        today = self.session.today

        def ids() -> tuple[list[str], list[str], list[_dt.date]]:
            # Every prediction is decoded and let go before the collector comes back.
            with collector_paused():
                queue = review_queue(database, today)
                back = [day for p in queue.snoozed if (day := snoozed_past(p, today)) is not None]
                found = [p.id for p in queue.due], [p.id for p in queue.checkable_early], back
                for part in (queue.due, queue.checkable_early, queue.upcoming, queue.snoozed):
                    while part:  # let go a prediction at a time: the screen runs between
                        part.pop()
                return found

        due, early, back = ids()
        items = [(i, "due") for i in due] + [(i, "checkable early") for i in early]
        self.app.call_from_thread(self._queue_ready, items, back, database.predictions, read)

    def _queue_ready(self, items: list[Item], snoozed: list[_dt.date] | None = None,
                     found: Mapping[str, Prediction] | None = None, read: int | None = None) -> None:
        if read is not None and read != self.reads:
            return  # worked out from an older read than the last one started: that one's queue follows
        self.snoozed = snoozed or []
        if found is not None:
            self.found = found
        if self.items is None:
            self.items = items
        else:  # the file changed: what is left follows it
            self._requeue(items)
        self._show()

    def _requeue(self, fresh: list[Item]) -> None:
        """After a reload: the predictions already decided stay (the summary lists them); of those
        not reached yet, one no longer in the queue (another process marked or snoozed it) is
        dropped, the others keep their order and show what the file now says, and one newly due
        comes last."""
        assert self.items is not None
        now = {item[0]: item for item in fresh}
        decided, ahead = self.items[:self.index], self.items[self.index:]
        kept = [now.pop(item[0]) for item in ahead if item[0] in now]
        seen = {item[0] for item in decided}
        self.items = decided + kept + [item for item in now.values() if item[0] not in seen]

    # ---- what is shown ---------------------------------------------------------
    @property
    def current(self) -> Prediction | None:
        if self.finished or self.items is None or self.index >= len(self.items):
            return None
        return self.found.get(self.items[self.index][0])

    def _show(self) -> None:
        position = self.query_one("#review-position", Static)
        card = self.query_one("#review-card", Static)
        if self.items is None:
            return
        while not self.finished and self.index < len(self.items) and self.items[self.index][0] not in self.found:
            del self.items[self.index]  # gone from the file since the queue was worked out
        if self.current is None:
            self.finished = True
            self.refresh_bindings()  # the footer drops the keys that decide
            position.update("Review — done")
            card.update(self._summary())
            return
        prediction, part = self.current, self.items[self.index][1]
        due = sum(1 for i in self.items if i[1] == "due")
        position.update(f"Review — {part}: {self.index + 1} of {len(self.items)} "
                        f"({due} due, {len(self.items) - due} checkable early) · "
                        "c r p v mark · s snooze · n skip · Escape ends")
        card.update(self._card(prediction, part))

    def _card(self, p: Prediction, part: str) -> Group:
        db, today = self.session.database, self.session.today
        grid = Table.grid(padding=(0, 1))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        article = db.articles.get(p.article)
        if part == "due":
            when = f"{p.resolve_by.human()} — due since {due_date(p).isoformat()}"
        else:
            when = f"{p.resolve_by.human()} — {EARLY.get(early_direction(p) or '', '')}"
        # What the reviewer decides by comes first: the claim, its condition, the criterion.
        judged = criterion(p)
        # Without a "Judged by:" sentence, the whole horizon note is the best guide there is.
        rows = [("claim", p.claim), ("condition", p.condition),
                ("judged by", judged) if judged else ("horizon note", p.horizon_note),
                ("status", status_text(p, today)),
                ("probability", f"{probability_text(p.probability)}  {p.hedge}".strip()),
                ("resolve by", when), ("forecaster", p.forecaster), ("quote", p.quote),
                ("article", f"{article.title} — {article.author}, {article.published.human()}" if article
                 else p.article), ("url", article.url if article else ""), ("id", p.id)]
        for label, value in rows:
            if value:
                grid.add_row(Text(label), Wrapped(bounded(value)))  # an id wraps at its hyphens
        entries, left_out = latest(p.history, p.id)
        lines = ([left_out] if left_out else []) + [line.strip() for line in history_lines(entries)]
        history = Text(bounded("\n".join(lines) or "(none)"))
        return Group(grid, Text(""), Text("history", style="bold"), history)

    def _summary(self) -> Group:
        if not self.items:
            waiting = ""
            if self.snoozed:  # the review is not empty for good: say when it fills again
                first = PDate.from_date(min(self.snoozed)).human()
                waiting = (f" {plural(len(self.snoozed), 'snoozed prediction')} "
                           f"{'comes' if len(self.snoozed) == 1 else 'come'} back, the first on {first}.")
            return Group(Text(f"Nothing is due and nothing can be settled early.{waiting} Escape goes back."))
        counts: dict[str, int] = {}
        for d in self.decisions:
            key = "snoozed" if d.outcome.startswith("snoozed") else d.outcome
            counts[key] = counts.get(key, 0) + 1
        line = ", ".join(f"{n} {what}" for what, n in counts.items()) or "nothing decided"
        # Each decision: its id (whole: ids are typed) and what was decided, its claim under it. A
        # table of three columns folded a long id mid-word at 80 columns.
        rows = []
        for d in self.decisions:
            rows += [Text.assemble((visible(d.record_id), "bold"), "  ", d.outcome),
                     Text(bounded(d.claim, 200), style="dim"), Text("")]
        left = len(self.items) - len(self.decisions)
        tail = f"; {left} not reached" if left > 0 else ""
        return Group(Text(f"Reviewed {len(self.decisions)} of {len(self.items)}: {line}{tail}.", style="bold"),
                     Text(""), *rows, Text("Escape goes back to the timeline."))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Once the queue is done, the keys that decide are hidden (they would do nothing)."""
        if action in ("mark", "snooze", "skip", "finish") and self.finished:
            return False
        if action == "back" and not self.finished:
            return False
        return True

    # ---- deciding --------------------------------------------------------------
    def action_mark(self, status: str) -> None:
        if self.current is not None:
            self.session.ask_mark(self.current, status)

    def action_snooze(self) -> None:
        prediction = self.current
        if prediction is None or not self.session.writable():
            return

        def write(request: SnoozeRequest | None) -> None:
            if request is not None:
                self.session.snooze(prediction.id, request.period, request.note)

        self.app.push_screen(SnoozeDialog(prediction, self.session.today), callback=write)

    def action_skip(self) -> None:
        if self.current is not None:
            self._decided(Decision(self.current.id, self.current.claim, "skipped"))

    def action_finish(self) -> None:
        if self.finished or self.items is None:
            self.dismiss()
            return
        self.finished = True
        self.refresh_bindings()  # the footer says Back now
        self._show()

    def action_back(self) -> None:
        self.dismiss()

    def _decided(self, decision: Decision) -> None:
        self.decisions.append(decision)
        self.index += 1
        self._show()

    def on_record_written(self, message: RecordWritten) -> None:
        current = self.current
        if current is None or message.record.id != current.id or message.action not in ("mark", "snooze"):
            return
        entry = message.entry
        if message.action == "snooze":
            outcome = f"snoozed until {entry.until.human() if entry and entry.until else '?'}"
        else:
            outcome = entry.to_status if entry else message.record.status.value
        self._decided(Decision(current.id, current.claim, outcome, entry.note if entry else ""))

    def on_database_loaded(self, message: DatabaseLoaded) -> None:
        if message.digest is not None:  # a read not checked yet is taken once it is (DatabaseDigested)
            self._take(message.database)

    def on_database_digested(self, message: DatabaseDigested) -> None:
        self._take(message.database)

    def _take(self, database: Database) -> None:
        if self.items is None:
            self._start(database)
            return
        # Show each prediction as the file now has it (its new history) at once, then work out the
        # queue again: one marked by another process since is dropped, and the counts follow.
        self.found = database.predictions
        if not self.finished:
            self._show()
            self._start(database)
