"""Which dates of a sentence only frame another one (a year around a month or a day it holds: "In 2010, unemployment
peaked in October" tells one event, of October 2010), for :mod:`tracker.ingest.extract`.

A season or a closing ("the end of the year") and a period that is the subject of its clause
(:func:`tracker.ingest.datecontext_en.period_as_subject`) frame nothing. Round 26: nor does a year that a date inside it
names again ("the Cornwall and Rome summits in 2021, the progress made in Glasgow in November 2021"): that date carries its
own year, so the year named apart is the date of something else in the sentence, an event of its own.
"""

from __future__ import annotations

import re

from tracker.ingest import datecontext_en
from tracker.ingest.mentions import DateMention
from tracker.ingest.eventtext import CLOSING, SEASON

_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def framing(sentence: str, mentions: list[DateMention], language: str) -> list[DateMention]:
    """The mentions of ``sentence`` that only frame another mention (see the module's docstring)."""
    if language == "ja":
        return []
    return [m for m in mentions if not SEASON.search(m.text) and not CLOSING.match(m.text)
            and not datecontext_en.period_as_subject(sentence, m)
            and any(_frames(m, o) for o in mentions)]


def _frames(m: DateMention, o: DateMention) -> bool:
    if o is m or o.date == m.date or o.deadline:
        return False
    if not (m.date.contains(o.date.first_day()) and m.date.contains(o.date.last_day())):
        return False
    return not (m.date.month is None and _YEAR.search(m.text) and str(m.date.year) in _YEAR.findall(o.text))
