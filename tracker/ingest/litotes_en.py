"""Round 31: weakened and doubled negations reworded before a sentence is read for calls (frames_en.prepare), so
that the claim says what the author means and not the other way:

- litotes: "X is not unlikely to V", "It isn't unlikely that X will V" are "likely" (the "not" read on its own gave
  "X will not V" and "It is not not unlikely…", the claim said the other way);
- "hardly"/"scarcely" before a hedge: "X is hardly likely to V" is "unlikely" (was "X is hardly to V", said the
  positive way), "X is hardly going to V" is "not going to" (was no call), "X will hardly V" is "will not V" and
  "X will hardly ever V" "will almost never V" (the check of a claim's direction reads no "hardly");
- an expectation denied: "X can't (cannot, can hardly) be expected to V" is "unlikely" (was "X can't will V");
- "There's no way (that) X will V" is "very unlikely that X will V" (the modal inside kept the whole sentence as the
  claim);
- a doubt denied or told: "There is no (little) doubt that X will V" is "(very) likely that X will V" (its "no" read
  the call as negative), "It is doubtful that (whether) X will V" "unlikely" (was the claim as written, said the
  positive way);
- "X will, in all probability (likelihood), V": "X will probably V" (the commas hid the modal's verb: no call).

"Never" after "will" needs no rewording here: wording_en.rewrite no longer adds a "not" before it.
"""

from __future__ import annotations

import re

_BE = r"(?P<be>is|are|was|were|seems?|looks?|remains?)"
_LITOTES_TO = re.compile(r"\b" + _BE + r"(?:\s+not|n't)\s+(?:(?:at\s+all|entirely|altogether|so|that)\s+)?(?:unlikely|improbable)"
                         r"(?=\s+to\b)", re.IGNORECASE)
_LITOTES_THAT = re.compile(r"\b(?P<it>it|this|that)(?:\s+is|'s)(?:\s+not|n't)\s+(?:(?:at\s+all|entirely|altogether|so)\s+)?"
                           r"(?:unlikely|improbable)(?=\s+that\b)|\b(?P<it2>it|this|that)\s+isn't\s+(?:unlikely|improbable)"
                           r"(?=\s+that\b)", re.IGNORECASE)
_HARDLY_LIKELY = re.compile(r"\b" + _BE + r"\s+(?:hardly|scarcely)\s+(?:very\s+)?likely(?=\s+to\b)", re.IGNORECASE)
_HARDLY_GOING = re.compile(r"\b(?P<be>is|are|am)\s+(?:hardly|scarcely)\s+(?=going\s+to\b)", re.IGNORECASE)
_WILL_HARDLY = re.compile(r"\b(?P<will>will|'ll)\s+(?:hardly|scarcely)\s+(?P<ever>ever\s+)?(?!any\b)", re.IGNORECASE)
_NOT_EXPECTED = re.compile(r"\b(?:can(?:not|'t|\s+not|\s+hardly|\s+scarcely)|could(?:n't|\s+not|\s+hardly))\s+"
                           r"(?:(?:really|reasonably|seriously)\s+)?be\s+expected(?=\s+to\s+[a-z])", re.IGNORECASE)
_NO_DOUBT = re.compile(r"^(?P<lead>(?:[^,]{1,30},\s+)?)there(?:'s|\s+is|\s+can\s+be)\s+(?P<how>little|no|not\s+much|not\s+a|"
                       r"hardly\s+any)\s+(?:shadow\s+of\s+(?:a\s+)?)?doubt\s+(?:that\s+)?(?=(?:[\w'-]+\s+){1,6}?(?:will|would|is\s+going\s+to|"
                       r"are\s+going\s+to)\s)", re.IGNORECASE)
_DOUBTFUL = re.compile(r"\b(?P<it>it|this|that)(?:'s|\s+is|\s+seems|\s+looks|\s+remains)\s+(?:highly\s+|very\s+|rather\s+|"
                       r"extremely\s+)?doubtful\s+(?:that\s+|whether\s+|if\s+)?(?=(?:[\w'-]+\s+){1,6}?(?:will|would|can|could)\s)",
                       re.IGNORECASE)
_HAVE_NO_DOUBT = re.compile(r"\b(?P<who>I|we)\s+(?:have|harbou?r)\s+(?:no|little|not\s+the\s+slightest)\s+doubts?\s+(?:that\s+)?"
                            r"(?!about\b|over\b|as\s+to\b)", re.IGNORECASE)
_IN_ALL_PROBABILITY = re.compile(r"\b(?P<will>will|would),\s+in\s+all\s+(?:probability|likelihood),\s+", re.IGNORECASE)
_NO_WAY_WILL = re.compile(r"^(?P<lead>(?:[^,]{1,30},\s+)?)there(?:'s|\s+is)\s+(?:just\s+|simply\s+|absolutely\s+)?no\s+way\s+"
                          r"(?:that\s+)?(?=(?:[\w'-]+\s+){1,6}?(?:will|would|is\s+going\s+to|are\s+going\s+to)\s)", re.IGNORECASE)


def reword(text: str) -> str:
    """``text`` with its weakened or doubled negations said plainly (see the module's docstring)."""
    if not re.search(r"\b(?:un|im)probable\b|\bunlikely\b|\bhardly\b|\bscarcely\b|\bexpected\b|\bno\s+way\b|doubt|"
                     r"\bin\s+all\s+(?:probability|likelihood)\b", text, re.IGNORECASE):
        return text
    text = _NO_DOUBT.sub(lambda m: f"{m['lead']}it is {'very likely' if m['how'].lower() == 'no' else 'likely'} that ", text)
    text = _HAVE_NO_DOUBT.sub(lambda m: "I'm confident that " if m["who"].lower() == "i" else "we are confident that ", text)
    text = _DOUBTFUL.sub(lambda m: f"{m['it']} is unlikely that ", text)
    text = _IN_ALL_PROBABILITY.sub(lambda m: f"{m['will']} probably ", text)
    text = _LITOTES_THAT.sub(lambda m: f"{m['it'] or m['it2']} is likely", text)
    text = _LITOTES_TO.sub(lambda m: f"{m['be']} likely", text)
    text = _HARDLY_LIKELY.sub(lambda m: f"{m['be']} unlikely", text)
    text = _HARDLY_GOING.sub(lambda m: f"{m['be']} not ", text)
    text = _WILL_HARDLY.sub(lambda m: "will almost never " if m["ever"] else "will not ", text)
    text = _NOT_EXPECTED.sub("is unlikely", text)
    return _NO_WAY_WILL.sub(lambda m: f"{m['lead']}it is very unlikely that ", text)
