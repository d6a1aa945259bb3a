"""A range of days in one month (round 24): "on July 11-12", "Dec. 5-6", "11-12 July", "September 13–14". One date, the
range's first day (as the evaluation set dates a meeting of several days, and an event starts on it), and one mention
over the whole range, so no "-12" or "11-" is left in an event's title and "11-12 July" is not dated to the 12th.

Round 26: two days in a row joined by "and" ("on 15 and 16 November", "on November 15 and 16") are such a range too: one
date, the first day ("15 and 16 November" was dated to the 16th, "November 15 and 16" gave two events); days not in a
row ("April 10 and 24", two rounds of a vote) stay two dates.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.mentions import DateMention

_AFTER = re.compile(r"\s*[-–]\s*(?P<d>\d{1,2})\b(?!\d|[-–/.:]\d|\s*(?:%|per\s*cent|percent))")  # "July 11-12"
_BEFORE = re.compile(r"\b(?P<d>\d{1,2})\s*[-–]\s*$")  # "11-12 July"
_AND_AFTER = re.compile(r"\s+(?:and|&)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\d|[-–/.:]\d|\s*(?:%|per\s*cent|percent))")
_AND_BEFORE = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:and|&)\s+$")  # "15 and 16 November"


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
        after = _AND_AFTER.match(sentence, m.end) if re.search(r"\d(?:st|nd|rd|th)?$", m.text) else None
        if after and int(after["d"]) == m.date.day + 1:
            out.append(replace(m, end=after.end(), text=sentence[m.start:after.end()]))
            continue
        before = _AND_BEFORE.search(sentence[:m.start]) if re.match(r"\d", m.text) else None
        if before and int(before["d"]) == m.date.day - 1:
            out.append(replace(m, start=before.start(), text=sentence[before.start():m.end],
                               date=PDate(m.date.year, m.date.month, int(before["d"]))))
            continue
        out.append(m)
    return [m for m in out if not any(o is not m and o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
                                      for o in out)]
