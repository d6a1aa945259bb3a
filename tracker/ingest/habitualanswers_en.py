"""Round 36 (after heldout42's first run): the answer to "what usually happens when …?" tells what tends to happen, no
call. "So what usually happens when interest rate hikes begin? Bull markets may stumble. Bond yields will climb. The
economy could slip into a recession…" gave three calls of the author. The question is carried over the sentences that
answer it (by :func:`tracker.ingest.leadlists_en.carried`) while they stay short and impersonal, and those sentences give
no call (:func:`tracker.ingest.leadlists_en.find_calls`); a sentence in the first person, or one that turns to the case
at hand ("this time", "now"), ends the answer.
"""

from __future__ import annotations

import re

_HABITUAL_QUESTION = re.compile(r"^(?:\w+,\s+)?(?:so|and|but|now)?,?\s*what\s+(?:\w+\s+)?(?:usually|typically|normally|generally|"
                                r"historically|tends\s+to|often|commonly)\s+happens?\s+(?:when|if|after|once|as)\b[^?]*\?$",
                                re.IGNORECASE)
_TURNS = re.compile(r"\b(?:I|I'm|I've|I'd|my|we|we're|we've|our|this\s+time|now|today|this\s+year|the\s+good\s+news)\b|\?",
                    re.IGNORECASE)


# a sentence that turns to the case at hand itself: "This time I expect…", "Now, X will…", "We think X will…"
_TURNS_HERE = re.compile(r"^(?:(?:but|and|so),?\s+)?(?:this\s+time|now|today|this\s+year|in\s+my\s+view|I|we)\b|"
                         r"\b(?:I|we)\s+(?:\w+\s+)?(?:expect|think|believe|predict|forecast|anticipate|suspect)\b", re.IGNORECASE)


def answers(previous: str, sentence: str = "") -> bool:
    """Whether ``sentence`` after ``previous`` answers a question of what usually happens (so gives no call)."""
    return bool(_HABITUAL_QUESTION.match(previous.strip())) and not _TURNS_HERE.search(sentence.strip())


def carries(previous: str, sentence: str) -> bool:
    """Whether the question ``previous`` is still being answered after ``sentence``."""
    return answers(previous) and len(sentence) < 160 and not _TURNS.search(sentence)
