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
from tracker.ingest.mentions import DateMention
from tracker.ingest.datetense import AIMED, NOT_PAST_ED, PAST, PAST_QUESTION, PAST_TOLD
from tracker.ingest.dayranges_en import day_ranges
from tracker.ingest.dayrefs_en import days_alone, week_named
from tracker.ingest.hindsight_en import without_thought_time
from tracker.ingest.comparisons_en import without_compared
from tracker.ingest.pastby_en import irregular_past
from tracker.ingest.relative_en import NUMBER as _NUMBER
from tracker.ingest.relative_en import counted_from, told_relative  # noqa: F401  (moved in round 17; callers use them here)
from tracker.ingest.unreal_en import unreal_past

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
            own = sentence[left:mention.start] + " " + sentence[mention.end:right]
            if not _TENSE.search(own) and not irregular_past(own):  # round 34: "In December the industry hit a new low"
                mention = replace(mention, date=PDate(year, mention.date.month) if mention.date.month else PDate(year))
        out.append(mention)
    return out


OCCASION = re.compile(r"\b(?:elections?|midterms|(?:[A-Z]\w+|presidential|governor's|mayoral)\s+races?|primar(?:y|ies)|referend(?:um|a)|votes?|ballot|polls|coronation|"
                      r"inauguration|summit|congress|conference|convention|olympics|olympic games|world cup|"
                      r"championships?|tournament|games|expo|jubilee|census|budget)\b", re.IGNORECASE)


def names_an_occasion(sentence: str, mention: DateMention) -> bool:
    """An occasion is named with the date, in its clause: "elections … in 2024", "the 2024 Olympics"."""
    left = max([0] + [m.end() for m in re.finditer(r"[;:]|,\s+(?:but|while|so|because|since|as|which)\b",
                                                     sentence[:mention.start])])
    near = sentence[max(left, mention.start - 90):mention.start] + sentence[mention.end:mention.end + 25]
    return bool(OCCASION.search(near))


def occasion_named_by(sentence: str, mention: DateMention) -> bool:
    """A date that names an occasion, the noun right after it: "the 2024 presidential elections", "its 2022 midterms"."""
    rest = re.sub(r"^\s+(?:(?:presidential|general|parliamentary|state|local|federal|national|congressional|legislative|"
                  r"regional|mid-?term)\s+)?", "", sentence[mention.end:])
    # round 17: "at its September meeting", "the December decision": a body's sitting named by its month
    return (rest != sentence[mention.end:] and bool(OCCASION.match(rest))) or bool(_SITTING.match(sentence[mention.end:]))


_SITTING = re.compile(r"\s+(?:(?:policy|rate|FOMC|board|council)\s+)?(?:meeting|decision|hearing|session|sitting)s?\b",
                      re.IGNORECASE)


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
    return DateMention(m.start(), m.start(), m.group(), ref, True, False)


_TOLD = re.compile(r"\b(?:was|were|had|" + NOT_PAST_ED + r"\w+ed)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def past_in_question(sentence: str, mention: DateMention, ref: PDate) -> bool:
    """A past date told in a question ("will the elections postponed in December 2021 take place?", "was Trump
    an outsider at the time of his victory in 2016?")."""
    return mention.date.last_day() < ref.first_day() and (bool(_TOLD.search(sentence[:mention.start])) or
                                                          bool(PAST_QUESTION.search(sentence[:mention.start])))


# --- lists of releases under a day heading, and tense read from the whole sentence ------------------------

_ITEM = re.compile(r"^\s*(?:[-*•·]\s*)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?(?:\s*[-–—]\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)?)?"
                   r"\s*[-–—]\s*)?", re.IGNORECASE)
_NOTHING = re.compile(r"^(?:none|nothing|no\b|n/a|tbc|tba|watch\b)", re.IGNORECASE)


def day_heading(sentence: str, mentions: list[DateMention]) -> DateMention | None:
    """The day a line that is only a date names ("Monday", "Thursday 29th December"), as the date of the
    items listed under it (a heading: no event of its own)."""
    days = [m for m in mentions if m.date.day is not None]
    if len(days) != 1 or len(sentence.split()) > 5:
        return None
    rest = sentence[:days[0].start] + sentence[days[0].end:]
    rest = re.sub(r"\b(?:on|the|of|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", "", rest, flags=re.IGNORECASE)
    heading = not re.search(r"[A-Za-z]{2,}", rest)
    return replace(days[0], start=0, end=0) if heading else None


def item_title(sentence: str) -> str | None:
    """What a listed item under a day heading names ("12.30pm – US durable goods orders (February): orders to
    fall 0.6%" → "US durable goods orders (February)"); None for a line that lists nothing ("None",
    "- No High Impact Events", "Watch: USD crosses")."""
    m = _ITEM.match(sentence)
    if not m or not m.group().strip():
        return None  # no bullet or time: prose, not an item of the list
    text = sentence[m.end():].strip()
    if not text or _NOTHING.match(text):
        return None
    return re.split(r":\s", text, maxsplit=1)[0].strip(" .;–-") or None


def is_item(sentence: str) -> bool:
    m = _ITEM.match(sentence)
    return bool(m and m.group().strip())


_PERIOD = re.compile(r"\(\s*(?:w/e|w\.e\.|week ending|week to|wk ending)\s*$", re.IGNORECASE)


def without_periods(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """"initial jobless claims (w/e 19 March)": the week measured, not the day of the release."""
    return [m for m in mentions if not _PERIOD.search(sentence[:m.start])]


_AHEAD = re.compile(r"\b(?:will|'ll|going to|set to|due to|expected to|scheduled to)\b", re.IGNORECASE)
_GONE = re.compile(r"\b(?:was|were|had|did|ago|last|said|fell|rose|came|went|saw|took|made|got|gave|told|began|ran|"
                   r"met|left|sold|bought|lost|won|held|spoke|wrote|grew|slid|sank|(?<!\bbe )(?<!\bbeen )(?<!\bis )"
                   r"(?<!\bare )" + NOT_PAST_ED + r"\w+ed)\b", re.IGNORECASE)
_SUBORDINATE = re.compile(r"^\s*(?:when|while|as soon as|once|after|before|until|if)\b", re.IGNORECASE)
_HAS_VERB = re.compile(r"\b(?:is|are|am|be|will|would|has|have|\w+ed|\w{3,}s)\b", re.IGNORECASE)


def told_past(sentence: str) -> bool:
    """A sentence that tells what happened: a past tense and no modal ahead ("Silvergate announced that it intends to…")."""
    return bool(_GONE.search(sentence) or re.search(r"\b\w{3,}ed\b", sentence)) and not _AHEAD.match(sentence) and \
        not re.match(r"^[^,]*\b(?:will|'ll|is going to|are going to)\b", sentence) and not unreal_past(sentence)


def weekdays_ahead(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """A bare weekday whose own clause has no verb, or only one of a clause that leans on the main one ("When
    investors come back on Tuesday, hopes will be high", "eyes will be on the meeting, known as the OPEC+
    meeting, on Tuesday"), takes the sentence's tense: the coming one when the sentence looks ahead and tells
    of nothing gone by."""
    if ref is None or ref.day is None or not _AHEAD.search(sentence) or _GONE.search(sentence):
        return mentions
    out = []
    for mention in mentions:
        left = max([0] + [m.end() for m in re.finditer(r"[,;:]", sentence[:mention.start])])
        right = min([len(sentence)] + [mention.end + m.start() for m in re.finditer(r"[,;:.]", sentence[mention.end:])])
        clause = sentence[left:mention.start] + sentence[mention.end:right]
        own_tense = _HAS_VERB.search(clause) and not _SUBORDINATE.match(clause)  # "When investors come back on Tuesday"
        # round 17: "…, above all the jobs report on Friday, for…" in a Friday's preview is the coming Friday too
        if _WEEKDAY.match(mention.text.strip()) and mention.date.day and mention.date.first_day() <= ref.first_day() \
                and not own_tense:
            day = mention.date.first_day() + _dt.timedelta(days=7)
            day += _dt.timedelta(days=7) if day == ref.first_day() else _dt.timedelta(0)
            mention = replace(mention, date=PDate.from_date(day))
        out.append(mention)
    return out


_PRIOR = re.compile(r"\bfrom\s+[-+]?\d[\d.,]*\s*(?:%|percent|points?|bps?|[kKmMbB]n?)?\s*$", re.IGNORECASE)


def prior_readings(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """"expected to dip to 60.5 from 61.1 in November": the month of the prior reading, the last one."""
    if ref is None:
        return mentions
    out = []
    for mention in mentions:
        if mention.relative and mention.date.precision == "month" and mention.date.first_day() > ref.first_day() \
                and _PRIOR.search(sentence[:mention.start].rstrip().removesuffix(" in").rstrip() + " "):
            mention = replace(mention, date=PDate(mention.date.year - 1, mention.date.month))
        out.append(mention)
    return out


_PERFECT = re.compile(r"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?:\w+ly\s+)?\w+(?:ed|en|wn|ne|lt|ght)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|would|could|may|might|shall|should|'ll|won't|going to)\b", re.IGNORECASE)
# A verb of change in the simple past (a participle after "is", "be" or a determiner is none: datetense's PAST)
_TOLD_PAST = re.compile(r"\b(?:rose|fell|grew|sank|shrank|slid|soared|jumped|climbed|surged|dropped|tumbled|plunged|"
                        r"slumped|doubled|tripled|halved|more\s+than\s+doubled|increased|decreased|declined|gained|lost|"
                        r"rallied|recovered|peaked|reached|topped|swung|spiked|eased|cooled)\b", re.IGNORECASE)


def so_far(sentence: str, mention: DateMention) -> bool:
    """"thus far this year", "this year so far", "to date this month": the period up to the article, gone by."""
    return bool(re.search(r"\b(?:so|thus)\s+far,?\s+$|\bto\s+date,?\s+$", sentence[:mention.start], re.IGNORECASE) or
                re.match(r",?\s+(?:so|thus)\s+far\b|,?\s+to\s+date\b", sentence[mention.end:], re.IGNORECASE))


_POINT_OF_YEAR = re.compile(r"^the (?:start|beginning|turn|dawn|middle) of the (?:new )?year$", re.IGNORECASE)


def told_this_year(sentence: str, mention: DateMention) -> bool:
    """"The Fed has raised rates by 4.25% this year", "the partnership was strengthened this year", "earning more thus
    far this year": a year named with what was done in it is the date of that, not a frame."""
    if _POINT_OF_YEAR.match(mention.text):  # round 33: "doubled at the start of the (new) year": a point told in it
        before = sentence[:mention.start]
        return bool(_TOLD_PAST.search(before) or _PERFECT.search(before) or PAST.search(before)) and not _MODAL.search(before)
    if mention.text.lower() not in ("this year", "this month"):
        return False
    if so_far(sentence, mention):
        return True  # round 24: "Russia earning more thus far this year", "sales up 5% this year so far": done by now
    left = max([0] + [m.end() for m in re.finditer(r"[;:]|,\s+(?:but|while|and|which)\b|\bthat\b", sentence[:mention.start])])
    clause = sentence[left:mention.start]
    # round 23: the simple past too ("Mortgage rates climbed from 3 to 7 percent this year", "Prices rose this year")
    # round 31: any simple past ("The agreement expired this year", "the war broke out this year"; datetense's PAST
    # and PAST_TOLD), not only a verb of change
    # and not a year a purpose or plan is for ("made upgrades in order to contend this year", "hoped to win this year")
    return bool(_PERFECT.search(clause) or _TOLD_PAST.search(clause) or PAST.search(clause) or
                PAST_TOLD.search(clause)) and not _MODAL.search(clause) and not AIMED.search(clause)


def adjust(sentence: str, mentions: list[DateMention], ref: PDate | None, monday: _dt.date | None,
           year: int | None) -> list[DateMention]:
    """The sentence's dates read with the article around them: the week a heading named, the year an outlook
    looks at, the sentence's own tense for a bare weekday, a prior reading's month; a week measured is no date, nor
    is the date of a thought told in hindsight; a range of days is its first day."""
    mentions = in_year_ahead(sentence, in_week(without_compared(sentence, without_periods(sentence, mentions)), monday), year)
    mentions = day_ranges(sentence, without_thought_time(sentence, mentions))  # round 24: "nobody could have…", "July 11-12"
    mentions = days_alone(sentence, week_named(sentence, mentions, ref), ref)  # round 25: "on Tuesday last week", "on the 21st"
    return prior_readings(sentence, weekdays_ahead(sentence, mentions, ref), ref)


_BACKSHIFT = re.compile(r"\bhad\s+(?:\w+ly\s+|also\s+|just\s+|already\s+|himself\s+|herself\s+|itself\s+|themselves\s+)*"
                        r"(?:been\s+)?\w+(?:ed|en|wn|ne|lt|ght|t|k|d)\b|,\s+(?:who|which)\b", re.IGNORECASE)
_LAST = re.compile(r"^last\s+(?P<what>January|February|March|April|May|June|July|August|September|October|November|"
                   r"December|year)$", re.IGNORECASE)
_MONTH_NUM = {name: i for i, name in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                 "august", "september", "october", "november", "december"), 1)}


def narrative_time(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """"Putschists did better in May, when troops removed the government of X, who had himself taken power in a coup
    last August": a "last August" or "last year" told in the past perfect (or in a clause that says more of someone
    named) after a past date of the same sentence is the one before that date, not before the article."""
    if ref is None:
        return mentions
    out = list(mentions)
    for i, mention in enumerate(mentions):
        last = _LAST.match(mention.text.strip())
        if last is None or not mention.relative:
            continue
        earlier = [d for d in mentions[:i] if not d.deadline and d.date.month and d.date.last_day() < ref.first_day()]
        if not earlier or not _BACKSHIFT.search(sentence[earlier[-1].end:mention.start]):
            continue
        base, what = earlier[-1].date, last["what"].lower()
        if what == "year":
            date = PDate(base.year - 1)
        else:
            month = _MONTH_NUM[what]
            date = PDate(base.year if month < base.month else base.year - 1, month)
        out[i] = replace(mention, date=date)
    return out


# --- a weekday in a narrative: the week of the day the narrative named, not the article's ----------------------

_PRESENT = re.compile(r"\b(?:is|are|am|isn't|aren't|has|have|hasn't|haven't|does|do|doesn't|don't|seems?|remains?|looks?|"
                      r"can|can't|must)\b|'(?:s|re|ve)\s+(?!been\b)\w+ing\b", re.IGNORECASE)
_AHEAD_ANYWHERE = re.compile(r"\b(?:will|'ll|going to|is set to|are set to|is due to|are due to)\b", re.IGNORECASE)
_NUMBER_WORDS = {**_NUMBER, "twenty-four": 24, "thirty-six": 36, "forty-eight": 48, "seventy-two": 72}
_SPAN_AFTER = re.compile(r"\b(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty-four|"
                         r"thirty-six|forty-eight|seventy-two)\s+(?P<unit>hours?|days?)\s+(?P<dir>after|before)\s+"
                         r"(?:the\s+|that\s+|this\s+)?$", re.IGNORECASE)


def narrative_day(sentence: str, mentions: list[DateMention], day: PDate | None) -> PDate | None:
    """The day a story told in the past is at after ``sentence``: the last day it names, else the one before while
    the sentence is told in the past too; none once a sentence is not ("And he seems to have more issues.")."""
    past = told_past(sentence) and not _AHEAD_ANYWHERE.search(sentence)
    if not past and (_PRESENT.search(sentence) or _AHEAD_ANYWHERE.search(sentence)):
        return None
    named = [m.date for m in mentions if m.date.day and not m.deadline] if past else []
    return named[-1] if named else day


def weekday_in_narrative(sentence: str, mentions: list[DateMention], last: PDate | None,
                         ref: PDate | None) -> list[DateMention]:
    """"The press release came out on Wednesday, March 8. … Regulators closed the bank less than 48 hours after the
    Wednesday press release": a bare weekday in a sentence told in the past, after a day the text named weeks before
    the article (in this sentence or before it), is a day of that day's week: the first such weekday on or after it
    (before it when the clause is in the past perfect), not the article's week. "N hours (days) after" a day so
    named counts on from it."""
    if ref is None or ref.day is None or not told_past(sentence) or _AHEAD_ANYWHERE.search(sentence):
        return mentions
    made, out = ref.first_day(), []
    for i, mention in enumerate(mentions):
        wd = _WEEKDAY.match(mention.text.strip())
        if wd and mention.relative and mention.date.day:
            before = [d.date for d in out[:i] if not d.deadline and d.date.day and d.end <= mention.start]
            base = before[-1] if before else last
            if base is not None and base.day and (made - base.first_day()).days >= 7 and \
                    abs((mention.date.first_day() - base.first_day()).days) > 6:
                target, day = _WEEKDAYS.index(wd["wd"].lower()), base.first_day()
                if _BACKSHIFT.search(sentence[:mention.start]):  # "depositors had rushed out on Thursday"
                    day -= _dt.timedelta(days=(day.weekday() - target) % 7 or 7)
                else:
                    day += _dt.timedelta(days=(target - day.weekday()) % 7)
                mention = replace(mention, date=PDate.from_date(day))
        span = _SPAN_AFTER.search(sentence[:mention.start]) if mention.date.day and mention.relative else None
        if span:  # "less than 48 hours after the Wednesday press release": two days on
            n = _NUMBER_WORDS.get(span["n"].lower()) or int(span["n"])
            days = round(n / 24) if span["unit"].lower().startswith("hour") else n
            days = -days if span["dir"].lower() == "before" else days
            mention = replace(mention, date=PDate.from_date(mention.date.first_day() + _dt.timedelta(days=days)))
        out.append(mention)
    return out
