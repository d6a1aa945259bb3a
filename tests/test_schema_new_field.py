"""A field added to the field table (tracker/schema.py) reaches every place a user meets it:
the file and `show --json`, CSV export and import, `edit --FIELD`, `show`, the search and the
add/edit form.

The model's dataclass still declares its attributes itself, so a new field is written in two
places: its line in the table and its attribute in the model (the launcher below does both
before anything else imports the model). Everything else follows the table."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import PENDING
from tracker import schema

LAUNCHER = '''
import dataclasses, sys
from tracker import schema
schema.PREDICTION += (schema.Field("mood", searched=True, show_at=12, placeholder="how sure the author sounds"),)
schema.SCHEMA["prediction"] = schema.PREDICTION
from tracker import model
@dataclasses.dataclass(slots=True)
class Prediction(model.Prediction):
    mood: str = ""  # the model's attribute: the one other place a field is written
model.Prediction = Prediction
from tracker.cli import main
sys.exit(main(sys.argv[1:]))
'''


def tracker_with_mood(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`tracker ARGS` with the field `mood` added to predictions."""
    result = subprocess.run([sys.executable, "-c", LAUNCHER, *args], cwd=cwd, capture_output=True,
                            text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def test_a_field_added_to_the_table_is_stored_edited_shown_searched_and_exchanged(sample_db, tmp_path):
    db = ["--db", str(sample_db)]
    tracker_with_mood(*db, "edit", PENDING, "--mood", "quietly sure [b]", cwd=tmp_path)
    assert "quietly sure [b]" in sample_db.read_text("utf-8")  # stored in the file
    shown = json.loads(tracker_with_mood(*db, "show", PENDING, "--json", cwd=tmp_path).stdout)
    assert shown["mood"] == "quietly sure [b]"
    text = tracker_with_mood(*db, "show", PENDING, cwd=tmp_path).stdout
    assert "mood:         quietly sure [b]" in text.splitlines()
    found = json.loads(tracker_with_mood(*db, "list", "--search", "QUIETLY sure", "--json", cwd=tmp_path).stdout)
    assert [r["id"] for r in found] == [PENDING]

    rows = tmp_path / "rows.csv"
    tracker_with_mood(*db, "export", "--format", "csv", "-o", str(rows), cwd=tmp_path)
    assert "mood" in rows.read_text("utf-8").splitlines()[0].split(",")
    copy = tmp_path / "copy.json"
    tracker_with_mood("--db", str(copy), "import", str(rows), cwd=tmp_path)
    again = json.loads(tracker_with_mood("--db", str(copy), "show", PENDING, "--json", cwd=tmp_path).stdout)
    assert again["mood"] == "quietly sure [b]"


async def test_a_field_added_to_the_table_is_in_the_add_form(sample_db, monkeypatch):
    from textual.widgets import Input, Static

    from tracker.tui.app import TrackerApp

    # Not shown in the details pane: this process's model has no `mood` (the test above has one).
    mood = schema.Field("mood", placeholder="how sure the author sounds", form_at=2, shown=False)  # after the hedge
    monkeypatch.setitem(schema.SCHEMA, "prediction", (*schema.PREDICTION, mood))
    app = TrackerApp(sample_db)
    async with app.run_test(size=(150, 50)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("a")
        await pilot.pause()
        row = app.screen.query_one("#row-prediction-mood")
        assert str(row.query_one(Static).content) == "Mood"
        assert row.query_one(Input).placeholder == "how sure the author sounds"
        labels = [str(r.query_one(Static).content) for r in app.screen.query(".kind-prediction.form-field")]
        assert labels[:4] == ["Claim", "Hedge", "Mood", "Probability"]
