"""A large file opens on the rows it showed last time (a preview) while it is read, but only when
the preview was made from exactly the same bytes on the same day; until the file is read, writes
wait and say so."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from tests.test_tui import TODAY, app_for, db_path, details_text, settle  # noqa: F401 (db_path: fixture)
from tracker.actions import records as actions
from tracker.store.store import Store
from tracker.tui import firstscreen
from tracker.tui.app import TrackerApp
from tracker.tui.session import Session
from tracker.tui.timeline import Timeline

ALL_ROWS = ["train", "polish-election", None, "markup", "article-5"]


@pytest.fixture(autouse=True)
def _small_files_get_a_first_screen(monkeypatch):
    monkeypatch.setattr(firstscreen, "MIN_BYTES", 0)


@pytest.fixture
def held_read(monkeypatch):
    """Open the file once (which keeps its first screen), then hold every later read until the
    test lets it go, as a large file's read would take a while."""
    gate = threading.Event()
    read = Session._load

    def held(self, keep_id):
        gate.wait(20)
        read(self, keep_id)

    async def after_one_run(path: Path) -> threading.Event:
        app = app_for(path)
        async with app.run_test(size=(150, 40)) as pilot:
            await settle(app, pilot)
        monkeypatch.setattr(Session, "_load", held)
        return gate

    yield after_one_run
    gate.set()


def ids(app) -> list[str | None]:
    return [r.record_id for r in app.query_one(Timeline).rows]


def header(app) -> str:
    return str(app.query_one("#counts").content)


async def wait_for_rows(app, pilot, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if len(app.query_one(Timeline).rows) > 1:
            await pilot.pause()  # the details pane follows the cursor
            return
        await pilot.pause(0.05)


async def test_a_file_opened_before_shows_its_rows_before_it_is_read(db_path, held_read):
    held = await held_read(db_path)
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_for_rows(app, pilot)
        assert not app.session.loaded
        assert ids(app) == ALL_ROWS
        assert app.query_one(Timeline).current.record_id == "markup"  # what is due next, as always
        assert "preview" in header(app) and "marks, search and filters wait" in header(app)
        assert "pending 3 (! 1 overdue)" in header(app)
        assert "[/] and [red]not red[/red]" in details_text(app)  # the details pane, as text
        held.set()
        await settle(app, pilot)
        assert app.session.loaded and "preview" not in header(app)
        assert ids(app) == ALL_ROWS and all(r.record is not None for r in app.query_one(Timeline).rows
                                            if r.kind != "today")


async def test_marks_wait_for_the_file_and_say_so(db_path, held_read):
    held = await held_read(db_path)
    before = db_path.read_bytes()
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_for_rows(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert any("Still reading the database" in n.message for n in app._notifications)
        assert len(app.screen_stack) == 1  # no mark dialog over a preview
        held.set()
        await settle(app, pilot)
    assert db_path.read_bytes() == before


async def test_a_file_changed_since_never_shows_the_old_rows(db_path, held_read):
    held = await held_read(db_path)
    actions.mark(Store(db_path), "article-5", "confirmed", note="still in force", today=TODAY)
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause(0.5)
        assert app.query_one(Timeline).rows == [] and "Loading" in header(app)
        held.set()
        await settle(app, pilot)
        assert [r.status for r in app.query_one(Timeline).rows if r.record_id == "article-5"] == ["✓ confirmed"]


async def test_same_size_and_time_but_other_bytes_shows_no_preview(db_path, held_read):
    held = await held_read(db_path)
    st = db_path.stat()
    with open(db_path, "r+b") as f:  # rewritten in place: same inode, size and (restored) mtime
        data = f.read()
        f.seek(0)
        f.write(data.replace(b"Polish presidential election", b"Polish presidential electioN"))
    os.utime(db_path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert Store(db_path).signature() == Store(db_path).signature()
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause(0.5)
        assert app.query_one(Timeline).rows == []
        held.set()
        await settle(app, pilot)


async def test_the_next_day_shows_no_preview(db_path, held_read):
    held = await held_read(db_path)  # overdue and due-next depend on the day
    app = TrackerApp(db_path, today=TODAY + dt.timedelta(days=1))
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause(0.5)
        assert app.query_one(Timeline).rows == []
        held.set()
        await settle(app, pilot)
        assert len(app.query_one(Timeline).rows) == 5


async def test_a_search_typed_over_the_preview_applies_once_the_file_is_read(db_path, held_read):
    held = await held_read(db_path)
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_for_rows(app, pilot)
        await pilot.press("slash", *"freight")
        await pilot.pause(0.3)
        assert app.query_one(Timeline).rows == []  # not the unfiltered preview under a search
        held.set()
        await settle(app, pilot)
        assert ids(app) == ["train", None]


async def test_a_fifo_named_like_the_preview_entry_does_not_hang_the_start(db_path, held_read):
    held = await held_read(db_path)
    entry = firstscreen.entry_path(db_path)
    entry.unlink()
    os.mkfifo(entry)
    held.set()
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        assert app.session.loaded and ids(app) == ALL_ROWS


async def test_a_preview_entry_changed_by_hand_draws_control_characters_as_text(db_path, held_read):
    import orjson

    held = await held_read(db_path)
    entry = firstscreen.entry_path(db_path)
    data = orjson.loads(entry.read_bytes())
    for row in data["rows"]:
        row[3] = row[3][:1] + [f"\x1b[2J{cell}" for cell in row[3][1:]]  # not the style: see below
        if row[4]:
            row[4][0] = [[f"\x1b]0;owned\x07{c}" for c in r] for r in row[4][0]]
    entry.write_bytes(orjson.dumps(data))
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await wait_for_rows(app, pilot)
        assert not app.session.loaded and ids(app) == ALL_ROWS
        timeline = app.query_one(Timeline)
        painted = "".join(seg.text for y in range(1, 6) for seg in timeline.render_line(y))
        assert "\\x1b[2J" in painted and "\x1b" not in painted
        shown = details_text(app)
        assert "\\x1b]0;owned\\x07" in shown and "\x1b" not in shown and "\x07" not in shown
        held.set()
        await settle(app, pilot)


async def test_a_preview_entry_with_a_style_the_timeline_lacks_is_not_used(db_path, held_read):
    import orjson

    held = await held_read(db_path)
    entry = firstscreen.entry_path(db_path)
    data = orjson.loads(entry.read_bytes())
    data["rows"][0][3][0] = "[b]bold"
    entry.write_bytes(orjson.dumps(data))
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await pilot.pause(0.3)
        assert ids(app) == []  # no preview: the rows come with the read
        held.set()
        await settle(app, pilot)
        assert app.session.loaded and ids(app) == ALL_ROWS
