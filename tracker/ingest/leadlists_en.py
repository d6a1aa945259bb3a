"""Round 28 of issue 22 (after heldout34's first run): a call whose verbs are the items of a list under its lead.

"In three votes over three days, the House of Commons is likely to:" over "1. reject Prime Minister Theresa May's
Brexit deal," "2. reject a hard Brexit, and" "3. back a delay to Brexit": the lead ends in an open "to" (or "will",
"should", "we expect X to") and a colon, and each item that goes on from it with a verb in the base form is one call,
read as the lead and the item together ("the House of Commons is likely to reject a hard Brexit"); the lead alone is
no call ("the House of Commons will." was proposed). The lead stays the sentence before each item that follows it, so
the second and third items read it too; the list ends at the first sentence that is not such an item.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest import habitualanswers_en, predfind_en
from tracker.ingest.authorframes_en import as_known_frame
from tracker.ingest.governedclauses_en import without_governed
from tracker.ingest.hedgespan import Call
from tracker.ingest.keyrole_en import without_key_roles
from tracker.ingest.likelihoodclause_en import likelihood_calls
from tracker.ingest.litotes_en import litotes_calls
from tracker.ingest.lookback_en import past_opener, without_lookbacks
from tracker.ingest.negforms_en import through_rewrites
from tracker.ingest.nonfuture_en import without_past_or_asked
from tracker.ingest.notcalls_en import without_non_calls
from tracker.ingest.oddsgivers_en import odds_givers
from tracker.ingest.portents_en import portent_calls
from tracker.ingest.pronounspeakers_en import own_voice
from tracker.ingest.safebets_en import said_plainly
from tracker.ingest.whpredict_en import without_asked_after_knowing

# a lead: a clause that ends in an open modal or infinitive and a colon
_LEAD = re.compile(r"^(?P<lead>.*\b(?:(?:is|are|seems?|looks?|appears?)\s+(?:\w+ly\s+)?(?:likely|unlikely|expected|set|poised|"
                   r"due|going|bound|certain|sure)\s+to|will|won't|should|shall|(?:I|we)\s+(?:\w+ly\s+)?expect\s+[^,;:]{2,80}?\s+to|"
                   r"(?:look|watch)\s+for\s+[^,;:]{2,80}?\s+to|expect\s+[^,;:]{2,80}?\s+to))\s*:\s*$", re.IGNORECASE)
# an item that goes on from it: a number or a bullet, then a verb in the base form ("1. reject …", "- back a delay …")
_ITEM = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|[-*•·]|\(?[a-h]\))\s+(?P<body>(?!(?:the|a|an|this|that|these|those|it|they|he|she|we|"
                   r"I|in|on|at|by|for|of|to|with|from|and|or|but|if|when|as)\b)[a-z]{2,}\b[^:]*?)\s*(?:,?\s*(?:and|or))?\s*[,;.]?\s*$")


def _lead(previous: str) -> str:
    found = _LEAD.match(previous.strip())
    return found["lead"] if found else ""


def is_lead(sentence: str) -> bool:
    """A sentence that only opens a list of calls: "X is likely to:"."""
    return bool(_lead(sentence))


def find_calls(sentence: str, previous: str = "", in_forecasts: bool = False, listed: bool = False,
               names: tuple[str, ...] = ()) -> list[Call]:
    """:func:`tracker.ingest.predfind_en.find_calls`, with an item under a lead read as the lead and the item, and the
    lead itself giving no call; what :mod:`tracker.ingest.notcalls_en` tells of left out."""
    if is_lead(sentence) or habitualanswers_en.answers(previous, sentence):  # round 36: "What usually happens when…? X may V."
        return []
    plain = said_plainly(sentence)  # round 34: "Nobody knows X, but it is safe to say that Y is not in the cards"
    if plain is not None:
        calls = find_calls(plain, previous, in_forecasts, listed, names)
        for one in calls:
            one.start, one.end = 0, len(sentence)
        return calls
    lead, item = _lead(previous), _ITEM.match(sentence)
    if lead and item:
        lead = re.split(r",\s+(?=[^,]*$)", lead)[-1]  # the lead's own clause: "the House of Commons is likely to"
        calls = predfind_en.find_calls(f"{lead[:1].upper() + lead[1:]} {item['body']}.", "", in_forecasts, False, names)
        for one in calls:
            one.start, one.end = 0, len(sentence)
        return without_non_calls(sentence, calls)
    litotes = litotes_calls(sentence)  # round 30: "X is not as unlikely as Y might claim": X will happen
    if litotes is not None and not predfind_en.sentence_speaker(sentence):
        return litotes

    def finder(text: str) -> list[Call]:
        return predfind_en.find_calls(text, previous, in_forecasts, listed, names)
    told = likelihood_calls(sentence, finder)  # round 35: "…, although the likelihood of X remains low"
    told = portent_calls(sentence, finder) if told is None else told  # round 35: "This set-up promises a clash"
    framed = as_known_frame(sentence) if told is None else None  # round 30: "I'm afraid that X will V"
    if told is not None:
        calls = told
    elif framed is not None:
        calls = predfind_en.find_calls(framed[0], previous, in_forecasts, listed, names)
        likely = lookup("likely")
        for one in calls:
            one.start, one.end, one.hedge_text = 0, len(sentence), framed[1]
            if framed[1].startswith("would") and likely is not None and one.probability > likely.probability:
                one.hedge, one.probability = likely, likely.probability  # "I'd imagine X will V": not "X will V" outright
    else:
        calls = past_opener(sentence, lambda opened: through_rewrites(  # round 33
            opened, lambda text: predfind_en.find_calls(text, previous, in_forecasts, listed, names)))
    calls = without_lookbacks(sentence, without_non_calls(sentence, calls))  # round 33
    calls = without_governed(sentence, calls)  # round 34: a list of infinitives, the terms of a past bet
    calls = without_asked_after_knowing(sentence, without_past_or_asked(sentence, calls, previous))  # rounds 30, 37
    # round 35: "We should expect X to V" the author's; odds someone gives his; what will matter no call
    return without_key_roles(odds_givers(sentence, own_voice(sentence, calls)))


def carried(previous: str, sentence: str) -> str:
    """The sentence before the next one: the lead while the list of items under it goes on, else ``sentence``."""
    return previous if _lead(previous) and _ITEM.match(sentence) or habitualanswers_en.carries(previous, sentence) \
        else sentence
