"""Round 30 of issue 22 (after heldout36's first run): the author's fear as the frame of a call.

"I am afraid that what is a big moment now (and the talks are a significant development) will be a laughable occasion
10 years from now" gave no call: "I am afraid (that)", "I'm afraid", "I fear that", "We fear that" were read by no
frame ("I fear the talks will fail" was, without "that"). The frame is the author's own, as "I think that": the clause
after it is the call, when it says what will be ("I'm afraid I can't come" is none). A past fear ("Voters feared that…")
stays with :mod:`tracker.ingest.notcalls_en`.
"""

from __future__ import annotations

import re

_FEAR = re.compile(r"^(?P<lead>(?:(?:but|and|so|yet|still|sadly|unfortunately|frankly)\s*,?\s+)*)"
                   r"(?:I\s+am|I'm|I’m|we\s+are|we're|we’re)\s+(?:\w+ly\s+)?afraid\s+(?:that\s+)?|"
                   r"^(?P<lead2>(?:(?:but|and|so|yet|still|sadly|unfortunately|frankly)\s*,?\s+)*)"
                   r"(?:I|we)\s+(?:\w+ly\s+)?fear\s+that\s+", re.IGNORECASE)


def as_thought(sentence: str) -> str | None:
    """``sentence`` with the author's fear worded as "I think that", for the clause reader; None when it has no such
    frame or nothing after it says what will be."""
    found = _FEAR.match(sentence.strip())
    if not found or not re.search(r"\b(?:will|won't|shall|is\s+going\s+to|are\s+going\s+to)\b", sentence[found.end():]):
        return None
    lead = found["lead"] or found["lead2"] or ""
    return f"{lead}I think that {sentence.strip()[found.end():]}"
