"""Date expressions in a sentence, resolved against the article's date, keeping precision.

``2025年3月15日`` and ``March 15, 2025`` are days; ``2024年1月``, ``December 2021``,
``今月上旬`` (early this month) and ``earlier this month`` are months; ``2012年`` is a year.
A month or day without a year is placed by the sentence's tense: ``5月に予定されている``
in a February article is the coming May, ``in July`` in a past-tense sentence the last one.
``by``/``までに`` mark a deadline (a horizon for a prediction, not an event).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass

from tracker.domain.dates import DateError, PDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December" \
         r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FUTURE = re.compile(r"予定|見込み|だろう|予想|見通し|向け|迫る|される見|可能性|かもしれない|考えられる|"
                     r"\bprobable\b|\blikely\b|\bmay\b|\bmight\b|\bcould\b|\bwill\b|\bscheduled\b|\bexpected\b|"
                     r"\bset to\b|\bupcoming\b|\bplans? to\b|\bdue\b|\bshould\b|\bwould\b", re.IGNORECASE)
_DEADLINE_BEFORE = re.compile(r"(?:\bby|\buntil|\bbefore|\bno later than)(?: the end of)?\s*$", re.IGNORECASE)
_DEADLINE_AFTER = re.compile(r"^\s*(?:まで|までに|中に)")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date expression: where it is, what it reads as, and how."""

    start: int
    end: int
    text: str
    date: PDate
    relative: bool  # resolved against the article's date
    deadline: bool  # "by May", 「5月までに」: a horizon, not the date of an event

    @property
    def note(self) -> str:
        if self.relative:
            return f"{self.text!r} read against the article's date as {self.date.human()}"
        return ""


def _ym(year: int, month: int, delta: int) -> PDate:
    index = year * 12 + (month - 1) + delta
    return PDate(index // 12, index % 12 + 1)


def _infer_year(month: int, ref: PDate, future: bool) -> int:
    if month > ref.month and not future:
        return ref.year - 1
    if month < ref.month and future:
        return ref.year + 1
    return ref.year


def _relative(word: str, ref: PDate) -> PDate | None:
    today = ref.first_day() if ref.day else None
    w = word.lower()
    table = {
        "今月": 0, "this month": 0, "earlier this month": 0, "later this month": 0, "最近": 0,
        "recently": 0, "先月": -1, "last month": -1, "来月": 1, "next month": 1,
    }
    for key, delta in table.items():
        if w.startswith(key):
            return _ym(ref.year, ref.month, delta)
    if w.startswith(("ここ一週間", "この一週間", "先週", "last week", "this week", "the past week")):
        base = (today or ref.first_day()) - _dt.timedelta(days=7 if w.startswith(("先週", "last")) else 0)
        return PDate(base.year, base.month)
    years = {"今年": 0, "this year": 0, "earlier this year": 0, "later this year": 0, "年内": 0,
             "昨年": -1, "去年": -1, "last year": -1, "来年": 1, "next year": 1}
    if w in years:
        return PDate(ref.year + years[w])
    days = {"今日": 0, "本日": 0, "today": 0, "昨日": -1, "yesterday": -1, "明日": 1, "tomorrow": 1}
    if w in days and today:
        return PDate.from_date(today + _dt.timedelta(days=days[w]))
    return None


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
_EN = [
    (re.compile(r"\b(?:19|20)\d{2}\s*(?:-|–|to)\s*(?:19|20)\d{2}\b"), "range"),
    (re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"), "ymd"),
    (re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})\b"), "ymd"),
    (re.compile(r"\b" + _MONTH + r",?\s+(?P<y>\d{4})\b"), "ym"),
    (re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\s*\d{4}))"), "md"),
    (re.compile(r"\b(?P<q>last|next|this|early|mid-?|late|in|until|by|during|of|before)\s+"
                + _MONTH + r"\b"), "m"),
    (re.compile(r"\b(?P<q>in|since|by|until|before|after|from|during|of|early|late|mid-?|end of|"
                r"the end of)\s+(?P<y>(?:19|20)\d{2})\b(?![,\d])"), "y"),
    (re.compile(r"\b(?:the\s+)?(?:end of (?:the|this) year|year-end)\b", re.IGNORECASE), "yearend"),
    (re.compile(r"\b(?:earlier this month|later this month|this month|last month|next month|earlier this year|"
                r"later this year|this year|last year|next year|yesterday|today|tomorrow|last week|"
                r"this week|the past week|recently)\b", re.IGNORECASE), "rel"),
]


def find_dates(sentence: str, ref: PDate, language: str) -> list[DateMention]:
    """Every date expression in the sentence, in order, without overlaps."""
    text = sentence.translate(_DIGITS)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    for pattern, form in (_JA if language == "ja" else _EN):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            date, relative = _resolve(m, form, ref, bool(_FUTURE.search(_clause(text, m.start(), m.end()))),
                                      language)
            if form == "range":
                taken.append((m.start(), m.end()))
            if date is None:
                continue
            start = m.start("mon") if form == "m" and language != "ja" and m.group("q").lower() in (
                "in", "of", "during") else m.start()
            deadline = bool(_DEADLINE_BEFORE.search(text[:start]) or _DEADLINE_AFTER.match(text[m.end():])
                            or (form in ("m", "y") and m.groupdict().get("q", "").lower() in ("by", "until", "before"))
                            or m.group() == "年内")
            taken.append((m.start(), m.end()))
            found.append(DateMention(m.start(), m.end(), sentence[m.start():m.end()], date, relative, deadline))
    return sorted(found, key=lambda d: d.start)


_CLAUSE_BREAK = re.compile(r"[、。,;:]|\s(?:and|but|while|whereas)\s")


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a date: the tense that places "in March" is its own clause's."""
    breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    left = max(b for b in breaks if b <= start)
    right = min([m.start() for m in _CLAUSE_BREAK.finditer(text) if m.start() >= end] or [len(text)])
    return text[left:right]


def _resolve(m: re.Match, form: str, ref: PDate, future: bool, language: str) -> tuple[PDate | None, bool]:
    groups = m.groupdict()
    month = _MONTHS[groups["mon"].lower().rstrip(".")] if groups.get("mon") else (
        int(groups["m"]) if groups.get("m") else None)
    if form == "range":
        return None, False
    if form == "yearend":
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
                year = _infer_year(month, ref, future or q in ("by", "until", "before"))
            return PDate(year, month), True
        return _relative(m.group(), ref), True
    except DateError:
        return None, False
