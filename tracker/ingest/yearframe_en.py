"""Dates whose year the sentence gives, not the article (round 20, after heldout26's first run), for
:func:`tracker.ingest.storyyear_en.story_year`:

- a month told without a year after a year the same sentence named ("in 2010 they made sure unemployment was 9.4% in
  October"): that year's month, not the October nearest the article, when nothing between looks ahead;
- "the first half of the year", "the second half of the year": the half told of the past is the last one that has
  ended or begun by the article's date ("The economy shrank in the first half of the year" written in January 2023 is
  2022), the one told ahead the next one to come; at a year's precision, as a quarter is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.mentions import DateMention

_MONTH_ONLY = re.compile(r"^(?:(?:in|during|by|since|until|last|this|early|late|mid|the\s+end\s+of)[\s-]+)*"
                         r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(?:(?:in|during|since|of)\s+)?(?:19|20)\d{2}$", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|'ll|would|shall|going to|next|coming|upcoming|scheduled|expected|due|plans?|hopes?)\b",
                    re.IGNORECASE)
_HALF = re.compile(r"\b(?:in|during|over|for|through)\s+the\s+(?P<which>first|second)\s+half\s+of\s+(?:the|this)\s+year\b",
                   re.IGNORECASE)


def year_of_month(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """A bare month read against the article, after a year named on its own earlier in the sentence: that year's."""
    out: list[DateMention] = []
    year: int | None = None
    for m in mentions:
        if not m.deadline and _YEAR_ONLY.match(m.text.strip()) and m.date.month is None:
            year, since = m.date.year, m.end
        elif year is not None and m.relative and not m.deadline and m.date.month and m.date.day is None and \
                _MONTH_ONLY.match(m.text.strip()) and not _AHEAD.search(sentence[since:m.start]):
            m = replace(m, date=PDate(year, m.date.month), relative=False)
        out.append(m)
    return out


def half_of_year(sentence: str, mentions: list[DateMention], ref: PDate | None) -> list[DateMention]:
    """"in the first half of the year" (not a date ``find_dates`` reads): the year of the half meant."""
    if ref is None or ref.month is None:
        return mentions
    out = list(mentions)
    for h in _HALF.finditer(sentence):
        if any(d.start < h.end() and h.start() < d.end for d in mentions):
            continue
        first, ahead = h["which"].lower() == "first", bool(_AHEAD.search(sentence))
        begun = ref.month >= (1 if first else 7)  # the half of the article's year has begun
        if ahead:
            year = ref.year + (1 if first and ref.month > 6 else 0)
        else:
            year = ref.year if begun and not (first and ref.month <= 6) else ref.year - 1
        out.append(DateMention(h.start(), h.end(), h.group(), PDate(year), False, False))
    return sorted(out, key=lambda d: d.start)
