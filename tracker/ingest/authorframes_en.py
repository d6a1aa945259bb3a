"""Round 30 of issue 22 (after heldout36's first run): frames of the author's own that the clause reader did not read.

- The author's fear: "I am afraid that what is a big moment now (and the talks are a significant development) will be a
  laughable occasion 10 years from now" gave no call: "I am afraid (that)", "I'm afraid", "I fear that", "We fear
  that" were read by no frame ("I fear the talks will fail" was, without "that"). The clause after it is the call, when
  it says what will be ("I'm afraid I can't come" is none). A past fear ("Voters feared that…") stays with
  :mod:`tracker.ingest.notcalls_en`.
- The author's expectation in the conditional: "I would expect Kim Jong Un to ask that joint drills be scaled back"
  was credited to "I would" (a forecaster named so) or, after "For example,", worded "I will expect Kim Jong Un to…";
  "I'd expect prices to rise", "I would think the Fed will hike", "I'd imagine the talks will fail", "I would guess
  that turnout will be low" gave no call. "I (we) would ('d) expect (think, imagine, guess, anticipate, predict,
  suspect, reckon, bet)" is read as the present ("I expect…"), the author's call.

Both are given to the clause reader worded as the frame it knows, and the calls it finds are the sentence's.
"""

from __future__ import annotations

import re

_LEAD = r"(?P<lead>(?:(?:but|and|so|yet|still|sadly|unfortunately|frankly|for\s+example|for\s+instance|personally|honestly)\s*,?\s+)*)"
_FEAR = re.compile(r"^" + _LEAD + r"(?:(?:I\s+am|I'm|I’m|we\s+are|we're|we’re)\s+(?:\w+ly\s+)?afraid\s+(?:that\s+)?|"
                   r"(?:I|we)\s+(?:\w+ly\s+)?fear\s+that\s+)", re.IGNORECASE)
_WOULD = re.compile(r"^" + _LEAD + r"(?P<who>I|we)\s*(?:would|'d|’d)\s+(?:\w+ly\s+)?(?P<verb>expect|think|imagine|guess|anticipate|"
                    r"predict|suspect|reckon|bet)\b\s*", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|won't|shall|is\s+going\s+to|are\s+going\s+to)\b")


def as_known_frame(sentence: str) -> tuple[str, str] | None:
    """``sentence`` worded with a frame the clause reader knows, and the frame as written; None when it has none of
    the frames above (or, for a fear, nothing after it says what will be)."""
    text = sentence.strip()
    found = _FEAR.match(text)
    if found:
        if not _AHEAD.search(text[found.end():]):
            return None
        return f"{found['lead'] or ''}I think that {text[found.end():]}", "afraid" if "afraid" in found.group() else "fear"
    found = _WOULD.match(text)
    if found:
        return f"{found['who']} {found['verb'].lower()} {text[found.end():]}", f"would {found['verb'].lower()}"
    return None
