"""The review screen (R), the scores screen (S) and the start-up notice, driven through the pilot."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_tui import TODAY, app_for, choose_in_palette, prediction, settle

from tracker.actions import records as actions
from tracker.domain.model import Status
from tracker.store.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_article(store, title="An article", author="Andrew Korybko", published="2025-01-10",
                        record_id="art")
    for record_id, resolve_by in [("train", "2025-03-15"), ("election", "2025-06"), ("sanctions", "2025"),
                                  ("summit", "2026-02")]:
        actions.add_prediction(store, claim=f"The {record_id} [b]happens[/b]", probability="0.7",
                               resolve_by=resolve_by, article="art", record_id=record_id)
    actions.add_prediction(store, claim="NATO will not invoke Article 5", probability="0.8",
                           resolve_by="2029", article="art", record_id="article-5")
    return path


def plain(renderable) -> str:
    from rich.console import Console

    console = Console(width=200, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def screen_text(app, selector: str) -> str:
    return plain(app.screen.query_one(selector).content)


async def open_screen(app, pilot, key: str, name: str) -> None:
    await settle(app, pilot)
    await pilot.press(key)
    await settle(app, pilot)
    assert type(app.screen).__name__ == name


async def test_a_reader_judges_several_predictions_and_ends_with_a_summary(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        await open_screen(app, pilot, "R", "ReviewScreen")
        assert "due: 1 of 5" in screen_text(app, "#review-position")
        card = screen_text(app, "#review-card")
        assert "The train [b]happens[/b]" in card and "An article — Andrew Korybko" in card
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"ran on time", "enter")
        await settle(app, pilot)
        assert "The election" in screen_text(app, "#review-card")
        await pilot.press("n")  # skip
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # the default period, 30 days
        await settle(app, pilot)
        assert "The summit" in screen_text(app, "#review-card")
        await pilot.press("v")
        await pilot.pause()
        await pilot.press(*"superseded", "enter")
        await settle(app, pilot)
        assert "checkable early: 5 of 5" in screen_text(app, "#review-position")
        await pilot.press("escape")
        await pilot.pause()
        summary = screen_text(app, "#review-card")
        assert "Reviewed 4 of 5: 1 confirmed, 1 skipped, 1 snoozed, 1 void; 1 not reached." in summary
        assert "snoozed until 25 Dec 2026" in summary and "The train [b]happens[/b]" in summary
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "TimelineScreen"
    assert prediction(db_path, "train").history[-1].note == "ran on time"
    assert prediction(db_path, "train").status is Status.CONFIRMED
    assert prediction(db_path, "election").history == []
    assert prediction(db_path, "sanctions").snoozed_until().iso() == "2026-12-25"
    summit = prediction(db_path, "summit")
    assert summit.status is Status.VOID and summit.history[-1].note == "superseded"


async def test_snooze_refuses_a_period_it_cannot_read_and_writes_nothing(db_path):
    before = db_path.read_bytes()
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        await open_screen(app, pilot, "R", "ReviewScreen")
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#period").value = "next blursday"
        await pilot.press("enter")
        await pilot.pause()
        assert "blursday" in str(app.screen.query_one("#error").content)
        assert type(app.screen).__name__ == "SnoozeDialog"
    assert db_path.read_bytes() == before


async def test_start_up_says_how_many_are_due_and_how_to_review_them(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert sum("due for review" in m for m in messages) == 1
        assert any(m.startswith("4 predictions are due for review: press R") for m in messages)


async def test_no_start_up_notice_when_nothing_is_due(tmp_path):
    path = tmp_path / "predictions.json"
    actions.add_prediction(Store(path), claim="Later", probability="0.6", resolve_by="2030",
                           made_on="2025-01-01", record_id="later")
    app = app_for(path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert not any("due for review" in str(n.message) for n in app._notifications)


async def test_an_empty_review_says_when_its_snoozed_predictions_come_back(db_path, monkeypatch):
    # Snoozed on the app's day: one written after it would not exist yet as of that day.
    monkeypatch.setattr("tracker.actions.records.utc_now", lambda: f"{TODAY.isoformat()}T09:00:00Z")
    store = Store(db_path)
    for record_id, until in [("train", "2027-03-01"), ("election", "2027-02-15"), ("sanctions", "2027-06"),
                             ("summit", "2027-03-01"), ("article-5", "2027-04")]:
        actions.snooze(store, record_id, until, today=TODAY)
    app = app_for(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, "R", "ReviewScreen")
        text = " ".join(screen_text(app, "#review-card").split())
        assert "Nothing is due" in text and "5 snoozed predictions come back, the first on 15 Feb 2027." in text


async def test_the_palette_opens_the_review_screen(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await choose_in_palette(app, pilot, "review what", "Screen: review what is due")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"


def resolve(path: Path, outcomes: dict[str, str]) -> None:
    store = Store(path)
    for record_id, status in outcomes.items():
        actions.mark(store, record_id, status, known_on="2026-11-01", today=TODAY)


async def test_the_scores_screen_shows_the_table_the_chart_and_the_trend(db_path):
    resolve(db_path, {"train": "confirmed", "election": "refuted", "sanctions": "confirmed"})
    app = app_for(db_path)
    async with app.run_test(size=(160, 60)) as pilot:
        await open_screen(app, pilot, "S", "ScoresScreen")
        table = app.screen.query_one("DataTable")
        rows = [[plain(c).strip() for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[0] for r in rows] == ["all forecasters", "Andrew Korybko"]
        assert rows[1][1:4] == ["5", "3", "67% (21%–94%)"]  # 2 of 3 calls right, Wilson interval
        assert rows[1][4].startswith("0.2")
        detail = screen_text(app, "#scores-detail")
        assert "Calibration" in detail and "●" in detail and "perfectly calibrated" in detail
        assert "n:" in detail and " 3" in detail  # the bin's count under the axis
        assert "Brier score by year made" in detail and "2025" in detail


async def test_the_scores_screen_says_plainly_when_nothing_is_resolved(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(160, 60)) as pilot:
        await open_screen(app, pilot, "S", "ScoresScreen")
        detail = screen_text(app, "#scores-detail")
        assert "Nothing is resolved yet" in detail
        assert "●" not in detail and "Calibration" not in detail


async def test_scores_follow_a_mark_made_while_the_screen_is_open(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(160, 60)) as pilot:
        await open_screen(app, pilot, "S", "ScoresScreen")
        resolve(db_path, {"train": "refuted"})
        app.session.check_file()
        await settle(app, pilot)
        table = app.screen.query_one("DataTable")
        assert plain(table.get_row_at(0)[2]).strip() == "1"


async def _until(pilot, done, seconds: float = 20.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the screen never got there")


async def test_a_queue_worked_out_from_an_older_read_never_replaces_a_newer_one(db_path, monkeypatch):
    # A thread worker cannot be stopped: the queue of a read that another program's write made
    # old can arrive after the new read's queue. The screen keeps the new one.
    import threading

    from tracker.tui.screens import review as review_screen

    real, held, release, finished = review_screen.review_queue, {}, threading.Event(), threading.Event()

    def slow(database, today):
        if held.get("old") is database:
            release.wait(20)
            try:
                return real(database, today)
            finally:
                finished.set()
        return real(database, today)

    monkeypatch.setattr(review_screen, "review_queue", slow)
    app = app_for(db_path)
    async with app.run_test(size=(160, 60)) as pilot:
        await open_screen(app, pilot, "R", "ReviewScreen")
        screen = app.screen
        assert "train" in [i for i, _ in screen.items]
        held["old"] = app.session.database
        screen._start(held["old"])  # the older read's queue, slow to work out
        resolve(db_path, {"train": "refuted"})  # another program marks it meanwhile
        app.session.check_file()
        await _until(pilot, lambda: "train" not in [i for i, _ in screen.items])
        release.set()
        await _until(pilot, finished.is_set)
        for _ in range(10):
            await pilot.pause(0.02)
        assert "train" not in [i for i, _ in screen.items]
        assert "train" not in screen_text(app, "#review-card")


async def test_scores_worked_out_from_an_older_read_never_replace_newer_ones(db_path, monkeypatch):
    import threading

    from tracker.tui.screens import scores as scores_screen

    real, slow_next, release, finished = scores_screen.score, threading.Event(), threading.Event(), threading.Event()

    def slow(predictions, today, matured):
        if slow_next.is_set():
            slow_next.clear()
            release.wait(20)
            try:
                return real(predictions, today, matured)
            finally:
                finished.set()
        return real(predictions, today, matured)

    monkeypatch.setattr(scores_screen, "score", slow)
    app = app_for(db_path)
    async with app.run_test(size=(160, 60)) as pilot:
        await open_screen(app, pilot, "S", "ScoresScreen")
        table = app.screen.query_one("DataTable")
        assert plain(table.get_row_at(0)[2]).strip() == "0"
        slow_next.set()
        app.screen._compute(app.session.database, False)  # the older read's scores, slow to work out
        resolve(db_path, {"train": "refuted"})
        app.session.check_file()
        await _until(pilot, lambda: plain(table.get_row_at(0)[2]).strip() == "1")
        release.set()
        await _until(pilot, finished.is_set)
        for _ in range(10):
            await pilot.pause(0.02)
        assert plain(table.get_row_at(0)[2]).strip() == "1"
