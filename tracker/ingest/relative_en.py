"""Dates told relative to another one (round 17, out of :mod:`tracker.ingest.eventdates_en`): "a month earlier"
counted from the last month the text named, "the same day", "the following month", "the year before" from the last
date named; a figure compared with a period ("fell from a year earlier") names no date."""

from __future__ import annotations

import datetime as _dt
import re

from tracker.domain.dates import PDate
from tracker.ingest.mentions import DateMention
from tracker.ingest.monthofthatyear_en import month_of_that_year
from tracker.ingest.unitbefore_en import begins_a_clause

NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_COUNTED = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+"
                      r"(?P<unit>month|year)s?\s+(?P<dir>earlier|later|before that|after that|previously)\b", re.IGNORECASE)


def counted_from(sentence: str, mentions: list[DateMention], last: PDate | None) -> list[DateMention]:
    """"… risen 2.8% in August. A month earlier, prices held steady": counted from the last month (or year)
    the text named before, at that precision."""
    if last is None and not mentions:
        return mentions
    out = list(mentions)
    for m in _COUNTED.finditer(sentence):
        if any(d.start < m.end() and m.start() < d.end for d in mentions) or _BASELINE.search(sentence[:m.start()]):
            continue
        before = [d.date for d in mentions if d.end <= m.start() and not d.deadline]  # round 20: "in October, … a month later"
        base = before[-1] if before else last
        if base is None:
            continue
        n = NUMBER.get(m["n"].lower()) or int(m["n"])
        n = -n if m["dir"].lower() in ("earlier", "before that", "previously") else n
        if m["unit"].lower() == "year":
            date = PDate(base.year + n)
        elif base.month is None:
            continue
        else:
            index = base.year * 12 + base.month - 1 + n
            date = PDate(index // 12, index % 12 + 1)
        out.append(DateMention(m.start(), m.end(), m.group(), date, True, False))
    return sorted(out, key=lambda d: d.start)


# --- narrative time: dates told relative to the last one the text named, not to the article's -------------

_UNIT_DAYS = {"day": 1, "week": 7}
_ANAPHORA = re.compile(
    r"\b(?:(?P<same>(?:that|the\s+same|that\s+same)\s+(?P<unit0>day|week|month|year))"
    r"|(?P<when>later|earlier)\s+(?:that|the\s+same)\s+(?P<unit1>day|week|month|year)"
    r"|(?P<after>(?<!\bin )(?<!\bover )(?<!\bwithin )(?<!\bduring )(?<!\bfor )(?<!\bthrough )"
    r"the\s+(?:following|next|subsequent)\s+(?P<unit2>week|month|year)"
    r"|the\s+(?P<unit3>week|month|year)\s+after)"
    r"|(?P<before>the\s+(?:previous|preceding|prior)\s+(?P<unit4>week|month|year)|the\s+(?P<unit5>week|month|year)\s+before)"
    r")\b(?!\s+(?:of|to|in|that|last|next)\b)", re.IGNORECASE)  # round 24: "the year before last" is the article's


# round 17: the period a figure is compared with, no date of an event ("fell from a year earlier")
_BASELINE = re.compile(r"\b(?:from|than|over|versus|vs\.?|compared\s+(?:with|to)|against)\s+$", re.IGNORECASE)


def _shifted(last: PDate, unit: str, step: int) -> PDate | None:
    """``last`` moved by ``step`` units, at the unit's precision (a week at its month's, as "last week" is)."""
    if unit == "year":
        return PDate(last.year + step)
    if last.month is None:
        return None
    if unit == "month":
        index = last.year * 12 + last.month - 1 + step
        return PDate(index // 12, index % 12 + 1)
    if last.day is None:  # a week of a month named: that month, and no more when it moves
        return PDate(last.year, last.month) if step == 0 else None
    day = last.first_day() + _dt.timedelta(days=_UNIT_DAYS[unit] * step)
    return PDate.from_date(day) if unit == "day" else PDate(day.year, day.month)


def told_relative(sentence: str, mentions: list[DateMention], last: PDate | None) -> list[DateMention]:
    """"The same month saw a plot against the king", "later that year", "the following month", "the year before":
    a date given by the last one the text named (in this sentence or before it), at the unit's precision."""
    out = list(mentions)
    for m in _ANAPHORA.finditer(sentence):
        if _BASELINE.search(sentence[:m.start()]):
            continue  # "earnings fell from a year earlier", "a drop in profit from the year before": a comparison
        if begins_a_clause(sentence, m.start(), m.end()):
            continue  # round 34: "the first quarter of the year before rising into the $60s": "before" goes on
        overlapping = [d for d in mentions if d.start < m.end() and m.start() < d.end]
        if any(not re.fullmatch(r"next\s+(?:week|month|year)", d.text.strip(), re.IGNORECASE) for d in overlapping):
            continue  # "the next year" is the year after the last one named; "next year" alone the article's next
        out = [d for d in out if d not in overlapping]
        before = [d.date for d in out if d.end <= m.start() and not d.deadline]
        base = before[-1] if before else last
        if base is None:
            continue
        unit = next(m[f"unit{i}"] for i in range(6) if m[f"unit{i}"]).lower()
        step = 1 if m["after"] else -1 if m["before"] else 0
        date = _shifted(base, unit, step)
        if date is not None:
            out.append(DateMention(m.start(), m.end(), m.group(), date, True, False))
    return month_of_that_year(sentence, sorted(out, key=lambda d: d.start), last)  # round 37: "in May of that year"
