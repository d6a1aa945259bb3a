"""Round 35: a call whose speaker is a pronoun that stands for the author or the reader ("We should expect X to
V", "We can expect…", "You should expect…", "It should be noted that X will V") is the author's own, not one
he reports ("We should", "You", "It" were named its forecasters); and an impersonal remark of the text's own
("It should go without saying that…", "It should be noted that…") is no call when nothing after it looks
ahead ("It will go without saying that each country considers…" was proposed)."""

from __future__ import annotations

import re

from tracker.ingest.hedgespan import Call

_MODAL = r"(?:should|can|could|must|may|might|would|will|need\s+to|ought\s+to|have\s+to|has\s+to)"
_OWN = re.compile(r"(?:(?:we|you|one)(?:\s+(?:all\s+)?" + _MODAL + r")?|it\s+" + _MODAL + r")", re.IGNORECASE)
_REMARK = re.compile(r"It\s+will\s+(?:go\s+without\s+saying|be\s+(?:(?:duly|also)\s+)?(?:noted|said|stressed|"
                     r"emphasi[sz]ed|pointed\s+out|remembered|recalled|borne\s+in\s+mind|added|mentioned|understood|"
                     r"clear|obvious|observed|recognised|recognized|acknowledged))\b", re.IGNORECASE)


def own_voice(sentence: str, calls: list[Call]) -> list[Call]:
    """``calls`` of ``sentence`` with a pronoun's calls credited to the author and the text's own remarks left out."""
    remark = _REMARK.match(re.sub(r"^It\s+" + _MODAL, "It will", sentence.strip(), flags=re.IGNORECASE))
    out = []
    for call in calls:
        if _REMARK.match(call.claim):
            continue  # "It should go without saying that X considers…": the author's aside, nothing foreseen
        if call.forecaster and (_OWN.fullmatch(call.forecaster.strip()) or (remark and call.forecaster == "It")):
            call.forecaster = ""  # "We should expect X to V": the author's expectation
        out.append(call)
    return out
