"""English calls that appraise something said elsewhere, and litotes (round 16 of issue 22).

- "One possibility is that Russia could reach its objectives. However, this seems unlikely": the
  possibility named is no call of the author's; the appraisal is, of what it names: "Russia will not reach
  its objectives". "While many focus on the potential for a war over Taiwan, this seems highly unlikely
  in 2023": "There will not be a war over Taiwan in 2023". An appraisal with nothing to name ("this seems
  unlikely" alone) gives no call rather than a claim with a guessed subject.
- "It's not hard to see X V-ing", "X can't help but V": two negations, the author's call that X will V.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import claim_of
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import base_of, finish, negate_claim

_APPRAISAL = (r"(?:this|that|it)\s+(?:seems|is|looks|appears|sounds)\s+(?P<deg>(?:very|highly|quite|rather|most)\s+)?"
              r"(?P<app>unlikely|improbable|likely|probable)\b(?P<tail>(?:\s+(?:in|by|before|this|next|during)\s+[^,;.]{2,30})?)")
# "However, this seems unlikely, given the strong resistance…": nothing of its own but the appraisal
_BARE = re.compile(r"^(?:(?:however|but|still|yet|again|admittedly)\s*,?\s+)?" + _APPRAISAL +
                   r"\s*(?:,\s+(?:given|as|because|since|considering)\b.*)?[.!]?$", re.IGNORECASE)
# "Second, while many policymakers focus on the potential for a war over Taiwan, this seems highly unlikely in 2023."
_WHILE = re.compile(r"^(?:[\w ]{1,20},\s+)?(?:while|although|though|whereas)\s+(?P<front>[^,]{5,200}),\s+" + _APPRAISAL +
                    r"\s*[.!]?$", re.IGNORECASE)
_NAMED = re.compile(r"\b(?:potential|possibility|prospects?|risk|threat|danger|chances?|spectre|specter)\s+(?:of|for)\s+"
                    r"(?P<np>[^,;]{3,120}?)\s*$", re.IGNORECASE)
# "One possibility is that Russia could reach…", "Another possibility is that…", "A third scenario is that…"
POSSIBILITY = re.compile(r"^(?:(?:first|second|third|also|finally|then)\s*,\s+)?(?:one|another|a\s+(?:first|second|third|"
                         r"fourth|final|further)|the\s+(?:first|second|third|other|last|final))\s+(?:possibility|scenario|"
                         r"option|outcome|path|alternative)\s+is\s+that\s+(?P<clause>.+?)[.]?$", re.IGNORECASE)
_LITOTES = re.compile(r"^(?P<lead>.*?)\b(?:it's|it\s+is|it\s+isn't)\s+not\s+(?:very\s+|that\s+)?(?:hard|difficult)\s+to\s+"
                      r"(?:see|imagine)\s+(?P<subj>(?:[\w'’.-]+\s+){1,5}?)(?P<verb>[a-z]+ing)\b(?P<rest>[^.]*)[.]?$",
                      re.IGNORECASE)


def appraisal_calls(text: str, previous: str) -> list[Call] | None:
    """The call an appraisal makes of what it names; [] for an appraisal with nothing to name; None if the
    sentence is no such appraisal."""
    found = _WHILE.match(text.strip())
    if found:
        named = _NAMED.search(found["front"])
        if named is None:
            return []
        low = found["app"].lower() in ("unlikely", "improbable")
        claim = claim_of(named["np"], low) + (found["tail"] or "")
        return [_call(claim, found, low, text)]
    found = _BARE.match(text.strip())
    if not found:
        return None
    possibility = POSSIBILITY.match(previous.strip()) if previous else None
    if possibility is None:
        return []  # "However, this seems unlikely": nothing named to read it of
    low = found["app"].lower() in ("unlikely", "improbable")
    clause = re.sub(r"\b(?:could|may|might|would)\b", "will", possibility["clause"], count=1)
    if not re.search(r"\bwill\b", clause):
        return []
    return [_call(negate_claim(clause) if low else clause, found, low, text)]


def _call(claim: str, found: re.Match, low: bool, text: str) -> Call:
    deg = (found["deg"] or "").strip().lower()
    phrase = f"{deg} {found['app'].lower()}".strip()
    hedge = lookup(phrase) or lookup(found["app"].lower())
    return Call(claim=finish(claim), hedge_text=phrase, hedge=hedge, probability=hedge.probability if hedge else 0.5,
                negated=low, start=0, end=len(text))


_HELP_BUT = re.compile(r"^(?P<subj>(?:the\s+|a\s+|an\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?)\s+(?:can't|cannot|can\s+not)\s+"
                       r"help\s+but\s+(?P<vp>[a-z][^.]*)[.]?$", re.IGNORECASE)


def litotes_call(clause: str) -> Call | None:
    """"It's not hard to see Trump's numbers dropping much further": Trump's numbers will drop much further;
    "The results in Wisconsin can't help but improve X": they will improve X."""
    helped = _HELP_BUT.match(clause.strip())
    if helped and not re.match(r"(?:I|we|you)$", helped["subj"], re.IGNORECASE):
        hedge = lookup("very likely")
        return Call(claim=finish(f"{helped['subj']} will {helped['vp']}"), hedge_text="can't help but", hedge=hedge,
                    probability=hedge.probability, negated=False, start=0, end=len(clause))
    found = _LITOTES.match(clause.strip())
    if not found or re.search(r"\b(?:if|unless|when)\b", found["lead"], re.IGNORECASE):
        return None
    claim = f"{found['subj'].strip()} will {base_of(found['verb'])}{found['rest']}"
    hedge = lookup("likely")
    return Call(claim=finish(claim), hedge_text="not hard to see", hedge=hedge, probability=hedge.probability,
                negated=False, start=0, end=len(clause))
