"""A weekday that is the article's own day.

A preview written on a Wednesday that says the Fed "will fire its next shot … on Wednesday afternoon" means that
day, not the Wednesday a week later: told ahead, a bare weekday that is the article's own is the day itself, as
the schedules' rule already reads "The decision is due on Wednesday" (schedules_en.ahead_of). A week later is said
as "next Wednesday", "a week from Wednesday" or "Wednesday week", which keep the week.
"""

from __future__ import annotations

import datetime as _dt
import re

from tracker.domain.dates import PDate

_WEEK_ON = re.compile(r"\b(?:next|following|a\s+week\s+(?:from|on))\s+(?:(?:from|on)\s+)?\w+(?:'s)?$", re.IGNORECASE)
_WEEK_AFTER = re.compile(r"^\s+(?:week|after\s+next)\b", re.IGNORECASE)


def own_day(text: str, start: int, end: int, date: PDate | None, ref: PDate, future: bool) -> PDate | None:
    """``date`` of a bare weekday told ahead (``text[start:end]``), the article's day when the weekday is the
    article's own and a week later was taken only because the tense looks ahead."""
    if not future or date is None or date.day is None or ref.day is None:
        return date
    if date.first_day() - ref.first_day() != _dt.timedelta(days=7):
        return date
    if _WEEK_ON.search(text[:end]) or _WEEK_AFTER.match(text[end:]):
        return date
    return ref
