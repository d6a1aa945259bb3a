"""A date found in a sentence (:class:`DateMention`, what :func:`tracker.ingest.datefind.find_dates` gives), and the
second day a mention may carry with it ("April 10 and 24, 2022")."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from tracker.domain.dates import DateError, PDate


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: where it is, what it reads as, and how."""

    start: int
    end: int
    text: str
    date: PDate
    relative: bool  # resolved against the article's date
    deadline: bool  # "by May", 「5月までに」: a horizon, not the date of an event
    weekday: int = -1  # the weekday named with the day ("Thursday 8 June"), Monday 0; -1 when none is

    @property
    def mismatch(self) -> str:
        """What is wrong when the weekday named with the day is not the date's: no year near the article has it."""
        if self.weekday < 0 or self.date.day is None or self.date.first_day().weekday() == self.weekday:
            return ""
        named, actual = calendar.day_name[self.weekday], calendar.day_name[self.date.first_day().weekday()]
        return (f"{named} with {self.text!r}: {self.date.human()} is a {actual}, and no year the tense allows has "
                f"that day on a {named}; check the date")

    @property
    def note(self) -> str:
        notes = [f"{self.text!r} read against the article's date as {self.date.human()}"] if self.relative else []
        return "; ".join(notes + ([self.mismatch] if self.mismatch else []))


_SECOND_DAY = re.compile(r"\b(?:and|&|or)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b(?!\s*(?:%|percent))")


def second_days(text: str, sentence: str, found: list[DateMention]) -> list[DateMention]:
    """"April 10 and 24, 2022": the second day, in the first one's month (and the year given after it)."""
    out = []
    for mention in found:
        if mention.date.day is None:
            continue
        m = _SECOND_DAY.match(text, mention.end + len(text[mention.end:]) - len(text[mention.end:].lstrip()))
        if not m or any(f.start <= m.start("d") < f.end for f in found):
            continue
        try:
            year = int(m["y"]) if m["y"] else mention.date.year
            date = PDate(year, mention.date.month, int(m["d"]))
            first = PDate(year, mention.date.month, mention.date.day) if m["y"] else mention.date
        except DateError:
            continue
        if m["y"] and first != mention.date:
            found[found.index(mention)] = DateMention(mention.start, mention.end, mention.text, first,
                                                      mention.relative, mention.deadline)
        out.append(DateMention(m.start("d"), m.end(), sentence[m.start("d"):m.end()], date, mention.relative,
                               mention.deadline))
    return out
