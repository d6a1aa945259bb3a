"""Round 35: "over the weekend", "during the weekend", "this past weekend" are the weekend gone by
(:func:`tracker.ingest.dates_en.weekend` resolves them so, whatever the tense); dated to its month, it
still tells of what was done, even when the month runs past the article's day and the sentence holds a
modal of its own ("45 million people took part in a strike over the weekend against reforms that
would raise the retirement age")."""

from __future__ import annotations

import re

from tracker.ingest.mentions import DateMention

_GONE_BY = re.compile(r"(?:over|during|at|on|this\s+past|the\s+past|last)\s+(?:the\s+)?weekend\b", re.IGNORECASE)


def weekend_gone_by(mention: DateMention) -> bool:
    """Whether ``mention`` is a weekend that is over by the article's day."""
    return bool(_GONE_BY.match(mention.text.strip()))
