"""`tracker list` fits the terminal without ever cutting an id."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tracker.actions import records as actions
from tracker.cli.main import main
from tracker.store.store import Store

LONG_ID = "russia-pakistan-freight-train-launches-2025-03-15-via-iran-x"  # 60 characters
CLAIM = "The first Russia–Pakistan freight train service will start running through Iran"


@pytest.fixture
def long_id_db(sample_db):
    actions.add_prediction(Store(sample_db), record_id=LONG_ID, claim=CLAIM, probability="0.9",
                           made_on="2025-01", resolve_by="2025-03-15")
    return sample_db


def listing(db, capsys, terminal, columns: int | None) -> list[str]:
    if columns is not None:  # else captured output is not a terminal: a pipe
        terminal(columns)
    capsys.readouterr()
    assert main(["--db", str(db), "list"]) == 0
    return capsys.readouterr().out.splitlines()


def test_at_90_columns_ids_go_on_their_own_line_and_no_line_is_wider(long_id_db, capsys, terminal):
    lines = listing(long_id_db, capsys, terminal, 90)
    assert max(cell_len(line) for line in lines) <= 90
    row = next(i for i, line in enumerate(lines) if "The first Russia" in line)
    assert lines[row].startswith("15 Mar 2025") and LONG_ID not in lines[row]
    assert lines[row + 1] == f"{' ' * 16}id: {LONG_ID}"  # whole, indented under its record
    assert "id" not in lines[0].split()  # the header has no id column


def test_at_200_columns_each_record_is_one_line_with_its_id(long_id_db, capsys, terminal):
    lines = listing(long_id_db, capsys, terminal, 200)
    assert max(cell_len(line) for line in lines) <= 200
    row = next(line for line in lines if LONG_ID in line)
    assert row.startswith("15 Mar 2025") and row.endswith(CLAIM)
    assert not any(line.lstrip().startswith("id: ") for line in lines)
    assert len(lines) == 1 + len(Store(long_id_db).load())


def test_into_a_pipe_each_record_is_one_whole_line(long_id_db, capsys, terminal):
    lines = listing(long_id_db, capsys, terminal, None)
    row = next(line for line in lines if LONG_ID in line)
    assert row.endswith(CLAIM) and "…" not in row
    assert len(lines) == 1 + len(Store(long_id_db).load())


def test_an_id_wider_than_the_terminal_is_still_printed_whole(long_id_db, capsys, terminal):
    lines = listing(long_id_db, capsys, terminal, 50)
    assert LONG_ID in lines


def test_into_a_file_nothing_is_cut_even_with_columns_exported(long_id_db, tmp_path):
    """`export COLUMNS=80; tracker list > file`: a file is not a terminal, so nothing is cut."""
    from conftest import run_tracker

    listed = run_tracker("--db", str(long_id_db), "list", cwd=tmp_path, env={"COLUMNS": "80"})
    row = next(line for line in listed.stdout.splitlines() if LONG_ID in line)
    assert row.endswith(CLAIM) and not any(line.endswith("…") for line in listed.stdout.splitlines())


def test_in_a_real_terminal_80_wide_the_claims_are_cut_to_fit(long_id_db, tmp_path):
    from conftest import run_in_terminal

    code, out, _ = run_in_terminal("--db", str(long_id_db), "list", cwd=tmp_path, columns=80)
    assert code == 0 and max(cell_len(line) for line in out.splitlines()) <= 80
    assert f"id: {LONG_ID}" in out and any(line.endswith("…") for line in out.splitlines())
