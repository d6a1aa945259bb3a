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

The file is written here, a content line at a time (:func:`_text` escapes, :func:`_fold`
folds, CRLF ends each line). It is the same file, byte for byte, as the icalendar library
writes from the same components (the tests hold it to that, and parse it back with icalendar),
at a tenth of the time: icalendar built a Python object per property and folded lines a
character at a time, 114 s for the 60,000 pending predictions of a 100k file. One difference
is deliberate: icalendar turns a backslash and ``N`` in the text (``C:\\New``) into a line
break; here it stays a backslash and an ``N``.
"""

from __future__ import annotations

import datetime as _dt
import functools
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
    """The event's day: the day the review brings the prediction back. That is the resolve-by
    period's last day, or a later day it is snoozed until; for an overdue prediction, the day it
    is snoozed until, else the day after ``today``, so its reminder can still fire."""
    snoozed = p.snoozed_until()
    back = snoozed.first_day() if snoozed is not None else None
    if is_overdue(p, today):
        if back is not None and back > today:
            return back
        if today < _dt.date.max:
            return today + _dt.timedelta(days=1)
    last = p.resolve_by.last_day()
    return max(last, back) if back is not None else last


def _overdue_since(p: Prediction) -> str:
    due = due_date(p)  # the day after its resolve-by period, as `review` counts it
    return f"{due.day} {due:%b %Y}"


@functools.lru_cache(maxsize=4096)  # one check an article, not one a prediction (60,000 at 100k)
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


@functools.lru_cache(maxsize=4096)
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
    snooze = p.running_snooze()
    if snooze is not None and snooze.until is not None and (today is None or snooze.until.first_day() > today):
        note = snooze.note
        lines += [f"Snoozed until {snooze.until.human()}{f': {visible(fold(note))}' if note else ''}", ""]
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

    Properties come in icalendar's order (its ``canonical_order``, then by name), so the file
    is the one icalendar would write.
    """
    today = today or _dt.date.today()
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_text(PRODID)}", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:Predictions falling due"]
    for p in pending(db):
        day = event_day(p, today)
        overdue = is_overdue(p, today)
        claim = visible(fold(p.claim))
        stamp, sequence = _stamp(p), len(p.history)
        if overdue:  # the event moves with `today`: a later export must read as a newer version
            stamp = max(stamp, _dt.datetime(today.year, today.month, today.day, tzinfo=_dt.timezone.utc))
            sequence += (today - due_date(p)).days + 1
        summary = f"Overdue since {_overdue_since(p)}: {claim}" if overdue else claim
        lines += ["BEGIN:VEVENT",
                  _fold(f"SUMMARY:{_text(summary)}"),
                  f"DTSTART;VALUE=DATE:{_date(day)}",
                  f"DTEND;VALUE=DATE:{_date(day + _dt.timedelta(days=1) if day < _dt.date.max else day)}",
                  f"DTSTAMP:{stamp.astimezone(_dt.timezone.utc):%Y%m%dT%H%M%SZ}",
                  _fold(f"UID:{_text(uid(p))}"),
                  f"SEQUENCE:{sequence}",
                  _fold(f"DESCRIPTION:{_text(description(p, db, today))}"),
                  "TRANSP:TRANSPARENT"]  # a reminder, not busy time
        article = db.articles.get(p.article)
        if article is not None and article.url:
            url = calendar_url(article.url)
            if url is not None:
                lines.append(_fold(f"URL:{url}"))  # a URI is not TEXT: nothing to escape
            elif left_out is not None and article.id not in left_out:
                left_out.append(article.id)
        alarm = f"{'Overdue' if overdue else 'Falls due'}: judge it: {claim}"
        lines += ["BEGIN:VALARM", "ACTION:DISPLAY", _fold(f"DESCRIPTION:{_text(alarm)}"),
                  "TRIGGER:PT9H",  # 09:00 on the (all-day) event's day
                  "END:VALARM", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def _date(day: _dt.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _text(value: str) -> str:
    """An RFC 5545 TEXT value (section 3.3.11): backslash, semicolon and comma escaped, each
    line break (CRLF, LF or a lone CR) written ``\\n``."""
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


_FOLD = 74  # octets a folded piece holds: with the CRLF and the space before the next, 75 a line


def _fold(line: str) -> str:
    """A content line folded as RFC 5545 asks (section 3.1): pieces of at most 74 octets of
    UTF-8, never inside a character, joined by CRLF and a space. As icalendar folds: a piece
    that would end in a backslash or a caret leaves it to the next, so no escape is split."""
    raw = line.encode("utf-8")
    if len(raw) <= _FOLD:
        return line
    pieces, start = [], 0
    while len(raw) - start > _FOLD:
        cut = start + _FOLD
        while raw[cut] & 0xC0 == 0x80:  # a UTF-8 continuation byte: back to where the character starts
            cut -= 1
        if raw[cut - 1] in b"\\^" and cut - 1 > start:
            cut -= 1
        pieces.append(raw[start:cut])
        start = cut
    pieces.append(raw[start:])
    return b"\r\n ".join(pieces).decode("utf-8")
