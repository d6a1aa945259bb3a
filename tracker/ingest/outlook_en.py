"""English calls made without a future modal, read by what they say about an outcome rather than by
one phrase per article: a predictive "should"/"ought to" (told from a normative one by its verb, its
subject and its tense), an outcome appraised ("a Biden victory is looking good", "A recession looks
likely next year", "A rate cut is on the cards") and a bound ("272 is the worst Hillary can do",
"that's the best Trump can do"). Used by :mod:`tracker.ingest.hedgefind_en` (which "should" looks
ahead) and :mod:`tracker.ingest.predfind_en` (the appraisals, before its clause reader).
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import claim_of
from tracker.ingest.hedgespan import Call

# Verbs whose subject does not choose the outcome: "X should win/rise/see/prove…" says what will be.
_OUTCOME = set("""see prove remain recover return rise fall continue ease peak improve stay reach hit end come arrive pass
confirm show reveal win lose gain hold keep retain flip carry beat edge clear top exceed slow grow accelerate pick decline
drop climb settle stabilise stabilize fade last follow weigh boost rebound bounce happen occur emerge turn finish close
average total land narrow widen soften firm strengthen weaken tighten cool slip sweep cruise romp sail squeak scrape
prevail survive dominate outperform underperform benefit suffer face get take make bring mean help lead push drive head move
go come achieve secure deliver produce generate succeed fail manage pack sport debut ship
repeat contend advance qualify clinch capture earn falter regress stumble struggle""".split())  # round 29: a contest's outcomes
_WE_SEE = re.compile(r"^see\s+(?:an?|the|more|new|some|another|further|updated|several|two|three)\s", re.IGNORECASE)
_STEP = re.compile(r"^\s+(?:(?:still|also|now|soon|therefore|thus|then|easily|comfortably|well|certainly|definitely|probably|"
                   r"likely|at least|by then|eventually|ultimately|quickly|gradually)\s+)*", re.IGNORECASE)
_STATE = set("""a an the over back able enough fine close tight good strong weak positive negative modest limited short brief
easy difficult hard done finished sufficient plenty around about near above below within in on out up down no some
much little""".split()) | set("""huge enormous massive big large gigantic giant tremendous significant substantial considerable
sizeable sizable popular successful profitable competitive busy volatile eventful lively quiet calm choppy bumpy rocky smooth
messy ugly costly expensive cheap muted subdued small minor marginal slim narrow wide solid robust healthy resilient
manageable record historic""".split())  # round 23: "…, the film should be enormous": a size or a course, what will be
# A subject that cannot owe a duty: a quantity, a market, a result ("Prices should…", "The race should…").
_NON_AGENT = re.compile(r"\b(?:prices?|inflation|rates?|yields?|growth|demand|supply|output|economy|economies|markets?|stocks?|"
                        r"shares|equities|bonds?|oil|gold|dollar|euro|sterling|pound|yen|currency|unemployment|wages?|earnings|"
                        r"profits?|sales|spending|confidence|sentiment|turnout|vote|result|results|figures?|data|readings?|"
                        r"numbers?|index|GDP|CPI|PMIs?|volatility|race|contest|deficit|debt|recession|recovery|rally|"
                        r"margin|majority|lead|gap|seats?)\s+$", re.IGNORECASE)
# Whoever owes a duty: "you/we/one should", "governments should", "the West should".
_DUTY = re.compile(r"\b(?:you|we|one|I|everyone|everybody|people|government|governments|ministers?|leaders?|policymakers|"
                   r"politicians|parents|companies|investors|voters|the West|Europe|NATO|the EU|Congress|Parliament)\s+$", re.IGNORECASE)
_HORIZON = re.compile(r"\bby\s+(?:then|the time|the end|election day|next|tomorrow|(?:19|20)\d\d|[A-Z][a-z]+)\b|"
                      r"\b(?:next|tomorrow|this coming)\b", re.IGNORECASE)


def predictive_should(before: str, after: str) -> bool:
    """Whether "should"/"ought to" between ``before`` and ``after`` says what will be (not what ought
    to be): an outcome verb, a subject that owes no duty, or a completion ahead ("should have all but
    sewn up the Senate", "should have finished by then"); never "you/we/governments should…"."""
    rest = after[_STEP.match(after).end():] if _STEP.match(after) else after.lstrip()
    if re.search(r"\bwe\s+$", before, re.IGNORECASE) and _WE_SEE.match(rest):
        return True  # round 19: "we should see an updated Mac mini": what will come, told as what we will see
    if _DUTY.search(before):
        return False
    words = re.findall(r"[A-Za-z'-]+", rest.lower())
    if not words:
        return False
    if words[0] == "have":  # the past that did not happen, unless its completion lies ahead
        return bool(re.match(r"have\s+(?:all but|already|easily|comfortably|well and truly|more than)\s", rest, re.IGNORECASE)
                    or _HORIZON.search(rest))
    if words[0] == "be":  # "should be close/over/higher/a tight race" says what will be; "should be read": a duty
        nxt = words[1] if len(words) > 1 else ""
        return nxt in _STATE or (len(nxt) > 4 and nxt.endswith("er") and nxt not in ("never", "either", "rather", "together")) \
            or (bool(_NON_AGENT.search(before)) and bool(_HORIZON.search(rest)))
    if words[0] in _OUTCOME or (words[0] == "do" and len(words) > 1 and words[1] in ("well", "badly", "better", "worse")):
        return True  # round 19: "Trump should do well in North Carolina"
    return bool(_NON_AGENT.search(before))


# "a Biden victory is looking good", "A recession looks likely next year", "A rate cut is on the cards for March"
_APPRAISED = re.compile(r"^(?P<np>(?:an?|another|some|further|more)\s+[^,;]{2,80}?)\s+(?:is|looks|seems|appears)\s+"
                        r"(?:now\s+|increasingly\s+|very\s+|more\s+|all\s+the\s+more\s+)?(?P<level>looking\s+(?:good|likely|"
                        r"increasingly\s+likely|inevitable)|likely|probable|unlikely|improbable|on the cards|in the cards|"
                        r"in the bag|in prospect|on the way)(?P<tail>\s+(?:in|by|before|during|this|next|for|at)\s+[^,;.]{2,40})?"
                        r"\s*[.!]?$", re.IGNORECASE)
# "272 is the worst Hillary can do", "that's the best Trump can do", "X is the most Y can hope for"
_BOUND = re.compile(r"^(?:(?:I|we)\s+(?:think|believe|reckon)\s+(?:that\s+)?)?(?:(?i:it\s+(?:looks|seems)\s+(?:as\s+though|as\s+if|like))\s+)?"
                    r"(?P<np>.{1,60}?)\s*(?:is|'s)\s+the\s+(?P<which>best|worst|most|least)\s+(?P<who>[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?|"
                    r"they|he|she)\s+(?:can|could)\s+(?:do|hope for|manage|get|expect)\b(?P<tail>[^,;]*?)[.!]?$")


# "The conflict … is trending towards a military stalemate", "the economy is heading for a recession": a course told
# in the present progressive is where the author says it will end
_COURSE = re.compile(r"^(?P<subj>(?:the|an?|this|that|its|their|our|[A-Z])[^;]{1,100}?)\s+(?:is|are|'s|'re)\s+(?:now\s+|clearly\s+|"
                     r"increasingly\s+|already\s+|inexorably\s+|steadily\s+)?(?:trending|heading|headed|drifting|careering|"
                     r"hurtling|sliding|lurching|barrelling|barreling)\s+(?:towards?|for|into)\s+(?P<np>(?:an?|another)\s+"
                     r"[^,;.]{2,60}?)\s*[.!]?$")


# "the SNB is nowhere near ready to move away from its policy", "Congress is far from ready to pass it": a readiness
# denied is the author's call that the step will not come soon (a denied wish, "not willing to", is not read)
_UNREADY = re.compile(r"^(?P<subj>(?!(?:I|We|You)\b)(?:the|this|that|its|their|[A-Z])[^;,]{0,80}?)\s+(?:is|are|'s|'re|remains?)\s+(?:still\s+|clearly\s+|"
                      r"simply\s+)?(?:nowhere\s+near\s+|far\s+from\s+(?:being\s+)?|not\s+(?:yet\s+|even\s+|remotely\s+)?(?:close\s+to\s+(?:being\s+)?)?)"
                      r"(?:ready|prepared|poised)\s+to\s+(?P<vp>[a-z][^;]{2,120}?)(?:\s+(?:while|as|because|since|given|"
                      r"until|unless|when|with)\s+[^;]*)?\s*[.!]?$")


def outlook_call(clause: str, previous: str = "", start: int = 0, end: int = 0) -> Call | None:
    """The author's call in an appraisal of an outcome or a bound on it, or None."""
    body = re.sub(r"^(?:but|and|so|yet)\s+", "", clause.strip(), flags=re.IGNORECASE)
    unready = _UNREADY.match(body)
    if unready:
        hedge = lookup("unlikely")
        claim = f"{unready['subj']} will not {unready['vp'].rstrip(' .')} soon."
        return Call(claim=claim[:1].upper() + claim[1:], hedge_text="nowhere near ready" if "nowhere" in body else "not ready",
                    hedge=hedge, probability=hedge.probability, negated=True, start=start, end=end)
    course = _COURSE.match(re.sub(r",\s+(?:which|who)\s[^,]{2,120},", "", body))
    if course:
        hedge = lookup("likely")
        claim = f"{course['subj']} will end up in {course['np']}."
        return Call(claim=claim[:1].upper() + claim[1:], hedge_text="heading for",
                    hedge=hedge, probability=hedge.probability, negated=False, start=start, end=end)
    found = _APPRAISED.match(body)
    if found:
        level = re.sub(r"\s+", " ", found["level"].lower())
        low = level in ("unlikely", "improbable")
        hedge = lookup("unlikely" if low else "likely")
        np = found["np"][:1].lower() + found["np"][1:]
        claim = claim_of(np, low).rstrip(" .") + (found["tail"] or "") + "."
        return Call(claim=claim[:1].upper() + claim[1:], hedge_text=found["level"], hedge=hedge,
                    probability=hedge.probability, negated=low, start=start, end=end)
    found = _BOUND.match(body)
    if found:
        np = found["np"].strip()
        if re.fullmatch(r"(?:that|this|it)", np, re.IGNORECASE):
            np = previous.strip().rstrip(".") if previous else "that"
        most = found["which"].lower() in ("best", "most")
        claim = f"{found['who']} will do no {'better' if most else 'worse'} than: {np}{found['tail'] or ''}."
        hedge = lookup("likely")
        return Call(claim=claim[:1].upper() + claim[1:], hedge_text=f"the {found['which']} {found['who']} can do",
                    hedge=hedge, probability=hedge.probability, negated=False, start=start, end=end)
    return None
