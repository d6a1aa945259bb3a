"""Round 30 of issue 22 (after heldout36's first run): clauses the clause reader took for calls that tell what is past,
asked or commonly said, not what the author expects.

- What is past, under a frame of belief or a verb of finding: "I suspect some negotiating has taken place" ("Some
  negotiating has taken place…" was proposed), "Early research showed it to be … less likely to be stopped by existing
  vaccines" (a finding), "… when he testified that China could invade Taiwan within six years" (what someone said, in a
  sentence that tells the past): a claim with nothing ahead in it (no "will", no "going to") whose verb is in a
  past or perfect form is none.
- A modal of the past in a narrative: "Most countries, though, could not get enough vaccine for their citizens." after
  "… far too many people refused to be vaccinated." ("Most countries will not get enough vaccine" was proposed): a
  "could (not)" in a sentence with no time ahead, after a sentence told in the past with no modal of its own.
- A modal moved back after a past verb of saying: "… when he testified that China could invade Taiwan within six years"
  was the author's "… testified that China will invade Taiwan": the speaker's view then, no call of the author's.
- An indirect question: "We'll know in twelve months which will sizzle and which will fizzle" ("This will fizzle."
  was proposed), "The bureaucracies were split over whether Biden should stay committed…": what is asked (after "know",
  "see", "find out", "learn", "wonder", "whether") is no call.
- What anyone will tell you: "As any writer, analyst or correspondent on foreign affairs will tell you, predicting
  world events is a mug's game": common wisdom, no call.
- A concession's modal: "…, however alien and distant events may seem" gave the whole sentence as a call at "may"; a
  claim with nothing ahead whose only modal is in a concession ("however X may seem", "whatever Y may be", "no matter
  how …") is none.
"""

from __future__ import annotations

import re

from tracker.ingest.hedgespan import Call

_AHEAD = re.compile(r"\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|to\s+come|'ll)\b", re.IGNORECASE)
# a guess about the past ("I suspect X has taken place") or a past finding or statement ("showed it to be", "testified")
_GUESSES = ("suspect", "imagine", "guess", "gather", "assume")
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:already\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|ght|t)\b", re.IGNORECASE)
_FOUND_OR_SAID = re.compile(r"\b(?:showed|found|revealed|indicated|testified|said|warned|claimed|argued)\b", re.IGNORECASE)
_CONCESSION = re.compile(r"\b(?:however|whatever|whoever|no\s+matter\s+(?:how|what|who))\b[^,;]*?\b(?:may|might|could)\s+"
                         r"(?:\w+\s+)?(?:seem|be|appear|look|sound|say|think|want|feel)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:may|might|could|would|should|can)\b", re.IGNORECASE)
# a modal moved back after a past verb of saying ("when he testified that China could invade Taiwan"): the speaker's
# view at the time, not the author's call (round 28's notcalls_en reads verbs of showing and feeling)
_SAID_BACK = re.compile(r"\b(?:testified|said|warned|claimed|argued|insisted|declared|announced|told\s+\w+)\s+(?:that\s+)?"
                        r"[^,;:]*?\b(?:could|might|would)\b", re.IGNORECASE)
_SAID_WILL = re.compile(r"\b(?:testified|said|warned|claimed|argued|insisted|declared|announced|told\s+\w+)\s+(?:that\s+)?"
                        r"[^,;:]*?\bwill\b", re.IGNORECASE)
# an indirect question: "were split over whether X should V", "the question of whether", "undecided on whether"; or what
# the writers will learn ("In twelve months we'll know which will sizzle and which will fizzle")
_ASKED = re.compile(r"\b(?:split|divided|torn|debated?|argued|argue|undecided|uncertain|unclear|question|decide|deciding|"
                    r"wonder(?:ed|ing)?|ask(?:ed|ing)?)\s+(?:(?:over|on|about|as\s+to|of)\s+)?(?P<q>whether\b[^,;]*)|"
                    r"\b(?:we|you|I|they|everyone)\s*(?:'ll|will)\s+(?:\w+ly\s+)?(?:know|see|find\s+out|learn|discover)\s+"
                    r"(?P<q2>(?:which|whether|what|who|how|if)\b[^,;]*)", re.IGNORECASE)
_TELL_YOU = re.compile(r"^(?:as\s+)?(?:any|every|anyone|everyone|anybody|everybody)\b[^.;]{0,100}?\bwill\s+(?:\w+ly\s+)?"
                       r"(?:tell|confirm|attest|agree|say|admit)\b", re.IGNORECASE)
# "In twelve months we will know which will sizzle": what the writers will learn, an indirect question after it
_WILL_KNOW = re.compile(r"\b(?:we|you|I|they|everyone|the\s+world)\s+will\s+(?:\w+ly\s+)?(?:know|see|find\s+out|learn|discover)\s+"
                        r"(?:which|whether|what|who|how|if)\b", re.IGNORECASE)
_AHEAD_TIME = re.compile(r"\b(?:next|coming|soon|tomorrow|later|ahead|future|upcoming|from\s+now|by\s+(?:the\s+end|20\d\d)|"
                         r"winter|spring|summer|autumn|fall|season|January|February|March|April|May|June|July|August|"
                         r"September|October|November|December|potential|expected|likely|set\s+to|risk|otherwise|if|unless)\b",
                         re.IGNORECASE)
_PAST_TOLD = re.compile(r"\b(?:was|were|had|did|\w{3,}ed)\b", re.IGNORECASE)


def _asked(sentence: str, call: Call) -> bool:
    """Whether ``call``'s verb lies in an indirect question of ``sentence``."""
    found = _ASKED.search(sentence)
    if not found:
        return False
    question = (found["q"] or found["q2"]).lower()
    if question.startswith("whether or not"):
        return False  # "X will V whether or not Y": the call stays
    words = re.findall(r"[a-z']+", call.claim.lower().split(" will ", 1)[-1])[:3]
    return bool(words) and " ".join(words) in re.sub(r"[^a-z' ]", " ", question).replace("  ", " ")


def _conceded_only(sentence: str) -> bool:
    """Whether every modal or word of the future in ``sentence`` lies in a concession ("however X may seem")."""
    found = _CONCESSION.search(sentence)
    if not found:
        return False
    rest = sentence[:found.start()] + sentence[found.end():]
    return not _MODAL.search(rest) and not _AHEAD.search(rest)


def _in_concession(sentence: str, call: Call) -> bool:
    """Whether ``call`` was read from the concession itself ("However hard it may seem, …": "Hard it will seem.")."""
    found = _CONCESSION.search(sentence)
    head = " ".join(re.findall(r"[a-z']+", call.claim.lower().split(" will ", 1)[0]))
    return bool(found and head) and head in " ".join(re.findall(r"[a-z']+", found.group().lower()))


def _past_narrative(sentence: str, previous: str) -> bool:
    """"could (not)" the only modal of a sentence with no time ahead, after one told in the past with no modal."""
    modals = _MODAL.findall(sentence)
    return (bool(modals) and all(m.lower() == "could" for m in modals) and not _AHEAD_TIME.search(sentence)
            and not _AHEAD.search(sentence) and bool(previous) and bool(_PAST_TOLD.search(previous))
            and not _MODAL.search(previous) and not _AHEAD.search(previous))


def without_past_or_asked(sentence: str, calls: list[Call], previous: str = "") -> list[Call]:
    """``calls`` of ``sentence`` without those the module's docstring tells of."""
    kept = []
    for call in calls:
        if _TELL_YOU.match(call.claim) or _conceded_only(sentence) or _in_concession(sentence, call) or _WILL_KNOW.search(call.claim):
            continue
        if not _AHEAD.search(call.claim):
            if (call.hedge_text.lower() in _GUESSES and _PERFECT.search(call.claim)) or _FOUND_OR_SAID.search(call.claim):
                continue
        elif _asked(sentence, call) or (not call.forecaster and _SAID_WILL.search(call.claim) and _SAID_BACK.search(sentence)) or (not call.forecaster and call.hedge_text.lower().startswith("could")
                                        and _past_narrative(sentence, previous)):
            continue
        kept.append(call)
    return kept
