"""The TUI keeps a file's records on shelves (their bytes, decoded when shown) and what filters,
search and counts read of them in a digest of plain data: the same records and the same answers
as a full read, and nothing of the file's for CPython's collector to walk (a full pass over 100k
decoded records froze the screen for 0.3-0.5 s)."""

from __future__ import annotations

import datetime as dt
import gc
import io
import json
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from tracker.domain.model import Article, Event, HistoryEntry, Prediction
from tracker.domain.query import Filter, status_counts
from tracker.domain.review import due_count
from tracker.store.layout import StoreError
from tracker.store.shelf import Shelf, checked_chunks
from tracker.store.store import Store
from tracker.tui.app import TrackerApp
from tracker.tui.digest import accepts, check_and_digest
from tracker.tui.timeline import Timeline

from test_fast_selection import SETTINGS, databases, days
from test_tui import app_for, db_path, settle  # noqa: F401 (db_path: a fixture)

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 11, 25)


def test_a_shelf_gives_the_records_a_full_read_gives(tmp_path):
    path = tmp_path / "p.json"
    shutil.copyfile(ROOT / "predictions.json", path)
    shelved, loaded = Store(path).shelve(), Store(path).load()
    for kind in ("article", "event", "prediction"):
        shelf, table = shelved.table(kind), loaded.table(kind)
        assert isinstance(shelf, Shelf) and len(shelf) == len(table) > 0
        assert dict(shelf.items()) == table and list(shelf.values()) == list(table.values())
        assert all(shelf[i] == table[i] and i in shelf for i in table)
        assert shelf.dates == {i: r.date.iso() for i, r in table.items()}  # what the rows are put in order by
    # The bytes are the file's own: a canonical read cut them from what it parsed.
    first = next(iter(loaded.predictions))
    assert shelved.predictions.docs[first].decode() in path.read_text("utf-8")


def test_a_file_written_by_hand_is_shelved_too(tmp_path):
    path = tmp_path / "p.json"
    path.write_text(json.dumps(json.loads((ROOT / "predictions.json").read_text("utf-8"))), "utf-8")  # one line
    assert dict(Store(path).shelve().predictions.items()) == Store(path).load().predictions


def test_a_change_goes_into_a_copy_and_leaves_the_shelf_it_came_from(tmp_path):
    path = tmp_path / "p.json"
    shutil.copyfile(ROOT / "predictions.json", path)
    before = Store(path).shelve()
    pid = next(iter(before.predictions))
    old = before.predictions[pid]
    changed = Prediction(**{**{f: getattr(old, f) for f in old.__slots__}, "claim": "changed", "history": []})
    after = before.with_records([changed])
    assert after.predictions[pid].claim == "changed"
    assert before.predictions[pid].claim == old.claim  # the screens still reading it see it as it was
    assert after.predictions.dates[pid] == old.resolve_by.iso()
    assert dict(after.predictions.items())[pid] == changed  # read back from its bytes


def test_the_check_names_a_bad_record_as_a_full_read_does(tmp_path):
    path = tmp_path / "p.json"
    tables = json.loads((ROOT / "predictions.json").read_text("utf-8"))
    first, second = list(tables["predictions"])[:2]
    tables["predictions"][first]["probability"] = "high"
    tables["predictions"][second]["status"] = "maybe"
    path.write_text(json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
    with pytest.raises(StoreError) as full:
        Store(path).load()
    shelved = Store(path).shelve()  # the file's shape is sound: its records are shelved, not yet checked
    assert shelved.predictions.dates[first]
    with pytest.raises(StoreError) as checked:
        for _ in checked_chunks(shelved, path):
            pass
    assert str(checked.value) == str(full.value) and "and 1 more" in str(full.value)


FILTERS = st.builds(Filter, status=st.sampled_from(["", "pending", "overdue", "confirmed", "refuted", "void"]),
                    tag=st.sampled_from(["", "x", "X", "at-deadline", "none"]),
                    article=st.sampled_from(["", "a1", "a2"]), author=st.sampled_from(["", "ann", "AN", "bob"]))


@SETTINGS
@given(databases(), st.lists(FILTERS, min_size=1, max_size=6), days)
def test_the_digest_filters_and_counts_as_the_library_does(db, filters, today):
    digest = check_and_digest(db, Path("db.json"), today)  # a plain database: its records decoded already
    assert digest is not None
    for flt in filters:
        for record in [*db.events.values(), *db.predictions.values()]:
            facts = digest.table(record.kind)[record.id]
            assert accepts(flt, facts, today.toordinal()) == flt.accepts(record, today, db), (flt, record.id)
    assert digest.counts(today) == status_counts(db.predictions.values(), today)
    assert digest.due == due_count(db, today)


def test_the_check_counts_what_is_due_as_the_library_does(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    path = generate(tmp_path / "g.json", 900)
    loaded = Store(path).load()
    for today in (dt.date(2019, 1, 1), dt.date(2024, 6, 30), TODAY):
        digest = check_and_digest(Store(path).shelve(), path, today)
        assert digest is not None and digest.due == due_count(loaded, today)
        assert digest.counts(today) == status_counts(loaded.predictions.values(), today)
    assert digest.due > 100


def _decoded_records() -> int:
    return sum(isinstance(o, (Article, Event, Prediction, HistoryEntry)) for o in gc.get_objects())


async def test_the_app_holds_a_large_file_as_data_the_collector_never_walks(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    app = TrackerApp(generate(tmp_path / "g.json", 3000), today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(app, pilot)
        gc.collect()
        rows, digest, database = app.screen.all_rows, app.session.digest, app.session.database
        assert len(rows) > 3000 and digest is not None and len(digest.predictions) == 3000
        # Rows, the digest's entries and the shelves' bytes are plain data: once the collector
        # has seen them it stops looking (a row object holding its record was looked at on every
        # full pass, 0.3-0.5 s at 100k predictions).
        assert not any(gc.is_tracked(row) for row in rows)
        shown = app.query_one(Timeline).rows.raw
        assert not gc.is_tracked(rows) and not gc.is_tracked(shown)  # not even the sequences that hold them
        assert not any(gc.is_tracked(f) for f in [*digest.events.values(), *digest.predictions.values()])
        assert not gc.is_tracked(database.predictions.docs) and not gc.is_tracked(database.predictions.dates)
        # Of 3,000 predictions, 150 events and 60 articles, only the few hundred last shown are decoded.
        assert _decoded_records() < 600, _decoded_records()


async def test_rows_of_a_file_whose_records_fail_the_check_go_and_the_error_is_said(tmp_path):
    path = tmp_path / "p.json"
    tables = json.loads((ROOT / "predictions.json").read_text("utf-8"))
    tables["predictions"][next(iter(tables["predictions"]))]["probability"] = "high"
    path.write_text(json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
    written = path.read_bytes()
    app = app_for(path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        top = str(app.screen.query_one("#counts").content)
        assert "cannot read" in top and "nothing could be read" in top
        assert list(app.query_one(Timeline).rows) == []
        assert any("probability" in str(n.message) for n in app._notifications)
    assert path.read_bytes() == written


async def test_a_file_that_fails_the_check_after_a_good_read_keeps_the_good_rows(db_path):  # noqa: F811
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        shown = [r.record_id for r in app.query_one(Timeline).rows]
        tables = json.loads(db_path.read_text("utf-8"))
        tables["predictions"]["train"]["status"] = "maybe"  # db_path: test_tui's file
        db_path.write_text(json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")
        app.session.check_file()
        await settle(app, pilot)
        assert [r.record_id for r in app.query_one(Timeline).rows] == shown
        assert app.session.database.predictions["train"].status.value != "maybe"
        assert "showing the last good read" in str(app.screen.query_one("#counts").content)


async def test_an_events_details_list_its_predictions_from_the_digest(tmp_path, monkeypatch):
    from rich.console import Console

    from tracker.domain import render
    from tracker.domain.render import linked_predictions

    path = tmp_path / "p.json"
    shutil.copyfile(ROOT / "predictions.json", path)
    loaded = Store(path).load()
    event = next(e for e in loaded.events if linked_predictions(loaded, "event", e))
    app = app_for(path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        # Listing what links to an event never looks at every prediction on the screen's thread.
        monkeypatch.setattr(render, "linked_predictions", lambda *a: pytest.fail("every prediction decoded"))
        app.screen.jump_to(event)
        await settle(app, pilot)
        assert app.query_one(Timeline).current.record_id == event
        console = Console(width=300, record=True, file=io.StringIO())
        console.print(app.screen.query_one("#details").source)
        shown = console.export_text()
    line = next(t for t in shown.splitlines() if t.strip().startswith("predictions"))
    assert line.split(None, 1)[1].strip() == ", ".join(linked_predictions(loaded, "event", event))


def _write(path: Path, change) -> None:
    tables = json.loads(path.read_text("utf-8"))
    change(tables)
    path.write_text(json.dumps(tables, ensure_ascii=False, indent=2, sort_keys=True) + "\n", "utf-8")


async def test_a_bad_article_under_the_first_cursor_is_said_in_the_pane_not_a_crash(db_path):  # noqa: F811
    def change(tables):
        tables["articles"]["nato-article"]["published"] = "garbage"
        del tables["predictions"]["markup"]  # the cursor starts on article-5, whose article this is
    _write(db_path, change)
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert "cannot read" in str(app.screen.query_one("#counts").content)


@pytest.mark.parametrize("key", ["R", "S"])
async def test_review_and_scores_wait_for_the_check_and_survive_a_bad_record(db_path, key):  # noqa: F811
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        screen = app.screen
        _write(db_path, lambda tables: tables["predictions"]["train"].update(probability="lots"))
        app.session.check_file()
        await settle(app, pilot)
        assert app.is_running and app.screen is screen
        assert any("probability" in str(n.message) for n in app._notifications)


async def test_an_event_and_a_prediction_with_one_id_each_show_their_own_words(tmp_path):
    path = tmp_path / "p.json"
    shutil.copyfile(ROOT / "predictions.json", path)

    def change(tables):
        first = next(iter(tables["predictions"]))
        event = dict(next(iter(tables["events"].values())), title="EVENT TITLE")
        tables["events"][first] = event
        tables["predictions"][first]["claim"] = "PREDICTION CLAIM"
    _write(path, change)
    shared = next(iter(json.loads(path.read_text("utf-8"))["predictions"]))  # the id the two now share
    app = app_for(path)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        texts = sorted((r.kind, r.text) for r in app.query_one(Timeline).rows if r.record_id == shared)
    assert texts == [("event", "EVENT TITLE"), ("prediction", "if… PREDICTION CLAIM")]  # a conditional claim
