"""Dates around a thought told in hindsight (round 24): "In December last year nobody could have imagined that in 2022
Britain would change prime minister three times".

- The date of a thought no one had, or one told as what would have been ("In December nobody could have imagined…",
  "In 2019 I would have expected…"), is no event: the mention is left out (and does not make a year beside it a frame).
- What "nobody could have imagined / predicted / foreseen / guessed that …" is what happened, to everyone's surprise:
  a date in that complement is the event's, though a modal perfect comes before it ("a narrower win than I would have
  expected earlier in the year" stays no event).
"""

from __future__ import annotations

import re

from tracker.ingest.mentions import DateMention

_THOUGHT = r"(?:imagined|expected|predicted|foreseen|forecast|guessed|thought|believed|dreamed|dreamt|anticipated|known)"
# after the date: "(last year) nobody could have imagined", ", few would have predicted"
_THOUGHT_AFTER = re.compile(r"^(?:\s+(?:of\s+)?(?:this|last|next)\s+year|\s+the\s+year\s+(?:before\s+last|after\s+next))?"
                            r",?\s+(?:[\w'-]+\s+){1,3}?(?:would|could|might)(?:n't|\s+not)?\s+have\s+(?:\w+ly\s+)?"
                            + _THOUGHT + r"\b", re.IGNORECASE)
# before the date: "nobody could have imagined that (in 2022)"
_SURPRISE_BEFORE = re.compile(r"\b(?:nobody|no\s+one|none\s+of\s+us|few(?:\s+people)?|who)\s+(?:could|would|might)\s+have\s+"
                              r"(?:\w+ly\s+)?(?:imagined|predicted|foreseen|guessed|expected|thought)\s+that\s+[^,;]*$",
                              re.IGNORECASE)


def without_thought_time(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` without the dates of thoughts told in hindsight (see the module's docstring)."""
    return [m for m in mentions if not _THOUGHT_AFTER.match(sentence[m.end:])]


def came_true(sentence: str, mention: DateMention) -> bool:
    """Whether ``mention`` dates what "nobody could have imagined that …" tells: what happened."""
    return bool(_SURPRISE_BEFORE.search(sentence[:mention.start]))
