"""The record-level three-way merge, disputes and settling, and who made each history entry."""

from __future__ import annotations

import datetime as dt
import getpass
import shutil
import subprocess

import orjson
import pytest

from conftest import CONFIRMED, EVENT, FAR_FUTURE, JA_PENDING, PENDING
from tracker.actions import records as actions
from tracker.actions import who
from tracker.cli.main import main
from tracker.domain.disputes import is_disputed, open_disputes
from tracker.store.store import Store
from tracker.domain.validate import database_problems


@pytest.fixture
def sides(sample_db, tmp_path, monkeypatch):
    """base, ours and theirs copies of the sample database."""
    paths = []
    for name in ("base", "ours", "theirs"):
        path = tmp_path / f"{name}.json"
        shutil.copy(sample_db, path)
        paths.append(path)
    return paths


def as_user(monkeypatch, name: str) -> None:
    monkeypatch.setenv("TRACKER_USER", name)


def merge(base, ours, theirs) -> int:
    return main(["merge-file", str(base), str(ours), str(theirs)])


def test_every_new_history_entry_names_who_made_it(sample_db, monkeypatch, tmp_path):
    as_user(monkeypatch, "Carol")
    store = Store(sample_db)
    actions.mark(store, PENDING, "refuted", note="n")
    actions.edit_record(store, FAR_FUTURE, {"tags": "space"})
    csv = tmp_path / "in.csv"
    csv.write_text("id,kind,status,note\nboj-raises-rates,prediction,confirmed,imported note\n", encoding="utf-8")
    assert main(["--db", str(sample_db), "import", str(csv)]) == 0
    db = store.load()
    for record_id in (PENDING, FAR_FUTURE, JA_PENDING):
        assert db.predictions[record_id].history[-1].by == "Carol"


def test_who_falls_back_to_git_user_name_then_login_name(tmp_path, monkeypatch):
    monkeypatch.delenv("TRACKER_USER", raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "none"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    who._git_user.cache_clear()
    plain = tmp_path / "plain"
    plain.mkdir()
    assert who.current_user(plain) == getpass.getuser()
    if shutil.which("git"):
        repo = tmp_path / "repo"
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        subprocess.run(["git", "config", "user.name", "Dana Git"], cwd=repo, check=True)
        assert who.current_user(repo) == "Dana Git"
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))   # no git at all: never an error
    who._git_user.cache_clear()
    assert who.current_user(tmp_path / "elsewhere") == getpass.getuser()
    who._git_user.cache_clear()


def test_show_names_who_made_each_entry(sample_db, monkeypatch, capsys):
    as_user(monkeypatch, "Erin")
    actions.mark(Store(sample_db), PENDING, "confirmed", note="n")
    main(["--db", str(sample_db), "show", PENDING])
    assert "pending → confirmed, known on" in capsys.readouterr().out.split("by Erin")[0]


def test_a_field_changed_on_one_side_takes_that_value(sides, monkeypatch):
    base, ours, theirs = sides
    actions.edit_record(Store(ours), PENDING, {"quote": "ours"})
    actions.edit_record(Store(theirs), FAR_FUTURE, {"tags": "space"})
    assert merge(base, ours, theirs) == 0
    db = Store(ours).load()
    assert db.predictions[PENDING].quote == "ours" and db.predictions[FAR_FUTURE].tags == ["space"]
    assert not any(is_disputed(r) for r in db.records())


def test_different_values_on_both_sides_are_disputed_with_who_set_each(sides, monkeypatch, capsys):
    base, ours, theirs = sides
    as_user(monkeypatch, "Alice")
    actions.edit_record(Store(ours), PENDING, {"resolve_by": "2026-03"})
    as_user(monkeypatch, "Bob")
    actions.edit_record(Store(theirs), PENDING, {"resolve_by": "2026-06"})
    assert merge(base, ours, theirs) == 0
    assert "1 disputed: poland-rejects-inspections (resolve_by)" in capsys.readouterr().err
    record = Store(ours).load().predictions[PENDING]
    entry = open_disputes(record)["resolve_by"]
    assert {(v["value"], v["by"]) for v in entry.values} == {("2026-03", "Alice"), ("2026-06", "Bob")}
    assert record.resolve_by.iso() == "2026-06"   # the later change holds until settled
    main(["--db", str(ours), "show", PENDING])
    out = capsys.readouterr().out
    assert "DISPUTED" in out and "'2026-03' (Alice)" in out and "'2026-06' (Bob)" in out
    main(["--db", str(ours), "list", "--disputed"])
    assert "? disputed" in capsys.readouterr().out


def test_merge_is_the_same_whichever_side_is_ours(sides, tmp_path, monkeypatch):
    base, ours, theirs = sides
    actions.mark(Store(ours), PENDING, "confirmed", note="yes")
    actions.mark(Store(theirs), PENDING, "refuted", note="no")
    actions.edit_record(Store(theirs), CONFIRMED, {"quote": "q"})
    for path, claim, p in ((ours, "Same slug, ours", "0.6"), (theirs, "Same slug, theirs", "0.7"),
                           (ours, "Both add this", "0.6"), (theirs, "Both add this", "0.7")):
        actions.add_prediction(Store(path), claim=claim, probability=p, resolve_by="2030",
                               record_id="same-slug" if claim.startswith("Same") else None)
    clock = iter(f"2030-01-01T00:00:0{n}Z" for n in range(10))   # the two merges run at different times
    monkeypatch.setattr("tracker.sharing.merge.utc_now", lambda: next(clock))
    swapped = tmp_path / "swapped.json"
    shutil.copy(theirs, swapped)
    ours_copy = tmp_path / "ours-copy.json"
    shutil.copy(ours, ours_copy)
    assert merge(base, ours, theirs) == 0
    assert merge(base, swapped, ours_copy) == 0
    assert ours.read_bytes() == swapped.read_bytes()


def test_deleted_on_one_side_stays_deleted_unless_changed_on_the_other(sides):
    base, ours, theirs = sides
    for path, record_id in ((ours, FAR_FUTURE), (ours, JA_PENDING)):
        tables = orjson.loads(path.read_bytes())
        del tables["predictions"][record_id]
        path.write_bytes(orjson.dumps(tables))
    actions.edit_record(Store(theirs), JA_PENDING, {"quote": "changed"})
    assert merge(base, ours, theirs) == 0
    db = Store(ours).load()
    assert FAR_FUTURE not in db.predictions
    assert db.predictions[JA_PENDING].quote == "changed"


def test_renamed_article_takes_its_predictions_along(sides):
    base, ours, theirs = sides
    actions.add_article(Store(ours), record_id="new-piece", title="Ours", author="A", published="2025")
    actions.add_article(Store(theirs), record_id="new-piece", title="Theirs", author="B", published="2025")
    actions.add_prediction(Store(theirs), record_id="their-call", claim="Theirs will happen",
                           probability="0.6", resolve_by="2030", article="new-piece")
    assert merge(base, ours, theirs) == 0
    db = Store(ours).load()
    assert {db.articles["new-piece"].title, db.articles["new-piece-2"].title} == {"Ours", "Theirs"}
    call = db.predictions["their-call"]
    assert db.articles[call.article].title == "Theirs"
    assert database_problems(db) == []


def test_an_unreadable_side_is_refused_and_ours_is_untouched(sides, capsys):
    base, ours, theirs = sides
    theirs.write_text('{"meta": 1', encoding="utf-8")
    before = ours.read_bytes()
    assert merge(base, ours, theirs) == 1
    err = capsys.readouterr().err
    assert err.startswith("tracker: error: theirs:") and len(err.splitlines()) == 1
    assert ours.read_bytes() == before


def test_an_empty_base_means_both_sides_added_the_file(sides, tmp_path):
    base, ours, theirs = sides
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    actions.mark(Store(theirs), PENDING, "refuted", note="n")
    assert merge(empty, ours, theirs) == 0
    assert Store(ours).load().predictions[PENDING].status.value == "refuted"


def test_settle_closes_a_dispute_with_the_chosen_value(sides, monkeypatch):
    base, ours, theirs = sides
    actions.mark(Store(ours), PENDING, "confirmed", note="yes", evidence=["https://example.org/yes"])
    actions.mark(Store(theirs), PENDING, "refuted", note="no")
    merge(base, ours, theirs)
    as_user(monkeypatch, "Judge")
    status = Store(ours).load().predictions[PENDING].status.value
    target = "confirmed" if status == "refuted" else "refuted"
    assert main(["--db", str(ours), "settle", PENDING, "--field", "status", "--value", target]) == 0
    record = Store(ours).load().predictions[PENDING]
    assert record.status.value == target and not is_disputed(record)
    assert [e.action for e in record.history[-2:]] == ["status", "settle"]
    assert record.history[-1].by == "Judge"
    if target == "confirmed":
        assert record.history[-2].evidence == ["https://example.org/yes"]


def test_settle_refuses_a_field_that_is_not_disputed(sample_db, capsys):
    before = sample_db.read_bytes()
    assert main(["--db", str(sample_db), "settle", PENDING, "--field", "status", "--value", "refuted"]) == 1
    assert "no open dispute on 'status'" in capsys.readouterr().err
    assert sample_db.read_bytes() == before


def test_list_disputed_shows_only_disputed_records(sides, capsys):
    base, ours, theirs = sides
    actions.edit_record(Store(ours), EVENT, {"title": "Election, first round"})
    actions.edit_record(Store(theirs), EVENT, {"title": "Election, second round"})
    merge(base, ours, theirs)
    capsys.readouterr()
    main(["--db", str(ours), "list", "--disputed", "--json"])
    assert [r["id"] for r in orjson.loads(capsys.readouterr().out)] == [EVENT]


def test_validate_flags_a_settle_with_nothing_disputed(sample_db, capsys):
    tables = orjson.loads(sample_db.read_bytes())
    tables["predictions"][PENDING]["history"] = [
        {"at": "2026-01-01T00:00:00Z", "action": "settle", "field": "status", "value": "refuted"}]
    sample_db.write_bytes(orjson.dumps(tables))
    assert main(["--db", str(sample_db), "validate"]) == 1
    assert "settles 'status', which no earlier entry disputes" in capsys.readouterr().err


def test_a_disputed_prediction_counts_in_no_score_until_settled(sides):
    from tracker.scoring import scores as scoring
    base, ours, theirs = sides
    actions.mark(Store(ours), PENDING, "confirmed", note="yes")
    actions.mark(Store(theirs), PENDING, "refuted", note="no")
    merge(base, ours, theirs)
    today = dt.date(2026, 11, 1)
    db = Store(ours).load()
    scored = {p.id for p in scoring.scorable(db.predictions.values())}
    assert scored == {CONFIRMED}
    assert scoring.score(db.predictions.values(), today)["brier"] == pytest.approx((1 - 0.8) ** 2)
    assert main(["--db", str(ours), "settle", PENDING, "--field", "status", "--value", "refuted"]) == 0
    db = Store(ours).load()
    assert {p.id for p in scoring.scorable(db.predictions.values())} == {CONFIRMED, PENDING}


def test_a_snooze_names_who_made_it(sample_db, monkeypatch):
    as_user(monkeypatch, "Fay")
    actions.snooze(Store(sample_db), JA_PENDING, "30d")
    assert Store(sample_db).load().predictions[JA_PENDING].history[-1].by == "Fay"


def test_the_proposals_inbox_merges_too(sides):
    base, ours, theirs = sides

    def with_proposals(path, proposals):
        tables = orjson.loads(path.read_bytes())
        tables["proposals"] = proposals
        path.write_bytes(orjson.dumps(tables))

    open_one = {"kind": "event", "state": "proposed", "fields": {"title": "t"}}
    with_proposals(base, {"p1": open_one, "p2": open_one})
    with_proposals(ours, {"p1": {**open_one, "state": "rejected", "decided_at": "2026-01-02T00:00:00Z"},
                          "p2": open_one, "p3": open_one})
    with_proposals(theirs, {"p1": {**open_one, "state": "accepted", "decided_at": "2026-01-01T00:00:00Z"},
                            "p2": {**open_one, "state": "rejected", "decided_at": "2026-01-01T00:00:00Z"},
                            "p4": open_one})
    assert merge(base, ours, theirs) == 0
    merged = orjson.loads(ours.read_bytes())["proposals"]
    assert {pid: doc["state"] for pid, doc in merged.items()} == \
        {"p1": "rejected", "p2": "rejected", "p3": "proposed", "p4": "proposed"}
