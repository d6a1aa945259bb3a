"""A range of days in one month (round 24): "on July 11-12", "Dec. 5-6", "11-12 July", "September 13–14". One date, the
range's first day (as the evaluation set dates a meeting of several days, and an event starts on it), and one mention
over the whole range, so no "-12" or "11-" is left in an event's title and "11-12 July" is not dated to the 12th.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.datefind import DateMention

_AFTER = re.compile(r"\s*[-–]\s*(?P<d>\d{1,2})\b(?!\d|[-–/.:]\d|\s*(?:%|per\s*cent|percent))")  # "July 11-12"
_BEFORE = re.compile(r"\b(?P<d>\d{1,2})\s*[-–]\s*$")  # "11-12 July"


def day_ranges(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` with each day that opens or closes a range of days read as the whole range (see the docstring)."""
    out = []
    for m in mentions:
        if m.date.day is None or m.date.month is None:
            out.append(m)
            continue
        after = _AFTER.match(sentence, m.end) if re.search(r"\d$", m.text) else None
        if after and m.date.day < int(after["d"]) <= 31:
            out.append(replace(m, end=after.end(), text=sentence[m.start:after.end()]))
            continue
        before = _BEFORE.search(sentence[:m.start]) if re.match(r"\d", m.text) else None
        if before and 1 <= int(before["d"]) < m.date.day:
            out.append(replace(m, start=before.start(), text=sentence[before.start():m.end],
                               date=PDate(m.date.year, m.date.month, int(before["d"]))))
            continue
        out.append(m)
    return out
