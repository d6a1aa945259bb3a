"""The direction of an English call, checked against the words it came from (round 16 of issue 22).

Every rewrite of a clause into a claim ("X is unlikely to Y" -> "X will not Y", "I don't think X will"
-> "X will not", "no chance X won't" -> "X will") must keep the clause's count of negations even or odd,
once what the rewrite is meant to change is set aside: the negation a hedge's reading carries ("unlikely",
"not impossible", "hard to see", a slim chance) and what the claim leaves out (the condition, a reason, a
reservation "though not…", an aside in brackets). :func:`direction_ok` counts the negators of the clause's
main part and of the claim's; where the two disagree, or the claim reads two negations in a row ("will not
not"), the direction cannot be read with confidence and the call is left out (the article is flagged for
review) rather than proposed with a guessed direction.

Not counted, on either side: negations of degree or scope that do not deny the call ("not only",
"not just", "if not", "whether or not", "not as … as", "no later than", "no more than"), a contrast
that names the alternative (", not one handpicked by Putin", "… and not Cruz"), an absolute phrase
("…, with neither side able to…"), litotes that say yes ("it's not hard to see", "I wouldn't be
surprised", "can't help but", "no doubt", "no wonder").
"""

from __future__ import annotations

import functools
import re

from tracker.ingest.doubtful_en import told_doubtful


@functools.lru_cache(maxsize=1024)
def _holding(hedge_text: str) -> re.Pattern[str]:
    """The hedge's words, not after "not": one pattern per hedge, kept (see speakers_en._as_name)."""
    return re.compile(r"(?<!not )\b" + re.escape(hedge_text) + r"\b", re.IGNORECASE)

NEGATOR = re.compile(r"\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|hardly|scarcely|nowhere|unlikely|"
                     r"impossible|doubts?|doubtful|zero|unable)\b|n't\b|\blean\s+against\b|\bfail(?:s|ed)?\s+to\b|\bspell\s+(?:doom|the\s+end)\b", re.IGNORECASE)
# Read as one thing, not as a negation of the call (both sides alike)
_NOT_COUNTED = re.compile(
    r"\b(?:not\s+only|not\s+just|not\s+least|not\s+merely|if\s+not|whether\s+or\s+not|no\s+(?:later|earlier|more|less|"
    r"fewer|better|worse)\s+than|not\s+(?:more|less|fewer)\s+than|no\s+matter|not\s+to\s+mention|never\s+mind|no\s+doubt|"
    r"no\s+wonder|there(?:'s|\s+is)\s+no\s+denying|not\s+as\s+\w+(?:\s+\w+)?\s+as|"
    r"(?:it's|it\s+is|it\s+isn't)\s+not\s+(?:very\s+)?(?:hard|difficult)\s+to\s+(?:see|imagine)|"
    r"not\s+(?:very\s+)?(?:hard|difficult)\s+to\s+(?:see|imagine)|"
    r"(?:wouldn't|would\s+not|won't|will\s+not|don't|do\s+not)\s+be\s+(?:at\s+all\s+)?(?:surprised|shocked|stunned|astonished|amazed)|"
    r"(?:no|little)\s+surprise|"
    r"not\s+surprising(?:ly)?|can(?:'t|not)\s+help\s+(?:but|thinking|feeling))\b", re.IGNORECASE)
_ASIDES = [
    re.compile(r",\s+(?:though|although|albeit|but)\s+not\s+(?!(?:\w+\s+)?(?:will|would)\b)[^,;]*", re.IGNORECASE),
    re.compile(r",?\s+(?:and\s+)?not\s+(?:one|the\s+one|those|that|them|by\s+\w+|[A-Z][\w'-]*)(?:\s+[\w'-]+){0,5}\s*[.]?$"),
    re.compile(r",\s+with\s+(?:neither|no|none|nobody)\b[^,;]*", re.IGNORECASE),
    re.compile(r"(?<![Bb]ut)(?<!\band)(?<!^),?\s+because\b.*$|,\s+since\s+(?:the|a|an|it|he|she|they|we|I|there|[A-Z][\w-]*)\b.*$"),
    re.compile(r",\s+(?:although|though|but)\s+(?:I|we)\s+(?:\w+\s+)?(?:don't|do\s+not|can't|cannot|am\s+not|'m\s+not)\b.*$"),
    re.compile(r",?\s+(?:if|unless|as\s+long\s+as|provided(?:\s+that)?)\s+[^,]{3,200}(?:,|$)", re.IGNORECASE),
    re.compile(r"^(?:even\s+)?(?:if|unless|should|once|as\s+long\s+as|provided(?:\s+that)?)\s+[^,]{3,200},", re.IGNORECASE),
]
_SEGMENT = re.compile(r"\s*(?:[,;:()]|\s[–—-]\s|\b(?:but|while|whereas|although|though|yet)\b)\s*", re.IGNORECASE)
_STOP = frozenset("the and will would could may might that this with for but not its it's they them their there have has had "
                  "was were are is be been than then also very more most some any what when which who how into from about "
                  "over just only can can't won't don't nor neither never none did does doesn't isn't aren't one".split())


def _content(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z0-9']+", text.lower()) if len(w) > 2 and w not in _STOP}


def _clean(text: str) -> str:
    """A text without what is not counted: asides in brackets, conditions, reasons, reservations, litotes."""
    text = re.sub(r"\s*\([^()]*\)", " ", text.replace("’", "'"))
    for pattern in _ASIDES:
        text = pattern.sub(" ", text)
    return _NOT_COUNTED.sub(" ", text)


def negations(text: str) -> int:
    """The negators of a text's main part (see the module's docstring for what is not counted)."""
    return len(NEGATOR.findall(_clean(text)))


def claim_negative(claim: str) -> bool:
    return negations(claim) % 2 == 1


def _source(clause: str, claim: str, hedge_text: str) -> str:
    """The parts of a clause the claim was made from: those that share most of their words with it or have no word
    of content ("It is not"), and the one that holds a hedge of content ("unlikely", "I don't think") sharing most
    words with the claim; a neighbouring clause of its own ("and that has not changed") is left out."""
    words = _content(claim)
    parts = [p for p in _SEGMENT.split(clause) if p and p.strip()]
    kept = [p for p in parts if not _content(p) or len(_content(p) & words) * 2 >= len(_content(p))]
    if not any(_content(p) for p in kept):  # no part shares most of its words: the one that shares most
        nearest = max(parts, key=lambda p: len(_content(p) & words), default=None)
        kept += [nearest] if nearest is not None else []
    if hedge_text and _content(hedge_text) - {"going"}:  # not a bare modal ("will", "won't"): the frame or hedge word
        holding = [p for p in parts if _holding(hedge_text).search(p)]
        best = max(holding, key=lambda p: len(_content(p) & words), default=None)
        if best is not None and best not in kept:
            kept.append(best)
    return ", ".join(p for p in parts if p in kept)


_BRACKET = re.compile(r"\(([^()]*)\)")
_DOUBLED = re.compile(r"\b(?:not|n't|never)\s+(?:\w+\s+)?not\b|\bwill\s+not\s+not\b|\bwon't\s+not\b", re.IGNORECASE)


_ELLIPTIC = re.compile(r",\s+(?:but\s+)?(?P<other>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+"
                       r"(?:will|won't|will\s+not)\s*[.!]?$")


def direction_ok(sentence: str, claim: str, hedge_text: str, negates: bool, condition: str = "",
                 start: int = 0, end: int = 0) -> bool:
    """Whether a call's claim keeps the direction of the clause it came from (``start``/``end`` in ``sentence``);
    ``negates`` says whether the hedge's reading puts the thing below even chance."""
    if _DOUBLED.search(claim.replace("’", "'")):
        return False  # "It's will not not hard to see…": two negations in a row, no reading
    source = sentence[start:end] if 0 <= start < end <= len(sentence) else sentence
    if negates and told_doubtful(sentence):
        source = sentence  # round 32: "whether X gets Y is doubtful", read as "it is unlikely that…" (offsets of that)
    words = _content(claim)
    if len(_content(source) & words) * 2 < len(words):
        source = sentence  # the clause found is not where the claim's words are (an aside's offsets)
    aside = next((b for b in _BRACKET.finditer(sentence) if hedge_text and len(_content(hedge_text)) and
                  hedge_text.lower() in b[1].lower() and len(_content(b[1]) & words) * 2 >= len(words) - 1), None)
    if aside is not None:
        source = aside[1]  # "(I don't think they will, although I think A)": the aside read on its own
    rating = next((b for b in _BRACKET.finditer(source) if hedge_text and hedge_text.lower() in b[1].lower() and
                   len(b[1].split()) <= 4), None)
    if rating is not None:  # "X will lead to a recession (not very likely)": the bracket is the hedge
        source = source.replace(rating[0], f", {rating[1]},")
    if condition:
        source = source.replace(condition, " ")
    elliptic = _ELLIPTIC.search(source.rstrip())
    if elliptic and claim.lower().startswith(elliptic["other"].lower() + " "):
        source = elliptic.group()  # round 17: "The BNP will not win in Barking, Labour will": the second subject's own
    expected = len(NEGATOR.findall(_source(_clean(source), claim, hedge_text))) % 2 == 1
    if negates:  # the hedge's own words may carry the negation of its reading or not ("unlikely", "hard to see")
        expected ^= (negations(hedge_text) % 2 == 0)
    return expected == claim_negative(claim)
