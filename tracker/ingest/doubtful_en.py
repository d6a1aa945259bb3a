"""Round 32 of issue 22 (after heldout38's first run): a doubt put on a whole clause, and "would" with a hedge and no
condition; rewordings applied by :func:`tracker.ingest.doubts_en.reword` before a sentence is read.

- A clause said to be doubtful is the author's call that it will not come: "But whether it gets the support of the
  other member states is hugely doubtful", "It is doubtful whether (that, if) X will V", "It is questionable whether
  X", "Whether X will V remains in doubt" are read as "It is unlikely that X (will) V" (the first gave no call, "It
  is doubtful that X will V" the claim "It is doubtful that X will V.", said the positive way). A clause only said
  to be unclear, uncertain or an open question is no call and is left as it is.
- "would" with a hedge adverb and no condition, in the author's own voice, is his estimate: "As for the second
  point, it's true that Nigeria would likely be left to foot the bill" is "Nigeria will likely be left…" (without
  "if" or "unless" a bare "would" gives no call; with "likely", "probably", "almost certainly" it is a hedged
  forecast whose condition is left unsaid). Not when the past is told ("would likely have"), nor after a verb of
  saying or thinking (what someone else said or thought then).
- "It's true that X will V", "It is certainly true that X": the concession frame is no part of the claim.
"""

from __future__ import annotations

import re

_DEGREE = r"(?:(?:hugely|highly|very|rather|quite|somewhat|increasingly|deeply|extremely|most|more\s+than)\s+)?"
_DOUBT = r"(?:doubtful|questionable|dubious|in\s+(?:serious\s+|grave\s+|some\s+)?doubt|open\s+to\s+(?:serious\s+)?doubt)"
# "It is (hugely) doubtful whether/that/if X"
_IT_DOUBTFUL = re.compile(r"\b(?:it|this)(?:'s|\s+is|\s+remains|\s+seems|\s+looks)\s+(?:still\s+|now\s+|also\s+)?" + _DEGREE +
                          _DOUBT + r"\s+(?:that|whether|if)\s+", re.IGNORECASE)
# "(But) whether X (will) V is (hugely) doubtful": the subject clause first, the doubt at the end
_WHETHER_DOUBTFUL = re.compile(r"^(?P<lead>(?:but|and|yet|still|however|so),?\s+)?whether\s+(?:or\s+not\s+)?(?P<clause>[^;:]{6,240}?)"
                               r"\s+(?:is|remains|seems|looks|appears)\s+(?:still\s+|now\s+|also\s+)?" + _DEGREE + _DOUBT +
                               r"(?P<tail>\s*[.!]?)$", re.IGNORECASE)
_WOULD_HEDGED = re.compile(r"\bwould\s+(?P<adv>likely|probably|most\s+likely|very\s+likely|almost\s+certainly|in\s+all\s+likelihood)"
                           r"\s+(?!have\b|not\s+have\b)", re.IGNORECASE)
_CONDITION = re.compile(r"\b(?:if|unless|otherwise|without|had|were\s+\w+\s+to|in\s+that\s+case|in\s+the\s+event)\b",
                        re.IGNORECASE)
_TOLD = re.compile(r"\b(?:said|says|told|warned|thought|believed|feared|hoped|expected|predicted|argued|claimed|wrote|noted|"
                   r"reported|added|insisted|suggested|knew|felt|assumed|promised|vowed|announced|estimated|speculated)\b",
                   re.IGNORECASE)
_TRUE_THAT = re.compile(r"\b(?:it's|it\s+is)\s+(?:certainly\s+|also\s+|of\s+course\s+|indeed\s+)?true\s+that\s+"
                        r"(?=[^;]*\b(?:will|won't|would|likely|probably)\b)", re.IGNORECASE)


def told_doubtful(sentence: str) -> bool:
    """Whether ``sentence`` puts a doubt on a whole clause the way :func:`reword` reads ("whether X is doubtful"): its
    calls' offsets are those of the reworded text, so the direction is checked on the whole sentence."""
    return bool(_WHETHER_DOUBTFUL.match(sentence.strip()) or _IT_DOUBTFUL.search(sentence))


def reword(text: str) -> str:
    """``text`` with the round-32 rewordings applied (see the module's docstring)."""
    whether = _WHETHER_DOUBTFUL.match(text.strip())
    if whether:
        lead = whether["lead"] or ""
        text = f"{lead}it is unlikely that {whether['clause']}{whether['tail'] or '.'}"
        text = text[:1].upper() + text[1:]
    text = _IT_DOUBTFUL.sub("it is unlikely that ", text)
    if _WOULD_HEDGED.search(text) and not _CONDITION.search(text) and not _TOLD.search(text):
        text = _WOULD_HEDGED.sub(lambda m: f"will {m['adv']} ", text)
    return _TRUE_THAT.sub("", text)
