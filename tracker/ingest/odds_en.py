"""Round 22 of issue 22 (after heldout28's first run): English calls told through a difficulty, a denied expectation
or odds, reworded before the clauses are read (:func:`tracker.ingest.doubts_en.reword` calls :func:`reword`):

- "It will be hard, if not impossible, for X to V": "It is hard to see how X will V" (read as "unlikely", its hedge the
  words written, with no negation of their own, as the direction check reads them); read as written, the clause
  kept only "It will be hard." and lost what is hard.
- "We do not expect X to V", "I don't expect X to V": "X is unlikely to V", the author's negative call; round 25:
  after a clause and "and", "but", "so" too ("The summer has not been smooth, and I don't expect X to V"); "I wouldn't
  expect", "I'm not expecting", "Don't expect (look for, count on) X to V"; "I can't (don't) see X V-ing".
- "I put the odds that X will V at (about) N percent", "…gives us about N percent odds that X Vs": "X is very likely /
  likely to V" by N (80 and over, 50 to 79); under 50, "It is hard to see how X will V". Round 24: "I put the odds of
  <a noun phrase> at N percent": "There is very likely / likely to be <it>" (under 50, "… how there will be <it>").
- "If A, I expect <a noun phrase>": "If A, there will be <it>", a conditional call (with no condition the
  stances already read "I expect further walkouts").
"""

from __future__ import annotations

import re

from tracker.ingest.wording_en import base_of, base_of_present

_HARD = re.compile(r"^(?P<lead>(?:[^,]{1,30},\s+)?)it\s+(?:will|would)\s+be\s+(?:very\s+|extremely\s+)?"
                   r"(?P<how>hard|difficult|tough)(?P<impossible>,?\s+(?:if not|or even)\s+impossible,?)?\s+"
                   r"for\s+(?P<subj>[^,;]{2,80}?)\s+to\s+(?P<vp>[a-z][^;]*)$", re.IGNORECASE)
_LEAD = r"^(?P<lead>(?:[^,]{1,30},\s+|[^;]{1,200}?,\s+(?:and|but|so|yet)\s+)?)"
# round 25: "I wouldn't expect", "I'm not expecting", "Don't expect (look for, count on) X to V" too
_NOT_EXPECT = re.compile(_LEAD + r"(?:(?:I|we)\s+(?:do not|don't|did not|didn't|would not|wouldn't)\s+|(?:I|we)(?:'m|'re|\s+am|"
                         r"\s+are)\s+not\s+|(?:do not|don't)\s+)(?:really\s+|necessarily\s+)?(?:expect(?:ing)?|look(?:ing)?\s+for|"
                         r"count(?:ing)?\s+on|anticipat(?:e|ing))\s+(?P<subj>(?!(?:it|that|this|much|any|me|us|you)\b)[^,;]{2,80}?)\s+to\s+"
                         r"(?P<vp>(?!be\s+(?:easy|long|over)\b)[a-z][^;]*)$", re.IGNORECASE)
_CANT_SEE_HOW = re.compile(_LEAD + r"(?:I|we)\s+(?:can't|cannot|can not|don't|do not)\s+(?:really\s+)?see\s+how\s+"
                           r"(?P<rest>[^;]*\b(?:will|could|would|can)\b[^;]*)$", re.IGNORECASE)
# round 25: "I can't (don't) see X V-ing": "X is unlikely to V", as "I see X V-ing" is the author's call that X will V
_NOT_SEE = re.compile(_LEAD + r"(?:I|we)\s+(?:can't|cannot|can not|don't|do not|wouldn't|would not)\s+(?:really\s+)?see\s+"
                      r"(?P<subj>(?!(?:it|that|this|much|any|how|why|what|whether|a|an|no|them|him|her)\b)[^,;]{2,80}?)"
                      r"(?<!\bin)(?<!\bof)(?<!\bfor)(?<!\bon)(?<!\bto)(?<!\bat)(?<!\bwith)\s+(?P<verb>[a-z]{2,}ing)\b(?P<vp>[^;]*)$",
                      re.IGNORECASE)
_PUT_ODDS = re.compile(r"^(?P<lead>(?:[^,]{1,30},\s+)?)(?:I|we)\s+(?:would\s+)?(?:put|place|give|estimate)\s+the\s+"
                       r"(?:odds|chances?|probability)\s+that\s+(?P<subj>[^,;]{2,80}?)\s+will\s+(?P<vp>[a-z][^;]*?)\s+"
                       r"at\s+(?:about\s+|around\s+|roughly\s+|some\s+)?(?P<n>\d{1,3})\s*(?:percent|per cent|%)"
                       r"(?P<rest>[^;]*)$", re.IGNORECASE)
# round 24: "I put the odds of success (a recession) at some point in 2023 at about 80 percent": odds of a noun phrase
_PUT_ODDS_OF = re.compile(r"^(?P<lead>(?:[^,]{1,40},\s+)?)(?:I|we)\s+(?:would\s+)?(?:put|place|give|estimate)\s+the\s+"
                          r"(?:odds|chances?|probability|likelihood)\s+of\s+(?P<np>(?!(?:it|this|that|them)\b)[^;]{2,120}?)\s+"
                          r"at\s+(?:about\s+|around\s+|roughly\s+|some\s+)?(?P<n>\d{1,3})\s*(?:percent|per cent|%)"
                          r"(?P<rest>[^;]*)$", re.IGNORECASE)
_ODDS_THAT = re.compile(r"^(?P<lead>.*?)\b(?:about\s+|around\s+|roughly\s+)?(?P<n>\d{1,3})\s*(?:percent|per cent|%)\s+"
                        r"(?:odds|chance|probability)\s+that\s+(?P<subj>[^,;]{2,80}?)\s+(?P<verb>[a-z]+s)\b(?P<vp>[^;]*)$",
                        re.IGNORECASE)
_IF_EXPECT = re.compile(r"^(?P<cond>(?:if|unless|should)\s+[^;]{3,120}?),\s+(?:I|we)\s+(?:would\s+)?expect\s+"
                        r"(?P<np>(?:further|more|new|fresh|additional|another|some|many|several|a|an|significant|"
                        r"big|large|major)\b(?:(?!\s+to\s)[^,;])*)(?P<stop>[.!]?)$", re.IGNORECASE)


def _odds(n: str) -> str:
    value = int(n)
    return "very likely" if value >= 80 else "likely" if value >= 50 else "unlikely"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def reword(text: str) -> str:
    """``text`` with the round-22 rewordings applied (see the module's docstring)."""
    stripped = text.strip()
    hard = _HARD.match(stripped)
    if hard:
        return f"{hard['lead']}{'it' if hard['lead'] else 'It'} is hard to see how {hard['subj']} will {hard['vp']}"
    denied = _NOT_EXPECT.match(stripped)
    if denied:
        subj = denied["subj"] if denied["lead"] else _cap(denied["subj"])
        return f"{denied['lead']}{subj} is unlikely to {denied['vp']}"
    how = _CANT_SEE_HOW.match(stripped)
    if how:  # round 25: "I can't see how X will V", as "It is hard to see how X will V"
        return f"{how['lead']}{'it' if how['lead'] else 'It'} is hard to see how {how['rest']}"
    denied = _NOT_SEE.match(stripped)
    if denied:
        subj = denied["subj"] if denied["lead"] else _cap(denied["subj"])
        return f"{denied['lead']}{subj} is unlikely to {base_of(denied['verb'])}{denied['vp']}"
    put = _PUT_ODDS.match(stripped)
    if put:
        subj = put["subj"] if put["lead"] else _cap(put["subj"])
        rest = put["rest"] if put["rest"].strip(" .!") else put["rest"].strip()
        if _odds(put["n"]) == "unlikely":
            return f"{put['lead']}{'it' if put['lead'] else 'It'} is hard to see how {put['subj']} will {put['vp']}{rest}"
        return f"{put['lead']}{subj} is {_odds(put['n'])} to {put['vp']}{rest}"
    put = _PUT_ODDS_OF.match(stripped)
    if put:
        there = "there" if put["lead"] else "There"
        if _odds(put["n"]) == "unlikely":
            return f"{put['lead']}{'it' if put['lead'] else 'It'} is hard to see how there will be {put['np']}{put['rest']}"
        return f"{put['lead']}{there} is {_odds(put['n'])} to be {put['np']}{put['rest']}"
    odds = _ODDS_THAT.match(stripped)
    if odds and not re.search(r"\b(?:says?|said|according|gives?\s+(?:it|them)\b)", odds["lead"], re.IGNORECASE):
        if _odds(odds["n"]) == "unlikely":
            return f"It is hard to see how {odds['subj']} will {base_of_present(odds['verb'])}{odds['vp']}"
        return f"{_cap(odds['subj'])} is {_odds(odds['n'])} to {base_of_present(odds['verb'])}{odds['vp']}"
    cond = _IF_EXPECT.match(stripped)
    if cond:
        return f"{cond['cond']}, there will be {cond['np']}{cond['stop']}"
    return text
