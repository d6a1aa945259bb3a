"""English forecasts: a modal or hedge that looks ahead, and the claim it qualifies.

"X is unlikely to Y" becomes "X will not Y" (the author's call, at the negated reading),
"X is expected to Y" and "X will probably Y" become "X will Y", "X may/might/could Y"
becomes "X will Y" at even chance. Questions, "would have"/"could have" (the past that did
not happen) and normative "should" are not forecasts. "If A, B" keeps A as the condition;
"according to X" and "X said" make X the forecaster.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.hedgespan import Call

_NEG = {"won't": "will", "will not": "will", "wo n't": "will"}
# Longest first; each with the table phrase that gives its reading.
_HEDGES = [
    ("almost certainly not", "almost certainly not"), ("very unlikely", "very unlikely"),
    ("highly unlikely", "highly unlikely"), ("probably won't", "probably won't"),
    ("probably will not", "probably will not"), ("probably not", "probably not"),
    ("almost certainly", "almost certainly"), ("very likely", "very likely"), ("highly likely", "highly likely"),
    ("is set to", "is set to"), ("are set to", "is set to"), ("scheduled to", "scheduled"),
    ("expected to", "expected to"), ("expects", "expected to"), ("expect", "expected to"), ("unlikely", "unlikely"), ("likely", "likely"), ("probably", "probably"),
    ("won't", "will"), ("will not", "will"), ("will", "will"), ("might", "might"), ("may", "may"),
    ("could", "could"), ("would", "would"), ("no chance", "no chance"), ("will never", "will never"),
]
_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h, _ in sorted(_HEDGES, key=lambda x: -len(x[0])))
                    + r")\b")
_READING = dict(_HEDGES)
_MODALS = {"will", "won't", "will not", "would", "could", "may", "might"}
_ADVERBS = {"probably", "likely", "almost certainly", "very likely", "highly likely", "probably not"}
_AFTER_MODAL_BAD = re.compile(r"^\s+(?:(?:not\s+)?(?:have|has|had)\b(?!\s+to\b)|of\b|and\b|or\b|to\b)|^\s*[,.;:]|^\s*$", re.IGNORECASE)
_BEFORE_WILL_BAD = re.compile(r"\b(?:the|a|political|popular|free|good|ill|own|their|his|her|its|of)\s+$",
                              re.IGNORECASE)
_CONNECTIVE = re.compile(r"^(?:however|but|still|yet|moreover|meanwhile|in short|overall|for now|that said|"
                         r"instead|even so|nonetheless|as a result|therefore|and|so|in any case|in the end|"
                         r"ultimately|either way|in turn|for that reason|if anything|at the same time)\b[,\s]*",
                         re.IGNORECASE)
_ACCORDING_FRONT = re.compile(r"^according to (?P<who>[^,]{2,60}),\s*", re.IGNORECASE)
_ACCORDING_BACK = re.compile(r",?\s*according to (?P<who>[^,.]{2,60})[.,]?$", re.IGNORECASE)
_SAID_BACK = re.compile(r",\s*(?P<who>[A-Z][^,]{1,60}?)\s+(?:said|says|predicted|predicts|warned|argued|"
                        r"told reporters|wrote|added|noted)\.?$")
_SAID_FRONT = re.compile(r"^(?P<who>(?:[A-Z][\w'’.-]*\s?){1,6}|analysts|officials|economists|diplomats|experts)"
                         r"\s+(?:said|says|predicted|predicts|expects?|warned|argued|believes?|announced|"
                         r"told reporters|estimates?)(?:\s+that)?\s+", re.IGNORECASE)
_CONDITION_FRONT = re.compile(r"^(?:even\s+)?(?P<cond>(?:if|unless|should|once|in case)\s+[^,]{3,160}),\s*",
                              re.IGNORECASE)
_CONDITION_BACK = re.compile(r"\s+(?P<cond>(?:if|unless)\s+.{3,160}?)[.]?$", re.IGNORECASE)
_ANAPHORIC = re.compile(r"^(?:in that case|if so|if that happens|then)[,\s]+", re.IGNORECASE)


def find_calls(sentence: str, previous: str = "") -> list[Call]:
    """The forecast in an English sentence, if it has one (one per sentence)."""
    text = sentence.strip().replace("’", "'")
    if text.endswith("?") or text.startswith(('"', "“")) and text.endswith(('"', "”")):
        return []
    matches = [m for m in _HEDGE.finditer(text) if _looks_ahead(text, m)]
    for i, m in enumerate(matches):
        # "will probably", "will likely": the adverb next to the modal carries the confidence
        if i + 1 < len(matches) and m.group() in _MODALS and matches[i + 1].group() in _ADVERBS \
                and matches[i + 1].start() - m.end() <= 2:
            m = matches[i + 1]
        call = _read(text, m, previous)
        if call is not None:
            return [call]
    return []


def _looks_ahead(text: str, m: re.Match) -> bool:
    phrase, after, before = m.group(), text[m.end():], text[:m.start()]
    if phrase in ("will", "would", "could", "may", "might", "won't", "will not"):
        if _AFTER_MODAL_BAD.match(after) or (phrase == "will" and _BEFORE_WILL_BAD.search(before)):
            return False
    if phrase == "would" and not re.search(r"\b(?:if|unless)\b", text, re.IGNORECASE):
        return False  # without a condition "would" is mostly reported speech or a hypothetical
    if phrase == "may" and m.start() == 0:
        return False
    if re.search(r"\b(?:said|told|announced|warned)\b[^.]*$", before) and phrase == "would":
        return False
    return True


_EXPECT = re.compile(r"^(?P<who>.{2,60}?)\s+expects?\s+(?P<subj>.{2,80}?)\s+to\s+(?P<rest>.+)$")


def _read(text: str, m: re.Match, previous: str) -> Call | None:
    phrase = m.group()
    hedge = lookup(_READING[phrase])
    if phrase in ("expect", "expects"):
        found = _EXPECT.match(text.rstrip("."))
        if not found:
            return None
        claim = f"{found['subj'][:1].upper()}{found['subj'][1:]} will {found['rest']}."
        return Call(claim=claim, hedge_text=phrase, hedge=hedge, probability=hedge.probability, negated=False,
                    forecaster=found["who"], start=0, end=len(text))
    body, forecaster = text.rstrip(".!"), ""
    for pattern in (_ACCORDING_FRONT, _ACCORDING_BACK, _SAID_BACK, _SAID_FRONT):
        found = pattern.search(body)
        if found and (pattern is not _SAID_FRONT or found.end() <= m.start()):
            forecaster = found["who"].strip()
            body = body[:found.start()] + body[found.end():]
            break
    while _CONNECTIVE.match(body) and _CONNECTIVE.match(body).end():
        body = body[_CONNECTIVE.match(body).end():]
    condition = ""
    for pattern in (_CONDITION_FRONT, _CONDITION_BACK):
        found = pattern.search(body)
        if found and phrase not in found["cond"].split():
            condition, body = found["cond"], body[:found.start()] + body[found.end():]
            break
    anaphoric = _ANAPHORIC.match(body)
    if anaphoric:
        body = body[anaphoric.end():]
        condition = condition or (f"({previous.strip()})" if previous else "")
    claim, negated = rewrite(body.strip(" ,;"), phrase)
    if len(claim.split()) < 3:
        return None
    probability = hedge.probability if hedge else 0.5
    return Call(claim=claim, hedge_text=phrase, hedge=hedge, probability=probability, negated=negated,
                condition=condition, forecaster=forecaster, start=0, end=len(text))


_REWRITES = [
    (r"\b(?:it is|it's)\s+(?:very |highly )?unlikely that\s+(.*)", lambda g: _negate(g[0]), True),
    (r"\b(?:it is|it's)\s+(?:very |highly |quite )?likely that\s+(.*)", lambda g: g[0], False),
    (r"\b(is|are)\s+(?:very |highly |quite )?unlikely to\b", lambda g: "will not", True),
    (r"\b(is|are)\s+(?:very |highly |quite )?likely to\b", lambda g: "will", False),
    (r"\b(is|are)\s+(?:widely |generally )?expected to\b", lambda g: "will", False),
    (r"\b(is|are)\s+(?:set|scheduled) to\b", lambda g: "will", False),
    (r"\bprobably (?:won't|will not)\b", lambda g: "will not", True),
    (r"\bwill (?:probably|likely|almost certainly|very likely|most likely) not\b", lambda g: "will not", False),
    (r"\bwill (?:probably|likely|almost certainly|very likely|most likely|certainly|definitely)\b",
     lambda g: "will", False),
    (r"\b(?:probably|likely) will\b", lambda g: "will", False),
    (r"\bwon't\b", lambda g: "will not", False),
    (r"\b(?:may|might|could) not\b", lambda g: "will not", False),
    (r"\b(?:may|might|could|would)(?: well| yet| eventually| soon| even)?\b", lambda g: "will", False),
]


def rewrite(body: str, phrase: str) -> tuple[str, bool]:
    """The claim in the author's direction ("X is unlikely to Y" -> "X will not Y")."""
    negates = bool(lookup(_READING.get(phrase, phrase))) and lookup(_READING.get(phrase, phrase)).negates
    for pattern, repl, negating in _REWRITES:
        found = re.search(pattern, body, re.IGNORECASE)
        if found:
            if pattern.startswith(r"\b(?:it is"):
                body = body[:found.start()] + repl(found.groups()) + body[found.end():]
            else:
                body = body[:found.start()] + repl(found.groups()) + body[found.end():]
            break
    else:
        if negates:
            body = _negate(body)
    body = re.sub(r"\s+", " ", body).strip(" ,;")
    return (body[:1].upper() + body[1:] + "." if body else ""), negates


def _negate(clause: str) -> str:
    found = re.search(r"\bwill\b", clause)
    if found:
        return clause[:found.end()] + " not" + clause[found.end():]
    return f"it is not the case that {clause}"
