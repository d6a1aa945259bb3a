"""`tracker report` (Markdown that never turns article text into markup) and the ICS calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ARTICLE, CONFIRMED, FAR_FUTURE, JA_PENDING, PENDING

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
    assert md_link("t", "javascript:alert(1)") == r"javascript\:alert\(1\)"
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
    assert row.startswith(r"| Gains \| losses \*bold\* \_em\_ \[link\]\(https\:\//evil\.example\) \`code\` "
                          r"\<b\>x\</b\> \&amp; \\x1b\]0;title\\x07 |")
    # Eight columns: the claim's pipe did not add one.
    assert row.replace("\\|", "").count("|") == 9
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


def test_the_resolved_table_carries_the_judgement_note_escaped_with_its_lines(sample_db, capsys):
    actions.mark(Store(sample_db), PENDING, "refuted", known_on="2026-01", evidence=["https://example.org/r"],
                 note="Warsaw accepted | *all* of them\n\nsee [the record](https://evil.example)")
    code, out, _ = run(sample_db, capsys, "report", "--today", "2026-11-24")
    header = next(line for line in out.splitlines() if line.startswith("| claim"))
    assert header == "| claim | forecaster | probability | outcome | known | note | evidence | article |"
    row = next(line for line in out.splitlines() if line.startswith("| Poland will not accept"))
    assert (r"| Warsaw accepted \| \*all\* of them<br>see \[the record\]\(https\:\//evil\.example\) |"
            in row)
    assert row.replace("\\|", "").count("|") == 9     # one row, eight cells: the note's pipe and line break held
    trump = next(line for line in out.splitlines() if line.startswith("| Trump will not abandon"))
    assert "| Article 5 still in force |" in trump


def _rendered_links(markdown: str) -> list[str]:
    """Every link markdown-it makes of the text, with GFM tables and linkify (bare URLs,
    www., e-mail addresses, //host, example.com) switched on."""
    markdown_it = pytest.importorskip("markdown_it")
    pytest.importorskip("linkify_it")
    html = markdown_it.MarkdownIt("gfm-like", {"linkify": True}).enable("linkify").render(markdown)
    import re

    return re.findall(r'<a href="([^"]*)"', html)


@pytest.mark.parametrize("claim", [
    "Talks at https://evil.example.com/x will fail",
    "See www.evil.example.com for the plan",
    "Mail press@evil.example.com for a copy",
    "The //evil.example.com/path leak will spread",
    "evil.example.com will go offline",
    "mailto:someone@evil.example.com will answer",
])
def test_a_url_in_a_claim_or_note_never_becomes_a_link(sample_db, capsys, claim):
    assert _rendered_links("before " + claim) != []     # each of these is a link when left raw
    store = Store(sample_db)
    made = actions.add_prediction(store, claim=claim, probability="0.6", made_on="2025-01", resolve_by="2025-06",
                                  author="Andrew Korybko")
    actions.mark(store, made.id, "confirmed", known_on="2025-05", note=f"as {claim}",
                 evidence=["https://example.org/ok"])
    code, out, _ = run(sample_db, capsys, "report", "--today", "2026-11-24")
    assert code == 0
    links = _rendered_links(out)
    assert links and all(link.startswith("https://example.org/") for link in links), links
    assert not any("evil" in link for link in links)


def test_evidence_links_only_for_absolute_http_urls():
    assert md_link("[1]", "https://example.org/a") == "[\\[1\\]](<https://example.org/a>)"
    for url in ("//evil.example/x", "https:evil.example", "ftp://evil.example/x"):
        assert _rendered_links(md_link("[1]", url)) == [], url


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


def export_ics(db, capsys, tmp_path, name, today="2025-11-24"):
    out = tmp_path / name
    code, _, err = run(db, capsys, "export", "--format", "ics", "-o", str(out), "--today", today)
    assert code == 0 and "calendar (3 events)" in err and "warning" not in err
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


def test_an_overdue_prediction_gets_a_reminder_that_can_still_fire(sample_db, capsys, tmp_path):
    from icalendar import Calendar

    today = dt.date(2026, 11, 28)   # PENDING fell due on 1 Jan 2026, JA_PENDING on 1 Jul 2026
    cal = Calendar.from_ical(export_ics(sample_db, capsys, tmp_path, "late.ics", today.isoformat()))
    events = {str(e["uid"]).split("@")[0].removeprefix("prediction-"): e for e in cal.walk("VEVENT")}
    late = events[PENDING]
    assert late.decoded("dtstart") == dt.date(2026, 11, 29) and late.decoded("dtend") == dt.date(2026, 11, 30)
    assert str(late["summary"]) == "Overdue since 1 Jan 2026: Poland will not accept the inspections"
    assert str(late["description"]).startswith("Overdue since 1 Jan 2026: its resolve-by period (December 2025)")
    assert events[JA_PENDING].decoded("dtstart") == dt.date(2026, 11, 29)
    assert str(events[JA_PENDING]["summary"]).startswith("Overdue since 1 Jul 2026: 日銀は")
    future = events[FAR_FUTURE]
    assert future.decoded("dtstart") == dt.date(2099, 12, 31) and "Overdue" not in str(future["summary"])
    # Exported again a day later, the overdue event moves on as a newer version of itself.
    later = Calendar.from_ical(export_ics(sample_db, capsys, tmp_path, "later.ics", "2026-11-29"))
    moved = next(e for e in later.walk("VEVENT") if str(e["uid"]) == str(late["uid"]))
    assert moved.decoded("dtstart") == dt.date(2026, 11, 30)
    assert int(moved["sequence"]) > int(late["sequence"]) and moved.decoded("dtstamp") > late.decoded("dtstamp")
    for event in events.values():   # every event has an alarm, and every alarm is still to come
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY" and str(alarm["description"])
        fires = dt.datetime.combine(event.decoded("dtstart"), dt.time()) + alarm.decoded("trigger")
        assert fires > dt.datetime.combine(today, dt.time(23, 59)), (event["summary"], fires)


def _hand_edited_url(db, url):
    import orjson

    tables = orjson.loads(db.read_bytes())   # a hand-edited file: import and edit refuse such a URL
    tables["articles"][ARTICLE]["url"] = url
    db.write_bytes(orjson.dumps(tables))


@pytest.mark.parametrize("url", ["https://example.org/a\r\nX-EVIL:1", "https://example.org/a\nb",
                                 "https://example.org/\u202egnp.exe", "https://example.org/\u200bx",
                                 "https://exa mple.org/x"])
def test_an_article_url_with_line_breaks_or_invisible_characters_is_left_out_with_one_warning(
        sample_db, capsys, tmp_path, url):
    from icalendar import Calendar

    _hand_edited_url(sample_db, url)
    out = tmp_path / "bad.ics"
    code, _, err = run(sample_db, capsys, "export", "--format", "ics", "-o", str(out), "--today", "2025-11-24")
    assert code == 0 and "Traceback" not in err
    warning = [line for line in err.splitlines() if "warning" in line]
    assert len(warning) == 1 and ARTICLE in warning[0] and "left out" in warning[0]
    data = out.read_bytes()
    assert not any(line.startswith(b"X-EVIL") for line in data.split(b"\r\n"))   # no property of its own
    assert "\u202e".encode() not in data and "\u200b".encode() not in data
    event = next(e for e in Calendar.from_ical(data).walk("VEVENT") if str(e["uid"]) == f"prediction-{PENDING}@tracker.invalid")
    assert "url" not in event and "Poland and Belarus" in str(event["description"])
    assert sum(1 for line in data.split(b"\r\n") if line.startswith(b"BEGIN:VEVENT")) == 3


def test_a_clean_article_url_is_the_events_url(sample_db, capsys, tmp_path):
    from icalendar import Calendar

    cal = Calendar.from_ical(export_ics(sample_db, capsys, tmp_path, "ok.ics"))
    event = next(e for e in cal.walk("VEVENT") if str(e["uid"]) == f"prediction-{PENDING}@tracker.invalid")
    assert str(event["url"]) == "https://example.org/poland-belarus"


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
