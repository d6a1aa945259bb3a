"""What a first-time reader of the TUI stumbled on, driven through the pilot: keys that did
nothing, lines cut without saying so, a header that read wrongly, a typo'd path left unexplained."""

from __future__ import annotations


from test_tui import app_for, open_add_form, settle
from test_tui_review_scores import db_path, open_screen, resolve, screen_text  # noqa: F401 (fixture)

from rich.cells import cell_len
from textual.widgets import Select

from tracker.domain.text import visible
from tracker.tui.form import RecordForm


def line(widget, y: int = 0) -> str:
    """What the terminal shows on line ``y`` of ``widget``, trailing blanks dropped."""
    return widget.render_line(y).text.rstrip()


async def test_up_and_down_choose_the_forecaster_on_the_scores_screen_at_once(db_path):  # noqa: F811
    resolve(db_path, {"train": "confirmed", "election": "refuted"})
    app = app_for(db_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await open_screen(app, pilot, "S", "ScoresScreen")
        assert screen_text(app, "#scores-detail").strip().startswith("all forecasters")
        await pilot.press("down")
        await pilot.pause()
        assert screen_text(app, "#scores-detail").strip().startswith("Andrew Korybko")
        await pilot.press("up")
        await pilot.pause()
        assert screen_text(app, "#scores-detail").strip().startswith("all forecasters")


async def test_a_path_that_does_not_exist_is_named_and_said_to_be_created_on_the_first_add(tmp_path):
    path = tmp_path / "typo.json"
    app = app_for(path)
    async with app.run_test(size=(400, 30)) as pilot:  # wide enough for any temp folder's path
        await settle(app, pilot)
        top = str(app.screen.query_one("#counts").content)
        assert "does not exist yet" in top and visible(str(path)) in top
        timeline = app.screen.query_one("Timeline")
        placeholder = next(t for t in (line(timeline, y) for y in range(5)) if "file yet" in t)
        assert visible(str(path)) in placeholder and "no such file yet" in placeholder.lower()
        assert "creat" in placeholder and "press a" in placeholder.lower()
    async with app_for(path).run_test(size=(80, 30)) as pilot:
        await settle(pilot.app, pilot)
        cut = line(pilot.app.screen.query_one("Timeline"), 1)
        assert cut.startswith("No such file yet; press a to add a record") and cut.endswith("…")
    assert not path.exists()


async def test_a_file_never_read_does_not_claim_a_last_good_read(tmp_path):
    path = tmp_path / "garbage.json"
    path.write_text("this is not json", encoding="utf-8")
    app = app_for(path)
    async with app.run_test(size=(200, 30), notifications=True) as pilot:
        await settle(app, pilot)
        top = str(app.screen.query_one("#counts").content)
        assert "cannot read" in top and "nothing could be read" in top
        assert "last good read" not in top
        assert all("last read" not in str(n.message) for n in app._notifications)


async def test_the_header_shows_overdue_as_part_of_pending(db_path):  # noqa: F811
    app = app_for(db_path)
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(app, pilot)
        top = str(app.screen.query_one("#counts").content)
        assert "… pending 5 (! 4 overdue)" in top  # all but article-5 are past due
        assert "! overdue" not in top


async def test_every_form_placeholder_reads_whole_at_80_columns(db_path):  # noqa: F811
    app = app_for(db_path)
    async with app.run_test(size=(80, 40)) as pilot:
        form = await open_add_form(app, pilot)
        assert isinstance(form, RecordForm)
        for kind in ("prediction", "event"):
            form.query_one("#kind", Select).value = kind  # as choosing it in the kind list does
            await pilot.pause()
            await pilot.pause()
            for field in form.query(f".kind-{kind} Input"):
                assert field.region.width > 0
                assert cell_len(field.placeholder) < field.content_region.width, (field.id, field.placeholder)


async def test_a_cut_cannot_read_line_ends_in_an_ellipsis(tmp_path):
    path = tmp_path / "garbage.json"
    path.write_text("this is not json", encoding="utf-8")
    app = app_for(path)
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(app, pilot)
        shown = line(app.screen.query_one("#counts"))
        full = str(app.screen.query_one("#counts").content)
        assert shown.startswith("⚠ cannot read garbage.json") and shown.endswith("…")
        assert full.startswith(shown[:-1]) and full[len(shown) - 1] != "…"  # an added …, not the text's


async def test_the_review_summary_offers_only_the_keys_that_work_there(db_path):  # noqa: F811
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await open_screen(app, pilot, "R", "ReviewScreen")
        offered = {key.action for key in app.screen.query("FooterKey")}
        assert {"mark('confirmed')", "snooze", "skip"} <= offered
        await pilot.press("escape")
        await pilot.pause()
        assert "Reviewed 0 of" in screen_text(app, "#review-card")
        offered = {key.action for key in app.screen.query("FooterKey")}
        assert not offered & {"mark('confirmed')", "mark('refuted')", "mark('pending')", "mark('void')",
                              "snooze", "skip"}
        assert "back" in offered and "finish" not in offered  # the footer says "esc Back"
        await pilot.press("c", "n")
        await pilot.pause()
        assert len(app.screen_stack) == 2  # no dialog opened


async def test_help_keeps_wrapped_descriptions_in_their_column(db_path):  # noqa: F811
    app = app_for(db_path)
    async with app.run_test(size=(80, 60)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        table = app.screen.query("#help Static")[1]
        lines = [line(table, y) for y in range(table.size.height)]
        text = "\n".join(lines)
        start = next(i for i, t in enumerate(lines) if "undo the last mark" in t)
        column = lines[start].index("undo the last mark")
        following = lines[start + 1]
        assert following[:column].strip() == "" and following[column] != " ", text


async def test_the_footer_keeps_its_keys_while_they_stay_the_same_and_changes_them_when_they_do(db_path):  # noqa: F811
    """Moving through the list leaves the footer's keys as they are (no rebuild per key, which
    also cost CPU and left keys behind); a screen with other keys gets its own."""
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        keys = list(app.screen.query("FooterKey"))
        assert keys and "app.quit" in {key.action for key in keys}
        await pilot.press("down", "down", "up", "end", "home")
        app.screen.refresh_bindings()  # what a focus change that leaves the same keys sends
        for _ in range(3):
            await pilot.pause()
        assert list(app.screen.query("FooterKey")) == keys
        assert all(key.is_attached for key in keys)
        await open_screen(app, pilot, "R", "ReviewScreen")
        assert "skip" in {key.action for key in app.screen.query("FooterKey")}
