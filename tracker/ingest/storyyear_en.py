"""The year of a day told without one in a story that named its year before (round 18): "On December 31, 2019, the
WHO is told of a cluster of cases. … On January 11 China confirms its first death": in a piece written in March 2021
the bare "January 11" is the one that follows the story's last day (2020), not the one before the article (2021).

Used by :mod:`tracker.ingest.extract`; a day read against the article stays so when it falls within half a year after
the last day the text named (the common case: a story of the weeks before the article)."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.domain.dates import DateError, PDate
from tracker.ingest.datefind import DateMention
from tracker.ingest.datetense import clause

_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?=\s|\)|,|$)")
_DAY = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|'ll|would|shall|going to|next|coming|upcoming|scheduled|expected|due)\b", re.IGNORECASE)
_HALF_YEAR = 183


def _month_and_day(text: str) -> bool:
    """A day named by its month and number, with no year and no weekday ("On January 11", "March 14")."""
    return bool(_MONTH.search(text) and _DAY.search(text)) and not _YEAR.search(text) and not _WEEKDAY.search(text)


def story_year(sentence: str, mentions: list[DateMention], anchor: PDate | None,
               ref: PDate | None) -> list[DateMention]:
    """Days told by month and number in a clause that does not look ahead, read against the article more than half a
    year after the last day the text named (``anchor``, then the days of the sentence itself): the first such day on or
    after that last day, when it falls before the article."""
    if anchor is None or anchor.day is None or ref is None or ref.day is None:
        return mentions
    out, last = [], anchor
    for mention in mentions:
        date = mention.date
        if mention.relative and not mention.deadline and date.day and _month_and_day(mention.text) and \
                (date.first_day() - last.first_day()).days > _HALF_YEAR and \
                not _AHEAD.search(clause(sentence, mention.start, mention.end)):  # not "an illness that will be named"
            try:
                story = PDate(last.year, date.month, date.day)
                if story.first_day() < last.first_day():
                    story = PDate(last.year + 1, date.month, date.day)
            except DateError:
                story = None
            if story is not None and story.first_day() <= ref.first_day():
                mention = replace(mention, date=story)
        if mention.date.day and not mention.deadline:
            last = mention.date
        out.append(mention)
    return out
