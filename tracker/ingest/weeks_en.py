"""A week named in a sentence: the week a figure measures ("for the week ending Nov. 22") is its month, not
the day it ends on; a preview's week named beside what happens in it ("Next week central banks will give an
update on monetary policy", "In the coming week the market will focus on the FOMC meeting") is an event of
that week (at the month's precision, as "next week" is), not a forecast with no date of its own."""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.mentions import DateMention

_MEASURED = re.compile(r"\b(?:the\s+|a\s+|that\s+)?weeks?\s+(?:that\s+)?(?:ending|ended|ends|to|through|thru)\s+(?:on\s+)?"
                       r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$", re.IGNORECASE)


def measured_weeks(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """"a record high of 12.9 million bpd for the week ending Nov. 22": the week's month, not its last day."""
    out = []
    for mention in mentions:
        if mention.date.day is not None and _MEASURED.search(sentence[:mention.start]):
            mention = replace(mention, date=PDate(mention.date.year, mention.date.month))
        out.append(mention)
    return out


_NEAR_WEEK = re.compile(r"^(?:(?:at|by|towards?|in|over|during)\s+)?(?:the\s+)?(?:this|next|the coming|coming|the week ahead|"
                        r"week ahead|end of (?:the|this|next) week|later (?:this|in the) week|weekend)", re.IGNORECASE)
_OCCASION = re.compile(r"\b(?:meetings?|update|decisions?|reports?|data|releases?|released|published|figures|numbers|"
                       r"readings?|minutes|votes?|vote on|elections?|elect|summit|talks|speech|speaks?|"
                       r"testimony|hearing|auctions?|conference|announcement|statement|earnings|results|budget|"
                       r"session|survey|payrolls|calendar)\b", re.IGNORECASE)


HABIT = re.compile(r"\b(?:every|each)\s+(?:week|day|month|year)\b", re.IGNORECASE)  # "Every week, we break down…"
# "Here you will find … what is on tap for the week ahead": what the article holds, not what the week does
_THE_ARTICLE = re.compile(r"^\s*here(?:'s|\s+is|\s+are|\s+you\s+will\s+find)\b", re.IGNORECASE)


def week_occasion(sentence: str, mention: DateMention) -> bool:
    """A near week ("this week", "next week", "the coming week", "the end of the week", "the weekend's") in a
    sentence that names an occasion or a release: what that week holds is an event, whatever is forecast of it.
    Not in a sentence that tells what happens every week or what the article holds (a column's description)."""
    return bool(_NEAR_WEEK.match(mention.text.strip()) and "week" in mention.text.lower() and not HABIT.search(sentence)
                and not _THE_ARTICLE.search(sentence)
                and _OCCASION.search(sentence[:mention.start] + " " + sentence[mention.end:]))
