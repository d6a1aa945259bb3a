"""Round 25 of issue 22 (after heldout31's first run): a weekday ahead read after the day a sequence opens.

"The Rams host the Bills on Thursday night to open week one. The Saints begin their season … on Sunday afternoon",
written on a Friday: the Sunday is the one after the opening Thursday (week one's), not the Sunday two days after the
article. When the sentence before named a day ahead of the article on which a season (a week, a series, a tournament,
a session…) opens, kicks off or begins, a bare weekday of the next sentence that looks ahead too and would fall between
the article and that opening is read in the week after, when that sentence tells an opening of its own too (a team
that begins its season, a round that starts): a sequence is told from its opening on. With no opening named the
nearest weekday stands ("The Fed meets on Wednesday. Retail sales come out on Tuesday."), and so does a day told
without one ("The festival opens on Thursday. Tickets go on sale on Sunday.": sales come before an opening).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.mentions import DateMention

_OPENING = re.compile(r"\b(?:kick(?:s|ed)?\s+off|open(?:s|ed)?|beg[ia]ns?|start(?:s|ed)?|launch(?:es|ed)?)\s+"
                      r"(?:[\w'-]+\s+){0,4}?(?:season|week|series|tournament|campaign|round|term|session|conference|"
                      r"festival|championship|playoffs|schedule|competition|league|games|cup)\b", re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:on\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?$",
                      re.IGNORECASE)


def after_opening(sentence: str, mentions: list[DateMention], previous: str, last: PDate | None,
                  ref: PDate | None) -> list[DateMention]:
    """``mentions`` of ``sentence``, a bare weekday ahead that falls before the opening day ``last`` the sentence before
    (``previous``) named a week on, when ``sentence`` tells an opening of the same sequence too (see the module's
    docstring)."""
    if ref is None or ref.day is None or last is None or last.day is None or not _OPENING.search(previous or "") \
            or not _OPENING.search(sentence):
        return mentions
    made, opening = ref.first_day(), last.first_day()
    if opening <= made or (opening - made).days > 7:
        return mentions
    out = []
    for mention in mentions:
        if mention.relative and mention.date.day and not mention.deadline and _WEEKDAY.match(mention.text.strip()) \
                and made < mention.date.first_day() < opening:
            mention = replace(mention, date=PDate.from_date(mention.date.first_day() + _dt.timedelta(days=7)))
        out.append(mention)
    return out
