"""Round 28 of issue 22 (after heldout34's first run): clauses with a modal that are no call of the author's.

- An inference under an unreal condition: "If parliament did not back a delay, it would mean that May had misread the
  arithmetic" (what a supposed outcome would show about the present, not what will happen; "it will mean…" was
  proposed). So "it would suggest (imply, indicate, signal)", "it would show (prove) that"; "this could prove
  difficult" stays a call.
- A modal moved back after a past verb of showing or of feeling: "The DPP showed that it could win big elections" (an
  ability shown, "it will win" was proposed), "Voters feared that Tsai might provoke a war", "They hoped that the
  talks would succeed" (a past fear or hope, not the author's call).
- The content of a theory or an idea named: "the pendulum theory, that voters will favour a rotation of ruling
  parties", "the watermelon theory, meaning that someone who has eaten one will want another" (what the theory
  holds, not a forecast).

Round 29 (heldout35): a fact the author says is known ("But as we know, only one team can take home the trophy"); an
indirect question ("You are entitled to speculate on what these dividends will be": "On what these dividends will
be." was proposed), whoever asks it; what the text will do next ("this discussion will resume after the summit").
"""

from __future__ import annotations

import re

from tracker.ingest.hedgespan import Call
from tracker.ingest.joined_en import joined

_INFERENCE = re.compile(r"\b(?:it|this|that|which)\s+(?:would|could|might)\s+(?:\w+ly\s+)?(?:(?:mean|suggest|imply|indicate|"
                        r"signal)\b|(?:show|prove|demonstrate|confirm)\s+that\b)", re.IGNORECASE)
_INFERRED = re.compile(r"^(?:It|This|That|Which)\s+will\s+(?:\w+ly\s+)?(?:(?:mean|suggest|imply|indicate|signal)\b|"
                       r"(?:show|prove|demonstrate|confirm)\s+that\b)")
_IF = re.compile(r"\b(?:if|unless|were\s+\w+\s+to)\b", re.IGNORECASE)
_BACKSHIFT = re.compile(r"\b(?P<verb>showed|proved|demonstrated|feared|worried|hoped|dreaded)\s+(?:that\s+)?"
                        r"(?P<clause>[^,;:]*?\b(?P<modal>could|might|would)\b[^,;:]*)", re.IGNORECASE)
_PAST_VERB_IN_CLAIM = re.compile(r"\b(?:showed|proved|demonstrated|feared|worried|hoped|dreaded)\s+(?:that\s+)?[^,;:]*\bwill\b",
                                 re.IGNORECASE)
_THEORY = re.compile(r"\b(?:theory|idea|notion|belief|hypothesis|assumption|premise|thesis|construct|principle|maxim|adage)"
                     r",?\s+(?:meaning\s+)?that\b|,\s+meaning\s+that\b", re.IGNORECASE)


def _not_a_call(sentence: str, call: Call) -> bool:
    claim = call.claim
    if _INFERRED.match(claim) and _INFERENCE.search(sentence) and _IF.search(sentence):
        return True
    if _PAST_VERB_IN_CLAIM.search(claim):
        shifted = _BACKSHIFT.search(sentence)
        if shifted and (shifted["modal"].lower() != "would" or shifted["verb"].lower() not in ("showed", "proved",
                                                                                                "demonstrated")):
            return True
    head = re.split(r"\b(?:will|won't)\b", claim)[0]
    return bool(_THEORY.search(head))


_KNOWN = re.compile(r"\bas\s+(?:we|you|everyone|everybody|anyone)\s+(?:all\s+|well\s+)?knows?\b|\bas\s+is\s+(?:well\s+)?known\b",
                    re.IGNORECASE)
_ASKED = re.compile(r"^(?:on|about|over|as\s+to)\s+(?:what|whether|how|who|which|when|where)\b", re.IGNORECASE)
_TEXT_NEXT = re.compile(r"\b(?:this|the|our|my)\s+(?:discussion|conversation|analysis|post|series|thread|column|newsletter|"
                        r"topic)\s+will\s+(?:resume|continue|return|pick\s+up|be\s+continued|conclude)\b", re.IGNORECASE)


# round 32: the text's own end or start as what a clause will bring ("… will conclude this analysis")
_TEXT_ITSELF = re.compile(r"\bwill\s+(?:\w+ly\s+)?(?:conclude|end|close|open|begin|start|round\s+off|wrap\s+up|finish|introduce)\s+"
                          r"(?:this|the|my|our)\s+(?:analysis|article|piece|post|column|essay|report|discussion|review|"
                          r"newsletter|series|thread|briefing|commentary|note)\b", re.IGNORECASE)
# the generic "one" with a modal: "one may struggle to find it", "one might argue" (not "no one", "the one", "one of")
_GENERIC_ONE = r"(?<![\w'-])(?<!\bno )(?<!\bthe )(?<!\bany )(?<!\beach )(?<!\bevery )(?<!\bthis )" \
               r"(?<!\bwhich )(?<!\bsuch )(?<!\bonly )(?<!\bsome )one\s+"
_ONE_MAY = re.compile(_GENERIC_ONE + r"(?:may|might|could|can|would)\b", re.IGNORECASE)
_ONE_WILL = re.compile(_GENERIC_ONE + r"will\b", re.IGNORECASE)
# an ability told through evidence: "(we have seen) little evidence of factions that could oppose the junta"
_EVIDENCE = re.compile(r"\b(?:little|no|scant|scarce|any|some|much|limited)\s+(?:evidence|signs?|indications?|proof)\s+"
                       r"(?:so\s+far\s+)?(?:of|that)\b[^;]*?\b(?:that|which|who)?\s*(?:could|can|might|may)\b", re.IGNORECASE)


def without_non_calls(sentence: str, calls: list[Call]) -> list[Call]:
    """``calls`` of ``sentence`` without those the module's docstring tells of (the author's own only; round 29's an
    indirect question, whoever asks it)."""
    if _KNOWN.search(sentence):
        return []
    one_may, evidence = bool(_ONE_MAY.search(sentence)), bool(_EVIDENCE.search(sentence))
    return joined(sentence, [c for c in calls if not _ASKED.match(c.claim) and not _TEXT_NEXT.search(c.claim)
                             and not _TEXT_ITSELF.search(c.claim) and not (one_may and _ONE_WILL.search(c.claim))
                             and not (evidence and not c.forecaster and re.search(r"\b(?:evidence|signs?|indications?|proof)\b",
                                                                                  c.claim.split(" will ")[0], re.IGNORECASE))
                             and (c.forecaster or not _not_a_call(sentence, c))])
