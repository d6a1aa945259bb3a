"""The work behind the screens stays off the event loop: heavy computations in a forked child,
the collector paused while workers build and let go when they are done, long tables filled a
few rows at a time. Driven through the pilot where a reader would notice."""

from __future__ import annotations

import gc
import os
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_tui import TODAY, app_for, settle
from test_tui_review_scores import open_screen, plain

from tracker.actions import records as actions
from tracker.store.store import Store
from tracker.tui import forked, offloop
from tracker.tui.screens import scores as scores_screen

FORECASTERS = 2 * scores_screen.ROWS_AT_ONCE + 5  # more than two batches of table rows


@pytest.fixture
def many_forecasters(tmp_path):
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_article(store, title="An article", author="Someone", published="2025-01-10", record_id="art")
    rows = [{"claim": f"Call {i}", "probability": "0.6", "resolve_by": "2025-03", "article": "art",
             "forecaster": f"Forecaster {i:03d}", "record_id": f"call-{i}"} for i in range(FORECASTERS)]
    for row in rows:
        actions.add_prediction(store, **row)
    for row in rows[::3]:
        actions.mark(store, row["record_id"], "confirmed", known_on="2025-04-01", today=TODAY)
    return path


def table_names(app) -> list[str]:
    table = app.screen.query_one("DataTable")
    return [plain(table.get_row_at(i)[0]).strip() for i in range(table.row_count)]


async def test_the_scores_table_lists_every_forecaster_however_many(many_forecasters):
    app = app_for(many_forecasters)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_screen(app, pilot, "S", "ScoresScreen")
        await settle(app, pilot)
        names = table_names(app)
        assert names == ["all forecasters", *(f"Forecaster {i:03d}" for i in range(FORECASTERS))]
        assert f"Scores — {FORECASTERS} forecasters" in plain(app.screen.query_one("#scores-title").content)


async def test_the_scores_screen_says_computing_and_takes_keys_until_its_scores_arrive(
        many_forecasters, monkeypatch):
    release = threading.Event()

    def held(work):  # the scores take their time: the screen must not wait for them
        release.wait(10)
        return work()

    monkeypatch.setattr(scores_screen, "in_child", held)
    app = app_for(many_forecasters)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await pilot.pause(0.2)
        assert type(app.screen).__name__ == "ScoresScreen"
        assert "computing" in plain(app.screen.query_one("#scores-title").content)
        assert app.screen.query_one("DataTable").row_count == 0
        await pilot.press("m")  # a key taken while the scores are worked out
        await pilot.pause(0.1)
        assert app.screen.matured
        release.set()
        await settle(app, pilot)
        assert len(table_names(app)) == FORECASTERS + 1
        assert "matured only" in plain(app.screen.query_one("#scores-title").content)


async def test_the_review_screen_says_it_is_working_until_the_queue_arrives(many_forecasters, monkeypatch):
    from tracker.tui.screens import review as review_screen

    release = threading.Event()

    def held(work):
        release.wait(10)
        return work()

    monkeypatch.setattr(review_screen, "in_child", held)
    app = app_for(many_forecasters)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("R")
        await pilot.pause(0.2)
        assert "working out what is due" in plain(app.screen.query_one("#review-position").content)
        release.set()
        await settle(app, pilot)
        due = FORECASTERS - len(range(0, FORECASTERS, 3))
        assert f"due: 1 of {due}" in plain(app.screen.query_one("#review-position").content)


async def test_the_collector_is_back_on_after_the_screens_have_done_their_work(many_forecasters):
    app = app_for(many_forecasters)
    async with app.run_test(size=(160, 50)) as pilot:
        await open_screen(app, pilot, "R", "ReviewScreen")
        await pilot.press("escape", "escape")
        await open_screen(app, pilot, "S", "ScoresScreen")
        await settle(app, pilot)
        assert gc.isenabled() and not offloop.busy()


def test_a_forked_computation_runs_in_another_process_and_gives_its_result_back():
    if not forked.can_fork():
        pytest.skip("no fork on this platform")
    assert forked.in_child(os.getpid) != os.getpid()
    assert forked.in_child(lambda: {"group": "all", "n": [1, 2.5, None]}) == {"group": "all", "n": [1, 2.5, None]}


def test_a_computation_that_fails_in_the_child_fails_the_same_way_here():
    with pytest.raises(ZeroDivisionError):
        forked.in_child(lambda: 1 / 0)


async def test_a_worker_waits_while_the_event_loop_is_busy_and_goes_on_when_it_is_free():
    import asyncio
    import time

    beat = asyncio.get_running_loop().create_task(offloop.heartbeat())
    await asyncio.sleep(0.02)
    blocking, seen = threading.Event(), []

    def worker() -> None:
        with offloop.collector_paused():
            blocking.wait(5)
            time.sleep(0.05)  # the loop is now late for its heartbeat
            offloop.give_way()
            seen.append(blocking.is_set())

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        await asyncio.sleep(0.02)
        blocking.set()
        time.sleep(0.08)  # a long callback on the loop (drawing a large screen), under MAX_WAIT
        blocking.clear()
        await asyncio.to_thread(thread.join, 5)
    finally:
        beat.cancel()
    assert seen == [False]  # it went on only once the loop was free again


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.sampled_from("abc")), max_size=60))
def test_rows_sorted_in_a_child_come_back_in_the_same_order_as_sorted_here(keys):
    from tracker.tui import rows as rows_module
    from tracker.tui.rows import Row, sort_rows

    def made(i, k):  # ties on the int, and on the whole key: the sort must stay stable
        return Row((k[0], k[1]), None, "event", None, ref=str(i))

    expected = [r.ref for r in sorted((made(i, k) for i, k in enumerate(keys)), key=lambda r: r.key[0])]
    old = rows_module.FORK_SORT
    rows_module.FORK_SORT = 1  # every list goes to the child (the real threshold is 20,000 rows)
    try:
        got = [r.ref for r in sort_rows([made(i, k) for i, k in enumerate(keys)], lambda r: r.key[0])]
    finally:
        rows_module.FORK_SORT = old
    assert got == expected
