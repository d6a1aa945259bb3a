"""Round 35: odds someone else gives are that one's forecast ("The Superforecasters put at 86.6% the probability
that Zelenskiy will win", "Markets assign a 70% chance that the Fed will cut", "Bookmakers give Labour an 80%
chance of winning"): the call is credited to the subject that gives the figure (it was the author's), and its
claim is the clause the odds are given to, when there is one."""

from __future__ import annotations

import re

from tracker.ingest.hedgespan import Call
from tracker.ingest.speakers_en import speaker_name
from tracker.ingest.wording_en import finish

_VERB = r"(?i:put|puts|place|places|placed|assign|assigns|assigned|give|gives|gave|price|prices|priced|see|sees|saw)"
_CROWD = r"(?i:(?:futures\s+)?markets?|investors|traders|bookmakers|bettors|punters|pollsters|forecasters)"
_GIVER = re.compile(r"(?:^|[,;:]\s+|\b(?i:at\s+present|currently|now|today|for\s+now|right\s+now),?\s+)"
                    r"(?:(?i:the)\s+)?(?P<who>[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,3}|" + _CROWD + r")\s+"
                    r"(?:(?i:currently|now|still|only|also)\s+)?" + _VERB + r"\b(?P<rest>(?:[^.;]|\.(?=\d)){0,90}?)\b"
                    r"(?i:probability|chance|chances|odds|likelihood)\b")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)")
_THAT = re.compile(r"\b(?:probability|chance|chances|odds|likelihood)\s+that\s+(?P<clause>[^;]+?)"
                   r"(?:\s+at\s+\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent))?[.!]?$", re.IGNORECASE)
_SELF = re.compile(r"(?:I|We|You|One|It|They|He|She|This|That|Right|Now|Today)$")


def odds_givers(sentence: str, calls: list[Call]) -> list[Call]:
    """``calls`` credited to whoever ``sentence`` says gives the odds, with the claim the odds are given to."""
    found = _GIVER.search(sentence)
    if found is None or not _FIGURE.search(sentence) or _SELF.match(found["who"].strip()):
        return calls
    who = found["who"] if re.fullmatch(_CROWD, found["who"]) else speaker_name(found["who"])
    clause = _THAT.search(sentence)
    for call in calls:
        if call.forecaster:
            continue
        call.forecaster = who
        if clause and re.search(r"\b(?:will|won't|would)\b", clause["clause"]):
            call.claim = finish(clause["clause"][:1].upper() + clause["clause"][1:])
    return calls
