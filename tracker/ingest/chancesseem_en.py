"""Round 37 of issue 22 (after heldout43's first run): a chance named first and judged after its clause: "the chances
that Beijing decides to launch a military strike on Taiwan in the next few years still seem remote" (no call was
proposed). The family: "the chances (odds, likelihood, probability, prospects) that X / of X-ing … (still, now) seem
(look, are, appear, remain) (very) remote (slim, low, small, negligible, minimal)" says X will not happen; "… high (good,
strong)" that it will. callforms_en reads the order where the judgement comes first ("The odds are slim that X").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import base_of
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish, negate_claim

_LOW_WORDS = r"remote|slim|low|small|negligible|minimal|tiny|poor|close\s+to\s+zero|nil"
_HIGH_WORDS = r"high|good|strong|excellent|overwhelming"
_SEEM = re.compile(r"^(?:[^,;]{0,80},\s+)?(?:the\s+)?(?P<noun>chances?|odds|likelihood|probability|prospects?)\s+"
                   r"(?:(?:that\s+)(?P<clause>[^;]{6,200}?)|of\s+(?P<subj>[^;]{2,80}?)\s+(?P<ing>[a-z]{2,}ing)\b(?P<rest>[^;]{0,160}?))\s+"
                   r"(?:still\s+|now\s+|also\s+|therefore\s+|thus\s+)?(?:seem|seems|look|looks|are|is|appear|appears|remain|remains)\s+"
                   r"(?:to\s+be\s+)?(?P<level>(?:very\s+|rather\s+|quite\s+|extremely\s+)?(?:" + _LOW_WORDS + "|" + _HIGH_WORDS + r"))"
                   r"\s*$", re.IGNORECASE)


def chances_seem(body: str, future: Callable[[str], str]) -> list[Call]:
    """The author's call when ``body`` judges a chance named before it (see the module's docstring); ``future`` says a
    bare present clause with "will"."""
    found = _SEEM.match(body.strip().rstrip(".!"))
    if not found:
        return []
    level = re.sub(r"\s+", " ", found["level"].lower())
    low = bool(re.search(r"\b(?:" + _LOW_WORDS + r")\b", level))
    if found["clause"]:
        claim = future(found["clause"])
        if not re.search(r"\bwill\b", claim):
            return []
    else:
        claim = f"{found['subj']} will {base_of(found['ing'])}{found['rest'] or ''}"
    if low:
        claim = negate_claim(claim)
    hedge = lookup(("very unlikely" if level.startswith(("very", "extremely")) else "unlikely") if low
                   else "very likely" if level.startswith(("very", "extremely")) else "likely")
    return [Call(claim=finish(claim), hedge_text=f"{found['noun'].lower()} {level}", hedge=hedge,
                 probability=hedge.probability if hedge is not None else 0.5, negated=low, condition="", start=0, end=0)]
