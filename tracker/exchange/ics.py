"""Pending predictions as an iCalendar file: one all-day event on the last day of each
prediction's resolve-by period, so a calendar app reminds the reader to judge it.

An overdue prediction (its resolve-by period already over) would get an event in the past, a
reminder that never fires; its event falls instead on the day after ``today`` and says since
when it is overdue. Every event carries a VALARM (a display alarm at 09:00 on its day).

An article URL goes into the URL property only when it is an http(s) URL with a host and no
control, white-space, bidirectional or other invisible character (a CR/LF would end the
property, U+202E would show the link reversed): any other is left out (its text stays in the
description, shown through :func:`visible`) and :func:`calendar_bytes` reports the article.

UIDs come from the record id, and DTSTAMP/SEQUENCE from its history, so exporting twice
gives the same file and a calendar app updates its events rather than duplicating them.
The icalendar library (imported here, only when exporting) does the RFC 5545 escaping,
line folding and CRLFs that hand-written ICS gets wrong.
"""

from __future__ import annotations

import datetime as _dt
import unicodedata
from urllib.parse import urlsplit

from tracker.domain.model import Database, Prediction, Status
from tracker.domain.review import due_date
from tracker.domain.render import fold, probability_text
from tracker.domain.text import visible

UID_DOMAIN = "tracker.invalid"  # a reserved domain: the UID is ours, not a real host's
PRODID = "-//tracker//predictions falling due//EN"


def uid(p: Prediction) -> str:
    """A stable UID from the record id (ids never change, so a re-export updates the event)."""
    return f"prediction-{p.id}@{UID_DOMAIN}"


def _stamp(p: Prediction) -> _dt.datetime:
    # The time of the latest history entry (else the day it was made): deterministic, and it
    # moves forward when the record changes, which is what DTSTAMP tells a calendar.
    if p.history:
        try:
            return _dt.datetime.strptime(p.history[-1].at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=_dt.timezone.utc)
        except ValueError:
            pass
    made = p.made_on.first_day()
    return _dt.datetime(made.year, made.month, made.day, tzinfo=_dt.timezone.utc)


def is_overdue(p: Prediction, today: _dt.date) -> bool:
    """Its resolve-by period is over (it fell due on or before ``today``): an event on its last
    day would be in the past."""
    return due_date(p) <= today


def event_day(p: Prediction, today: _dt.date) -> _dt.date:
    """The event's day: the resolve-by period's last day, or for an overdue prediction the day
    after ``today``, so its reminder can still fire."""
    if is_overdue(p, today) and today < _dt.date.max:
        return today + _dt.timedelta(days=1)
    return p.resolve_by.last_day()


def _overdue_since(p: Prediction) -> str:
    due = due_date(p)  # the day after its resolve-by period, as `review` counts it
    return f"{due.day} {due:%b %Y}"


def calendar_url(url: str) -> str | None:
    """``url`` if it may be the URL property as it is: http(s), a host, and no control, white
    space or invisible format character (Unicode Cc, Cf, Z*); else None."""
    if not url or any(unicodedata.category(ch)[0] in "CZ" for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def shown_url(url: str) -> str:
    """A URL as text: every control, white-space or invisible format character (zero-width
    space, bidi controls, ...) as a visible escape such as ``\\u202e``, so the text is what it links."""
    return "".join(ch if unicodedata.category(ch)[0] not in "CZ" else
                   (f"\\x{ord(ch):02x}" if ord(ch) <= 0xFF else f"\\u{ord(ch):04x}") for ch in url)


def description(p: Prediction, db: Database, today: _dt.date | None = None) -> str:
    """Quote, probability, article title and URL, and how to judge it (and, overdue, since when)."""
    lines = []
    if today is not None and is_overdue(p, today):
        lines += [f"Overdue since {_overdue_since(p)}: its resolve-by period ({p.resolve_by.human()}) "
                  "is over and it is not judged yet.", ""]
    if p.quote:
        lines += [f"“{visible(fold(p.quote))}”", ""]
    how = f" ({visible(p.hedge)})" if p.hedge else ""
    lines.append(f"Probability: {probability_text(p.probability)}{how}; forecaster: {visible(p.forecaster)}")
    if p.condition:
        lines.append(f"Condition: {visible(fold(p.condition))}")
    lines.append(f"Resolve by: {p.resolve_by.human()}")
    article = db.articles.get(p.article)
    if article is not None:
        lines.append(f"Article: {visible(fold(article.title))} ({article.published.human()})")
        if article.url:
            lines.append(shown_url(article.url))
    lines += ["", f"Judge it: tracker mark {p.id} confirmed|refuted|void"]
    return "\n".join(lines)


def pending(db: Database) -> list[Prediction]:
    """The predictions that get an event: pending ones, by date then id."""
    chosen = [p for p in db.predictions.values() if p.status is Status.PENDING]
    return sorted(chosen, key=lambda p: (p.resolve_by.last_day(), p.id))


def calendar_bytes(db: Database, today: _dt.date | None = None, left_out: list[str] | None = None) -> bytes:
    """The .ics file: one all-day event per pending prediction, on its resolve-by's last day
    (an overdue one: the day after ``today``, default the real today), each with an alarm.

    The ids of articles whose URL could not be the URL property (:func:`calendar_url`) are
    appended to ``left_out``, once each, for the caller to warn about.
    """
    from icalendar import Alarm, Calendar, Event

    today = today or _dt.date.today()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Predictions falling due")
    for p in pending(db):
        day = event_day(p, today)
        overdue = is_overdue(p, today)
        claim = visible(fold(p.claim))
        event = Event()
        event.add("uid", uid(p))
        stamp, sequence = _stamp(p), len(p.history)
        if overdue:  # the event moves with `today`: a later export must read as a newer version
            stamp = max(stamp, _dt.datetime(today.year, today.month, today.day, tzinfo=_dt.timezone.utc))
            sequence += (today - due_date(p)).days + 1
        event.add("dtstamp", stamp)
        event.add("sequence", sequence)
        event.add("dtstart", day)
        event.add("dtend", day + _dt.timedelta(days=1) if day < _dt.date.max else day)
        event.add("transp", "TRANSPARENT")  # a reminder, not busy time
        event.add("summary", f"Overdue since {_overdue_since(p)}: {claim}" if overdue else claim)
        event.add("description", description(p, db, today))
        article = db.articles.get(p.article)
        if article is not None and article.url:
            url = calendar_url(article.url)
            if url is not None:
                event.add("url", url)
            elif left_out is not None and article.id not in left_out:
                left_out.append(article.id)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{'Overdue' if overdue else 'Falls due'}: judge it: {claim}")
        alarm.add("trigger", _dt.timedelta(hours=9))  # 09:00 on the (all-day) event's day
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
