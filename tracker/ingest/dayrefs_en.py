"""Round 25 of issue 22: two ways English names a day that the sentence reader left undated or misdated.

- A weekday with its week ("on Tuesday last week", "Friday of next week", "on Monday this week"): that weekday of the
  week named (weeks start on Monday), one mention over both, so neither is left in an event's title. Read apart, the
  weekday was the nearest one by the tense (this week's Tuesday) and "last week" a second date.
- A day of the month named alone after a preposition ("The vote is on the 21st", "rates were cut on the 14th", "by the
  15th"): that day in the article's month or the one next to it, by the tense: looking ahead the next such day, else
  the last one not after the article (as a day and month without a year is read). Not "the 21st century", "the 14th amendment", "the 3rd
  quarter": the ordinal must end its phrase.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.mentions import DateMention
from tracker.ingest.datetense import FUTURE, PAST, clause

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"^(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$", re.IGNORECASE)
_OF_WEEK = re.compile(r"^,?\s+(?:of\s+)?(?P<which>last|next|this)\s+week\b", re.IGNORECASE)
_DAY_ALONE = re.compile(r"\b(?P<q>on|by|until|before|after|from|since|through)\s+the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
                        r"(?=\s*(?:[,.;:)]|$|\s+(?:and|or|at|in|when|to|through|until|with|as|after|before)\b))", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|'ll|next|coming|upcoming|due|scheduled|expected|set to)\b", re.IGNORECASE)


def week_named(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """A weekday followed by the week it is in, read as one date (see the module's docstring)."""
    if ref is None or ref.day is None:
        return mentions
    out, dropped = [], set()
    for i, mention in enumerate(mentions):
        wd = _WEEKDAY.match(mention.text.strip())
        week = _OF_WEEK.match(sentence[mention.end:]) if wd and mention.relative else None
        if week is None:
            continue
        monday = ref.first_day() - _dt.timedelta(days=ref.first_day().weekday())
        monday += _dt.timedelta(days={"last": -7, "next": 7, "this": 0}[week["which"].lower()])
        day = monday + _dt.timedelta(days=_WEEKDAYS.index(wd["wd"].lower()))
        end = mention.end + week.end()
        dropped |= {j for j, other in enumerate(mentions) if j != i and mention.end <= other.start < end}
        mentions[i] = replace(mention, end=end, text=sentence[mention.start:end], date=PDate.from_date(day))
    out = [m for j, m in enumerate(mentions) if j not in dropped]
    return out


def days_alone(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """``mentions`` with a day of the month named alone added (see the module's docstring)."""
    if ref is None or ref.day is None:
        return mentions
    added = []
    for m in _DAY_ALONE.finditer(sentence):
        if any(m.start() < other.end and other.start < m.end() for other in mentions):
            continue
        around = clause(sentence, m.start(), m.end()).replace(m.group(), " ")
        ahead = bool(_AHEAD.search(around) or (FUTURE.search(around) and not PAST.search(around)))
        made, day = ref.first_day(), int(m["d"])
        options = []
        for step in (-1, 0, 1):
            year, month = divmod(made.month - 1 + step, 12)
            try:
                options.append(_dt.date(made.year + year, month + 1, day))
            except ValueError:
                continue
        options = [d for d in options if (d >= made if ahead else d <= made)]
        if not options:
            continue
        date = min(options, key=lambda d: abs((d - made).days))
        deadline = m["q"].lower() in ("by", "until", "before", "through")
        start = m.start("q") if m["q"].lower() == "on" else m.start()
        added.append(DateMention(start, m.end(), sentence[start:m.end()], PDate.from_date(date), True, deadline))
    return sorted([*mentions, *added], key=lambda x: x.start) if added else mentions
