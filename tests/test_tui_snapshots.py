"""Snapshots of the main screen and the details pane (pytest-textual-snapshot).

Update them after an intended change with `pytest --snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.actions import records as actions
from tracker.store.store import Store
from tracker.tui.app import TrackerApp
from tracker.tui.timeline import Timeline

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
def small_db(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(actions, "utc_now", lambda: "2025-03-16T09:00:00Z")  # a stable picture
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_article(store, title="Trump Is Unlikely To Pull All US Troops", author="Andrew Korybko",
                        published="2025-02-22", url="https://example.org/nato", record_id="nato-article")
    actions.add_event(store, date="2025-05", title="Polish presidential election [scheduled]",
                      articles=["nato-article"], record_id="polish-election")
    actions.add_prediction(store, claim="Trump will not abandon NATO's Article 5", hedge="可能性は低い",
                           resolve_by="2029-01", article="nato-article", tags=["nato"],
                           quote="NATOの第5条を放棄する可能性は低い。", horizon_note="End of Trump's term.",
                           record_id="article-5")
    actions.add_prediction(store, claim="The first Russia-Pakistan freight train runs", hedge="予定",
                           resolve_by="2025-03-15", article="nato-article", record_id="train")
    actions.mark(store, "train", "confirmed", note="ran [on time]", evidence=["https://example.org/t"],
                 known_on="2025-03-16", today=TODAY)
    return path


async def until(pilot, condition, seconds: float = 10.0) -> None:
    """Wait for the app to reach a state (the first load runs after the first paint)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def test_main_screen(snap_compare, small_db):
    async def run_before(pilot):
        await until(pilot, lambda: pilot.app.session.loaded and pilot.app.query_one(Timeline).rows)

    assert snap_compare(TrackerApp(small_db, today=TODAY), terminal_size=(140, 24), run_before=run_before)


def test_details_pane_of_a_marked_prediction(snap_compare, small_db):
    async def run_before(pilot):
        await until(pilot, lambda: pilot.app.session.loaded and pilot.app.query_one(Timeline).rows)
        pilot.app.screen.jump_to("train")
        await until(pilot, lambda: pilot.app.query_one(Timeline).current.record_id == "train")

    assert snap_compare(TrackerApp(small_db, today=TODAY), terminal_size=(140, 30), run_before=run_before)


def test_scores_screen(snap_compare, small_db):
    async def run_before(pilot):
        await until(pilot, lambda: pilot.app.session.loaded and pilot.app.query_one(Timeline).rows)
        await pilot.press("S")
        await until(pilot, lambda: pilot.app.screen.results is not None)

    assert snap_compare(TrackerApp(small_db, today=TODAY), terminal_size=(120, 50), run_before=run_before)


def test_review_screen(snap_compare, small_db):
    async def run_before(pilot):
        await until(pilot, lambda: pilot.app.session.loaded and pilot.app.query_one(Timeline).rows)
        await pilot.press("R")
        await until(pilot, lambda: pilot.app.screen.items is not None)

    assert snap_compare(TrackerApp(small_db, today=TODAY), terminal_size=(120, 30), run_before=run_before)
