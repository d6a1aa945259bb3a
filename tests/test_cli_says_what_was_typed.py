"""Refusals and help speak in what the user typed: flags, close ids, and what a stored value means."""

from __future__ import annotations

import argparse
import datetime as dt

import pytest

from conftest import CONFIRMED, PENDING
from tracker.cli.main import build_parser, main
from tracker.domain.render import detail_rows
from tracker.store.store import Store


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(("argv", "said"), [
    (["mark", PENDING, "confirmed", "--on", "2099-01"], "tracker: error: --on: 2099-01 is in the future"),
    (["mark", PENDING, "void"], "tracker: error: --note: a void needs a note"),
    (["mark", PENDING, "confirmed", "--evidence", "javascript:alert(1)"], "tracker: error: --evidence: "),
    (["edit", PENDING, "--resolve-by", "someday"], "tracker: error: --resolve-by: invalid date 'someday'"),
    (["edit", PENDING, "--probability", "2"], "tracker: error: --probability: '2' is not strictly between"),
    (["add", "prediction", "--claim", "X", "--probability", "0.6", "--resolve-by", "2030", "--made-on", "zz"],
     "tracker: error: --made-on: invalid date 'zz'"),
    (["add", "event", "--date", "soon", "--title", "T"], "tracker: error: --date: invalid date 'soon'"),
])
def test_a_refusal_names_the_flag_not_the_field(sample_db, capsys, argv, said):
    before = sample_db.read_bytes()
    code, _, err = run(capsys, "--db", sample_db, *argv)
    assert code == 1 and err.startswith(said) and len(err.strip().splitlines()) == 1
    assert "known_on" not in err and "resolve_by" not in err and "made_on" not in err
    assert sample_db.read_bytes() == before


@pytest.mark.parametrize("command", [["show"], ["mark", "{}", "confirmed"], ["edit", "{}", "--note", "x",
                                                                            "--claim", "Y will happen"]])
def test_an_unknown_id_suggests_the_close_ones(sample_db, capsys, command):
    typed = PENDING.rsplit("-", 1)[0]  # "poland-rejects": a word left off
    argv = [typed if part == "{}" else part for part in command]
    if argv == ["show"]:
        argv.append(typed)
    code, _, err = run(capsys, "--db", sample_db, *argv)
    assert code == 1
    assert err.strip() == f"tracker: error: no record with id {typed!r}; did you mean: {PENDING}?"


def test_an_id_like_nothing_gets_no_suggestion(sample_db, capsys):
    code, _, err = run(capsys, "--db", sample_db, "show", "zzzz-qqqq")
    assert code == 1 and err.strip() == "tracker: error: no record with id 'zzzz-qqqq'"


def test_show_says_a_claim_is_the_negation_of_its_hedged_statement(sample_db, capsys):
    # PENDING: "probably won't" (unlikely, 30%) stored as the negated claim at 70%
    code, out, _ = run(capsys, "--db", sample_db, "show", PENDING)
    hedge = next(line for line in out.splitlines() if line.startswith("hedge:"))
    assert "probably won't" in hedge and "unlikely" in hedge and "negation" in hedge and "70%" in hedge
    # The TUI's details pane reads the same rows.
    db = Store(sample_db).load()
    rows = dict(detail_rows(db.predictions[PENDING], db, dt.date.today()))
    assert "negation" in rows["hedge"]


def test_show_of_a_hedge_above_even_chance_says_nothing_more(sample_db, capsys):
    db = Store(sample_db).load()
    rows = dict(detail_rows(db.predictions[CONFIRMED], db, dt.date.today()))
    assert "negation" not in rows.get("hedge", "")


def _actions(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, (*path, name))
        else:
            yield path, action


def test_every_option_and_argument_of_every_command_has_help():
    lacking = [f"tracker {' '.join(path)} {'/'.join(action.option_strings) or action.dest}"
               for path, action in _actions(build_parser()) if not action.help]
    assert lacking == []


def test_report_is_described_as_markdown_or_html():
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    listed = next(a.help for a in sub._choices_actions if a.dest == "report")  # its line in --help
    assert "Markdown" in listed and "HTML" in listed
    assert "HTML" in sub.choices["report"].description


def test_a_usage_error_shows_the_commands_own_usage(sample_db, capsys):
    code, _, err = run(capsys, "--db", sample_db, "report", "--format", "html")
    assert code == 2
    assert err.startswith("usage: tracker report ") and "-o" in err.splitlines()[-1]
