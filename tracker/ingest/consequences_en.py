"""Round 36 (after heldout42's first run): a present consequence hung on a call with ", which is why" (", hence why",
", and that is why") is no part of the call's claim. "The Kremlin will never forget the strategic favor that India did
for it…, which is why it is inclined to keep up the pace of its discounted exports" was one claim, so long that it
restated the title ("Russia Will Keep Up The Pace Of Oil Exports To India…"), which was then left out as said in the
body. The consequence, when it holds no modal of its own, is set off as a clause of its own ("; that is why …") before
the sentence is read (by :func:`tracker.ingest.frames_en.prepare`): the call ends where its consequence begins.
"""

from __future__ import annotations

import re

_CONSEQUENCE = re.compile(r",\s+(?:which\s+is|and\s+that(?:'s|\s+is)|hence)\s+(?:(?:precisely|exactly|partly|also|probably)\s+)?why\s+"
                          r"(?P<rest>[^;]+)$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|won't|would|wouldn't|could|may|might|should|shall|going\s+to|likely|unlikely|expect\w*|"
                    r"predict\w*|bound\s+to|set\s+to|poised\s+to|about\s+to)\b|'ll\b", re.IGNORECASE)
_CALL = re.compile(r"\b(?:will|won't|going\s+to|likely|unlikely|expect\w*)\b|'ll\b", re.IGNORECASE)


def reword(text: str) -> str:
    """``text`` with a present consequence of its call set off (see the module's docstring)."""
    found = _CONSEQUENCE.search(text)
    if not found or _MODAL.search(found["rest"]) or not _CALL.search(text[:found.start()]):
        return text
    return f"{text[:found.start()]}; that is why {found['rest']}"
