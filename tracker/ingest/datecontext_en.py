"""What the rest of a sentence says of a date read in it: "By Friday, Trump had told aides to proceed" tells what
was done by that day (the date of an event, not a deadline of a forecast); "Crude oil, which traded above $75 in
early July, fell to lows at the same time" takes "at the same time" from the sentences before, not from the aside
between commas."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from tracker.domain.dates import DateError, PDate
from tracker.ingest.mentions import DateMention
from tracker.ingest.datetense import NOT_PAST_ED

_BY = re.compile(r"\bby\s+(?:the\s+(?:end|middle|start|beginning)(?:\s+of)?\s+)?$", re.IGNORECASE)
# round 18: "By April he was the largest shareholder", "By mid March he owned 5%", "By March 6 more than 100,000 cases
# have been recorded": a subject and a verb told of the past (or the present perfect of a story) right after the date
_TOLD_AFTER = re.compile(r"^,?\s+(?:[\w'’%$.,-]+\s+){1,6}?(?:was|were|had|did|owned|(?:has|have)\s+(?:already\s+)?(?:been\s+)?"
                         r"\w{2,}(?:ed|en|wn|ne|t)|" + NOT_PAST_ED + r"\w{3,}ed)\b", re.IGNORECASE)
_PERFECT_PAST = re.compile(r"^[^.;:]{0,80}?\bhad\s+(?:already\s+|not\s+|never\s+|\w+ly\s+)?(?:been\s+)?\w{2,}(?:ed|en|t|wn|ne|ld|ng|ck|de|ft)\b",
                           re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|'ll|would|shall|going to|must|should|needs? to|has to|have to|plans? to|aims? to)\b",
                    re.IGNORECASE)


def done_by(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """"By Friday, Trump had told aides to proceed": a "by" date in a clause told in the past perfect is when
    it was done (an event's date), not a deadline; "by May it will have…" stays a deadline."""
    out = []
    for mention in mentions:
        by = _BY.search(sentence[:mention.start]) or re.match(r"by\b", mention.text, re.IGNORECASE)  # "By Friday"
        if mention.deadline and by and ref is not None and ref.day is not None and \
                (perfect := _PERFECT_PAST.search(sentence[mention.end:]) or _TOLD_AFTER.search(sentence[mention.end:])) and \
                not _AHEAD.search(sentence[_clause_start(sentence, mention.start):mention.end + perfect.end()]):
            # "…, which dimmed hopes talks would go ahead"; round 24: a clause before, "…would come in December, but by
            # December it was plain that…", is not this one
            date = mention.date
            if mention.relative and date.first_day() > ref.first_day() and date.precision != "year":
                date = _gone_by(date, mention.text)
            mention = replace(mention, deadline=False, date=date)  # "By mid-August … had fallen": the one gone by
        out.append(mention)
    return out


def _clause_start(sentence: str, at: int) -> int:
    """Where the clause holding ``at`` starts: after the last ";", ":" or ", but (and, while, yet, so)" before it."""
    return max([0] + [m.end() for m in re.finditer(r"[;:]|,\s+(?:but|and|while|yet|so)\b", sentence[:at])])


_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)


def _gone_by(date: PDate, text: str) -> PDate:
    """The same weekday a week before, or the same month (day) a year before."""
    if date.day and _WEEKDAY.search(text):
        return PDate.from_date(date.first_day() - _dt.timedelta(days=7))
    try:
        return PDate(date.year - 1, date.month, date.day) if date.day else PDate(date.year - 1, date.month)
    except DateError:
        return date


_SAME_TIME = re.compile(r"\b(?:at|around|about)\s+(?:about\s+|around\s+|roughly\s+)?the\s+same\s+time\b", re.IGNORECASE)
_ASIDE = re.compile(r",\s+(?:which|who)\b[^,]*,")  # ", which traded above $75 in early July,"
_TOLD = re.compile(r"\b(?:was|were|had|did|fell|rose|hit|reached|sank|slid|dropped|plunged|traded|ended|closed|"
                   r"(?<!\bbe )(?<!\bis )(?<!\bare )\w{3,}ed)\b", re.IGNORECASE)


def same_time(sentence: str, mentions: list[DateMention], last: PDate | None) -> list[DateMention]:
    """"Copper plunged to lows in mid August. Crude oil, which traded above $75 in early July, fell to lows at the
    same time": the date named last before it, in the sentence outside an aside between commas or else in the
    sentences before, at its precision. Not at the head of a sentence ("At the same time, …": a connective)."""
    m = _SAME_TIME.search(sentence)
    if m is None or not sentence[:m.start()].strip() or not _TOLD.search(sentence[:m.start()]):
        return mentions
    if any(d.start < m.end() and m.start() < d.end for d in mentions):
        return mentions
    asides = [(a.start(), a.end()) for a in _ASIDE.finditer(sentence[:m.start()])]
    before = [d.date for d in mentions if d.end <= m.start() and not d.deadline
              and not any(s <= d.start < e for s, e in asides)]
    base = before[-1] if before else last
    if base is None:
        return mentions
    return sorted([*mentions, DateMention(m.start(), m.end(), m.group(), base, True, False)], key=lambda d: d.start)


# round 18: "Set off by walkouts in October, the fourth quarter of 2021 ended as the busiest quarter in a decade": a period
# that is the subject of its own clause is told of itself (an event of that period), not a frame of the month beside it
_PERIOD_HEAD = re.compile(r"(?:the\s+)?(?:(?:first|second|third|fourth|last|final)\s+(?:quarter|half)(?:\s+of)?\s+)?"
                          r"(?:19|20)\d{2}|(?:the\s+)?(?:first|second|third|fourth)\s+quarter|Q[1-4](?:\s+(?:19|20)\d{2})?",
                          re.IGNORECASE)
_OWN_VERB = re.compile(r"^\s+(?:ended|was|began|started|closed|finished|saw|brought|proved|turned out)\b")


def period_as_subject(sentence: str, mention: DateMention) -> bool:
    """A quarter, half or year that heads a clause of its own and is its subject ("…, the fourth quarter of 2021 ended
    as the busiest", "2021 was a record year"): a date of what it tells, even with a month of it in the sentence."""
    start = max(sentence.rfind(",", 0, mention.start), sentence.rfind(";", 0, mention.start)) + 1
    return bool(_PERIOD_HEAD.fullmatch(sentence[start:mention.end].strip())) and bool(_OWN_VERB.match(sentence[mention.end:]))
