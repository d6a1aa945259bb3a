"""Round 36 (after heldout42's first run): "There (now) seems to be a nearly 100% chance of an interest rate hike, with more
to come" is the author's call that there will be a hike; a chance given as a percentage of a noun was read only with a
word for it ("a good chance of X") or with a clause ("a 15% chance that X will V"). The percentage is worded as the hedge
it stands for before the sentence is read (by :func:`tracker.ingest.frames_en.prepare`): 85% or more "will very likely",
60% or more "will likely", 35% or more "could", less "is unlikely to be" (the claim then negated).
"""

from __future__ import annotations

import re

_PERCENT_OF = re.compile(r"\b(?P<there>[Tt]here)(?:'s|\s+(?P<adv>now\s+|currently\s+|still\s+)?(?:is|seems\s+to\s+be|appears\s+to\s+be))\s+"
                         r"(?:a|an)\s+(?P<about>(?:nearly|almost|about|roughly|around|close\s+to|over|more\s+than|some|less\s+than|"
                         r"under|only)\s+)?(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent)\s+(?:chance|probability|likelihood)\s+"
                         r"(?:of|for)\s+(?P<np>(?:an?|the|another|more|further|\d+)\b)", re.IGNORECASE)


def reword(text: str) -> str:
    """``text`` with a chance in percent of a noun worded as its hedge (see the module's docstring)."""
    found = _PERCENT_OF.search(text)
    if not found or not 0 <= float(found["n"]) <= 100:
        return text
    n = float(found["n"])
    if found["about"] and found["about"].strip().lower() in ("less than", "under", "only") and n >= 35:
        n = 34  # "less than a 50% chance of X": X is more likely not to come
    hedge = "will very likely be" if n >= 85 else "will likely be" if n >= 60 else "could be" if n >= 35 else "is unlikely to be"
    return f"{text[:found.start()]}{found['there']} {hedge} {found['np']}{text[found.end():]}"
