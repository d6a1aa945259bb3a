"""What a fresh user tripped over on the command line: -o /dev/stdout into a pipe, --db after
the command, a missing database, help examples, --author matching nobody, cut group names,
plurals, an empty forecaster, a prediction made before its article, `edit --status`."""

from __future__ import annotations

import argparse
import re
import shlex
from pathlib import Path

import orjson
import pytest

from tracker.actions import records as actions
from tracker.cli.main import build_parser, main
from tracker.store.store import Store
from tracker.domain.validate import database_problems

from conftest import ARTICLE, CONFIRMED, FAR_FUTURE, PENDING, run_in_terminal, run_tracker

BUNDLED = Path(__file__).resolve().parent.parent / "predictions.json"


def cli(capsys, *args) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


# 1. -o /dev/stdout when standard output is a pipe (subprocess.run's capture is a pipe)

@pytest.mark.parametrize("command", [("export", "--format", "csv"), ("report",)])
def test_dash_o_dev_stdout_writes_into_a_pipe(sample_db, tmp_path, command):
    done = run_tracker("--db", str(sample_db), *command, "-o", "/dev/stdout", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "cannot write" not in done.stderr
    expected = "poland-rejects-inspections" if command[0] == "export" else "# Track record"
    assert expected in done.stdout


# 2. --db before or after the command

def test_db_after_the_command_is_the_same_as_before(sample_db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "elsewhere.json"))
    before = cli(capsys, "--db", sample_db, "list", "--json")
    after = cli(capsys, "list", "--json", "--db", sample_db)
    assert before[0] == after[0] == 0
    assert orjson.loads(before[1]) == orjson.loads(after[1]) != []
    code, out, _ = cli(capsys, "add", "prediction", "--claim", "Y will happen", "--probability", "0.6",
                       "--resolve-by", "2030", "--db", sample_db)
    assert code == 0 and Store(sample_db).load().find(out.strip()) is not None


def test_db_after_the_command_wins_and_tracker_db_still_works(sample_db, tmp_path, capsys, monkeypatch):
    code, _, err = cli(capsys, "--db", sample_db, "list", "--db", tmp_path / "nope.json")
    assert code == 1 and "nope.json: no such file" in err
    monkeypatch.setenv("TRACKER_DB", str(sample_db))
    assert cli(capsys, "show", PENDING)[0] == 0


# 3. a command that needs the database says it is missing, not "no record"

@pytest.mark.parametrize("argv", [("mark", "x", "confirmed"), ("edit", "x", "--claim", "c"),
                                  ("snooze", "x", "3m"), ("settle", "x", "--field", "claim", "--value", "v"),
                                  ("accept", "p-1"), ("reject", "p-1"), ("show", "x"), ("score",)])
def test_a_missing_database_is_named_not_a_missing_record(missing_db, capsys, argv):
    code, _, err = cli(capsys, "--db", missing_db, *argv)
    assert code == 1
    assert f"{missing_db}: no such file" in err and "no record" not in err
    assert not missing_db.exists()


# 4, 5. help examples

def _parsers(parser: argparse.ArgumentParser, path=()):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


_ID_FLAGS = {"--article", "--event"}
_ID_COMMANDS = {"show", "edit", "mark", "snooze", "settle"}


def _example_ids(epilog: str) -> list[str]:
    """Record ids an example names: after --article/--event, or as the id of show/edit/mark/..."""
    ids = []
    for line in epilog.replace("\\\n", " ").splitlines()[1:]:
        words = shlex.split(line.split("#")[0])
        for i, word in enumerate(words[:-1]):
            if word in _ID_FLAGS or word in _ID_COMMANDS:
                ids.append(words[i + 1])
        if len(words) > 3 and words[1] == "merge-proposal":
            ids.append(words[3])
    return ids


def test_help_examples_name_records_of_the_bundled_file():
    bundled = orjson.loads(BUNDLED.read_bytes())
    known = {rid for table in ("articles", "events", "predictions") for rid in bundled[table]}
    named = [(path, rid) for path, parser in _parsers(build_parser()) if parser.epilog
             for rid in _example_ids(parser.epilog)]
    assert ("add", "prediction") in {path for path, _ in named}  # the walk reaches nested commands
    # Placeholders read as such (my-, some-); anything else must be a real bundled id.
    wrong = [(path, rid) for path, rid in named
             if not re.match(r"(my|some)-", rid) and rid not in known]
    assert wrong == []


def test_help_shows_single_percent_signs(capsys):
    code, out, _ = cli(capsys, "merge-file", "--help")
    assert code == 0 and "%O %A %B" in out and "%%" not in out


# 6. --author matching nobody

@pytest.mark.parametrize("argv", [("score",), ("score", "--by", "article"), ("report",),
                                  ("report", "-o", "OUT/r.md"), ("report", "--format", "html", "-o", "OUT")])
def test_author_matching_nobody_is_refused_and_nothing_written(sample_db, tmp_path, capsys, argv):
    argv = [a.replace("OUT", str(tmp_path / "out")) for a in argv]
    (tmp_path / "out").mkdir()
    code, out, err = cli(capsys, "--db", sample_db, *argv, "--author", "nobody")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [
        "tracker: error: no forecaster matches 'nobody' (forecasters: (unattributed), Andrew Korybko, 山田 太郎)"]
    assert list((tmp_path / "out").iterdir()) == []


# 7. group names never cut: in a narrow terminal each goes on a line of its own

def test_score_by_article_keeps_long_ids_whole_in_a_pipe(sample_db, tmp_path):
    long_id = "korybko-2025-02-22-a-very-long-article-id-about-poland-and-belarus"
    actions.add_article(Store(sample_db), record_id=long_id, title="T", author="Andrew Korybko",
                        published="2025-02-22")
    actions.add_prediction(Store(sample_db), claim="Z will happen", probability="0.6",
                           resolve_by="2030", article=long_id)
    piped = run_tracker("--db", str(sample_db), "score", "--by", "article", cwd=tmp_path)
    assert piped.returncode == 0 and long_id in piped.stdout and "…" not in piped.stdout
    code, terminal, _ = run_in_terminal("--db", str(sample_db), "score", "--by", "article", cwd=tmp_path,
                                        columns=80)
    assert code == 0 and long_id in terminal.splitlines() and "…" not in terminal  # whole, on its own line
    assert max(len(line) for line in terminal.splitlines()) <= 80


# 8. wording

def test_counts_and_articles_read_as_english(sample_db, tmp_path, capsys):
    assert "(2 articles, 1 event, 4 predictions)" in cli(capsys, "--db", sample_db, "validate")[1]
    _, _, err = cli(capsys, "--db", sample_db, "export", "--format", "ics", "-o", tmp_path / "c.ics")
    assert "calendar (3 events)" in err
    small = tmp_path / "one.json"
    actions.add_prediction(Store(small), record_id="only", claim="W will happen", probability="0.6",
                           resolve_by="2030", author="A")
    _, _, err = cli(capsys, "--db", small, "export", "-o", tmp_path / "one.csv")
    assert err.strip().endswith(": 1 record")
    _, _, err = cli(capsys, "--db", small, "report", "--format", "html", "-o", tmp_path / "site")
    assert err.strip().endswith(": 2 pages")


def test_a_proposal_of_the_wrong_kind_says_an_event():
    from tracker.domain.text import a_or_an, plural

    assert (a_or_an("event"), a_or_an("prediction"), plural(1, "page"), plural(0, "page")) == \
        ("an event", "a prediction", "1 page", "0 pages")


# 9. forecasters

def test_an_empty_forecaster_is_refused_on_edit(sample_db, capsys):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "edit", PENDING, "--forecaster", " ")
    assert code == 1 and err.strip() == ("tracker: error: --forecaster: cannot be empty: name whose "
                                         "call it is (the author, or who announced it)")
    assert sample_db.read_bytes() == before


def test_an_empty_forecaster_is_refused_on_accept(tmp_path, capsys):
    from tracker.domain.fields import FieldError
    from tracker.ingest.proposals import accept

    with pytest.raises(FieldError, match="forecaster"):
        accept(Store(tmp_path / "x.json"), "p-anything", {"forecaster": ""})


def test_an_import_row_with_no_forecaster_stays_the_authors_call(sample_db, tmp_path, capsys):
    csv_path = tmp_path / "rows.csv"
    cli(capsys, "--db", sample_db, "export", "--format", "csv", "-o", csv_path)
    rows = csv_path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split(",")
    at = header.index("forecaster")
    fixed = [rows[0]] + [",".join(c if i != at else "" for i, c in enumerate(r.split(",")))
                         if r.startswith(CONFIRMED + ",") else r for r in rows[1:]]
    csv_path.write_text("\n".join(fixed) + "\n", encoding="utf-8")
    assert cli(capsys, "--db", sample_db, "import", csv_path)[0] == 0
    assert Store(sample_db).load().find(CONFIRMED).forecaster == "Andrew Korybko"


def test_unattributed_predictions_are_scored_under_an_explicit_label(sample_db, tmp_path, capsys):
    _, out, _ = cli(capsys, "--db", sample_db, "score", "--by", "forecaster", "--json")
    groups = {g["group"]: g for g in orjson.loads(out)}
    assert groups["(unattributed)"]["n"] == 1 and "(none)" not in groups  # FAR_FUTURE
    _, out, _ = cli(capsys, "--db", sample_db, "report")
    assert "\\(unattributed\\)" in out and "(none)" not in out  # Markdown-escaped parentheses
    cli(capsys, "--db", sample_db, "report", "--format", "html", "-o", tmp_path / "site")
    assert (tmp_path / "site" / "unattributed.html").exists()
    assert not (tmp_path / "site" / "none.html").exists()
    assert Store(sample_db).load().find(FAR_FUTURE).forecaster == ""


# 10. a prediction made before its article was published

def test_an_article_published_after_its_predictions_is_refused(sample_db, capsys):
    before = sample_db.read_bytes()
    code, _, err = cli(capsys, "--db", sample_db, "edit", ARTICLE, "--published", "2027-01-01")
    assert code == 1
    assert err.strip() == (f"tracker: error: --published: 2027-01-01 is after prediction {PENDING!r} "
                           "was made (2025-02-22)")
    assert sample_db.read_bytes() == before
    code, _, err = cli(capsys, "--db", sample_db, "edit", PENDING, "--made-on", "2025-02-21")
    assert code == 1 and "--made-on: 2025-02-21 is before its article" in err


def test_validate_reports_a_prediction_made_before_its_article(sample_db, capsys):
    import dataclasses

    from tracker.domain.dates import parse_date

    db = Store(sample_db).load()
    db.articles[ARTICLE] = dataclasses.replace(db.articles[ARTICLE], published=parse_date("2027-01-01"))
    assert [p for p in database_problems(db) if "made_on" in p] == [
        f"predictions[{PENDING}].made_on: 2025-02-22 is before its article {ARTICLE!r} was published (2027-01-01)"]


# 11. edit --status

def test_edit_status_names_the_edit_usage_and_mark(sample_db, capsys):
    code, _, err = cli(capsys, "--db", sample_db, "edit", PENDING, "--status", "confirmed")
    assert code == 2
    assert err.startswith("usage: tracker edit ")
    assert "use `tracker mark" in err.splitlines()[-1]
