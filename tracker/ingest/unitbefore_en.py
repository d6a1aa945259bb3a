"""Round 34 of issue 22 (after heldout40's first run): "the year (month, week) before" that is no date.

"Prices fell into the $40s during the first quarter of the year before rising into the $60s by June": the "before"
begins what came next ("before rising"), so "the year" is the year the text is in, not the one before the last date
named (the event was put a year back, in 2014, and the quarter's own year lost). When "before" (or "after") goes on
to a clause or a noun phrase of its own ("the year before rising", "the month before the vote", "the week after it
ended"), the time is counted from that, which the text does not date: no date of the last one named, moved back.
"""

from __future__ import annotations

import re

# what "before"/"after" goes on to: a gerund, a determiner or a pronoun that begins a phrase or clause of its own
_GOES_ON = re.compile(r"\s+(?:[a-z]{2,}ing|being|the|a|an|his|her|its|their|our|my|your|this|these|those|it|he|she|they|we|"
                      r"I|you|(?-i:[A-Z])[\w'-]+)\b", re.IGNORECASE)
_UNIT_BEFORE = re.compile(r"\b(?:week|month|year)\s+(?:before|after)$", re.IGNORECASE)


def begins_a_clause(sentence: str, start: int, end: int) -> bool:
    """The "the year before" (after) at ``start``:``end`` goes on to what it is before (after), not a date."""
    return bool(_UNIT_BEFORE.search(sentence[start:end])) and bool(_GOES_ON.match(sentence[end:]))
