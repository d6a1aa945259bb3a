"""Round 28 of issue 22 (after heldout34's first run): the past of an unreal condition is no past.

"It would be odd if parliament did not repeat that result on Wednesday", "If the bank cut rates on Thursday, it would
surprise the market", "Markets would rally if the Fed paused in March": the simple past of an "if" clause under
"would" (not "would have") is the subjunctive of a supposition about what is ahead, not a tense that tells what
happened; a date told in such a sentence is the coming one. "If X had V-ed, it would have…" (the past perfect, a
supposition about the past) stays past, and so does a sentence that tells of the past anywhere else ("The vote on
Monday was lost; it would be odd if…" keeps its own clause's past).
"""

from __future__ import annotations

import re

# "would" (also "could", "might") that is not "would have" (a supposition about the past)
_WOULD = re.compile(r"\b(?:would|could|might)(?:n't|\s+not)?\s+(?!have\b|'ve\b)\w", re.IGNORECASE)
# the "if" clause, up to the next comma, semicolon or the end: "if parliament did not repeat that result on Wednesday"
_IF_CLAUSE = re.compile(r"\b(?:if|unless|even if|as if)\b[^,;:]*", re.IGNORECASE)
# what tells a past of its own outside that clause, or a past perfect inside it
_PAST_WORD = re.compile(r"\b(?:was|were|had|did|ago|yesterday|last|earlier|already|\w{3,}ed)\b", re.IGNORECASE)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)


def unreal_past(text: str) -> bool:
    """Whether every past form of ``text`` (a clause or a sentence) sits in an "if" clause under "would" that supposes
    what is ahead: "It would be odd if parliament did not repeat that result on Wednesday" (the coming Wednesday)."""
    if not _WOULD.search(text):
        return False
    conditions = list(_IF_CLAUSE.finditer(text))
    if not conditions or any(_HAD.search(c.group()) for c in conditions):
        return False
    rest = text
    for c in reversed(conditions):
        rest = rest[:c.start()] + " " + rest[c.end():]
    return not _PAST_WORD.search(_WOULD.sub(" ", rest)) and any(_PAST_WORD.search(c.group()) for c in conditions)
