"""The inbox screen, driven by Textual's pilot and checked through the library."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PENDING, build_sample
from test_tui import choose_in_palette
from test_tui_layout import plain
from tracker.ingest.proposals import listing
from tracker.ingest.run import ingest
from tracker.store.store import Store
from tracker.tui.app import TrackerApp
from tracker.tui.screens.inbox import InboxScreen

BLOG = Path(__file__).parent / "fixtures" / "ingest" / "blog_small.txt"


@pytest.fixture
def inbox_db(tmp_path: Path) -> Path:
    path = build_sample(tmp_path / "db.json")
    ingest(Store(path), BLOG)
    return path


def waiting(path: Path) -> list[tuple[str, dict]]:
    return listing(Store(path).read())


def decided(path: Path, state: str) -> dict[str, dict]:
    return dict(listing(Store(path).read(), state))


async def open_inbox(app: TrackerApp, pilot) -> InboxScreen:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.press("I")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, InboxScreen)
    return app.screen


async def select(app, pilot, screen: InboxScreen, pid: str) -> None:
    from textual.widgets import OptionList

    index = [p for p, _ in screen.items].index(pid)
    screen.query_one("#inbox-list", OptionList).highlighted = index
    await pilot.pause()


async def settle(app, pilot) -> None:
    from textual.worker import WorkerCancelled

    for _ in range(4):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # replaced by a newer worker of its group
            pass
        await pilot.pause()


async def test_a_reader_accepts_edits_merges_and_rejects_in_the_inbox(inbox_db):
    first = waiting(inbox_db)
    event_pid = next(p for p, d in first if d["kind"] == "event")
    japanese_pid = next(p for p, d in first if "再開" in d["fields"].get("claim", ""))
    merge_pid = next(p for p, d in first if "停滞" in d["fields"].get("claim", ""))
    reject_pid = next(p for p, d in first if "悪化" in d["fields"].get("claim", ""))
    app = TrackerApp(inbox_db)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_inbox(app, pilot)
        assert len(screen.items) == len(first)

        await select(app, pilot, screen, event_pid)  # accept as it is
        body = plain(screen.query_one("#inbox-body").content)
        assert "2025年2月28日" in body and "in its paragraph" in body
        await pilot.press("a")
        await settle(app, pilot)

        await select(app, pilot, screen, japanese_pid)  # a Japanese claim: asks for English
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("enter")  # empty English claim: refused in the dialog
        await pilot.pause()
        assert "English" in str(app.screen.query_one("#error").content)
        app.screen.query_one("#f-claim").value = "The EU-mediated Serbia-Kosovo dialogue will not resume soon"
        app.screen.query_one("#f-tags").value = "serbia; kosovo"
        app.screen.query_one("#f-resolve_by").value = "2025-09"
        await pilot.press("enter")
        await settle(app, pilot)

        await select(app, pilot, screen, merge_pid)  # merge into an existing prediction
        await pilot.press("m")
        await settle(app, pilot)
        app.screen.query_one("#into").value = PENDING
        await pilot.press("enter")
        await settle(app, pilot)

        await select(app, pilot, screen, reject_pid)
        await pilot.press("r")
        await settle(app, pilot)
        assert screen.decided == 4 and len(screen.items) == len(first) - 4
        await pilot.press("escape")
        await settle(app, pilot)
        assert not isinstance(app.screen, InboxScreen)

    accepted = decided(inbox_db, "accepted")
    database = Store(inbox_db).load()
    event = database.events[accepted[event_pid]["record"]]
    assert event.date.iso() == "2025-02-28"
    prediction = database.predictions[accepted[japanese_pid]["record"]]
    assert prediction.claim.startswith("The EU-mediated") and prediction.tags == ["serbia", "kosovo"]
    assert prediction.resolve_by.iso() == "2025-09" and "再開される可能性は低い" in prediction.quote
    assert decided(inbox_db, "merged")[merge_pid]["record"] == PENDING
    assert any(h.field == "source" and "停滞" in str(h.new) for h in database.predictions[PENDING].history)
    assert reject_pid in decided(inbox_db, "rejected")


async def test_a_refused_edit_is_reported_and_nothing_is_decided(inbox_db):
    pid = next(p for p, d in waiting(inbox_db) if d["kind"] == "event")
    app = TrackerApp(inbox_db)
    async with app.run_test(size=(160, 45), notifications=True) as pilot:
        screen = await open_inbox(app, pilot)
        await select(app, pilot, screen, pid)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#f-date").value = "2025-13-45"
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, InboxScreen)
        assert any("date" in str(n.message) for n in app._notifications)
    assert pid in dict(waiting(inbox_db))


async def test_the_palette_opens_the_inbox(inbox_db):
    app = TrackerApp(inbox_db)
    async with app.run_test(size=(160, 45)) as pilot:
        await settle(app, pilot)
        await choose_in_palette(app, pilot, "inbox", "Screen: inbox")
        await settle(app, pilot)
        assert isinstance(app.screen, InboxScreen)


async def test_the_inbox_picks_up_an_ingest_run_in_another_terminal(inbox_db, tmp_path):
    article = tmp_path / "more.md"
    article.write_text("# Troops\n\nBy Jo Doe\nDate: 2025-11-12\n\nPoland will probably buy more tanks.\n")
    app = TrackerApp(inbox_db)
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await open_inbox(app, pilot)
        before = len(screen.items)
        ingest(Store(inbox_db), article)  # another process writes the file
        for _ in range(20):  # the session checks the file every second
            await pilot.pause(0.2)
            await settle(app, pilot)
            if len(screen.items) > before:
                break
        assert len(screen.items) == before + 1
        assert any("tanks" in d["fields"].get("claim", "") for _, d in screen.items)


async def open_merge_dialog(app, pilot, pid: str):
    """Select proposal ``pid`` in the inbox and press m: the merge dialog's list of records."""
    from textual.widgets import OptionList

    from tracker.tui.proposal_dialog import MergeDialog

    screen = await open_inbox(app, pilot)
    await select(app, pilot, screen, pid)
    await pilot.press("m")
    await settle(app, pilot)
    assert isinstance(app.screen, MergeDialog)
    return app.screen.query_one("#merge-choices", OptionList)


async def test_the_merge_dialog_offers_records_to_pick_not_only_same_date_events(inbox_db):
    pid, doc = next((p, d) for p, d in waiting(inbox_db) if d["kind"] == "event")
    events = Store(inbox_db).load().events
    assert all(e.date.iso() != doc["fields"]["date"] for e in events.values())  # none of its date
    app = TrackerApp(inbox_db)
    async with app.run_test(size=(160, 45)) as pilot:
        choices = await open_merge_dialog(app, pilot, pid)
        assert choices.option_count == min(len(events), 40)
        last = choices.option_count - 1
        picked = choices.get_option_at_index(last).id
        await pilot.press("down")  # to the list
        for _ in range(last):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(app, pilot)
    assert decided(inbox_db, "merged")[pid]["record"] == picked
    assert any(h.field == "articles" for h in Store(inbox_db).load().events[picked].history)


def test_the_inbox_details_wrap_each_value_under_its_column():
    import io

    from rich.console import Console

    from tracker.tui.screens.inbox import _details

    claim = "Poland will not accept the proposal for mutual inspections of military sites in any form"
    doc = {"kind": "prediction", "fields": {"claim": claim, "probability": 0.7, "hedge": "unlikely"},
           "source": {"paragraph": claim, "text": claim}}
    console = Console(width=40, record=True, file=io.StringIO())
    console.print(_details("p-1", doc))
    lines = console.export_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("claim"))
    column = lines[first].index("Poland")
    assert lines[first + 1][:column].strip() == "" and lines[first + 1][column:].strip()  # under the value


def test_the_inbox_shows_a_paragraph_line_break_as_a_space():
    from tracker.tui.screens.inbox import _details, _label

    doc = {"kind": "prediction", "fields": {"claim": "Talks will\nresume.", "probability": 0.7},
           "source": {"paragraph": "First line\nsecond line. Talks will\nresume.", "text": "Talks will\nresume."}}
    shown = plain(_details("p-1", doc)) + _label("p-1", doc)
    assert "\\x0a" not in shown and "First line second line." in shown and "Talks will resume." in shown


async def test_the_inbox_on_a_file_that_cannot_be_read_says_so_and_does_not_crash(inbox_db):
    from textual.widgets import Static

    app = TrackerApp(inbox_db)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        raw = inbox_db.read_bytes()
        inbox_db.write_bytes(raw.replace(b'"meta": {', b'"events": {}, "meta": {', 1))  # a key given twice
        screen = await open_inbox(app, pilot)
        await settle(app, pilot)
        assert app.return_code is None and app.is_running
        top = str(screen.query_one("#inbox-top", Static).render())
        assert "cannot read the database" in top and "more than once" in top


async def test_the_timeline_survives_the_file_becoming_a_symlink_loop(inbox_db):
    import os

    app = TrackerApp(inbox_db)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        inbox_db.unlink()
        os.symlink(inbox_db, inbox_db)
        await pilot.pause(1.5)  # the file watcher's next look
        for _ in range(40):
            await settle(app, pilot)
            if not app.session.readable:
                break
            await pilot.pause(0.1)
        assert app.is_running and not app.session.readable


async def test_the_merge_dialog_for_a_prediction_opens_on_the_whole_list_its_best_match_first(inbox_db):
    from textual.widgets import Input

    pid = next(p for p, d in waiting(inbox_db) if d["kind"] == "prediction")
    app = TrackerApp(inbox_db)
    async with app.run_test(size=(160, 45)) as pilot:
        choices = await open_merge_dialog(app, pilot, pid)
        predictions = len(Store(inbox_db).load().predictions)
        assert predictions > 1 and choices.option_count == min(predictions, 40)  # not filtered to one
        best = app.screen.query_one("#into", Input).value
        assert best and choices.get_option_at_index(0).id == best  # Enter still merges into it
