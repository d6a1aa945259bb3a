"""The fourth status (void) and whose call a prediction is (forecaster)."""

from __future__ import annotations

import orjson
import pytest

from tests.conftest import ARTICLE, CONFIRMED, PENDING
from tracker.actions import records as actions
from tracker.cli.main import main
from tracker.domain.model import Status
from tracker.store.store import Store


def test_void_needs_a_note_saying_why(sample_db, capsys):
    before = sample_db.read_bytes()
    code = main(["--db", str(sample_db), "mark", PENDING, "void"])
    err = capsys.readouterr().err
    assert code == 1 and "void needs a note" in err and "Traceback" not in err
    assert sample_db.read_bytes() == before


def test_void_with_a_note_is_recorded_and_not_resolved(sample_db, capsys):
    assert main(["--db", str(sample_db), "mark", PENDING, "void", "--note", "the condition never happened"]) == 0
    prediction = Store(sample_db).load().predictions[PENDING]
    assert prediction.status is Status.VOID
    assert not prediction.status.resolved and prediction.status.closed
    entry = prediction.history[-1]
    assert (entry.from_status, entry.to_status, entry.note) == ("pending", "void", "the condition never happened")


def test_list_can_filter_void_predictions(sample_db, capsys):
    actions.mark(Store(sample_db), PENDING, "void", note="moot")
    capsys.readouterr()
    assert main(["--db", str(sample_db), "list", "--status", "void", "--json"]) == 0
    assert [r["id"] for r in orjson.loads(capsys.readouterr().out)] == [PENDING]


def test_forecaster_defaults_to_the_author_and_is_stored(sample_db):
    prediction = Store(sample_db).load().predictions[PENDING]
    assert prediction.forecaster == prediction.author == "Andrew Korybko"
    raw = orjson.loads(sample_db.read_bytes())
    assert raw["predictions"][PENDING]["forecaster"] == "Andrew Korybko"


def test_an_announcers_forecast_is_listed_under_the_announcer_not_the_author(sample_db, capsys):
    store = Store(sample_db)
    added = actions.add_prediction(store, claim="The first train will leave Karachi on 15 March 2025",
                                   probability="0.9", resolve_by="2025-03-15", article=ARTICLE,
                                   forecaster="Pakistan Railways")
    assert added.author == "Andrew Korybko" and added.forecaster == "Pakistan Railways"
    capsys.readouterr()
    main(["--db", str(sample_db), "list", "--kind", "prediction", "--author", "Korybko", "--json"])
    ids = [r["id"] for r in orjson.loads(capsys.readouterr().out)]
    assert added.id not in ids and PENDING in ids
    main(["--db", str(sample_db), "list", "--author", "Pakistan Railways", "--json"])
    assert [r["id"] for r in orjson.loads(capsys.readouterr().out)] == [added.id]


def test_a_file_without_forecasters_reads_them_as_the_author(tmp_path):
    path = tmp_path / "old.json"
    path.write_bytes(orjson.dumps({
        "meta": {"schema": {"schema_version": 1}}, "articles": {}, "events": {},
        "predictions": {"p": {"claim": "X will happen", "probability": 0.7, "made_on": "2025-01",
                              "resolve_by": "2025-12", "author": "A. Writer", "status": "pending"}}}))
    assert Store(path).load().predictions["p"].forecaster == "A. Writer"


def test_changing_the_forecaster_of_a_judged_prediction_needs_force(sample_db):
    with pytest.raises(actions.ActionError, match="forecaster"):
        actions.edit_record(Store(sample_db), CONFIRMED, {"forecaster": "Someone else"})
    actions.edit_record(Store(sample_db), CONFIRMED, {"forecaster": "Someone else"}, force=True)
    assert Store(sample_db).load().predictions[CONFIRMED].forecaster == "Someone else"


def test_a_snooze_entry_reads_back_with_its_date(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(orjson.dumps({
        "meta": {"schema": {"schema_version": 1}}, "articles": {}, "events": {},
        "predictions": {"p": {"claim": "X", "probability": 0.7, "made_on": "2025-01", "resolve_by": "2025-12",
                              "history": [{"at": "2026-01-02T00:00:00Z", "action": "snooze",
                                           "until": "2026-03", "note": "", "by": "ana"}]}}}))
    prediction = Store(path).load().predictions["p"]
    assert prediction.snoozed_until().iso() == "2026-03" and prediction.history[0].by == "ana"


def test_a_snooze_entry_without_a_date_is_a_problem(tmp_path):
    path = tmp_path / "s.json"
    path.write_bytes(orjson.dumps({
        "meta": {"schema": {"schema_version": 1}}, "articles": {}, "events": {},
        "predictions": {"p": {"claim": "X", "probability": 0.7, "made_on": "2025-01", "resolve_by": "2025-12",
                              "history": [{"at": "2026-01-02T00:00:00Z", "action": "snooze"}]}}}))
    with pytest.raises(Exception, match="until"):
        Store(path).load()


def test_an_alternative_hedge_is_kept_and_must_be_in_the_table(sample_db, capsys):
    assert main(["--db", str(sample_db), "edit", PENDING, "--alt-hedge", "可能性がある"]) == 0
    assert Store(sample_db).load().predictions[PENDING].alt_hedge == "可能性がある"
    before = sample_db.read_bytes()
    assert main(["--db", str(sample_db), "edit", PENDING, "--alt-hedge", "no such phrase"]) == 1
    assert "--alt-hedge: " in capsys.readouterr().err and sample_db.read_bytes() == before
