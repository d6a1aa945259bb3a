"""What a reader sees at 80x24 and 120x40 (issues 20 and 21): the footer's keys, the scores screen's
table and chart, ids and long histories in the details pane, what the review screen and the mark
dialog decide by, the snooze dialog's example, a review after an outside mark, an edit form that
would overwrite another reader's change. Read from the rendered screen where size matters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_tui import TODAY, app_for, details_text, prediction, select, settle

from tracker.actions import records as actions
from tracker.tui.timeline import Timeline
from tracker.store.store import Store

LONG_ID = "baltics-provoke-conflict-with-russia-expecting-us-help"
CRITERION = ("confirmed if before 2029-01 a Baltic state's action leads to armed clashes with Russia; "
             "refuted otherwise")


def screen_lines(app) -> list[str]:
    """The screen as the terminal shows it, one string a line."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def wait_for(pilot, condition, tries: int = 200) -> None:
    """Poll ``condition`` (generously: the machine may be loaded), failing if it never holds."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition()


async def open_review(app, pilot) -> None:
    """Press R and wait until the review screen holds its queue."""
    await pilot.press("R")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ReviewScreen" and app.screen.items is not None)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_article(store, title="Baltics and NATO", author="Andrew Korybko", published="2025-02-22",
                        url="https://example.org/baltics", record_id="art")
    actions.add_prediction(store, claim="One or more Baltic states will provoke a conflict with Russia",
                           hedge="可能性がある", resolve_by="2029-01", article="art", record_id=LONG_ID,
                           horizon_note=f"Tied to Trump's term. Judged by: {CRITERION}")
    actions.add_prediction(store, claim="Algeria will take a more active stance on Mali", probability="0.5",
                           resolve_by="2025-12", article="art", record_id="algeria",
                           condition="Russia strengthens its support for Mali's government",
                           horizon_note="Default horizon. Judged by: confirmed if Algeria protests; "
                                        "refuted if it takes no step")
    actions.add_prediction(store, claim="The freight train runs", probability="0.9", resolve_by="2025-03-15",
                           article="art", record_id="train")
    return path


# ---- the footer ----------------------------------------------------------------------------------

async def test_the_footer_shows_what_matters_at_80_and_at_120_columns(db_path):
    keys = ["? Help", "/ Find", "c r p v Mark", "R Review", "S Scores", "I Inbox", "q Quit", "u Undo", "a Add",
            "e Edit"]
    for size, shown in [((120, 40), [*keys, "^p Palette"]), ((80, 24), keys)]:
        app = app_for(db_path)
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            footer = screen_lines(app)[-1]
            assert footer.rstrip().endswith(shown[-1]), (size, footer)  # nothing after it cut in half
            for item in shown:
                assert item in footer, (size, footer)
            await pilot.press("ctrl+p")  # in the footer or not, the palette opens
            await wait_for(pilot, lambda: type(app.screen).__name__ == "CommandPalette")


async def test_the_review_footer_keeps_help_and_the_keys_that_decide_at_80_columns(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await open_review(app, pilot)
        await settle(app, pilot)
        footer = screen_lines(app)[-1]
        for item in ["? Help", "c r p v Mark", "s Snooze", "n Skip", "esc End"]:
            assert item in footer, footer


# ---- the scores screen -----------------------------------------------------------------------------

@pytest.fixture
def scored_db(tmp_path: Path) -> Path:
    """Four forecasters, one with a long name, and enough resolved predictions to draw a chart."""
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_article(store, title="An article", author="Andrew Korybko", published="2025-01-10", record_id="art")
    forecasters = ["", "Pakistan Railways (Sufiyan Sarfraz Dogar, minister)", "Polish election calendar",
                   "A third voice"]
    for i in range(16):
        record_id = f"p{i}"
        actions.add_prediction(store, claim=f"Claim number {i} happens", probability=str([0.5, 0.7, 0.9, 0.3][i % 4]),
                               resolve_by="2025-06", article="art", record_id=record_id,
                               forecaster=forecasters[i % 4])
        actions.mark(store, record_id, "confirmed" if i % 3 else "refuted", known_on="2026-11-01", today=TODAY)
    return path


async def open_scores(app, pilot) -> None:
    await settle(app, pilot)
    await pilot.press("S")
    await wait_for(pilot, lambda: type(app.screen).__name__ == "ScoresScreen" and app.screen.results is not None)
    await settle(app, pilot)
    await wait_for(pilot, lambda: app.screen.query_one("DataTable").row_count == len(app.screen.results))
    await settle(app, pilot)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_scores_table_keeps_the_brier_column_and_the_chart_fits_with_its_axis(scored_db, size):
    app = app_for(scored_db)
    async with app.run_test(size=size) as pilot:
        await open_scores(app, pilot)
        lines = screen_lines(app)
        text = "\n".join(lines)
        header = next(line for line in lines if "forecaster" in line and "resolved" in line)
        assert "Brier (95% CI)" in header, header  # the column is there, not cut at the right edge
        overall = app.screen.results[0]
        assert f"{overall['brier']:.3f}" in text  # and so is its figure
        # The whole chart on the screen at once: its top, its axis, the labels and the counts under it.
        assert any(line.lstrip().startswith("100% ┤") for line in lines), text
        assert any("└───" in line for line in lines), text
        assert any("0%" in line and "50%" in line and "100%" in line for line in lines), text
        assert any(line.lstrip().startswith("n:") for line in lines), text
        assert "observed share" in text


# ---- the details pane --------------------------------------------------------------------------------

async def test_a_long_id_wraps_at_its_hyphens_in_the_details_pane(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, LONG_ID)
        await pilot.pause()
        pieces = _id_pieces(app)
        assert len(pieces) > 1, pieces  # the pane is narrower than the id
        assert "".join(pieces) == LONG_ID
        assert all(piece.endswith("-") for piece in pieces[:-1]), pieces  # broken after a hyphen, never mid-word


def _id_pieces(app) -> list[str]:
    """The pieces of the details pane's id as the screen shows them (beside or under the timeline)."""
    lines = screen_lines(app)
    start = next(i for i, line in enumerate(lines) if " id " in line.split("│")[-1] + " ")
    pieces = []
    for line in lines[start:start + 6]:
        cell = line.split("│")[-1].replace(" id ", "    ", 1).strip().rstrip("▁▂▃▄▅▆▇█ ")
        if not cell or cell.startswith("kind"):
            break
        pieces.append(cell)
    return pieces


async def test_a_cursor_move_lays_the_details_grid_out_once_and_a_resize_lays_it_out_again(db_path, monkeypatch):
    from rich.table import Table

    laid_out = []
    rich_console = Table.__rich_console__

    def counted(self, console, options):
        laid_out.append(options.max_width)
        yield from rich_console(self, console, options)

    monkeypatch.setattr(Table, "__rich_console__", counted)
    app = app_for(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, LONG_ID)
        await pilot.pause()
        wide = _id_pieces(app)
        laid_out.clear()
        for key in ("up", "up", "down", "down"):  # over the today line to the record before, and back
            await pilot.press(key)
            await settle(app, pilot)
        # Two records shown: each one's two grids (fields, history) laid out once, not measured and drawn apart.
        assert app.query_one(Timeline).current.record_id == LONG_ID
        assert len(laid_out) == 2 * 2, laid_out
        assert _id_pieces(app) == wide and "".join(wide) == LONG_ID
        await pilot.resize_terminal(80, 40)  # narrow: the pane goes under the timeline, full width
        await settle(app, pilot)
        narrow = _id_pieces(app)
        assert narrow == [LONG_ID] and len(wide) > 1  # laid out again at the new width, the id whole on one line


async def test_a_history_of_5000_entries_shows_its_latest_entries_and_says_how_many_more(db_path):
    tables = json.loads(db_path.read_text())
    statuses = ["confirmed", "pending"]
    tables["predictions"]["train"]["history"] = [
        {"action": "status", "at": f"2026-01-01T00:00:{i % 60:02d}Z", "from": statuses[(i + 1) % 2],
         "to": statuses[i % 2], "note": f"entry {i}", "evidence": []}
        for i in range(5_000)]
    tables["predictions"]["train"]["status"] = "pending"  # the 5,000th entry (i = 4,999) goes to pending
    db_path.write_text(json.dumps(tables))
    app = app_for(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "train")
        await pilot.pause()
        shown = details_text(app)
        assert "… 4,950 earlier entries: `tracker show train` prints all" in shown
        assert "entry 4999" in shown and "entry 4950" in shown
        assert "entry 4949" not in shown and "entry 0\n" not in shown


# ---- what a reviewer decides by ------------------------------------------------------------------------

def plain(renderable) -> str:
    import io

    from rich.console import Console

    console = Console(width=300, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


async def test_the_review_card_and_the_mark_dialog_show_the_condition_and_the_criterion(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_review(app, pilot)
        await settle(app, pilot)
        while app.screen.current.id != "algeria":
            await pilot.press("n")
            await pilot.pause()
        card = plain(app.screen.query_one("#review-card").content)
        assert "Russia strengthens its support for Mali's government" in card
        assert "confirmed if Algeria protests; refuted if it takes no step" in card
        await pilot.press("c")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MarkDialog")
        assert str(app.screen.query_one("#condition").content) == \
            "If: Russia strengthens its support for Mali's government"
        assert str(app.screen.query_one("#criterion").content) == \
            "Judged by: confirmed if Algeria protests; refuted if it takes no step"


async def test_the_timeline_mark_dialog_shows_the_criterion(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, LONG_ID)
        await pilot.press("r")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MarkDialog")
        assert str(app.screen.query_one("#criterion").content) == f"Judged by: {CRITERION}"
        assert not app.screen.query("#condition")  # not a conditional prediction


async def test_the_mark_dialog_at_80x24_always_shows_which_status_it_saves(db_path):
    long_claim = " ".join(["The US will not move the headquarters of US European Command to Poland"] * 4)
    actions.edit_record(Store(db_path), "algeria", {"claim": long_claim, "condition": long_claim})
    app = app_for(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "algeria")
        await pilot.press("v")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "MarkDialog")
        await pilot.pause(0.2)
        box = app.screen.query_one("#dialog")
        assert box.max_scroll_y > 0 and box.scroll_y > 0  # the note's field scrolled into view
        lines = screen_lines(app)
        assert any("Mark as void" in line for line in lines)  # in the frame's top border
        assert any("Note (required" in line for line in lines)


async def test_the_snooze_dialogs_example_date_is_after_today_and_accepted(db_path):
    import datetime as dt

    from tracker.tui.app import TrackerApp

    app = TrackerApp(db_path, today=dt.date(2026, 12, 7))  # in December, "2026-03" is in the past
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_review(app, pilot)
        first = app.screen.current.id
        await pilot.press("s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "SnoozeDialog")
        label = " ".join(str(w.content) for w in app.screen.query(".field-label"))
        assert "a date such as 2027-01" in label, label
        app.screen.query_one("#period").value = "2027-01"
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ReviewScreen"
    assert prediction(db_path, first).snoozed_until().iso() == "2027-01-01"


async def test_the_review_screen_drops_a_prediction_marked_by_another_process(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_review(app, pilot)
        await settle(app, pilot)
        position = app.screen.query_one("#review-position")
        assert "due: 1 of 3 (2 due, 1 checkable early)" in str(position.content)
        current = app.screen.current.id
        other = ({"train", "algeria"} - {current}).pop()
        actions.mark(Store(db_path), other, "confirmed", today=TODAY)  # another terminal
        app.session.check_file()
        await wait_for(pilot, lambda: "of 2 (1 due" in str(position.content))
        assert "due: 1 of 2 (1 due, 1 checkable early)" in str(position.content)
        assert app.screen.current.id == current
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.current.id == LONG_ID  # the one marked elsewhere is not offered
        assert "checkable early: 2 of 2" in str(position.content)


# ---- the edit form and another reader's change ----------------------------------------------------------

async def test_the_edit_form_refuses_to_overwrite_a_field_changed_by_another_process(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "train")
        await pilot.press("e")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RecordForm")
        actions.edit_record(Store(db_path), "train", {"claim": "The freight train runs on 15 March"})  # elsewhere
        app.screen.query_one("#prediction-claim").value = "The freight train runs, says the minister"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not app.screen.saving)
        assert type(app.screen).__name__ == "RecordForm"  # still open, pointing at the field
        error = str(app.screen.query_one("#error-prediction-claim").content)
        assert error.startswith("claim: was changed by someone else since this form opened"), error
        assert "The freight train runs on 15 March" in error
    p = prediction(db_path, "train")
    assert p.claim == "The freight train runs on 15 March"
    assert [h.field for h in p.history] == ["claim"]


# ---- a deadline sorts by when its period ends -------------------------------------------------------------

async def test_a_year_deadline_comes_after_the_months_of_that_year_in_the_timeline(tmp_path):
    from tracker.tui.timeline import Timeline

    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_event(store, date="2027-03", title="An event in March 2027", record_id="march-event")
    actions.add_prediction(store, claim="By the end of 2027", probability="0.6", resolve_by="2027",
                           made_on="2025-01-01", record_id="year-2027")
    actions.add_prediction(store, claim="By June 2027", probability="0.6", resolve_by="2027-06",
                           made_on="2025-01-01", record_id="june-2027")
    actions.add_prediction(store, claim="By 31 December 2027", probability="0.6", resolve_by="2027-12-31",
                           made_on="2025-01-01", record_id="last-day-2027")
    app = app_for(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        rows = [(r.kind, r.record_id) for r in app.query_one(Timeline).rows]
    assert rows == [("today", None), ("event", "march-event"), ("prediction", "june-2027"),
                    ("prediction", "last-day-2027"), ("prediction", "year-2027")]


async def test_the_edit_form_saves_when_another_process_changed_only_a_field_it_leaves_alone(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(120, 50)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "train")
        await pilot.press("e")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "RecordForm")
        actions.edit_record(Store(db_path), "train", {"tags": ["rail"]})  # elsewhere, a field the form keeps
        app.screen.query_one("#prediction-claim").value = "The freight train runs, says the minister"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "TimelineScreen")
        await settle(app, pilot)
    p = prediction(db_path, "train")
    assert p.claim == "The freight train runs, says the minister" and p.tags == ["rail"]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_header_shows_the_active_filter_whole(db_path, size):
    app = app_for(db_path)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        await pilot.press("f", "f")  # overdue
        await settle(app, pilot)
        top = screen_lines(app)[0]
        assert "shown · overdue" in top and "✓" in top and "⊘" in top
        assert ("confirmed" in top) == (size[0] >= 120)  # the words go only where they do not fit
        await pilot.resize_terminal(200 - size[0], size[1])  # 80 <-> 120: the line follows the width
        await settle(app, pilot)
        top = screen_lines(app)[0]
        assert "shown · overdue" in top and ("confirmed" in top) == (size[0] < 120)


async def test_the_review_summary_keeps_each_id_whole_at_80_columns(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(app, pilot)
        await open_review(app, pilot)
        for _ in range(len(app.screen.items)):
            await pilot.press("n")  # skip each
            await pilot.pause()
        await wait_for(pilot, lambda: app.screen.finished)
        await pilot.pause(0.2)
        lines = screen_lines(app)
        assert any("Reviewed 3 of 3" in line for line in lines)
        assert any(LONG_ID in line and "skipped" in line for line in lines)  # one line, not folded
