"""Which hedge word of an English clause reads it, for :mod:`tracker.ingest.predfind_en`: a modal
that looks ahead ("will" but not "the will of", "would" only with a condition, "may" not the month,
"should" only with a verb of outcome, "expect" only the author's), and the adverb beside a modal
("will probably") that carries the confidence."""

from __future__ import annotations

import re

from tracker.ingest.outlook_en import predictive_should
from tracker.ingest.wording_en import ADVERBS, DEGREE, HEDGE, MODALS

_AFTER_MODAL_BAD = re.compile(r"^\s+(?:(?:not\s+)?(?:have|has|had)\s+(?:been|done|gone|made|seen|taken|won|lost|had|got|"
                              r"\w+ed|\w+en)\b|of\b|and\b|or\b|to\b)|^\s*[,.;:)]|^\s*$", re.IGNORECASE)
_BEFORE_WILL_BAD = re.compile(r"\b(?:the|a|political|popular|free|good|ill|own|their|his|her|its|of)\s+$",
                              re.IGNORECASE)

_MODAL_WORDS = ("will", "would", "could", "may", "might", "won't", "will not", "going to")
# a modal whose subject is a wh-word inside a sentence, or a subject after "whether" with no comma between: a question
# told, not asked ("how hard it is to foresee what is going to happen", "I can't tell whether that will happen")
_WH_SUBJECT = re.compile(r"(?:^|\s)(?:\w+\s+)(?:what|who)\s+(?:is\s+|are\s+)?$|^(?:why|how|whether)\s+$|\bwhether\s+(?:[\w'-]+\s+){1,5}$|"
                         # round 25: "(pollsters) to say which party will win", "nobody knows how many seats X will"
                         r"\b(?:say|tell|know|knows|predict|guess|wonder|ask|decide|determine|see|sure|unclear|clear)\s+"
                         r"(?:which|whose|how\s+many|how\s+much)\s+(?:[\w'-]+\s+){1,4}$", re.IGNORECASE)

# round 26: a question named as the topic of a talk or a piece, its subject between the wh-word and the modal
_TOPIC_QUESTION = re.compile(r"\b(?:talk(?:s|ed|ing)?|speak(?:s|ing)?|spoke|discuss(?:es|ed|ing)?|explain(?:s|ed|ing)?|"
                             r"examin(?:es|ed|ing)|look(?:s|ed|ing)?\s+at|consider(?:s|ed|ing)?|explor(?:es|ed|ing)|"
                             r"assess(?:es|ed|ing)?|analy[sz](?:es|ed|ing)|reflect(?:s|ed|ing)?\s+on|outlin(?:es|ed|ing))\s+"
                             r"(?:about\s+|on\s+)?(?:what|how|who|which|when|where)\s+(?:[\w'’-]+\s+){1,6}$", re.IGNORECASE)


def has_hedge(segment: str) -> bool:
    return any(looks_ahead(segment, m) for m in HEDGE.finditer(segment))


def looks_ahead(text: str, m: re.Match) -> bool:
    phrase, after, before = m.group().lower(), text[m.end():], text[:m.start()]
    if phrase in ("will", "would", "could", "may", "might", "won't", "will not", "going to"):
        if _AFTER_MODAL_BAD.match(after) or (phrase == "will" and _BEFORE_WILL_BAD.search(before)):
            return False
    if phrase == "will" and re.search(r"\b(?:eyes|attention|focus|spotlight)\s+$", before, re.IGNORECASE) and \
            re.match(r"^\s+(?:be|turn|shift|remain|stay)\s+(?:\w+ly\s+)?(?:on|to|towards)\b", after, re.IGNORECASE):
        return False  # round 24: "eyes will be on the OPEC+ meeting", "attention will turn to X": a preview's focus
    if phrase in ("will", "'ll") and re.search(r"\b(?i:here|below|above|inside|in\s+this\s+(?:post|article|piece|report|"
                                                r"section|issue|newsletter)),?\s+you\s+$", before) and \
            re.match(r"^\s+(?:find|see|read|learn|get)\b", after):
        return False  # round 24: "Here you will find how forecasts compare with the results": the text's guide
    if phrase in _MODAL_WORDS and _TOPIC_QUESTION.search(before):
        return False  # round 26: "X talks about what the visit may bring", "discusses how Y will react": the topic told
    if phrase in _MODAL_WORDS + ("should", "ought to") and _WH_SUBJECT.search(before):
        return False  # "to foresee what is going to happen", "whether the bill will pass": an indirect question; round 31:
        # "were split on whether Biden should stay committed to the plan" a deliberation told (was "Biden will stay…")
    if phrase in ("may", "might") and re.search(r"\bas\s+(?:it|this|that|they|he|she|we|you)\s+$", before, re.IGNORECASE) \
            and re.match(r"^\s+(?:be|seem|sound|appear)\b", after, re.IGNORECASE):
        return False  # "Hard as it may be, …", "be that as it may": a concession, not a forecast
    if phrase == "would" and not re.search(r"\b(?:if|unless)\b", text, re.IGNORECASE):
        return False  # without a condition "would" is mostly reported speech or a hypothetical
    if phrase == "may" and (m.start() == 0 or m.group() == "May"):
        return False
    if phrase == "going to" and not re.search(r"\b(?:is|are|am|'s|'re|'m|not)\s+$", before, re.IGNORECASE):
        return False
    if phrase == "only" and not re.match(r"^\s+(?:[\w'-]+\s+){1,6}?can\s+\w", after):
        return False
    if phrase == "only" and m.start() > 0 and not re.search(r"(?:^|[,;:]\s*|\bthat\s+)$", before):
        return False
    if phrase in ("most likely", "likely") and re.search(r"(?:^|\b(?:is|are|remains|seems|looks|appears|be)\s+(?:still\s+|"
                                                       r"now\s+|by\s+far\s+)?)the\s+(?:most\s+)?$", before, re.IGNORECASE) and \
            re.match(r"^\s+(?:scenario|outcome|option|result|prospect|course|path)\b", after, re.IGNORECASE):
        return False  # round 26: "X is the most likely outcome": the outcome ranked (certainty_en), no adverb of a clause
    if phrase in ("probably", "likely", "certainly", "definitely", "most likely") and \
            re.match(r"^\s+(?:was|were|had|did|\w+ed)\b", after, re.IGNORECASE):
        return False  # "Brenda probably choked on her Cornflakes": a guess at the past
    if phrase == "should" and _INVERTED_IF.match(after):
        return False  # round 19: "other permutations should Verstappen finish lower": "if he finishes", a condition
    if phrase in ("should", "ought to") and not predictive_should(before, after):
        return False  # "the government should act": what ought to be, not what will be
    if phrase == "not impossible" and not re.search(r"\b(?:it is|it's)\s+$", before, re.IGNORECASE):
        return False
    if re.search(r"\bhere\s+(?:are|is)\s+(?:the|my|our)\s+[^,;:]*$", before, re.IGNORECASE):
        return False  # rounds 19, 24: "here are the candidates I foresee winning", "here are my three predictions for
        # what is definitely going to happen in 2023": the list presented, no call, whatever the hedge
    if phrase in ("expect", "expects", "foresee") and not re.search(r"\b(?:i|we)\s+(?:\w+\s+)?$", before, re.IGNORECASE):
        return False  # "X expects", "hard to foresee": not the author's frame; "I expect", "I foresee": his
    if phrase in ("expect", "foresee") and re.search(r"\bwhat\s+(?:we|you|one|investors|readers)\s+(?:can|could|should|"
                                                     r"might|may)?\s*$", before, re.IGNORECASE):
        return False  # round 25: "our thoughts on what we can expect in the markets": the text's subject, no call
    if phrase in ("will", "'ll") and re.search(r"\b(?:we|you|investors|markets?|traders)\s*$", before, re.IGNORECASE) and \
            re.match(r"^\s+(?:end|close|start|begin|open|kick\s+off|wrap\s+up|finish)\s+the\s+(?:week|day|month|session)\s+"
                     r"with\b", after, re.IGNORECASE):
        return False  # round 25: "We'll end the week with Friday's employment report": the calendar, no call
    if phrase == "likely" and re.match(r"^\s+(?:that|to)\b", after) is None and \
            not re.search(r"\b(?:is|are|'s|'re|be|looks|seems|remains?|appears?)\s+(?:(?:still|now|also|even|increasingly)\s+)?"
                          r"(?:not\s+|" + DEGREE + r")?$", before,
                          re.IGNORECASE) and not re.search(r"\bwill\s+$|^\s+(?:will|be)\b", before + "|" + after):
        if not re.search(r"\bwill\s+$", before) and not re.match(r"^\s+(?:will|won't|would|wouldn't)\b", after):
            return False
    return True


# "should" before its subject and a bare verb: a condition told inverted ("should the talks fail", "should he lose")
_INVERTED_IF = re.compile(r"^\s+(?:(?:he|she|they|it|we|you)|(?-i:[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2})|"
                          r"the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:not\s+)?(?-i:[a-z]{2,})(?<!s)\b(?!\s+(?:be|have)\b)", re.IGNORECASE)


def find_hedge(clause: str) -> re.Match | None:
    matches = [m for m in HEDGE.finditer(clause) if looks_ahead(clause, m)]
    if len(matches) > 1 and matches[0].group().lower() == "expect" and matches[1].group().lower() in MODALS:
        matches = matches[1:]  # "I expect the market will fall": "expect" frames, the modal reads
    if not matches:
        return None
    m = matches[0]
    # "will probably", "will likely": the adverb next to the modal carries the confidence
    for nxt in matches[1:3]:
        if m.group().lower() in MODALS and nxt.group().lower() in ADVERBS and nxt.start() - m.end() <= 2:
            return nxt
    # "probably will", "likely won't": the adverb before the modal
    if m.group().lower() in ADVERBS and len(matches) > 1 and matches[1].group().lower() in MODALS \
            and matches[1].start() - m.end() <= 2:
        return m
    return m
