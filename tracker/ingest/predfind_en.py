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
from tracker.ingest.asides_en import ASIDE, fill_ellipsis, split_coordinated
from tracker.ingest.chances_en import chance_calls, claim_of
from tracker.ingest.idioms_en import idiom_call
from tracker.ingest.hedgespan import Call
from tracker.ingest.stances_en import listed_call, listed_item, stance_call
from tracker.ingest.speakers_en import (
    ODDS, SELF_VERBS, clause_speaker, quote_speaker, quoted, sentence_speaker, speaker_name, strip_attribution,
)
from tracker.ingest.wording_en import (
    ADVERBS, HEDGE, MODALS, READING, SELF_CONFIDENT, TABLE, finish, negate_claim, rewrite,
)

_AFTER_MODAL_BAD = re.compile(r"^\s+(?:(?:not\s+)?(?:have|has|had)\s+(?:been|done|gone|made|seen|taken|won|lost|had|got|"
                              r"\w+ed|\w+en)\b|of\b|and\b|or\b|to\b)|^\s*[,.;:)]|^\s*$", re.IGNORECASE)
_BEFORE_WILL_BAD = re.compile(r"\b(?:the|a|political|popular|free|good|ill|own|their|his|her|its|of)\s+$",
                              re.IGNORECASE)
_CONNECTIVE = re.compile(r"^(?:however|but|still|yet|moreover|meanwhile|in short|overall|for now|that said|a priori|"
                         r"on balance|realistically|in all likelihood|in my view|in my opinion|frankly|honestly|"
                         r"instead|even so|nonetheless|as a result|therefore|and|so|in any case|in the end|"
                         r"ultimately|either way|in turn|for that reason|if anything|at the same time|first|"
                         r"second|third|fourth|fifth|finally|also|thus|hence|besides|indeed|of course|"
                         r"nevertheless|after all|(?:the\s+)?(?:chances|odds)\s+are(?:\s+that)?)\b[,:\s]*", re.IGNORECASE)
_SUBJECT_START = re.compile(r"^(?:(?:by|within|until|before|after|in|from)\s+(?:[A-Z0-9][\w-]*|the end of \w+|next \w+)\s+"
                            r"(?=[a-z]+\s+(?:[a-z]+\s+)?(?:will|won't|would|could|may|might|should)\b)|"
                            r"(?:in|at|during|by|within|until)\s+the\s+[^,]{1,60}?\s+(?=(?:the|a|an|[A-Z][\w-]*)\s+"
                            r"(?:[\w-]+\s+){0,4}?(?:will|won't|would|could|may|might|should)\b)|"
                            r"(?:looking|judging)\s+[^,]{1,40}?\s+(?=it\b|there\b)|"
                            r"(?:the|a|an|this|that|these|those|it|it's|they|they're|he|he's|she|she's|we|i|"
                            r"there|its|his|her|their|our|my|neither|no|none|nothing|both|all|each|any|some|"
                            r"many|most|[A-Z][\w'’.+-]*)\b)")
_CONDITION_FRONT = re.compile(r"^(?:even\s+)?(?P<cond>(?:if|unless|should|once|in case|in the event that|assuming(?: that)?|"
                              r"provided(?: that)?|as long as)\s+[^,]{3,200}),\s*", re.IGNORECASE)
_CONDITION_BACK = re.compile(r",?\s+(?P<cond>(?:if|unless|as long as|provided(?: that)?|in the event that)\s+.{3,200}?)"
                             r"[.]?$", re.IGNORECASE)
_ANAPHORIC = re.compile(r"^(?:in that case|if so|if that happens|then)[,\s]+", re.IGNORECASE)
_COMMA = "\u2063"  # stands for a thousands comma while the sentence is cut at commas


def find_calls(sentence: str, previous: str = "", in_forecasts: bool = False, listed: bool = False) -> list[Call]:
    """The author's calls in an English sentence, one per hedged clause; ``in_forecasts`` says the
    article sets out the author's predictions (a list item with no verb is then one of them), ``listed`` that the
    sentence is in an item of a list there (a bare present is then a call)."""
    text = _prepare(sentence)
    if not text:
        return []
    shift = max(0, sentence.find(text[:12])) if text[:12] in sentence else 0
    if text.endswith("?"):
        return _question_with_readings(text)
    if text.startswith('"') and text.endswith('"'):
        return []
    prediction = _my_prediction(text, previous)
    if prediction is not None:
        return [prediction]
    aside = ASIDE.search(text)
    if aside:  # "Unless A (I don't think they will, although I think B), C": the aside read on its own
        outside = _restore(text[:aside.start()] + text[aside.end():])
        before = _restore(text[:aside.start()])
        inside = [p for p in re.split(r",\s+(?=(?:although|though|but)\s+(?:I|we)\b)", _restore(aside["body"])) if p]
        found = [c for part in inside for c in find_calls(_LEADING_SUB.sub("", part).strip() + ".", before)]
        return _unique(found + find_calls(outside, previous))
    text = fill_ellipsis(text, _prepare(previous) if previous else "")
    idiom = idiom_call(_CONNECTIVE.sub("", text.strip()), _prepare(previous) if previous else "", _has_hedge)
    attribution = sentence_speaker(text)
    calls: list[Call] = ([idiom] if idiom else []) + ([] if attribution else chance_calls(text))
    for start, end, subject in _clauses(text):
        own = subject == "This" and ODDS.match(text)  # "Polls suggest X, which should be enough for Y": the author's
        call = _read_clause(text, start, end, subject, None if own else attribution, previous)
        for one in split_coordinated(call) if call is not None else []:
            if one.claim not in [c.claim for c in calls]:
                one.start, one.end = one.start + shift, one.end + shift
                calls.append(one)
    calls = _split_nor(calls)
    head = re.split(r",\s+(?:but|and|while|whereas)\s+", text)[0]
    if in_forecasts and calls and head != text and not attribution:  # "Manitoba: also an NDP majority, but here I predict…"
        calls = [c for c in listed_call(_restore(head)) if c.claim not in [x.claim for x in calls]] + calls
    front = _CONDITION_FRONT.match(_CONNECTIVE.sub("", text.strip()))
    if front and len(calls) > 1 and calls[0].condition:  # "If he does, A will…, but B will…": both under the condition
        for one in calls[1:]:
            if not one.condition and not one.forecaster:
                one.condition = calls[0].condition
    if not calls and not attribution:  # "I anticipate X", "Look for X to Y", "Manitoba: an NDP majority"
        calls = stance_call(text, in_forecasts) or stance_call(_CONNECTIVE.sub("", text.strip()), in_forecasts)
        if not calls and in_forecasts and listed:  # "1. The stock market surges in the second half of 2023."
            calls = listed_item(_CONNECTIVE.sub("", text.strip()))
        for one in calls:
            one.start, one.end = 0, len(sentence)
    return calls


_NOR = re.compile(r"^(?P<a>.+?),?\s+nor\s+(?:will|would|does|do|is|are)\s+(?P<subj>it|they|he|she|this|that|[A-Z][\w-]*)\s+"
                  r"(?P<vp>[a-z].+)$")


def _split_nor(calls: list[Call]) -> list[Call]:
    """"It won't be very deep, nor will it last long": two negated calls."""
    out: list[Call] = []
    for call in calls:
        found = _NOR.match(call.claim.rstrip("."))
        if not found or not re.search(r"\b(?:not|never)\b", found["a"]):
            out.append(call)
            continue
        second = Call(**{k: getattr(call, k) for k in call.__slots__})
        call.claim = finish(found["a"])
        second.claim = finish(f"{found['subj']} will not {found['vp']}")
        second.negated = True if call.negated else second.negated
        out += [call, second]
    return out


def _unique(calls: list[Call]) -> list[Call]:
    out: list[Call] = []
    for call in calls:
        if call.claim not in [c.claim for c in out]:
            out.append(call)
    return out


def _prepare(sentence: str) -> str:
    text = sentence.strip().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"^(?:[-*•·]|\d+[.)])\s+", "", text)  # a bullet or list number
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", _COMMA, text)  # 10,000 is one number
    text = re.sub(r"(?<=\w)'ll\b", " will", text)
    return text


def _restore(text: str) -> str:
    return text.replace(_COMMA, ",")


# --- clauses ----------------------------------------------------------------------------------------

_HARD = re.compile(r"\s*;\s*|\s+[–—]\s+|\s+-\s+|:\s+(?=[a-z])")
_SOFT = re.compile(r",?\s+(?:but|and|while|whereas|so|yet)\s+(?=\S)|,\s+(?=which\s)|,\s+(?:though|although)\s+(?=(?:I|we)\s)",
                   re.IGNORECASE)
_LEADING_SUB = re.compile(r"^(?:but\s+|and\s+)?(?:because|since|although|though|even though|while|as|whereas|given that)\s",
                          re.IGNORECASE)


def _clauses(text: str) -> list[tuple[int, int, str]]:
    """(start, end, subject) of each clause that may carry its own call; ``subject`` stands in for
    a relative "which" ("This")."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for m in _HARD.finditer(text):
        pieces.append((start, m.start()))
        start = m.end()
    pieces.append((start, len(text)))
    out: list[tuple[int, int, str]] = []
    for a, b in pieces:
        out += _soft_split(text, a, b)
    return out


def _soft_split(text: str, a: int, b: int) -> list[tuple[int, int, str]]:
    cuts: list[tuple[int, int, str]] = []  # (cut start, next clause start, subject)
    for m in _SOFT.finditer(text, a, b):
        rest = text[m.end():b]
        nxt = _next_cut(text, m.end(), b)
        segment = text[m.end():nxt] if not re.search(r"though", m.group(), re.IGNORECASE) else rest
        if rest.lower().startswith("which "):
            own = re.split(r",\s", segment[6:], maxsplit=1)[0]
            if _has_hedge(own) and _has_hedge(text[a:m.start()]):
                cuts.append((m.start(), m.end() + 6, "This"))
            continue
        if _SUBJECT_START.match(rest) and _has_hedge(segment) and _has_hedge(text[a:m.start()]) \
                and not re.match(r"(?:will|would|could|may|might|won't|can)\b", rest, re.IGNORECASE) \
                and not re.match(r"that\s+(?:the|a|an|he|she|they|it|we|[A-Z])", rest):  # "…, and that X will": one complement
            cuts.append((m.start(), m.end(), ""))
        elif m.group().strip().lower() == "and" and _SECOND_PREDICATE.match(rest):
            subject = _subject_of(text[a:m.start()])
            if subject:  # "The opposition will not accept him and will probably form a government": two calls
                cuts.append((m.start(), m.end(), subject))
    sub = _LEADING_SUB.match(text[a:b])
    if sub:  # "Because A will…, B will…": the main clause follows the last comma that starts one
        for m in reversed(list(re.finditer(r",\s+", text[a:b]))):
            rest = text[a + m.end():b]
            if _SUBJECT_START.match(rest) and _has_hedge(rest) and not any(c[0] <= a + m.start() < c[1] for c in cuts):
                cuts.append((a + m.start(), a + m.end(), ""))
                break
    cuts.sort()
    out, start, subject = [], a, ""
    for cut_start, cut_end, next_subject in cuts:
        if cut_start < start:
            continue
        out.append((start, cut_start, subject))
        start, subject = cut_end, next_subject
    out.append((start, b, subject))
    return out


_SECOND_PREDICATE = re.compile(r"(?:will|won't)\s+(?:probably|likely|almost certainly|certainly|not|never)\s+\w|"
                               r"(?:is|are)\s+(?:also\s+)?(?:very\s+|highly\s+)?(?:likely|unlikely|expected|set|poised|bound)\s+to\s+\w|"
                               r"(?:probably|likely)\s+(?:will|won't)\s+\w", re.IGNORECASE)


def _subject_of(clause: str) -> str:
    """The subject of a clause whose predicate starts with its modal ("The opposition, however, will…")."""
    found = re.match(r"^\s*(?P<subj>[^,;]{2,60}?)(?:,\s*(?:however|though|too|also|then|in turn),?)?\s+"
                     r"(?:will|won't|would|could|may|might|is|are)\b", clause, re.IGNORECASE)
    if not found or len(found["subj"].split()) > 6 or not _SUBJECT_START.match(found["subj"]):
        return ""
    return found["subj"].strip()


def _next_cut(text: str, start: int, end: int) -> int:
    m = _SOFT.search(text, start, end)
    return m.start() if m else end


def _has_hedge(segment: str) -> bool:
    return any(_looks_ahead(segment, m) for m in HEDGE.finditer(segment))


# --- one clause -------------------------------------------------------------------------------------

def _looks_ahead(text: str, m: re.Match) -> bool:
    phrase, after, before = m.group().lower(), text[m.end():], text[:m.start()]
    if phrase in ("will", "would", "could", "may", "might", "won't", "will not", "going to"):
        if _AFTER_MODAL_BAD.match(after) or (phrase == "will" and _BEFORE_WILL_BAD.search(before)):
            return False
    if phrase == "would" and not re.search(r"\b(?:if|unless)\b", text, re.IGNORECASE):
        return False  # without a condition "would" is mostly reported speech or a hypothetical
    if phrase == "may" and (m.start() == 0 or m.group() == "May"):
        return False
    if phrase == "going to" and not re.search(r"\b(?:is|are|am|'s|'re|'m|not)\s+$", before, re.IGNORECASE):
        return False
    if phrase == "only" and not re.match(r"^\s+(?:[\w'-]+\s+){1,6}?can\s+\w", after):
        return False
    if phrase == "only" and m.start() > 0 and not re.search(r"(?:^|[,;:]\s*|\bthat\s+)$", before):
        return False
    if phrase in ("probably", "likely", "certainly", "definitely", "most likely") and \
            re.match(r"^\s+(?:was|were|had|did|\w+ed)\b", after, re.IGNORECASE):
        return False  # "Brenda probably choked on her Cornflakes": a guess at the past
    if phrase == "should" and (not _PREDICTIVE_SHOULD.match(after) or re.search(r"\byou\s+$", before, re.IGNORECASE)):
        return False  # "the government should act": what ought to be, not what will be
    if phrase == "not impossible" and not re.search(r"\b(?:it is|it's)\s+$", before, re.IGNORECASE):
        return False
    if phrase in ("expect", "expects") and not re.search(r"\b(?:i|we)\s+(?:\w+\s+)?$", before, re.IGNORECASE):
        return False  # "X expects": reported; "I expect": the author's
    if phrase == "likely" and re.match(r"^\s+(?:that|to)\b", after) is None and \
            not re.search(r"\b(?:is|are|'s|'re|be|looks|seems)\s+(?:very\s+|highly\s+|quite\s+|not\s+)?$", before,
                          re.IGNORECASE) and not re.search(r"\bwill\s+$|^\s+(?:will|be)\b", before + "|" + after):
        if not re.search(r"\bwill\s+$", before) and not re.match(r"^\s+(?:will|won't|would|wouldn't)\b", after):
            return False
    return True


# "should" forecasts only with a verb of outcome ("should see booming trade"), never with an agent's duty.
_PREDICTIVE_SHOULD = re.compile(r"^\s+(?:(?:still|also|now|soon|therefore|thus|then|easily|comfortably)\s+)?(?:see|prove|remain|recover|return|rise|fall|"
                                r"continue|ease|peak|improve|stay|reach|hit|end up|win|lose|come|arrive|pass|confirm|show|reveal|"
                                r"be (?:over|back|able|enough|fine|higher|lower))\b", re.IGNORECASE)


def _find_hedge(clause: str) -> re.Match | None:
    matches = [m for m in HEDGE.finditer(clause) if _looks_ahead(clause, m)]
    if len(matches) > 1 and matches[0].group().lower() == "expect" and matches[1].group().lower() in MODALS:
        matches = matches[1:]  # "I expect the market will fall": "expect" frames, the modal reads
    if not matches:
        return None
    m = matches[0]
    # "will probably", "will likely": the adverb next to the modal carries the confidence
    for nxt in matches[1:3]:
        if m.group().lower() in MODALS and nxt.group().lower() in ADVERBS and nxt.start() - m.end() <= 2:
            return nxt
    # "probably will", "likely won't": the adverb before the modal
    if m.group().lower() in ADVERBS and len(matches) > 1 and matches[1].group().lower() in MODALS \
            and matches[1].start() - m.end() <= 2:
        return m
    return m


def _read_clause(text: str, start: int, end: int, subject: str, attribution: tuple[str, bool] | None,
                 previous: str) -> Call | None:
    clause = text[start:end].strip(" ,")
    while _CONNECTIVE.match(clause) and _CONNECTIVE.match(clause).end():
        clause = clause[_CONNECTIVE.match(clause).end():]
    clause = _LEADING_SUB.sub("", clause)
    clause = re.sub(r"^[A-Z][\w' -]{2,40}:\s+(?=\S)", "", clause)  # "My conditional statement: …"
    clause = re.sub(r"^(?:looking|judging)\s+[^,]{1,40}?\s+(?=it\b|there\b)", "", clause, flags=re.IGNORECASE)
    clause = _GUT.sub("", clause)  # "I have a gut feeling that X will…": the author's call
    seeing = _I_CAN_SEE.search(clause)
    if seeing:  # "…, but when we add A, I can certainly see how 2022 could fall in line": the author's call
        clause = clause[seeing.end():]
    clause = _CONFIDENT.sub("", clause)  # "I'm confident that X will…": the author's call, at its modal
    own_np = _EXPECT_NP_SELF.match(clause.rstrip("."))
    if own_np and attribution is None:  # "I expect two more hikes this year": there will be two more hikes
        hedge = lookup("expected to")
        return Call(claim=_restore(finish(claim_of(own_np["np"]))), hedge_text="expect", hedge=hedge,
                    probability=hedge.probability, negated=False, start=start, end=end)
    imperative = _IMPERATIVE_EXPECT.match(clause.rstrip("."))
    if imperative and attribution is None:  # "If A, expect B to C": the author's call that B will C
        hedge = lookup("expected to")
        return Call(claim=_restore(finish(f"{imperative['subj']} will {imperative['rest']}")), hedge_text="expect",
                    hedge=hedge, probability=hedge.probability, negated=False,
                    condition=_restore(imperative["cond"] or ""), start=start, end=end)
    expected = _EXPECT.match(clause.rstrip("."))
    if expected and not re.search(r"\b(?:not|n't|to|believe|think|is|it's|realistic|reasonable|hard|difficult)\b|'",
                                  expected["who"], re.IGNORECASE):
        who = expected["who"].strip()
        who = re.sub(r"^(I|we)\s+\w+ly$", r"\1", who, flags=re.IGNORECASE)  # "I fully expect"
        forecaster = "" if who.lower() in ("i", "we") else speaker_name(who)
        if who.lower() not in ("i", "we") and not forecaster:
            return None
        hedge = lookup("expected to")
        claim = finish(f"{expected['subj']} will {expected['rest']}")
        return Call(claim=_restore(claim), hedge_text="expect", hedge=hedge, probability=hedge.probability,
                    negated=False, forecaster=_restore(forecaster), start=start, end=end)
    m = _find_hedge(clause)
    if m is not None:  # "This has been a rotten year, but any business … should see booming trade": the second
        cut = list(re.finditer(r",\s+(?:but|yet|and)\s+", clause[:m.start()]))
        if cut and not _has_hedge(clause[:cut[-1].start()]) and _SUBJECT_START.match(clause[cut[-1].end():]):
            clause = clause[cut[-1].end():]
            m = _find_hedge(clause)
    if m is None:
        return _framed_by_author(clause, start, end)
    if m.group().lower() == "my prediction is" and not re.match(r"[\s:,–—-]*(?:yes|no)\b", clause[m.end():], re.IGNORECASE):
        return _framed_by_author(clause[m.start():], start, end)
    if re.search(r"\bI\s+(?:\w+\s+)?$", clause[:m.start()]) and m.group().lower() in MODALS:
        if _FRAME.match(clause[clause.rfind("I", 0, m.start()):]):
            return _framed_by_author(clause[clause.rfind("I", 0, m.start()):], start, end)  # "I will go bolder and say X"
        return None  # "I will offer some forecasts": the author's plan for the text, not a forecast
    if _OTHERS_VIEW.search(clause[:m.start()]):
        return None  # "…, with the forecast that X will", "the expectation that X will": whose, unsaid
    if _CALENDAR.search(clause[m.start():]):
        return None  # "On Friday, the Department of Labor will publish the jobs report": a schedule, not a call
    if _PAST_APPRAISAL.search(clause[:m.start()]):
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
        m = _find_hedge(clause)
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
    if anaphoric:
        body = body[anaphoric.end():]
        condition = condition or (f"({previous.strip()})" if previous else "")
    if subject:
        body = f"{subject} {body}"
    body = re.sub(r",?\s+because\b.*$", "", body)  # the reason is not part of the claim
    body = re.sub(r",\s*(?:however|though|too|in turn),\s*", " ", body)  # "The opposition, however, will…"
    body = re.sub(r",\s+(?:although|though)\s+(?:I|we)\b.*$", "", body)  # nor the author's reservation
    body = re.sub(r",\s+so\s+(?P<rest>.*)$", lambda x: x.group() if _has_hedge(x["rest"]) else "", body)  # nor "so here they are"
    body = re.sub(r"\s*\((?![^)]*%\))[^()]{3,}\)", "", body)  # nor an aside in brackets
    if _BARE_READING.match(body.strip(" ,;:")):
        return None  # "…, although I don't think it's very likely": a reading of the clause before, not a call
    claim, negated = rewrite(body.strip(" ,;:"), phrase)
    hedge_text = _hedge_text(clause, m)
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
    if len(claim.split()) < 3 or _ABOUT_THE_TEXT.match(claim):
        return None  # "I will offer some forecasts", "This piece will analyze…": the text, not the world
    probability = hedge.probability if hedge is not None else 0.5
    stated = re.search(r"\s*\((?P<n>\d{1,3})\s*%\)", claim)
    if stated and 0 < int(stated["n"]) <= 100:  # "X will happen (70%)": the author's own number
        probability, hedge_text, hedge = int(stated["n"]) / 100, f"{stated['n']}%", None
        claim = finish(claim[:stated.start()] + claim[stated.end():])
    return Call(claim=_restore(claim), hedge_text=hedge_text, hedge=hedge, probability=probability,
                negated=negated or bool(hedge and hedge.negates), condition=_restore(condition.strip()),
                forecaster=_restore(forecaster), start=start, end=end)


_FRAME = re.compile(r"^(?:(?:I|we)\s+(?:(?:still|also|now|really|firmly|strongly)\s+)?(?P<verb>predict|think|believe|"
                    r"expect|reckon|bet|suspect|(?:would|will\s+go\s+\w+\s+and|would\s+go\s+\w+\s+and)\s+say)|"
                    r"(?i:my) (?P<noun>prediction|forecast|bet|guess)(?:\s+for\s+[^,]{1,30}?)? is(?:\s+(?:just|simply|still|now))?)\b(?:\s+that)?[\s:,–—-]+"
                    r"(?P<rest>.+)$")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|will|\w+s|win|lose|hold|keep|stay|remain|become|fall|rise|"
                     r"gain|regain|get|take|go|lead|end|collapse|fail|succeed)\b")


def _framed_by_author(clause: str, start: int, end: int) -> Call | None:
    """"I predict X", "my prediction is X", "I think X": the author's call without a modal."""
    found = _FRAME.match(clause.strip())
    if not found:  # "…, but here I predict X"
        later = re.search(r"(?:,\s+|\s+)(?:but|and|so|yet)\s+(?:here\s+|now\s+|still\s+)?(?=(?:I|we|my)\b)", clause)
        found = _FRAME.match(clause[later.end():]) if later else None
    if not found:
        return None
    rest = re.sub(r",\s+(?:and|but|which)\s+(?:that|this|it)\b.*$", "", found["rest"]).strip(" .")
    if len(rest.split()) < 2 or re.match(r"^(?:so|not|it is|this is|that is)\b", rest, re.IGNORECASE):
        return None
    phrase = re.sub(r"\s+", " ", found["verb"] or f"my {found['noun']} is")
    hedge = lookup(phrase) or lookup("likely")
    if found["verb"] and not _FINITE.search(rest):
        return None  # "I think about it": no predicate to score
    return Call(claim=_restore(finish(rest)), hedge_text=phrase, hedge=hedge, probability=hedge.probability,
                negated=False, start=start, end=end)


_QUESTION = re.compile(r"^(?:or |and |but |so )?(?:will|would|could|can) (?P<subj>.+?) (?P<verb>lead to|result in|"
                       r"cause|bring|trigger|produce|see|get|win|lose|reach|hit|become|fall to|rise to|end in|"
                       r"turn into) (?P<objs>.+)\?$", re.IGNORECASE)
_READING_IN_BRACKETS = re.compile(r"(?P<np>[^()]+?)\s*\((?P<h>(?:not |very |highly |quite |almost )*(?:un)?likely|"
                                  r"probable|improbable|almost certain|\d{1,3}\s*%)\)")


def _question_with_readings(text: str) -> list[Call]:
    """"Will X lead to A (not very likely) and/or B (very likely)?": the author reads each answer."""
    q = _QUESTION.match(text)
    if not q or "(" not in q["objs"]:
        return []
    out: list[Call] = []
    subj = q["subj"][:1].upper() + q["subj"][1:]
    for m in _READING_IN_BRACKETS.finditer(q["objs"]):
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
        out.append(Call(claim=_restore(claim), hedge_text=m["h"], hedge=hedge, probability=value, negated=negated,
                        start=0, end=len(text)))
    return out


_EXPECT = re.compile(r"^(?P<who>(?:[\w'.-]+\s){1,6}?)expects?\s+(?P<subj>[^,]{2,80}?)\s+to\s+(?P<rest>.+)$")


_CONFIDENT = re.compile(r"^(?:but\s+)?(?:" + SELF_CONFIDENT + r"\s+(?:that\s+)?(?=.*\b(?:will|won't)\b)|"
                        r"(?:I|we)\s+can\s+(?:certainly\s+|easily\s+|clearly\s+|already\s+)?see\s+(?:how|that|why)\s+"
                        r"(?=.*\b(?:will|won't|could|might|may)\b))", re.IGNORECASE)
_I_CAN_SEE = re.compile(r"(?:^|,\s+)(?:but\s+)?(?:I|we)\s+can\s+(?:certainly\s+|easily\s+|clearly\s+|already\s+)?see\s+"
                        r"(?:how|that|why)\s+(?=.*\b(?:will|won't|could|might|may)\b)")
_EXPECT_NP_SELF = re.compile(r"^(?:I|we)\s+(?:(?:fully|still|also|now|do)\s+)?expect\s+(?P<np>(?!(?:that|it|them|him|her|this|"
                             r"these|those|to)\b)(?!.*\b(?:will|would|to|won't)\b)[^,;]{3,120})$", re.IGNORECASE)
_GUT = re.compile(r"^(?:but\s+)?(?:I|we)\s+have\s+a\s+(?:\w+\s+)?(?:feeling|hunch|sense|suspicion)\s+that\s+", re.IGNORECASE)
_IMPERATIVE_EXPECT = re.compile(r"^(?:(?P<cond>(?i:if|unless|when|once)\s+[^,]{3,200}),\s*)?(?i:expect)\s+"
                                r"(?P<subj>(?:the|a|an|this|that|[A-Z])[^,]{1,80}?)\s+to\s+(?P<rest>(?:be|rise|fall|"
                                r"continue|come|get|go|remain|stay|hit|reach|drop|climb|end|start)\b.+)$")
_OTHERS_VIEW = re.compile(r"\b(?:the|a|an|their|his|her|its|widespread|common)\s+(?:\w+\s+)?(?:forecast|prediction|"
                          r"expectation|projection|assumption|consensus|belief)s?\s+that\s+[^,;]*$", re.IGNORECASE)
_CALENDAR = re.compile(r"^(?:will|is going to)\s+(?:publish|release|issue|hold|convene|announce)\s+(?:its\s+|the\s+|a\s+)"
                       r"[^,;]{0,80}?\b(?:report|data|figures|minutes|statement|results|meeting|session|decision)\b",
                       re.IGNORECASE)
_BARE_READING = re.compile(r"^(?:it|this|that)(?:'s|\s+is|\s+was)?\s+(?:not\s+)?(?:\w+\s+)?(?:un)?likely[.…]*$",
                           re.IGNORECASE)
_PAST_APPRAISAL = re.compile(r"\b(?:was|were|had been|seemed|appeared)\b[^,;]*\bthat\s+[^,;]*$", re.IGNORECASE)
_ABOUT_THE_TEXT = re.compile(r"^(?:I|I'm|I am|this (?:piece|article|analysis|post|essay|column|series|list)|"
                             r"my (?:\w+ )?(?:prediction|forecast|call|guess|bet)s? (?!is\b)|"
                             r"the present piece)\b", re.IGNORECASE)


def _hedge_text(clause: str, m: re.Match) -> str:
    phrase = m.group()
    if phrase.lower() == "only":
        return "only … can"
    return phrase.lower() if phrase.lower() in ("may", "will", "won't") else phrase


def _my_prediction(text: str, previous: str) -> Call | None:
    """"My prediction is – no, he won't." answers the question before it."""
    m = re.search(r"\bmy (?:prediction|forecast|bet|guess) is\b[\s:,–—-]*(?P<answer>yes|no)\b[\s,–—-]*(?P<rest>.*)$",
                  text, re.IGNORECASE)
    if not m:
        return None
    question = re.search(r"\b(?P<aux>will|would|can|could)\s+(?P<subj>[^?]{1,80}?)\s+(?P<vp>[a-z][^?]*)\?\s*$",
                         _prepare(previous) if previous else "", re.IGNORECASE)
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
    return Call(claim=_restore(claim), hedge_text="my prediction is", hedge=hedge, probability=hedge.probability,
                negated=False, start=0, end=len(text))
