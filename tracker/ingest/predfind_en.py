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
did not happen) and normative "should" are not forecasts.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.hedgespan import Call

# (phrase as written, the table phrase that gives its reading); longest first when compiled.
_HEDGES = [
    ("almost certainly not", "almost certainly not"), ("very unlikely", "very unlikely"),
    ("highly unlikely", "highly unlikely"), ("not very likely", "unlikely"), ("not likely", "unlikely"),
    ("probably won't", "probably won't"), ("probably will not", "probably will not"), ("probably not", "probably not"),
    ("almost certainly", "almost certainly"), ("almost certain", "almost certain"), ("very likely", "very likely"),
    ("highly likely", "highly likely"), ("most likely", "likely"), ("certainly", "certainly"),
    ("definitely", "definitely"),
    ("is set to", "is set to"), ("are set to", "is set to"), ("scheduled to", "scheduled"),
    ("expected to", "expected to"), ("expects", "expected to"), ("expect", "expected to"),
    ("tipped to", "tipped to"), ("destined to", "destined to"), ("bound to", "bound to"),
    ("difficult to imagine", "difficult to imagine"), ("hard to imagine", "difficult to imagine"),
    ("difficult to see", "difficult to imagine"), ("hard to see", "difficult to imagine"),
    ("no realistic chance", "no realistic chance"), ("no chance", "no chance"),
    ("can assume", "can assume"), ("foresee", "foresee"), ("realistic to expect", "realistic to expect"), ("my prediction is", "my prediction is"),
    ("unlikely", "unlikely"), ("likely", "likely"), ("probably", "probably"),
    ("won't", "will"), ("will not", "will"), ("will never", "will never"), ("will", "will"),
    ("going to", "will"), ("might", "might"), ("may", "may"), ("could", "could"), ("would", "would"),
    ("only", "only"),
]
_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h, _ in sorted(_HEDGES, key=lambda x: -len(x[0])))
                    + r")\b", re.IGNORECASE)
_READING = dict(_HEDGES)
_MODALS = {"will", "won't", "will not", "would", "could", "may", "might", "going to"}
_ADVERBS = {"probably", "likely", "almost certainly", "very likely", "highly likely", "probably not",
            "most likely", "certainly", "definitely"}
# Read only through another phrase ("only … can", "can assume"): their table reading.
_TABLE = {"difficult to see": "difficult to imagine", "hard to see": "difficult to imagine",
          "hard to imagine": "difficult to imagine", "only": "likely", "can assume": "likely", "tipped to": "likely", "destined to": "very likely",
          "bound to": "very likely", "difficult to imagine": "unlikely", "no realistic chance": "no chance",
          "foresee": "likely", "my prediction is": "likely",
          "realistic to expect": "likely"}
_AFTER_MODAL_BAD = re.compile(r"^\s+(?:(?:not\s+)?(?:have|has|had)\s+(?:been|done|gone|made|seen|taken|won|lost|had|got|"
                              r"\w+ed|\w+en)\b|of\b|and\b|or\b|to\b)|^\s*[,.;:)]|^\s*$", re.IGNORECASE)
_BEFORE_WILL_BAD = re.compile(r"\b(?:the|a|political|popular|free|good|ill|own|their|his|her|its|of)\s+$",
                              re.IGNORECASE)
_CONNECTIVE = re.compile(r"^(?:however|but|still|yet|moreover|meanwhile|in short|overall|for now|that said|"
                         r"instead|even so|nonetheless|as a result|therefore|and|so|in any case|in the end|"
                         r"ultimately|either way|in turn|for that reason|if anything|at the same time|first|"
                         r"second|third|fourth|fifth|finally|also|thus|hence|besides|indeed|of course|"
                         r"nevertheless|after all)\b[,:\s]*", re.IGNORECASE)
_SUBJECT_START = re.compile(r"^(?:the|a|an|this|that|these|those|it|it's|they|they're|he|he's|she|she's|we|i|"
                            r"there|its|his|her|their|our|my|neither|no|none|nothing|both|all|each|any|some|"
                            r"many|most|[A-Z][\w'’.+-]*)\b")
_REPORT_VERB = (r"said|says|told|tells|warned|warns|claimed|reported|announced|announces|predicted|predicts|"
                r"believes|believed|thinks|thought|wrote|writes|argued|argues|insisted|insists|suggested|suggests|"
                r"added|noted|declared|declares|stated|revealed|vowed|promised|pledged|hinted|estimated|confirmed|"
                r"explained|signalled|signaled|stressed|threatened|admitted|acknowledged|assured|expects|expected|"
                r"(?<=to )(?:warn|say|claim|predict|argue|insist|suggest|declare|announce|tell)|"
                r"think|believe|expect|doubt|reckon|suspect|guess|predict|fear|hope")
_BASE_SELF = ("think", "believe", "expect", "doubt", "reckon", "suspect", "guess", "predict", "fear", "hope")
_REPORT = re.compile(r"(?P<who>[^,;]*?)\b(?P<verb>" + _REPORT_VERB + r")\b", re.IGNORECASE)
_REPORT_NOUN = re.compile(r"(?P<who>[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,5}|(?i:the)\s+[\w-]+(?:\s+[\w-]+)?)'s\s+"
                          r"(?:\w+\s+)?(?i:report|claim|warning|prediction|assessment|statement|announcement|remark|"
                          r"forecast|plan|estimate|view)s?\s+(?:that\b|:)")
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;]{2,60})", re.IGNORECASE)
_NOT_A_SPEAKER = re.compile(r"\b(?:plan|plans|draft|document|documents|data|figures|sources?|reports?|estimates?|"
                            r"polls?|survey|forecasts?|projections?|schedule|timetable|agreement|deal|law|"
                            r"rules?)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|it|this|that|these|those|some|others|many|one|who|which)$", re.IGNORECASE)
_SELF = re.compile(r"^(?:i|we|i personally|i still|i now|i also|we also|i really|i strongly|i do|i did)$", re.IGNORECASE)
_CONDITION_FRONT = re.compile(r"^(?:even\s+)?(?P<cond>(?:if|unless|should|once|in case|in the event that|assuming(?: that)?|"
                              r"provided(?: that)?|as long as)\s+[^,]{3,200}),\s*", re.IGNORECASE)
_CONDITION_BACK = re.compile(r",?\s+(?P<cond>(?:if|unless|as long as|provided(?: that)?|in the event that)\s+.{3,200}?)"
                             r"[.]?$", re.IGNORECASE)
_ANAPHORIC = re.compile(r"^(?:in that case|if so|if that happens|then)[,\s]+", re.IGNORECASE)
_COMMA = "\u2063"  # stands for a thousands comma while the sentence is cut at commas


def find_calls(sentence: str, previous: str = "") -> list[Call]:
    """The author's calls in an English sentence, one per hedged clause."""
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
    attribution = _sentence_speaker(text)
    calls: list[Call] = []
    for start, end, subject in _clauses(text):
        call = _read_clause(text, start, end, subject, attribution, previous)
        if call is not None and call.claim not in [c.claim for c in calls]:
            call.start, call.end = call.start + shift, call.end + shift
            calls.append(call)
    return calls


def _prepare(sentence: str) -> str:
    text = sentence.strip().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"^(?:[-*•·]|\d+[.)])\s+", "", text)  # a bullet or list number
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", _COMMA, text)  # 10,000 is one number
    text = re.sub(r"(?<=\w)'ll\b", " will", text)
    return text


def _restore(text: str) -> str:
    return text.replace(_COMMA, ",")


# --- clauses ----------------------------------------------------------------------------------------

_HARD = re.compile(r"\s*;\s*|\s+[–—]\s+|\s+-\s+")
_SOFT = re.compile(r",?\s+(?:but|and|while|whereas|so|yet)\s+(?=\S)|,\s+(?=which\s)", re.IGNORECASE)
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
        segment = text[m.end():nxt]
        if rest.lower().startswith("which "):
            own = re.split(r",\s", segment[6:], maxsplit=1)[0]
            if _has_hedge(own) and _has_hedge(text[a:m.start()]):
                cuts.append((m.start(), m.end() + 6, "This"))
            continue
        if _SUBJECT_START.match(rest) and _has_hedge(segment) and _has_hedge(text[a:m.start()]) \
                and not re.match(r"(?:will|would|could|may|might|won't|can)\b", rest, re.IGNORECASE):
            cuts.append((m.start(), m.end(), ""))
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


def _next_cut(text: str, start: int, end: int) -> int:
    m = _SOFT.search(text, start, end)
    return m.start() if m else end


def _has_hedge(segment: str) -> bool:
    return any(_looks_ahead(segment, m) for m in _HEDGE.finditer(segment))


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
    if phrase in ("expect", "expects") and not re.search(r"\b(?:i|we)\s+(?:\w+\s+)?$", before, re.IGNORECASE):
        return False  # "X expects": reported; "I expect": the author's
    if phrase == "likely" and re.match(r"^\s+(?:that|to)\b", after) is None and \
            not re.search(r"\b(?:is|are|'s|'re|be|looks|seems)\s+(?:very\s+|highly\s+|quite\s+|not\s+)?$", before,
                          re.IGNORECASE) and not re.search(r"\bwill\s+$|^\s+(?:will|be)\b", before + "|" + after):
        if not re.search(r"\bwill\s+$", before) and not re.match(r"^\s+(?:will|won't|would|wouldn't)\b", after):
            return False
    return True


def _find_hedge(clause: str) -> re.Match | None:
    matches = [m for m in _HEDGE.finditer(clause) if _looks_ahead(clause, m)]
    if not matches:
        return None
    m = matches[0]
    # "will probably", "will likely": the adverb next to the modal carries the confidence
    for nxt in matches[1:3]:
        if m.group().lower() in _MODALS and nxt.group().lower() in _ADVERBS and nxt.start() - m.end() <= 2:
            return nxt
    # "probably will", "likely won't": the adverb before the modal
    if m.group().lower() in _ADVERBS and len(matches) > 1 and matches[1].group().lower() in _MODALS \
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
    expected = _EXPECT.match(clause.rstrip("."))
    if expected and not re.search(r"\b(?:not|n't|to|believe|think|is|it's|realistic|reasonable|hard|difficult)\b|'",
                                  expected["who"], re.IGNORECASE):
        who = expected["who"].strip()
        forecaster = "" if who.lower() in ("i", "we") else _name(who)
        if who.lower() not in ("i", "we") and not forecaster:
            return None
        hedge = lookup("expected to")
        claim = _finish(f"{expected['subj']} will {expected['rest']}")
        return Call(claim=_restore(claim), hedge_text="expect", hedge=hedge, probability=hedge.probability,
                    negated=False, forecaster=_restore(forecaster), start=start, end=end)
    m = _find_hedge(clause)
    if m is None:
        return _framed_by_author(clause, start, end)
    if m.group().lower() == "my prediction is" and not re.match(r"[\s:,–—-]*(?:yes|no)\b", clause[m.end():], re.IGNORECASE):
        return _framed_by_author(clause[m.start():], start, end)
    if re.search(r"\bI\s+(?:\w+\s+)?$", clause[:m.start()]) and m.group().lower() in _MODALS:
        return None  # "I will offer some forecasts": the author's plan for the text, not a forecast
    if _PAST_APPRAISAL.search(clause[:m.start()]):
        return None  # "there was a hint that faith might be cracking": a past reading, not a forecast
    # Whose call: the clause's own speaker, else the sentence's.
    speaker = _clause_speaker(clause, m)
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
    if not forecaster and _quoted(text, text.find(clause) + m.start()):
        forecaster = _quote_speaker(text)
        if not forecaster:
            return None
    phrase = m.group().lower()
    reading = _TABLE.get(phrase, _READING.get(phrase, phrase))
    hedge = lookup(phrase) or lookup(reading)
    body = _strip_attribution(clause)
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
    body = re.sub(r"\s*\((?![^)]*%\))[^()]{3,}\)", "", body)  # nor an aside in brackets
    claim, negated = rewrite(body.strip(" ,;:"), phrase)
    hedge_text = _hedge_text(clause, m)
    if speaker is not None and speaker[3]:  # "I think X will Y": the author's belief, read as "likely"
        frames = list(re.finditer(r"\b(?:(?:don't|do not|never)\s+)?(?:" + "|".join(_SELF_VERBS) + r")\b",
                                  speaker_text, re.IGNORECASE))
        frame = frames[-1] if frames else None
        framed = lookup(frame.group().lower()) if frame else None
        if negate_raise:
            claim, negated = _finish(_negate_claim(claim)), True
            hedge, hedge_text = framed or lookup("unlikely"), frame.group() if frame else "don't think"
        elif framed is not None and hedge is not None and hedge.probability > framed.probability:
            hedge, hedge_text = framed, frame.group()
    if len(claim.split()) < 3 or _ABOUT_THE_TEXT.match(claim):
        return None  # "I will offer some forecasts", "This piece will analyze…": the text, not the world
    probability = hedge.probability if hedge is not None else 0.5
    stated = re.search(r"\s*\((?P<n>\d{1,3})\s*%\)", claim)
    if stated and 0 < int(stated["n"]) <= 100:  # "X will happen (70%)": the author's own number
        probability, hedge_text, hedge = int(stated["n"]) / 100, f"{stated['n']}%", None
        claim = _finish(claim[:stated.start()] + claim[stated.end():])
    return Call(claim=_restore(claim), hedge_text=hedge_text, hedge=hedge, probability=probability,
                negated=negated or bool(hedge and hedge.negates), condition=_restore(condition.strip()),
                forecaster=_restore(forecaster), start=start, end=end)


_FRAME = re.compile(r"^(?:(?:I|we)\s+(?:(?:still|also|now|really|firmly|strongly)\s+)?(?P<verb>predict|think|believe|"
                    r"expect|reckon|bet|suspect)|my (?P<noun>prediction|forecast|bet|guess) is)\b(?:\s+that)?[\s:,–—-]+"
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
    phrase = found["verb"] or f"my {found['noun']} is"
    hedge = lookup(phrase) or lookup("likely")
    if found["verb"] and not _FINITE.search(rest):
        return None  # "I think about it": no predicate to score
    return Call(claim=_restore(_finish(rest)), hedge_text=phrase, hedge=hedge, probability=hedge.probability,
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
        claim = _finish(f"{subj} will {'not ' if negated else ''}{q['verb']} {np}")
        out.append(Call(claim=_restore(claim), hedge_text=m["h"], hedge=hedge, probability=value, negated=negated,
                        start=0, end=len(text)))
    return out


_EXPECT = re.compile(r"^(?P<who>(?:[\w'.-]+\s){1,6}?)expects?\s+(?P<subj>[^,]{2,80}?)\s+to\s+(?P<rest>.+)$")


_PAST_APPRAISAL = re.compile(r"\b(?:was|were|had been|seemed|appeared)\b[^,;]*\bthat\s+[^,;]*$", re.IGNORECASE)
_ABOUT_THE_TEXT = re.compile(r"^(?:I|I'm|I am|this (?:piece|article|analysis|post|essay|column|series|list)|"
                             r"the present piece)\b", re.IGNORECASE)


def _hedge_text(clause: str, m: re.Match) -> str:
    phrase = m.group()
    if phrase.lower() == "only":
        return "only … can"
    return phrase.lower() if phrase.lower() in ("may", "will", "won't") else phrase


def _quoted(text: str, index: int) -> bool:
    return text[:index].count('"') % 2 == 1


def _quote_speaker(text: str) -> str:
    found = _REPORT_NOUN.search(text)
    if found:
        return _name(found["who"])
    found = re.search(r'"\s*,?\s*(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})\s+(?:said|says|wrote|warned|told)\b', text)
    if found:
        return _name(found["who"])
    found = re.search(r"(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})\s+(?:said|says|wrote|warned|told \w+)[,:]?\s+\"", text)
    return _name(found["who"]) if found else ""


def _sentence_speaker(text: str) -> tuple[str, bool] | None:
    """A speaker that frames the whole sentence: "according to X", "…, X said.", "X's report that",
    "in X's view"."""
    found = re.match(r"^in (?:(?P<pron>its|his|her|their)|(?P<who>[^,]{2,60}?)'s) (?:view|opinion|estimate|"
                     r"assessment|scenario|forecast)\b", text, re.IGNORECASE)
    if found:
        return ("" if found["pron"] else _name(found["who"])), False
    found = _ACCORDING.search(text)
    if found:
        who = found["who"].strip()
        return ("" if _NOT_A_SPEAKER.search(who) and not re.search(r"\b[A-Z]", who[1:]) else _name(who)), False
    found = re.search(r",\s*(?P<who>[A-Z][^,]{1,60}?)\s+(?:said|says|predicted|predicts|warned|argued|"
                      r"told reporters|wrote|added|noted)\.?$", text)
    if found:
        return _name(found["who"]), False
    found = _REPORT_NOUN.search(text)
    if found:
        return _name(found["who"]), False
    return None


_SELF_VERBS = ("think", "believe", "expect", "doubt", "thought", "believed", "predict", "foresee", "reckon", "fear",
               "hope", "suspect", "guess")


def _clause_speaker(clause: str, hedge: re.Match) -> tuple[str, int, bool, bool] | None:
    """(who, where the reported clause starts, negation raised, the author himself) when the hedge
    sits in a clause reported by a speaker before it (the reporting verb nearest the hedge)."""
    prefix = clause[:hedge.start()]
    found = None
    for m in _REPORT.finditer(prefix):
        if m["verb"].lower() == "expected" and not re.search(r"\b(?:i|we|he|she|they)\s*$", m["who"], re.IGNORECASE):
            continue  # "is expected to": a hedge, not a speaker
        if m["verb"].lower() in _BASE_SELF and not re.search(
                r"\b(?:i|we)\s+(?:(?:still|now|also|really|personally|do|don't|do not|never|strongly|firmly)\s+)*$",
                m["who"], re.IGNORECASE):
            continue  # "they think", "analysts expect" are read below; only "I think" frames the author's call
        found = m
    if found is None:
        return None
    who = re.split(r"[,;:]|\s+(?:but|and|so|while|because|that)\s+", found["who"])[-1].strip()
    negative = bool(re.search(r"\b(?:don't|do not|doesn't|does not|didn't|never)\s*$", who, re.IGNORECASE))
    core = re.sub(r"\s*\b(?:don't|do not|doesn't|does not|didn't|never|still|now|also|then|really|personally|"
                  r"strongly|firmly|do|have|has|had|would|will|already|once|often)\b", "", who, flags=re.IGNORECASE).strip(" ,")
    body_start = found.end()
    that = re.match(r"[^,;\"]{0,70}?\bthat\s+", clause[found.end("verb"):hedge.start()])
    if that:
        body_start = found.end("verb") + that.end()
    else:
        body_start = found.end("verb") + len(re.match(r"[\s,:]*", clause[found.end("verb"):]).group())
    verb = found["verb"].lower()
    if core.lower() in ("i", "we"):
        if verb in _SELF_VERBS:
            return "", body_start, negative or verb.startswith("doubt"), True
        return None  # "I said", "I wrote": the author's own words, read as they stand
    if not core or _PRONOUN.match(core):
        return "", body_start, False, False
    if verb in _SELF_VERBS and not re.search(r"[A-Z]", core):
        return None  # "analysts think" without a name: read as it stands
    return _name(core), body_start, False, False


def _name(who: str) -> str:
    """The speaker's name: the last run of capitalised words ("Wagner founder Prigozhin" -> "Prigozhin"),
    else the phrase without its article ("analysts")."""
    who = re.sub(r"^(?:but|and|so|then|however|also)\s+", "", who.strip(" ,\"'"), flags=re.IGNORECASE)
    who = re.sub(r"^(?:back in|in|on|last|earlier)\s+[^,]*,\s*", "", who, flags=re.IGNORECASE)
    if _NOT_A_SPEAKER.search(who) and not re.search(r"\b[A-Z][a-z]", who[1:]):
        return ""
    if re.match(r"^(?:the\s+)?[A-Za-z][a-z]+s\s+(?:in|at|from|of)\s+\S", who):  # "analysts in Niamey"
        return re.sub(r"^the\s+", "", who)[:60]
    runs = re.findall(r"(?:[A-Z][\w'.&-]*(?:\s+(?:of|de|von|al|bin|the)\s+|\s+)?)+", who)
    runs = [r.strip() for r in runs if r.strip() and r.strip().lower() not in ("the", "a", "an")]
    runs = [re.sub(r"'s$", "", r) for r in runs if r not in ("I", "We")]
    if runs:
        return runs[-1]
    if _PRONOUN.match(who):
        return ""
    return re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)[:60]


def _strip_attribution(body: str) -> str:
    body = _ACCORDING.sub("", body)
    body = re.sub(r",\s*(?:[A-Z][^,]{1,60}?)\s+(?:said|says|predicted|predicts|warned|argued|told reporters|wrote|"
                  r"added|noted)\.?$", "", body)
    body = _REPORT_NOUN.sub("", body)
    body = body.replace('"', "")
    return body.strip(" ,")


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


# --- the claim in the author's direction -----------------------------------------------------------

_BE = r"(?:is|are|am|was|'s|'re|'m|be|looks|look|seems|seem)"
_REWRITES = [
    (r"^(?:it\s*)?" + _BE + r"\s+(?:very |highly |quite |extremely )?(?:difficult|hard) to (?:imagine|see) (?:how |that |why )?(.*)",
     lambda g: _negate_claim(g[0]), True),
    (r"^.*?\b(?:it is|it's|it looks|it seems|this seems|that seems|it appears)\s+(?:very\s+|highly\s+|quite\s+)?(?:clear\s*-?\s*)?"
     r"(?:-\s*)?(?:almost certain|very likely|highly likely|likely|probable|certain|clear)\s*-?\s*that\s+(.*)",
     lambda g: g[0], False),
    (r"\b(?:it is|it's)\s+(?:very |highly )?unlikely that\s+(.*)", lambda g: _negate_claim(g[0]), True),
    (r"\b(?:it is|it's|it looks|it seems)\s+(?:very |highly |quite )?(?:likely|probable) that\s+(.*)", lambda g: g[0], False),
    (r"\s*" + _BE + r"\s+(?:very |highly |quite |also |still |therefore |thus )?(?:unlikely|not likely|not very likely) to\b",
     lambda g: " will not", True),
    (r"\s*" + _BE + r"\s+(?:very |highly |quite |also |still |therefore |thus |most )?likely to\b", lambda g: " will", False),
    (r"\s*" + _BE + r"\s+(?:also |still |therefore |thus )?(?:widely |generally )?expected to\b", lambda g: " will", False),
    (r"\s*" + _BE + r"\s+(?:also |still |therefore |thus )?(?:set|scheduled|tipped|destined|bound|going) to\b",
     lambda g: " will", False),
    (r"\s*" + _BE + r"\s+(?:very |highly )?(?:likely|probable)(?=\s*(?:,|$))", lambda g: " will happen", False),
    (r"\bprobably (?:won't|will not)\b", lambda g: "will not", True),
    (r"\b(?:will|would) (?:probably|likely|almost certainly|very likely|most likely|certainly|definitely) not\b",
     lambda g: "will not", False),
    (r"\b(?:will|would) (?:probably|likely|almost certainly|very likely|most likely|certainly|definitely|also|still)\b",
     lambda g: "will", False),
    (r"\b(?:probably|likely|certainly|definitely|most likely|almost certainly) (?:won't|will not|wouldn't|would not)\b",
     lambda g: "will not", False),
    (r"\b(?:probably|likely|certainly|definitely|most likely|almost certainly) (?:will|would)\b", lambda g: "will", False),
    (r"\b(?:won't|wouldn't|would not)\b", lambda g: "will not", False),
    (r"\b(?:may|might|could) not\b", lambda g: "will not", False),
    (r"\b(?:may|might|could|would)(?: well| even)?\b", lambda g: "will", False),
    (r"\b(?:has|have)\s+(?:most likely|probably|likely|almost certainly)\s+", lambda g: "has ", False),
    (r"\b(?:most likely|probably|likely|almost certainly|certainly|definitely)\s+", lambda g: "", False),
]


def rewrite(body: str, phrase: str) -> tuple[str, bool]:
    """The claim in the author's direction ("X is unlikely to Y" -> "X will not Y")."""
    reading = lookup(_TABLE.get(phrase, _READING.get(phrase, phrase)))
    negates = bool(reading and reading.negates)
    body = re.sub(r"^(?:.*?\b)?(?:we|you|one) can (?:safely )?assume(?: that)?\s+", "", body, flags=re.IGNORECASE)
    body = re.sub(r"^(?:it's|it is|it isn't|it is not)\s+(?:not\s+)?realistic to expect (?P<subj>.+?) to (?P<vp>.+)$",
                  lambda x: f"{x['subj']} will {x['vp']}", body, flags=re.IGNORECASE)
    if phrase == "only":
        found = re.search(r"\bonly\s+(?P<who>.+?)\s+can\s+(?P<vp>.+)$", body, re.IGNORECASE)
        if found:
            body = f"Only {found['who']} will {found['vp']}"
    elif phrase in ("no realistic chance", "no chance"):
        found = re.search(r"(?P<subj>[\w' +-]{2,60}?)\s+(?:has|have|stands?)\s+no (?:realistic )?chance (?:of|to)\s+"
                          r"(?P<vp>.+)$", body, re.IGNORECASE)
        if found:
            vp = re.sub(r"^(\w+?)ing\b", lambda x: _base(x[1]), found["vp"])
            body = f"{found['subj'].split(' since ')[-1].split(' as ')[-1]} will not {vp}"
            return _finish(body), True
    elif phrase == "foresee":
        body = re.sub(r"^.*?\b(?:i|we)\s+foresee\s+(.*)$", lambda x: f"There will be {x[1]}", body, flags=re.IGNORECASE)
    for pattern, repl, _negating in _REWRITES:
        found = re.search(pattern, body, re.IGNORECASE)
        if found:
            body = body[:found.start()] + repl(found.groups()) + body[found.end():]
            if pattern.startswith(r"^.*?\b(?:it is"):
                body = _rewrite_again(body)
            break
    else:
        if negates:
            body = _negate_claim(body)
    return _finish(body), negates


def _rewrite_again(body: str) -> str:
    for pattern, repl, _ in _REWRITES[4:]:
        found = re.search(pattern, body, re.IGNORECASE)
        if found:
            return body[:found.start()] + repl(found.groups()) + body[found.end():]
    return body


def _finish(body: str) -> str:
    body = re.sub(r"\s+", " ", body).strip(" ,;:-–—")
    body = re.sub(r"\s+([,.;:])", r"\1", body)
    body = body.rstrip(".!")
    return body[:1].upper() + body[1:] + "." if body else ""


def _base(gerund: str) -> str:
    return {"winn": "win", "gett": "get", "runn": "run", "stopp": "stop", "putt": "put"}.get(gerund, gerund)


def _negate_claim(clause: str) -> str:
    """The clause said the other way: "X will Y" -> "X will not Y"; never wraps the whole sentence."""
    clause = clause.strip(" .")
    for pattern, repl in ((r"\bwill not\b|\bwon't\b", "will"), (r"\bnot\s+", "")):
        if pattern.startswith(r"\bwill not") and re.search(pattern, clause):
            return re.sub(pattern, repl, clause, count=1)
    found = re.search(r"\b(will|would|could|can|may|might|is|are|was|were|has|have|had|does|do|did)\b", clause)
    if found:
        word = found.group(1)
        if word in ("would", "could", "may", "might", "can"):
            return clause[:found.start()] + "will not" + clause[found.end():]
        if word in ("does", "do", "did"):
            return clause[:found.end()] + " not" + clause[found.end():]
        return clause[:found.end()] + " not" + clause[found.end():]
    found = re.match(r"^(?P<subj>(?:the |a |an )?[\w'-]+(?: [\w'-]+){0,3}?) (?P<verb>\w+?)(?:s|es)?\b(?P<rest>.*)$", clause)
    if found and found["subj"].split()[-1].lower() not in ("to",):
        return f"{found['subj']} will not {found['verb']}{found['rest']}"
    return f"it will not happen that {clause}"
