"""English forecasts: the author's own calls, one per hedged clause, each read in the author's direction.

A sentence is cut into clauses where a new subject starts a new predicate ("…, but X will…",
"…; X will…", "…, which will likely…", "Because A will…, B will…"), and each clause with a hedge
of its own gives one call. "X is unlikely to Y" / "they're unlikely to Y" becomes "X will not Y"
(the author's call, at the negated reading), "X is expected to Y" and "X will probably Y" become
"X will Y", "X may/might/could Y" becomes "X will Y" at even chance; "I don't think X will Y"
becomes "X will not Y". "If A, B" and "B if A" keep A as the condition ("would" is only a call
with a condition). What someone else said, reported or planned is theirs: the call names them
("X said", "according to X", "X's report that", a quotation), or it is left out when they cannot
be named (a pronoun, "according to a plan"). Questions, "would have"/"could have" (the past that
did not happen) and normative "should" are not forecasts ("should see", "should prove": an outcome
verb makes it one). A bracketed aside of the author's ("(I don't think they will, although I think
A)") is read on its own, the verb phrase it leaves out taken from the clause before; "I predict A
holds X while B flips Y" gives one call per subject; "it is not impossible that X" reads as
"unlikely"; "the chances of X are high" and "increases the likelihood of X" are read by
:mod:`tracker.ingest.chances_en`. "X will not A and will probably B" gives two calls of X; "I expect X
will Y" and "If A, expect X to Y" are the author's; "I have a gut feeling that X" frames his call. Not
calls: "X probably choked" (a guess at the past), "the expectation that X will" (someone's, unnamed),
a schedule ("will publish the jobs report on Friday"), and "…, although I don't think it's likely"
(a reading of the clause before). Odds, polls and models are the forecasters of what they show.
Idioms ("I give AZ to the Democrats", "I'd lean against X", "More likely than A would be B") are read
by :mod:`tracker.ingest.idioms_en`; a colon before a lowercase clause ends a clause.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.appraisals_en import POSSIBILITY, appraisal_calls, litotes_call
from tracker.ingest.asides_en import (
    ASIDE,
    REMARK,
    fill_ellipsis,
    split_coordinated,
    split_elliptic,
    split_nor,
    unique_claims,
)
from tracker.ingest.chances_en import chance_calls, claim_of, stated_spans
from tracker.ingest.clauses_en import (
    LEADING_SUB, serial_list,
    NP_EXPECTED,
    SUBJECT_START,
    clauses,
    split_complements,
    split_infinitives, split_pairs,
)
from tracker.ingest.frames_en import (
    ABOUT_THE_TEXT,
    BARE_READING,
    CALENDAR,
    CONFIDENT,
    DENIED_INFERENCE,
    NO_REASON,
    EXPECT,
    EXPECT_NP_SELF,
    FRAME,
    GUT,
    I_CAN_SEE,
    IMPERATIVE_EXPECT,
    OTHERS_VIEW,
    PAST_APPRAISAL,
    PAST_EXPECTED,
    OWN_NOUN_FRAME,
    framed_by_author,
    hedge_phrase,
    my_prediction,
    prepare,
    question_with_readings,
    restore,
)
from tracker.ingest.hedgefind_en import find_hedge, has_hedge
from tracker.ingest.hedgespan import Call
from tracker.ingest.idioms_en import count_on_call, idiom_call
from tracker.ingest.outlook_en import outlook_call
from tracker.ingest.speakers_en import (
    FRAME_ADVERB,
    ODDS,
    SELF_VERBS,
    as_author,
    clause_attribution, clause_speaker,
    quote_speaker,
    quoted,
    sentence_speaker,
    speaker_name,
    strip_attribution,
)
from tracker.ingest.stances_en import listed_call, listed_item, stance_call, surprise_call
from tracker.ingest.wording_en import (
    MODALS,
    READING,
    TABLE,
    chance_ended,
    finish,
    negate_claim,
    rewrite,
)

_CONNECTIVE = re.compile(r"^(?:however|but|still|yet|moreover|meanwhile|in short|overall|for now|that said|a priori|"
                         r"on balance|realistically|in all likelihood|in my view|in my opinion|frankly|honestly|"
                         r"instead|even so|nonetheless|as a result|therefore|and|so(?!\s+far\b)|in any case|in the end|"
                         r"ultimately|either way|in turn|for that reason|if anything|at the same time|first|"
                         r"second|third|fourth|fifth|finally|also|thus|hence|besides|indeed|of course|"
                         r"nevertheless|after all|look(?=,)|listen(?=,)|(?:the\s+)?(?:chances|odds)\s+are(?:\s+that)?)\b[,:\s]*",
                         re.IGNORECASE)
_CONDITION_FRONT = re.compile(r"^(?:even\s+)?(?P<cond>(?:if|unless|should|once|in case|in the event that|assuming(?: that)?|"
                              r"provided(?: that)?|as long as)\s+[^,]{3,200}),\s*", re.IGNORECASE)
_CONDITION_BACK = re.compile(r",?\s+(?P<cond>(?:if|unless|as long as|provided(?: that)?|in the event that)\s+.{3,200}?)"
                             r"[.]?$", re.IGNORECASE)
_ASKS = re.compile(r"^(?:will|would|can|could|is|are|was|were|do|does|did|should|shall|may|might|has|have|who|what|"
                   r"when|where|why|how|which)\b", re.IGNORECASE)  # a sentence that asks from its first word
# "We will have to see what happens", "I'll wait and see whether…": the author waiting, not a forecast
_WAIT_AND_SEE = re.compile(r"^(?:\w+,?\s+)?(?:I|we)\s+(?:will|shall)\s+(?:just\s+)?(?:have\s+to\s+)?(?:wait\s+and\s+)?see\s+"
                           r"(?:what|whether|if|how|who|which)\b", re.IGNORECASE)
_ANAPHORIC = re.compile(r"^(?:in that case|if so|if that happens|then|otherwise)[,\s]+", re.IGNORECASE)


def find_calls(sentence: str, previous: str = "", in_forecasts: bool = False, listed: bool = False,
               names: tuple[str, ...] = ()) -> list[Call]:
    """The author's calls in an English sentence, one per hedged clause; ``in_forecasts`` says the
    article sets out the author's predictions (a list item with no verb is then one of them), ``listed`` that the
    sentence is in an item of a list there (a bare present is then a call); ``names`` are those the author
    writes under ("AML expects X" is then his "We expect X")."""
    text = as_author(REMARK.sub("", prepare(sentence)), names)
    if not text:
        return []
    shift = max(0, sentence.find(text[:12])) if text[:12] in sentence else 0
    if text.endswith("?"):
        head = re.split(r"\s+[–—]\s+|\s+-\s+|;\s+", text, maxsplit=1)
        if len(head) == 2 and not _ASKS.match(head[0]):  # "A recession is a certainty – the only question is how deep?"
            return find_calls(head[0] + ".", previous, in_forecasts, listed, names)
        return question_with_readings(text)
    if text.startswith('"') and text.endswith('"'):
        return []
    prediction = my_prediction(text, previous)
    if prediction is not None:
        return [prediction]
    aside = ASIDE.search(text)
    if aside:  # "Unless A (I don't think they will, although I think B), C": the aside read on its own
        outside = restore(text[:aside.start()] + text[aside.end():])
        before = restore(text[:aside.start()])
        inside = [p for p in re.split(r",\s+(?=(?:although|though|but)\s+(?:I|we)\b)", restore(aside["body"])) if p]
        found = [c for part in inside for c in find_calls(LEADING_SUB.sub("", part).strip() + ".", before)]
        return unique_claims(found + find_calls(outside, previous))
    text = fill_ellipsis(text, prepare(previous) if previous else "")
    appraised = None if sentence_speaker(text) else appraisal_calls(text, prepare(previous) if previous else "")
    if appraised is not None:  # "However, this seems unlikely": of the possibility named before, or no call
        for one in appraised:
            one.claim, one.end = restore(one.claim), len(sentence)
        return appraised
    surprised = [] if sentence_speaker(text) else surprise_call(restore(_CONNECTIVE.sub("", text.strip())))
    if surprised:  # "So don't be shocked if X turns out…": the litotes' reading, whatever modal the rest holds
        for one in surprised:
            one.start, one.end = 0, len(sentence)
        return surprised
    idiom = idiom_call(_CONNECTIVE.sub("", text.strip()), prepare(previous) if previous else "", has_hedge)
    attribution = sentence_speaker(text)
    counted = None if attribution else count_on_call(text)  # "…, but one should not count on X"
    calls: list[Call] = ([idiom] if idiom else []) + ([counted] if counted else []) + \
        ([] if attribution else chance_calls(text))
    for start, end, subject in clauses(text):
        own = subject == "This" and ODDS.match(text)  # "Polls suggest X, which should be enough for Y": the author's
        call = _read_clause(text, start, end, subject, None if own else clause_attribution(text, start, attribution), previous)
        if call is None and start > 0 and not attribution and NP_EXPECTED.match(text[start:end]):
            for one in stance_call(restore(re.split(r"[,;]", text[start:end])[0].strip() + ".")):
                one.start, one.end = start + shift, end + shift  # round 17: "…, but no changes are expected, as…"
                calls.append(one)
        for one in split_coordinated(call) if call is not None else []:
            if one.claim not in [c.claim for c in calls]:
                one.start, one.end = one.start + shift, one.end + shift
                calls.append(one)
    calls = split_elliptic(split_nor(split_complements(split_pairs(split_infinitives(calls)))))
    head = re.split(r",\s+(?:but|and|while|whereas)\s+", text)[0]
    if in_forecasts and calls and head != text and not attribution:  # "Manitoba: also an NDP majority, but here I predict…"
        calls = [c for c in listed_call(restore(head)) if c.claim not in [x.claim for x in calls]] + calls
    front = _CONDITION_FRONT.match(_CONNECTIVE.sub("", text.strip()))
    if front and len(calls) > 1 and calls[0].condition:  # "If he does, A will…, but B will…": both under the condition
        for one in calls[1:]:
            if not one.condition and not one.forecaster:
                one.condition = calls[0].condition
    if not calls and not attribution:  # "I anticipate X", "Look for X to Y", "Manitoba: an NDP majority"
        calls = split_pairs(stance_call(text, in_forecasts) or stance_call(_CONNECTIVE.sub("", text.strip()), in_forecasts))
        if not calls and in_forecasts and listed:  # "1. The stock market surges in the second half of 2023."
            calls = listed_item(_CONNECTIVE.sub("", text.strip()))
        for one in calls:
            one.start, one.end = 0, len(sentence)
    for one in calls:
        one.claim = _after_preamble(one.claim)
    return calls


# round 17: "There is no sense in waiting for a miracle: 2023 will be…": a clause of its own before a colon, with no
# modal, only introduces the call after it (a label with no verb, "Manitoba: the NDP will win", stays)
_PREAMBLE = re.compile(r"^(?P<pre>[^:]*?\b(?:is|are|was|were|has|have|had|seems?|looks?|means?)\b[^:]*):\s+(?P<call>[^:]+)$")
_PREAMBLE_MODAL = re.compile(r"\b(?:will|won't|would|could|may|might|should|shall|can|going to|likely|expect\w*)\b|'ll\b",
                             re.IGNORECASE)


def _after_preamble(claim: str) -> str:
    found = _PREAMBLE.match(claim)
    if not found or _PREAMBLE_MODAL.search(found["pre"]) or not _PREAMBLE_MODAL.search(found["call"]):
        return claim
    return found["call"][:1].upper() + found["call"][1:]


_PLACEHOLDER = re.compile(r"^[XYZ](?:\s+(?:and|or)\s+[XYZ])?\s+(?:will|won't)\b")  # "X and Y will happen": a schema
_RATING = re.compile(r"\s+(?:Democratic|Republican|Dem|Dems|GOP|Labour|Conservative|Tory|Liberal|Democrat|[DR])\b")

# --- one clause -------------------------------------------------------------------------------------

def _read_clause(text: str, start: int, end: int, subject: str, attribution: tuple[str, bool] | None,
                 previous: str) -> Call | None:
    clause = text[start:end].strip(" ,")
    while _CONNECTIVE.match(clause) and _CONNECTIVE.match(clause).end():
        clause = clause[_CONNECTIVE.match(clause).end():]
    clause = LEADING_SUB.sub("", clause)
    clause = re.sub(r"^(?:[A-Z][\w' -]{2,40}|P\.?S\.?):\s+(?=\S)", "", clause)  # "My conditional statement: …", "PS: …"
    clause = re.sub(r"^(?:looking|judging)\s+[^,]{1,40}?\s+(?=it\b|there\b)", "", clause, flags=re.IGNORECASE)
    if POSSIBILITY.match(clause):
        return None  # "One possibility is that Russia could…": a possibility set out, not the author's call
    front = _CONDITION_FRONT.match(clause)
    litotes = litotes_call(clause[front.end():] if front else clause) if attribution is None else None
    if litotes is not None:  # "If A, it's not hard to see X V-ing": two negations, X will V
        litotes.claim, litotes.condition = restore(litotes.claim), restore(front["cond"]) if front else ""
        litotes.start, litotes.end = start, end
        return litotes
    clause = GUT.sub("", clause)  # "I have a gut feeling that X will…": the author's call
    seeing = I_CAN_SEE.search(clause)
    if seeing:  # "…, but when we add A, I can certainly see how 2022 could fall in line": the author's call
        clause = clause[seeing.end():]
    clause = CONFIDENT.sub("", clause)  # "I'm confident that X will…": the author's call, at its modal
    clause = OWN_NOUN_FRAME.sub("", clause)  # "My best guess right now is that X will…": likewise
    denied = NO_REASON.match(clause)
    if denied and attribution is None:  # "There is no reason to believe that X will Y": X will not Y
        rest = re.split(r",\s+(?:but|and|while|whereas|yet)\s+", clause[denied.end():])[0]
        inner = [c for c in find_calls(rest) if not c.forecaster and not c.condition]
        if len(inner) != 1 or inner[0].negated:
            return None
        hedge = lookup("unlikely")
        return Call(claim=restore(finish(negate_claim(inner[0].claim))), hedge_text=denied.group().strip(), hedge=hedge,
                    probability=hedge.probability, negated=True, start=start, end=end)
    if attribution is None:  # "a Biden victory is looking good", "272 is the worst Hillary can do"
        outlook = outlook_call(clause, previous, start, end) or outlook_call(re.split(r",\s+", clause)[-1], previous, start, end)
        if outlook is not None:
            return outlook
    later = [x for x in re.finditer(r",?\s+(?:and|but|yet|so)\s+(?=(?:I|we)\s+(?:" + FRAME_ADVERB + r"\s+){0,2}expect\b)", clause)
             if not has_hedge(clause[:x.start()])]
    if later:  # "I have tended to be cautious in these picks, and I do expect X to Y": the call is the second clause's
        clause = clause[later[-1].end():]
    own_np = EXPECT_NP_SELF.match(clause.rstrip("."))
    if own_np and attribution is None:  # "I expect two more hikes this year": there will be two more hikes
        hedge = lookup("expected to")
        return Call(claim=restore(finish(claim_of(own_np["np"]))), hedge_text="expect", hedge=hedge,
                    probability=hedge.probability, negated=False, start=start, end=end)
    imperative = IMPERATIVE_EXPECT.match(clause.rstrip("."))
    if imperative and attribution is None:  # "If A, expect B to C": the author's call that B will C
        hedge = lookup("expected to")
        return Call(claim=restore(finish(f"{imperative['subj']} will {imperative['rest']}")), hedge_text="expect",
                    hedge=hedge, probability=hedge.probability, negated=False,
                    condition=restore(imperative["cond"] or ""), start=start, end=end)
    expected = EXPECT.match(clause.rstrip("."))
    if expected and not re.search(r"\b(?:not|n't|to|believe|think|is|it's|realistic|reasonable|hard|difficult)\b|'",
                                  expected["who"], re.IGNORECASE):
        who = expected["who"].strip()
        who = re.sub(r"^(I|we)\s+(?:(?:" + FRAME_ADVERB + r"|did)\s*)+$", r"\1", who, flags=re.IGNORECASE)  # "I fully/do expect"
        forecaster = "" if who.lower() in ("i", "we") else speaker_name(who)
        if who.lower() not in ("i", "we") and not forecaster:
            return None
        hedge = lookup("expected to")
        claim = finish(f"{expected['subj']} will {expected['rest']}")
        return Call(claim=restore(claim), hedge_text="expect", hedge=hedge, probability=hedge.probability,
                    negated=False, forecaster=restore(forecaster), start=start, end=end)
    m = find_hedge(clause)
    if m is not None:  # "This has been a rotten year, but any business … should see booming trade": the second
        cut = list(re.finditer(r",\s+(?:but|yet|and)\s+", clause[:m.start()]))
        if cut and not has_hedge(clause[:cut[-1].start()]) and SUBJECT_START.match(clause[cut[-1].end():]) and not serial_list(clause, cut[-1], m.start()):
            clause = clause[cut[-1].end():]
            m = find_hedge(clause)
    if m is None:
        return framed_by_author(clause, start, end)
    if attribution is None and any(a <= m.start() < b for a, b in stated_spans(clause)):
        return None  # "The likelihood that X will Y is zero": read as a chance (chances_en), its "will" no hedge
    if m.group().lower() in ("likely", "safe", "lean") and _RATING.match(clause[m.end():]):
        return None  # "13 are likely Democratic": a race's rating, not a hedge
    if m.group().lower() == "my prediction is" and not re.match(r"[\s:,–—-]*(?:yes|no)\b", clause[m.end():], re.IGNORECASE):
        return framed_by_author(clause[m.start():], start, end)
    if _WAIT_AND_SEE.match(clause):
        return None  # "We will have to see what materializes tomorrow": waiting, not a forecast
    if re.search(r"\bI\s+(?:\w+\s+)?$", clause[:m.start()]) and m.group().lower() in MODALS:
        if FRAME.match(clause[clause.rfind("I", 0, m.start()):]):
            return framed_by_author(clause[clause.rfind("I", 0, m.start()):], start, end)  # "I will go bolder and say X"
        return None  # "I will offer some forecasts": the author's plan for the text, not a forecast
    if PAST_EXPECTED.search(clause[max(0, m.start() - 20):m.end() + 4]):
        return None  # "they gained seats when they had been expected to lose them": a past expectation
    if OTHERS_VIEW.search(clause[:m.start()]) and \
            not re.search(r"\b(?:I|we)\s+(?:\w+\s+)?(?:have|had|get|share)\b", clause[:m.start()]):
        return None  # "…, with the forecast that X will", "the expectation that X will": whose, unsaid
    if re.match(r"(?:this|that|it)\s+(?:may|might|could|will|would)\s+(?:well\s+)?be\s+(?:a|an|my)\s+(?:[\w-]+\s+){0,2}?"
                r"(?:take|call|opinion|guess|stretch|long\s+shot|reach|bet|prediction)\b", clause, re.IGNORECASE):
        return None  # "This may be a rather hot take": the author appraising his own statement, not a call
    if DENIED_INFERENCE.search(clause[:m.start()]):
        return None  # "That does not mean that it will invade": an inference denied, not a call
    if CALENDAR.search(clause[m.start():]) or m.group().lower() == "scheduled to":
        return None  # "On Friday, the Department of Labor will publish the jobs report", "X is scheduled to be the last day"
    if PAST_APPRAISAL.search(clause[:m.start()]):
        return None  # "there was a hint that faith might be cracking": a past reading, not a forecast
    # Whose call: the clause's own speaker, else the sentence's.
    speaker = clause_speaker(clause, m)
    forecaster, negate_raise = "", False
    if speaker is not None:
        who, body_start, negate_raise, is_self = speaker
        if not is_self and not who:
            return None  # someone unnamed said it: not the author's, and no one to credit
        forecaster = "" if is_self else who
        speaker_text, clause = clause[:body_start], clause[body_start:]
        m = find_hedge(clause)
        if m is None:
            return None  # "I think X is the case": a belief without a forecast word
    elif attribution is not None:
        if not attribution[0]:
            return None
        forecaster = attribution[0]
    if not forecaster and quoted(text, text.find(clause) + m.start()):
        forecaster = quote_speaker(text)
        if not forecaster:
            return None
    phrase = m.group().lower()
    reading = TABLE.get(phrase, READING.get(phrase, phrase))
    hedge = lookup(phrase) or lookup(reading)
    body = strip_attribution(clause)
    condition = ""
    for pattern in (_CONDITION_FRONT, _CONDITION_BACK):
        found = pattern.search(body)
        if found and phrase not in found["cond"].lower().split():
            condition, body = found["cond"], body[:found.start()] + body[found.end():]
            break
    if phrase == "would" and not condition:
        return None
    anaphoric = _ANAPHORIC.match(body)
    if anaphoric and anaphoric.group().lower().startswith("otherwise") and start > 0:
        anaphoric = None  # "If A, X could Y; otherwise Z will": the "otherwise" of the sentence's own condition
    if anaphoric:
        body = body[anaphoric.end():]
        otherwise = anaphoric.group().lower().startswith("otherwise")  # "Otherwise, X will": unless what was said before
        condition = condition or (f"({'otherwise than: ' if otherwise else ''}{previous.strip()})" if previous else "")
    if subject:
        body = f"{subject} {body}"
    reasonless = re.sub(r",?\s+because\b.*$", "", body)  # the reason is not part of the claim
    # nor a reason told with ", since" ("…, since Russia needs gas output from its wells"); "since June" is a time
    reasonless = re.sub(r",\s+since\s+(?:the|a|an|it|he|she|they|we|there|[A-Z][\w-]*)\b(?:\s+[\w'-]+){0,4}?\s+(?:is|are|was|were|"
                        r"has|have|had|can|cannot|can't|will|would|does|do|did|needs?|wants?|remains?)\b.*$", "", reasonless)
    if reasonless != body and not has_hedge(reasonless) and phrase not in ("expected to",):
        return None  # "Biden won the nomination because he is less likely to offend": the hedge was in the reason
    body = reasonless
    body = re.sub(r",\s*(?:however|though|too|in turn)(?:,\s*|\s*$)", " ", body)  # "The opposition, however, will…"
    body = re.sub(r",\s+(?:although|though)\s+(?:I|we)\b.*$", "", body)  # nor the author's reservation
    body = re.sub(r",\s+but\s+(?:I|we)\s+(?:can't|cannot|can not|don't|do not|am not|'m not)\s+(?:really\s+)?(?:tell|know|"
                  r"say|sure|be sure)\b.*$", "", body)  # nor his "…, but I can't tell whether…"
    body = re.sub(r",\s+so\s+(?P<rest>.*)$", lambda x: x.group() if has_hedge(x["rest"]) else "", body)  # nor "so here they are"
    body = re.sub(r"\s*\((?![^)]*%\))[^()]{3,}\)", "", body)  # nor an aside in brackets
    if BARE_READING.match(body.strip(" ,;:")):
        return None  # "…, although I don't think it's very likely": a reading of the clause before, not a call
    claim, negated = rewrite(body.strip(" ,;:"), phrase)
    claim = finish(re.sub(r"^(?:the\s+)?(?:scenario|outcome|result)\s+is\s+(?:that\s+)?", "", claim, flags=re.IGNORECASE))
    if hedge is not None and hedge.negates and not negated:  # "no chance X won't": two negations, a near-certain call
        hedge = lookup("almost certain")
    ended = None if negated else chance_ended(claim)
    if ended:  # "This is likely to spell doom for any chance the Democrats have of holding…": they likely will not hold…
        claim, negated = ended, True
    hedge_text = hedge_phrase(clause, m)
    if speaker is not None and speaker[3]:  # "I think X will Y": the author's belief, read as "likely"
        frames = list(re.finditer(r"\b(?:(?:don't|do not|never)\s+)?(?:" + "|".join(SELF_VERBS) + r")\b",
                                  speaker_text, re.IGNORECASE))
        frame = frames[-1] if frames else None
        framed = lookup(frame.group().lower()) if frame else None
        if negate_raise:
            claim, negated = finish(negate_claim(claim)), True
            hedge, hedge_text = framed or lookup("unlikely"), frame.group() if frame else "don't think"
        elif framed is not None and hedge is not None and hedge.probability > framed.probability:
            hedge, hedge_text = framed, frame.group()
    if len(claim.split()) < 3 or ABOUT_THE_TEXT.match(claim) or _PLACEHOLDER.match(claim):
        return None  # "I will offer some forecasts", "This piece will analyze…": the text, not the world
    probability = hedge.probability if hedge is not None else 0.5
    stated = re.search(r"\s*\((?P<n>\d{1,3})\s*%\)", claim)
    if stated and 0 < int(stated["n"]) <= 100:  # "X will happen (70%)": the author's own number
        probability, hedge_text, hedge = int(stated["n"]) / 100, f"{stated['n']}%", None
        claim = finish(claim[:stated.start()] + claim[stated.end():])
    return Call(claim=restore(claim), hedge_text=hedge_text, hedge=hedge, probability=probability,
                negated=negated or bool(hedge and hedge.negates), condition=restore(condition.strip()),
                forecaster=restore(forecaster), start=start, end=end)
