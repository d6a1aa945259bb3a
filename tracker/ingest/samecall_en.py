"""Whether two English claims of one direction are two calls, not one said twice (moved from extract.py in round 19).

Other numbers or another subject make another call ("Labour will win 160 seats" / "The Lib Dems will win 25 seats");
round 19: so do other names in a short claim ("Trump will win Florida" / "Trump will win Illinois", a list of picks).
"""

from __future__ import annotations

import re


def different_calls(x: str, y: str) -> bool:
    """"Labour will win 160 seats" / "The Lib Dems will win 25 seats": other numbers or another subject, another call."""
    polarity = [bool(re.search(r"\b(?:will not|won't|never)\b", c)) for c in (x, y)]
    if polarity[0] != polarity[1] and subject(x) and subject(x) == subject(y):
        return True  # "Talks will take place" / "Talks will not lead to a resolution": one subject, two calls
    numbers = [set(re.findall(r"\d+(?:\.\d+)?", c)) for c in (x, y)]
    if numbers[0] and numbers[1] and numbers[0] != numbers[1]:
        return True
    if other_names(x, y) or other_objects(x, y):
        return True
    subjects = [re.match(r"^(.+?)\s+will\b", c) for c in (x, y)]
    if all(subjects) and all(len(m[1].split()) <= 4 and not re.match(r"(?:there|it|this|that|these|those)\b", m[1], re.I)
                             for m in subjects):
        words = [{w for w in re.findall(r"[a-z0-9]+", m[1].lower()) if w not in ("the", "a", "an")} for m in subjects]
        return bool(words[0] and words[1]) and not words[0] & words[1]
    return False


def subject(claim: str) -> str:
    found = re.match(r"^(.+?)\s+(?:will|won't)\b", claim)
    return found[1].lower() if found else ""


def _names(claim: str) -> set[str]:
    """The capitalised words of a claim after its first word ("Trump will win North Carolina": North, Carolina)."""
    return set(re.findall(r"(?<!^)\b[A-Z][a-z][\w'-]*", claim.strip())) - {"I"}


def other_names(x: str, y: str) -> bool:
    """Two short claims with one subject that name other places or people after it: two calls."""
    if max(len(x.split()), len(y.split())) > 8 or not subject(x) or subject(x) != subject(y):
        return False
    names = [_names(c[len(subject(c)):]) for c in (x, y)]
    return bool(names[0] and names[1]) and not names[0] & names[1]


_OBJECT = re.compile(r"^(?P<subj>.+?)\s+will\s+(?P<verb>[a-z]+)\s+(?P<obj>[^,;]+?)(?=\s+(?:to|in|at|by|for|on|with|from|which|that|"
                     r"who|before|after|over|into|this|next|if|unless|when)\b|[,;.]|$)")


def other_objects(x: str, y: str) -> bool:
    """Round 28: one subject and one verb of two objects, one of which the other does not name at all ("The House will
    reject a hard Brexit" / "The House will reject Theresa May's Brexit deal", two items of a list): two calls."""
    found = [_OBJECT.match(c.strip()) for c in (x, y)]
    if not all(found) or found[0]["subj"].lower() != found[1]["subj"].lower() or found[0]["verb"] != found[1]["verb"]:
        return False
    objects = [re.findall(r"[a-z0-9]+", m["obj"].lower()) for m in found]
    if not objects[0] or not objects[1]:
        return False
    heads = [o[-1] for o in objects]
    return heads[0] != heads[1] and (heads[0] not in objects[1] or heads[1] not in objects[0])
