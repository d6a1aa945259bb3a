"""The TUI, driven headlessly with Textual's pilot. Each test works on its own small database."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from tracker.actions import records as actions
from tracker.domain.model import Status
from tracker.store.store import Store
from tracker.tui.app import TrackerApp
from tracker.tui.screens.timeline import SEARCH_DEBOUNCE_SECONDS
from tracker.tui.timeline import Timeline

TODAY = dt.date(2026, 11, 25)
MARKUP_CLAIM = "Oops [/] and [red]not red[/red] and [link=x]no link[/link] [$accent]"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "predictions.json"
    store = Store(path)
    actions.add_article(store, title="Trump Is Unlikely To Pull All US Troops", author="Andrew Korybko",
                        published="2025-02-22", url="https://example.org/nato", record_id="nato-article")
    actions.add_event(store, date="2025-05", title="Polish presidential election", articles=["nato-article"],
                      record_id="polish-election")
    actions.add_prediction(store, claim="Trump will not abandon NATO's Article 5", hedge="可能性は低い",
                           resolve_by="2029-01", article="nato-article", tags=["nato"],
                           quote="NATOの第5条を放棄する可能性は低い。", record_id="article-5")
    actions.add_prediction(store, claim="The first Russia-Pakistan freight train runs", hedge="予定",
                           resolve_by="2025-03-15", article="nato-article", record_id="train")
    actions.add_prediction(store, claim=MARKUP_CLAIM, probability="0.6", resolve_by="2027",
                           quote="ポーランドの[選挙]は5月", record_id="markup")
    return path


def app_for(path: Path) -> TrackerApp:
    return TrackerApp(path, today=TODAY)


def _search_pending(app: TrackerApp) -> bool:
    """Whether a typed search is waiting out its pause before it filters (on any screen)."""
    for screen in app.screen_stack:
        timer = getattr(screen, "_search_timer", None)
        task = getattr(timer, "_task", None)
        if task is not None and not task.done():
            return True
    return False


async def settle(app: TrackerApp, pilot) -> None:
    await pilot.pause()
    if _search_pending(app):
        await pilot.pause(SEARCH_DEBOUNCE_SECONDS + 0.05)  # let a typed search start filtering
    for _ in range(200):  # the first load starts after the first paint; its check of every record follows
        if (app.session.loaded and app.session.digest is not None) or not app.session.readable:
            break
        await pilot.pause(0.05)
    for _ in range(2):
        for _ in range(5):  # a worker replaced by a newer one of its group (a newer read, filter) is cancelled
            try:
                await app.workers.wait_for_complete()
                break
            except WorkerCancelled:
                await pilot.pause()
        await pilot.pause()


async def choose_in_palette(app: TrackerApp, pilot, query: str, expect: str) -> None:
    """Open the palette, type ``query`` and press Enter once the highlighted command says ``expect``:
    the palette searches in a thread, which under load takes longer than any fixed pause."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p")
    for _ in range(400):
        if isinstance(app.screen, CommandPalette):
            break
        await pilot.pause(0.05)
    await pilot.press(*query)

    def highlighted() -> str:
        commands = app.screen.query_one(CommandList)
        if commands.highlighted is None or not commands.option_count:
            return ""
        return str(commands.get_option_at_index(commands.highlighted).prompt)

    for _ in range(400):  # up to 20 s
        if expect in highlighted():
            break
        await pilot.pause(0.05)
    assert expect in highlighted(), highlighted()
    await pilot.press("enter")


async def select(app: TrackerApp, pilot, record_id: str) -> None:
    app.screen.jump_to(record_id)
    await settle(app, pilot)
    assert app.query_one(Timeline).current.record_id == record_id


def prediction(path: Path, record_id: str):
    return Store(path).load().predictions[record_id]


def details_text(app: TrackerApp) -> str:
    """The details pane as plain text, wide enough that nothing wraps."""
    from rich.console import Console

    console = Console(width=400, record=True, file=io.StringIO())
    console.print(app.query_one("#details").source)
    return console.export_text()


def visible_ids(app: TrackerApp) -> list[str]:
    return [r.record_id for r in app.query_one(Timeline).rows if r.record is not None]


async def test_timeline_shows_events_and_predictions_in_date_order_with_today_marker(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        rows = app.query_one(Timeline).rows
        kinds = [(r.kind, r.record_id) for r in rows]
        assert kinds == [("prediction", "train"), ("event", "polish-election"), ("today", None),
                         ("prediction", "markup"), ("prediction", "article-5")]
        assert rows[0].date.human() == "15 Mar 2025"
        assert rows[1].date.human() == "May 2025"
        assert rows[3].date.human() == "2027"
        assert rows[0].style == "overdue"  # pending past its resolve-by date
        counts = str(app.query_one("#counts").content)
        assert "pending 3 (! 1 overdue)" in counts


async def test_marking_by_key_writes_the_file_and_the_history(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"still in force")
        await pilot.press("tab")
        await pilot.press(*"https://example.org/evidence")
        await pilot.press("enter")
        await settle(app, pilot)
    p = prediction(db_path, "article-5")
    assert p.status is Status.CONFIRMED
    entry = p.history[-1]
    assert (entry.from_status, entry.to_status, entry.note) == ("pending", "confirmed", "still in force")
    assert entry.evidence == ["https://example.org/evidence"]
    assert entry.known_on is not None


async def test_cancelling_the_mark_dialog_changes_nothing(db_path):
    before = db_path.read_bytes()
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("r")
        await pilot.press(*"a note")
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(app.screen_stack) == 1
    assert db_path.read_bytes() == before


async def test_bad_date_in_mark_dialog_is_pointed_out_and_nothing_is_written(db_path):
    before = db_path.read_bytes()
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("c")
        await pilot.pause()
        app.screen.query_one("#known_on").value = "next blursday"
        await pilot.press("enter")
        await pilot.pause()
        assert "blursday" in str(app.screen.query_one("#error").content)
        assert len(app.screen_stack) == 2  # the dialog stays open
    assert db_path.read_bytes() == before


async def test_marking_an_event_is_refused_with_a_message(db_path):
    before = db_path.read_bytes()
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "polish-election")
        await pilot.press("c")
        await pilot.pause()
        assert len(app.screen_stack) == 1
        assert any("Only predictions" in str(n.message) for n in app._notifications)
    assert db_path.read_bytes() == before


async def test_undo_appends_an_entry_restoring_the_previous_status(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("r")
        await pilot.press("enter")
        await settle(app, pilot)
        assert prediction(db_path, "article-5").status is Status.REFUTED
        await pilot.press("u")
        await settle(app, pilot)
    p = prediction(db_path, "article-5")
    assert p.status is Status.PENDING
    assert [(h.from_status, h.to_status) for h in p.history] == [("pending", "refuted"), ("refuted", "pending")]


async def test_search_filters_live_and_enter_selects_the_first_match(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"article 5")
        await settle(app, pilot)
        assert visible_ids(app) == ["article-5"]
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is app.query_one(Timeline)
        assert app.query_one(Timeline).current.record_id == "article-5"
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(visible_ids(app)) == 4


async def test_search_finds_japanese_quotes(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"第5条")
        await settle(app, pilot)
        assert visible_ids(app) == ["article-5"]


async def test_status_filter_cycles_and_events_toggle(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f")  # pending
        await settle(app, pilot)
        assert set(visible_ids(app)) == {"train", "markup", "article-5"}
        await pilot.press("f")  # overdue
        await settle(app, pilot)
        assert visible_ids(app) == ["train"]
        await pilot.press("f")  # confirmed
        await settle(app, pilot)
        assert visible_ids(app) == [] and app.query_one(Timeline).rows == []
        await pilot.press("f", "f")  # refuted, then void
        await settle(app, pilot)
        assert visible_ids(app) == []
        await pilot.press("f")  # all
        await settle(app, pilot)
        assert "polish-election" in visible_ids(app)
        await pilot.press("k")
        await settle(app, pilot)
        assert "polish-election" not in visible_ids(app)


async def test_markup_like_and_japanese_text_render_literally(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "markup")
        timeline = app.query_one(Timeline)
        index = timeline.cursor - int(timeline.scroll_y) + 1
        line = "".join(seg.text for seg in timeline.render_line(index))
        assert "Oops [/] and [red]not red[/red]" in line
        details = details_text(app)
        assert MARKUP_CLAIM in details
        assert "ポーランドの[選挙]は5月" in details


async def test_japanese_text_keeps_columns_aligned(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        timeline = app.query_one(Timeline)
        from rich.cells import cell_len

        widths = {cell_len("".join(seg.text for seg in timeline.render_line(y))) for y in range(0, 6)}
        assert len(widths) == 1  # every line, header included, is exactly the widget's width


async def open_add_form(app, pilot):
    """The add form, opened with `a` once the timeline has settled."""
    await settle(app, pilot)
    await pilot.press("a")
    await pilot.pause()
    return app.screen


async def test_add_form_saves_through_the_library_and_hedge_fills_probability(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        form = await open_add_form(app, pilot)
        form.query_one("#prediction-claim").value = "Poland will not accept the inspections"
        form.query_one("#prediction-hedge").value = "probably won't"
        await pilot.pause()
        assert form.query_one("#prediction-probability").value == "0.7"
        form.query_one("#prediction-resolve_by").value = "2031-12"
        form.query_one("#prediction-tags").value = "poland;belarus"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert len(app.screen_stack) == 1
    p = prediction(db_path, "poland-will-not-accept-the-inspections")
    assert (p.probability, p.resolve_by.iso(), p.tags) == (0.7, "2031-12", ["poland", "belarus"])


async def test_add_form_switched_to_event_saves_an_event(db_path):
    from textual.widgets import Select

    from tracker.store.store import Store
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        form = await open_add_form(app, pilot)
        form.query_one("#kind", Select).value = "event"  # its fields join the form when chosen
        await pilot.pause()
        await pilot.pause()
        assert form.query_one("#event-title").has_focus
        form.query_one("#event-title").value = "Poland closes the [b]border[/b]"
        form.query_one("#event-date").value = "2025-05"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert len(app.screen_stack) == 1
    events = [e for e in Store(db_path).load().events.values() if e.title == "Poland closes the [b]border[/b]"]
    assert len(events) == 1 and events[0].date.iso() == "2025-05"


async def test_add_form_points_at_a_bad_field_and_stays_open(db_path):
    before = db_path.read_bytes()
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        form = await open_add_form(app, pilot)
        form.query_one("#prediction-claim").value = "Something"
        form.query_one("#prediction-probability").value = "0.6"
        form.query_one("#prediction-resolve_by").value = "2025-13-45"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "month 13" in str(form.query_one("#error-prediction-resolve_by").content)
    assert db_path.read_bytes() == before


async def test_edit_form_records_the_change_in_history(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "markup")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#prediction-resolve_by").value = "2028-06"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    p = prediction(db_path, "markup")
    assert p.resolve_by.iso() == "2028-06"
    assert (p.history[-1].field, p.history[-1].old, p.history[-1].new) == ("resolve_by", "2027", "2028-06")


async def test_change_by_another_process_is_picked_up_and_not_overwritten(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        subprocess.run([sys.executable, "-m", "tracker", "--db", str(db_path), "mark", "train", "refuted",
                        "--note", "from a script"], check=True, capture_output=True)
        app.session.check_file()
        await settle(app, pilot)
        assert app.session.database.predictions["train"].status is Status.REFUTED
        await select(app, pilot, "article-5")
        await pilot.press("c", "enter")
        await settle(app, pilot)
    db = Store(db_path).load()
    assert db.predictions["train"].status is Status.REFUTED
    assert db.predictions["article-5"].status is Status.CONFIRMED


async def test_an_edit_in_place_that_keeps_size_and_mtime_is_picked_up(db_path):
    """An editor or script that rewrites the file in place, same length, and puts the modification
    time back: the change time still moves, and the app reads the file again."""
    import os

    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        before = os.stat(db_path)
        text = db_path.read_text("utf-8")
        changed = text.replace("The first Russia-Pakistan freight train runs", "The first Russia-Pakistan freight train rung")
        assert len(changed.encode()) == len(text.encode()) and changed != text
        with open(db_path, "r+", encoding="utf-8") as f:  # in place: same inode, same size
            f.write(changed)
        os.utime(db_path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert (os.stat(db_path).st_size, os.stat(db_path).st_mtime_ns) == (before.st_size, before.st_mtime_ns)
        app.session.check_file()
        await settle(app, pilot)
        assert app.session.database.predictions["train"].claim.endswith("train rung")


async def test_unreadable_file_is_reported_and_never_written(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        db_path.write_text("{ not json", encoding="utf-8")
        app.session.check_file()
        await settle(app, pilot)
        assert any("Cannot read" in str(n.title) for n in app._notifications)
        assert "article-5" in visible_ids(app)  # the view is kept
        await select(app, pilot, "article-5")
        await pilot.press("c", "enter")
        await settle(app, pilot)
    assert db_path.read_text(encoding="utf-8") == "{ not json"


async def test_help_screen_opens_and_closes(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.screen_stack) == 1


async def test_palette_filters_by_article(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        app.screen.set_filter("article", "nato-article")
        await settle(app, pilot)
        assert set(visible_ids(app)) == {"polish-election", "article-5", "train"}
        from tracker.tui.palette import TrackerCommands

        titles = [title for title, _, _ in TrackerCommands(app.screen)._commands()]
        assert "Filter by article: Trump Is Unlikely To Pull All US Troops" in titles
        assert "Filter by tag: nato" in titles
        assert "Filter by author: Andrew Korybko" in titles


async def test_marking_a_read_only_file_is_refused_with_a_notification(db_path):
    before = db_path.read_bytes()
    db_path.chmod(0o444)
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("c", "enter")
        await settle(app, pilot)
        assert any("read-only" in str(n.message) for n in app._notifications)
        assert app.is_running
    assert db_path.read_bytes() == before


async def test_a_mark_from_a_stale_dialog_never_overwrites_another_process(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("c")
        await pilot.pause()
        subprocess.run([sys.executable, "-m", "tracker", "--db", str(db_path), "mark", "article-5", "refuted"],
                       check=True, capture_output=True)
        await pilot.press("enter")
        await settle(app, pilot)
        assert any("changed elsewhere" in str(n.message) for n in app._notifications)
    p = prediction(db_path, "article-5")
    assert p.status is Status.REFUTED and len(p.history) == 1


async def test_the_app_runs_with_no_color(db_path, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f", "f", "f")  # "confirmed": nothing matches, the placeholder is painted
        await settle(app, pilot)
        assert app.query_one(Timeline).rows == []
        assert "Nothing matches" in "".join(s.text for s in app.query_one(Timeline).render_line(1))
        assert app.is_running


async def test_editing_only_tags_keeps_a_probability_that_differs_from_the_hedge_reading(db_path):
    actions.edit_record(Store(db_path), "article-5", {"probability": "0.75"})
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#prediction-probability").value == "0.75"
        app.screen.query_one("#prediction-tags").value = "nato;poland"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    p = prediction(db_path, "article-5")
    assert (p.probability, p.tags) == (0.75, ["nato", "poland"])
    assert [h.field for h in p.history] == ["probability", "tags"]


async def test_a_file_moved_away_while_open_is_reported_and_never_recreated(db_path, tmp_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40), notifications=True) as pilot:
        await settle(app, pilot)
        db_path.rename(tmp_path / "elsewhere.json")
        app.session.check_file()
        await settle(app, pilot)
        assert "cannot read" in str(app.query_one("#counts").content)
        assert "article-5" in visible_ids(app)  # the last good read stays on screen
        await pilot.press("a")
        await pilot.pause()
        assert len(app.screen_stack) == 1  # no form: nothing may be written
    assert not db_path.exists()


async def test_escape_clears_the_search_then_the_palettes_filters(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        app.screen.set_filter("tag", "nato")
        await settle(app, pilot)
        assert visible_ids(app) == ["article-5"]
        await pilot.press("slash", *"zzz")
        await settle(app, pilot)
        assert visible_ids(app) == []
        await pilot.press("escape")
        await settle(app, pilot)
        assert visible_ids(app) == ["article-5"]  # the search is gone, the tag filter stays
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(visible_ids(app)) == 4


async def test_the_add_form_starts_with_the_selected_rows_article(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 50)) as pilot:
        await settle(app, pilot)
        await select(app, pilot, "article-5")
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#prediction-article").value == "nato-article"


async def test_the_cursor_starts_on_what_is_due_next(db_path):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        assert app.query_one(Timeline).current.record_id == "markup"  # first record after today


async def test_a_void_prediction_is_drawn_in_the_timeline(db_path):
    actions.mark(Store(db_path), "train", "void", note="the line was never built")
    app = app_for(db_path)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(app, pilot)
        assert "train" in visible_ids(app)
        assert app.is_running and app.return_code is None


async def test_a_slow_first_load_shows_the_rows_and_says_how_far_the_check_has_got(db_path, monkeypatch):
    import threading

    from textual.widgets import Static

    from tracker.store import shelf
    from tracker.tui import digest

    monkeypatch.setattr(shelf, "CHUNK", 1)  # the check says how far it has got after each chunk
    gate = threading.Event()

    def slowly(*args, **kwargs):  # a large file, in miniature: the check stops part-way until the test looked
        for n, chunk in enumerate(shelf.checked_chunks(*args, **kwargs)):
            if n == 2:
                gate.wait(60)
            yield chunk

    monkeypatch.setattr(digest, "checked_chunks", slowly)
    app = app_for(db_path)
    seen: set[str] = set()

    def progress_seen() -> bool:
        return any(" shown · all │ checking every record… " in text and text.endswith(" of 5") for text in seen)

    try:
        async with app.run_test(size=(160, 40)) as pilot:
            for _ in range(600):  # waits on what is shown, not on time: up to 30 s on a loaded machine
                seen.update(str(counts.content) for counts in app.screen.query("#counts").results(Static))
                if progress_seen():
                    break
                await pilot.pause(0.05)
            # The rows came with the parse, before the check of every record ended: the reader
            # scrolls while it runs.
            rows_while_checking = len(app.query_one(Timeline).rows)
            gate.set()
            await settle(app, pilot)
            assert app.session.loaded and app.session.digest is not None
            header = str(app.screen.query_one("#counts").content)
    finally:
        gate.set()
    assert progress_seen(), seen
    assert rows_while_checking == 5  # four records and the today line
    assert "checking" not in header and "pending" in header  # the counts, once every record is checked


async def test_after_its_own_mark_the_app_shows_it_without_reading_the_file_again(db_path, monkeypatch):
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        reads = []
        real = Store.load
        monkeypatch.setattr(Store, "load", lambda self, *a, **k: reads.append(1) or real(self, *a, **k))
        await select(app, pilot, "article-5")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert reads == []  # the records the mark put replaced the ones held
        current = app.query_one(Timeline).current.record
        assert (current.id, current.status) == ("article-5", Status.CONFIRMED)
        assert app.session.database.predictions["article-5"].status is Status.CONFIRMED
        assert app.session.signature == Store(db_path).signature()  # the watcher sees no outside change
        await pilot.pause(1.2)  # past a watch interval: nothing to read
        assert reads == []


async def test_a_mark_after_another_program_wrote_reads_the_file_again(db_path, monkeypatch):
    from tracker.tui.session import Session

    monkeypatch.setattr(Session, "check_file", lambda self: None)  # the watcher must not see it first
    app = app_for(db_path)
    async with app.run_test(size=(150, 40)) as pilot:
        await settle(app, pilot)
        actions.edit_record(Store(db_path), "train", {"tags": "from;elsewhere"})  # not the one marked
        await select(app, pilot, "article-5")
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.session.database.predictions["article-5"].status is Status.CONFIRMED
        assert app.session.database.predictions["train"].tags == ["from", "elsewhere"]
