"""The `tracker` command, driven as a user drives it; results checked through the library."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import tracker
from conftest import (
    ARTICLE, CONFIRMED, EVENT, FAR_FUTURE, JA_ARTICLE, JA_CLAIM, JA_PENDING, MARKUP_QUOTE, PENDING,
    build_sample, encoded, run_tracker,
)
from tracker.cli.main import main
from tracker.domain.encoding import encode_record
from tracker.domain.dates import PDate
from tracker.domain.model import Status
from tracker.store.store import Store

ALL_IDS = {ARTICLE, JA_ARTICLE, EVENT, PENDING, CONFIRMED, JA_PENDING, FAR_FUTURE}


@pytest.fixture(autouse=True)
def _run_in_tmp(monkeypatch, tmp_path):
    """The default ./predictions.json of these tests is in a temp folder."""
    monkeypatch.chdir(tmp_path)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run `tracker ARGS` in-process: (exit code, stdout, stderr)."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def list_ids(capsys, db: Path, *args: str) -> list[str]:
    code, out, err = cli(capsys, "--db", db, "list", "--json", *args)
    assert code == 0, err
    return [doc["id"] for doc in json.loads(out)]


def history(db: Path, record_id: str) -> list[dict]:
    return encode_record(Store(db).load().find(record_id))["history"]


# ---- list -------------------------------------------------------------------------

def test_list_shows_every_record_in_date_order(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["date", "kind", "status", "prob"]
    order = [next(i for i in ALL_IDS if i[:30] in line) for line in lines[1:]]
    assert order == [ARTICLE, JA_ARTICLE, EVENT, PENDING, JA_PENDING, CONFIRMED, FAR_FUTURE]
    assert "70%" in lines[4] and "✓ confirmed" in lines[6]


def test_list_json_is_an_array_of_records_with_id_kind_and_fields(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "list", "--json")
    assert code == 0
    docs = json.loads(out)
    assert isinstance(docs, list) and {d["id"] for d in docs} == ALL_IDS
    assert all(list(d)[:2] == ["id", "kind"] for d in docs)
    by_id = {d["id"]: d for d in docs}
    assert by_id[EVENT]["date"] == "2025-05"
    assert by_id[EVENT]["articles"] == [ARTICLE]
    assert by_id[PENDING]["probability"] == 0.7
    assert by_id[PENDING]["resolve_by"] == "2025-12"
    assert by_id[JA_PENDING]["claim"] == JA_CLAIM
    assert by_id[CONFIRMED]["history"][0]["to"] == "confirmed"
    assert docs == [encode_record(Store(sample_db).load().find(d["id"])) for d in docs]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "event"], [EVENT]),
        (["--kind", "article"], [ARTICLE, JA_ARTICLE]),
        (["--status", "confirmed"], [CONFIRMED]),
        (["--status", "pending"], [PENDING, JA_PENDING, FAR_FUTURE]),
        (["--tag", "NATO"], [PENDING, CONFIRMED]),
        (["--tag", "日本"], [JA_PENDING]),
        (["--article", ARTICLE], [ARTICLE, EVENT, PENDING]),
        (["--author", "korybko"], [ARTICLE, EVENT, PENDING, CONFIRMED]),
        (["--author", "山田"], [JA_ARTICLE, JA_PENDING]),
        (["--due-before", "2026-01"], [PENDING]),
        (["--due-before", "July 2026"], [PENDING, JA_PENDING]),
        (["--search", "article 5"], [CONFIRMED]),
        (["--search", "ACCEPT  the inspections"], [PENDING]),
        (["--search", "poland and belarus"], [ARTICLE, EVENT, PENDING]),   # the article's title
        (["--search", "inspections accept"], []),                           # a phrase, not loose words
        (["--search", "利上げ"], [JA_PENDING]),
        (["--kind", "prediction", "--tag", "nato", "--status", "pending"], [PENDING]),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) and v and v[0].startswith("--") else None,
)
def test_list_filters_choose_the_matching_records(sample_db, capsys, args, expected):
    assert list_ids(capsys, sample_db, *args) == expected


def test_list_overdue_shows_pending_predictions_whose_period_has_passed(sample_db, capsys):
    overdue = list_ids(capsys, sample_db, "--status", "overdue")
    assert PENDING in overdue                              # due Dec 2025
    assert CONFIRMED not in overdue and FAR_FUTURE not in overdue


def test_list_with_no_match_says_so_and_succeeds(sample_db, capsys):
    code, out, err = cli(capsys, "--db", sample_db, "list", "--tag", "no-such-tag")
    assert (code, out) == (0, "")
    assert "no records match" in err
    assert list_ids(capsys, sample_db, "--tag", "no-such-tag") == []


# ---- show -------------------------------------------------------------------------

def test_show_prints_the_record_and_its_history(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "show", CONFIRMED)
    assert code == 0
    assert "Trump will not abandon Article 5" in out
    assert "✓ confirmed" in out and "80%" in out
    assert "pending → confirmed, known on June 2025" in out
    assert "note: Article 5 still in force" in out
    assert "evidence: https://example.org/nato-2" in out


def test_show_prints_user_text_verbatim(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "show", PENDING)
    assert code == 0
    assert MARKUP_QUOTE in out
    assert "Poland and Belarus" in out             # the article's title
    assert "Polish presidential election" in out   # the event's title


def test_show_json_is_the_record_with_its_history(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "show", CONFIRMED, "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc == encode_record(Store(sample_db).load().find(CONFIRMED))
    [entry] = doc["history"]
    assert entry["action"] == "status"
    assert (entry["from"], entry["to"], entry["known_on"]) == ("pending", "confirmed", "2025-06")


# ---- add --------------------------------------------------------------------------

def test_add_prediction_prints_the_new_id_and_stores_it(missing_db, capsys):
    code, out, _ = cli(capsys, "--db", missing_db, "add", "prediction", "--claim",
                       "Poland will hold a referendum", "--probability", "70%",
                       "--resolve-by", "May 2026", "--made-on", "2025-03-01",
                       "--tag", "poland", "--tag", "eu")
    assert code == 0
    new_id = out.strip()
    assert new_id == "poland-will-hold-a-referendum"
    stored = Store(missing_db).load().predictions[new_id]
    assert stored.probability == 0.7
    assert stored.resolve_by == PDate(2026, 5)
    assert stored.made_on == PDate(2025, 3, 1)
    assert stored.tags == ["poland", "eu"]
    assert stored.status is Status.PENDING and stored.history == []


@pytest.mark.parametrize("hedge", ["probably won't", "可能性は低い"])
def test_add_with_an_unlikely_hedge_stores_the_negated_call_at_70_percent(sample_db, capsys, hedge):
    code, out, _ = cli(capsys, "--db", sample_db, "add", "prediction", "--claim",
                       "Belarus will not join the EU", "--hedge", hedge, "--resolve-by", "2030",
                       "--made-on", "2025-01")
    assert code == 0
    stored = Store(sample_db).load().predictions[out.strip()]
    assert stored.hedge == hedge
    assert stored.probability == 0.7


def test_add_prediction_from_an_article_takes_its_date_and_author(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "Minsk will agree",
                       "--hedge", "likely", "--resolve-by", "2026", "--article", ARTICLE)
    assert code == 0
    stored = Store(sample_db).load().predictions[out.strip()]
    assert stored.made_on == PDate(2025, 2, 22)
    assert stored.author == "Andrew Korybko"
    assert stored.article == ARTICLE


def test_add_event_prints_its_id_and_keeps_the_month_precision(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "add", "event", "--date", "2025年6月",
                       "--title", "Freight train to Pakistan", "--tag", "trade", "--article", ARTICLE)
    assert code == 0
    event = Store(sample_db).load().events[out.strip()]
    assert event.date == PDate(2025, 6) and event.date.precision == "month"
    assert (event.title, event.tags, event.articles) == ("Freight train to Pakistan", ["trade"], [ARTICLE])


def test_add_article_prints_its_id(missing_db, capsys):
    code, out, _ = cli(capsys, "--db", missing_db, "add", "article", "--title", "Why Poland hesitates",
                       "--author", "Andrew Korybko", "--published", "23 Feb 2025",
                       "--url", "https://example.org/a")
    assert code == 0
    article = Store(missing_db).load().articles[out.strip()]
    assert article.published == PDate(2025, 2, 23)
    assert (article.author, article.url) == ("Andrew Korybko", "https://example.org/a")


def test_add_json_prints_the_stored_record(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "add", "event", "--date", "2025", "--title",
                       "Year of talks", "--id", "talks", "--json")
    assert code == 0
    assert json.loads(out) == encode_record(Store(sample_db).load().events["talks"])


def test_add_with_an_unknown_hedge_and_no_probability_is_refused(sample_db, capsys):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "X will happen",
                       "--hedge", "reckons", "--resolve-by", "2026")
    assert code == 1
    assert "'reckons' is not in the hedge table" in err
    assert sample_db.read_bytes() == before


@pytest.mark.parametrize("probability", ["0", "1", "1.5", "-0.2", "0%", "100%", "abc", "nan"])
def test_probability_outside_zero_and_one_is_refused(sample_db, capsys, probability):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "X will happen",
                       "--probability", probability, "--resolve-by", "2026")
    assert code == 1
    assert err.startswith("tracker: error: --probability:")
    assert sample_db.read_bytes() == before


@pytest.mark.parametrize(("probability", "stored"), [("0.01", 0.01), ("0.99", 0.99), ("55%", 0.55)])
def test_probability_just_inside_zero_and_one_is_kept(sample_db, capsys, probability, stored):
    code, out, _ = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "X will happen",
                       "--probability", probability, "--resolve-by", "2026")
    assert code == 0
    assert Store(sample_db).load().predictions[out.strip()].probability == stored


# ---- edit -------------------------------------------------------------------------

def test_editing_a_field_appends_history_with_old_and_new(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "edit", PENDING, "--resolve-by", "2026-06",
                       "--note", "talks delayed")
    assert code == 0
    assert "resolve_by" in out
    stored = Store(sample_db).load().predictions[PENDING]
    assert stored.resolve_by == PDate(2026, 6)
    [entry] = history(sample_db, PENDING)
    assert {k: entry[k] for k in ("action", "field", "old", "new", "note")} == {
        "action": "edit", "field": "resolve_by", "old": "2025-12", "new": "2026-06",
        "note": "talks delayed"}


def test_editing_tags_splits_on_semicolons(sample_db, capsys):
    code, _, _ = cli(capsys, "--db", sample_db, "edit", FAR_FUTURE, "--tags", "space; moon")
    assert code == 0
    assert Store(sample_db).load().predictions[FAR_FUTURE].tags == ["space", "moon"]
    assert history(sample_db, FAR_FUTURE)[0]["new"] == ["space", "moon"]


def test_editing_the_hedge_moves_a_disagreeing_probability_to_its_reading(sample_db, capsys):
    code, _, _ = cli(capsys, "--db", sample_db, "edit", PENDING, "--hedge", "very likely")
    assert code == 0
    assert Store(sample_db).load().predictions[PENDING].probability == 0.9
    assert {(e["field"], e["old"], e["new"]) for e in history(sample_db, PENDING)} == {
        ("hedge", "probably won't", "very likely"), ("probability", 0.7, 0.9)}


@pytest.mark.parametrize(("option", "value"),
                         [("--claim", "Trump will leave NATO"), ("--probability", "0.6"),
                          ("--resolve-by", "2030")])
def test_editing_what_a_confirmed_prediction_is_scored_on_needs_force(sample_db, capsys, option, value):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "edit", CONFIRMED, option, value)
    assert code == 1
    assert "--force" in err
    assert sample_db.read_bytes() == before

    code, _, err = cli(capsys, "--db", sample_db, "edit", CONFIRMED, option, value, "--force",
                       "--note", "corrected")
    assert code == 0, err
    field = option[2:].replace("-", "_")
    entry = history(sample_db, CONFIRMED)[-1]
    assert (entry["action"], entry["field"], entry["note"]) == ("edit", field, "corrected")
    assert Store(sample_db).load().predictions[CONFIRMED].status is Status.CONFIRMED


def test_editing_other_fields_of_a_confirmed_prediction_needs_no_force(sample_db, capsys):
    code, _, err = cli(capsys, "--db", sample_db, "edit", CONFIRMED, "--quote", "Article 5 stays")
    assert code == 0, err
    assert Store(sample_db).load().predictions[CONFIRMED].quote == "Article 5 stays"


# ---- mark -------------------------------------------------------------------------

def test_marking_refuted_appends_history(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "mark", PENDING, "refuted", "--on", "15 Mar 2025",
                       "--note", "Poland accepted [b]them[/b]", "--evidence", "https://example.org/a",
                       "--evidence", "https://example.org/b")
    assert code == 0
    assert out.strip() == f"{PENDING}: pending → refuted"
    stored = Store(sample_db).load().predictions[PENDING]
    assert stored.status is Status.REFUTED
    [entry] = history(sample_db, PENDING)
    assert {k: entry[k] for k in ("action", "from", "to", "note", "evidence", "known_on")} == {
        "action": "status", "from": "pending", "to": "refuted", "note": "Poland accepted [b]them[/b]",
        "evidence": ["https://example.org/a", "https://example.org/b"], "known_on": "2025-03-15"}


def test_marking_again_keeps_the_earlier_entries(sample_db, capsys):
    assert cli(capsys, "--db", sample_db, "mark", CONFIRMED, "pending", "--note", "reopened")[0] == 0
    assert cli(capsys, "--db", sample_db, "mark", CONFIRMED, "refuted", "--on", "2025-07")[0] == 0
    moves = [(e["from"], e["to"]) for e in history(sample_db, CONFIRMED)]
    assert moves == [("pending", "confirmed"), ("confirmed", "pending"), ("pending", "refuted")]


def test_marking_without_a_date_records_today(sample_db, capsys):
    code, _, _ = cli(capsys, "--db", sample_db, "mark", FAR_FUTURE, "confirmed")
    assert code == 0
    assert history(sample_db, FAR_FUTURE)[0]["known_on"] == PDate.today().iso()


# ---- validate ---------------------------------------------------------------------

def test_validate_a_sound_database_reports_ok(sample_db, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "validate")
    assert code == 0
    assert "ok (2 articles, 1 event, 4 predictions)" in out


def _prediction(**fields) -> dict:
    return {"claim": "X", "probability": 0.6, "made_on": "2025-01", "resolve_by": "2025-12", **fields}


INVALID_DB = {
    "meta": {"schema": {"schema_version": 1}},
    "articles": {},
    "events": {"ghost-event": {"date": "2025-05", "title": "E", "articles": ["ghost-article"]}},
    "predictions": {
        "bad-probability": _prediction(probability="high"),
        "backwards": _prediction(made_on="2025-06", resolve_by="2025-01"),
        "silent-confirm": _prediction(status="confirmed"),
        "hedge-mismatch": _prediction(hedge="likely", probability=0.2),
        "bad-date": _prediction(resolve_by="2025-13"),
    },
}


def _write_invalid_db(path: Path) -> Path:
    path.write_text(json.dumps(INVALID_DB, ensure_ascii=False), "utf-8")
    return path


def test_validate_reports_every_problem_not_only_the_first(tmp_path, capsys):
    db = _write_invalid_db(tmp_path / "invalid.json")
    before = db.read_bytes()
    code, out, err = cli(capsys, "--db", db, "validate")
    assert code == 1
    assert out == ""
    problem_lines = err.splitlines()[:-1]
    assert len(problem_lines) == 6
    for needle in ("events[ghost-event].articles: no article 'ghost-article'",
                   "predictions[bad-probability].probability",
                   "predictions[backwards].resolve_by",
                   "predictions[silent-confirm].status",
                   "predictions[hedge-mismatch].probability",
                   "predictions[bad-date].resolve_by"):
        assert sum(needle in line for line in problem_lines) == 1, needle
    assert err.splitlines()[-1] == f"tracker: error: {db}: 6 problems found"
    assert db.read_bytes() == before


# ---- export and import --------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_into_a_fresh_database_loses_nothing(sample_db, tmp_path, capsys, fmt):
    exported = tmp_path / f"export.{fmt}"
    code, _, err = cli(capsys, "--db", sample_db, "export", "--format", fmt, "-o", exported)
    assert code == 0 and "7 records" in err
    fresh = tmp_path / "fresh.json"
    code, out, _ = cli(capsys, "--db", fresh, "import", exported)
    assert code == 0
    assert "added 7, updated 0, unchanged 0" in out
    assert encoded(fresh) == encoded(sample_db)


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_to_stdout_matches_the_file(sample_db, tmp_path, capsysbinary, fmt):
    out_file = tmp_path / f"export.{fmt}"
    main(["--db", str(sample_db), "export", "--format", fmt, "-o", str(out_file)])
    capsysbinary.readouterr()
    assert main(["--db", str(sample_db), "export", "--format", fmt]) == 0
    assert capsysbinary.readouterr().out == out_file.read_bytes()


def test_reimporting_an_unchanged_export_changes_nothing(sample_db, tmp_path, capsys):
    exported = tmp_path / "export.json"
    cli(capsys, "--db", sample_db, "export", "-o", exported)
    before = sample_db.read_bytes()
    code, out, _ = cli(capsys, "--db", sample_db, "import", exported)
    assert code == 0
    assert "added 0, updated 0, unchanged 7" in out
    assert sample_db.read_bytes() == before


def test_importing_a_whole_database_file_copies_it(sample_db, tmp_path, capsys):
    fresh = tmp_path / "fresh.json"
    code, _, _ = cli(capsys, "--db", fresh, "import", sample_db)
    assert code == 0
    assert encoded(fresh) == encoded(sample_db)


def test_import_of_an_existing_id_updates_it_keeping_its_history(sample_db, tmp_path, capsys):
    exported = tmp_path / "changes.json"
    cli(capsys, "--db", sample_db, "export", "-o", exported)
    docs = json.loads(exported.read_text("utf-8"))
    for doc in docs:
        if doc["id"] == CONFIRMED:
            doc["quote"] = "NATO is here to stay"
            doc["tags"] = ["nato", "usa"]
    exported.write_text(json.dumps(docs, ensure_ascii=False), "utf-8")

    code, out, _ = cli(capsys, "--db", sample_db, "import", exported)
    assert code == 0
    assert "added 0, updated 1, unchanged 6" in out
    stored = Store(sample_db).load().predictions[CONFIRMED]
    assert stored.quote == "NATO is here to stay" and stored.tags == ["nato", "usa"]
    assert stored.status is Status.CONFIRMED
    entries = history(sample_db, CONFIRMED)
    assert entries[0]["to"] == "confirmed"                      # the old history is kept
    assert [(e["field"], e["old"], e["new"], e["note"]) for e in entries[1:]] == [
        ("quote", "", "NATO is here to stay", "imported from changes.json"),
        ("tags", ["nato"], ["nato", "usa"], "imported from changes.json"),
    ]


def test_csv_import_needs_only_kind_claim_made_on_and_a_probability(missing_db, tmp_path, capsys):
    source = tmp_path / "minimal.csv"
    source.write_text("kind,claim,made_on,probability\nprediction,Serbia will join the EU,2025-03,0.3\n",
                      "utf-8")
    code, out, err = cli(capsys, "--db", missing_db, "import", source)
    assert code == 0, err
    assert "added 1" in out
    [stored] = Store(missing_db).load().predictions.values()
    assert stored.id == "serbia-will-join-the-eu"                # generated from the claim
    assert stored.made_on == PDate(2025, 3)
    assert stored.resolve_by == PDate(2026, 3)                   # stated default: one year on
    assert "default" in stored.horizon_note
    assert stored.probability == 0.3 and stored.status is Status.PENDING


def test_csv_import_reads_the_probability_from_a_known_hedge(missing_db, tmp_path, capsys):
    source = tmp_path / "hedged.csv"
    source.write_text("kind,claim,hedge,made_on,resolve_by\n"
                      "prediction,Minsk will not agree,可能性は低い,2025-03,2025年12月\n", "utf-8")
    assert cli(capsys, "--db", missing_db, "import", source)[0] == 0
    [stored] = Store(missing_db).load().predictions.values()
    assert (stored.probability, stored.resolve_by) == (0.7, PDate(2025, 12))


BAD_ROWS_CSV = (
    "kind,claim,made_on,resolve_by,probability\n"
    "prediction,A fine claim,2025-01,2025-12,0.6\n"
    "prediction,A bad date,2025-01,2025-13-45,0.6\n"
    "prediction,A bad probability,2025-01,2025-12,1.5\n"
    "prediction,Another fine claim,2025-01,2025-12,0.6\n"
)


@pytest.mark.parametrize("target", ["sample", "missing"])
def test_import_with_bad_rows_refuses_all_naming_every_bad_row(sample_db, missing_db, tmp_path,
                                                               capsys, target):
    db = sample_db if target == "sample" else missing_db
    before = db.read_bytes() if db.exists() else None
    source = tmp_path / "bad.csv"
    source.write_text(BAD_ROWS_CSV, "utf-8")
    code, out, err = cli(capsys, "--db", db, "import", source)
    assert code == 1 and out == ""
    assert "row 3" in err and "2025-13-45" in err
    assert "row 4" in err and "1.5" in err
    assert "row 2" not in err and "row 5" not in err
    assert (db.read_bytes() if db.exists() else None) == before


def test_import_refers_to_records_that_do_not_exist_refuses_all(sample_db, tmp_path, capsys):
    before = sample_db.read_bytes()
    source = tmp_path / "refs.csv"
    source.write_text("id,kind,claim,made_on,resolve_by,probability,article,event\n"
                      "good,prediction,Fine,2025-01,2025-12,0.6,,\n"
                      "orphan,prediction,Cites a ghost,2025-01,2025-12,0.6,ghost-article,\n"
                      "lonely,prediction,At a ghost event,2025-01,2025-12,0.6,,ghost-event\n", "utf-8")
    code, _, err = cli(capsys, "--db", sample_db, "import", source)
    assert code == 1
    assert "predictions[orphan].article: no article 'ghost-article'" in err
    assert "predictions[lonely].event: no event 'ghost-event'" in err
    assert "nothing written" in err
    assert sample_db.read_bytes() == before


def test_import_may_refer_to_records_arriving_in_the_same_file(missing_db, tmp_path, capsys):
    source = tmp_path / "together.csv"
    source.write_text("id,kind,date,title,author,claim,made_on,resolve_by,probability,article\n"
                      "p1,prediction,,,,Fine,2025-01,2025-12,0.6,a1\n"
                      "a1,article,2025-01,A title,An Author,,,,,\n", "utf-8")
    assert cli(capsys, "--db", missing_db, "import", source)[0] == 0
    assert Store(missing_db).load().predictions["p1"].article == "a1"


def test_importing_a_row_without_id_never_rewrites_an_existing_record(sample_db, tmp_path, capsys):
    code, out, _ = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "Serbia will join the EU",
                       "--probability", "0.8", "--made-on", "2025-01", "--resolve-by", "2030",
                       "--author", "Alice")
    existing = out.strip()
    assert existing == "serbia-will-join-the-eu"
    assert cli(capsys, "--db", sample_db, "mark", existing, "confirmed", "--on", "2025-06")[0] == 0
    before = Store(sample_db).load().predictions[existing]

    source = tmp_path / "new.csv"   # Bob's prediction, same words, a year earlier, no id
    source.write_text("kind,claim,made_on,author\n"
                      "prediction,Serbia will join the EU,2024-03,Bob\n", "utf-8")
    code, _, err = cli(capsys, "--db", sample_db, "import", source)
    assert code == 0, err
    db = Store(sample_db).load()
    assert db.predictions[existing] == before         # still Alice's, still confirmed, still 0.8
    assert len(db.predictions) == 6                   # Bob's row became a new prediction


# ---- version, help, exit codes ------------------------------------------------------

def test_version_prints_the_package_version(capsys):
    code, out, _ = cli(capsys, "--version")
    assert code == 0
    assert out.strip() == f"tracker {tracker.__version__}"


HELP_COMMANDS = [[], ["list"], ["show"], ["add"], ["add", "prediction"], ["add", "event"],
                 ["add", "article"], ["edit"], ["mark"], ["validate"], ["export"], ["import"],
                 ["hedges"], ["tui"]]


@pytest.mark.parametrize("command", HELP_COMMANDS, ids=lambda c: " ".join(c) or "tracker")
def test_help_of_every_command_shows_an_example(capsys, command):
    code, out, _ = cli(capsys, *command, "--help")
    assert code == 0
    assert "example" in out
    assert f"tracker {' '.join(command)}".strip() in out.split("example", 1)[1]


def test_help_lists_every_command(capsys):
    _, out, _ = cli(capsys, "--help")
    for name in ("list", "show", "add", "edit", "mark", "validate", "export", "import", "hedges", "tui"):
        assert f"    {name} " in out, name


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["mark"], ["mark", PENDING, "maybe"], ["list", "--kind", "bogus"],
     ["list", "--status", "late"], ["show"],
     ["add", "prediction", "--claim", "X", "--resolve-by", "2025"],
     ["add", "thing"], ["edit", PENDING, "--colour", "red"], ["export", "--format", "xml"]],
    ids=" ".join,
)
def test_usage_errors_exit_2_and_change_nothing(sample_db, capsys, args):
    before = sample_db.read_bytes()
    code, out, err = cli(capsys, "--db", sample_db, *args)
    assert code == 2
    assert "usage:" in err and "error:" in err
    assert sample_db.read_bytes() == before


def test_hedges_prints_the_table_with_negated_readings(capsys):
    code, out, _ = cli(capsys, "hedges")
    assert code == 0
    [line] = [line for line in out.splitlines() if line.endswith("probably won't   (claim negated: 55-80%)")]
    assert line.startswith("unlikely") and "70%" in line
    assert any("だろう" in line and "70%" in line for line in out.splitlines())


# ---- every refused command: one line, no traceback, nothing written -------------------

MISSING_REF_CSV = ("id,kind,claim,made_on,resolve_by,probability,article\n"
                   "orphan,prediction,Cites a ghost,2025-01,2025-12,0.6,ghost-article\n")
DUPLICATE_ID_CSV = ("id,kind,claim,made_on,resolve_by,probability\n"
                    "twin,prediction,One,2025-01,2025-12,0.6\n"
                    "twin,prediction,Two,2025-01,2025-12,0.6\n")
IMPORT_FILES = {"bad.csv": BAD_ROWS_CSV, "refs.csv": MISSING_REF_CSV, "twins.csv": DUPLICATE_ID_CSV,
                "broken.json": "[{\"kind\": ", "unknown-kind.csv": "kind,claim\nrumour,X\n",
                "extra-column.csv": "kind,claim,colour\nprediction,X,red\n"}

# (database, arguments, text the error must contain, whether problem lines precede it).
REFUSED = {
    "list on a missing file": ("missing", ["list"], "no such file", False),
    "show on a missing file": ("missing", ["show", PENDING], "no such file", False),
    "list with an unreadable --due-before": ("sample", ["list", "--due-before", "next blursday"],
                                             "next blursday", False),
    "show an unknown id": ("sample", ["show", "nope"], "'nope'", False),
    "add with an unknown hedge": ("sample", ["add", "prediction", "--claim", "X", "--hedge", "reckons",
                                             "--resolve-by", "2026"], "reckons", False),
    "add with probability 1": ("sample", ["add", "prediction", "--claim", "X", "--probability", "1",
                                          "--resolve-by", "2026"], "between 0 and 1", False),
    "add with an impossible date": ("sample", ["add", "prediction", "--claim", "X", "--probability",
                                               "0.6", "--resolve-by", "2025-13-45"], "2025-13-45", False),
    "add citing a missing article": ("sample", ["add", "prediction", "--claim", "X", "--probability",
                                                "0.6", "--resolve-by", "2026", "--article", "ghost"],
                                     "'ghost'", False),
    "add due before it was made": ("sample", ["add", "prediction", "--claim", "X", "--probability", "0.6",
                                              "--made-on", "2025-06", "--resolve-by", "2025-01"],
                                   "before made_on", False),
    "add with a taken id": ("sample", ["add", "prediction", "--claim", "X", "--probability", "0.6",
                                       "--resolve-by", "2026", "--id", PENDING], "already taken", False),
    "add an event without a year": ("sample", ["add", "event", "--date", "March 15", "--title", "T"],
                                    "no year", False),
    "add an event citing a missing article": ("sample", ["add", "event", "--date", "2025", "--title",
                                                         "T", "--article", "ghost"], "'ghost'", False),
    "add an article with a bad url": ("sample", ["add", "article", "--title", "T", "--author", "A",
                                                 "--published", "2025", "--url", "example.org"],
                                      "url", False),
    "add an article with a blank author": ("sample", ["add", "article", "--title", "T", "--author", " ",
                                                      "--published", "2025"], "author", False),
    "add to a new file with a bad date": ("missing", ["add", "event", "--date", "blursday", "--title",
                                                      "T"], "blursday", False),
    "edit an unknown id": ("sample", ["edit", "nope", "--quote", "q"], "'nope'", False),
    "edit with nothing to change": ("sample", ["edit", PENDING], "nothing to change", False),
    "edit a field the kind lacks": ("sample", ["edit", PENDING, "--date", "2025"], "date", False),
    "edit a confirmed claim": ("sample", ["edit", CONFIRMED, "--claim", "Other"], "--force", False),
    "edit a probability against the hedge": ("sample", ["edit", PENDING, "--probability", "0.3"],
                                             "does not agree", False),
    "edit to the same value": ("sample", ["edit", PENDING, "--quote", MARKUP_QUOTE], "nothing changed",
                               False),
    "edit due before made": ("sample", ["edit", PENDING, "--resolve-by", "2024"], "before made_on",
                             False),
    "mark an event": ("sample", ["mark", EVENT, "confirmed"], "only predictions", False),
    "mark with a bad --on": ("sample", ["mark", PENDING, "confirmed", "--on", "blursday"], "blursday",
                             False),
    "mark known in the future": ("sample", ["mark", PENDING, "confirmed", "--on", "2999-01-01"],
                                 "future", False),
    "mark at the status it has": ("sample", ["mark", CONFIRMED, "confirmed"], "already confirmed", False),
    "mark with evidence that is no URL": ("sample", ["mark", PENDING, "confirmed", "--evidence",
                                                     "see the news"], "'see", False),
    "mark an unknown id": ("sample", ["mark", "nope", "refuted"], "'nope'", False),
    "validate an invalid file": ("invalid", ["validate"], "6 problems found", True),
    "validate a missing file": ("missing", ["validate"], "no such file", False),
    "export over the database": ("sample", ["export", "-o", "{db}"], "refusing", False),
    "export into a missing folder": ("sample", ["export", "-o", "{tmp}/no/such/out.csv"],
                                     "No such file", False),
    "import a missing file": ("sample", ["import", "{tmp}/nope.csv"], "cannot read", False),
    "import bad rows": ("sample", ["import", "{tmp}/bad.csv"], "row 3", True),
    "import bad rows into a new file": ("missing", ["import", "{tmp}/bad.csv"], "row 3", True),
    "import a dangling reference": ("sample", ["import", "{tmp}/refs.csv"], "nothing written", True),
    "import the same id twice": ("sample", ["import", "{tmp}/twins.csv"], "nothing written", True),
    "import broken JSON": ("sample", ["import", "{tmp}/broken.json"], "not valid JSON", False),
    "import an unknown kind": ("sample", ["import", "{tmp}/unknown-kind.csv"], "'rumour'", False),
    "import an unknown column": ("sample", ["import", "{tmp}/extra-column.csv"], "'colour'", False),
    "mark in a file of another schema": ("schema2", ["mark", PENDING, "confirmed"], "schema_version",
                                         False),
    "add to a file that is not JSON": ("notjson", ["add", "event", "--date", "2025", "--title", "T"],
                                       "not valid JSON", False),
    "list a file with a bad record": ("invalid", ["list"], "tracker validate", False),
}


def _prepare(kind: str, tmp_path: Path) -> Path:
    for name, text in IMPORT_FILES.items():
        (tmp_path / name).write_text(text, "utf-8")
    db = tmp_path / "db.json"
    if kind == "sample":
        build_sample(db)
    elif kind == "invalid":
        _write_invalid_db(db)
    elif kind == "schema2":
        db.write_text('{"meta": {"schema": {"schema_version": 2}}}', "utf-8")
    elif kind == "notjson":
        db.write_text("predictions: none", "utf-8")
    return db


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", REFUSED)
def test_refused_command_says_why_in_one_line_and_changes_nothing(case, tmp_path, capsys):
    kind, args, expected, lists_problems = REFUSED[case]
    db = _prepare(kind, tmp_path)
    args = [a.format(db=db, tmp=tmp_path) for a in args]
    before = _snapshot(tmp_path)

    code, out, err = cli(capsys, "--db", db, *args)

    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[-1].startswith("tracker: error: ") and len(lines[-1]) > len("tracker: error: ")
    assert sum(line.startswith("tracker: error:") for line in lines) == 1
    assert len(lines) > 1 if lists_problems else len(lines) == 1
    assert expected in err
    assert "Traceback" not in err
    assert _snapshot(tmp_path) == before      # the database (and every other file) untouched


@pytest.mark.parametrize("case", ["mark an event", "add with an unknown hedge", "import bad rows",
                                  "mark in a file of another schema", "validate an invalid file"])
def test_refused_command_in_a_real_process_exits_1_without_traceback(case, tmp_path):
    kind, args, expected, _ = REFUSED[case]
    db = _prepare(kind, tmp_path)
    before = _snapshot(tmp_path)
    result = run_tracker("--db", str(db), *[a.format(db=db, tmp=tmp_path) for a in args], cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].startswith("tracker: error: ")
    assert expected in result.stderr and "Traceback" not in result.stderr
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("case", ["import a missing file", "import broken JSON", "import an unknown kind"])
def test_a_refused_import_with_one_problem_says_it_once(case, tmp_path, capsys):
    kind, args, expected, _ = REFUSED[case]
    db = _prepare(kind, tmp_path)
    code, _, err = cli(capsys, "--db", db, *[a.format(db=db, tmp=tmp_path) for a in args])
    assert code == 1
    assert len(err.splitlines()) == 1
    assert err.startswith("tracker: error:") and expected in err


@pytest.mark.parametrize("bad_id", ["has space", "a/b"])
def test_add_refuses_an_id_the_file_could_not_load(sample_db, capsys, bad_id):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "add", "event", "--date", "2025", "--title", "T",
                       "--id", bad_id)
    assert code == 1 and err.startswith("tracker: error:")
    assert sample_db.read_bytes() == before
    assert len(Store(sample_db).load()) == 7


def test_setting_a_known_hedge_on_a_prediction_without_probability(tmp_path):
    db = tmp_path / "db.json"
    source = tmp_path / "unstated.csv"
    source.write_text("kind,claim,made_on,hedge\nprediction,Y will happen,2025-01,reckons\n", "utf-8")
    assert run_tracker("--db", str(db), "import", str(source), cwd=tmp_path).returncode == 0
    assert Store(db).load().predictions["y-will-happen"].probability is None

    result = run_tracker("--db", str(db), "edit", "y-will-happen", "--hedge", "likely", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 0
    assert Store(db).load().predictions["y-will-happen"].probability == 0.7


def test_marking_a_record_that_is_not_an_object_is_refused_cleanly(tmp_path):
    db = tmp_path / "db.json"
    db.write_text('{"meta": {"schema": {"schema_version": 1}}, "predictions": {"x": "oops"}}', "utf-8")
    before = db.read_bytes()
    result = run_tracker("--db", str(db), "mark", "x", "confirmed", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert result.stderr.startswith("tracker: error:")
    assert db.read_bytes() == before


# ---- choosing the file ------------------------------------------------------------------

def test_tracker_db_environment_variable_chooses_the_file(tmp_path, monkeypatch, capsys):
    chosen = tmp_path / "from-env.json"
    monkeypatch.setenv("TRACKER_DB", str(chosen))
    code, out, _ = cli(capsys, "add", "event", "--date", "2025", "--title", "Env")
    assert code == 0
    assert out.strip() in Store(chosen).load().events


def test_db_option_wins_over_the_environment(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "from-env.json"))
    chosen = tmp_path / "from-option.json"
    assert cli(capsys, "--db", chosen, "add", "event", "--date", "2025", "--title", "Opt")[0] == 0
    assert chosen.exists() and not (tmp_path / "from-env.json").exists()


def test_without_db_or_environment_the_file_is_predictions_json_here(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("TRACKER_DB")
    assert cli(capsys, "add", "event", "--date", "2025", "--title", "Here")[0] == 0
    assert [e.title for e in Store(tmp_path / "predictions.json").load().events.values()] == ["Here"]


def test_environment_variable_reaches_a_real_process(tmp_path):
    chosen = tmp_path / "env.json"
    build_sample(chosen)
    result = run_tracker("show", PENDING, "--json", cwd=tmp_path, env={"TRACKER_DB": str(chosen)})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == PENDING


def test_real_process_round_trip_through_csv(sample_db, tmp_path):
    exported = run_tracker("--db", str(sample_db), "export", "--format", "csv", cwd=tmp_path)
    assert exported.returncode == 0
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert {r["id"] for r in rows} == ALL_IDS
    source = tmp_path / "out.csv"
    source.write_text(exported.stdout, "utf-8")
    fresh = tmp_path / "fresh.json"
    assert run_tracker("--db", str(fresh), "import", str(source), cwd=tmp_path).returncode == 0
    assert encoded(fresh) == encoded(sample_db)


def test_add_takes_a_hedge_and_probability_together_when_they_agree(sample_db, capsys):
    code, out, err = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "Something happens",
                         "--resolve-by", "2031", "--probability", "0.6", "--hedge", "likely")
    assert code == 0, err
    assert Store(sample_db).load().predictions[out.strip()].probability == 0.6


def test_add_stores_an_unknown_hedge_with_a_stated_probability(sample_db, capsys):
    code, out, err = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "Something else",
                         "--resolve-by", "2031", "--probability", "0.65", "--hedge", "odds-on")
    assert code == 0, err
    p = Store(sample_db).load().predictions[out.strip()]
    assert (p.hedge, p.probability) == ("odds-on", 0.65)


def test_add_refuses_a_probability_that_disagrees_with_its_hedge(sample_db, capsys):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "X", "--resolve-by",
                       "2031", "--probability", "0.5", "--hedge", "likely")
    assert code == 1 and "does not agree" in err
    assert sample_db.read_bytes() == before


def test_import_without_a_status_column_keeps_a_confirmed_prediction_confirmed(sample_db, tmp_path, capsys):
    source = tmp_path / "notes.csv"
    source.write_text(f"id,kind,claim,made_on,tags\n{CONFIRMED},prediction,"
                      f"{Store(sample_db).load().predictions[CONFIRMED].claim},2025-02-22,nato;usa\n", "utf-8")
    code, _, err = cli(capsys, "--db", sample_db, "import", source)
    assert code == 0, err
    p = Store(sample_db).load().predictions[CONFIRMED]
    assert p.status is Status.CONFIRMED
    assert p.tags == ["nato", "usa"]


def test_import_changing_what_a_resolved_prediction_is_scored_on_needs_force(sample_db, tmp_path, capsys):
    source = tmp_path / "rewrite.csv"
    source.write_text(f"id,kind,claim,made_on,probability\n{CONFIRMED},prediction,A different claim,"
                      "2025-02-22,0.9\n", "utf-8")
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "import", source)
    assert code == 1 and "--force" in err and "claim" in err
    assert sample_db.read_bytes() == before
    code, _, err = cli(capsys, "--db", sample_db, "import", source, "--force")
    assert code == 0, err
    p = Store(sample_db).load().predictions[CONFIRMED]
    assert (p.claim, p.status) == ("A different claim", Status.CONFIRMED)
    assert p.history[-1].action == "edit"


def test_a_read_only_database_is_never_written(sample_db, capsys):
    before = sample_db.read_bytes()
    sample_db.chmod(0o444)
    code, _, err = cli(capsys, "--db", sample_db, "mark", PENDING, "refuted")
    assert code == 1 and "read-only" in err
    assert sample_db.read_bytes() == before


def test_a_status_only_csv_row_marks_an_existing_prediction(sample_db, tmp_path, capsys):
    source = tmp_path / "marks.csv"
    source.write_text(f"id,kind,status,note,evidence\n{PENDING},prediction,refuted,they accepted,"
                      "https://example.org/a\n", "utf-8")
    code, _, err = cli(capsys, "--db", sample_db, "import", source)
    assert code == 0, err
    p = Store(sample_db).load().predictions[PENDING]
    assert p.status is Status.REFUTED
    assert (p.history[-1].note, p.history[-1].evidence) == ("they accepted", ["https://example.org/a"])


def test_a_stale_export_cannot_silently_unmark_a_resolved_prediction(sample_db, tmp_path, capsys):
    stale = tmp_path / "stale.csv"
    assert cli(capsys, "--db", sample_db, "export", "--format", "csv", "-o", stale)[0] == 0
    assert cli(capsys, "--db", sample_db, "mark", PENDING, "confirmed")[0] == 0
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "import", stale)
    assert code == 1 and "status" in err and "--force" in err
    assert sample_db.read_bytes() == before


def test_an_unknown_hedge_with_a_blank_probability_keeps_the_stored_probability(sample_db, tmp_path, capsys):
    source = tmp_path / "hedge.csv"
    source.write_text(f"id,kind,hedge,probability\n{JA_PENDING},prediction,in all likelihood,\n", "utf-8")
    before = Store(sample_db).load().predictions[JA_PENDING].probability
    code, _, err = cli(capsys, "--db", sample_db, "import", source)
    assert code == 0, err
    p = Store(sample_db).load().predictions[JA_PENDING]
    assert (p.hedge, p.probability) == ("in all likelihood", before)


@pytest.mark.parametrize("args", [
    ["edit", PENDING, "--claim", ""],
    ["edit", EVENT, "--title", " "],
    ["edit", ARTICLE, "--author", ""],
    ["add", "prediction", "--claim", "X", "--probability", "0.99999", "--resolve-by", "2031"],
    ["add", "prediction", "--claim", "X", "--probability", "0.00001", "--resolve-by", "2031"],
    ["mark", PENDING, "confirmed", "--evidence", "http://[x"],
    ["add", "article", "--title", "T", "--author", "A", "--published", "2025", "--url", "https://e.org]"],
], ids=" ".join)
def test_input_that_would_leave_an_unreadable_file_is_refused(sample_db, capsys, args):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, *args)
    assert code == 1 and "Traceback" not in err and err.startswith("tracker: error:")
    assert sample_db.read_bytes() == before
    assert cli(capsys, "--db", sample_db, "validate")[0] == 0


def test_a_symlinked_database_is_written_through_the_link(sample_db, tmp_path, capsys):
    link = tmp_path / "link.json"
    link.symlink_to(sample_db)
    assert cli(capsys, "--db", link, "mark", PENDING, "refuted")[0] == 0
    assert link.is_symlink()
    assert Store(sample_db).load().predictions[PENDING].status is Status.REFUTED


def test_listing_into_a_closed_pipe_is_quiet(sample_db, tmp_path):
    import subprocess
    import sys

    result = subprocess.run(f"{sys.executable} -m tracker --db {sample_db} list | head -1", shell=True,
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.stdout.startswith("date") and "Error" not in result.stderr and "error" not in result.stderr


def test_a_negating_hedge_gets_a_note_about_wording_the_claim(sample_db, capsys):
    code, out, err = cli(capsys, "--db", sample_db, "add", "prediction", "--claim", "Poland will accept",
                         "--hedge", "unlikely", "--resolve-by", "2031")
    assert code == 0 and out.strip() == "poland-will-accept"
    assert "negation" in err


@pytest.mark.parametrize("argv", [["list"], ["score"], ["show", "no-such-id"], ["list", "--due-before", "soon"]],
                         ids=" ".join)
def test_a_read_command_gives_the_collector_back_however_it_ends(sample_db, capsys, argv):
    # Read commands run with the cyclic collector paused; a program (or a test run) that calls
    # main() and goes on must find it on again, after a refusal as after success.
    import gc

    assert gc.isenabled()
    main(["--db", str(sample_db), *argv])
    assert gc.isenabled()
