"""A field is declared in one place: a line on its attribute in the model (tracker/model.py).

Here a copy of the package gains exactly one line, the attribute ``mood`` of Prediction
with its declaration, and tracker run from that copy stores it, reads it back, exchanges
it as CSV, sets it with `edit --mood` and `add prediction --mood`, shows it, searches it,
and puts it in the TUI's details pane and its add/edit form.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tracker
from conftest import PENDING

ANCHOR = '    horizon_note: str = spec.text('
BLOG = Path(__file__).parent / "fixtures" / "ingest" / "blog_small.txt"
MOOD = '    mood: str = spec.text(searched=True, show_at=12, form_at=2, placeholder="how sure the author sounds")\n'


@pytest.fixture(scope="module")
def with_mood(tmp_path_factory) -> Path:
    """A folder holding a copy of the tracker package whose model has one more line: ``mood``."""
    root = tmp_path_factory.mktemp("with_mood")
    package = root / "tracker"
    # The compiled modules come along (copied with their times, so Python still takes them for
    # their sources'): only the changed model.py is compiled again, not the whole package per worker.
    shutil.copytree(Path(tracker.__file__).parent, package)
    model = package / "domain" / "model.py"
    source = model.read_text("utf-8")
    assert source.count(ANCHOR) == 1
    model.write_text(source.replace(ANCHOR, MOOD + ANCHOR), "utf-8")
    return root


def run(root: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python ARGS` with the copy of the package (the one with ``mood``) first on the path."""
    env = {**os.environ, "PYTHONPATH": str(root), "XDG_CACHE_HOME": str(cwd / "cache")}
    result = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def tracker_with_mood(root: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return run(root, "-m", "tracker", *args, cwd=cwd)


# Several commands of the copy, one after the other, in one process (its start-up paid once): each
# one's exit code and standard output, which goes to a pipe-like stream (not a terminal).
_MANY = """
import contextlib, io, json, sys
from tracker.cli.main import main
done = []
for argv in json.loads(sys.argv[1]):
    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    out.flush(), err.flush()
    done.append([argv, code, out.buffer.getvalue().decode("utf-8"), err.buffer.getvalue().decode("utf-8")])
print(json.dumps(done))
"""


def tracker_with_mood_many(root: Path, *commands: list[str], cwd: Path) -> list[str]:
    """Each of ``commands`` (argv lists) run by the copy in turn, in one process; their outputs.
    Every one must exit 0."""
    done = json.loads(run(root, "-c", _MANY, json.dumps(commands), cwd=cwd).stdout)
    for argv, code, _, err in done:
        assert code == 0, (argv, err)
    return [out for _, _, out, _ in done]


def test_the_copy_is_the_tracker_that_runs(with_mood, tmp_path):
    where = run(with_mood, "-c", "import tracker.domain.model as m; print(m.__file__)", cwd=tmp_path).stdout
    assert Path(where.strip()) == with_mood / "tracker" / "domain" / "model.py"


def test_a_field_declared_in_the_model_is_stored_edited_shown_searched_and_exchanged(with_mood, sample_db,
                                                                                      tmp_path):
    db = ["--db", str(sample_db)]
    rows = tmp_path / "rows.csv"
    copy = tmp_path / "copy.json"
    edited, shown, text, found, exported, imported, again, new = tracker_with_mood_many(
        with_mood, [*db, "edit", PENDING, "--mood", "quietly sure [b]"], [*db, "show", PENDING, "--json"],
        [*db, "show", PENDING], [*db, "list", "--search", "QUIETLY sure", "--json"],
        [*db, "export", "--format", "csv", "-o", str(rows)], ["--db", str(copy), "import", str(rows)],
        ["--db", str(copy), "show", PENDING, "--json"],
        [*db, "add", "prediction", "--claim", "Rain will fall", "--hedge", "likely", "--resolve-by", "2030",
         "--mood", "hopeful"], cwd=tmp_path)
    assert '"mood": "quietly sure [b]"' in sample_db.read_text("utf-8")  # stored in the file
    assert json.loads(shown)["mood"] == "quietly sure [b]"
    assert "mood:         quietly sure [b]" in text.splitlines()
    assert [r["id"] for r in json.loads(found)] == [PENDING]

    assert "mood" in rows.read_text("utf-8").splitlines()[0].split(",")
    assert json.loads(again)["mood"] == "quietly sure [b]"  # read back from the imported copy's file

    added = json.loads(tracker_with_mood(with_mood, *db, "show", new.strip(), "--json", cwd=tmp_path).stdout)
    assert added["mood"] == "hopeful"


def test_a_field_declared_in_the_model_can_be_set_when_accepting_a_proposal(with_mood, sample_db, tmp_path):
    db = ["--db", str(sample_db)]
    _, waiting = tracker_with_mood_many(with_mood, [*db, "ingest", str(BLOG)], [*db, "inbox", "--json"],
                                        cwd=tmp_path)
    waiting = json.loads(waiting)
    pid = next(p["id"] for p in waiting if p["kind"] == "prediction")
    accepted = json.loads(tracker_with_mood(with_mood, *db, "accept", pid, "--claim", "Talks will resume",
                                            "--mood", "wary", "--json", cwd=tmp_path).stdout)
    assert accepted["mood"] == "wary"


def test_the_tracker_without_the_field_refuses_a_file_that_has_it(with_mood, sample_db, tmp_path, capsys):
    # The field is real data: a tracker whose model lacks it says so rather than dropping it.
    from tracker.cli.main import main

    tracker_with_mood(with_mood, "--db", str(sample_db), "edit", PENDING, "--mood", "calm", cwd=tmp_path)
    assert main(["--db", str(sample_db), "show", PENDING]) == 1
    assert "mood" in capsys.readouterr().err


TUI = '''
import asyncio, io, json, sys
from pathlib import Path
from rich.console import Console
from tracker.tui.app import TrackerApp
from tracker.tui.timeline import Timeline
from tracker.tui.proposal_dialog import AcceptDialog
from textual.widgets import Input

async def settle(app, pilot):
    from textual.worker import WorkerCancelled

    await pilot.pause(0.3)
    for _ in range(200):
        if app.session.loaded and app.session.digest is not None:
            break
        await pilot.pause(0.05)
    for _ in range(4):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # replaced by a newer worker of its group
            pass
        await pilot.pause()

async def main(path, record_id):
    seen = {}
    app = TrackerApp(path)
    async with app.run_test(size=(150, 50)) as pilot:
        await settle(app, pilot)
        app.screen.jump_to(record_id)
        await settle(app, pilot)
        seen["selected"] = app.query_one(Timeline).current.record_id
        console = Console(width=400, record=True, file=io.StringIO())
        console.print(app.query_one("#details").source)
        seen["details"] = console.export_text()
        await pilot.press("e")
        await pilot.pause()
        seen["edit value"] = app.screen.query_one("#prediction-mood").value
        app.screen.query_one("#prediction-mood").value = "edited in the form"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        seen["labels"] = [str(r.children[0].content) for r in form.query(".kind-prediction.form-field")]
        seen["placeholder"] = form.query_one("#prediction-mood").placeholder
        for name, value in (("claim", "Snow will fall"), ("hedge", "likely"), ("resolve_by", "2031"),
                            ("mood", "added in the form")):
            form.query_one(f"#prediction-{name}").value = value
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        app.push_screen(AcceptDialog({"kind": "prediction", "fields": {"claim": "Talks will resume"}}))
        await pilot.pause()
        seen["dialog"] = [w.id for w in app.screen.query(Input)]
    print(json.dumps(seen))

asyncio.run(main(Path(sys.argv[1]), sys.argv[2]))
'''


def test_a_field_declared_in_the_model_is_in_the_details_pane_and_the_form(with_mood, sample_db, tmp_path):
    db = ["--db", str(sample_db)]
    tracker_with_mood(with_mood, *db, "edit", PENDING, "--mood", "quietly sure [b]", cwd=tmp_path)
    seen = json.loads(run(with_mood, "-c", TUI, str(sample_db), PENDING, cwd=tmp_path).stdout)
    assert seen["selected"] == PENDING
    assert any(line.split() == ["mood", "quietly", "sure", "[b]"] for line in seen["details"].splitlines())
    assert seen["edit value"] == "quietly sure [b]"
    assert seen["labels"][:4] == ["Claim", "Hedge", "Mood", "Probability"]  # form_at=2: after the hedge
    assert seen["placeholder"] == "how sure the author sounds"
    assert "f-mood" in seen["dialog"]  # the inbox's accept dialog offers it too
    records = json.loads(tracker_with_mood(with_mood, *db, "list", "--kind", "prediction", "--json",
                                           cwd=tmp_path).stdout)
    moods = {r["claim"]: r["mood"] for r in records}
    assert moods["Poland will not accept the inspections"] == "edited in the form"
    assert moods["Snow will fall"] == "added in the form"
