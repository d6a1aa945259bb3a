"""Round 35: a time gone by told with a half ("almost two and a half years ago", "a year and a half ago",
"three and a half months ago"): so many units and a half back from the article's day, at the precision
the unit gives (a year's for years and decades, a month's for months and weeks), as "two years ago" is
the year two back. Its patterns join :data:`tracker.ingest.dates_en.EN` under the form "ago"."""

from __future__ import annotations

import datetime as _dt
import re

from tracker.domain.dates import PDate

_ABOUT = r"(?:(?:a little |slightly |just )?(?:more|less) than |about |nearly |almost |over |some |roughly )?"
_N = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_UNIT = r"(?P<unit>day|week|month|year|decade)"

PATTERNS = [
    # "two and a half years ago"
    (re.compile(r"\b" + _ABOUT + _N + r" and (?P<half>a half) " + _UNIT + r"s? ago\b", re.IGNORECASE), "ago"),
    # "a year and a half ago"
    (re.compile(r"\b" + _ABOUT + r"(?P<n>a|an|one) " + _UNIT + r" and (?P<half>a half) ago\b", re.IGNORECASE), "ago"),
]


def back(n: int, unit: str, day: _dt.date) -> PDate:
    """``n`` units and a half before ``day``."""
    if unit in ("year", "decade"):
        months = (n * 12 + 6) * (10 if unit == "decade" else 1)
        y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
        return PDate(y)
    if unit == "month":
        y, m = divmod(day.year * 12 + day.month - 1 - n, 12)
        then = _dt.date(y, m + 1, 1) + _dt.timedelta(days=min(day.day, 28) - 1) - _dt.timedelta(days=15)
        return PDate(then.year, then.month)
    then = day - _dt.timedelta(days=n * 7 + 3 if unit == "week" else n)
    return PDate(then.year, then.month)
