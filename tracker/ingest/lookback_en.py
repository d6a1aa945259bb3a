"""Round 33 of issue 22 (after heldout39's first run): what a sentence's modal or frame does not put ahead, and the
fixed openers a sentence's clauses must not be cut in.

- A fixed opener of discourse ("When all is said and done,", "First and foremost,", "Be that as it may,", "Come what
  may,", "All things considered,", "At the end of the day,"): its "and" was read as joining two clauses ("And done, he
  will…", credited to "When") and its "may" as a hedge ("Be that as it will, …"). It is taken off before the calls are
  found, and the calls' places moved back by its length.
- A modal with a perfect infinitive ("could in theory have run", "might well have been", "should have known"): what
  might have been, not what will be ("X will in theory have run parallel to Y had Z stayed in office" was proposed).
  A future perfect written with "will" ("will have doubled by 2030") stays a call.
- A guess at the past or present under a frame of likelihood ("it is most likely that X was the real winner", "it is
  likely that they had known"): no call ("It is that X was the real winner." was proposed).
- An indirect question whose "whether" holds the only modal ("were split over whether Biden should stay committed…",
  "It is unclear whether X will V", "I wonder whether"): what is asked, not asserted.
- A remark of concession with its own subject and modal after a call ("…, though he would be doing so out of
  desperation and would be unable to…"): no part of the claim (its "unable" made the call read negative).
- What the text will show ("It will be shown that…", "As will be seen…", "This analysis will explain why…"): the
  writer's plan for the text, no call.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.ingest.hedgespan import Call

_OPENER = re.compile(r"^\s*(?:when\s+all\s+is\s+said\s+and\s+done|all\s+said\s+and\s+done|first\s+and\s+foremost|"
                     r"be\s+that\s+as\s+it\s+may|come\s+what\s+may|all\s+things\s+considered|at\s+the\s+end\s+of\s+the\s+day|"
                     r"by\s+and\s+large|last\s+but\s+not\s+least|once\s+and\s+for\s+all|now\s+and\s+then|"
                     r"that\s+being\s+said|having\s+said\s+that|that\s+said),\s+(?=\S)", re.IGNORECASE)

_PERFECT_MODAL = re.compile(r"\b(?:could|might|would|should|may|must)(?:n't|\s+not)?\s+(?:[\w-]+\s+){0,3}?have\s+"
                            r"(?:been\s+)?\w+(?:ed|en|wn|un|ne|lt|nt|pt|ft|st|ght|ld|id|ad|de)\b", re.IGNORECASE)
_WILL_HAVE = re.compile(r"\bwill\s+(?:[\w-]+\s+){0,3}?have\s+(?:been\s+)?\w+", re.IGNORECASE)

_GUESS = re.compile(r"\b(?:it\s+is|it's|it\s+seems|it\s+appears)\s+(?:\w+\s+){0,2}?(?:likely|probable|certain|clear|"
                    r"obvious|possible)\s+that\s+(?P<clause>[^,;:()]+)", re.IGNORECASE)
_PAST_OR_PRESENT = re.compile(r"^[^,;:]*?\b(?:was|were|had|did|has\s+been|have\s+been)\b", re.IGNORECASE)
_AHEAD = re.compile(r"\b(?:will|won't|would|shall|going\s+to|could|might|may|should|tomorrow|next|soon|coming)\b",
                    re.IGNORECASE)

# a certainty adverb on a present state with nothing ahead in it ("The 80% is certainly too high")
_SURE_NOW = re.compile(r"\b(?:is|are|'s|'re)\s+(?:certainly|surely|definitely|clearly|undoubtedly)\s+(?:not\s+)?(?:too|very|"
                       r"quite|rather|far|much|a\s+bit|\w+er\b|\w+ly\b)", re.IGNORECASE)

_WHETHER = re.compile(r"\bwhether\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|won't|would|should|shall|could|might|may)\b", re.IGNORECASE)

_TEXT_PLAN = re.compile(r"^(?:it|this)\s+will\s+(?:\w+ly\s+)?be\s+(?:shown|revealed|argued|demonstrated|explained|seen|"
                        r"made\s+clear|established|discussed|examined|illustrated|proven|proved)\s+(?:below\s+|later\s+|"
                        r"here\s+|in\s+what\s+follows\s+)?(?:that|how|why|whether)\b|^(?:this|the|my|our)\s+(?:analysis|"
                        r"article|piece|essay|paper|report|chapter|section|study)\s+will\s+(?:\w+ly\s+)?(?:show|explain|"
                        r"argue|reveal|examine|demonstrate|describe|elaborate|look\s+at|discuss)\b", re.IGNORECASE)
_AS_WILL_BE = re.compile(r"^as\s+will\s+be\s+(?:shown|seen|explained|discussed)\b", re.IGNORECASE)


def past_opener(sentence: str, find: Callable[[str], list[Call]]) -> list[Call]:
    """``find`` on ``sentence`` without a fixed opener of discourse, the calls' places in ``sentence``."""
    opener = _OPENER.match(sentence)
    if not opener:
        return find(sentence)
    rest, shift = sentence[opener.end():], opener.end()
    calls = find(rest[:1].upper() + rest[1:])
    for one in calls:
        one.start, one.end = one.start + shift, one.end + shift
    return calls


def _looks_back(sentence: str, call: Call) -> bool:
    span = sentence[call.start:call.end] if call.end > call.start else sentence
    claim = call.claim
    if _PERFECT_MODAL.search(span) and _WILL_HAVE.search(claim) and not _WILL_HAVE.search(span):
        return True
    guess = _GUESS.search(span)
    if guess and _PAST_OR_PRESENT.match(guess["clause"]) and not _AHEAD.search(guess["clause"]):
        return True
    if _SURE_NOW.search(span) and not _AHEAD.search(claim) and not re.search(r"\b(?:19|20)\d\d\b", claim):
        return True
    whether = _WHETHER.search(claim)
    if whether and whether.start() > 0 and not _FUTURE.search(claim[:whether.start()]):  # "Whether A or B, X will": no question
        return True
    return bool(_TEXT_PLAN.match(claim) or _AS_WILL_BE.match(span.strip()))


# a remark of concession with its own subject and modal after the call ("X will be compelled to V, though he would be
# doing so out of desperation and would be unable to Y"): a comment on the call, whose "unable" read as its negation
_CONCESSION = re.compile(r",\s+(?:though|although|even\s+though)\s+(?:he|she|it|they|we|I|this|that|you)\s+"
                         r"(?:would|might|could|will|may)\b.*$", re.IGNORECASE)


def without_lookbacks(sentence: str, calls: list[Call]) -> list[Call]:
    """``calls`` of ``sentence`` without those the module's docstring tells of; a remark of concession after a call
    left out of its claim."""
    kept = [c for c in calls if not _looks_back(sentence, c)]
    for one in kept:
        cut = _CONCESSION.search(one.claim)
        if cut and cut.start() > 12:
            one.claim = one.claim[:cut.start()].rstrip() + "."
    return kept
