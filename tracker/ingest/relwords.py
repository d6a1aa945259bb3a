"""Relative words read against the article's date: "this month", "last week", "next week", "今年", "yesterday".

A week is given at the month's precision (the month its day falls in), as a month or a year is; a day word
("today", "明日") at the day's when the article gives one.
"""

from __future__ import annotations

import datetime as _dt
import re

from tracker.domain.dates import PDate


def ym(year: int, month: int, delta: int) -> PDate:
    index = year * 12 + (month - 1) + delta
    return PDate(index // 12, index % 12 + 1)


def relative(word: str, ref: PDate) -> PDate | None:
    today = ref.first_day() if ref.day else None
    w = word.lower()
    table = {
        "今月": 0, "this month": 0, "earlier this month": 0, "later this month": 0, "最近": 0,
        "earlier in the month": 0, "later in the month": 0, "the start of the month": 0, "the beginning of the month": 0,
        "the end of the month": 0, "the middle of the month": 0, "the turn of the month": 0, "mid-month": 0,
        "recently": 0, "先月": -1, "last month": -1, "来月": 1, "next month": 1,
    }
    for key, delta in table.items():
        if w.startswith(key):
            return ym(ref.year, ref.month, delta)
    if w.startswith(("next week", "the coming week", "the week ahead", "the end of next week")):  # the week after the article's
        ahead = (today or ref.first_day()) + _dt.timedelta(days=7)
        return PDate(ahead.year, ahead.month)
    if w.startswith(("ここ一週間", "この一週間", "先週", "last week", "this week", "the past week", "this past week", "the last week",
                     "the end of the week", "the end of this week", "later this week", "later in the week",
                     "earlier in the week")):
        base = (today or ref.first_day()) - _dt.timedelta(days=7 if w.startswith(("先週", "last")) else 0)
        return PDate(base.year, base.month)
    years = {"今年": 0, "this year": 0, "earlier this year": 0, "later this year": 0, "年内": 0,
             "earlier in the year": 0, "later in the year": 0, "the start of the year": 0, "the beginning of the year": 0,
             "the end of the year": 0, "the middle of the year": 0, "the turn of the year": 0, "mid-year": 0,
             "昨年": -1, "去年": -1, "last year": -1, "来年": 1, "next year": 1,
             "the year before last": -2, "the year after next": 2}
    if w in years:
        return PDate(ref.year + years[w])
    if _NEW_YEAR.match(w):  # round 33: the year begun, or the next one when told in its last quarter
        return PDate(ref.year + (1 if (ref.month or 1) >= 10 else 0))
    days = {"今日": 0, "本日": 0, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
            "this evening": 0, "昨日": -1, "yesterday": -1, "last night": -1, "明日": 1, "tomorrow": 1}
    if w in days and today:
        return PDate.from_date(today + _dt.timedelta(days=days[w]))
    return None


_NEW_YEAR = re.compile(r"^the (?:start|beginning|turn|dawn) of the new year$")
_OF_THE = re.compile(r"^the (?:start|beginning|end|middle|turn) of the (?P<unit>month|year)$", re.IGNORECASE)


def of_another(word: str, others: list[PDate]) -> bool:
    """Round 28: "the start (end…) of the month (year)" is the article's month (year) unless the sentence names another
    month (year) it is the start of: "The vote was on 3 March and the count at the end of the month"."""
    m = _OF_THE.match(word.strip())
    if not m:
        return False
    return any(d.month is not None for d in others) if m["unit"].lower() == "month" else bool(others)


def period_ref(word: str, ref: PDate, anchor: PDate | None) -> PDate:
    """What "the start (end…) of the month (year)" is read against: the day the text named last when there is one
    (a narrative's "On 3 March … At the end of the month" is March's), else the article's date."""
    if anchor is not None and anchor.day is not None and word.lower().startswith("the ") and \
            word.lower().endswith((" of the month", " of the year")):
        return anchor
    return ref
