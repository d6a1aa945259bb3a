"""Pending predictions as an iCalendar file: one all-day event on the last day of each
prediction's resolve-by period, so a calendar app reminds the reader to judge it.

UIDs come from the record id, and DTSTAMP/SEQUENCE from its history, so exporting twice
gives the same file and a calendar app updates its events rather than duplicating them.
The icalendar library (imported here, only when exporting) does the RFC 5545 escaping,
line folding and CRLFs that hand-written ICS gets wrong.
"""

from __future__ import annotations

import datetime as _dt

from tracker.domain.model import Database, Prediction, Status
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


def description(p: Prediction, db: Database) -> str:
    """Quote, probability, article title and URL, and how to judge it."""
    lines = []
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
            lines.append(visible(article.url))
    lines += ["", f"Judge it: tracker mark {p.id} confirmed|refuted|void"]
    return "\n".join(lines)


def pending(db: Database) -> list[Prediction]:
    """The predictions that get an event: pending ones, by date then id."""
    chosen = [p for p in db.predictions.values() if p.status is Status.PENDING]
    return sorted(chosen, key=lambda p: (p.resolve_by.last_day(), p.id))


def calendar_bytes(db: Database) -> bytes:
    """The .ics file: one all-day event per pending prediction, on its resolve-by's last day."""
    from icalendar import Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Predictions falling due")
    for p in pending(db):
        last = p.resolve_by.last_day()
        event = Event()
        event.add("uid", uid(p))
        event.add("dtstamp", _stamp(p))
        event.add("sequence", len(p.history))
        event.add("dtstart", last)
        event.add("dtend", last + _dt.timedelta(days=1) if last < _dt.date.max else last)
        event.add("transp", "TRANSPARENT")  # a reminder, not busy time
        event.add("summary", visible(fold(p.claim)))
        event.add("description", description(p, db))
        article = db.articles.get(p.article)
        if article is not None and article.url.startswith(("http://", "https://")):
            event.add("url", article.url)
        cal.add_component(event)
    return cal.to_ical()
