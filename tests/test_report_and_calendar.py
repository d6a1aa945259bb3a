"""`tracker report` (Markdown that never turns article text into markup) and the ICS calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import CONFIRMED, FAR_FUTURE, JA_PENDING, PENDING

from tracker.actions import records as actions
from tracker.cli.main import main
from tracker.exchange.markdown import md_link, md_text
from tracker.store.store import Store

HOSTILE = "Gains | losses *bold* _em_ [link](https://evil.example) `code` <b>x</b> &amp; \x1b]0;title\x07"


def run(db, capsys, *args):
    capsys.readouterr()
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("text", "escaped"), [
    ("a | b", r"a \| b"),
    ("*not bold*", r"\*not bold\*"),
    ("[x](y)", r"\[x\]\(y\)"),
    ("`code`", r"\`code\`"),
    ("<script>", r"\<script\>"),
    ("two\nlines", "two lines"),
    ("bell\x07", r"bell\\x07"),
])
def test_markdown_escaping_keeps_article_text_literal(text, escaped):
    assert md_text(text) == escaped


def test_only_http_links_become_links_and_cannot_break_out():
    assert md_link("t", "javascript:alert(1)") == r"javascript:alert\(1\)"
    assert md_link("a|b", "https://x.example/a b>c") == r"[a\|b](<https://x.example/a%20b%3Ec>)"


def test_report_escapes_claims_notes_and_links_from_articles(sample_db, capsys):
    store = Store(sample_db)
    hostile = actions.add_prediction(store, claim=HOSTILE, probability="0.6", made_on="2025-01",
                                     resolve_by="2025-06", author="Andrew Korybko")
    actions.mark(store, hostile.id, "confirmed", known_on="2025-05", note="n",
                 evidence=["https://example.org/a|b"])
    actions.mark(store, PENDING, "void", note="moot | *really*", known_on="2026-11-20")  # before --today
    code, out, _ = run(sample_db, capsys, "report", "--author", "Korybko", "--today", "2026-11-24")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    row = next(line for line in out.splitlines() if line.startswith("| Gains"))
    assert row.startswith(r"| Gains \| losses \*bold\* \_em\_ \[link\]\(https://evil.example\) \`code\` "
                          r"\<b\>x\</b\> \&amp; \\x1b\]0;title\\x07 |")
    # Seven columns: the claim's pipe did not add one.
    assert row.replace("\\|", "").count("|") == 8
    assert "[\\[1\\]](<https://example.org/a%7Cb>)" in row
    assert "moot \\| \\*really\\*" in out


def test_report_lists_scores_calibration_resolved_and_void(sample_db, capsys):
    actions.mark(Store(sample_db), PENDING, "refuted", known_on="2026-01",
                 evidence=["https://example.org/refuted"])
    actions.mark(Store(sample_db), JA_PENDING, "void", note="the meeting was cancelled", known_on="2026-11-20")
    code, out, _ = run(sample_db, capsys, "report", "--today", "2026-11-24")
    assert code == 0
    sections = [line for line in out.splitlines() if line.startswith("#")]
    assert sections == ["# Track record: all forecasters", "## Scores", "## Calibration",
                        "## Resolved predictions", "## Void predictions"]
    assert "| 70–80% | 1 | 70% | 0% |" in out and "| 80–90% | 1 | 80% | 100% |" in out
    assert "✗ refuted" in out and "January 2026" in out and "(<https://example.org/refuted>)" in out
    assert "[Poland and Belarus](<https://example.org/poland-belarus>)" in out
    assert "the meeting was cancelled" in out
    assert "nan" not in out.lower()


def test_report_with_nothing_resolved_says_so(tmp_path, capsys):
    store = Store(tmp_path / "r.json")
    actions.add_prediction(store, claim="X will happen", probability="0.7", made_on="2025-01",
                           resolve_by="2027", author="A")
    out_file = tmp_path / "report.md"
    code, out, err = run(store.path, capsys, "report", "-o", str(out_file))
    text = out_file.read_text(encoding="utf-8")
    assert code == 0 and out == "" and "report written" in err
    assert "Nothing is resolved yet, so there is no score" in text
    assert "no calibration to show" in text and "None yet." in text and "nan" not in text.lower()


def export_ics(db, capsys, tmp_path, name):
    out = tmp_path / name
    code, _, err = run(db, capsys, "export", "--format", "ics", "-o", str(out))
    assert code == 0 and "calendar (3 events)" in err
    return out.read_bytes()


def test_calendar_has_one_all_day_event_per_pending_prediction_at_its_deadline(sample_db, capsys, tmp_path):
    from icalendar import Calendar

    cal = Calendar.from_ical(export_ics(sample_db, capsys, tmp_path, "a.ics"))
    events = {str(e["uid"]): e for e in cal.walk("VEVENT")}
    assert set(events) == {f"prediction-{i}@tracker.invalid" for i in (PENDING, JA_PENDING, FAR_FUTURE)}
    pending = events[f"prediction-{PENDING}@tracker.invalid"]
    assert pending.decoded("dtstart") == dt.date(2025, 12, 31)   # month precision: its last day
    assert pending.decoded("dtend") == dt.date(2026, 1, 1)
    assert events[f"prediction-{FAR_FUTURE}@tracker.invalid"].decoded("dtstart") == dt.date(2099, 12, 31)
    assert str(pending["summary"]) == "Poland will not accept the inspections"
    description = str(pending["description"])
    assert "Warsaw [red]will not[/] accept" in description
    assert "Poland and Belarus" in description and "https://example.org/poland-belarus" in description
    assert str(events[f"prediction-{JA_PENDING}@tracker.invalid"]["summary"]).startswith("日銀は")
    assert CONFIRMED not in " ".join(events)


def test_calendar_uids_and_bytes_are_stable_across_exports(sample_db, capsys, tmp_path):
    from icalendar import Calendar

    first = export_ics(sample_db, capsys, tmp_path, "a.ics")
    second = export_ics(sample_db, capsys, tmp_path, "b.ics")
    assert first == second
    before = next(e for e in Calendar.from_ical(first).walk("VEVENT")
                  if str(e["uid"]) == f"prediction-{PENDING}@tracker.invalid")
    actions.edit_record(Store(sample_db), PENDING, {"claim": "Poland will refuse the inspections"})
    third = Calendar.from_ical(export_ics(sample_db, capsys, tmp_path, "c.ics"))
    edited = next(e for e in third.walk("VEVENT") if str(e["uid"]) == f"prediction-{PENDING}@tracker.invalid")
    assert str(edited["summary"]) == "Poland will refuse the inspections"
    # The same UID with a higher SEQUENCE: a calendar app updates the event, no duplicate.
    assert int(edited["sequence"]) == int(before["sequence"]) + 1


def test_calendar_shows_control_characters_instead_of_sending_them(sample_db, capsys, tmp_path):
    actions.add_prediction(Store(sample_db), claim="Evil \x1b[2J claim", probability="0.6", made_on="2025-01",
                           resolve_by="2030", author="A")
    out = tmp_path / "evil.ics"
    assert run(sample_db, capsys, "export", "--format", "ics", "-o", str(out))[0] == 0
    data = out.read_bytes()
    assert b"\x1b" not in data and b"Evil \\\\x1b[2J claim" in data


def test_calendar_goes_to_standard_output_without_o(sample_db, capsys):
    code, out, _ = run(sample_db, capsys, "export", "--format", "ics")
    assert code == 0 and out.startswith("BEGIN:VCALENDAR") and out.count("BEGIN:VEVENT") == 3
