"""Dates that keep the precision they were given: a year, a month or a day.

"May 2025" is a month, never May 1st: a :class:`PDate` stores only the parts
that were given. One parser, :func:`parse_date`, serves the CLI, import and
article ingestion. It handles ISO-like and Japanese forms itself (fast, no
import cost) and hands English month names to python-dateutil, guarding
against dateutil's habit of filling missing parts from a default date.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field

from tracker.domain.errors import TrackerError

PRECISIONS = ("year", "month", "day")
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")  # English whatever the locale (calendar's follow it)


def _month_days(year: int, month: int) -> int:
    """How many days the month has (calendar.monthrange without importing calendar and locale)."""
    if month == 12:
        return 31
    return (_dt.date(year, month + 1, 1) - _dt.timedelta(days=1)).day


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class DateError(TrackerError, ValueError):
    """A text that is not a date this tracker can read."""


@dataclass(frozen=True, slots=True)
class PDate:
    """A calendar date at year, month or day precision."""

    year: int
    month: int | None = None
    day: int | None = None
    # Worked out once, when the date is made: a large file's records share a few thousand dates,
    # and writing or sorting them asks for their stored form and their hash again and again
    # (the hash dataclasses writes builds a tuple each time).
    _text: str = field(init=False, repr=False, compare=False)
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise DateError(f"year {self.year} is out of range")
        if self.month is None:
            if self.day is not None:
                raise DateError("a day needs a month")
        elif not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} is not between 1 and 12")
        elif self.day is not None:
            last = _month_days(self.year, self.month)
            if not 1 <= self.day <= last:
                raise DateError(
                    f"day {self.day} does not exist in {_MONTH_NAMES[self.month - 1]} {self.year}"
                )
        object.__setattr__(self, "_text", self._format_iso())
        # Of ints only (no month or day is 0): the same in every process, as a pickled copy needs
        # (hash(None) is its address before Python 3.12).
        object.__setattr__(self, "_hash", hash((self.year, self.month or 0, self.day or 0)))

    def __hash__(self) -> int:
        return self._hash

    @classmethod
    def from_date(cls, value: _dt.date) -> PDate:
        return cls(value.year, value.month, value.day)

    @classmethod
    def today(cls) -> PDate:
        return cls.from_date(_dt.date.today())

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> _dt.date:
        """The first calendar day this date covers."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        """The last calendar day this date covers (a month ends on its last day)."""
        return _last_day(self)

    def _compute_last_day(self) -> _dt.date:
        if self.day is not None:
            return _dt.date(self.year, self.month, self.day)
        if self.month is not None:
            return _dt.date(self.year, self.month, _month_days(self.year, self.month))
        return _dt.date(self.year, 12, 31)

    def plus_years(self, years: int) -> PDate:
        """The same date ``years`` later, at the same precision (29 Feb becomes 28 Feb)."""
        day = self.day
        if day == 29 and self.month == 2 and not _leap(self.year + years):
            day = 28
        return PDate(self.year + years, self.month, day)

    def contains(self, day: _dt.date) -> bool:
        return self.first_day() <= day <= self.last_day()

    def sort_key(self) -> tuple[int, int]:
        """Chronological order; a coarser date sorts before the finer ones it contains."""
        return _sort_key(self)

    def end_sort_key(self) -> tuple[int, int]:
        """Order by when the period ends (a deadline: ``2027`` is due after ``June 2027``); on the
        same last day a finer date first (``31 Dec 2027``, ``December 2027``, ``2027``)."""
        return _end_sort_key(self)

    def iso(self) -> str:
        """The stored form: ``2025``, ``2025-05`` or ``2025-05-23``."""
        return self._text

    def _format_iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def human(self) -> str:
        """The displayed form: ``2025``, ``May 2025`` or ``15 Mar 2025``."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{_MONTH_NAMES[self.month - 1]} {self.year}"
        return f"{self.day} {_MONTH_ABBR[self.month - 1]} {self.year}"

    def __str__(self) -> str:
        return self.iso()

    def __lt__(self, other: PDate) -> bool:
        return self.sort_key() < other.sort_key()

    def __le__(self, other: PDate) -> bool:
        return self.sort_key() <= other.sort_key()

    def __gt__(self, other: PDate) -> bool:
        return self.sort_key() > other.sort_key()

    def __ge__(self, other: PDate) -> bool:
        return self.sort_key() >= other.sort_key()


@functools.lru_cache(maxsize=65536)
def _last_day(date: PDate) -> _dt.date:
    # Cached like _sort_key: `list --status overdue` and the counts ask for every pending record.
    return date._compute_last_day()


@functools.lru_cache(maxsize=65536)
def _sort_key(date: PDate) -> tuple[int, int]:
    # Cached: sorting 100k records asks for the same few thousand keys again and again.
    return (date.first_day().toordinal(), PRECISIONS.index(date.precision))


@functools.lru_cache(maxsize=65536)
def _end_sort_key(date: PDate) -> tuple[int, int]:
    return (date.last_day().toordinal(), 2 - PRECISIONS.index(date.precision))


_ISO = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
_STORED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# 2025年, 2025年5月, 2025年5月上旬 (early May: still a month), 2025年3月15日
_JAPANESE = re.compile(
    r"(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日|\s*(?:上旬|中旬|下旬|初め|初旬|末|頃|ごろ))?)?"
    r"(?:頃|ごろ)?"
)
_RELATIVE_DAYS = {"today": 0, "今日": 0, "本日": 0, "yesterday": -1, "昨日": -1, "tomorrow": 1, "明日": 1}
_EXAMPLES = "try 2025-03-15, 2025-05, 2025, 15 Mar 2025, May 2025 or 2025年5月"


def parse_stored(text: str) -> PDate:
    """Parse the canonical stored form (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) only."""
    if not isinstance(text, str):
        raise DateError(f"{text!r} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")
    return parse_stored_text(text)


@functools.lru_cache(maxsize=65536)
def parse_stored_text(text: str) -> PDate:
    """:func:`parse_stored` of a text, cached: a large file repeats the same few thousand dates,
    and PDate is immutable. Anything but text raises TypeError (or DateError)."""
    match = _STORED.fullmatch(text)
    if not match:
        raise DateError(f"{text!r} is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")
    return _from_parts(*match.groups())


def parse_date(text: str, today: _dt.date | None = None) -> PDate:
    """Read a date as people type it, keeping the precision that was given.

    Raises :class:`DateError` with a one-line reason for anything else.
    """
    if not isinstance(text, str) or not text.strip():
        raise DateError("empty date")
    cleaned = unicodedata.normalize("NFKC", text).strip()
    lowered = cleaned.lower()
    if lowered in _RELATIVE_DAYS:
        base = today or _dt.date.today()
        return PDate.from_date(base + _dt.timedelta(days=_RELATIVE_DAYS[lowered]))
    for pattern in (_ISO, _JAPANESE):
        match = pattern.fullmatch(cleaned)
        if match:
            try:
                return _from_parts(*match.groups()[:3])
            except DateError as exc:
                raise DateError(f"invalid date {text!r}: {exc}") from None
    if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", cleaned):
        raise DateError(f"invalid date {text!r}: {_EXAMPLES}")
    return _parse_with_dateutil(text, cleaned)


def _from_parts(year: str, month: str | None, day: str | None) -> PDate:
    return PDate(int(year), int(month) if month else None, int(day) if day else None)


_TIME = re.compile(r"\d:\d")
_NUMERIC_SEPARATORS = re.compile(r"\d\s*[-/.]\s*\d")
_WEEKDAY = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)


_TOKEN = re.compile(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th)?|,|\S", re.IGNORECASE)
_DAY = re.compile(r"\d{1,2}(?:st|nd|rd|th)?", re.IGNORECASE)


def _stray_word(cleaned: str) -> str | None:
    """The first token of an English date that is not a month, a day, a four-digit year or a
    comma (``of`` only in "15th of May")."""
    tokens = _TOKEN.findall(cleaned)
    for i, token in enumerate(tokens):
        if token == "," or _FOUR_DIGIT_YEAR.fullmatch(token) or _DAY.fullmatch(token) \
                or _MONTH_WORD.fullmatch(token.rstrip(".")):
            continue
        if token.lower() == "of" and 0 < i < len(tokens) - 1 and _DAY.fullmatch(tokens[i - 1]) \
                and _MONTH_WORD.fullmatch(tokens[i + 1].rstrip(".")):
            continue
        return token
    return None


def _parse_with_dateutil(original: str, cleaned: str) -> PDate:
    # dateutil is lenient: it drops a weekday, reads "25" as 2025 and "10:30" as a time, and
    # mixes forms ("May 2025-05"). A date here names its year in full and nothing else.
    if not re.search(r"\d", cleaned):
        raise DateError(f"invalid date {original!r}: {_EXAMPLES}")
    years = _FOUR_DIGIT_YEAR.findall(cleaned)
    if len(years) > 1:
        raise DateError(f"invalid date {original!r}: more than one year in it")
    if _TIME.search(cleaned):
        raise DateError(f"invalid date {original!r}: a time is not a date")
    if _WEEKDAY.search(cleaned):
        raise DateError(f"invalid date {original!r}: give the date, not the weekday")
    if _NUMERIC_SEPARATORS.search(cleaned):
        raise DateError(f"invalid date {original!r}: ambiguous; write it as 2025-03-15")
    if not years:
        if re.fullmatch(r"\d{5,}", cleaned):
            raise DateError(f"invalid date {original!r}: {_EXAMPLES}")
        raise DateError(f"invalid date {original!r}: no year given (in full: 2025, not 25)")
    stray = _stray_word(cleaned)
    if stray:  # dateutil skips words it does not know ("2025 AD", "of 2025") and signs ("-2025")
        raise DateError(f"invalid date {original!r}: {stray!r} is not part of a date ({_EXAMPLES})")
    # dateutil fills every missing part from its default date. Parsing twice
    # with defaults that differ in every part shows which parts the text gave.
    from dateutil import parser as dateutil_parser

    first_default = _dt.datetime(2000, 1, 1)
    second_default = _dt.datetime(2001, 12, 28)
    try:
        first = dateutil_parser.parse(cleaned, default=first_default)
        second = dateutil_parser.parse(cleaned, default=second_default)
    except (ValueError, OverflowError):
        raise DateError(f"invalid date {original!r}: {_EXAMPLES}") from None
    has_year = first.year == second.year
    has_month = first.month == second.month
    has_day = first.day == second.day
    if not has_year:
        raise DateError(f"invalid date {original!r}: no year given")
    if has_month and not _MONTH_WORD.search(cleaned):
        raise DateError(f"invalid date {original!r}: write the month as a word (May 2025) or as 2025-05")
    if has_day and not has_month:
        raise DateError(f"invalid date {original!r}: a day without a month")
    try:
        return PDate(first.year, first.month if has_month else None, first.day if has_day else None)
    except DateError as exc:
        raise DateError(f"invalid date {original!r}: {exc}") from None
