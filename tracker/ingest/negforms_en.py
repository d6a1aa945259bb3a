"""Round 33 of issue 22 (after heldout39's first run): negations worded without "will not", read as the author means
them.

Told with "will" but kept in the claim as written, so that the claim reads the other way to anyone who takes "will" at
its word (a reversed claim by the evaluation's reading):

- "There's no way (that) X will V", "It's not as if (like) X will V": X will not V (the claim was the whole sentence);
- "X will hardly (scarcely) V": X will not V ("barely" is left alone: "will barely win" is a win);
- "X is anything but likely to V" (proposed as "X is anything but to V"): X will not V;
- "It is not unlikely that X will V" (proposed as "It is not not unlikely…", then left out): X will V.

Not read at all (calls missed): "X is hardly (scarcely) going to V", "X is no longer going to V" and "X isn't (is not)
about to V", read as "X will not V" ("will no longer V").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish, negate_claim

# sentence rewrites before the calls are found: (pattern, replacement)
_REWRITES = [
    (re.compile(r"\b(?:is|are|am|'s|'re|'m)\s+(?:hardly|scarcely)\s+going\s+to\b", re.IGNORECASE), "will not"),
    (re.compile(r"\b(?:is|are|am|'s|'re|'m)\s+no\s+longer\s+going\s+to\b", re.IGNORECASE), "will no longer"),
    (re.compile(r"\b(?:isn't|aren't|is\s+not|are\s+not|'s\s+not|'re\s+not)\s+(?:\w+ly\s+)?about\s+to\b(?!\s+(?:be|say)\b)",
                re.IGNORECASE), "will not"),
]

_NO_WAY = re.compile(r"^(?:but\s+|and\s+|so\s+)?(?:there(?:'s|\s+is)|it(?:'s|\s+is))\s+(?:simply\s+|just\s+|absolutely\s+)?"
                     r"(?:no\s+way|not\s+as\s+if|not\s+like)\s+(?:that\s+)?(?P<rest>.+\bwill\b(?!\s+not\b).+)$", re.IGNORECASE)
_HARDLY = re.compile(r"\bwill\s+(?:hardly|scarcely)\s+(?=[a-z])", re.IGNORECASE)
_ANYTHING_BUT = re.compile(r"^(?P<subj>.+?)\s+(?:is|are)\s+anything\s+but\s+to\s+(?P<rest>.+)$", re.IGNORECASE)
_NOT_UNLIKELY = re.compile(r"^it(?:'s|\s+is)\s+(?:not\s+)+unlikely\s+that\s+(?P<rest>.+)$", re.IGNORECASE)


def _mapped(sentence: str) -> tuple[str, list[tuple[int, int]]]:
    """The sentence rewritten, and each rewrite's place in it with its change of length."""
    shifts: list[tuple[int, int]] = []
    for pattern, repl in _REWRITES:
        while (found := pattern.search(sentence)) is not None:
            sentence = sentence[:found.start()] + repl + sentence[found.end():]
            shifts.append((found.start(), len(repl) - (found.end() - found.start())))
    return sentence, shifts


def _back(at: int, shifts: list[tuple[int, int]]) -> int:
    for where, delta in reversed(shifts):
        if at > where:
            at = max(where, at - delta)
    return at


def through_rewrites(sentence: str, find: Callable[[str], list[Call]]) -> list[Call]:
    """``find`` on ``sentence`` with the forms the module's docstring tells of reworded, the calls' places in
    ``sentence``; each claim's negation worded with "will not"."""
    text, shifts = _mapped(sentence)
    calls = find(text)
    for one in calls:
        if shifts:
            one.start, one.end = _back(one.start, shifts), _back(one.end, shifts)
        one.claim = reworded(one.claim)
    return calls


def reworded(claim: str) -> str:
    """A claim whose negation is worded without "will not" (see the module's docstring), worded with it."""
    body = claim.rstrip(".")
    for pattern, make in ((_NO_WAY, lambda m: negate_claim(m["rest"])),
                          (_NOT_UNLIKELY, lambda m: m["rest"]),
                          (_ANYTHING_BUT, lambda m: f"{m['subj']} will not {m['rest']}")):
        found = pattern.match(body)
        if found:
            return finish(make(found))
    if _HARDLY.search(body):
        return finish(_HARDLY.sub("will not ", body, count=1))
    return claim
