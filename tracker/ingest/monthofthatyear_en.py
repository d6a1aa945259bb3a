"""Round 37 of issue 22 (after heldout43's first run): a month said with "of that year" ("… ahead of the parliamentary
elections in May of that year", after "last March" told of March 2019) is that month of the year the text named last,
not the month nearest the article (2020-05 was proposed). relative_en reads "that year" on its own as the last year
named; here the month before it takes that year: "in May of that year", "in June that same year", "in October of the
same year".
"""

from __future__ import annotations

import re

from tracker.ingest.mentions import DateMention

_OF_THAT_YEAR = re.compile(r"\s*,?\s*(?:of\s+)?(?:that|the\s+same|that\s+same)\s+year\b", re.IGNORECASE)


def month_of_that_year(sentence: str, mentions: list[DateMention], last=None) -> list[DateMention]:
    """``mentions`` with a month followed by "of that year" dated in the year named last before the month (in the
    sentence, else ``last``, the last date the text named); relative_en's mention of "that year" is folded into it."""
    out = list(mentions)
    for month in mentions:
        if month not in out or month.date.month is None or month.date.day is not None or re.search(r"\d", month.text):
            continue
        tail = _OF_THAT_YEAR.match(sentence, month.end)
        if not tail:
            continue
        year = next((d for d in out if d is not month and d.date.month is None and month.end <= d.start < tail.end()), None)
        if year is None:
            continue
        before = [d.date for d in out if d.end <= month.start and not d.deadline]
        base = before[-1] if before else last
        if base is None:
            continue
        out = [d for d in out if d is not month and d is not year]
        out.append(DateMention(month.start, year.end, sentence[month.start:year.end],
                               type(month.date)(base.year, month.date.month), True, month.deadline, month.weekday))
    return sorted(out, key=lambda d: d.start)
