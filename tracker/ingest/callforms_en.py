"""Round 27 of issue 22: more ways the author words a call, for :func:`tracker.ingest.stances_en.stance_call` (read
when the clause reader found nothing):

- the author's doubt that he can picture it: "I can't see the Fed cutting this year", "I don't see Beijing backing
  down" (the negation of "I see X V-ing", which stances_en reads); round 30: "I can't imagine (picture, envisage) the
  Fed cutting rates";
- a chance of a noun phrase: "There is little chance of a deal before May" (X will not come), "There's a good chance
  of a rebound" (it will);
- "It is only a matter of time before the bubble bursts": it will;
- a hunch without "that" and with a bare present: "I have a hunch the merger falls apart";
- odds put low or against ("Chances are slim that Putin backs down", "The odds are against a deal": it will not; they
  were "Slim that Putin backs down.", a claim said the other way) or in favour ("The odds favour a Biden win");
- what the signs point to ("All signs point to a hike in July", "Everything points to a hung parliament");
- "X is here to stay", "The worst is yet to come", "Rates are headed higher";
- "I see no reason why X would V" (X will not V), "I'm betting that X", "I wouldn't bet against X", "Don't rule out X",
  "There's a real risk that X", "X has little (a good) chance of V-ing", "I am not convinced X will V" (it will not).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import base_of, claim_of
from tracker.ingest.chancesseem_en import chances_seem
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish, negate_claim

_CANT_SEE = re.compile(r"^(?:I|[Ww]e)\s+(?:just\s+|really\s+|simply\s+|honestly\s+)?(?:can't|cannot|can\s+not|don't|do\s+not)\s+"
                       r"(?:really\s+)?(?:see|imagine|picture|envisage|envision)\s+(?P<subj>(?!it\b|that\b|this\b|why\b|how\b|what\b|any\b|a\s+way\b|"
                       # merging rounds 25 and 27: "I don't see the point in raising rates" judges a course, it does not
                       # foresee one (no call; round 25's test)
                       r"(?:the\s+|a\s+|much\s+)?(?:point|need|sense|logic|use|harm|value|benefit|merit|reason)\b)"
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


_ODDS_LOW = re.compile(r"^(?:the\s+)?(?:odds|chances)\s+(?:are|look|seem)\s+(?P<level>(?:very\s+)?(?:slim|low|small|remote|long|"
                       r"poor)|not\s+(?:good|great|high))\s*,?\s+(?:that\s+)?(?P<rest>.{6,200})$", re.IGNORECASE)
_ODDS_SIDE = re.compile(r"^(?:the\s+)?(?:odds|chances)\s+(?:now\s+|still\s+)?(?P<side>(?:are\s+)?(?:stacked\s+)?against|"
                        r"favou?r|are\s+in\s+favou?r\s+of)\s+(?P<np>(?!(?:him|her|them|it|us|me)\b)[^,;]{3,120})$",
                        re.IGNORECASE)
_SIGNS = re.compile(r"^(?:all\s+(?:the\s+)?(?:signs|indications)|every\s*thing|the\s+(?:evidence|signs|indicators))\s+(?:now\s+|still\s+)?"
                    r"points?\s+to(?:wards)?\s+(?P<np>(?:an?|another|more|further|the|some)\s[^,;]{3,120})$", re.IGNORECASE)
_STAYS = re.compile(r"^(?P<subj>(?:the\s+|this\s+|that\s+)?[\w'.&-]+(?:\s+[\w'.&-]+){0,4}?)\s+(?:is|are)\s+(?:(?P<stay>here\s+to\s+stay)|"
                    r"(?:still\s+)?yet\s+to\s+come|(?:now\s+|still\s+)?head(?:ed|ing)\s+(?P<dir>higher|lower|up|down)\b(?P<rest>[^;]*))$")
# (case kept: a title-cased line, "Remote Work Is Here to Stay", is a headline, quoted or the text's own, read as one)
_NO_REASON = re.compile(r"^(?:I|[Ww]e)\s+(?:can\s+)?see\s+no\s+reason\s+(?:why\s+|to\s+(?:think|believe|expect)\s+(?:that\s+)?)"
                        r"(?P<rest>.{6,200})$")
_BETTING_THAT = re.compile(r"^(?:I|[Ww]e)(?:'m|'re|\s+am|\s+are)\s+(?:also\s+|still\s+)?betting\s+that\s+(?P<rest>.{6,200})$")
_NOT_AGAINST = re.compile(r"^(?:I|[Ww]e)\s+(?:wouldn't|would\s+not|won't|will\s+not|don't|do\s+not)\s+bet\s+against\s+"
                          r"(?P<np>[^,;]{2,120})$")
_RULE_OUT = re.compile(r"^(?:(?:but\s+|and\s+|so\s+)?(?:don't|do\s+not)|(?:I|[Ww]e)\s+(?:wouldn't|would\s+not|won't|can't|cannot|"
                       r"don't|do\s+not))\s+rule\s+out\s+(?P<np>(?:an?|another|more|further|the|some)\s[^,;]{3,120})$", re.IGNORECASE)
# "The bill has little chance of passing", "Macron stands a good chance of winning": X will (not) V
_HAS_CHANCE = re.compile(r"^(?P<subj>(?:the\s+|a\s+|an\s+)?[\w'.&-]+(?:\s+[\w'.&-]+){0,4}?)\s+(?:has|have|stands?)\s+(?:only\s+|still\s+)?"
                         r"(?:an?\s+)?(?P<level>(?:very\s+)?(?:little|slim|small|remote|scant|good|strong|real|decent|fair|"
                         r"excellent))\s+chance\s+of\s+(?P<verb>[a-z]{2,}ing)\b(?P<rest>[^;]*)$", re.IGNORECASE)
# "I am not convinced the rally will last": the author's doubt, X will not V
_NOT_CONVINCED = re.compile(r"^(?:I|[Ww]e)(?:'m|'re|\s+am|\s+are)\s+(?:still\s+|just\s+)?not\s+(?:yet\s+|at\s+all\s+)?"
                            r"(?:convinced|persuaded)\s+(?:that\s+)?(?P<rest>.{6,200})$")
_RISK = re.compile(r"^there(?:'s|\s+is)\s+(?:now\s+|still\s+|also\s+)?an?\s+(?P<level>real|serious|growing|high|big|significant|"
                   r"strong|clear|genuine)\s+risk\s+that\s+(?P<rest>.{6,200})$", re.IGNORECASE)


def more_forms(body: str, future: Callable[[str], str]) -> list[Call]:
    """The author's call in ``body`` worded in one of the ways above; ``future`` says a bare present clause with
    "will" (stances_en's reading), or returns it as it was."""
    calls = _odds_and_signs(body, future)
    if calls:
        return calls
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
    return chances_seem(body, future)  # round 37


def _odds_and_signs(body: str, future: Callable[[str], str]) -> list[Call]:
    """Odds put low, against or in favour; what the signs point to; what stays, is yet to come or is headed higher;
    no reason to think; a bet that, or not against; not ruled out; a real risk (see the module's docstring)."""
    found = _ODDS_LOW.match(body)
    if found:
        claim = future(found["rest"])
        return [_call(negate_claim(claim), f"odds {found['level'].lower()}", lookup("unlikely"), True)] \
            if re.search(r"\bwill\b", claim) else []
    found = _ODDS_SIDE.match(body)
    if found:
        against = "against" in found["side"].lower()
        return [_call(claim_of(found["np"], negated=against), f"the odds {found['side'].lower()}",
                      lookup("unlikely" if against else "likely"), against)]
    found = _SIGNS.match(body)
    if found:
        return [_call(claim_of(found["np"]), "the signs point to", lookup("likely"))]
    found = _STAYS.match(body)
    if found:
        what = "stay" if found["stay"] else f"go {found['dir'].lower()}{found['rest']}" if found["dir"] else "come"
        return [_call(f"{found['subj']} will {what}", "here to stay" if found["stay"] else "headed" if found["dir"]
                      else "yet to come", lookup("likely"))]
    found = _NO_REASON.match(body)
    if found:
        claim = future(found["rest"])
        claim = re.sub(r"\b(?:would|could|should|might|may)\b", "will", claim, count=1)
        return [_call(negate_claim(claim), "no reason to think", lookup("unlikely"), True)] \
            if re.search(r"\bwill\b", claim) and not re.search(r"\b(?:not|n't|never)\b", claim) else []
    found = _BETTING_THAT.match(body)
    if found:
        return _will(future(found["rest"]), "I'm betting that", lookup("likely"))
    found = _NOT_AGAINST.match(body)
    if found:
        return [_call(claim_of(found["np"]), "wouldn't bet against", lookup("likely"))]
    found = _RULE_OUT.match(body)
    if found:
        return [_call(claim_of(found["np"]), "don't rule out", lookup("possible"))]
    found = _HAS_CHANCE.match(body)
    if found:
        low = bool(_LOW.search(found["level"]))
        claim = f"{found['subj']} will {'not ' if low else ''}{base_of(found['verb'])}{found['rest']}"
        return [_call(claim, f"{found['level'].lower()} chance of", lookup("unlikely" if low else "likely"), low)]
    found = _NOT_CONVINCED.match(body)
    if found:
        claim = future(found["rest"])
        return [_call(negate_claim(claim), "not convinced", lookup("unlikely"), True)] \
            if re.search(r"\bwill\b", claim) and not re.search(r"\b(?:not|n't|never)\b", claim) else []
    found = _RISK.match(body)
    if found:
        return _will(future(found["rest"]), f"a {found['level'].lower()} risk", lookup("possible"))
    return []


def _will(claim: str, hedge_text: str, hedge) -> list[Call]:
    """A call of ``claim`` when it says what will be (a "will" in it), else none."""
    return [_call(claim, hedge_text, hedge)] if re.search(r"\bwill\b", claim) else []


def _call(claim: str, hedge_text: str, hedge, negated: bool = False) -> Call:
    return Call(claim=finish(claim), hedge_text=hedge_text, hedge=hedge,
                probability=hedge.probability if hedge is not None else 0.5, negated=negated, condition="",
                start=0, end=0)
