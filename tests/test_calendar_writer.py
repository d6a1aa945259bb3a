"""`export --format ics` writes the file itself (icalendar took 114 s at 100k): the same bytes
as the icalendar library writes from the same components, and a file icalendar reads back to
the texts it was given."""

from __future__ import annotations

import datetime as _dt
import shutil
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from tracker.domain.dates import parse_stored
from tracker.domain.model import Article, Database, HistoryEntry, Prediction, Status
from tracker.exchange import ics
from tracker.store.store import Store

ROOT = Path(__file__).resolve().parent.parent
TODAY = _dt.date(2026, 12, 7)


def icalendar_bytes(db: Database, today: _dt.date, left_out: list[str]) -> bytes:
    """The calendar as the icalendar library writes it: the components tracker built with it
    before it wrote the file itself (the oracle)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", ics.PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Predictions falling due")
    for p in ics.pending(db):
        day = ics.event_day(p, today)
        overdue = ics.is_overdue(p, today)
        claim = ics.visible(ics.fold(p.claim))
        event = Event()
        event.add("uid", ics.uid(p))
        stamp, sequence = ics._stamp(p), len(p.history)
        if overdue:
            stamp = max(stamp, _dt.datetime(today.year, today.month, today.day, tzinfo=_dt.timezone.utc))
            sequence += (today - ics.due_date(p)).days + 1
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", day)
        event.add("dtend", day + _dt.timedelta(days=1) if day < _dt.date.max else day)
        event.add("transp", "TRANSPARENT")
        event.add("summary", f"Overdue since {ics._overdue_since(p)}: {claim}" if overdue else claim)
        event.add("description", ics.description(p, db, today))
        article = db.articles.get(p.article)
        if article is not None and article.url:
            url = ics.calendar_url(article.url)
            if url is not None:
                event.add("url", url)
            elif article.id not in left_out:
                left_out.append(article.id)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{'Overdue' if overdue else 'Falls due'}: judge it: {claim}")
        alarm.add("trigger", _dt.timedelta(hours=9))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


def same_as_icalendar(db: Database, today: _dt.date = TODAY) -> bytes:
    ours, theirs = [], []
    written = ics.calendar_bytes(db, today, ours)
    assert written == icalendar_bytes(db, today, theirs)
    assert ours == theirs
    return written


def test_the_bundled_record_gives_the_bytes_icalendar_gives(tmp_path):
    db_path = tmp_path / "p.json"
    shutil.copyfile(ROOT / "predictions.json", db_path)
    written = same_as_icalendar(Store(db_path).load())
    assert written.count(b"BEGIN:VEVENT") == 15


def test_a_generated_record_gives_the_bytes_icalendar_gives(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import generate

    db = Store(generate(tmp_path / "g.json", 400)).load()
    written = same_as_icalendar(db)
    assert written.count(b"BEGIN:VEVENT") == sum(p.status is Status.PENDING for p in db.predictions.values()) > 100


# Text that exercises escaping and folding: TEXT specials, line breaks of every kind, a caret
# and a backslash at any place a fold may fall, double-width and four-byte characters.
TEXT = st.text(alphabet=st.sampled_from(list("ab ;,\\^\n\r:\"") + ["漢", "字", "é", "😀", "\u202e", "\x1b"]),
               min_size=1, max_size=160)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claim=TEXT, quote=TEXT, hedge=TEXT, title=TEXT, condition=TEXT,
       url=st.sampled_from(["", "https://example.org/a;b,c", "http://x.invalid/\u202e", "ftp://x.org/", "https://例え.jp/パス"]),
       resolve_by=st.sampled_from(["2025-05", "2027", "2026-12-07", "2030-02-28", "9999-12"]),
       judged=st.booleans())
def test_any_text_gives_the_bytes_icalendar_gives_and_reads_back(claim, quote, hedge, title, condition, url,
                                                                  resolve_by, judged):
    from icalendar import Calendar

    article = Article(id="a;1,x", title=title, author="A", published=parse_stored("2025-02-22"), url=url)
    history = [HistoryEntry(at="2026-01-02T03:04:05Z", action="status", from_status="confirmed",
                            to_status="pending", note="", evidence=[], known_on=None, by="")] if judged else []
    p = Prediction(id="p\\1", claim=claim, quote=quote, hedge=hedge, condition=condition, probability=0.7,
                   made_on=parse_stored("2025-02-22"), resolve_by=parse_stored(resolve_by), author="A",
                   forecaster="A", article=article.id, history=history)
    db = Database(articles={article.id: article}, predictions={p.id: p})
    if "\\N" not in ics.description(p, db, TODAY) + ics.visible(ics.fold(claim)):
        written = same_as_icalendar(db)  # icalendar reads a backslash and N as a line break
    else:
        written = ics.calendar_bytes(db, TODAY)
    assert all(len(line) <= 75 for line in written.split(b"\r\n"))
    (event,) = Calendar.from_ical(written).walk("VEVENT")
    summary = str(event["SUMMARY"])
    assert summary.endswith(ics.visible(ics.fold(claim))) or "\\N" in summary
    assert str(event["UID"]) == ics.uid(p)


def test_a_snoozed_prediction_is_reminded_on_the_day_the_review_brings_it_back():
    def prediction(resolve_by: str, until: str | None) -> Prediction:
        history = [HistoryEntry(at="2026-11-01T09:00:00Z", action="snooze", until=parse_stored(until),
                                note="await the; summit")] if until else []
        return Prediction(id=f"p-{resolve_by}-{until}", claim="X will happen", probability=0.6,
                          made_on=parse_stored("2025-01"), resolve_by=parse_stored(resolve_by), history=history)

    cases = {  # resolve-by, snoozed until -> the event's day, as of 7 Dec 2026
        ("2025-12", "2027-03-01"): _dt.date(2027, 3, 1),     # overdue, snoozed: back on its day
        ("2025-12", None): _dt.date(2026, 12, 8),            # overdue: tomorrow
        ("2027-06", "2027-09-15"): _dt.date(2027, 9, 15),    # snoozed past its deadline
        ("2027-06", "2027-02-01"): _dt.date(2027, 6, 30),    # snoozed while checkable early: its deadline
        ("2027-06", None): _dt.date(2027, 6, 30),
    }
    for (by, until), day in cases.items():
        p = prediction(by, until)
        assert ics.event_day(p, TODAY) == day, (by, until)
        db = Database(predictions={p.id: p})
        written = same_as_icalendar(db)
        assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}".encode() in written
        unfolded = written.replace(b"\r\n ", b"")
        assert (b"Snoozed until" in unfolded) == (until is not None and parse_stored(until).first_day() > TODAY)
        if until == "2027-03-01":
            assert b"Snoozed until 1 Mar 2027: await the\\; summit" in unfolded
