"""The tracker TUI: a shell that holds the session and opens screens.

Each view is a Screen in :mod:`tracker.tui.screens` that owns its state and keys;
what they share (the store, the loaded database, the file watcher, the write path)
is the :class:`~tracker.tui.session.Session`.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from tracker.tui import textual_fixes  # noqa: F401 (mends a Textual leak on import)
from tracker.tui.palette import TrackerCommands
from tracker.tui.screens.help import HelpScreen
from tracker.tui.screens.review import ReviewScreen
from tracker.tui.screens.scores import ScoresScreen
from tracker.tui.screens.timeline import TimelineScreen
from tracker.tui.session import DatabaseDigested, Session


class TrackerApp(App[None]):
    """Open one predictions file."""

    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute: subclasses elsewhere find it too
    TITLE = "tracker"
    COMMANDS = App.COMMANDS | {TrackerCommands}
    # App-wide, shown in help and the palette rather than the (already full) footer.
    BINDINGS = [Binding("I", "inbox", "Inbox", id="inbox", show=False)]

    def __init__(self, path: Path | str, today: _dt.date | None = None) -> None:
        super().__init__()
        self.session = Session(self, path, today)

    def get_default_screen(self) -> Screen:
        return TimelineScreen(self.session)

    def on_mount(self) -> None:
        self.sub_title = str(self.session.store.path)
        self.session.subscribe(self)
        self.session.start()

    def on_database_digested(self, message: DatabaseDigested) -> None:
        # Only the first read: the start-up notice, not one after every mark. The read that
        # checked every record counted what is due.
        self.session.unsubscribe(self)
        due = message.digest.due
        if due:
            noun = "prediction is" if due == 1 else "predictions are"
            self.session.say(f"{due} {noun} due for review: press R (or ctrl+p → review) to judge them one at "
                             "a time.", title="Due", timeout=12)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_review(self) -> None:
        """The review screen: the due predictions one at a time."""
        self.push_screen(ReviewScreen(self.session))

    def action_scores(self) -> None:
        """The scores screen: forecaster table, calibration chart, Brier trend."""
        self.push_screen(ScoresScreen(self.session))

    def action_show_timeline(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_inbox(self) -> None:
        """The proposals from `tracker ingest`: accept, edit, merge or reject each."""
        from tracker.tui.screens.inbox import InboxScreen

        if not isinstance(self.screen, InboxScreen):
            self.push_screen(InboxScreen(self.session))


def run(path: Path) -> int:
    app = TrackerApp(path)
    app.run()
    return app.return_code or 0  # non-zero when the app stopped on an error
