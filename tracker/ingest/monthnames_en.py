"""Round 28 of issue 22 (after heldout34's first run): a month's name that names a person.

"May", "June", "April" and "August" are names too. One is a person's, no date, when a capitalised word that is no
preposition, determiner, weekday or month stands just before it ("Theresa May's deal", "Prime Minister May",
"Mrs May"), or when it opens its clause as the subject of a verb ("Since May has not got the EU to agree…", "as May
said"), and so does "May's" in a sentence that names the person so elsewhere ("…, who voted down May's deal"): "in May", "Since May, prices have…", "the May meeting", "Inflation since May has been high" stay dates.
"""

from __future__ import annotations

import re

_NAMES = ("May", "June", "April", "August")
# capitalised words that may stand before a month that is a month
_NOT_A_NAME = {w.lower() for w in (
    "In On By Since From Until Till Of During Early Mid Late Last Next This That These Those Before After Through "
    "Throughout Between And Or To For At Each Every Only Around Until Into The A An Its Their His Her Our Your My "
    "Since Mid-May Come Since Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
    "Also Then Now Even Already Again Still But So Yet Nor Both Either Neither Where When While Early-to-mid").split()}
_WORD_BEFORE = re.compile(r"\b(?P<w>[A-Z][\w.-]*)\s+$")
# a clause's opening (with a conjunction) before the name, and a finite verb after it
_CLAUSE_OPENING = re.compile(r"(?:^|[.;:,!?]\s*)(?:(?:since|as|because|while|when|if|although|though|but|and|so)\s+)?$",
                             re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+(?:has|had|have|is|was|said|says|told|tells|gave|gives|wants|wanted|insisted|insists|"
                         r"argued|argues|will|would|could|should|must|can|cannot|can't|did|does|didn't|doesn't|won't|"
                         r"faces|faced|needs|needed|hopes|hoped|tried|tries|got|gets|made|makes|took|takes)\b")


def month_is_name(text: str, m: re.Match) -> bool:
    """Whether the month of the date match ``m`` in ``text`` is a person's name, not a date."""
    group = next((g for g in ("mon", "mon2") if m.groupdict().get(g)), None)
    if group is None or m.group(group) not in _NAMES:
        return False
    start, end = m.start(group), m.end(group)
    if _named_at(text, start, end):
        return True
    # "who voted down May's deal" in a sentence that names the person elsewhere ("Since May has not got…")
    return text[end:end + 2] == "'s" and any(_named_at(text, o.start(), o.end()) for o in
                                              re.finditer(r"\b" + m.group(group) + r"\b", text) if o.start() != start)


def _named_at(text: str, start: int, end: int) -> bool:
    before = _WORD_BEFORE.search(text[:start])
    if before and before["w"].lower() not in _NOT_A_NAME:
        return True
    return bool(_CLAUSE_OPENING.search(text[:start]) and _VERB_AFTER.match(text[end:]))
