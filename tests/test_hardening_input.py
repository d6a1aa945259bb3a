"""Hostile text and careless input: escape sequences in what the CLI prints, one status path for
mark and import, the CSV round trip at any size, formula cells, loose dates and other small
refusals (issue 8, items 2, 7, 8, 9, 11 and the smaller things)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import orjson
import pytest

from tests.conftest import ARTICLE, CONFIRMED, PENDING, encoded
from tracker.actions import records as actions
from tracker.cli.main import main
from tracker.domain.dates import DateError, parse_date
from tracker.exchange.tabular import export_csv, read_import_file
from tracker.store.store import Store

OSC_TITLE = "\x1b]0;pwned\x07"
OSC_CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
C1_CSI = "\x9b2J"


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _hostile(sample_db):
    store = Store(sample_db)
    actions.edit_record(store, PENDING, {"claim": f"Poland {OSC_TITLE} will {C1_CSI} not accept"})
    actions.mark(store, PENDING, "confirmed", note=f"see {OSC_CLIPBOARD} here\u202e")
    return store


def _assert_inert(text: str) -> None:
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in text


# ---- item 2: what the CLI prints ----------------------------------------------

def test_list_shows_escape_sequences_instead_of_sending_them(sample_db, capsys):
    _hostile(sample_db)
    code, out, _ = _run(capsys, "--db", sample_db, "list")
    assert code == 0
    _assert_inert(out)
    assert "\\x1b]0;pwned\\x07" in out and "\\x9b2J" in out


@pytest.mark.parametrize("columns", [str(n) for n in range(60, 110, 3)])
def test_list_never_cuts_an_escape_in_half(sample_db, capsys, terminal, columns):
    _hostile(sample_db)
    terminal(int(columns))
    _, out, _ = _run(capsys, "--db", sample_db, "list")
    _assert_inert(out)
    line = next(line for line in out.splitlines() if PENDING in line)
    # A cut ends in "…"; what stands before it is whole escapes or plain text, never a lone ESC.
    assert "\x1b" not in line


def test_show_shows_notes_and_history_inert(sample_db, capsys):
    _hostile(sample_db)
    code, out, _ = _run(capsys, "--db", sample_db, "show", PENDING)
    assert code == 0
    _assert_inert(out)
    assert "\\x1b]52;c;ZXZpbA==\\x07" in out and "\\u202e" in out


def test_json_output_escapes_c1_controls_and_reads_back_the_same(sample_db, capsys):
    _hostile(sample_db)
    _, out, _ = _run(capsys, "--db", sample_db, "show", PENDING, "--json")
    _assert_inert(out)
    assert orjson.loads(out)["claim"] == f"Poland {OSC_TITLE} will {C1_CSI} not accept"


def test_errors_show_what_the_user_gave_inert(sample_db, capsys):
    code, _, err = _run(capsys, "--db", sample_db, "show", f"x{OSC_TITLE}")
    assert code == 1
    _assert_inert(err)


def test_validate_and_import_problems_are_inert(sample_db, tmp_path, capsys):
    source = tmp_path / "bad.csv"
    source.write_text(f"id,kind,claim,made_on,probability\nbad,prediction,c{C1_CSI},2025-01,{OSC_TITLE}\n",
                      encoding="utf-8")
    code, _, err = _run(capsys, "--db", sample_db, "import", source)
    assert code == 1 and "probability" in err
    _assert_inert(err)


def test_list_into_a_pipe_cuts_no_claim(sample_db, capsys, monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    long_claim = "Poland will " + "really " * 30_000 + "not accept"
    actions.edit_record(Store(sample_db), PENDING, {"claim": long_claim})
    _, out, _ = _run(capsys, "--db", sample_db, "list")
    assert long_claim in out


# ---- item 11: arguments that are not UTF-8 -------------------------------------

def test_an_argument_that_is_not_utf8_is_one_line_not_a_traceback(sample_db, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "tracker", "--db", str(sample_db), "mark", PENDING, "void",
                           "--note", b"caf\xe9"], capture_output=True, cwd=tmp_path, timeout=30)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2 and "Traceback" not in err
    assert "--note: caf\\xe9 is not valid UTF-8 text" in err
    assert Store(sample_db).load().predictions[PENDING].status.value == "pending"


# ---- item 7: one status path ----------------------------------------------------

@pytest.mark.parametrize("known_on, why", [("2099-01", "in the future"), ("2020-01", "before the prediction")])
def test_import_refuses_a_known_on_that_mark_refuses(sample_db, tmp_path, capsys, known_on, why):
    before = sample_db.read_bytes()
    source = tmp_path / "marks.csv"
    source.write_text(f"id,kind,status,known_on\n{PENDING},prediction,refuted,{known_on}\n", "utf-8")
    code, _, err = _run(capsys, "--db", sample_db, "import", source)
    assert code == 1 and why in err
    assert sample_db.read_bytes() == before


def test_a_new_resolved_prediction_imported_gets_a_checked_entry(missing_db, tmp_path, capsys):
    source = tmp_path / "new.csv"
    source.write_text("kind,claim,made_on,probability,status,known_on\n"
                      "prediction,X happens,2025-01,0.6,confirmed,2099-05\n", "utf-8")
    code, _, err = _run(capsys, "--db", missing_db, "import", source)
    assert code == 1 and "known_on: 2099-05 is in the future" in err


def test_validate_checks_histories(sample_db, capsys):
    tables = orjson.loads(sample_db.read_bytes())
    entry = tables["predictions"][CONFIRMED]["history"][-1]
    entry["known_on"] = "2999-01"
    entry["from"] = "refuted"
    sample_db.write_bytes(orjson.dumps(tables))
    code, _, err = _run(capsys, "--db", sample_db, "validate")
    assert code == 1
    assert "known_on: 2999-01 is in the future" in err
    assert "moves from 'refuted', but the status before it was 'pending'" in err


# ---- items 8 and 9: the CSV round trip --------------------------------------------

def test_csv_round_trip_holds_with_a_history_over_the_csv_field_limit(sample_db, tmp_path, capsys):
    store = Store(sample_db)
    for i in range(3):  # the history column holds every revision: over csv's 131,072-character field limit
        actions.edit_record(store, PENDING, {"horizon_note": f"revision {i} " + "x" * 30_000})
    assert sum(len(str(h)) for h in store.load().predictions[PENDING].history) > 131_072
    out = tmp_path / "all.csv"
    assert _run(capsys, "--db", sample_db, "export", "--format", "csv", "-o", out)[0] == 0
    fresh = tmp_path / "fresh.json"
    code, _, err = _run(capsys, "--db", fresh, "import", out)
    assert code == 0, err
    assert encoded(fresh) == encoded(sample_db)


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "'=already",
                                  "''+quoted"])
def test_formula_cells_are_defused_on_export_and_restored_on_import(sample_db, tmp_path, text):
    actions.edit_record(Store(sample_db), PENDING, {"quote": text})
    record = Store(sample_db).load().predictions[PENDING]
    data = export_csv([record])
    [row] = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert row["quote"][0] == "'"
    source = tmp_path / "in.csv"
    source.write_bytes(data)
    [back] = read_import_file(source)
    assert back.quote == record.quote


# ---- smaller things ------------------------------------------------------------------

@pytest.mark.parametrize("text", ["-2025", "2025-", "of 2025", "2025 AD", "2025.", "May 2025 AD"])
def test_loose_dates_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_list_due_before_empty_is_refused(sample_db, capsys):
    code, _, err = _run(capsys, "--db", sample_db, "list", "--due-before", "")
    assert code == 1 and "--due-before" in err


def test_import_of_a_database_with_an_unknown_schema_version_is_refused(sample_db, tmp_path, capsys):
    other = tmp_path / "future.json"
    tables = orjson.loads(sample_db.read_bytes())
    tables["meta"]["schema"]["schema_version"] = 99
    other.write_bytes(orjson.dumps(tables))
    code, _, err = _run(capsys, "--db", tmp_path / "new.json", "import", other)
    assert code == 1 and "schema_version 99" in err


def test_import_refuses_a_prediction_with_neither_probability_nor_hedge(missing_db, tmp_path, capsys):
    source = tmp_path / "bare.csv"
    source.write_text("kind,claim,made_on\nprediction,Serbia will join the EU,2025-03\n", "utf-8")
    code, _, err = _run(capsys, "--db", missing_db, "import", source)
    assert code == 1 and "give a probability or a hedge" in err
    assert not missing_db.exists()


def test_import_refuses_duplicate_csv_columns_and_json_keys(missing_db, tmp_path, capsys):
    columns = tmp_path / "twice.csv"
    columns.write_text("kind,claim,claim,made_on,probability\nprediction,a,b,2025-01,0.5\n", "utf-8")
    code, _, err = _run(capsys, "--db", missing_db, "import", columns)
    assert code == 1 and "column 'claim' appears more than once" in err
    keys = tmp_path / "twice.json"
    keys.write_text('[{"kind": "prediction", "claim": "a", "claim": "b", "made_on": "2025-01", '
                    '"probability": 0.5}]', "utf-8")
    code, _, err = _run(capsys, "--db", missing_db, "import", keys)
    assert code == 1 and "[0].claim appears more than once" in err
    assert not missing_db.exists()


def test_edit_made_on_after_resolve_by_names_the_date_given(sample_db, capsys):
    code, _, err = _run(capsys, "--db", sample_db, "edit", PENDING, "--made-on", "2030")
    assert code == 1
    assert "--made-on: 2030 is after resolve_by 2025-12" in err


def test_edit_article_language_empty_is_refused(sample_db, capsys):
    before = sample_db.read_bytes()
    code, _, err = _run(capsys, "--db", sample_db, "edit", ARTICLE, "--language", "")
    assert code == 1 and "language" in err
    assert sample_db.read_bytes() == before


def test_export_to_an_empty_path_is_a_usage_error(sample_db, capsys):
    code, out, err = _run(capsys, "--db", sample_db, "export", "-o", "")
    assert code == 2 and "-o: an empty path" in err and out == ""


def test_a_resolve_by_on_the_last_day_of_year_9999_does_not_crash_review_or_calendar(sample_db, capsys):
    actions.edit_record(Store(sample_db), PENDING, {"resolve_by": "9999-12-31"})
    for argv in (["review", "--today", "9999-12-31"], ["export", "--format", "ics", "-o", "-"]):
        code, _, err = _run(capsys, "--db", sample_db, *argv)
        assert code == 0, err


def test_ids_with_control_characters_are_refused_on_add_and_import(missing_db, tmp_path, capsys):
    code, _, err = _run(capsys, "--db", missing_db, "add", "event", "--date", "2025", "--title", "t",
                        "--id", "a\x1b[2Jb")
    assert code == 1 and "control characters" in err
    source = tmp_path / "ids.json"
    source.write_text('[{"kind": "event", "date": "2025", "title": "t", "id": "x\\u009b2J"}]', "utf-8")
    code, _, err = _run(capsys, "--db", missing_db, "import", source)
    assert code == 1 and "control characters" in err
    assert not missing_db.exists()


def test_import_of_a_void_prediction_needs_a_note_as_mark_does(missing_db, tmp_path, capsys):
    source = tmp_path / "void.csv"
    source.write_text("kind,claim,made_on,probability,status\nprediction,X,2025-01,0.5,void\n", "utf-8")
    code, _, err = _run(capsys, "--db", missing_db, "import", source)
    assert code == 1 and "a void needs a note" in err


def test_a_csv_history_cell_with_a_duplicate_key_is_refused(missing_db, tmp_path, capsys):
    source = tmp_path / "hist.csv"
    source.write_text('kind,claim,made_on,probability,history\nprediction,X,2025-01,0.5,'
                      '"[{""at"": ""2025-02-01T00:00:00Z"", ""action"": ""edit"", ""field"": ""claim"", '
                      '""field"": ""quote"", ""old"": ""a"", ""new"": ""b""}]"\n', "utf-8")
    code, _, err = _run(capsys, "--db", missing_db, "import", source)
    assert code == 1 and "history: key [0].field appears more than once" in err


def test_a_user_name_that_is_not_utf8_is_stored_readably_not_a_traceback(sample_db, tmp_path):
    # $TRACKER_USER with a byte that is not UTF-8 reached the history as a lone surrogate,
    # which orjson cannot encode: a TypeError traceback from `mark`.
    import os
    import subprocess
    import sys

    from tests.conftest import PENDING

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "PYTHONPATH": root}
    env_b = {k.encode(): v.encode("utf-8", "surrogateescape") for k, v in env.items()}
    env_b[b"TRACKER_USER"] = b"bad\xff"
    done = subprocess.run([sys.executable, "-m", "tracker", "--db", str(sample_db), "mark", PENDING,
                           "confirmed"], env=env_b, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    from tracker.store.store import Store

    assert Store(sample_db).load().predictions[PENDING].history[-1].by == "bad\ufffd"


@pytest.mark.parametrize("columns", [None, 80, 120])
def test_review_shows_escape_sequences_instead_of_sending_them(sample_db, capsys, terminal, columns):
    # Review makes its lines in bulk (one scan of every claim for what to escape): the hostile
    # claim among the others must still come out escaped, at any width and into a pipe.
    actions.edit_record(Store(sample_db), PENDING, {"claim": f"Poland {OSC_TITLE} will {C1_CSI} not accept"})
    if columns:
        terminal(columns)
    code, out, _ = _run(capsys, "--db", sample_db, "review", "--today", "2100-01-01")
    assert code == 0 and PENDING in out
    _assert_inert(out)
    assert "\\x1b]0;pwned" in out
