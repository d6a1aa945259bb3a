"""Round 35: an occasion named right before its date ("the parliamentary elections in the autumn", "the
parliamentary elections of October 2019", "the vote on 8 June") is an event even inside a call, as "the 2024
presidential elections" (the date before the noun, :func:`tracker.ingest.eventdates_en.occasion_named_by`)
already was: the call's date is a frame, the occasion's is its own."""

from __future__ import annotations

import re

from tracker.ingest.eventdates_en import OCCASION
from tracker.ingest.mentions import DateMention

_NOUN_BEFORE = re.compile(r"(?P<noun>[A-Za-z][\w'-]*)\s+(?:(?:held|due|set|scheduled|planned|slated)\s+)?"
                          r"(?:(?:in|of|on|for|this|next)\s+)?(?:the\s+)?$")
_LEAD = re.compile(r"(?:in|of|on|for|this|next)\b", re.IGNORECASE)


def occasion_before(sentence: str, mention: DateMention) -> bool:
    """Whether an occasion's noun stands right before ``mention`` ("elections in the autumn")."""
    before = _NOUN_BEFORE.search(sentence[:mention.start])
    if before is None:
        return False
    joined = before.group() != before["noun"] + " " or _LEAD.match(mention.text)  # "elections in…", "elections of…"
    return bool(joined) and bool(OCCASION.fullmatch(before["noun"]))
