"""An English event title without its date: the whole date phrase is taken out, not only the words the date
finder read, so that the title reads as English.

"On March 15, 2025 the leaders met" loses "On March 15, 2025" (the preposition with it), "held on Thursday 8 May"
loses "on Thursday 8 May" (the weekday attached to the day), "the decision of March 5, 2009, when" loses "of March
5, 2009," (the comma that closed the date), "in the middle of Thursday afternoon" all of it, "this week's meeting"
becomes "the meeting"; what is left is tidied (no space before a comma, no empty brackets, no doubled comma) and
starts with a capital. A date that is the subject of its clause ("Today will be a quiet start") stays.
"""

from __future__ import annotations

import re

WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
         r"Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?")
_PART_OF_DAY = re.compile(r"^\s+(?:mornings?|afternoons?|evenings?|nights?|lunchtime|overnight)\b", re.IGNORECASE)
# what stands before a date and belongs to it: a weekday attached to a day ("on Thursday 8 May", "Monday, December
# 26"), "the morning of", "the end of", a preposition, "back", "early"
_BEFORE = [
    re.compile(r"\b(?:(?i:on|this|next|last|coming)\s+)?" + WEEKDAY + r"\.?,?\s+(?:the\s+)?$"),
    re.compile(r"\b(?:the\s+)?(?:very\s+)?(?:morning|afternoon|evening|night|eve|end|start|beginning|middle|close|turn|"
               r"(?:first|second|latter|last)\s+(?:half|part|week|days?)|week|weekend|course|rest)\s+of\s+(?:the\s+)?$",
               re.IGNORECASE),
    re.compile(r"\b(?:on|in|at|during|since|from|of|for|by|until|till|through|throughout|around|as of|as early as|"
               r"over|across|to)\s+$", re.IGNORECASE),
    re.compile(r"\b(?:early|late|mid|mid-)\s*$", re.IGNORECASE),
    re.compile(r"\bback\s+$", re.IGNORECASE),
    # the first of two dates joined: "on Thursday and (Friday)", "April 10 and (24)"
    re.compile(r"\b(?:(?i:on)\s+)?(?:" + WEEKDAY + r"|" + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?)\s+"
               r"(?:and|or|&|to|through|-|–)\s+$"),
    # round 28: a participle that opens the date phrase: "starting on Tuesday 12 March", "effective from 1 May"
    re.compile(r"\b(?:starting|beginning|commencing|effective)\s+$", re.IGNORECASE),
]
_PREPOSITION = re.compile(r"^(?:on|in|at|during|since|from|of|for|by|until|till|through|throughout|around|as of|over|"
                          r"across|to|back|early|late|mid)\b", re.IGNORECASE)
# a second date joined to the first: "on Tuesday and Wednesday", "May 10 and 24", "(Thursday)"
_AFTER = [
    re.compile(r"^\s*(?:,\s*|\s+)(?:and|or|&|to|through|-|–)\s+(?:on\s+)?(?:" + WEEKDAY + r"\b|\d{1,2}(?:st|nd|rd|th)?\b"
               r"(?:\s+" + MONTH + r")?|" + MONTH + r"\s+\d{1,2}\b)(?:,?\s+(?:19|20)\d{2}\b)?"),
    re.compile(r"^\s*\(\s*" + WEEKDAY + r"\.?\s*\)"),
    re.compile(r"^,?\s+(?:19|20)\d{2}\b(?!\s*(?:%|percent))"),
]
# a subject's verb right after the date: "Today will be a quiet start", "Yesterday was…"
_VERB_AFTER = re.compile(r"^\s+(?:(?:also|then|again|usually|typically)\s+)?(?:will|would|is|was|are|were|has|had|marks|marked|saw|sees|brings|brought|could|may|"
                         r"might)\b")


_DETERMINER = re.compile(r"\b(?:the|its|their|his|her|this|that|these|those|a|an|our|my|your|[A-Z][\w.&-]*'s)\s+$",
                         re.IGNORECASE)
_LEAD_DETERMINER = re.compile(r"^(?:the|its|their|his|her|this|that|a|my|our|your)\s+(?:[a-z]+\s+)?(?=(?:19|20)\d{2})",
                              re.IGNORECASE)
# a comma after a date that closes it ("on Monday, December 26, for Christmas") goes with it; one before a clause stays
_CLAUSE_AFTER_COMMA = re.compile(r"^\s*,\s+(?:when|which|who|whom|whose|where|while|whereas|as|and|but|or|so|nor|"
                                 r"although|though|because|since|after|before|until|with|without|if|then|\w+ing)\b",
                                 re.IGNORECASE)


def date_phrase(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the whole date phrase around ``text[start:end]``; None when the date is the subject of its
    clause and stays in the title."""
    mention = text[start:end]
    weekday = re.match(r"(?:(?i:on|this|next|last)\s+)?" + WEEKDAY + r"\b", mention)
    if weekday:
        part = _PART_OF_DAY.match(text[end:])
        end += part.end() if part else 0  # "late on Sunday night"
    changed = True
    while changed:
        changed = False
        for pattern in _AFTER:
            m = pattern.match(text[end:])
            if m:
                end, changed = end + m.end(), True
    if weekday and _PART_OF_DAY.match(text[end:]):
        end += _PART_OF_DAY.match(text[end:]).end()  # "on Thursday and Friday nights"
    prepositions = 1 if _PREPOSITION.match(mention) else 0
    changed = True
    while changed:
        changed = False
        for i, pattern in enumerate(_BEFORE):
            m = pattern.search(text[:start])
            if m and m.start() < start and not (i == 2 and prepositions) and \
                    not (i == 4 and not re.match(r"in\b", text[start:end], re.IGNORECASE)):  # "back in 1972", not "laid back to"
                start, changed = m.start(), True
                prepositions += i == 2
                break
    leading = not text[:start].strip(" ,;:([\"'")
    if leading and not _PREPOSITION.match(text[start:end]) and _VERB_AFTER.match(text[end:]):
        return None  # "Today will be a very quiet start to the week": the date is what the clause is about
    return start, end


def without_date(text: str, start: int, end: int) -> str:
    """``text`` with the date phrase at ``start:end`` taken out and the rest tidied."""
    before, after = text[:start], text[end:]
    possessive = re.match(r"^'s?\s+(?=[A-Za-z])", after)
    if possessive:  # "this week's meeting", "Wednesday's Fed meeting": the meeting
        after = after[possessive.end():]
        if not _DETERMINER.search(before):
            after = "the " + after
        return tidy(before.rstrip() + " " + after.lstrip())
    lead = _LEAD_DETERMINER.match(text[start:end])
    if lead and re.match(r"^\s+(?:[a-z]+(?:ed|en)|by|of|in|for|to|with)\b", after):
        return tidy(text)  # "After a 2021 dominated by easy money": the year is the noun, and stays
    if re.match(r"^\s+[A-Za-z]", after) and (lead or _DETERMINER.search(before)):
        # "in the contested 2004 election", "the Fed's December meeting": the date names the noun; the year goes
        return tidy(before + text[start:start + lead.end()] + after.lstrip() if lead else before + after.lstrip())
    span = date_phrase(text, start, end)
    if span is None:
        return text
    start, end = span
    before, phrase, after = text[:start], text[start:end], text[end:]
    if not before.strip(" ([\"'") and re.match(r"^\s*,\s*", after):
        after = after[re.match(r"^\s*,\s*", after).end():]  # "On March 15, 2025, the leaders met": no comma first
    elif "," in phrase.strip(" ,") and re.match(r"^\s*,\s+", after) and not _CLAUSE_AFTER_COMMA.match(after) \
            and not before.rstrip().endswith(","):
        after = after[re.match(r"^\s*,", after).end():]  # "closed on Monday, December 26, for Christmas": the date's comma
    return tidy(before.rstrip() + " " + after.lstrip())


def tidy(text: str) -> str:
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    text = re.sub(r",\s*([.;:])", r"\1", text)
    text = re.sub(r"\s{2,}", " ", text)
    return text.strip(" ,;:")
