"""Round 35: a likelihood said to be low or high is a call on what it is the likelihood of ("the likelihood of US
sanctions on Russia remains low": the sanctions are unlikely; "the chances that the deal will hold are good": it
will hold). After a clause of its own ("More interference could sharpen tensions, although the likelihood of
sanctions remains low") it is read apart, as its own call; the whole sentence was read as the first clause's call
with the likelihood kept in it, a claim whose direction was not the author's."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import base_of

_LOW = r"low|slim|remote|small|minimal|negligible|nil|zero|slight|limited|poor"
_HIGH = r"high|good|strong|considerable|significant|substantial"
_CLAUSE = re.compile(r"(?P<lead>^|,\s*(?:although|though|but|while|whereas|yet|and)\s+|;\s*(?:(?:although|though|but|"
                     r"while|and)\s+)?)(?:the\s+)?(?P<noun>likelihood|chances?|probability|odds|prospects?)\s+"
                     r"(?P<link>of|that)\s+(?P<what>[^,;]+?)\s+(?:is|are|remains?|stays?|looks?|seems?|appears?)\s+"
                     r"(?:(?:very|quite|rather|extremely|fairly|relatively|pretty|still)\s+)?(?P<level>" + _LOW + "|" +
                     _HIGH + r")\s*[.!]?\s*$", re.IGNORECASE)

# what a likelihood is "of" when it is a clause told with a gerund: "the bank raising rates in June"
_GERUND = re.compile(r"^(?P<who>(?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’.-]*(?:\s+(?!\w+ing\b)[\w'’.-]+){0,3}?)\s+"
                     r"(?P<verb>[a-z]{3,}ing)\b(?P<rest>.*)$")


def likelihood_calls(sentence: str, finder: Callable[[str], list[Call]]) -> list[Call] | None:
    """The calls of ``sentence`` when it ends on a likelihood said to be low or high (``finder`` reads a sentence's
    calls); None when it does not."""
    found = _CLAUSE.search(sentence.strip())
    if found is None:
        return None
    low = re.fullmatch(_LOW, found["level"], re.IGNORECASE) is not None
    what = found["what"].strip()
    gerund = _GERUND.match(what) if found["link"].lower() == "of" else None
    if found["link"].lower() == "that":
        said = f"It is {'unlikely' if low else 'likely'} that {what}."
    elif gerund:  # "the odds of the bank raising rates seem high": the bank will raise rates (met on round 37's merge)
        said = f"It is {'unlikely' if low else 'likely'} that {gerund['who']} will {base_of(gerund['verb'])}{gerund['rest']}."
    else:
        said = f"{what[:1].upper() + what[1:]} {'is' if re.search(r'[^s]s$', what) is None else 'are'} " \
               f"{'unlikely' if low else 'likely'}."
    start = found.start() + len(found["lead"])
    calls = []
    for call in finder(said):
        call.start, call.end = start, len(sentence)
        call.hedge_text = f"{found['noun'].lower()} {found['link'].lower()} … {found['level'].lower()}"  # as written
        calls.append(call)
    if found.start() > 0:  # the clause before it, read on its own
        first = sentence[:found.start()].rstrip(" ,;") + "."
        calls = [c for c in finder(first)] + calls
    return calls
