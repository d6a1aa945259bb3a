"""Round 35: a state of things said to promise, portend or herald something ("This set-up promises a severe
confrontation over the coming months", "The deadlock portends a long crisis") is the author's call that it will
come: "There will be a severe confrontation over the coming months" (was no call). Only a thing, not someone who
promises: the subject is a demonstrative or a situation's noun."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.ingest.hedgespan import Call

_PORTENT = re.compile(r"^(?:(?:this|that|these|such)(?:\s+[\w-]+){0,3}|the\s+(?:current\s+|new\s+)?(?:situation|outcome|"
                      r"result|set-?up|layout|development|arrangement|stalemate|deadlock|standoff|stand-off|split|impasse|"
                      r"rift|crisis|state\s+of\s+affairs))\s+(?P<verb>promises|portends|heralds|foreshadows|augurs|"
                      r"presages)\s+(?P<obj>(?:a|an|more|further|another|yet\s+another|years\s+of|months\s+of)\b[^;]+?)"
                      r"\s*[.!]?$", re.IGNORECASE)


def portent_calls(sentence: str, finder: Callable[[str], list[Call]]) -> list[Call] | None:
    """The call of ``sentence`` when a state of things in it promises what is to come; None when it does not."""
    found = _PORTENT.match(sentence.strip())
    if found is None:
        return None
    calls = finder(f"There will be {found['obj']}.")
    for call in calls:
        call.start, call.end, call.hedge_text = 0, len(sentence), found["verb"]
    return calls
