"""Round 34 of issue 22 (after heldout40's first run): "by June" told in the past is when something was reached;
an irregular past ("hit" after a subject in the singular) tells a month of an outlook's year before it.

"Prices fell into the $40s during the first quarter … before rising into the $60s by June, only to drop again": a
month after "by" is a deadline when the clause looks ahead ("will be done by June": no event), but in a clause told
in the past with nothing ahead in it, it is when the level was reached: an event of that month (was no event).
"""

from __future__ import annotations

import re

from tracker.ingest.datetense import IRREGULAR_PAST, IRREGULAR_PAST_TOLD, NOT_PAST_ED

# a verb in the past, not a participle before its noun ("continued labour shortages", "prolonged glitches")
_TOLD_PAST = re.compile(r"\b(?:was|were|had|" + IRREGULAR_PAST_TOLD + r"|" + NOT_PAST_ED + r"[a-z]{2,}ed(?=\s+(?:the|a|an|to|"
                        r"into|by|in|on|at|from|for|with|over|under|up|down|back|out|off|again|sharply|its|his|her|their|"
                        r"our|\d|\$)\b|\s*[,.;]|\s*$))\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|won't|would|shall|going\s+to|should|could|may|might|must|can|expects?|expected|aims?|"
                    r"plans?|hopes?|needs?|wants?|is|are|am|'s|'re|has|have|if|unless|when|to\s+[a-z]+)\b", re.IGNORECASE)


def reached_by(clause: str, date_text: str) -> bool:
    """"by <month>" in ``clause`` told in the past, with nothing ahead in it: when it was reached, no deadline."""
    rest = clause.replace(date_text, " ")
    return bool(_TOLD_PAST.search(rest)) and not _AHEAD.search(rest)


# "In December the industry hit a new low": a verb whose past is its base, after a subject in the singular
_SINGULAR_PAST = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their|our)\s+[a-z]+(?<!s)\s+(?:" +
                            "|".join(sorted(k for k, v in IRREGULAR_PAST.items() if k == v)) + r")\b", re.IGNORECASE)


def irregular_past(text: str) -> bool:
    """``text`` tells of the past with an irregular verb ("fell", "rose", "won"; "hit", "cut" after a subject in
    the singular, whose present would end in -s)."""
    return bool(re.search(r"\b(?:" + IRREGULAR_PAST_TOLD + r")\b", text, re.IGNORECASE) or _SINGULAR_PAST.search(text))
