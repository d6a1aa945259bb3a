"""Round 34 of issue 22 (after heldout40's first run): a clause whose call-like words are governed by the clause
before it, so that nothing in it is the author's call.

- "Look for" (watch for, expect, count on) as one of a list of infinitives ("a glut that has led companies to slash
  budgets, look for efficiencies and new technology to drive down costs, and lay off employees"): what the
  companies were led to do, not the imperative "Look for X to V" ("Efficiencies and new technology will drive down
  costs" was proposed).
- The terms of a bet, a promise or an offer made in the past, told after a colon with "would" ("McIngvale made a
  shrewd bet with his customers: anyone who bought $7,000 worth of furniture would get their money back if oil hit
  $85"): the future of a past, what was agreed then (was "Anyone who bought … will get their money back").
"""

from __future__ import annotations

import re

from tracker.ingest.datetense import IRREGULAR_PAST, NOT_PAST_ED
from tracker.ingest.hedgespan import Call

# "led companies to slash budgets, look for …": a verb that sends its object to do a list of things, the list going on
# after a comma with "look for" ("To be clear, expect rates to rise" stays the imperative)
_SENDS = (r"\b(?:led|leads?|leading|forced|forces|forcing|prompted|prompts?|caused|causes|pushed|pushes|drove|driven|"
          r"drives|encouraged|encourages?|allowed|allows?|compelled|required|requires?|urged|urges?|asked|asks?|told|"
          r"tells?|helped|helps?|enabled|enables?|got|gets?)\s+(?:[\w'-]+\s+){1,4}?to\s+[a-z]{3,}\b[^,;:.!?]{0,80},\s+"
          r"(?:and\s+|or\s+)?")
_INFINITIVE_LIST = re.compile(_SENDS + r"(?:look\s+for|watch\s+for|expect|count\s+on)\b", re.IGNORECASE)
# a past told before the colon: "made a shrewd bet", "agreed", "promised his voters"
_PAST_VERB = re.compile(r"\b(?:" + NOT_PAST_ED + r"[a-z]{2,}ed|" + "|".join(sorted(set(IRREGULAR_PAST) - {
    "read", "let", "set", "put", "cut", "hit", "beat", "quit", "split", "spread", "shut", "left", "found"})) + r")\b",
    re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|won't|would|wouldn't|shall|going\s+to|is|are|am|'s|'re|can|may|might|should|must)\b",
                    re.IGNORECASE)
_THEN_WOULD = re.compile(r"\bwould(?:n't|\s+not)?\b", re.IGNORECASE)
_NOW_WILL = re.compile(r"\b(?:will|won't|shall|going\s+to)\b", re.IGNORECASE)
_EXPECT_HEDGES = ("expect", "look for", "watch for", "count on")


def _terms_of_the_past(sentence: str) -> bool:
    """A colon after a clause told in the past with no modal of its own, and "would" (no "will") after it."""
    head, colon, tail = sentence.partition(":")
    if not colon or not tail.strip() or len(head) > 200:
        return False
    return bool(_PAST_VERB.search(head)) and not _AHEAD.search(head) and bool(_THEN_WOULD.search(tail)) \
        and not _NOW_WILL.search(tail)


def without_governed(sentence: str, calls: list[Call]) -> list[Call]:
    """``calls`` without those a list of infinitives or the terms of a past bet gave."""
    if not calls:
        return calls
    if _terms_of_the_past(sentence):
        return []
    if _INFINITIVE_LIST.search(sentence):
        return [c for c in calls if (c.hedge_text or "").lower() not in _EXPECT_HEDGES]
    return calls
