"""Round 35: what a thing will matter to is no call ("Their ability to consolidate before the elections will be key to
the country's ability to keep its gains", "The next few weeks will be crucial for the government"): it weighs a
factor, it foresees no outcome (heldout11's "its press conference will also be key for its forward guidance" is
annotated `optional` as such)."""

from __future__ import annotations

import re

from tracker.ingest.hedgespan import Call

_ROLE = re.compile(r"^[^,;]*?\bwill\s+(?:also\s+|surely\s+|certainly\s+|clearly\s+)?be\s+(?:the\s+|a\s+)?"
                   r"(?:absolutely\s+|very\s+|most\s+)?(?:key|crucial|critical|decisive|vital|pivotal|essential|"
                   r"instrumental|important|central)(?:\s+(?:factor|test|moment|element|issue|question))?"
                   r"\s+(?:to|for|in)\b", re.IGNORECASE)


def without_key_roles(calls: list[Call]) -> list[Call]:
    """``calls`` without those that only say what will matter."""
    return [c for c in calls if not _ROLE.match(c.claim)]
