"""Calls the author gives as a negated imperative to the reader.

"Expect X to Y" and "Look for X" are read as the author's calls (stances_en); their negations were not read at
all: "Just don't expect Powell to say so", "Don't expect the Fed to cut rates this year", "Do not look for OPEC to
raise output", "Don't count (bet) on a rate cut in June", "Don't hold your breath for a deal". Each is the author's
call that the thing will not happen, at "expected" (as the positive form is read).
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import claim_of
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish

_LEAD = r"^(?:(?:just|but|so|and|still|again|yet|however|though|of\s+course|please)\s*,?\s+)*"
_DONT = r"(?:don't|do\s+not|never|(?:nobody|no\s+one|no\s+investor)\s+should)\s+"  # "Nobody should expect X"
# "don't expect Powell to say so": a subject and its verb; "don't look for the Fed to …" the same
_NOT_EXPECT_TO = re.compile(_LEAD + _DONT + r"(?:expect|look\s+for|count\s+on|bet\s+on|wait\s+for)\s+"
                            r"(?P<subj>(?!me\b|you\b|us\b|it\s+to\s+be\b)[^,;]{2,80}?)\s+to\s+(?P<rest>[a-z]+\b[^;]*)$",
                            re.IGNORECASE)
# "don't expect a rally before the election", "don't count on a rate cut in June", "don't hold your breath for a deal"
_NOT_EXPECT_NP = re.compile(_LEAD + _DONT + r"(?:expect(?:\s+to\s+see)?|look\s+for|count\s+on|bet\s+on|"
                            r"hold\s+your\s+breath\s+(?:for|waiting\s+for))\s+"
                            r"(?P<np>(?:a|an|any|another|more|further|much|many|the|this|that|such|[a-z]+er)\b[^,;]{2,120})$",
                            re.IGNORECASE)


def not_expected(body: str) -> list[Call]:
    """The author's negative call in ``body`` (a sentence without its end) when it is a negated "expect"
    imperative ("so" in "don't expect Powell to say so" is left as said)."""
    body = body.strip().rstrip(".!")
    hedge = lookup("expected to")
    found = _NOT_EXPECT_TO.match(body)
    if found:
        rest = found["rest"].strip()
        return [_negative(f"{found['subj'].strip()} will not {rest}", hedge)]
    found = _NOT_EXPECT_NP.match(body)
    if found:
        np = found["np"].strip()
        return [_negative(claim_of(np, negated=True), hedge)]
    return []


def _negative(claim: str, hedge) -> Call:
    return Call(claim=finish(claim), hedge_text="don't expect", hedge=hedge,
                probability=hedge.probability if hedge is not None else 0.5, negated=True, condition="",
                start=0, end=0)
