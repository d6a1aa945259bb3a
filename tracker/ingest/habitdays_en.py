"""Round 35: a day named as a habit ("Every Friday, clients can put forward questions", "each Monday") or the present
named as a state ("what is today the Indian state of Jammu and Kashmir", "what is now Pakistan's territory") dates
no event: the weekday was read as the article's own Friday, "today" as its day."""

from __future__ import annotations

import re

from tracker.ingest.mentions import DateMention

_EVERY = re.compile(r"\b(?:every|each)\s+(?:single\s+)?$", re.IGNORECASE)
_STATE = re.compile(r"\bwhat\s+(?:is|are|was|were)\s+$", re.IGNORECASE)


def habit_or_state(sentence: str, mention: DateMention) -> bool:
    """Whether ``mention`` is a weekday told as a habit or "today" naming what something now is."""
    before = sentence[:mention.start]
    if _EVERY.search(before) and re.match(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", mention.text):
        return True
    return bool(_STATE.search(before)) and mention.text.lower() in ("today", "now", "nowadays")
