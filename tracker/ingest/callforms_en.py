"""Round 27 of issue 22: more ways the author words a call, for :func:`tracker.ingest.stances_en.stance_call` (read
when the clause reader found nothing):

- the author's doubt that he can picture it: "I can't see the Fed cutting this year", "I don't see Beijing backing
  down" (the negation of "I see X V-ing", which stances_en reads);
- a chance of a noun phrase: "There is little chance of a deal before May" (X will not come), "There's a good chance
  of a rebound" (it will);
- "It is only a matter of time before the bubble bursts": it will;
- a hunch without "that" and with a bare present: "I have a hunch the merger falls apart".
"""

from __future__ import annotations

import re
from typing import Callable

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import base_of, claim_of
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish

_CANT_SEE = re.compile(r"^(?:I|[Ww]e)\s+(?:just\s+|really\s+|simply\s+|honestly\s+)?(?:can't|cannot|can\s+not|don't|do\s+not)\s+"
                       r"(?:really\s+)?see\s+(?P<subj>(?!it\b|that\b|this\b|why\b|how\b|what\b|any\b|a\s+way\b)"
                       r"(?:the\s+|a\s+|an\s+)?[\w'.&$%-]+(?:\s+[\w'.&$%-]+){0,4}?)\s+(?P<verb>[a-z]{2,}ing)\b(?P<rest>.*)$")
_CHANCE_OF = re.compile(r"^(?:there(?:'s|\s+is)\s+)(?:only\s+|still\s+|now\s+|also\s+)?(?:an?\s+)?(?P<level>(?:very\s+)?(?:little|"
                        r"slim|small|remote|scant|no|zero|virtually\s+no|almost\s+no|good|strong|real|high|decent|fair|"
                        r"excellent|distinct))\s+(?:chance|prospect|possibility|probability|likelihood)\s+of\s+"
                        r"(?P<np>(?!(?:it|that|this|them|him|her)\b)[^;]{3,160})$", re.IGNORECASE)
_LOW = re.compile(r"\b(?:little|slim|small|remote|scant|no|zero)\b", re.IGNORECASE)
_MATTER_OF_TIME = re.compile(r"^(?:it(?:'s|\s+is)|this\s+is)\s+(?:only\s+|just\s+|now\s+|surely\s+)*a\s+matter\s+of\s+"
                             r"(?:time|when|months|weeks|days)\s+(?:before|until|till)\s+(?P<rest>.{6,200})$",
                             re.IGNORECASE)
_HUNCH = re.compile(r"^(?:but\s+)?(?:I|we)\s+have\s+a\s+(?:\w+\s+)?(?P<noun>feeling|hunch|suspicion)\s+(?:that\s+)?"
                    r"(?P<rest>(?!of\b|for\b|about\b).{6,200})$", re.IGNORECASE)


def more_forms(body: str, future: Callable[[str], str]) -> list[Call]:
    """The author's call in ``body`` worded in one of the ways above; ``future`` says a bare present clause with
    "will" (stances_en's reading), or returns it as it was."""
    found = _CANT_SEE.match(body)
    if found:
        claim = f"{found['subj']} will not {base_of(found['verb'])}{found['rest']}"
        return [_call(claim, "can't see", lookup("unlikely"), True)]
    found = _CHANCE_OF.match(body)
    if found:
        level = re.sub(r"\s+", " ", found["level"].lower())
        low = bool(_LOW.search(level))
        hedge = lookup("unlikely" if low else "very likely" if level.startswith(("very", "excellent")) else "likely")
        return [_call(claim_of(found["np"], negated=low), f"{level} chance of", hedge, low)]
    found = _MATTER_OF_TIME.match(body)
    if found:
        return _will(future(found["rest"]), "a matter of time", lookup("very likely"))
    found = _HUNCH.match(body)
    if found:
        return _will(future(found["rest"]), f"a {found['noun'].lower()}", lookup("likely"))
    return []


def _will(claim: str, hedge_text: str, hedge) -> list[Call]:
    """A call of ``claim`` when it says what will be (a "will" in it), else none."""
    return [_call(claim, hedge_text, hedge)] if re.search(r"\bwill\b", claim) else []


def _call(claim: str, hedge_text: str, hedge, negated: bool = False) -> Call:
    return Call(claim=finish(claim), hedge_text=hedge_text, hedge=hedge,
                probability=hedge.probability if hedge is not None else 0.5, negated=negated, condition="",
                start=0, end=0)
