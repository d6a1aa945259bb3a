"""Issue 21: input from files, folders and fields is taken exactly, shown inertly, refused clearly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PENDING

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_git_setup_in_a_repository_whose_path_is_not_utf8(tmp_path):
    repo = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9")))
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=30)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent.parent),
                                                                      os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "tracker", "--db", "predictions.json", "git-setup"], cwd=repo, env=env,
                          capture_output=True, timeout=30)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 0 and "Traceback" not in err, err
    assert (repo / ".gitattributes").read_text("utf-8") == "/predictions.json merge=tracker\n"
    assert b"caf\\xe9" in done.stdout  # the folder named as it is, its odd byte shown


@needs_git
def test_git_setup_for_a_database_whose_own_name_is_not_utf8_is_one_line(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, timeout=30)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent.parent),
                                                                      os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "tracker", "--db", b"d\xe9.json", "git-setup"], cwd=tmp_path,
                          env=env, capture_output=True, timeout=30)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [err.strip()] and "not UTF-8" in err
    assert not (tmp_path / ".gitattributes").exists()


# ---- 13: invisible and line-breaking characters are shown, never passed raw ----------------

import orjson  # noqa: E402

from tracker.actions import records as actions  # noqa: E402
from tracker.cli.main import main  # noqa: E402
from tracker.domain.text import visible  # noqa: E402
from tracker.store.store import Store  # noqa: E402

HIDDEN = {"\u061c": "\\u061c", "\u2028": "\\u2028", "\u2029": "\\u2029", "\u200b": "\\u200b",
          "\u200d": "\\u200d", "\u2060": "\\u2060", "\ufeff": "\\ufeff", "\U000e0041": "\\U000e0041"}


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def _set_claim(db: Path, claim: str) -> None:
    tables = orjson.loads(db.read_bytes())
    tables["predictions"][PENDING]["claim"] = claim
    db.write_bytes(orjson.dumps(tables))


@pytest.mark.parametrize("char", list(HIDDEN))
def test_visible_shows_each_invisible_character_as_an_escape(char):
    assert visible(f"a{char}b") == f"a{HIDDEN[char]}b"
    assert visible(f"a{char}b", keep_newlines=True) == f"a{HIDDEN[char]}b"


def test_show_list_review_and_report_pass_no_invisible_character(sample_db, capsys):
    claim = "Poland will not " + "".join(HIDDEN) + "accept the inspections"
    _set_claim(sample_db, claim)
    for argv in (["show", PENDING], ["list"], ["review", "--today", "2026-11-24"], ["report"]):
        code, out, _ = run(capsys, "--db", sample_db, *argv)
        assert code == 0
        assert not any(char in out for char in HIDDEN), argv
    _, out, _ = run(capsys, "--db", sample_db, "show", PENDING)
    assert "\\u2028" in out and "\\u061c" in out and "\\U000e0041" in out


def test_show_json_escapes_the_line_separators_and_reads_back_the_same(sample_db, capsys):
    claim = "Poland will\u2028not\u2029accept \u200bit\U000e0041"
    _set_claim(sample_db, claim)
    _, out, _ = run(capsys, "--db", sample_db, "show", PENDING, "--json")
    assert "\u2028" not in out and "\u2029" not in out and "\u200b" not in out and "\U000e0041" not in out
    assert "\\u2028" in out and "\\u2029" in out
    assert orjson.loads(out)["claim"] == claim


# ---- 14: a claim's own line breaks cannot fake a line of `show` ------------------------------

def test_show_indents_a_claims_later_lines_so_it_cannot_fake_a_status(sample_db, capsys):
    _set_claim(sample_db, "Poland will not accept\nstatus:       ✓ confirmed\nprobability:  99%")
    _, out, _ = run(capsys, "--db", sample_db, "show", PENDING)
    lines = out.splitlines()
    assert [line for line in lines if line.startswith("status:")] == ["status:       ! overdue"]
    assert [line for line in lines if line.startswith("probability:")] == ["probability:  70%"]
    claim = lines.index("claim:        Poland will not accept")
    assert lines[claim + 1] == " " * 14 + "status:       ✓ confirmed"  # under the claim's first line


def test_a_multi_line_history_note_stays_under_its_entry(sample_db, capsys):
    actions.mark(Store(sample_db), PENDING, "refuted", note="it failed\nstatus:       ✓ confirmed")
    _, out, _ = run(capsys, "--db", sample_db, "show", PENDING)
    assert not any(line.startswith("status:       ✓") for line in out.splitlines())
    assert "          status:       ✓ confirmed" in out.splitlines()


# ---- smaller ones ------------------------------------------------------------------------------

def _dispute(db: Path, field: str) -> None:
    tables = orjson.loads(db.read_bytes())
    tables["predictions"][PENDING]["history"].append(
        {"at": "2026-01-01T00:00:00Z", "action": "dispute", "field": field,
         "values": [{"value": "Andrew Korybko", "by": "A"}, {"value": "Someone Else", "by": "B"}]})
    db.write_bytes(orjson.dumps(tables))


@pytest.mark.parametrize("value", ["", "  "])
def test_settle_refuses_an_empty_forecaster_as_edit_does(sample_db, capsys, value):
    _dispute(sample_db, "forecaster")
    before = sample_db.read_bytes()
    code, _, err = run(capsys, "--db", sample_db, "settle", PENDING, "--field", "forecaster", "--value", value)
    assert code == 1 and err.startswith("tracker: error: --value: cannot be empty")
    assert sample_db.read_bytes() == before


def test_csv_keeps_leading_white_space_of_text_exactly(sample_db, tmp_path):
    from tracker.domain.encoding import encode_record
    from tracker.exchange.tabular import export_csv, read_import_file

    texts = {" leading space": "claim", "\u3000全角の空白で始まる": "quote", "\u00a0no-break": "condition",
             "\nstarts on a new line": "horizon_note"}
    db = Store(sample_db).load()
    record = db.predictions[PENDING]
    for text, field in texts.items():
        setattr(record, field, text)
    path = tmp_path / "out.csv"
    path.write_bytes(export_csv([record]))
    batch = read_import_file(path, lambda rid: encode_record(record) if rid == record.id else None)
    (back,) = list(batch)
    for text, field in texts.items():
        assert getattr(back, field) == text, field


def test_a_file_holding_only_a_byte_order_mark_is_called_empty(tmp_path, capsys):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf")
    code, _, err = run(capsys, "--db", tmp_path / "db.json", "ingest", bom)
    assert code == 1 and "empty (only a byte-order mark)" in err and "JSON" not in err
    csv_file = tmp_path / "bom.csv"
    csv_file.write_bytes(b"\xef\xbb\xbf\n")
    from tracker.exchange.tabular import ImportFileError, read_import_file

    with pytest.raises(ImportFileError) as caught:
        read_import_file(csv_file)
    assert "empty (only a byte-order mark)" in str(caught.value.problems)


@pytest.mark.parametrize("period", ["36500d", "5200w", "1200m", "100y"])
def test_a_century_is_accepted_in_any_unit(sample_db, capsys, period):
    code, out, err = run(capsys, "--db", sample_db, "review", "--within", period, "--today", "2026-11-24")
    assert code == 0, err


@pytest.mark.parametrize("period", ["36700d", "101y", "123456789012d"])
def test_more_than_a_century_is_refused_in_any_unit(sample_db, capsys, period):
    code, _, err = run(capsys, "--db", sample_db, "review", "--within", period)
    assert code == 1 and err.strip() == f"tracker: error: --within: '{period}' is more than a century away"


def test_the_duplicate_id_import_error_names_the_id(sample_db, tmp_path, capsys):
    source = tmp_path / "twice.json"
    source.write_text('[{"kind": "event", "id": "same-event", "date": "2025", "title": "A"},'
                      ' {"kind": "event", "id": "same-event", "date": "2025", "title": "B"}]', "utf-8")
    before = sample_db.read_bytes()
    code, _, err = run(capsys, "--db", sample_db, "import", source)
    assert code == 1 and "same-event: this id appears more than once in the file" in err
    assert sample_db.read_bytes() == before
