"""A certainty the author denies (round 24): "A recession is not inevitable", "War with China is far from inevitable",
"No Russian 'misadventure' is inevitable", "A rate cut is by no means a foregone conclusion". The author holds that the
thing may not happen: the claim is negated ("There will not be a recession") at even chance ("may"), the hedge the
words as written. A certainty
stated of a noun phrase with an article ("A recession is inevitable") is read by :mod:`tracker.ingest.stances_en`.

The outcome the author ranks first or last (round 26): "A Korean-style ceasefire is the most realistic scenario", "X is
the likeliest outcome", "X remains the most plausible option" are his call that X will come, at "likely"; "X is the least
likely scenario" that it will not, at "unlikely" (as the evaluation's check reads it since round 24).

What is to be expected, named as a thing ("The first thing to expect is talk about money", "One thing to expect is more
volatility"), is the author's call that it will come: "There will be talk about money", at "expected to".
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import claim_of
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish

_SURE = (r"(?:inevitable|unavoidable|certain|assured|guaranteed|"
         r"a\s+(?:foregone\s+conclusion|given|done\s+deal|sure\s+thing|certainty))")
_DENIED = r"(?:not|far\s+from|by\s+no\s+means|hardly|no\s+longer|anything\s+but|not\s+at\s+all)"
_TAIL = r"(?P<tail>\s+(?:in|by|before|during|this|next|for)\s+[^,;.]{2,40})?"
# "War with China is far from inevitable (in 2023)": a noun phrase, no verb of its own, as the subject
_NP_DENIED = re.compile(r"^(?P<np>(?!(?:it|this|that|there|which|what|who|he|she|they|we|i|you|such)\b)[^,;:]{2,80}?)\s+"
                        r"(?:is|looks|seems|remains)\s+(?P<how>" + _DENIED + r")\s+(?:yet\s+)?" + _SURE + _TAIL +
                        r"\s*[.!]?$", re.IGNORECASE)
# "No Russian misadventure is inevitable": none of them is sure to come
_NO_NP = re.compile(r"^no\s+(?P<np>[^,;:]{2,80}?)\s+is\s+" + _SURE + _TAIL + r"\s*[.!]?$", re.IGNORECASE)
# a verb in the subject: "Analysts say a recession is not inevitable" is theirs, "But a …" a connective left on
_FINITE = re.compile(r"\b(?:will|won't|would|could|can|may|might|is|are|was|were|has|have|had|do|does|did|says?|said|"
                     r"think|thinks|believes?|argues?|expects?|claims?|warns?)\b|^(?:but|and|so|yet|still|however)\b",
                     re.IGNORECASE)


def denied_certainty(body: str) -> Call | None:
    """The author's call in ``body`` (a sentence without its leading connectives) when it denies that something is
    certain to come (see the module's docstring); None otherwise."""
    body = body.strip()
    found = _NO_NP.match(body) or _NP_DENIED.match(body)
    if found is None or _FINITE.search(found["np"]):
        return None
    np = found["np"].strip()
    np = np if found.re is _NP_DENIED else f"any {np}"
    claim = claim_of(np[:1].lower() + np[1:] if re.match(r"(?:the|a|an|any)\b", np, re.IGNORECASE) else np, True)
    tail = (found["tail"] or "").strip()
    hedge_text = found.group()[found.end("np"):found.start("tail") if tail else len(found.group())].strip(" .!")
    hedge_text = hedge_text if found.re is _NP_DENIED else f"no … {hedge_text}".lower()
    return _call(f"{claim} {tail}" if tail else claim, hedge_text)


def _call(claim: str, hedge_text: str) -> Call:
    hedge = lookup("may")
    claim = finish(claim)
    return Call(claim=claim[:1].upper() + claim[1:], hedge_text=hedge_text, hedge=hedge, probability=hedge.probability,
                negated=True)


# "The first (next, main, one, another) thing to expect is X", "What to expect: X" is not (a heading)
_THING = re.compile(r"^(?:the\s+(?:first|next|main|biggest|last|only|other)|one|another)\s+thing\s+(?:I|we|you)?\s*"
                    r"(?:to\s+|can\s+|should\s+)?expect\s+(?:is|will\s+be)\s+(?P<np>(?!(?:that|to|for|how|what|whether)\b)"
                    r"[^;:]{3,160}?)\s*[.!]?$", re.IGNORECASE)


def thing_to_expect(body: str) -> Call | None:
    """The author's call in "The first thing to expect is X" (see the module's docstring); None otherwise."""
    found = _THING.match(body.strip())
    if found is None or _FINITE.search(found["np"]):
        return None
    hedge = lookup("expected to")
    claim = finish(claim_of(found["np"]))
    return Call(claim=claim[:1].upper() + claim[1:], hedge_text="thing to expect", hedge=hedge,
                probability=hedge.probability, negated=False)



_OWN_FRAME = re.compile(r"^(?:I|we)\s+(?:still\s+|also\s+|do\s+|continue\s+to\s+)?(?:think|believe|maintain|reckon|feel)\s+"
                        r"(?:that\s+)?", re.IGNORECASE)  # "I continue to believe that X is the most realistic scenario"
# "X is the most realistic (likely, plausible, probable) scenario", "the likeliest outcome", "the least likely option"
_RANKED = re.compile(r"^(?P<np>(?!(?:it|this|that|there|which|what|who|he|she|they|we|i|you|such)\b)[^,;:]{2,100}?)\s+"
                     r"(?:is|remains|seems|looks|appears)\s+(?:to\s+be\s+)?(?:still\s+|now\s+|by\s+far\s+)?the\s+"
                     r"(?P<how>(?:single\s+)?most\s+(?:likely|realistic|plausible|probable)|likeliest|least\s+likely|"
                     r"most\s+unlikely|least\s+(?:realistic|plausible|probable))\s+"
                     r"(?:scenario|outcome|option|result|prospect|course|path|end\s*game|endgame)" + _TAIL + r"\s*[.!]?$",
                     re.IGNORECASE)


# the same told the other way round: "The most likely outcome is a hung parliament"
_RANKED_FIRST = re.compile(r"^the\s+(?P<how>(?:single\s+)?most\s+(?:likely|realistic|plausible|probable)|likeliest|least\s+likely|"
                           r"most\s+unlikely)\s+(?P<what>scenario|outcome|option|result|prospect)\s+(?:is|remains|seems|looks)\s+"
                           r"(?:to\s+be\s+)?(?:still\s+|now\s+)?(?P<np>(?!(?:that|for|to|what|whether|how)\b)[^,;:]{2,100}?)"
                           + _TAIL.replace("tail", "tail2") + r"\s*[.!]?$", re.IGNORECASE)


def ranked_outcome(body: str) -> Call | None:
    """The author's call in "X is the most realistic scenario" (or "the least likely"; see the module's docstring)."""
    body = _OWN_FRAME.sub("", body.strip())
    first = _RANKED_FIRST.match(body)
    if first is not None and not _FINITE.search(first["np"]):
        low = first["how"].lower().startswith(("least", "most unlikely"))
        np = first["np"].strip()
        claim = finish(claim_of(np, low) + (f" {first['tail2'].strip()}" if first["tail2"] else ""))
        hedge = lookup("unlikely" if low else "likely")
        return Call(claim=claim[:1].upper() + claim[1:], hedge_text=f"the {first['how'].lower()} {first['what'].lower()}",
                    hedge=hedge, probability=hedge.probability, negated=low)
    found = _RANKED.match(body)
    if found is None or _FINITE.search(found["np"]):
        return None
    low = found["how"].lower().startswith(("least", "most unlikely"))
    np = found["np"].strip()
    np = np[:1].lower() + np[1:] if re.match(r"(?:the|a|an)\b", np, re.IGNORECASE) else np
    tail = (found["tail"] or "").strip()
    claim = claim_of(np, low)
    claim = finish(f"{claim} {tail}" if tail else claim)
    hedge = lookup("unlikely" if low else "likely")
    return Call(claim=claim[:1].upper() + claim[1:], hedge_text=f"the {found['how'].lower()} {found.group()[found.end('how'):].split()[0].lower()}",
                hedge=hedge, probability=hedge.probability, negated=low)
