"""A weekday that is the article's own day, and "today" that is no day.

A preview written on a Wednesday that says the Fed "will fire its next shot … on Wednesday afternoon" means that
afternoon, not the Wednesday a week later: told ahead, the article's own weekday with a later part of the day after it
("afternoon", "evening", "night") or "later" before it ("later on Wednesday") is the day itself. Without one, a
preview's own weekday stays the coming one (round 17: a Friday preview's "the payrolls report on Friday"), and "next
Wednesday", "a week from Wednesday" keep the week whatever follows.
"""

from __future__ import annotations

import datetime as _dt
import re

from tracker.domain.dates import PDate

_WEEK_ON = re.compile(r"\b(?:next|following|a\s+week\s+(?:from|on))\s+(?:(?:from|on)\s+)?\w+(?:'s)?$", re.IGNORECASE)
_LATER_PART = re.compile(r"^(?:'s)?\s+(?:afternoon|evening|night)\b", re.IGNORECASE)
_LATER_BEFORE = re.compile(r"\blater\s+(?:on\s+)?$", re.IGNORECASE)
_WEEK_AFTER = re.compile(r"^\s+(?:week|after\s+next)\b", re.IGNORECASE)


def own_day(text: str, start: int, end: int, date: PDate | None, ref: PDate, future: bool) -> PDate | None:
    """``date`` of a bare weekday told ahead (``text[start:end]``), the article's day when the weekday is the
    article's own and a later part of that day follows it or "later" precedes it."""
    if not future or date is None or date.day is None or ref.day is None:
        return date
    if date.first_day() - ref.first_day() != _dt.timedelta(days=7):
        return date
    if _WEEK_ON.search(text[:end]) or _WEEK_AFTER.match(text[end:]):
        return date
    return ref if _LATER_PART.match(text[end:]) or _LATER_BEFORE.search(text[:start]) else date


# "will grow to 50M users from 10M today", "twice as many as today", "higher than today": "today" as "at present", the
# measure now set beside one ahead, not a day anything happens on ("Stocks fell 2% today" keeps its day)
_THAN = re.compile(r"\b(?:than|versus|vs\.?)\s+$|\bas\s+(?:\w+\s+){1,3}as\s+$", re.IGNORECASE)
_FROM_FIGURE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|roughly\s+|some\s+)?[$€£]?\d[\d.,]*\s*(?:%|[kKmMbB]n?|bn|million|billion|"
                          r"trillion|percent|[a-z]+)?\s+$")
_AHEAD_WORD = re.compile(r"\b(?:will|'ll|would|could|might|may|going\s+to|set\s+to|expected\s+to|projected\s+to)\b",
                         re.IGNORECASE)


def today_as_now(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a "today" that means "at present": after "than"/"as", or after "from" and a
    figure in a sentence that looks ahead."""
    if text[start:end].lower() != "today" or text[end:end + 2] in ("'s", "’s"):
        return False
    before = text[max(0, start - 60):start]
    return bool(_THAN.search(before) or (_FROM_FIGURE.search(before) and _AHEAD_WORD.search(text)))
