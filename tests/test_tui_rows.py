"""The timeline after a write: the changed record's row is replaced in place (or moved to its
new date), the rest stay as they were, under whatever filter is on."""

from __future__ import annotations

from pathlib import Path

from tests.test_tui import app_for, db_path, settle  # noqa: F401 (db_path is a fixture)
from tracker.actions import records as actions
from tracker.store.store import Store
from tracker.tui.timeline import Timeline


def shown(app) -> list[tuple[str, str | None, str]]:
    return [(r.kind, r.record_id, r.status) for r in app.query_one(Timeline).rows]


def counts(app) -> str:
    return str(app.query_one("#counts").content)


async def test_a_mark_updates_its_row_and_the_counts(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        before = shown(app)
        app.screen.jump_to("article-5")
        await settle(app, pilot)
        await pilot.press("c", *"still in force", "enter")
        await settle(app, pilot)
        after = shown(app)
        assert ("prediction", "article-5", "✓ confirmed") in after
        assert [r for r in after if r[1] != "article-5"] == [r for r in before if r[1] != "article-5"]
        assert "pending 2 (! 1 overdue)  ✓ confirmed 1" in counts(app)
        assert app.query_one(Timeline).current.record_id == "article-5"


async def test_a_mark_under_the_pending_filter_takes_the_row_out_and_undo_brings_it_back(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")  # pending
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]] == ["train", "markup", "article-5"]
        app.screen.jump_to("train")
        await settle(app, pilot)
        await pilot.press("c", *"it ran", "enter")
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]] == ["markup", "article-5"]
        assert "1 shown" not in counts(app) and "2 shown" in counts(app)
        await pilot.press("u")
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]] == ["train", "markup", "article-5"]


async def test_a_changed_resolve_by_date_moves_the_row(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        # The same process writes (as a form would): the timeline hears of it through the file watcher.
        actions.edit_record(Store(db_path), "train", {"resolve_by": "2030"})
        for _ in range(400):  # waits on the rows, not on time: up to 40 s on a loaded machine
            await pilot.pause(0.1)
            if shown(app)[-1][1] == "train":
                break
        await settle(app, pilot)
        assert [r[1] for r in shown(app)] == ["polish-election", None, "markup", "article-5",
                                                               "train"]
        assert shown(app)[-1] == ("prediction", "train", "… pending")
        assert "(! 0 overdue)" in counts(app)


async def test_typing_more_narrows_the_search_and_deleting_widens_it_again(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"trump")  # the article's title names him: three records
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]] == ["train", "polish-election", "article-5"]
        await pilot.press(*" will")  # only article-5's claim says "Trump will"
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]] == ["article-5"]
        await pilot.press(*["backspace"] * 5)  # "trump" again
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]] == ["train", "polish-election", "article-5"]
        await pilot.press("x")
        await settle(app, pilot)
        assert shown(app) == []
        await pilot.press("backspace")
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]] == ["train", "polish-election", "article-5"]


async def test_after_its_own_mark_only_the_marked_row_is_made_again(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        before = {r[1]: r for r in app.screen.all_rows}  # (order, id, kind, date)
        app.screen.jump_to("article-5")
        await settle(app, pilot)
        await pilot.press("c", "enter")
        await settle(app, pilot)
        after = {r[1]: r for r in app.screen.all_rows}
        assert after.keys() == before.keys()
        assert after["article-5"] is not before["article-5"]
        assert all(after[i] is before[i] for i in before if i != "article-5")  # not built again


async def test_an_edit_saved_by_this_app_moves_its_row_to_the_new_date(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        assert [r[1] for r in shown(app) if r[1]].index("train") == 0
        # What the edit form's save does: the edit through the app's store, then `saved`.
        actions.edit_record(app.session.store, "train", {"resolve_by": "2030-01"})
        app.session.saved("train")
        await settle(app, pilot)
        ids = [r[1] for r in shown(app) if r[1]]
        assert ids[-1] == "train"  # after 2029-01 (article-5) and 2027 (markup)
        assert app.query_one(Timeline).current.record_id == "train"
        actions.add_prediction(app.session.store, claim="A new call", probability="0.6", resolve_by="2028",
                               record_id="added")
        app.session.saved("added")
        await settle(app, pilot)
        ids = [r[1] for r in shown(app) if r[1]]
        assert ids.index("markup") < ids.index("added") < ids.index("article-5")


async def test_a_filter_that_keeps_only_past_records_puts_the_cursor_on_one_not_on_the_today_line(db_path: Path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f", "f")  # overdue: only the freight train, before today
        await settle(app, pilot)
        timeline = app.query_one(Timeline)
        assert [r[1] for r in shown(app) if r[1]] == ["train"] and timeline.rows[-1].kind == "today"
        assert timeline.current.record_id == "train"  # the details pane shows it, not the today line
