"""Date expressions in a sentence, resolved against the article's date, keeping precision.

``2025年3月15日`` and ``March 15, 2025`` are days; ``2024年1月``, ``December 2021``,
``今月上旬`` (early this month) and ``earlier this month`` are months; ``2012年`` is a year.
A month or day without a year is placed by the sentence's tense: ``5月に予定されている``
in a February article is the coming May, ``in July`` in a past-tense sentence the last one.
``by``/``までに`` mark a deadline (a horizon for a prediction, not an event). A weekday named
with a day ("Wednesday, February 1") picks the year in which they agree; a day that names something
("the 14 March coalition") is no date. "April 10 and 24, 2022" gives two days; "on Sunday 24" is the
24th nearest the article that is a Sunday; a bare "Thursday" ("told CNBC Thursday") is read by the
tense, "as of Friday" as the last one.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re

from tracker.domain.dates import DateError, PDate
from tracker.ingest.halfago_en import back as half_back
from tracker.ingest.dates_en import EN, WEEKDAY_ABBR, month_list, nth_weekday, quarter, weekend, year_of_weekday
from tracker.ingest.datetense import AHEAD_BEFORE
from tracker.ingest.datetense import FUTURE as _FUTURE
from tracker.ingest.datetense import PAST as _PAST
from tracker.ingest.datetense import clause as _clause
from tracker.ingest.holidays_en import holiday_date
from tracker.ingest.mentions import DateMention, second_days
from tracker.ingest.monthnames_en import month_is_name
from tracker.ingest.pastby_en import reached_by
from tracker.ingest.relwords import of_another, period_ref
from tracker.ingest.relwords import relative as _relative
from tracker.ingest.sameday_en import own_day, today_as_now
from tracker.ingest.unreal_en import unreal_past

# Merging rounds 25 and 27: the words that put a figure's period ahead (a present progressive alone does not).
_PERIOD_AHEAD = re.compile(r"\b(?:will|'ll|shall|expected|expects?|forecasts?|projected|predicts?|likely|set to|going to|"
                           r"should|next|coming|upcoming)\b", re.IGNORECASE)
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_WEEKDAYS = {**{d.lower(): i for i, d in enumerate(calendar.day_name)}, **WEEKDAY_ABBR}  # "Wednesday", "(Wed)"
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\buntil|\bbefore|\bno later than)(?:\s+(?:the\s+)?(?:end|beginning|start|middle|"
                              r"first|second|third|fourth|last)(?:\s+(?:half|quarter|week|weeks|days|months))?\s+of)?\s*$",
                              re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"^\s*(?:まで|までに|中に)")


def _infer_year(month: int, ref: PDate, future: bool) -> int:
    if month > ref.month and not future:
        return ref.year - 1
    if month < ref.month and future:
        return ref.year + 1
    return ref.year


_JA = [
    (re.compile(r"\d{4}\s*[~～〜\-–]\s*\d{4}年(?:代)?"), "range"),  # a span of years: no single date
    (re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"), "ymd"),
    (re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?:上旬|中旬|下旬|初め|初旬|末|頃)?"), "ym"),
    (re.compile(r"(?P<y>\d{4})年(?:初頭|初め|前半|後半|末|頃)?(?![\d度代])"), "y"),
    (re.compile(r"(?<![\d年])(?P<m>\d{1,2})月(?P<d>\d{1,2})日"), "md"),
    (re.compile(r"(?<![\d年か])(?P<m>\d{1,2})月(?![間\d])(?:上旬|中旬|下旬|初め|初旬|末)?"), "m"),
    (re.compile(r"年末|今年末"), "yearend"),
    (re.compile(r"(?:今月|先月|来月)(?:上旬|中旬|下旬|初め|初旬|末)?|今年|昨年|去年|来年|年内|本日|今日|昨日|明日"
                r"|最近|ここ一週間|この一週間|先週"), "rel"),
]


_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18}
_TERMS = {"trump": [(PDate(2017, 1, 20), PDate(2021, 1, 20)), (PDate(2025, 1, 20), PDate(2029, 1, 20))],
          "biden": [(PDate(2021, 1, 20), PDate(2025, 1, 20))], "obama": [(PDate(2009, 1, 20), PDate(2017, 1, 20))]}


def term_end(name: str, ref: PDate) -> PDate | None:
    """The day the term of the president ``name`` that covers ``ref`` ends (20 January), if one does."""
    for start, end in _TERMS.get(name.lower(), []):
        if start.first_day() <= ref.first_day() < end.first_day():
            return end
    return None


def find_dates(sentence: str, ref: PDate, language: str, anchor: PDate | None = None) -> list[DateMention]:
    """Every date expression in the sentence, in order, without overlaps; ``anchor`` is the last day
    the text named before (for "the day after")."""
    text = sentence.translate(_DIGITS)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, form in (_JA if language == "ja" else EN):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            if language != "ja" and form in ("m", "mnoun", "md", "ym", "ymd") and month_is_name(text, m):
                continue  # round 28: "Theresa May's deal", "Since May has not got the EU to agree": a person
            clause = _clause(text, m.start(), m.end())
            future = bool(_FUTURE.search(clause.replace(m.group(), " "))) and not (language != "ja" and _PAST.search(
                clause.replace(m.group(), " ")) and not re.search(r"\b(?:will|'ll|scheduled|upcoming|next|coming|planned|"
                                                                   r"expected to|set to)\b",
                                                                   clause, re.IGNORECASE))
            if not future and language != "ja" and unreal_past(text):
                future = True  # round 28: "It would be odd if parliament did not repeat that result on Wednesday"
            if future and form == "period" and language != "ja" and not _PERIOD_AHEAD.search(clause):
                future = False  # "is helping to keep inflation high, up 8.2% in the year through September": a figure's
                # period is told once it is over; only a forecast's own words put it ahead ("will rise … in the year to March")
            if language != "ja" and AHEAD_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
                future = True  # "before the expected date of 6th May": the date is the one ahead, whatever else was
            if form == "rel" and language != "ja" and today_as_now(text, m.start(), m.end()):
                continue  # round 27: "to 50M people from 10M today": at present, no day
            if form == "weekday" and not m.groupdict().get("q") and re.search(
                    r"\b(?:Black|Super|Good|Cyber|Ash|Easter|Palm|Bloody|Holy|Maundy|Shrove)\s+$", text[:m.start()]):
                continue  # "Black Friday": a name
            if form == "weekday" and language != "ja" and re.search(r"\bthe\s+$", text[:m.start()], re.IGNORECASE) and \
                    re.match(r"\s+(?:after|before|of)\b", text[m.end():]):
                continue  # "8 April, the Thursday after Easter": which day the date is, not another date
            if form == "md" and language != "ja" and _NAMED_AFTER.match(text[m.end():]) and \
                    re.search(r"\bthe\s+$", text[:m.start()], re.IGNORECASE):
                continue  # "the 14 March coalition": a name, not a date
            if form == "weekday" and not future and m.group().endswith("'s") and _SCHEDULE_AFTER.match(text[m.end():]) \
                    and not _PAST.search(clause.replace(m.group(), " ")):
                future = True  # "There is not much mystery about Wednesday's Federal Reserve meeting": the coming one
            if form == "weekday" and not future and _SCHEDULED_NOUN.search(text[:m.start("wd")]) and \
                    not _PAST.search(text.replace(m.group(), " ")):
                future = True  # "An interest rate rise on Thursday … is seen as a foregone conclusion"
            if form == "holiday" and re.search(r"\bthe\s+(?:\w+\s+){0,2}(?:after|before)\s+$", text[:m.start()], re.IGNORECASE):
                continue  # "8 April, the Thursday after Easter": which day the date is, not another date
            if form == "holiday":  # round 27: "on Christmas Day", "Black Friday": that day (holidays_en)
                past = not future and bool(_PAST.search(clause.replace(m.group(), " ")))
                taken.append((m.start(), m.end()))
                named = re.search(r"\b(?:on|at|over|by|before|after|until|till|since|during|around|from|through|of|"
                                  r"ahead\s+of)\s+$", text[:m.start()], re.IGNORECASE)  # else a noun: kept in the title
                found.append(DateMention(m.start() if named else m.end(), m.end(), m.group(),
                                         holiday_date(m["h"], ref, future, past), True,
                                         bool(_DEADLINE_BEFORE.search(text[:m.start()]))))
                continue
            if form == "nthwd":  # round 27: "the last Sunday of September": that day (dates_en.nth_weekday)
                taken.append((m.start(), m.end()))
                found.append(DateMention(m.start(), m.end(), m.group(), nth_weekday(m.groupdict(), ref, future),
                                         not m.group("y"), bool(_DEADLINE_BEFORE.search(text[:m.start()]))))
                continue
            if form == "mlist":  # round 27: "in both March and April": one mention per month of the list
                taken.append((m.start(), m.end()))
                found += [DateMention(m.start(), m.end(), t, d, True, False) for t, d in month_list(m.group(), ref, future)]
                continue
            if form == "ylist":  # one mention per year of the list
                taken.append((m.start(), m.end()))
                for y in re.finditer(r"(?:19|20)\d{2}", m.group()):
                    found.append(DateMention(m.start(), m.end(), y.group(), PDate(int(y.group())), False, False))
                continue
            if form == "mnoun" and future and _THAN_BEFORE.search(text[max(0, m.start() - 60):m.start()]):
                future = False  # round 17: "25 basis points rather than the 50 of the Fed's December meeting": the nearest
            if form == "mnoun" and _DATA_NOUN.match(m.group("noun")):
                future = False  # "will repeat January's blowout", "the February jobs report is due": the month measured
            reached = form == "mnoun" and bool(_REACHED.match(m.group("noun")))
            if reached:
                future = False  # "its January lows", "their June highs": a level reached is one gone by
            if form == "mnoun" and not future and not reached and not _PAST.search(clause.replace(m.group(), " ")):
                form_used = "mnoun-near"  # "Markets price a hike at the May meeting": the nearest May
            else:
                form_used = form
            if form in ("later", "relday"):  # "on May 24 and in the Senate five days later": the day named before it
                before = [f.date for f in sorted(found, key=lambda f: f.start) if f.end <= m.start() and f.date.day
                          and not f.deadline]
                date, relative = _resolve(m, form_used, ref, future, language, before[-1] if before else anchor)
                named = [f for f in found if f.date.day and 0 < m.start() - f.end <= 2 and text[f.end:m.start()].strip() == ","]
                if form == "relday" and named and date is not None and _WHAT_FOLLOWS.match(text[m.end():]):
                    # "22 April, the day before the Q1 GDP figures are released": the day of what follows
                    step = 1 if m.group("rd").lower() == "day before" else -1 if m.group("rd").lower() == "day after" else 0
                    date = PDate.from_date(named[-1].date.first_day() + _dt.timedelta(days=step)) if step else date
            else:
                date, relative = _resolve(m, form_used, ref, future, language, anchor)
                if form == "weekday" and language != "ja":  # round 27: "on Wednesday afternoon", written that Wednesday
                    date = own_day(text, m.start(), m.end(), date, ref, future)
            if form == "rel" and of_another(m.group(), [f.date for f in found]):
                continue  # round 28: "on 3 March … at the end of the month": that month's end, not the article's
            which_year = _WHICH_YEAR.match(text[m.end():]) if form in ("m", "md", "mnoun") and language != "ja" else None
            if which_year and date is not None:  # "in May this year", "in March last year"
                shift = {"this": 0, "last": -1, "next": 1, "past": -1}.get((which_year[1] or which_year[3] or "").lower(),
                                                                        -2 if (which_year[2] or "").lower().startswith("before") else 2)
                date = PDate(ref.year + shift, date.month, date.day) if date.day else PDate(ref.year + shift, date.month)
                taken.append((m.end(), m.end() + which_year.end()))
            weekday = (_WEEKDAY_BEFORE.search(text[:m.start()]) or _WEEKDAY_AFTER.match(text[m.end():])) \
                if form in ("md", "ymd") and language != "ja" else None
            named_wd = _WEEKDAYS[weekday["wd"].lower().rstrip(".")] if weekday else -1
            if weekday and date is not None and form == "md" and not which_year:
                # "Wednesday, February 1": of the two years the tense allows, the one in which it is a Wednesday
                past = not future and bool(_PAST.search(clause.replace(m.group(), " ")))
                date = year_of_weekday(date, named_wd, ref, future, past)
            if form == "range":
                taken.append((m.start(), m.end()))
            if date is None:
                continue
            start = m.start("mon") if form == "m" and language != "ja" and m.group("q").lower() in (
                "in", "of", "during") else (m.start("y") if form == "y" and language != "ja" and
                                            (m.groupdict().get("q") or "").lower() == "of" else m.start())
            q = (m.groupdict().get("q") or "").lower()
            deadline = bool(_DEADLINE_BEFORE.search(text[:start]) or _DEADLINE_AFTER.match(text[m.end():])
                            or (form in ("m", "y", "season", "weekday", "quarter") and q in ("by", "until", "before"))
                            or m.group() == "年内" or form in ("span", "term", "decade"))
            if form == "quarter":  # a deadline is the quarter's last month, an event's date its year
                date = quarter(m.groupdict(), ref, future, deadline)
            if deadline and q == "by" and form == "m" and language != "ja" and reached_by(clause, m.group()):
                deadline = False  # round 34: "before rising into the $60s by June" (told in the past): reached then
                date = PDate(_infer_year(date.month, ref, False), date.month) if date and date.month else date
            if deadline and language != "ja" and re.search(r"\b(?:not|n't|never)\b[^,;]{0,80}\buntil\s*$", text[:start]):
                deadline = False  # round 19: "will not publish its findings until next week": then it happens
            if deadline and language != "ja" and re.match(r"'s\s+[a-z]", text[m.end():]):
                deadline = False  # "long before last year's start of the operation": the date of the start
            taken.append((m.start(), m.end()))
            if form == "mnoun":  # the month alone is the date's text; the noun stays in the event's title
                which = "mon" if m.group("mon") else "mon2"
                found.append(DateMention(m.start(which), m.end(which), sentence[m.start(which):m.end(which)], date,
                                         relative, deadline))
                continue
            # round 24: "January 6 the year before last", "March of last year": one date, nothing of it left in a title
            end = m.end() + which_year.end() if which_year and (which_year[2] or which_year.group().split()[0] == "of" or which_year[3]) \
                else m.end()
            found.append(DateMention(m.start(), end, sentence[m.start():end], date, relative, deadline, named_wd))
    if language != "ja":
        found += second_days(text, sentence, found)
    return sorted(found, key=lambda d: d.start)


# round 24: "January 6 the year before last", "in May of the year after next": two years from the article's
_WHICH_YEAR = re.compile(r"\s+(?:of\s+)?(?:(this|last|next)\s+year|the\s+year\s+(before\s+last|after\s+next))\b|"
                         r"\s+of\s+the\s+(past)\s+year\b", re.IGNORECASE)  # "March of the past year": last year's
_DATA_NOUN = re.compile(r"(?:report|figures|data|readings?|print|numbers|jobs|payrolls|blowout|peak|figure|survey|crash|"
                        r"sell-off|selloff|collapse|count|total|tally)$")  # round 19: "below June's count of 195,000"
_WHAT_FOLLOWS = re.compile(r"\s+(?:the|a|an|his|her|its|their|our|my|this|that|[A-Z])")  # "the day before the vote"
_THAN_BEFORE = re.compile(r"\b(?:than|compared\s+(?:with|to)|versus)\b[^,;]*$", re.IGNORECASE)
_REACHED = re.compile(r"(?:highs?|lows?|records?|bottom|top|levels?)$")
_SCHEDULE_AFTER = re.compile(r"\s+(?:[A-Z][\w.&-]*\s+){0,3}(?:[a-z]+\s+)?(?:meeting|summit|vote|election|decision|"
                             r"announcement|release|report|debate|hearing|ruling|talks|auction|session|speech)\b")
_SCHEDULED_NOUN = re.compile(r"\b(?:rise|hike|cut|decision|meeting|vote|election|summit|talks|announcement|release|"
                             r"report|debate|hearing|ruling|verdict|launch|deadline|auction)\s+(?i:on)\s+$")
_NAMED_AFTER = re.compile(r"\s+(?:coalition|alliance|movement|bloc|camp|forces|group|party|committee|front|list|"
                          r"revolution|generation)\b", re.IGNORECASE)
# "Wednesday, February 1", "This Thursday (November 27)": the day named after the weekday is the date
_WEEKDAY_BEFORE = re.compile(r"\b(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+\(?(?:the\s+)?$")
_WEEKDAY_AFTER = re.compile(r"^\s*\(\s*(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|"
                            r"Thu(?:rs?)?|Fri|Sat|Sun)\.?\s*\)")  # "8 June (Thu)"


def _resolve(m: re.Match, form: str, ref: PDate, future: bool, language: str,
             anchor: PDate | None = None) -> tuple[PDate | None, bool]:
    groups = m.groupdict()
    extra = _resolve_english(m, form, ref, future, anchor) if form in (
        "season", "weekday", "wdday", "relday", "later", "ago", "span", "term", "decade") else None
    if extra is not None or form in ("season", "weekday", "wdday", "relday", "later", "ago", "span", "term", "decade"):
        return extra, extra is not None
    month = _MONTHS[groups["mon"].lower().rstrip(".")] if groups.get("mon") else (
        int(groups["m"]) if groups.get("m") else None)
    if form == "period":  # "in the three months to June": June, of the year given or the one the tense gives
        return (PDate(int(groups["y"]), month), False) if groups.get("y") else (PDate(_infer_year(month, ref, future), month), True)
    if form in ("range", "quarter"):
        return (quarter(groups, ref, future, False), True) if form == "quarter" else (None, False)
    if form == "weekend":
        return weekend(groups, ref, future), True
    if form in ("mnoun", "mnoun-near"):
        month = _MONTHS[(groups.get("mon") or groups.get("mon2")).lower().rstrip(".")]
        q = (groups.get("q") or "").lower()
        if q == "last":
            return PDate(ref.year if month < ref.month else ref.year - 1, month), True
        if q == "next":
            return PDate(ref.year if month > ref.month else ref.year + 1, month), True
        if form == "mnoun-near":  # the nearest such month, before or after the article
            year = min((ref.year - 1, ref.year, ref.year + 1), key=lambda y: abs((y * 12 + month) - (ref.year * 12 + ref.month)))
            return PDate(year, month), True
        return PDate(_infer_year(month, ref, future), month), True
    if form == "yearend":
        if not future and ref.month is not None and ref.month <= 2 and _PAST.search(m.string):
            return PDate(ref.year - 1, 12), True  # "the year-end rally" told in early January: the December just gone
        return PDate(ref.year, 12), True
    try:
        if form == "ymd":
            return PDate(int(groups["y"]), month, int(groups["d"])), False
        if form == "ym":
            return PDate(int(groups["y"]), month), False
        if form == "y":
            return PDate(int(groups["y"])), False
        if form == "md":
            return PDate(_infer_year(month, ref, future), month, int(groups["d"])), True
        if form == "m":
            q = (groups.get("q") or "").lower()
            if q == "last":
                year = ref.year if month < ref.month else ref.year - 1
            elif q == "next":
                year = ref.year if month > ref.month else ref.year + 1
            elif q == "this":
                year = ref.year
            else:
                year = _infer_year(month, ref, (future or q in ("by", "until", "before")) and q != "since")  # "since March": gone by
            return PDate(year, month), True
        return _relative(m.group(), period_ref(m.group(), ref, anchor)), True
    except DateError:
        return None, False


def _add_months(day: _dt.date, months: int) -> PDate:
    index = day.year * 12 + (day.month - 1) + months
    return PDate(index // 12, index % 12 + 1)


def _resolve_english(m: re.Match, form: str, ref: PDate, future: bool, anchor: PDate | None) -> PDate | None:
    groups = m.groupdict()
    q = (groups.get("q") or "").lower()
    base = ref.first_day() if ref.day else None
    if form == "season":
        season = groups["season"].lower()
        if groups.get("y"):
            return PDate(int(groups["y"]))
        first, _ = _SEASONS[season]
        if re.fullmatch(r"(?:this|the)\s+past", q):  # round 30: "this past summer"
            q = "last"
        if q == "last":
            year = ref.year - 1 if (ref.month or 12) < first + 3 else ref.year
        elif q == "next":
            year = ref.year + 1 if (ref.month or 1) >= first else ref.year
        elif q == "this":
            year = ref.year
        else:
            year = ref.year + 1 if future and (ref.month or 1) > first + 2 else (
                ref.year - 1 if not future and (ref.month or 12) < first else ref.year)
        return PDate(year)  # a season is a span of months: its year is what the precision allows
    if form == "wdday":  # "on Sunday 24": the 24th nearest the article that is a Sunday
        if base is None:
            return None
        wd, day = _WEEKDAYS[groups["wd"].lower()], int(groups["d"])
        found = []
        for months in (-1, 0, 1):
            month = _add_months(base, months)
            try:
                date = _dt.date(month.year, month.month, day)
            except ValueError:
                continue
            if date.weekday() == wd:
                found.append(date)
        found.sort(key=lambda d: (abs((d - base).days), (d < base) if future else (d > base)))
        return PDate.from_date(found[0]) if found else None
    if form == "weekday":
        if base is None:
            return None
        wd = _WEEKDAYS[groups["wd"].lower()]
        if q == "next" or (future and q not in ("last", "since", "as of")):
            delta = (wd - base.weekday()) % 7 or 7
        else:
            delta = -((base.weekday() - wd) % 7)
        return PDate.from_date(base + _dt.timedelta(days=delta))
    if form == "relday":
        if anchor is None or anchor.day is None:
            return None
        rd = groups["rd"].lower()
        step = -1 if rd in ("day before", "previous day", "night before", "previous evening", "previous night") else \
            0 if re.search(r"\bthat\b|\bsame\b", rd) else 1  # round 27: "that same day", "later that day"
        return PDate.from_date(anchor.first_day() + _dt.timedelta(days=step))
    if form == "later":
        if anchor is None or anchor.day is None:
            return None
        n = _NUMBERS.get(groups["n"].lower()) or int(groups["n"])
        days = n * (7 if groups["unit"].lower() == "week" else 1) * (-1 if groups["dir"].lower().startswith(("earlier", "before")) else 1)
        return PDate.from_date(anchor.first_day() + _dt.timedelta(days=days))
    if form == "ago":
        n, unit = _NUMBERS.get(groups["n"].lower()) or int(groups["n"]), groups["unit"].lower()
        day = base or ref.first_day()
        if groups.get("half"):  # round 35: "two and a half years ago"
            return half_back(n, unit, day)
        if unit in ("year", "decade"):  # round 31: "a decade ago", "three decades ago": ten years a decade
            years = n * (10 if unit == "decade" else 1)
            return PDate(day.year - years, day.month) if groups.get("tm") else PDate(day.year - years)
        if unit == "month":
            return _add_months(day, -n)
        back = day - _dt.timedelta(days=n * {"week": 7, "fortnight": 14}.get(unit, 1))
        exact = unit == "day" and base is not None and not re.match(r"(?:a little|slightly|just|more|less|about|nearly|"
                                                                    r"almost|over|some|roughly)", m.group(), re.IGNORECASE)
        return PDate.from_date(back) if exact else PDate(back.year, back.month)
    if form == "span":
        unit = groups["unit"].lower().rstrip("s")
        n = _NUMBERS.get((groups.get("n") or "").lower()) or (int(groups["n"]) if groups.get("n") else 6)
        if not groups.get("n"):
            unit, n = ("month", 6) if unit == "month" else (unit, 3 if unit == "week" else 2)
        day = ref.first_day()
        if unit == "year":
            return _add_months(day, 12 * n)
        if unit == "month":
            return _add_months(day, n)
        return PDate.from_date(day + _dt.timedelta(days=n * (7 if unit == "week" else 1)))
    if form == "term":
        return term_end(groups.get("who") or groups.get("who2") or "", ref)
    if form == "decade":
        return PDate(ref.year - ref.year % 10 + 9, 12)
    return None
