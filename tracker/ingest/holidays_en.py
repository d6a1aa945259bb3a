"""Round 27 of issue 22: holidays named as dates ("Markets will be closed on Christmas Day", "Retailers had a strong
Black Friday", "The talks collapsed on New Year's Eve", "On Election Day, turnout was high"), for
:mod:`tracker.ingest.datefind`. Each is the day it falls on in the year the tense gives: the next one when the clause
looks ahead, the last one when it tells the past, else the nearest to the article.
"""

from __future__ import annotations

import datetime as _dt
import re

from tracker.domain.dates import PDate

HOLIDAY = re.compile(r"\b(?P<h>Christmas\s+Day|Christmas\s+Eve|Christmas|New\s+Year's\s+(?:Day|Eve)|Boxing\s+Day|Halloween|"
                     r"Valentine's\s+Day|Bastille\s+Day|Juneteenth|Thanksgiving(?:\s+Day)?|Black\s+Friday|Cyber\s+Monday|"
                     r"Labou?r\s+Day|Memorial\s+Day|Election\s+Day|Good\s+Friday|Easter\s+(?:Sunday|Monday)|Easter)\b"
                     r"(?!\s+(?i:sales?|shopping|season|period|holidays?|break|weekend|week|spending|rally|party|parties|"
                     r"lights|tree|trees|cards?|dinner|market|markets|deals?|message|speech|truce|offensive|island|rising)\b)")

_FIXED = {"christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
          "new year's eve": (12, 31), "boxing day": (12, 26), "halloween": (10, 31), "valentine's day": (2, 14),
          "bastille day": (7, 14), "juneteenth": (6, 19)}


def _nth(year: int, month: int, weekday: int, n: int) -> _dt.date:
    """The nth (0-based; -1 the last) weekday of a month."""
    if n < 0:
        last = _dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)
        return last - _dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = _dt.date(year, month, 1)
    return first + _dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * n)


def _easter(year: int) -> _dt.date:
    """Easter Sunday (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 2 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    return _dt.date(year, month, (h + el - 7 * m + 114) % 31 + 1)


def _day(name: str, year: int) -> _dt.date:
    if name in _FIXED:
        return _dt.date(year, *_FIXED[name])
    if name.startswith("thanksgiving"):
        return _nth(year, 11, 3, 3)
    if name == "black friday":
        return _nth(year, 11, 3, 3) + _dt.timedelta(days=1)
    if name == "cyber monday":
        return _nth(year, 11, 3, 3) + _dt.timedelta(days=4)
    if name in ("labor day", "labour day"):
        return _nth(year, 9, 0, 0)
    if name == "memorial day":
        return _nth(year, 5, 0, -1)
    if name == "election day":  # the Tuesday after the first Monday of November
        return _nth(year, 11, 0, 0) + _dt.timedelta(days=1)
    easter = _easter(year)
    return easter + _dt.timedelta(days={"good friday": -2, "easter monday": 1}.get(name, 0))


def holiday_date(name: str, ref: PDate, future: bool, past: bool) -> PDate:
    """The day ``name`` falls on nearest the article, ahead of it when ``future``, before it when ``past``."""
    key = re.sub(r"\s+", " ", name).lower()
    if ref.month is None or ref.day is None:
        return PDate.from_date(_day(key, ref.year))
    today = ref.first_day()
    days = [_day(key, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
    if future:
        days = [d for d in days if d >= today] or days
    elif past:
        days = [d for d in days if d <= today] or days
    return PDate.from_date(min(days, key=lambda d: abs((d - today).days)))
