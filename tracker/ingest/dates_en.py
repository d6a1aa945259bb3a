"""The English date expressions :mod:`tracker.ingest.datefind` reads, each with the form that says how to
resolve it: full dates, a month with or without a year, a month before a noun ("the Fed's December meeting"),
seasons, weekdays, relative days ("the day after", "three days later", "two weeks ago"), spans ("within two
years"), a president's term, decades, years (alone, in lists, before a noun, "2022's", "bringing 2021 to a
close") and relative words ("last year", "tomorrow"). Order matters: the first pattern to take a stretch of
text keeps it."""

from __future__ import annotations

import datetime as _dt
import re

from tracker.domain.dates import PDate
from tracker.ingest.halfago_en import PATTERNS as HALF_AGO
from tracker.ingest.holidays_en import HOLIDAY

MONTH = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December" \
        r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_MONTH_NAME = "(?:" + "|".join(_MONTH_NAMES) + ")"


def month_list(text: str, ref: PDate, future: bool) -> list[tuple[str, PDate]]:
    """Each month a list names ("in both March and April"), of the year the tense gives (the last such month
    before the article when it tells the past, the next after it when it looks ahead)."""
    out = []
    given = re.search(r"(?:19|20)\d{2}$", text)
    for found in re.finditer(_MONTH_NAME, text):
        month = _MONTH_NAMES.index(found.group()) + 1
        year = int(given.group()) if given else ref.year
        if not given and ref.month is not None and month > ref.month and not future:
            year -= 1
        elif not given and ref.month is not None and month < ref.month and future:
            year += 1
        out.append((found.group(), PDate(year, month)))
    return out


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def nth_weekday(groups: dict, ref: PDate, future: bool) -> PDate | None:
    """The day "the last Sunday of September" names: of the year given, else the one the tense gives (as month_list)."""
    month_no = _MONTH_NAMES.index(groups["mon"]) + 1
    year = int(groups["y"]) if groups.get("y") else month_list(groups["mon"], ref, future)[0][1].year
    wd = _WEEKDAY_NAMES.index(groups["wd"])
    n = ("first", "second", "third", "fourth").index(groups["n"].lower()) if groups["n"].lower() != "last" else -1
    first = _dt.date(year, month_no, 1)
    if n >= 0:
        return PDate.from_date(first + _dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * n))
    last = _dt.date(year + month_no // 12, month_no % 12 + 1, 1) - _dt.timedelta(days=1)
    return PDate.from_date(last - _dt.timedelta(days=(last.weekday() - wd) % 7))


# past verbs whose object can be a month of time gone by (a lookbehind each: fixed widths)
_MONTH_VERBS = ("survived", "weathered", "ended", "closed", "closed out", "finished", "started", "began", "kicked off",
                "wrapped up", "rounded off", "saw out", "rode out")

EN = [
    (re.compile(r"\b(?:19|20)\d{2}\s*(?:-|–|to)\s*(?:19|20)\d{2}\b"), "range"),
    # "the last four elections, 2014, 2016, 2018 and 2020": a list of years, each a year
    (re.compile(r"(?<![\d$£€.,-])\b(?:19|20)\d{2}(?:,\s+(?:19|20)\d{2})*,?\s+(?:and|or|&)\s+(?:19|20)\d{2}\b(?![\d%,.]\d|\s*(?:%|percent))"),
     "ylist"),
    # "in the three months to June", "the year ending March 2023": the period's last month, as a figure measures it
    (re.compile(r"\b(?:the\s+)?(?:(?:three|six|nine|twelve|\d{1,2})\s+months|quarter|year)\s+(?P<q>to|ending|ended|through)\s+"
                r"(?:end-)?" + MONTH + r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?\b"), "period"),
    # round 22: "from June to August 2022", "between June and October 2022": one period, its year after its last month,
    # dated (as one event, as the set's annotations date a move "from June to August") to the month it ends in
    (re.compile(r"\b(?:from|between)\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                r"December)\s+(?:to|and|through|until|till|-|–)\s+" + MONTH + r",?\s+(?P<y>(?:19|20)\d{2})\b"), "ym"),
    # round 27: "on Christmas Day", "a strong Black Friday", "On Election Day": the holiday's day (holidays_en)
    (HOLIDAY, "holiday"),
    # round 27: "the last Sunday of September", "the first Tuesday in November 2022": that day (nth_weekday)
    (re.compile(r"\b(?:the\s+)?(?P<n>(?i:first|second|third|fourth|last))\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                r"Saturday|Sunday)\s+(?:of|in)\s+" + _MONTH_NAME.replace("(?:", "(?P<mon>", 1) +
                r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?\b"), "nthwd"),
    # round 27: "in both March and April", "during May, June and July (2021)": one mention per month of the list, of the
    # year after its last month if one is given
    (re.compile(r"\b(?P<q>(?i:in|during))\s+(?:both\s+|either\s+|each\s+of\s+|all\s+of\s+|every\s+one\s+of\s+)?" + _MONTH_NAME + r"(?:,\s+" + _MONTH_NAME + r")*,?\s+"
                r"(?:and|or|&)\s+" + _MONTH_NAME + r"\b(?!\s+\d{1,2}\b)(?:,?\s+(?P<y>(?:19|20)\d{2})\b)?"), "mlist"),
    (re.compile(MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"), "ymd"),
    (re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + MONTH + r",?\s+(?P<y>\d{4})\b"), "ymd"),
    (re.compile(r"\b" + MONTH + r",?\s+(?P<y>\d{4})\b"), "ym"),
    (re.compile(r"\b" + MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\s*\d{4}))"), "md"),
    (re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r"\b(?!,?\s*\d{4})"), "md"),
    # "the Fed's December meeting", "the February minutes", "January's huge blowout": a month that names an event
    # round 18: after a hyphenated adjective too ("High-profile October strikes at Deere")
    (re.compile(r"(?:\b(?P<q>the|its|their|his|her|this|that|last|next|at|[A-Z][\w.&-]*'s|[A-Za-z]+-[a-z]+)\s+" + MONTH +
                r"|\b" + MONTH.replace("?P<mon>", "?P<mon2>") + r"'s)\s+(?:(?:[a-z]+|[A-Z]{2,5})\s+){0,2}?"
                r"(?P<noun>meeting|meetings|summit|vote|election|elections|poll|polls|report|figures|data|reading|readings|print|"
                r"decision|hike|cut|increase|rise|statement|minutes|budget|referendum|deadline|talks|conference|session|"
                r"auction|release|numbers|announcement|projections|survey|primary|primaries|runoff|debate|rally|crash|"
                r"sell-off|selloff|blowout|peak|figure|jobs|payrolls|gathering|ballot|contest|strikes?|attacks?|walkouts?|protests?|invasion|"
                r"offensive|coup|collapse|crisis|deal|agreement|visit|trip|speech|address|testimony|hearing|launch|"
                r"highs?|lows?|record|records|bottom|top|levels?|count|total|tally)\b"), "mnoun"),  # "their June highs"
    # round 27: a month a past verb takes as its object ("a model that survived October", "stocks ended September
    # lower", "the index closed out March at a high"): that month, as "in October" would be
    (re.compile(r"(?:" + "|".join(f"(?<=\\b{v} )" for v in _MONTH_VERBS) + r")(?P<q>)" + MONTH + r"\b(?!\s+\d)"), "m"),
    (re.compile(r"\b(?P<q>(?i:last|next|this|early|mid|late|in|until|by|during|of|before|since|after|from|for(?!\s+May\b)))(?:\s+|-)"
                r"(?:(?:early|mid|late)(?:\s+|-))?" + MONTH + r"\b"), "m"),
    (re.compile(r"\b(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)\s+(?P<y>(?:19|20)\d{2})(?:'s)?\b"), "season"),
    # round 30: "this past summer", "the past winter": the last one
    (re.compile(r"\b(?P<q>this\s+past|the\s+past|last|next|this|early|late|in|during|by|until|before|since|after|the|from)\s+"
                r"(?:(?:early|mid|late)[\s-]+)?(?P<season>spring|summer|fall|autumn|winter)(?:'s)?(?:\s+of\s+"
                r"(?P<y>(?:19|20)\d{2}))?\b", re.IGNORECASE), "season"),
    # round 33: "Last Friday's attack" (the title kept "Last")
    (re.compile(r"\b(?:(?P<q>(?i:last|next|this))\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'s\b"),
     "weekday"),
    (re.compile(r"\b(?P<q>(?i:on|last|next|this|since|by|until|before|from|as of))\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|"
                r"Friday|Saturday|Sunday)\b(?!,?\s+\(?(?:\d|January|February|March|April|May|June|July|August|September|October|"
                r"November|December))"), "weekday"),
    (re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b"
                r"(?!\s*(?:%|,?\s*\d{4}|of\b|January|February|March|April|May|June|July|August|September|October|"
                r"November|December))"), "wdday"),
    # an abbreviated weekday in brackets, as calendars write it ("January's ADP (Wed)")
    (re.compile(r"\((?P<wd>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?\)"), "weekday"),
    # a bare weekday ("told CNBC Thursday"); "Black Friday", "Super Tuesday" are names (see find_dates); one with
    # its day after it ("Wednesday, February 1", "This Thursday (November 27)") is that day, read as a date
    (re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!'s|,?\s+\(?(?:\d|January|February|"
                r"March|April|May|June|July|August|September|October|November|December))"), "weekday"),
    (re.compile(r"\b(?:the|on the)\s+(?P<rd>day after|day before|next day|following day|previous day|next morning|"
                r"following morning|night before|previous evening|previous night)\b", re.IGNORECASE), "relday"),
    # round 27: "That same day, the rouble rallied", "later that day", "that evening": the day the text named last
    (re.compile(r"\b(?P<rd>(?:that|the)\s+same\s+(?:day|morning|evening|night)|(?:later|earlier)\s+that\s+(?:day|morning|"
                r"evening)|(?<!\bby )that\s+(?:morning|afternoon|evening|night))\b", re.IGNORECASE), "relday"),
    # "Three days later, the bank collapsed": counted from the last day the text named
    (re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>day|week)s?\s+"
                r"(?P<dir>later|after that|afterwards|earlier|before that)\b(?!\s+than\b)", re.IGNORECASE), "later"),
    (re.compile(r"\b(?:(?:a little |slightly |just )?(?:more|less) than |about |nearly |almost |over |some |roughly )?"
                r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (?P<unit>day|week|fortnight|month|year|decade)s? ago\b"
                # round 33: "three years ago this month": that month, so many years back
                r"(?P<tm>\s+this\s+month\b)?",
                re.IGNORECASE), "ago"),
    *HALF_AGO,  # round 35: "almost two and a half years ago", "a year and a half ago"
    (re.compile(r"\b(?:(?:with)?in|over|during|for)\s+(?:the\s+)?(?:next|coming|following)?\s*(?:about |around |roughly |"
                r"some |approximately |up to |at least |at most |less than |more than )?(?P<n>a|an|one|two|three|four|five|six|"
                r"seven|eight|nine|ten|twelve|eighteen|\d{1,2})(?:\s+or\s+(?:two|three|four|five|\d{1,2}))?\s+"
                r"(?P<unit>day|week|month|year)s?\b", re.IGNORECASE), "span"),
    (re.compile(r"\b(?:(?:about|around|roughly|approximately)\s+)(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|"
                r"\d{1,2})\s+(?P<unit>year|month|week)s?(?:'s| from now| hence)?\b", re.IGNORECASE), "span"),
    (re.compile(r"\b(?:in|over|during)\s+the\s+(?:coming|next)\s+(?P<unit>months|weeks|years)\b", re.IGNORECASE), "span"),
    (re.compile(r"\b(?:by|before|until|through|within|during|for the rest of|throughout|in|before the end of|"
                r"by the end of|until the end of)\s+(?:the\s+(?:rest|end)\s+of\s+)?(?P<who>Trump|Biden|Obama)'s\s+"
                r"(?:(?:second|first|current|remaining|presidential)\s+)*(?:term|presidency|time in office|tenure)\b"
                r"|\bbefore (?P<who2>Trump|Biden|Obama) leaves office\b", re.IGNORECASE), "term"),
    (re.compile(r"\b(?:by|before|until|in|within)\s+(?:the\s+end\s+of\s+)?(?:this|the)\s+decade\b", re.IGNORECASE),
     "decade"),
    # round 27: "in mid-2021", "by late-2023", "the end-2022 target": the hyphen joins the year as a space would
    (re.compile(r"\b(?P<q>(?i:in|since|by|until|before|after|from|during|of|early-?|late-?|mid-?|end-|end of|"
                r"the end of|(?:back|go(?:es|ing)?\s+back|went\s+back|looking\s+back)\s+to))(?:\s+|(?<=-))(?P<y>(?:19|20)\d{2}|"
                r"1[5-8]\d{2}(?![\w%-]|\s+(?:[a-z]+s|of|to|and|or)\b))\b(?!\d|,\d)"),  # "in 1827", not "in 1800 homes"
     "y"),  # "Looking back to 2020, …": the year itself
    # "the 1997 NATO-Russia Founding Act", "its 2023 level", "the contested 2004 election": a year before a noun
    (re.compile(r"(?:\b(?P<q>(?i:the|its|their|his|her|this|that|last|a|my|our|your))\s+(?:[a-z]+(?:ed|al|ic|ive|ary)\s+)?|"
                r"(?<=\w's )|(?<=\w' ))(?P<y>(?:19|20)\d{2})(?:'s)?(?=\s+[A-Za-z])"
                r"(?!\s+(?:and|or|to|percent|troops|people|soldiers|years|days|votes|seats|miles|times)\b)"), "y"),
    # "As with 2022's destruction of …", "bringing 2021 to a close": a year named as the thing itself
    (re.compile(r"(?<![\d$£€.,])\b(?P<y>(?:19|20)\d{2})'s(?=\s+[a-z])"), "y"),
    (re.compile(r"\b(?:bringing|brought|closing|closed|ending|ended|capping|rounding off)\s+(?P<y>(?:19|20)\d{2})\b(?!\d|,\d)",
                re.IGNORECASE), "y"),
    # round 22: "2023 has already seen several strikes", "By comparison, 2021 had fewer": a year heading its clause as
    # the subject of what it tells (the period itself, not a figure)
    (re.compile(r"(?:(?<=^)|(?<=[,;:] ))(?P<y>(?:19|20)\d{2})(?=\s+(?:has\s+(?:already\s+|also\s+)?(?:seen|been|brought|had)|"
                r"had|was|saw|brought|ended|began|started|proved|turned out|will\s+(?:be|see|bring))\b)"), "y"),
    (re.compile(r"\b(?:the\s+)?(?:end of (?:the|this) year|year-end)\b", re.IGNORECASE), "yearend"),
    # "Q3", "Q4 2023", "the third quarter (of 2023)", "third-quarter": see quarter()
    (re.compile(r"\b(?:(?P<q>(?i:last|next|this|in|during|by|until|before|since|the|for))\s+)?(?:(?P<qn>Q[1-4])|"
                r"(?P<qw>(?i:first|second|third|fourth))(?:\s+|-)(?i:quarter))(?:(?:\s+of)?\s+(?P<y>(?:19|20)\d{2})\b)?"
                r"(?!\s+(?:of\s+a|century)\b)"), "quarter"),
    (re.compile(r"\b(?P<q>over|during|at|on|last|this\s+past|this|next|the past|the coming)\s+(?:the\s+)?weekend\b|"
                r"\b(?P<q2>the)\s+weekend's", re.IGNORECASE), "weekend"),  # "the weekend's headlines": by the tense
    # round 25: "the S&P 500 as we know it today", "the world as it is today": the present that describes, no date
    (re.compile(r"\b(?<!\bknow it )(?<!\bknow them )(?<!\bas it is )(?<!\bas they are )"
                r"(?:earlier this month|later this month|this month|last month|next month|earlier this year|"
                r"later this year|the year before last|the year after next|this year|last year|next year|yesterday|today|tonight|last night|this morning|this afternoon|"
                r"this evening|tomorrow|the last week(?!\s+(?:of|in|before|after)\b)|(?<!\bthe )last week|next week|the coming week|the week ahead|"
                # round 32: "recently" ("which recently succumbed to coups", "have all recently published") names no
                # time, no event of the article's month (the evaluation set dates none)
                r"this week|the past week|this past week|earlier in the year|later in the year|earlier in the month|"
                r"later in the month|the end of (?:the|this|next) week|later (?:this|in the) week|earlier in the week|"
                # round 27: "agreed at the start of the month", "by the end of the year": the article's month (year), or
                # the one of the day the text named last (relwords.period_ref)
                r"the (?:start|beginning|end|middle|turn) of the (?:month|year)|mid-month|mid-year|"
                # round 33: "at the start of the new year" (the year begun, or the coming one told late in a year)
                r"the (?:start|beginning|turn|dawn) of the new year)\b", re.IGNORECASE), "rel"),
]


_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def quarter(groups: dict, ref: PDate, future: bool, deadline: bool) -> PDate:
    """A quarter has no precision of its own in the model (day, month, year): as the date of an event it is
    its year, as a deadline ("by Q3 2024") its last month, when the call can be judged. Without a year it is
    the nearest quarter not after the article (the next one when the tense looks ahead, or "next")."""
    n = int(groups["qn"][1]) if groups.get("qn") else _ORDINAL[groups["qw"].lower()]
    q = (groups.get("q") or "").lower()
    if groups.get("y"):
        year = int(groups["y"])
    else:
        current = ((ref.month or 12) - 1) // 3 + 1
        shift = {"last": -1 if n >= current else 0, "next": 1 if n <= current else 0, "this": 0}.get(q)
        if shift is None:
            shift = (1 if n < current else 0) if future else (-1 if n > current else 0)
        year = ref.year + shift
    return PDate(year, 3 * n) if deadline else PDate(year)


def weekend(groups: dict, ref: PDate, future: bool) -> PDate | None:
    """"over the weekend" (the one gone by), "next weekend", "this weekend" (the coming one, told ahead): the
    month of its Saturday; a weekend is two days, so its precision is the month, as "last week" is."""
    if ref.day is None:
        return None
    day = ref.first_day()
    q = (groups.get("q") or groups.get("q2") or "").lower()
    ahead = q in ("next", "the coming") or (q in ("this", "the") and future)
    sat = day + _dt.timedelta(days=(5 - day.weekday()) % 7 or 7) if ahead else \
        day - _dt.timedelta(days=(day.weekday() - 5) % 7 or 7)
    if q == "next" and (sat - day).days < 3:
        sat += _dt.timedelta(days=7)
    return PDate(sat.year, sat.month)


def year_of_weekday(date: PDate, weekday: int, ref: PDate, future: bool = False, past: bool = False) -> PDate:
    """A day and month named with a weekday ("Thursday 8 June"), ``date`` placed by the tense: of the two nearest
    years the tense allows (after the article when it looks ahead, before it when it tells the past, else the one
    before the article and the one after), the one in which the day falls on ``weekday``; ``date`` itself when
    neither does (the mention then notes the mismatch)."""
    if date.first_day().weekday() == weekday or ref.day is None:
        return date
    made = ref.first_day()
    days = []
    for year in range(ref.year - 2, ref.year + 3):
        try:
            days.append(_dt.date(year, date.month, date.day))
        except ValueError:
            continue
    after = [d for d in days if d >= made]
    before = [d for d in reversed(days) if d < made]
    candidates = after[:2] if future else (before[:2] if past else before[:1] + after[:1])
    for day in candidates:
        if day.weekday() == weekday:
            return PDate(day.year, day.month, day.day)
    return date


# abbreviations of the weekdays, with their numbers (Monday is 0)
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}
