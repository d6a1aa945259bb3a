"""Round 19 (after heldout25's first run): dates a sentence names only to compare with, and the forecaster a
survey names.

"At a track that should suit Red Bull better than last week's, he could be the man to beat on Sunday": "last week"
is what the track is compared with; the sentence's event is Sunday's. A date right after "than" is left out when
the sentence names another date of its own.

Round 29 (heldout35): the year a habit is counted from ("Every year since 2009 I have begun by making predictions",
"each season since 2015") is no event: nothing happened then that the sentence tells of.

Round 30 (heldout36): years judged in a concession ("However unsettling 2020 and 2021 were, this coming year could…",
"no matter how bad 2022 was") are no events: the years are only what the sentence measures its claim against.
"""

from __future__ import annotations

import re

from tracker.ingest.mentions import DateMention

_THAN = re.compile(r"\b(?:better|worse|more|less|fewer|higher|lower|bigger|smaller|faster|slower|earlier|later|"
                   r"stronger|weaker|\w+er)\s+than\s+(?:(?:the|in|on|at|during|that\s+of|those\s+of)\s+)?$",
                   re.IGNORECASE)


def compared(sentence: str, mention: DateMention) -> bool:
    """Whether ``mention`` is told right after a comparative's "than" ("better than last week's")."""
    return bool(_THAN.search(sentence[:mention.start]))


def _before(sentence: str, mention: DateMention, others: list[DateMention]) -> str:
    """The text before ``mention`` with the other dates told in it left out (round 22: "3% lower from June to
    August 2022 than last summer": the comparative's "than" read past the period it measures)."""
    text = sentence[:mention.start]
    for other in sorted(others, key=lambda o: -o.start):
        if other.end <= mention.start:
            text = text[:other.start].rstrip() + text[other.end:]
    return text


_HABIT = re.compile(r"\b(?:every|each)\s+(?:single\s+)?(?:year|month|week|season|summer|winter|spring|autumn|fall|day|time)"
                    r"\s+(?:since\s+)?$", re.IGNORECASE)


_CONCEDED_YEARS = re.compile(r"\b(?:however|no\s+matter\s+how)\s+(?:\w+\s+){1,2}?(?P<years>(?:(?:the\s+)?(?:19|20)\d\d(?:'s)?"
                             r"(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s*(?:and|or)\s+)?)+)\s+(?:was|were|had\s+been|proved|seemed|"
                             r"felt|looked)\b", re.IGNORECASE)


def without_compared(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """The sentence's dates without those it only compares with, when one of its own is left; never the year a habit
    is counted from (round 29) nor years judged in a concession (round 30)."""
    for found in _CONCEDED_YEARS.finditer(sentence):
        mentions = [m for m in mentions if not (found.start("years") <= m.start and m.end <= found.end("years"))]
    mentions = [m for m in mentions if not (_HABIT.search(sentence[:m.start]) and
                                            (m.text.lower().startswith("since") or sentence[:m.start].rstrip().lower().endswith("since")))]
    own = [m for m in mentions if not compared(sentence, m)
           and not _THAN.search(_before(sentence, m, [o for o in mentions if o is not m]))]
    return own if own else mentions
