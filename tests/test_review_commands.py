"""`tracker review`, `tracker snooze` and `tracker score` as a user runs them."""

from __future__ import annotations

import datetime as dt

import orjson
import pytest

from tracker.actions import records as actions
from tracker.cli.main import main
from tracker.scoring.scores import KEYS
from tracker.store.store import Store

from conftest import CONFIRMED, FAR_FUTURE, JA_PENDING, PENDING


def run(db, capsys, *args):
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(db, capsys) -> dict:
    code, out, _ = run(db, capsys, "list", "--kind", "prediction", "--json")
    return {r["id"]: r for r in orjson.loads(out)}


def test_review_json_lists_records_shaped_as_list_json(sample_db, capsys):
    code, out, _ = run(sample_db, capsys, "review", "--today", "2026-11-24", "--json")
    data = orjson.loads(out)
    assert code == 0
    assert [r["id"] for r in data["due"]] == [PENDING, JA_PENDING]
    assert [r["id"] for r in data["checkable_early"]] == [FAR_FUTURE]
    assert data["upcoming"] == [] and data["snoozed"] == []
    assert data["early_direction"] == {FAR_FUTURE: "confirm"}
    records = listed(sample_db, capsys)
    assert data["due"][0] == records[PENDING]


def test_review_today_decides_what_is_due(sample_db, capsys):
    _, out, _ = run(sample_db, capsys, "review", "--today", "2025-06-01", "--json")
    assert orjson.loads(out)["due"] == []


def test_review_within_brings_in_what_falls_due_soon(sample_db, capsys):
    _, out, _ = run(sample_db, capsys, "review", "--today", "2025-12-15", "--within", "30d", "--json")
    data = orjson.loads(out)
    assert [r["id"] for r in data["upcoming"]] == [PENDING]
    assert data["within"] == "2026-01-14"


def test_review_text_shows_four_sections_with_counts(sample_db, capsys):
    code, out, _ = run(sample_db, capsys, "review", "--today", "2026-11-24")
    assert code == 0
    assert out.startswith("Review as of 2026-11-24: 2 due, 1 checkable early, 0 falling due by 2026-12-24, 0 snoozed")
    for heading in ("Due (resolve-by passed; oldest first): 2", "Checkable early (settle when it happens): 1",
                    "Falling due by 2026-12-24: 0", "Snoozed (back on): 0"):
        assert heading in out
    assert "[confirm early]" in out and CONFIRMED not in out


def test_snooze_takes_a_prediction_out_of_the_queue_until_its_date(sample_db, capsys):
    code, out, _ = run(sample_db, capsys, "snooze", PENDING, "30d", "--note", "await the summit")
    assert code == 0 and out.startswith(f"{PENDING}: snoozed until ")
    entry = Store(sample_db).load().predictions[PENDING].history[-1]
    assert (entry.action, entry.note, entry.until.first_day()) == (
        "snooze", "await the summit", dt.date.today() + dt.timedelta(days=30))
    _, out, _ = run(sample_db, capsys, "review", "--json")
    data = orjson.loads(out)
    assert PENDING not in [r["id"] for r in data["due"]]
    assert [r["id"] for r in data["snoozed"]] == [PENDING]
    assert data["next_review"] == {PENDING: entry.until.iso()}


def test_review_as_of_an_earlier_day_ignores_snoozes_written_after_it(sample_db, capsys):
    due_day = Store(sample_db).load().predictions[PENDING].resolve_by.last_day() + dt.timedelta(days=1)
    run(sample_db, capsys, "snooze", PENDING, "30d", "--note", "written today")
    for day in (due_day, dt.date.today() - dt.timedelta(days=1)):
        if day >= dt.date.today():
            continue
        _, out, _ = run(sample_db, capsys, "review", "--json", "--today", day.isoformat())
        data = orjson.loads(out)
        listed = {key: [r["id"] for r in data[key]] for key in ("due", "checkable_early", "upcoming", "snoozed")}
        assert PENDING not in listed["snoozed"] and PENDING not in data["next_review"]  # not snoozed yet then
        assert any(PENDING in ids for ids in listed.values())
    _, out, _ = run(sample_db, capsys, "review", "--json")
    assert [r["id"] for r in orjson.loads(out)["snoozed"]] == [PENDING]  # as of today it is


def test_as_of_keeps_a_snooze_from_its_day_on():
    from tracker.domain.dates import parse_stored
    from tracker.domain.model import HistoryEntry, Prediction
    from tracker.domain.review import as_of

    snooze = HistoryEntry(at="2026-03-10T12:00:00Z", action="snooze", until=parse_stored("2026-09-01"), note="")
    p = Prediction(id="x", claim="X will happen", made_on=parse_stored("2025-01"), resolve_by=parse_stored("2025-12"),
                   history=[snooze])
    assert as_of(p, dt.date(2026, 3, 1)).snoozed_until() is None
    assert as_of(p, dt.date(2026, 3, 11)).snoozed_until() == parse_stored("2026-09-01")


@pytest.mark.parametrize(("args", "message"), [
    (("snooze", CONFIRMED, "30d"), "only pending predictions can be snoozed"),
    (("snooze", PENDING, "tomorrowish"), "period: 'tomorrowish' is neither a period"),
    (("snooze", PENDING, "2020-01"), "is not after today"),
    (("review", "--within", "soon"), "--within: 'soon' is neither a period"),
    (("review", "--today", "2026-11"), "--today: '2026-11' is a month"),
    (("score", "--today", "someday"), "--today:"),
])
def test_bad_input_is_refused_in_one_line_and_nothing_changes(sample_db, capsys, args, message):
    before = sample_db.read_bytes()
    code, out, err = run(sample_db, capsys, *args)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert sample_db.read_bytes() == before


def test_score_json_has_exactly_the_documented_keys_and_nulls_when_nothing_is_scored(tmp_path, capsys):
    store = Store(tmp_path / "s.json")
    actions.add_prediction(store, claim="X will happen", probability="0.7", made_on="2025-01",
                           resolve_by="2025-06", author="A")
    code, out, _ = run(store.path, capsys, "score", "--json", "--today", "2026-01-01")
    data = orjson.loads(out)
    assert code == 0 and list(data) == list(KEYS)
    assert data["brier"] is None and data["hit_rate_ci95"] is None and b"NaN" not in out.encode()
    code, out, _ = run(store.path, capsys, "score", "--today", "2026-01-01")
    assert "Nothing is resolved yet, so there is no score" in out
    assert "nan" not in out.lower() and "calibration" not in out.lower().split("no score")[0]


def test_score_text_shows_intervals_hedge_range_and_calibration(sample_db, capsys):
    actions.mark(Store(sample_db), PENDING, "refuted", known_on="2026-01")
    code, out, _ = run(sample_db, capsys, "score", "--author", "korybko", "--today", "2026-11-24")
    assert code == 0
    assert out.startswith("Track record of Andrew Korybko as of 2026-11-24")
    # 0.8 stated, confirmed (error .04); "probably won't" read at 0.7 in 0.55-0.80, refuted (.49).
    assert " 0.265 " in out                          # Brier (.04 + .49) / 2
    assert "9%–91%" in out                           # hit rate 1 of 2, Wilson interval
    assert "0.171–0.340" in out                      # (.04 + .55²) / 2 to (.04 + .8²) / 2
    assert "Calibration" in out and "70–80%" in out and "80–90%" in out
    assert "1 stated, 1 inferred" in out


def test_void_is_counted_as_void_and_scored_nowhere(sample_db, capsys):
    _, before, _ = run(sample_db, capsys, "score", "--json")
    actions.mark(Store(sample_db), PENDING, "void", note="moot")
    _, after, _ = run(sample_db, capsys, "score", "--json")
    before, after = orjson.loads(before), orjson.loads(after)
    assert (before["void"], after["void"]) == (0, 1)
    assert after["brier"] == before["brier"] and after["resolved"] == before["resolved"]


def test_score_by_forecaster_gives_one_object_per_group(sample_db, capsys):
    actions.add_prediction(Store(sample_db), claim="The line will open", probability="0.9",
                           made_on="2025-01", resolve_by="2025-03", author="Andrew Korybko",
                           forecaster="Pakistan Railways")
    code, out, _ = run(sample_db, capsys, "score", "--by", "forecaster", "--json")
    groups = orjson.loads(out)
    assert [g["group"] for g in groups] == ["(unattributed)", "Andrew Korybko", "Pakistan Railways", "山田 太郎"]
    assert all(list(g)[0] == "group" and list(g)[1:] == list(KEYS) for g in groups)
    code, out, _ = run(sample_db, capsys, "score", "--by", "forecaster")
    assert out.splitlines()[0].split()[:3] == ["forecaster", "n", "resolved"]
    assert "Pakistan Railways" in out


def test_score_matured_leaves_out_what_is_not_yet_due(sample_db, capsys):
    _, out, _ = run(sample_db, capsys, "score", "--matured", "--json", "--today", "2026-11-24")
    data = orjson.loads(out)
    assert data["n"] == 2 and data["resolved"] == 0  # the 2029 and 2099 predictions are not matured


def test_score_as_of_a_day_before_anything_was_made_counts_nothing(sample_db, capsys):
    code, out, _ = run(sample_db, capsys, "score", "--json", "--today", "0001-01-01")
    data = orjson.loads(out)
    assert code == 0 and (data["n"], data["resolved"], data["pending"]) == (0, 0, 0)
    _, out, _ = run(sample_db, capsys, "score", "--by", "forecaster", "--json", "--today", "0001-01-01")
    assert orjson.loads(out) == []


def test_score_as_of_a_day_counts_later_judgements_as_pending(sample_db, capsys):
    # CONFIRMED was made on 10 Jan 2025 and known confirmed in June 2025; the others made later.
    _, out, _ = run(sample_db, capsys, "score", "--json", "--today", "2025-01-31")
    early = orjson.loads(out)
    assert (early["n"], early["confirmed"], early["pending"], early["brier"]) == (1, 0, 1, None)
    _, out, _ = run(sample_db, capsys, "score", "--json", "--today", "2025-06-01")
    later = orjson.loads(out)
    assert (later["confirmed"], later["pending"]) == (1, 3) and later["brier"] is not None
    _, out, _ = run(sample_db, capsys, "score", "--by", "forecaster", "--json", "--today", "2025-01-31")
    assert [(g["group"], g["pending"]) for g in orjson.loads(out)] == [("Andrew Korybko", 1)]


def test_review_as_of_a_past_day_lists_only_what_existed_and_was_open(sample_db, capsys):
    _, out, _ = run(sample_db, capsys, "review", "--today", "2025-01-15", "--json")
    data = orjson.loads(out)
    everyone = [r["id"] for part in ("due", "checkable_early", "upcoming", "snoozed") for r in data[part]]
    assert everyone == [CONFIRMED]  # pending on 15 Jan 2025; the rest were made in Feb or later
    assert data["early_direction"] == {CONFIRMED: "refute"}


def test_report_as_of_a_day_before_the_judgement_shows_it_pending(sample_db, capsys):
    _, before, _ = run(sample_db, capsys, "report", "--today", "2025-03-01")
    _, after, _ = run(sample_db, capsys, "report", "--today", "2025-07-01")
    assert "Trump will not abandon Article 5" not in before and "Article 5 still in force" not in before
    assert "Trump will not abandon Article 5" in after
