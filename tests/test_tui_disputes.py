"""The TUI shows a disputed prediction as disputed, in the timeline and in the details pane."""

from __future__ import annotations

import shutil
from pathlib import Path


from test_tui import TODAY, choose_in_palette, db_path, details_text, select, settle  # noqa: F401 (db_path is a fixture)
from tracker.actions import records as actions
from tracker.domain.disputes import is_disputed
from tracker.sharing.driver import merge_files
from tracker.store.store import Store
from tracker.tui.app import TrackerApp
from tracker.tui.timeline import Timeline


def disputed_copy(path: Path, monkeypatch) -> Path:
    """Two readers judge 'article-5' differently; their files merged into ``path``."""
    theirs = path.with_name("theirs.json")
    base = path.with_name("base.json")
    shutil.copy(path, theirs)
    shutil.copy(path, base)
    monkeypatch.setenv("TRACKER_USER", "Alice")
    actions.mark(Store(path), "article-5", "confirmed", note="still in force")
    monkeypatch.setenv("TRACKER_USER", "Bob")
    actions.mark(Store(theirs), "article-5", "refuted", note="abandoned")
    merge_files(base, path, theirs)
    return path


async def test_a_disputed_prediction_is_marked_in_the_timeline_and_details(db_path, monkeypatch):
    disputed_copy(db_path, monkeypatch)
    app = TrackerApp(db_path, today=TODAY)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        row = app.query_one(Timeline).current
        assert row.status == "? disputed" and row.style == "overdue"
        text = details_text(app)
        assert "DISPUTED" in text and "'confirmed' (Alice)" in text and "'refuted' (Bob)" in text


async def test_the_palette_settles_a_dispute_with_one_sides_value(db_path, monkeypatch):
    disputed_copy(db_path, monkeypatch)
    monkeypatch.setenv("TRACKER_USER", "Carol")
    app = TrackerApp(db_path, today=TODAY)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await choose_in_palette(app, pilot, "settle refuted", "'refuted'")
        for _ in range(400):  # the write and the reload, however long the machine takes
            await settle(app, pilot)
            if app.query_one(Timeline).current.status == "✗ refuted":
                break
        assert app.query_one(Timeline).current.status == "✗ refuted"
    record = Store(db_path).load().predictions["article-5"]
    assert record.status.value == "refuted" and not is_disputed(record)
    assert record.history[-1].action == "settle" and record.history[-1].by == "Carol"
