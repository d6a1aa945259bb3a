"""The TUI against hostile text and other writers: void, undo refusal, palette markup, control
characters, a 10 MB claim. Driven through the pilot, checked through what the user sees and the file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from test_tui import app_for, details_text, prediction, select, settle

from tracker.actions import records as actions
from tracker.domain.model import Status
from tracker.store.store import Store
from tracker.tui.timeline import Timeline

ESCAPES = "a \x1b[2J b \x1b]52;c;aGVsbG8=\x07 c"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_prediction(store, claim="Trump will not abandon NATO's Article 5", probability="0.8", made_on="2025-01-01",
                           resolve_by="2029-01", record_id="article-5")
    actions.add_prediction(store, claim=f"Escapes {ESCAPES}", probability="0.6", resolve_by="2027", made_on="2025-01-01",
                           quote=ESCAPES, record_id="escapes")
    actions.add_prediction(store, claim="Bracket id one [a=b=c]label", probability="0.6", resolve_by="2028",
                           record_id="[a=b=c]x", tags=["[bracket]tag"])
    actions.add_prediction(store, claim="Bracket id two [@click=app.quit]label", probability="0.6",
                           resolve_by="2028", record_id="[@click=app.quit]x")
    return path


def notes(app) -> list[str]:
    return [f"{n.title} {n.message}" for n in app._notifications]


async def test_void_needs_a_note_and_is_written_with_it(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("enter")  # no note
        await pilot.pause()
        assert "void needs a note" in str(app.screen.query_one("#error").content)
        assert len(app.screen_stack) == 2
        await pilot.press(*"moot")
        await pilot.press("enter")
        await settle(app, pilot)
        assert "⊘ void 1" in str(app.query_one("#counts").content)
        assert app.query_one(Timeline).current.status == "⊘ void"
    p = prediction(db_path, "article-5")
    assert p.status is Status.VOID and p.history[-1].note == "moot"


async def test_undo_refuses_after_another_process_marked_and_says_why(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("c", "enter")
        await settle(app, pilot)
        tracker = [sys.executable, "-m", "tracker", "--db", str(db_path)]
        # Another process marks it refuted and back to confirmed: the status is the one we wrote,
        # but the latest entry is not.
        subprocess.run([*tracker, "mark", "article-5", "refuted"], check=True, capture_output=True)
        subprocess.run([*tracker, "mark", "article-5", "confirmed"], check=True, capture_output=True)
        await pilot.press("u")
        await settle(app, pilot)
        assert any("Not undone" in n and "changed since that mark" in n for n in notes(app))
    p = prediction(db_path, "article-5")
    assert p.status is Status.CONFIRMED
    assert [(h.from_status, h.to_status) for h in p.history] == [
        ("pending", "confirmed"), ("confirmed", "refuted"), ("refuted", "confirmed")]


async def test_undo_still_works_for_this_apps_own_latest_mark(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("r", "enter")
        await settle(app, pilot)
        await pilot.press("u")
        await settle(app, pilot)
    assert prediction(db_path, "article-5").status is Status.PENDING


async def palette_prompts(app, pilot, query: str) -> list[str]:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*query)
    for _ in range(100):
        await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        options = app.screen.query_one("CommandList").options
        if any("Go to" in str(o.prompt) for o in options):
            break
    return [str(o.prompt) for o in app.screen.query_one("CommandList").options]


async def test_palette_shows_markup_like_ids_as_text_and_survives_them(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        prompts = await palette_prompts(app, pilot, "bracket")
        assert app.is_running
        joined = "\n".join(prompts)
        assert "[a=b=c]x" in joined and "[@click=app.quit]x" in joined  # help text: the ids
        assert "[a=b=c]label" in joined and "[@click=app.quit]label" in joined  # labels: the claims
        assert "Filter by tag: [bracket]tag" in joined


async def test_palette_hit_with_an_action_like_id_jumps_and_does_not_quit(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        prompts = await palette_prompts(app, pilot, "bracket id two")
        assert any("[@click=app.quit]x" in p for p in prompts)
        command_list = app.screen.query_one("CommandList")
        index = next(i for i, o in enumerate(command_list.options) if "[@click=app.quit]x" in str(o.prompt))
        command_list.highlighted = index
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.is_running
        assert app.query_one(Timeline).current.record_id == "[@click=app.quit]x"


async def test_control_characters_are_shown_as_escapes_never_drawn(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(200, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "escapes")
        timeline = app.query_one(Timeline)
        line = "".join(s.text for s in timeline.render_line(timeline.cursor - int(timeline.scroll_y) + 1))
        assert "\\x1b[2J" in line and "\x1b" not in line
        details = details_text(app)
        assert "\\x1b]52;c;aGVsbG8=\\x07" in details and "\x1b" not in details and "\x07" not in details
        await pilot.press("c")  # the dialog shows the claim
        await pilot.pause()
        claim = str(app.screen.query_one(".dialog-claim").content)
        assert "\\x1b[2J" in claim and "\x1b" not in claim
        await pilot.press("escape")
        await pilot.press("r", "enter")  # the notification names the id; the error path too
        await settle(app, pilot)
        assert all("\x1b" not in n for n in notes(app))


async def test_a_huge_claim_is_cut_in_the_details_pane_and_says_so(tmp_path):
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_prediction(store, claim="huge " + "x" * 10_000_000, probability="0.6", resolve_by="2027", made_on="2025-01-01",
                           record_id="huge")
    app = app_for(path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "huge")
        await pilot.pause()
        details = details_text(app)
        assert "more characters not shown" in details
        assert len(details) < 50_000
        assert app.query_one(Timeline).current.record_id == "huge"
