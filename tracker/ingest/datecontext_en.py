"""What the rest of a sentence says of a date read in it: "By Friday, Trump had told aides to proceed" tells what
was done by that day (the date of an event, not a deadline of a forecast); "Crude oil, which traded above $75 in
early July, fell to lows at the same time" takes "at the same time" from the sentences before, not from the aside
between commas."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from tracker.domain.dates import DateError, PDate
from tracker.ingest.datefind import DateMention

_BY = re.compile(r"\bby\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+)?$", re.IGNORECASE)
_PERFECT_PAST = re.compile(r"^[^.;:]{0,80}?\bhad\s+(?:already\s+|not\s+|never\s+|\w+ly\s+)?(?:been\s+)?\w{2,}(?:ed|en|t|wn|ne|ld|ng|ck|de|ft)\b",
                           re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|'ll|would|shall|going to|must|should|needs? to|has to|have to|plans? to|aims? to)\b",
                    re.IGNORECASE)


def done_by(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """"By Friday, Trump had told aides to proceed": a "by" date in a clause told in the past perfect is when
    it was done (an event's date), not a deadline; "by May it will have…" stays a deadline."""
    out = []
    for mention in mentions:
        by = _BY.search(sentence[:mention.start]) or re.match(r"by\b", mention.text, re.IGNORECASE)  # "By Friday"
        if mention.deadline and by and ref is not None and ref.day is not None and \
                (perfect := _PERFECT_PAST.search(sentence[mention.end:])) and \
                not _AHEAD.search(sentence[:mention.end + perfect.end()]):  # "…, which dimmed hopes talks would go ahead"
            date = mention.date
            if mention.relative and date.first_day() > ref.first_day() and date.precision != "year":
                date = _gone_by(date, mention.text)
            mention = replace(mention, deadline=False, date=date)  # "By mid-August … had fallen": the one gone by
        out.append(mention)
    return out


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)


def _gone_by(date: PDate, text: str) -> PDate:
    """The same weekday a week before, or the same month (day) a year before."""
    if date.day and _WEEKDAY.search(text):
        return PDate.from_date(date.first_day() - _dt.timedelta(days=7))
    try:
        return PDate(date.year - 1, date.month, date.day) if date.day else PDate(date.year - 1, date.month)
    except DateError:
        return date
