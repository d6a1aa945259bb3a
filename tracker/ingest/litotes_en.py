"""Round 30 of issue 22 (after heldout36's first run): a likelihood denied by a negation, two negations that make a
positive call.

"Yet this last scenario is not as unlikely as Kiev's most ardent supporters might instinctively claim" was proposed as
"This last scenario is not as unlikely as Kiev's most ardent supporters will instinctively claim", negated (the
reversal check flagged it), and "Concessions are not unlikely." as "Concessions are not not unlikely.", a claim said the
other way. The family: "X is (are, seems, looks, remains) not (hardly, far from, by no means, anything but) [as, so,
that, all that, entirely] unlikely (improbable, implausible, far-fetched) [as Y might claim]" is the author's hedged
call that X will happen (at "possible"); the comparison with what others say is no part of the claim; "X is not
unlikely to V": X will V; "It isn't unlikely that X will V": X will V (was "X will not V"). A condition before it ("If
the aid stops, a mutiny is not unlikely") stays with the call.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish

_LEAD = r"(?:(?:yet|but|still|however|and|so|indeed|in fact|then|now|admittedly)\s*,?\s+)*"
_BE = r"(?:is|are|was|were|seems?|looks?|appears?|remains?|'s|'re)"
# ("not impossible" is left out: the set reads it as low odds, "it is not impossible that X" at "unlikely", round 16)
_UNLIKELY = r"(?:unlikely|improbable|implausible|far-fetched)"
_LITOTES = re.compile(r"^" + _LEAD + r"(?:(?:I|we)\s+(?:\w+ly\s+)?(?:think|believe|suspect|reckon|feel|would\s+say|"
                      r"'d\s+say)\s+(?:that\s+)?)?(?:(?P<cond>(?:if|unless|should|once)\s+[^,]{3,120}),\s+)?"
                      r"(?P<subj>(?!it\b|that\b|this\s+is\b)[A-Za-z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,7}?)\s*(?P<be>" + _BE +
                      r")\s*(?P<den>(?:n't\s+|not\s+|hardly\s+|scarcely\s+|far\s+from\s+|by\s+no\s+means\s+|anything\s+but\s+|no\s+longer\s+)"
                      r"(?:as\s+|so\s+|that\s+|all\s+that\s+|entirely\s+|altogether\s+|completely\s+|wholly\s+|totally\s+|"
                      r"quite\s+|at\s+all\s+)?" + _UNLIKELY + r")\b(?P<tail>.*)$", re.IGNORECASE)
# what follows that is a comparison with what others say or think ("as X might claim", "as many believe")
_COMPARED = re.compile(r"^\s*,?\s*(?:as|than)\s+[^,;]*?(?:claim|think|believe|say|suggest|assume|imagine|argue|expect|"
                       r"fear|hope|insist|suppose|contend|maintain)s?\b[^,;]*", re.IGNORECASE)
# what follows that is a time or a condition the call keeps ("this year", "if the aid stops")
_KEPT = re.compile(r"^\s*,?\s*(?P<keep>(?:in|by|before|this|next|during|if|unless|once|when|after)\b[^,;]{2,80})", re.IGNORECASE)


# "It isn't unlikely that rates will rise" ("…that rates will not rise" was proposed, negated)
_IT_THAT = re.compile(r"^" + _LEAD + r"(?:it|this|that)\s*(?:is|'s|was|seems|looks)\s*(?P<den>(?:n't|not|hardly|scarcely|far\s+from|"
                      r"by\s+no\s+means|no\s+longer)\s+(?:as\s+|so\s+|that\s+|all\s+that\s+|entirely\s+|altogether\s+|at\s+all\s+)?"
                      + _UNLIKELY + r")\s+that\s+(?P<rest>.+)$", re.IGNORECASE)


def _hedge_text(denial: str) -> str:
    return re.sub(r"^n't\b", "not", re.sub(r"\s+", " ", denial).strip())


def litotes_calls(sentence: str) -> list[Call] | None:
    """The positive call of ``sentence`` when it denies that something is unlikely; None when it does not."""
    hedge = lookup("possible")
    probability = hedge.probability if hedge is not None else 0.5
    found = _IT_THAT.match(sentence.strip().rstrip(".!"))
    if found and re.search(r"\b(?:will|won't|is\s+going\s+to|are\s+going\s+to)\b", found["rest"]):
        return [Call(claim=finish(found["rest"]), hedge_text=_hedge_text(found["den"]), hedge=hedge,
                     probability=probability, negated=False, start=0, end=len(sentence))]
    found = _LITOTES.match(sentence.strip().rstrip(".!"))
    if not found:
        return None
    subj = found["subj"].strip()
    if re.match(r"(?:I|we|you|he|she|they)$", subj, re.IGNORECASE):
        return None  # "I am not unlikely to…": a person, read by the clause reader
    if re.search(r"\b(?:said|says|say|thinks?|believes?|argued|argues|claims?|claimed|told|wrote|writes|reckons?|"
                 r"feels?|felt|suggests?|suggested|warned|warns)\b", subj, re.IGNORECASE):
        return None  # "He said a deal is not unlikely": whose view it is, the clause reader tells
    tail = found["tail"]
    compared = _COMPARED.match(tail)
    if compared:
        tail = tail[compared.end():]
    subj = subj[:1].upper() + subj[1:]
    verb = re.match(r"^\s+to\s+(?P<vp>[a-z].*)$", tail)
    kept = _KEPT.match(tail)
    claim = f"{subj} will {verb['vp']}" if verb else f"{subj} will happen" + (f" {kept['keep'].strip()}" if kept else "")
    return [Call(claim=finish(claim), hedge_text=_hedge_text(found["den"]), hedge=hedge,
                 probability=probability, negated=False,
                 condition=(found["cond"] or "").strip(), start=0, end=len(sentence))]
