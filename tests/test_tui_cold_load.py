"""A large file that has not been decoded before is decoded in a child process (so parsing it
cannot freeze the screen): the reader sees the same rows, and a broken file the same message."""

from __future__ import annotations

import pytest

from tests.test_tui import app_for, db_path, settle, visible_ids  # noqa: F401 (db_path: fixture)
from tests.test_tui_inbox import inbox_db, open_inbox, waiting  # noqa: F401 (inbox_db: fixture)
from tracker.store.snapshots import forget
from tracker.tui import coldload
from tracker.tui.app import TrackerApp
from tracker.tui.timeline import Timeline


@pytest.fixture(autouse=True)
def _every_file_is_large(monkeypatch):
    monkeypatch.setattr(coldload, "CHILD_BYTES", 0)


@pytest.fixture
def children(monkeypatch) -> list:
    started = []
    decode = coldload.decode_in_child

    def counted(path, tick=None):
        started.append(path)
        return decode(path, tick)

    monkeypatch.setattr(coldload, "decode_in_child", counted)
    return started


async def test_a_file_decoded_in_a_child_shows_its_rows(db_path, children):
    forget(db_path)  # as if another program had written it
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        assert children == [db_path]
        assert visible_ids(app) == ["train", "polish-election", "markup", "article-5"]


async def test_a_broken_file_read_in_a_child_is_named_with_its_problem(db_path, children):
    db_path.write_text('{"predictions": {"x": ', encoding="utf-8")
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert children == [db_path]
        assert not app.session.readable
        placeholder = app.query_one(Timeline)._placeholder
        assert "not valid JSON" in placeholder and str(db_path) in placeholder
    assert db_path.read_text(encoding="utf-8") == '{"predictions": {"x": '


async def test_the_inbox_of_a_large_file_lists_every_waiting_proposal(inbox_db, monkeypatch):
    asked = []
    read = coldload.proposals_in_child
    monkeypatch.setattr(coldload, "proposals_in_child", lambda path: asked.append(path) or read(path))
    app = TrackerApp(inbox_db)
    async with app.run_test(size=(150, 40)) as pilot:
        screen = await open_inbox(app, pilot)
        assert asked == [inbox_db]
        assert [pid for pid, _ in screen.items] == [pid for pid, _ in waiting(inbox_db)]
        assert screen.items == waiting(inbox_db)


def test_the_child_runs_the_installed_tracker_not_a_file_in_the_current_folder(db_path, tmp_path,
                                                                                monkeypatch):
    folder = tmp_path / "data-repo"
    (folder / "tracker" / "tui").mkdir(parents=True)
    ran = tmp_path / "ran"
    planted = f"open({str(ran)!r}, 'w').write('planted code ran')\n"
    (folder / "tracker.py").write_text(planted)
    for name in ("__init__.py", "tui/__init__.py", "tui/coldload.py"):
        (folder / "tracker" / name).write_text(planted)
    monkeypatch.chdir(folder)
    forget(db_path)
    assert coldload.decode_in_child(db_path) is True
    assert not ran.exists()


async def test_with_no_cache_folder_to_write_the_file_is_decoded_once_here(db_path, children, tmp_path,
                                                                           monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked / "cache"))
    forget(db_path)
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        assert children == []  # a child's decode would be lost: no cache entry can be written
        assert visible_ids(app) == ["train", "polish-election", "markup", "article-5"]


def test_the_child_hands_over_its_entry_before_writing_the_json_texts(tmp_path):
    import subprocess
    import sys
    import time
    from pathlib import Path

    from tracker.store import diskcache

    from tracker.store import jsoncache
    big = tmp_path / "big.json"  # over diskcache.MIN_BYTES, which the child keeps (its own process)
    generator = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"
    subprocess.run([sys.executable, str(generator), str(big), "800"], check=True, capture_output=True)
    assert big.stat().st_size > diskcache.MIN_BYTES
    assert coldload.decode_in_child(big) is True
    assert diskcache.entry_path(big).exists()  # what the app loads next is in place when the child says so
    texts = jsoncache.entry_path(big)
    deadline = time.monotonic() + 20
    while not texts.exists() and time.monotonic() < deadline:  # then the child writes the texts
        time.sleep(0.05)
    assert texts.exists()
