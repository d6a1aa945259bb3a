"""The TUI after its own write, where it meets another program or a reader who gives up waiting:
what it shows ends equal to the file (from an adversarial review of the after-write path)."""
from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.test_tui import app_for, db_path, open_add_form, select, settle  # noqa: F401
from tracker.actions import records as actions
from tracker.store import storage as storage_mod
from tracker.store.store import Store
from tracker.tui.timeline import Timeline


async def wait_until(pilot, cond, seconds=6.0):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        await pilot.pause(0.1)
    return cond()


async def test_a_record_saved_after_its_form_was_cancelled_is_shown(db_path: Path, monkeypatch):
    """Escape while 'Saving…': the write lands, saved() is never called with the id, and the
    watcher ignores the file because it equals store.last_write.wrote."""
    gate = threading.Event()
    real = actions.add_prediction

    def slow_add(store, **values):
        gate.wait(5)
        return real(store, **values)

    monkeypatch.setattr(actions, "add_prediction", slow_add)
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        form = await open_add_form(app, pilot)
        form.query_one("#prediction-claim").value = "Added while cancelled"
        form.query_one("#prediction-probability").value = "0.6"
        form.query_one("#prediction-resolve_by").value = "2031-12"
        await pilot.press("ctrl+s")
        await pilot.pause(0.2)
        await pilot.press("escape")  # the reader gives up waiting
        await pilot.pause(0.2)
        gate.set()
        await pilot.pause(0.5)
        file_has = "added-while-cancelled" in Store(db_path).load().predictions
        shown = await wait_until(pilot, lambda: "added-while-cancelled" in app.session.database.predictions, 4)
        assert file_has
        assert shown, "the TUI never shows the record its own write added"


async def test_another_programs_write_right_after_the_apps_own_is_shown(db_path: Path, monkeypatch):
    """Another program (not tracker: no lock) writes just after the app's rename, before
    Store.transaction takes file_signature for Written.wrote."""
    real = storage_mod.replace_file

    def replace_then_outside(path, data, old):
        written = real(path, data, old)
        time.sleep(0.01)
        # e.g. a sync client / editor rewriting the file in place
        text = path.read_bytes().replace(b'"Trump will not abandon NATO', b'"OUTSIDE EDIT: Trump will not abandon NATO')
        path.write_bytes(text)
        return written

    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        monkeypatch.setattr(storage_mod, "replace_file", replace_then_outside)
        await select(app, pilot, "train")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        monkeypatch.setattr(storage_mod, "replace_file", real)
        await pilot.pause(2.5)  # two watch intervals
        await settle(app, pilot)
        on_disk = Store(db_path).load().predictions["article-5"].claim
        held = app.session.database.predictions["article-5"].claim
        assert held == on_disk, "the outside change is never shown"


async def test_two_writes_in_a_row_end_equal_to_the_file(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        app.session.snooze("article-5", "30d")
        app.session.snooze("markup", "30d")
        await settle(app, pilot)
        await pilot.pause(1.2)
        await settle(app, pilot)
        disk = Store(db_path).load()
        assert app.session.database.predictions == disk.predictions
        # What the rows show is read from the records as the file now has them.
        rows = {r.record_id: r.record for r in app.query_one(Timeline).rows if r.kind != "today"}
        assert rows["article-5"] == disk.predictions["article-5"] and rows["markup"] == disk.predictions["markup"]
