"""English event dates that need more than the sentence: the article around it and its grammar.

- A heading "Reports for the week of October 30" anchors the weekdays listed under it ("ISM
  Manufacturing (Wednesday)" is 1 November, not the Wednesday before the article); the heading itself
  names a week, no event.
- An outlook written late in a year about the next one ("Prophecies for 2023", dated 27 December 2022):
  a month or season whose own clause has no tense ("the coronation of Charles III in May") is in the
  year the article looks at. Elsewhere a month without a year stays the nearest one not after the
  article unless the tense says otherwise (:mod:`tracker.ingest.datefind`).
- An occasion named with its date ("elections in the Russian Federation in 2024", "the Turkish
  presidential elections in the summer") is an event even in a coming year or a forecasting sentence.
- A release told in the past with no date of its own ("The Atlanta Fed's GDPNow estimate came in at
  4.9%") happened on the article's day: a market note reports the figure the day it comes out.
- A past date in a question ("will the elections postponed in December 2021 finally take place?") is
  still a told event.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.datefind import DateMention

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEK_OF = re.compile(r"\bweek\s+(?:of|beginning|starting|commencing|ending)\s+(?:(?:Monday|Sunday|Friday),?\s+)?"
                      r"(?:the\s+)?(?=" + _MONTH + r"\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"\b)",
                      re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?$", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def week_heading(sentence: str, mentions: list[DateMention], ref: PDate | None = None
                 ) -> tuple[_dt.date, DateMention] | None:
    """The Monday of the week a heading names ("Upcoming Reports for the Week of October 30"), and the
    mention that names it; None if the sentence is no such heading."""
    m = _WEEK_OF.search(sentence)
    if m is None or len(sentence.split()) > 14:
        return None
    for mention in mentions:
        if mention.start >= m.end() - 1 and mention.date.day is not None:
            day = mention.date.first_day()
            if mention.relative and ref is not None:  # a heading has no tense: the week nearest the article
                near = [_dt.date(y, day.month, min(day.day, 28 if day.month == 2 else day.day))
                        for y in (ref.year - 1, ref.year, ref.year + 1)]
                day = min(near, key=lambda d: abs((d - ref.first_day()).days))
            # "week ending Friday 3 November" is the working week of its Monday, as "week of" is
            return day - _dt.timedelta(days=day.weekday()), mention
    return None


def in_week(mentions: list[DateMention], monday: _dt.date | None) -> list[DateMention]:
    """Bare weekdays ("(Tuesday)", "on Wednesday") placed in the week a heading above them named."""
    if monday is None:
        return mentions
    out = []
    for mention in mentions:
        m = _WEEKDAY.match(mention.text.strip())
        if m:
            day = monday + _dt.timedelta(days=_WEEKDAYS.index(m["wd"].lower()))
            mention = replace(mention, date=PDate.from_date(day), relative=True)
        out.append(mention)
    return out


_YEAR_AHEAD = re.compile(r"\b(?:predictions?|prophec(?:y|ies)|forecasts?|outlook|preview|what to (?:expect|watch)|"
                         r"look(?:ing)? ahead|year ahead|calls|expectations)\b", re.IGNORECASE)


def year_ahead(title: str, ref: PDate | None) -> int | None:
    """The year an outlook written in its last quarter looks at: "Prophecies for 2023" dated December
    2022 gives 2023; None for other articles."""
    if ref is None or (ref.month or 0) < 10 or not _YEAR_AHEAD.search(title or ""):
        return None
    years = {int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", title or "")}
    return ref.year + 1 if ref.year + 1 in years else None


_TENSE = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|did|does|do|'ll|"
                    r"\w+ed|can|could|may|might|should|must)\b", re.IGNORECASE)
_SEASON_OR_MONTH = re.compile(r"^(?:in|during|the|early|late|mid)[\s-]+(?:(?:early|mid|late)[\s-]+)?(?:" + _MONTH +
                              r"|spring|summer|fall|autumn|winter)$", re.IGNORECASE)


def in_year_ahead(sentence: str, mentions: list[DateMention], year: int | None) -> list[DateMention]:
    """In an outlook for ``year``, a month or season whose own clause (between commas) has no verb
    ("Events we know about are X, the coronation in May, and the elections in the summer") is in that year."""
    if year is None:
        return mentions
    out = []
    for mention in mentions:
        if _SEASON_OR_MONTH.match(mention.text.strip()) and mention.date.year == year - 1 and not mention.deadline:
            left = max([0] + [m.end() for m in re.finditer(r"[,;:]|\band\b", sentence[:mention.start])])
            right = min([len(sentence)] + [mention.end + m.start() for m in re.finditer(r"[,;:.]", sentence[mention.end:])])
            if not _TENSE.search(sentence[left:mention.start] + " " + sentence[mention.end:right]):
                mention = replace(mention, date=PDate(year, mention.date.month) if mention.date.month else PDate(year))
        out.append(mention)
    return out


OCCASION = re.compile(r"\b(?:elections?|midterms|primar(?:y|ies)|referend(?:um|a)|votes?|ballot|polls|coronation|"
                      r"inauguration|summit|congress|conference|convention|olympics|olympic games|world cup|"
                      r"championships?|tournament|games|expo|jubilee|census|budget)\b", re.IGNORECASE)


def names_an_occasion(sentence: str, mention: DateMention) -> bool:
    """An occasion is named with the date, in its clause: "elections … in 2024", "the 2024 Olympics"."""
    left = max([0] + [m.end() for m in re.finditer(r"[;:]|,\s+(?:but|while|so|because|since|as|which)\b",
                                                     sentence[:mention.start])])
    near = sentence[max(left, mention.start - 90):mention.start] + sentence[mention.end:mention.end + 25]
    return bool(OCCASION.search(near))


_RELEASE = re.compile(r"\b(?:came in at|come in at|was released|were released|was published|were published|"
                      r"printed at|was reported at|were reported at|was revised (?:up|down)(?: to)?)\b", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:from|than|since|after|unchanged from|compared with|versus|vs\.?)\s+(?:the\s+)?$", re.IGNORECASE)


def release_today(sentence: str, mentions: list[DateMention], ref: PDate | None) -> DateMention | None:
    """A figure told as released with no date of its own ("… came in at 4.9%, unchanged from the September
    14 estimate"): the article's day, when it has one; the dates the sentence has only compare."""
    if ref is None or ref.day is None or sentence.rstrip().endswith("?"):
        return None
    m = _RELEASE.search(sentence)
    if m is None:
        return None
    if any(not _COMPARED.search(sentence[:d.start]) for d in mentions if d.date.precision != "year"):
        return None  # a date of its own ("for Q3", "in 2023" frame the figure, not its release)
    return DateMention(m.start(), m.start(), "", ref, True, False)


_TOLD = re.compile(r"\b(?:was|were|had|\w+ed)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def past_in_question(sentence: str, mention: DateMention, ref: PDate) -> bool:
    """A past date told in a question ("will the elections postponed in December 2021 take place?")."""
    return mention.date.last_day() < ref.first_day() and bool(_TOLD.search(sentence[:mention.start]))
