"""The year of a day told without one in a story that named its year before (round 18): "On December 31, 2019, the
WHO is told of a cluster of cases. … On January 11 China confirms its first death": in a piece written in March 2021
the bare "January 11" is the one that follows the story's last day (2020), not the one before the article (2021).

Used by :mod:`tracker.ingest.extract`; a day read against the article stays so when it falls within half a year after
the last day the text named (the common case: a story of the weeks before the article)."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.domain.dates import DateError, PDate
from tracker.ingest.mentions import DateMention
from tracker.ingest.datetense import PAST, clause
from tracker.ingest.yearframe_en import half_of_year, year_of_month

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
    mentions = half_of_year(sentence, year_of_month(sentence, mentions), ref)  # round 20: "in 2010 … in October"
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


# "…, an illness that will be named COVID-19": a future told from inside a story's past day (what came after it)
_LATER_IN_STORY = re.compile(r"\b(?:that|which|who)\s+(?:\w+\s+)?(?:will|would)\s+(?:later\s+|eventually\s+|soon\s+)?"
                             r"(?:be\s+)?\w+", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:(?i:will|won't|would|might|could|should|likely|expect\w*|predict\w*|going to)|may)\b|'ll\b")  # not "May 4"


def future_in_story(sentence: str, calls: list, mentions: list[DateMention], ref: PDate | None) -> list:
    """Calls whose only modal is a "that will …" in a sentence that tells a day before the article in the present
    ("On January 11 China confirms its first death from an illness that will be named COVID-19": a story told in the
    historical present, whose "will" is what came after that day): no call. A past tense ("Production in June was
    10.7 million bpd, which will put pressure on prices") keeps the "will" the author's own."""
    later = _LATER_IN_STORY.search(sentence)
    if ref is None or later is None or not calls:
        return calls
    dated = [m for m in mentions if m.end <= later.start() and not m.deadline and m.date.last_day() < ref.first_day()]
    if not dated or _MODAL.search(sentence[:later.start()]) or _MODAL.search(sentence[later.end():]) or \
            PAST.search(sentence[:later.start()]):  # "Production in June was …, which will put pressure on prices": now's
        return calls
    return [c for c in calls if c.forecaster]
