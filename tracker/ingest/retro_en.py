"""Round 21 (heldout27): what looks like a call but tells of the past or of the text itself, a trend of likelihood, a
headline after a label.

- A modal perfect ("the controversy might have been connected to this", "he could have felt that…") is a guess at
  the past, not a call: it is read as the past it guesses at ("had been connected"), so no hedge is left. A sentence
  that names a time to come ("by 2030 they may have finished", "by then") keeps its future perfect.
- "It's unlikely that X would have sat back" appraises the past: read as "X probably had not sat back" (a guess at the
  past, which is no call); "it's likely that X would have V-ed" as "X probably had V-ed".
- "Russia expected that it could resolve…", "they hoped it would…": an expectation of the past, someone's, with no
  time to come named; no call of the author's now.
- "Intrepid readers can go through the earlier analysis…, while the present one will expand on…": an invitation to
  the reader and what the text itself will do; no call.
- "X looks more and more plausible", "increasingly plausible": a likelihood that grows, read as "increasingly likely".
- "X will reportedly V": what unnamed reports say will happen, read as "According to reports, X will V" (the reports
  cannot be named, so no call is credited to the author).
- A headline after a short label and a colon ("Korybko To Dutch Media: The End Of X Will Revolutionize The Region",
  "Analysis: X will Y") is read without the label (:func:`headline`).
"""

from __future__ import annotations

import re

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# a time to come named in the sentence: the modal perfect is then a future perfect ("by 2030 X may have doubled")
_FUTURE = re.compile(r"\bby\s+(?:then|the\s+(?:end|time|middle|start)\b|next\b|(?:19|20)\d\d\b|" + _MONTH + r"\b|"
                     r"tomorrow\b)|\b(?:next|coming)\s+(?:week|month|year|decade)\b|\btomorrow\b|\bsoon\b|"
                     r"\bin\s+(?:the\s+)?(?:coming|next)\b|\bin\s+\d+\s+years?\b", re.IGNORECASE)
_PP = r"(?:been|[a-z]+(?:ed|en|wn|ne|ung|ought|aught|ept|elt|ade|ost|ot|ut|at|et|id|ad|ld|nd|ood)|sat|run|come|gone|done|won|met|led|put|set|let|paid|said|heard)"
_APPRAISED = re.compile(r"\b(?:it(?:'s|\s+is)|that(?:'s|\s+is))\s+(?P<deg>(?:very|highly|quite|most|more\s+than|rather)\s+)?"
                        r"(?P<how>un)?likely\s+that\s+(?P<subj>[^,;]{1,80}?)\s+(?:would|could|might|may)\s+(?P<neg>not\s+)?"
                        r"have\s+(?P<pp>" + _PP + r")\b", re.IGNORECASE)
# "have been", or a participle followed by what ends a verb phrase ("could have felt that", "would have sat back"), not
# a noun's adjective ("may have unintended consequences" is a call)
_MODAL_PERFECT = re.compile(r"\b(?:might|may|could|would|must)(?P<neg>n't|\s+not)?\s+have\s+(?=been\b|" + _PP +
                            r"\s+(?:that|back|aside|up|down|out|off|in|on|to|about|of|for|with|from|at|into|as|by|so|if|because|when|"
                            r"before|after|it|him|her|them|this|the|a|an)\b|" + _PP + r"[,.;])",
                            re.IGNORECASE)
# the verb active, its subject's own (not "X is expected to", "X was thought to")
_PAST_HOPE = re.compile(r"^(?:(?:but|and|so|yet|earlier|initially|at first|at the time),?\s+)?(?!I\b|we\b)[A-Z][^,;]{0,60}?"
                        r"(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bwere)(?<!\bbe)(?<!\bbeen)\s+"
                        r"(?:had\s+)?(?:expected|hoped|assumed|believed|thought|calculated|reckoned|anticipated|figured)\s+"
                        r"(?!to\b)(?:that\s+)?[^;]*?\b(?:could|would|might)\b")
_LIVE_MODAL = re.compile(r"\b(?:will|won't|shall|going\s+to|likely|probably|expects?|predicts?)\b|'ll\b", re.IGNORECASE)
_INVITED = re.compile(r"^(?:\w+\s+)?(?:readers|the\s+reader|you)\s+(?:can|could|may|might|should)\s+(?:go\s+through|read|"
                      r"review|check\s+out|see|consult|refer\s+to|find|look\s+at)\b[^;]*?(?:,\s*(?:while|whereas)\s+"
                      r"(?P<rest>.*))?$", re.IGNORECASE)
_THE_TEXT = re.compile(r"^(?:the\s+present|this)\s+(?:one|analysis|article|piece|post|essay|column|brief)\s+will\b",
                       re.IGNORECASE)
_GROWING = re.compile(r"\b(?:more\s+and\s+more|ever\s+more|increasingly)\s+(?:plausible|probable|likely)\b", re.IGNORECASE)
_REPORTEDLY = re.compile(r"^(?P<head>[^,;]*?\b(?:will|is\s+set\s+to|are\s+set\s+to|is\s+going\s+to|are\s+going\s+to))\s+"
                         r"reportedly\s+", re.IGNORECASE)
_LABEL = re.compile(r"^(?P<label>[^:?]{2,60}):\s+(?P<rest>[^:]+)$")
_VERB = re.compile(r"\b(?:will|won't|would|could|may|might|can|should|is|are|was|were|has|have|had|does|did)\b",
                   re.IGNORECASE)


def reword(text: str) -> str:
    """``text`` with the round-21 rewordings applied (see the module's docstring); "" when nothing in it is a call."""
    stripped = text.strip()
    invited = _INVITED.match(stripped)
    if invited:
        rest = (invited["rest"] or "").strip()
        return "" if not rest or _THE_TEXT.match(rest) else rest
    if _PAST_HOPE.match(stripped) and not _FUTURE.search(stripped) and not _LIVE_MODAL.search(stripped):
        return ""
    told = _REPORTEDLY.match(stripped)
    if told and not re.search(r"\b(?:will|would|could|may|might|likely|probably|expect\w*)\b|'ll\b", stripped[told.end():],
                              re.IGNORECASE):  # a call of the author's after it keeps the sentence as it is
        text = f"According to reports, {told['head'][:1].lower()}{told['head'][1:]} {stripped[told.end():]}"
    text = _GROWING.sub("increasingly likely", text)
    if _FUTURE.search(text):
        return text
    text = _APPRAISED.sub(lambda m: f"{m['subj']} probably had {'not ' if bool(m['how']) != bool(m['neg']) else ''}"
                                    f"{m['pp']}", text)
    return _MODAL_PERFECT.sub(lambda m: "had not " if m["neg"] else "had ", text)


def headline(title: str) -> str:
    """A title read without a short label before its colon ("Korybko To Dutch Media: X Will Y" -> "X Will Y"); the
    title as it is when the part before the colon says something itself (it has a verb) or is long."""
    m = _LABEL.match(title.strip())
    if not m or len(m["label"].split()) > 6 or _VERB.search(m["label"]):
        return title
    return m["rest"].strip()
