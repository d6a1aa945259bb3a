"""Weakened and doubled negations: two ways of reading them, from two rounds of issue 22.

**Reworded (round 31)**, before a sentence is read for calls (:func:`reword`, from frames_en.prepare), so
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

**Read as a call (round 30)**, a likelihood denied (:func:`litotes_calls`, from leadlists_en).
"Yet this last scenario is not as unlikely as Kiev's most ardent supporters might instinctively claim" was proposed as
"This last scenario is not as unlikely as Kiev's most ardent supporters will instinctively claim", negated (the
reversal check flagged it), and "Concessions are not unlikely." as "Concessions are not not unlikely.", a claim said the
other way. The family: "X is (are, seems, looks, remains) not (hardly, far from, by no means, anything but) [as, so,
that, all that, entirely] unlikely (improbable, implausible, far-fetched) [as Y might claim]" is the author's hedged
call that X will happen (at "possible"); the comparison with what others say is no part of the claim; "X is not
unlikely to V": X will V; "It isn't unlikely that X will V": X will V (was "X will not V"). A condition before it ("If
the aid stops, a mutiny is not unlikely") stays with the call.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import finish



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

_LEAD = r"(?:(?:yet|but|still|however|and|so|indeed|in fact|then|now|admittedly)\s*,?\s+)*"
_BE_DENIED = r"(?:is|are|was|were|seems?|looks?|appears?|remains?|'s|'re)"
# ("not impossible" is left out: the set reads it as low odds, "it is not impossible that X" at "unlikely", round 16)
_UNLIKELY = r"(?:unlikely|improbable|implausible|far-fetched)"
_LITOTES = re.compile(r"^" + _LEAD + r"(?:(?:I|we)\s+(?:\w+ly\s+)?(?:think|believe|suspect|reckon|feel|would\s+say|"
                      r"'d\s+say)\s+(?:that\s+)?)?(?:(?P<cond>(?:if|unless|should|once)\s+[^,]{3,120}),\s+)?"
                      r"(?P<subj>(?!it\b|that\b|this\s+is\b)[A-Za-z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,7}?)\s*(?P<be>" + _BE_DENIED +
                      r")\s*(?P<den>(?:n't\s+|not\s+|hardly\s+|scarcely\s+|far\s+from\s+|by\s+no\s+means\s+|anything\s+but\s+|no\s+longer\s+)"
                      r"(?:as\s+|so\s+|that\s+|all\s+that\s+|entirely\s+|altogether\s+|completely\s+|wholly\s+|totally\s+|"
                      r"quite\s+|at\s+all\s+)?" + _UNLIKELY + r")\b(?P<tail>.*)$", re.IGNORECASE)
# what follows that is a comparison with what others say or think ("as X might claim", "as many believe")
_COMPARED = re.compile(r"^\s*,?\s*(?:as|than)\s+[^,;]*?(?:claim|think|believe|say|suggest|assume|imagine|argue|expect|"
                       r"fear|hope|insist|suppose|contend|maintain)s?\b[^,;]*", re.IGNORECASE)
# what follows that is a time or a condition the call keeps ("this year", "if the aid stops")
_KEPT = re.compile(r"^\s*,?\s*(?P<keep>(?:in|by|before|this|next|during|if|unless|once|when|after)\b[^,;]{2,80})", re.IGNORECASE)


# "It isn't unlikely that rates will rise" ("…that rates will not rise" was proposed, negated)
_IT_THAT = re.compile(r"^" + _LEAD + r"(?:it|this|that)\s*(?:is|'s|was|seems|looks)\s*(?P<den>(?:n't|not|hardly|scarcely|far\s+from|"
                      r"by\s+no\s+means|no\s+longer)\s+(?:as\s+|so\s+|that\s+|all\s+that\s+|entirely\s+|altogether\s+|at\s+all\s+)?"
                      + _UNLIKELY + r")\s+that\s+(?P<rest>.+)$", re.IGNORECASE)


def _hedge_text(denial: str) -> str:
    return re.sub(r"^n't\b", "not", re.sub(r"\s+", " ", denial).strip())


def litotes_calls(sentence: str) -> list[Call] | None:
    """The positive call of ``sentence`` when it denies that something is unlikely; None when it does not."""
    hedge = lookup("possible")
    probability = hedge.probability if hedge is not None else 0.5
    found = _IT_THAT.match(sentence.strip().rstrip(".!"))
    if found and re.search(r"\b(?:will|won't|is\s+going\s+to|are\s+going\s+to)\b", found["rest"]):
        return [Call(claim=finish(found["rest"]), hedge_text=_hedge_text(found["den"]), hedge=hedge,
                     probability=probability, negated=False, start=0, end=len(sentence))]
    found = _LITOTES.match(sentence.strip().rstrip(".!"))
    if not found:
        return None
    subj = found["subj"].strip()
    if re.match(r"(?:I|we|you|he|she|they)$", subj, re.IGNORECASE):
        return None  # "I am not unlikely to…": a person, read by the clause reader
    if re.search(r"\b(?:said|says|say|thinks?|believes?|argued|argues|claims?|claimed|told|wrote|writes|reckons?|"
                 r"feels?|felt|suggests?|suggested|warned|warns)\b", subj, re.IGNORECASE):
        return None  # "He said a deal is not unlikely": whose view it is, the clause reader tells
    tail = found["tail"]
    compared = _COMPARED.match(tail)
    if compared:
        tail = tail[compared.end():]
    subj = subj[:1].upper() + subj[1:]
    verb = re.match(r"^\s+to\s+(?P<vp>[a-z].*)$", tail)
    kept = _KEPT.match(tail)
    claim = f"{subj} will {verb['vp']}" if verb else f"{subj} will happen" + (f" {kept['keep'].strip()}" if kept else "")
    return [Call(claim=finish(claim), hedge_text=_hedge_text(found["den"]), hedge=hedge,
                 probability=probability, negated=False,
                 condition=(found["cond"] or "").strip(), start=0, end=len(sentence))]
