"""Round 23 of issue 22 (after heldout29's first run): English calls told as the author's surprise, and a second call
told after a concession, reworded before the clauses are read (:func:`tracker.ingest.doubts_en.reword` calls
:func:`reword`):

- "I would be shocked if we saw X", "I'll be surprised if he beats Y", "I'd be amazed if X were to V", "It would
  surprise me if X V-ed", "I'd be surprised to see X V": the author's negative call, said as round 22 says a
  difficulty, "It is hard to see how X will V" (the positive litotes, "I wouldn't be surprised if X", is stances_en's;
  "…if X didn't V" is left as written). Read as written the sentence gave no call. Round 28: "It would be odd
  (strange, surprising, a surprise) if X V-ed" too, and "It would be odd if X did not V" is the positive call
  ("It is likely that X will V"; "It will be odd." was proposed).
- "X is expected to fall, though Y isn't likely to V" and "…, although Y won't V": two calls; the concession has a
  subject and a modal of its own, so it is said as a sentence after the first ("X is expected to fall; Y isn't likely
  to V"), and the direction of each is its own (read as one clause, the first call took the second's negation).
"""

from __future__ import annotations

import re

from tracker.ingest.datetense import IRREGULAR_PAST
from tracker.ingest.forecasters_en import split_according
from tracker.ingest.wording_en import base_of, base_of_present

_AMAZED = r"(?:surprised|shocked|stunned|astonished|amazed|staggered|floored)"
_SURPRISED_IF = re.compile(
    r"^(?P<lead>(?:(?:but|and|so|still|yet|frankly|honestly|personally|though|however),?\s+)?)(?:I|we)\s*"
    r"(?:would|'d|will|'ll|'m\s+going\s+to|am\s+going\s+to)\s+be\s+(?:very\s+|really\s+|quite\s+|genuinely\s+|extremely\s+|"
    r"pretty\s+|a\s+(?:little|bit)\s+)?" + _AMAZED + r"\s+(?:if\s+(?P<cond>(?!(?:it|this|that|there)\b)[^;]+)|"
    r"to\s+see\s+(?P<seen>[^;]+))$|"
    # "It would surprise me if X V-ed", "It'll shock us if X Vs"
    r"^(?P<lead2>(?:(?:but|and|so|still|yet|frankly|honestly|though|however),?\s+)?)it\s*(?:would|'d|will|'ll)\s+(?:really\s+|very\s+"
    r"much\s+|greatly\s+)?(?:surprise|shock|stun|astonish|amaze)\s+(?:me|us)\s+if\s+(?P<cond2>(?!(?:it|this|that|there)\b)[^;]+)$|"
    # round 28: "It would be odd (strange, a surprise) if parliament did not repeat that result": what the author expects
    r"^(?P<lead3>(?:(?:but|and|so|still|yet|frankly|honestly|though|however),?\s+)?)it\s*(?:would|'d|will|'ll)\s+be\s+"
    r"(?:very\s+|really\s+|quite\s+|rather\s+|pretty\s+|most\s+|somewhat\s+|a\s+(?:little|bit)\s+)?(?:odd|strange|"
    r"surprising|unusual|astonishing|shocking|a\s+(?:big\s+|major\s+|real\s+|huge\s+)?(?:surprise|shock|shocker))\s+"
    r"if\s+(?P<cond3>(?!(?:it|this|that|there)\b)[^;]+)$",
    re.IGNORECASE)
_NEG = re.compile(r"^(?:did\s+not|didn't|does\s+not|doesn't|do\s+not|don't)\s+(?P<verb>[a-z]+)\b", re.IGNORECASE)
_WERE_TO = re.compile(r"^(?:were|was)\s+to\s+(?P<verb>[a-z]+)\b", re.IGNORECASE)
_DETERMINER = {"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those",
               "some", "any", "many", "more", "most", "new", "other", "two", "three", "both", "all"}
_IRREGULAR = IRREGULAR_PAST  # round 31: moved to datetense (eventtext reads a told past by it too)


def _base(verb: str) -> str | None:
    """The base form of the condition's verb: a past ("saw", "raised", "dropped"), a present ("beats", "wins"), or
    already a base after "did not" ("approve"); None for what is no verb the rule can read."""
    low = verb.lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    if low.endswith("ied") and len(low) > 4:
        return low[:-3] + "y"
    if low.endswith("ed") and len(low) > 4:
        return base_of(low[:-2] + "ing")  # raised -> raise, dropped -> drop, cancelled -> cancel
    if low.endswith("s") and not low.endswith("ss") and len(low) > 3:
        return base_of_present(low)
    return None


def _split(cond: str) -> tuple[str, str, str, bool] | None:
    """The condition's subject, the base form of its verb, what follows, and whether it was negated: the first word
    from the left that is a verb form ("we saw", "the banks cut", "he beats", "the council didn't approve",
    "the euro were to fall"); a word in -s right after a determiner is a plural noun ("the banks")."""
    words = list(re.finditer(r"\S+", cond))
    for i, word in enumerate(words[1:9], start=1):
        subj, after = cond[:word.start()].rstrip(), cond[word.start():]
        if "," in subj:
            return None
        token = word.group().lower()
        for pattern, negated in ((_NEG, True), (_WERE_TO, False)):
            found = pattern.match(after)
            if found:
                return subj, found["verb"].lower(), after[found.end():], negated
        if not word.group().islower():
            continue
        if token in _IRREGULAR or (token.endswith("ed") and len(token) > 4):
            return subj, _base(token) or token, after[word.end() - word.start():], False
        if token.endswith("s") and words[i - 1].group().lower() not in _DETERMINER and _base(token):
            return subj, _base(token) or token, after[word.end() - word.start():], False
    return None


def _surprise(stripped: str) -> str | None:
    found = _SURPRISED_IF.match(stripped)
    if not found:
        return None
    lead = found["lead"] or found["lead2"] or found["lead3"] or ""
    it = "it" if lead else "It"
    if found["seen"]:  # "I'd be surprised to see the Fed cut rates": what we will not see
        return f"{lead}{it} is hard to see how we will see {found['seen']}"
    parts = _split(found["cond"] or found["cond2"] or found["cond3"])
    if not parts:
        return None
    subj, base, rest, negated = parts
    if negated and found["cond3"]:  # round 28: "It would be odd if X did not V": X will V, the author's call
        return f"{lead}{it} is likely that {subj} will {base}{rest}"
    if negated:
        return None  # "I'd be surprised if X didn't V": the direction check reads the "didn't"; left as written
    # said as round 22 says a difficulty: the hedge is words with no negation of their own, so the direction check
    # (which counts the sentence's negators) keeps the negative call
    return f"{lead}{it} is hard to see how {subj} will {base}{rest}"


def unsurprising_past(cond: str) -> str | None:
    """Round 31: the condition of "I wouldn't be surprised if X V-ed" (a past form, or "didn't V") said as what the author
    expects: "X will V" ("X will not V"); the claim was the past as written ("Moscow backed down."). None for a
    condition whose verb is no past form (the bare present is read as before)."""
    parts = _split(cond)
    if not parts:
        return None
    subj, base, rest, negated = parts
    verb = cond[len(subj):].split()[0].lower()
    if not negated and verb not in _IRREGULAR and not verb.endswith("ed"):
        return None
    return f"{subj} will {'not ' if negated else ''}{base}{rest}"


# "X is expected to fall, though Y isn't likely to V": a concession with a subject and a modal of its own.
_CONCESSION = re.compile(r",\s+(?P<conj>though|although|even\s+though|but)\s+(?P<clause>\w[\w'.-]*\b[^,;]{0,60}?\s+(?:isn't|is\s+not|aren't|are\s+not|won't|will\s+not|"
                         r"is\s+unlikely|are\s+unlikely)\s+(?:likely\s+)?to\s+[^;]+|\w[\w'.-]*\b[^,;]{0,60}?\s+(?:won't|will\s+not)\s+[^;]+)$")
_FIRST_CALL = re.compile(r"\b(?:(?:is|are)\s+(?:expected|likely|set|poised|forecast|projected|due)\s+to|will|should|"
                         r"is\s+going\s+to|are\s+going\s+to)\s+\w+", re.IGNORECASE)


def _concession(text: str) -> str | None:
    found = _CONCESSION.search(text)
    if not found or found["conj"].lower() == "but":
        return None  # "…, but Y won't V" is read by the clause splitter already
    head = text[:found.start()]
    if not _FIRST_CALL.search(head):
        return None
    clause = found["clause"]
    return f"{head}; {clause[:1].upper() + clause[1:] if clause[:1].islower() else clause}"


def reword(text: str) -> str:
    """``text`` with the round-23 rewordings applied (see the module's docstring)."""
    stripped = text.strip()
    surprised = _surprise(stripped)
    if surprised is not None:
        return surprised
    conceded = _concession(text)
    return conceded if conceded is not None else split_according(text)  # forecasters_en: a call after "according to P"
