"""Round 20 (after heldout26's first run): the author's calls told through what others believe, a stake or a
denied inference, and sentences whose modal is no call; rewordings applied by :func:`tracker.ingest.frames_en.prepare`
before a sentence is read, so the usual readers take the author's words the author's way.

- "I don't think anybody really believes X" is the author's "I don't think X" (X will not happen), not a view of
  "anybody" (no one is named, so it was left out, and read as X it would say the opposite of the author);
- "I'm (still) willing to bet that X", "I'd bet that X": the author's "I bet that X" (a bare present said as "will");
- "This doesn't mean (that) X won't Y": the author's "X may Y" (the possibility kept open; "… that X will Y" stays
  no call, as round 13 made it: an inference denied);
- "A has been growing for years, and I wouldn't be surprised if X": the litotes heading the last clause, the first
  clause (no modal of its own) a fact told before it;
- "that may be because Y", "it might be because Y": an explanation of what is, no call ("is because");
- "Everyone wants to know how high rates will go and whether …": a question told, no call;
- "…, which is probably why the IMF expects X": the IMF's forecast (the hedge was the explanation's, not a call's);
- "Later, when the balance has changed, the risk rises": a time to come told in the bare present, "the risk will rise".
"""

from __future__ import annotations

import re

from tracker.ingest import doubtful_en, odds_en, retro_en, surprises_en

_ANYONE = re.compile(r"\b(?P<who>I|we)\s+(?:don't|do\s+not)\s+(?:really\s+)?think\s+(?:that\s+)?(?:anybody|anyone|any\s+\w+)\s+"
                     r"(?:\w+ly\s+)?(?:believes|thinks|expects|imagines)\s+(?:that\s+)?", re.IGNORECASE)
_STAKE = re.compile(r"\b(?P<who>I|we)(?:'m|'re|\s+am|\s+are)\s+(?:still\s+|quite\s+|more\s+than\s+|even\s+)?willing\s+to\s+bet\s+"
                    r"(?:(?:you|anyone|anybody)\s+)?(?:that\s+)?(?P<rest>[^;]+)$|"
                    r"\b(?P<who2>I|we)(?:'d|\s+would)\s+(?:still\s+)?bet\s+(?:(?:you|anyone|anybody)\s+)?(?:that\s+)?(?P<rest2>[^;]+)$",
                    re.IGNORECASE)
_NOT_MEAN = re.compile(r"^(?P<lead>(?:\w+,?\s+)?)(?:this|that|it|which)\s+(?:doesn't|does\s+not|won't|will\s+not)\s+mean\s+"
                       r"(?:that\s+)?(?P<subj>[^,;]{1,60}?)\s+(?P<neg>won't|will\s+not)\s+(?P<rest>[^;]+)$", re.IGNORECASE)
_SURPRISE_LAST = re.compile(r"^(?P<head>[^;]+?),?\s+and\s+(?P<tail>(?:I|we)\s+(?:wouldn't|would\s+not)\s+be\s+(?:\w+\s+)?"
                            r"(?:surprised|shocked|amazed|astonished)\s+(?:if|to\s+see)\s+.+)$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:will|won't|would|could|may|might|should|shall|can|going\s+to|likely|expect\w*|predict\w*)\b|'ll\b",
                    re.IGNORECASE)
_EXPLAINED = re.compile(r"\b(that|this|it)\s+(?:may|might|could)\s+(?:well\s+)?be\s+(?=because\b)", re.IGNORECASE)
_ASKED = re.compile(r"^(?:[^,]{1,40},\s*)?(?:everyone|everybody|people|investors|markets?|many|we|I|they)\s+(?:\w+\s+)?"
                    r"(?:wants?|wanted)\s+to\s+know\s+(?:how|whether|if|what|when|who|which)\b[^;]*$", re.IGNORECASE)

_WHY = re.compile(r",\s+which\s+is\s+(?:(?:probably|likely|perhaps|possibly|partly|also)\s+)?(?:the\s+reason\s+)?why\s+"
                  r"(?=(?:the\s+)?[A-Z][\w'.&-]*(?:\s+[\w'.&-]+){0,6}?\s+(?:expects|predicts|forecasts|projects|sees)\b)")

# "Later, when the balance has changed, the risk rises": a time to come and what it brings, told in the bare present
_LATER = re.compile(r"^(?:(?:but|and|so)\s+)?(?:later|eventually|in\s+time|sooner\s+or\s+later|in\s+the\s+long\s+run|one\s+day|"
                    r"over\s+time),\s+(?:when|once)\s+[^,]{3,120}\b(?:has|have)\s+\w+[^,]*,\s+(?P<main>[^,;]+)$", re.IGNORECASE)


def reword(text: str) -> str:
    """``text`` with the rounds-20 rewordings applied (see the module's docstring); "" for a question told."""
    if _ASKED.match(text.strip()):
        return ""
    text = _ANYONE.sub(lambda m: f"{m['who']} don't think ", text)
    text = _EXPLAINED.sub(lambda m: f"{m[1]} is ", text)
    text = _WHY.sub("; ", text)  # "…, which is probably why the IMF expects X": the IMF's forecast, not the author's
    stake = _STAKE.search(text)
    if stake and not _MODAL.search(stake["rest"] or stake["rest2"]):  # "willing to bet that X will not Y" is read as it is
        who, rest = (stake["who"], stake["rest"]) if stake["who"] else (stake["who2"], stake["rest2"])
        text = f"{text[:stake.start()]}{who} bet that {_as_future(rest)}"
    denied = _NOT_MEAN.match(text.strip())
    if denied:
        subj = denied["subj"][:1].upper() + denied["subj"][1:]
        text = f"{denied['lead']}{subj} may {denied['rest']}"
    later = _LATER.match(text.strip())
    if later and not _MODAL.search(later["main"]):
        main = _as_future(later["main"])
        text = text.strip()[:later.start("main")] + main if main != later["main"] else text
    last = _SURPRISE_LAST.match(text.strip())
    if last and not _MODAL.search(last["head"]):
        text = last["tail"]
    # round 21 (and 22, odds_en; 23, surprises_en; 32, doubtful_en): the past guessed at, the text itself, "more and more
    # likely", a clause said to be doubtful
    return doubtful_en.reword(surprises_en.reword(odds_en.reword(retro_en.reword(text)))) if text else text


def _as_future(clause: str) -> str:
    """A bare present staked on ("remote work becomes only modestly more popular") said as "will"."""
    from tracker.ingest.stances_en import _present_as_future  # noqa: PLC0415  (stances_en imports the frames)
    body, stop = clause.rstrip(" .!"), clause[len(clause.rstrip(" .!")):]
    said = _present_as_future(body, lowercase=True)
    return said + stop if said else clause
