"""Round 37 of issue 22 (after heldout43's first run): a "will" inside an indirect question that a verb of predicting,
knowing or telling governs is what is asked, not what the author expects.

"Nobody can predict with any degree of certainty who the next US President will be." and "It is more accurate to talk
about what is at stake than to predict how it will turn out" were proposed as calls ("…who the next US President will
be", "…how it will turn out"). The family: "(can't) predict / foresee / forecast / tell / say / know / guess / judge /
determine / be sure (of) …" then, after a few words of manner ("with any degree of certainty", "at this stage"), a
wh-clause ("who", "what", "which", "how", "when", "where", "whether", "if"): a call whose "will" lies in that clause is
none. A "will" outside it stays ("Nobody knows when, but the Fed will cut": the call is after the comma).
"""

from __future__ import annotations

import re

from tracker.ingest.hedgespan import Call

_KNOWING = (r"predict|foresee|forecast|tell|say|know|guess|judge|gauge|determine|anticipate|work\s+out|figure\s+out|"
            r"be\s+(?:sure|certain)(?:\s+(?:of|about))?|(?:is|are|it's|remains?)\s+(?:unclear|uncertain|not\s+clear)")
# the verb in any form ("predicting", "predicted", "says"), a few words of manner, then the wh-clause up to a stop
_ASKED = re.compile(r"\b(?:" + _KNOWING + r")(?:s|es|ed|ing)?\b(?P<manner>(?:\s+(?!that\b)[\w'-]+){0,7}?)\s+"
                    r"(?P<q>(?:who|whom|what|which|how|when|where|whether|if)\b[^,;:.!?]*)", re.IGNORECASE)
# words that make a clause a forecast of its own
_FORECAST = re.compile(r"\b(?:odds|likely|probably|chances?|expect\w*|will|won't|bound\s+to|set\s+to|going\s+to)\b",
                       re.IGNORECASE)
_MANNER_STOP = re.compile(r"\b(?:will|would|won't|shall|is|are|was|were|be)\b", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def asked_after_knowing(sentence: str, call: Call) -> bool:
    """Whether ``call``'s "will" (the words after it) lies in a wh-clause a verb of predicting or knowing governs."""
    after = call.claim.split(" will ", 1)
    if len(after) < 2:
        return False
    head = _words(after[1])[:2]
    if not head:
        return False
    for found in _ASKED.finditer(sentence):
        if _MANNER_STOP.search(found["manner"] or ""):
            continue  # "say the market will…": a clause of its own, not words of manner
        question = " ".join(_words(found["q"]))
        if re.search(r"\bwill\b|'ll\b|\bgoing\s+to\b", found["q"]) and " ".join(head) in question:
            # A claim that goes on past the question holds a call of its own there ("Only Apple knows when the
            # models will be released, but the odds are that the launch is weeks away": the odds are the call).
            rest = sentence[found.end():]
            beyond = _words(rest)[:4]
            if len(beyond) >= 3 and " ".join(beyond) in " ".join(_words(call.claim)) and _FORECAST.search(rest):
                continue
            return True
    return False


def without_asked_after_knowing(sentence: str, calls: list[Call]) -> list[Call]:
    """``calls`` without those read from such an indirect question."""
    return [c for c in calls if not asked_after_knowing(sentence, c)]
