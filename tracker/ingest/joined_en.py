"""Round 32 of issue 22 (after heldout38's first run): "not only A, but (it will) also B" is one call.

"Any military intervention will not only set the stage for a prolonged rivalry, but it will also lead to massive
instability" was cut at ", but it will" into two calls, "Any military intervention will not only set the stage…" and
"It will lead to massive instability…", the second counted as a call proposed again. The correlative joins what the
one subject will do: one call, "Any military intervention will set the stage for a prolonged rivalry, and it will also
lead to massive instability…" ("not only" left out of the claim, where it read as a negation).
"""

from __future__ import annotations

import re

from tracker.ingest.hedgespan import Call

_NOT_ONLY = re.compile(r"\bnot\s+only\b[^;]*?,?\s+but\b(?:\s+[\w'-]+){0,3}?\s+also\b", re.IGNORECASE)
_IN_CLAIM = re.compile(r"\bnot\s+only\s+", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:It|They|He|She|We|This|That)\b")


def joined(sentence: str, calls: list[Call]) -> list[Call]:
    """``calls`` with the two halves of a "not only … but also" sentence made one (see the module's docstring)."""
    if len(calls) < 2 or not _NOT_ONLY.search(sentence):
        return calls
    out: list[Call] = []
    for call in calls:
        before = out[-1] if out else None
        if before is not None and _IN_CLAIM.search(before.claim) and not call.forecaster and not before.forecaster \
                and _PRONOUN.match(call.claim) and call.negated == before.negated:
            first = _IN_CLAIM.sub("", before.claim).rstrip(" .")
            second = call.claim.rstrip(" .")
            second = second[:1].lower() + second[1:]
            second = re.sub(r"\bwill\s+(?!also\b)", "will also ", second, count=1)
            before.claim, before.end = f"{first}, and {second}.", max(before.end, call.end)
            continue
        out.append(call)
    return out
