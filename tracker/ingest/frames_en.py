"""The author's frames and the clauses that are not his calls, for :mod:`tracker.ingest.predfind_en`:
"I predict X", "my prediction is X", "I think X" (a call without a modal); "My prediction is – no, he
won't." (the answer to the question before); "Will X lead to A (not very likely) and/or B (very likely)?"
(a reading per answer); and the patterns that mark a clause as someone's unnamed view, a schedule, a
past appraisal or text about the text. Also the comma guard: a thousands comma is not a clause break.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest import (
    consequences_en,
    dismissedoptions_en,
    dissuadedbets_en,
    indirectwh_en,
    percentchances_en,
    sayingframes_en,
    textplans_en,
)
from tracker.ingest.doubts_en import reword
from tracker.ingest.litotes_en import reword as plain_negations
from tracker.ingest.hedgespan import Call
from tracker.ingest.speakers_en import FRAME_ADVERB
from tracker.ingest.wording_en import SELF_CONFIDENT, finish, negate_claim

COMMA = "\u2063"  # stands for a thousands comma while the sentence is cut at commas


def prepare(sentence: str) -> str:
    text = sentence.strip().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"^(?:[-*•·]|\d+[.)])\s+", "", text)  # a bullet or list number
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", COMMA, text)  # 10,000 is one number
    text = re.sub(r"(?<=\w)'ll\b", " will", text)
    # "isn't likely to", "isn't going to": "is not …", so the hedge and its negation are read
    text = re.sub(r"\b(is|are|was|were)n't(?=\s+(?:\w+ly\s+)?(?:likely|going to|expected|set|poised|bound|certain|sure)\b)",
                  r"\1 not", text, flags=re.IGNORECASE)
    # "I'm expecting X to Y", "I'm counting on X to Y": the author's "I expect X to Y"
    # "How I think this will happen is that X", "What I expect to happen is X": the author's "I think X"
    text = re.sub(r"^(?:what|how)\s+(I|we)\s+(?:" + FRAME_ADVERB + r"\s+)?(think|believe|expect|predict)\s+(?:[^,]{0,60}?\s+)?"
                  r"(?:will|is going to|to)\s+happen\s+is\s+(?:that\s+)?", r"\1 \2 ", text, flags=re.IGNORECASE)
    # "many Taiwanese, soldiers among them, believe": the apposition of a part of the group left out, the group's verb kept
    text = re.sub(r",\s+(?:[\w'-]+\s+){1,4}among them,\s+", " ", text)
    # "I have my doubts (that) X", "we have serious doubts X": the author's "I doubt that X" (not "doubts about")
    text = re.sub(r"\b(I|we)\s+(?:still\s+)?have\s+(?:my|our|some|serious|real|strong|grave|great)\s+doubts\s+(?:that\s+)?"
                  r"(?!about\b|over\b|as to\b|regarding\b|on\b|whether\b|if\b)", r"\1 doubt that ", text)
    text = re.sub(r"\b(I|we)(?:'m|'re|\s+am|\s+are)\s+(?:expecting|counting on)\s+(?=\S+(?:\s+\S+){0,8}?\s+to\s)", r"\1 expect ",
                  text, flags=re.IGNORECASE)
    text = plain_negations(text)  # round 31: "X is not unlikely to V", "X is hardly likely to V", "no way that X will"
    text = sayingframes_en.reword(textplans_en.reword(dissuadedbets_en.reword(consequences_en.reword(text))))  # round 36
    text = indirectwh_en.reword(dismissedoptions_en.reword(percentchances_en.reword(text)))  # round 36: see the modules
    return reword(text)  # round 20: "I don't think anybody believes X", "I'm willing to bet X", "This doesn't mean X won't"


def restore(text: str) -> str:
    return text.replace(COMMA, ",")


FRAME = re.compile(r"^(?:(?:I|we)\s+(?:" + FRAME_ADVERB + r"\s+){0,2}(?P<verb>predict|think|believe|doubt|"
                    r"expect|reckon|bet|suspect|(?:would|will\s+go\s+\w+\s+and|would\s+go\s+\w+\s+and)\s+say)|"
                    r"(?i:my) (?P<noun>prediction|forecast|bet|guess)(?:\s+for\s+[^,]{1,30}?)? is(?:\s+(?:just|simply|still|now))?)\b(?:\s+that)?[\s:,–—-]+"
                    r"(?P<rest>.+)$")
FINITE = re.compile(r"\b(?:is|are|was|were|has|have|will|\w+s|win|lose|hold|keep|stay|remain|become|fall|rise|"
                     r"gain|regain|get|take|go|lead|end|collapse|fail|succeed)\b|"
                     r"^(?:they|he|she|we|you)\s+(?!\w+ly\b)[a-z]{2,}\b")  # "they pick off Arizona": a pronoun's verb


_LEAD = re.compile(r"^(?!(?:if|unless|when|whenever|once|should|as long as|provided|assuming|in case|even if|whether|"
                   r"because|since|although|though|while)\b)[A-Za-z][\w' -]{1,28},\s+(?=(?:I|we|my)\b)", re.IGNORECASE)


def framed_by_author(clause: str, start: int, end: int) -> Call | None:
    """"I predict X", "my prediction is X", "I think X": the author's call without a modal."""
    found = FRAME.match(clause.strip())
    if not found:  # "…, but here I predict X"
        later = re.search(r"(?:,\s+|\s+)(?:but|and|so|yet)\s+(?:here\s+|now\s+|still\s+)?(?=(?:I|we|my)\b)", clause)
        found = FRAME.match(clause[later.end():]) if later else None
    if not found:  # "Here, I think X", "In the end, I predict X": a short adverbial before the frame, not a condition
        lead = _LEAD.match(clause.strip())
        found = FRAME.match(clause.strip()[lead.end():]) if lead else None
    if not found:
        return None
    rest = re.sub(r",\s+(?:and|but|which)\s+(?:that|this|it)\b.*$", "", found["rest"]).strip(" .")
    if len(rest.split()) < 2 or re.match(r"^(?:so|not|it is|this is|that is)\b", rest, re.IGNORECASE):
        return None
    if re.match(r"^(?:[\w'-]+\s+){1,4}?(?:saw|was|were|had|did|went|got|made|took|knew|said|(?-i:[a-z]*[a-df-z]ed))\b", rest) and \
            not re.search(r"\b(?:will|would|going to|won't)\b", rest):
        return None  # "I think the GOP saw enough in 2022 to know…": a belief about the past, not a forecast
    if re.match(r"^(?:I|we)(?:'m|\s+(?:am|are|was|were|do|did|can|will|would|have)\b)", rest):
        return None  # "…, but I don't think I am, given…": the author on himself, an ellipsis, not a call
    phrase = re.sub(r"\s+", " ", found["verb"] or f"my {found['noun']} is")
    hedge = lookup(phrase) or lookup("likely")
    if found["verb"] and not FINITE.search(rest):
        return None  # "I think about it": no predicate to score
    denied = re.search(r"\b(?:don't|do not|never)\b", found.group()[:found.start("rest")]) if found["verb"] else None
    if (phrase == "doubt" or denied) and re.search(r",\s+(?:but|and|yet|while)\s|\b(?:not|no|never|n't|out of the question|"
                                                  r"impossible)\b|^\w+'s\b", rest):
        return None  # "I don't think it's out of the question that…", "I don't think A, but B": no safe negation
    if phrase == "doubt" or denied:  # "I doubt they pick off Arizona", "I don't think Biden wins": they will not
        if denied:
            phrase, hedge = f"{denied.group()} {phrase}", lookup("don't think")
        return Call(claim=restore(finish(negate_claim(rest))), hedge_text=phrase, hedge=hedge,
                    probability=hedge.probability, negated=True, start=start, end=end)
    return Call(claim=restore(finish(rest)), hedge_text=phrase, hedge=hedge, probability=hedge.probability,
                negated=False, start=start, end=end)


QUESTION = re.compile(r"^(?:or |and |but |so )?(?:will|would|could|can) (?P<subj>.+?) (?P<verb>lead to|result in|"
                       r"cause|bring|trigger|produce|see|get|win|lose|reach|hit|become|fall to|rise to|end in|"
                       r"turn into) (?P<objs>.+)\?$", re.IGNORECASE)
READING_IN_BRACKETS = re.compile(r"(?P<np>[^()]+?)\s*\((?P<h>(?:not |very |highly |quite |almost )*(?:un)?likely|"
                                  r"probable|improbable|almost certain|\d{1,3}\s*%)\)")


def question_with_readings(text: str) -> list[Call]:
    """"Will X lead to A (not very likely) and/or B (very likely)?": the author reads each answer."""
    q = QUESTION.match(text)
    if not q or "(" not in q["objs"]:
        return []
    out: list[Call] = []
    subj = q["subj"][:1].upper() + q["subj"][1:]
    for m in READING_IN_BRACKETS.finditer(q["objs"]):
        np = re.sub(r"^[\s,]*(?:and\s*/\s*or|and|or)\s+", "", m["np"].strip()).strip(" ,")
        phrase = m["h"].strip().lower()
        if phrase.endswith("%"):
            value, hedge, negated = int(phrase.rstrip("% ")) / 100, None, False
        else:
            hedge = lookup(phrase) or (lookup("unlikely") if phrase.startswith("not ") else None)
            if hedge is None:
                continue
            value, negated = hedge.probability, hedge.negates
        claim = finish(f"{subj} will {'not ' if negated else ''}{q['verb']} {np}")
        out.append(Call(claim=restore(claim), hedge_text=m["h"], hedge=hedge, probability=value, negated=negated,
                        start=0, end=len(text)))
    return out


EXPECT = re.compile(r"^(?P<who>(?:[\w'.-]+\s){1,6}?)expects?\s+(?P<subj>[^,]{2,80}?)\s+to\s+(?P<rest>.+)$")


# "I'm confident that X will…", "I can see how X could…", "I'm willing to bet anyone that X will not…", "I'd bet you
# that X will…": the author's own stake in the call, read at its modal
CONFIDENT = re.compile(r"^(?:but\s+)?(?:" + SELF_CONFIDENT + r"\s+(?:that\s+)?(?=.*\b(?:will|won't)\b)|"
                        r"(?:I|we)(?:(?:'m|'re|\s+am|\s+are|'d\s+be|\s+would\s+be)\s+(?:quite\s+|more\s+than\s+)?willing\s+to"
                        r"|'d|\s+would|\s+will)?\s+bet\s+(?:you|anyone|anybody|everyone|money|good\s+money)?\s*(?:that\s+)?"
                        r"(?=.*\b(?:will|won't)\b)|"
                        r"(?:I|we)\s+can\s+(?:certainly\s+|easily\s+|clearly\s+|already\s+)?see\s+(?:how|that|why)\s+"
                        r"(?=.*\b(?:will|won't|could|might|may)\b))", re.IGNORECASE)
I_CAN_SEE = re.compile(r"(?:^|,\s+)(?:but\s+)?(?:I|we)\s+can\s+(?:certainly\s+|easily\s+|clearly\s+|already\s+)?see\s+"
                        r"(?:how|that|why)\s+(?=.*\b(?:will|won't|could|might|may)\b)")
EXPECT_NP_SELF = re.compile(r"^(?:I|we)\s+(?:(?:fully|still|also|now|do)\s+)?expect\s+(?P<np>(?!(?:that|it|them|him|her|this|"
                             r"these|those|to)\b)(?!.*\b(?:will|would|to|won't)\b)[^,;]{3,120}(?:,\s+(?:and\s+)?[^,;]{3,120}){0,4})$",
                            re.IGNORECASE)  # "We expect intense wrangling, and in two of the three, a contested result"
GUT = re.compile(r"^(?:but\s+)?(?:I|we)\s+have\s+a\s+(?:\w+\s+)?(?:feeling|hunch|sense|suspicion)\s+that\s+", re.IGNORECASE)
IMPERATIVE_EXPECT = re.compile(r"^(?:(?P<cond>(?i:if|unless|when|once)\s+[^,]{3,200}),\s*)?(?i:expect)\s+"
                                r"(?P<subj>(?:the|a|an|this|that|[A-Z])[^,]{1,80}?)\s+to\s+(?P<rest>(?:be|rise|fall|"
                                r"continue|come|get|go|remain|stay|hit|reach|drop|climb|end|start)\b.+)$")
OTHERS_VIEW = re.compile(r"\b(?:the|a|an|their|his|her|its|widespread|common)\s+(?:(?!my\b|our\b)\w+\s+){0,2}(?:forecast|prediction|"
                          r"expectation|projection|assumption|consensus|belief|claim|assertion|contention|warning|rumou?r)s?\s+that\s+[^,;]*$|"
                          # "Mounting fears that X may…", "worry that Y will…", "a growing sense that Z will…": an
                          # attitude named as a noun is someone's, not the author's (his own says "my fear is that")
                          r"(?:^(?:and\s+|but\s+)?|\b(?:the|a|an|their|his|her|its|widespread|common|mounting|growing|"
                          r"rising|renewed|lingering)\s+)(?:(?!my\b|our\b)\w+\s+)?(?:fear|worry|worries|concern|hope|"
                          r"sense|speculation|suspicion|talk)s?\s+(?:\w+\s+){0,3}?that\s+[^;]*$|"
                          # "It is widely expected that X will…", "It is believed that Y will…": an impersonal passive
                          # of a belief, held by many or by someone unsaid; the author's own says "It is expected that",
                          # as "X is expected to" is his (the annotation policy in the fixtures README)
                          r"^(?:and\s+|but\s+)?it\s+(?:is|was|has\s+been)\s+(?:now\s+|also\s+)?(?:(?:widely|generally|commonly|"
                          r"broadly|universally|increasingly|largely)\s+(?:expected|believed|thought|assumed|anticipated|"
                          r"predicted|forecast|accepted|understood|agreed|held)|believed|thought|assumed|rumou?red|said|"
                          r"reported|feared|understood)\s+that\s+[^;]*$", re.IGNORECASE)
# "There is no reason to believe that X will…", "I see little reason to think Y will…": a ground for the belief denied
# is the author's call that it will not happen
NO_REASON = re.compile(r"^(?:but\s+|and\s+|so\s+)?(?:there\s+is|there's|(?:I|we)\s+(?:can\s+)?(?:see|have|find))\s+"
                       r"(?:no|little|not\s+(?:any|much))\s+(?:\w+\s+)?(?:reason|evidence|sign|indication|grounds?)\s+"
                       r"(?:(?:at\s+all\s+)?to\s+(?:believe|think|expect|suppose|assume|fear|suspect|conclude)\s+)?(?:that\s+)?"
                       r"(?=.*\b(?:will|won't|would|is\s+going\s+to)\b)", re.IGNORECASE)
# "That does not mean that it will invade", "It doesn't follow that X will…": an inference denied, no call either way
DENIED_INFERENCE = re.compile(r"\b(?:does|do|did|would|will)\s*(?:not|n't)\s+(?:necessarily\s+)?(?:mean|imply|follow|"
                              r"guarantee|prove|suggest)\s+(?:that\s+)?[^;]*$", re.IGNORECASE)
# "My best guess right now is that X will…", "Our view is that Y will…": the author's own frame before a modal
OWN_NOUN_FRAME = re.compile(r"^(?:but\s+|and\s+|so\s+)?(?:my|our)\s+(?:(?:best|honest|current|own|early|final|gut)\s+)?"
                            r"(?:guess|bet|hunch|sense|view|expectation|belief|feeling|instinct)(?:\s+(?:right now|"
                            r"at this point|at the moment|for now|today|now|here))?\s+is\s+(?:that\s+)?(?=.*\b(?:will|won't|"
                            r"would|could|may|might|should|likely|probably)\b)", re.IGNORECASE)
# "they had been expected to lose", "X was expected to win": an expectation of the past, no call now
PAST_EXPECTED = re.compile(r"\b(?:had\s+been|was|were)\s+(?:\w+ly\s+)?(?:expected|predicted|forecast|projected|"
                           r"tipped)\s+to\b", re.IGNORECASE)
CALENDAR = re.compile(r"^(?:will|is going to)\s+(?:publish|release|issue|hold|convene|announce)\s+(?:its\s+|the\s+|a\s+)"
                       r"[^,;]{0,80}?\b(?:report|data|figures|minutes|statement|results|meeting|session|decision)\b"
                       # "Most markets will be closed on Monday", "the meeting will decide whether to add supply"
                       r"|^will\s+(?:be\s+(?:closed|shut)|reopen|decide\s+(?:whether|if))\b"
                       # "Wednesday will open with the release of UK labour data": the day's agenda
                       r"|^will\s+(?:open|start|begin|kick\s+off|close|end|wrap\s+up)\s+with\s+(?:the\s+)?(?:\w+\s+){0,3}?"
                       r"(?:release|data|figures|publication|report|decision|meeting)\b"
                       # "OPEC will meet in Vienna to decide what to do", "the ECB will meet and decide whether to…"
                       r"|^will\s+(?:meet|convene)(?:\s+(?:in|on|at|this|next)\s+[^,;]{1,40}?)?(?:\s+(?:to|and)\s+decide\b|\s*[.;]?$)"
                       # "Chair Powell will testify before the committee", "Canada will mark the Patriots' Day holiday"
                       r"|^will\s+(?:testify|speak|appear)\s+(?:before|to|at)\b"
                       r"|^will\s+(?:mark|observe|celebrate)\s+(?:the\s+|a\s+)?[^,;]{0,40}?\b(?:holiday|anniversary)\b",
                       re.IGNORECASE)
# round 27: what the writers themselves will do with their text or game ("We will give ourselves more points for…",
# "We will then decide a winner after the ceremony", "We'll keep you posted", "We'll be back next week") is their plan,
# no forecast ("We will see a recession" is one); a claim with no subject of its own ("(Certainly) can't let that happen
# again") is a resolve
OWN_DOINGS = (r"we\s+(?:will|shall)\s+(?:then\s+|also\s+|now\s+|again\s+|each\s+)?(?:(?:give|award)\s+ourselves|"
              r"decide\s+(?:a|the|our|who|which)|tally|score\s+(?:our|the)|post|publish|update|revisit|check\s+back|"
              r"look\s+back|come\s+back|be\s+back|keep\s+you|let\s+you|tell\s+you|share\s+(?:our|more)|cover|"
              r"discuss|write|pick\s+(?:every|each|our))|(?:can't|cannot|can\s+not)\s+let\b")
BARE_READING = re.compile(r"^(?:it|this|that)(?:'s|\s+is|\s+was)?\s+(?:not\s+)?(?:\w+\s+)?(?:un)?likely[.…]*$",
                           re.IGNORECASE)
PAST_APPRAISAL = re.compile(r"\b(?:was|were|had been|seemed|appeared)\b[^,;]*\bthat\s+[^,;]*$|"
                            # "I was certain things could only get better": the author's past belief, not his call now
                            r"\b(?:I|we)\s+(?:was|were)\s+(?:\w+\s+)?(?:certain|sure|convinced|confident)\s+(?:that\s+)?[^,;]*$",
                            re.IGNORECASE)
ABOUT_THE_TEXT = re.compile(r"^(?:I|I'm|I am|this (?:piece|article|analysis|post|essay|column|series|list)|"
                             r"my (?:\w+ )?(?:prediction|forecast|call|guess|bet)s? (?!is\b)|"
                             r"the present piece|" + OWN_DOINGS + r")\b", re.IGNORECASE)


def hedge_phrase(clause: str, m: re.Match) -> str:
    phrase = m.group()
    if phrase.lower() == "only":
        return "only … can"
    return phrase.lower() if phrase.lower() in ("may", "will", "won't") else phrase


def my_prediction(text: str, previous: str) -> Call | None:
    """"My prediction is – no, he won't." answers the question before it."""
    m = re.search(r"\bmy (?:prediction|forecast|bet|guess) is\b[\s:,–—-]*(?P<answer>yes|no)\b[\s,–—-]*(?P<rest>.*)$",
                  text, re.IGNORECASE)
    if not m:
        return None
    question = re.search(r"\b(?P<aux>will|would|can|could)\s+(?P<subj>[^?]{1,80}?)\s+(?P<vp>[a-z][^?]*)\?\s*$",
                         prepare(previous) if previous else "", re.IGNORECASE)
    negative = m["answer"].lower() == "no" or bool(re.search(r"\b(?:won't|will not|not)\b", m["rest"]))
    hedge = lookup("my prediction is") or lookup("will")
    if question:
        subj = question["subj"]
        claim = f"{subj[:1].upper()}{subj[1:]} will {'not ' if negative else ''}{question['vp'].rstrip('?')}."
    else:
        rest = m["rest"].strip(" .")
        if len(rest.split()) < 3:
            return None
        claim = rest[:1].upper() + rest[1:] + "."
    return Call(claim=restore(claim), hedge_text="my prediction is", hedge=hedge, probability=hedge.probability,
                negated=False, start=0, end=len(text))
