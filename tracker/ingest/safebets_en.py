"""Round 34 of issue 22 (after heldout40's first run): a call said as a safe bet, after an admission that nobody
knows, or as something "in the cards".

- An admission of uncertainty before "but" ("Nobody knows for sure where oil prices will head next, but X",
  "No one can say what the Fed will do, but X"): a preface, no part of the call; the call is what follows "but"
  (the whole sentence was the claim, its "will head next" the call's verb).
- A frame of safe judgement ("It is safe to say that X", "it's fair to assume that X", "It is a safe bet that X"):
  the author's confident call that X (was credited to "It", read as a speaker that says, or kept whole, so its
  "say that" hid the claim's negation from the reversal check).
- What is (not) "in the cards" or "on the cards" ("$85 WTI is not in the cards for 2015", "Higher rates are in the
  cards next year"): X will (not) happen (a noun phrase with no article before it gave no call, its negation none).
The sentence is said plainly before its calls are found; the calls keep the whole sentence as their place.
"""

from __future__ import annotations

import re

_WH = r"(?:where|what|how|when|whether|if|which|who|why|how\s+(?:much|many|far|long|high|low))"
# "Nobody knows for sure where X will head next, but", "No one can say what the Fed will do, but"
_NOBODY_KNOWS = re.compile(r"^\s*(?:nobody|no\s+one|no-one|none\s+of\s+us)\s+(?:really\s+)?(?:knows?|can\s+(?:say|know|tell|"
                           r"predict)|is\s+sure)\s+(?:(?:for\s+(?:sure|certain)|exactly|precisely|yet)\s+)?" + _WH +
                           r"\b[^;:]{3,160}?,\s+but\s+(?=\S)", re.IGNORECASE)
# "it is safe to say that", "It's fair to assume that", "It is a safe bet that", "it is safe to predict that"
_SAFE_FRAME = re.compile(r"^\s*(?:it\s+is|it's|it\s+seems|it\s+looks)\s+(?:(?:pretty|quite|fairly|very|reasonably)\s+)?"
                         r"(?:(?:safe|fair|reasonable)\s+to\s+(?:say|assume|predict|bet|expect|conclude)|a\s+(?:safe|good|sure)\s+bet)"
                         r"\s+that\s+(?=\S)", re.IGNORECASE)
# "X is not in the cards for 2015", "Higher rates are on the cards next year"
_CARDS = re.compile(r"^(?P<np>[^,;:]{2,100}?)\s+(?P<be>is|are)\s+(?P<neg>(?:not|no\s+longer|hardly)\s+)?(?:in|on)\s+the\s+cards"
                    r"(?P<tail>\s+(?:for|in|this|next|before|by|during|until|over)\b[^,;:.!?]{1,40})?\s*(?P<end>[.!]?)\s*$",
                    re.IGNORECASE)


def _cards(sentence: str) -> str | None:
    found = _CARDS.match(sentence)
    if not found or re.match(r"(?:it|this|that|what|which|nothing|something|anything)\b", found["np"], re.IGNORECASE):
        return None
    tail = found["tail"] or ""
    tail = re.sub(r"^\s+for\b", " in", tail, flags=re.IGNORECASE)  # "not in the cards for 2015": not in 2015
    verb = "will not happen" if found["neg"] else "will happen"
    return f"{found['np']} {verb}{tail}{found['end'] or '.'}"


def said_plainly(sentence: str) -> str | None:
    """``sentence`` without its admission that nobody knows and its frame of safe judgement, and what is (not) in
    the cards said as what will (not) happen; None when none of them is there."""
    text, changed = sentence, False
    for pattern in (_NOBODY_KNOWS, _SAFE_FRAME):
        found = pattern.match(text)
        if found:
            text, changed = text[found.end():], True
            text = text[:1].upper() + text[1:]
    cards = _cards(text)
    if cards is not None:
        text, changed = cards, True
    return text if changed else None
