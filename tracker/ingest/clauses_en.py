"""Where an English sentence is cut into clauses that may each carry a call, for :mod:`tracker.ingest.predfind_en`:
a new subject with a hedged predicate after "but", "and", "while", ";" or a dash, "…, which will likely…", "Because
A will…, B will…", a reason told with the author's own frame ("…, though, as I believe X will…"), a second predicate
of one subject ("X will not A and will probably B"); and a call's claim split in two where one hedge or frame governs
two predicates ("X are likely to A and to B") or two "that" clauses ("I predict that A will X and that B will Y")."""

from __future__ import annotations

import re

from tracker.ingest.frames_en import FRAME
from tracker.ingest.hedgefind_en import has_hedge
from tracker.ingest.hedgespan import Call
from tracker.ingest.speakers_en import FRAME_ADVERB
from tracker.ingest.wording_en import finish

SUBJECT_START = re.compile(r"^(?:(?:by|within|until|before|after|in|from)\s+(?:[A-Z0-9][\w-]*|the end of \w+|next \w+)\s+"
                            r"(?=[a-z]+\s+(?:[a-z]+\s+)?(?:will|won't|would|could|may|might|should)\b)|"
                            r"(?:in|at|during|by|within|until)\s+the\s+[^,]{1,60}?\s+(?=(?:the|a|an|[A-Z][\w-]*)\s+"
                            r"(?:[\w-]+\s+){0,4}?(?:will|won't|would|could|may|might|should)\b)|"
                            r"(?:looking|judging)\s+[^,]{1,40}?\s+(?=it\b|there\b)|"
                            # round 29: a time told before the subject ("…, but afterwards their economy will recover")
                            r"(?:afterwards?|after\s+that|then|later|later\s+on|eventually|in\s+time|over\s+time|in\s+the\s+end)"
                            r",?\s+(?=(?:the|a|an|its|his|her|their|our|it|they|he|she|we|there|[A-Z][\w'’.-]*)\s+"
                            r"(?:[\w'-]+\s+){0,3}?(?:will|won't|would|could|may|might|should)\b)|"
                            r"(?:in|on|as for)\s+(?:[a-z][\w-]*\s+){1,3}(?=[A-Z][\w-]*\s+(?:[\w-]+\s+){0,3}?(?:will|won't)\b)|"
                            r"(?:the|a|an|this|that|these|those|it|it's|they|they're|he|he's|she|she's|we|i|"
                            r"there|its|his|her|their|our|my|neither|no|none|nothing|both|all|each|any|some|"
                            r"many|most|every|several|few|another|either|such|[A-Z][\w'’.+-]*)\b|"
                            # a bare noun phrase right before its hedged predicate: "jobless claims are expected to"
                            r"(?:(?!(?:that|which|who|we|it|they|he|she|you|i|this|there|so)\b)[a-z][\w-]*\s+){1,3}"
                            r"(?=(?:is|are)\s+(?:also\s+)?(?:expected|likely|unlikely|set|poised)\s+to\b)|"
                            # round 24: a bare plural noun phrase right before "will": "…, and interest rates will peak"
                            r"(?:(?!(?:that|which|who|we|it|they|he|she|you|i|this|there|so|then|also|still|yet|not|"
                            r"never|only|just|even|now|soon|probably|likely|certainly|surely)\b)[a-z][\w-]*\s+){0,2}"
                            r"(?!(?:news|series|means|species|business|politics|economics|physics|this|is|was|has|does|"
                            r"always|perhaps|unless|thus|less|us)\b)[a-z][\w-]*[a-rt-z]s\s+(?=(?:will|won't)\b))")


# --- clauses ----------------------------------------------------------------------------------------

_HARD = re.compile(r"\s*;\s*|\s+[–—]\s+|\s+-\s+|:\s+(?=[a-z])")
_SOFT = re.compile(r",?\s+(?:but|and|while|whereas|so|yet)(?:\s+(?=\S)|(?=,\s*(?:if|unless|should|once|in case)\s))|,\s+(?=which\s)|,\s+(?:though|although)\s+(?=(?:I|we)\s)|"
                   # round 18: "…, although crude prices are likely to ease from Q4": a concession with a hedge of its own
                   r",\s+(?:though|although)\s+(?=(?:[\w'-]+\s+){1,4}(?:is|are)\s+(?:\w+ly\s+)?(?:likely|unlikely)\s+to\b)|"
                   # "…, though, as I believe X will…": a reason told with the author's own frame is his second call
                   r",\s+(?:though,\s+|however,\s+)?as\s+(?=(?:I|we)\s+(?:" + FRAME_ADVERB + r"\s+){0,2}(?:believe|think|expect|"
                   r"predict|suspect|reckon)\b)", re.IGNORECASE)
# a condition of the next clause's own after "but"/"and": "…, and, unless something drastic happens, it will be…"
_CONDITION_THEN = re.compile(r",?\s*(?:if|unless|should|once|in case)\s+[^,]{3,120},\s+", re.IGNORECASE)
_FORECAST_PASSIVE = re.compile(r"\b(?:is|are)\s+(?:forecast|projected|predicted)\s+to\b", re.IGNORECASE)
LEADING_SUB = re.compile(r"^(?:but\s+|and\s+)?(?:because|since|although|though|even though|while|as|whereas|given that)\s",
                          re.IGNORECASE)


# a condition heading the main clause, after the author's frame or not: "if there is one", "I think that if B"
_CONDITION_PIECE = re.compile(r"^(?:(?:I|we)\s+(?:\w+\s+)?(?:think|believe|expect|suspect|reckon|predict)\s+(?:that\s+)?)?"
                              r"(?:even\s+)?(?:if|unless|once|provided|in\s+case)\b", re.IGNORECASE)


NP_EXPECTED = re.compile(r"(?:no|little|few|an?|another|further)\s+[^,;]{1,60}?\s+(?:is|are)\s+(?:\w+ly\s+|also\s+|still\s+)?"
                          r"expected\b(?!\s+(?:to|by)\b)", re.IGNORECASE)


def clauses(text: str) -> list[tuple[int, int, str]]:
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
    for m in _ASYNDETON.finditer(text, a, b):  # "Portman will cruise in Ohio, Rubio will squeak out a win in Florida"
        if has_hedge(text[a:m.start()]) and has_hedge(text[m.end():_next_cut(text, m.end(), b)]) and \
                not _CONDITION_PIECE.match(re.split(r",\s+", text[a:m.start()])[-1]):  # round 24: "…, if B, X will"
            cuts.append((m.start(), m.end(), ""))
    for m in _SOFT.finditer(text, a, b):
        rest = text[m.end():b]
        if m.group().strip().lower() == "and" and _NAME_ONLY.fullmatch(re.split(r",", text[a:m.start()])[-1]):
            continue  # "…, and Burr and Blunt will both hang on": one subject of two names
        since = max([c[1] for c in cuts if c[1] <= m.start()] + [a])
        if m.group().strip().lower() == "and" and FRAME.match(text[since:m.start()].strip()) and \
                not has_hedge(text[since:m.start()]):
            continue  # "I think the recount mess and Oz's negatives will cause problems": one subject of two
        nxt = _next_cut(text, m.end(), b)
        segment = text[m.end():nxt] if not re.search(r"though", m.group(), re.IGNORECASE) else rest
        if rest.lower().startswith("which "):
            own = re.split(r",\s", segment[6:], maxsplit=1)[0]
            if has_hedge(own) and has_hedge(text[a:m.start()]):
                cuts.append((m.start(), m.end() + 6, "This"))
            continue
        if NP_EXPECTED.match(rest) and has_hedge(text[a:m.start()]):
            cuts.append((m.start(), m.end(), ""))  # round 17: "X will decide on policy, but no changes are expected"
            continue
        conditioned = _CONDITION_THEN.match(rest)  # "…, but if there is a contested convention, Kasich may be…"
        if (SUBJECT_START.match(rest) or conditioned and SUBJECT_START.match(rest[conditioned.end():])) and (has_hedge(segment) or _own_frame(segment)) and (has_hedge(text[a:m.start()]) or _FORECAST_PASSIVE.search(
                text[a:m.start()])) \
                and not re.match(r"(?:will|would|could|may|might|won't|can)\b", rest, re.IGNORECASE) \
                and not re.match(r"that\s+(?:the|a|an|he|she|they|it|we|[A-Z])", rest) \
                and not re.match(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+and\s+(?:will|won't|would|could|may|might)\b",
                                 rest):  # "…, and that X will": one complement; "between A and B and will not…": B no subject
            cuts.append((m.start(), m.end(), ""))
        elif (m.group().strip().lower() == "and" and _SECOND_PREDICATE.match(rest)) or (
                m.group().strip().lower() == "but" and re.match(r"(?:will|won't)\s+(?:\w+ly\s+)?[a-z]{2,}\s+\w", rest)
                and re.search(r"\b(?:will\s+not|won't|will\s+never)\b", text[a:m.start()])):  # round 24: "X won't A but will B"
            subject = _subject_of(text[a:m.start()]) or _subject_of(text[since:m.start()])  # round 24: this clause's
            if subject:  # "The opposition will not accept him and will probably form a government": two calls
                cuts.append((m.start(), m.end(), subject))
    sub = LEADING_SUB.match(text[a:b])
    if sub:  # "Because A will…, B will…": the main clause follows the last comma that starts one
        for m in reversed(list(re.finditer(r",\s+", text[a:b]))):
            rest = text[a + m.end():b]
            if SUBJECT_START.match(rest) and has_hedge(rest) and not any(c[0] <= a + m.start() < c[1] for c in cuts):
                since = max([c[1] for c in cuts if c[1] <= a + m.start()] + [a])
                piece = re.split(r",\s+", text[since:a + m.start()])[-1]
                if _CONDITION_PIECE.match(piece):  # round 24: "While A, I think that if B, C will D": B is C's condition
                    at = a + m.start() - len(piece)
                    if at > since:
                        cuts.append((at - 2, at, ""))
                    break
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
                               r"(?:probably|likely)\s+(?:will|won't)\s+\w|"
                               # round 24: "X is expected to A and could B": a modal of its own, a second call
                               r"(?:could|might)\s+(?:well\s+|also\s+|even\s+)?(?!have\b|be\s+\w+ed\b)[a-z]+\s+\w",
                               re.IGNORECASE)


_ASYNDETON = re.compile(r",\s+(?=(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*){0,3}\s+"
                        r"(?:will|won't|(?:is|are)\s+(?:likely|unlikely|expected|set|poised)\s+to)\b)")
_NAME_ONLY = re.compile(r"\s*(?:and\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s*")


_TWO_INFINITIVES = re.compile(r"^(?P<subj>.+?)\s+will\s+(?P<a>[a-z].+?),?\s+and\s+to\s+(?P<b>[a-z].+)$")


def split_infinitives(calls: list[Call]) -> list[Call]:
    """"X are likely to A and to B": one hedge over two predicates, two calls."""
    out: list[Call] = []
    for call in calls:
        two = _TWO_INFINITIVES.match(call.claim.rstrip("."))
        if not two or re.search(r"\bto\s+[a-z]", two["a"]) or not re.search(r"\b(?:likely|unlikely|expect(?:ed)?|set|poised|bound|going|due|sure|certain)\b",
                                    call.hedge_text, re.IGNORECASE):
            out.append(call)
            continue
        subject = re.split(r"\s+(?:\w+ly\s+)?(?:have|has|had|is|are|was|were)\b", two["subj"])[0] or two["subj"]
        for part in (f"{two['subj']} will {two['a']}", f"{subject} will {two['b']}"):
            one = Call(**{k: getattr(call, k) for k in call.__slots__})
            one.claim = finish(part)
            out.append(one)
    return out


# round 25: "Expect A to V and B to W" (no comma, or one): one "expect" over two subjects, two calls ("…, and B to W" was
# left in the first call's claim, "Wage growth will keep rising and the jobless rate to hold steady")
_EXPECTED_PAIR = re.compile(r"^(?P<a>.+?\bwill\s+[a-z].+?),?\s+and\s+(?P<subj>(?:the|a|an|its|their|our|his|her)\s+[\w%$.'-]+"
                            r"(?:\s+[\w%$.'-]+){0,3}?|[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}|[a-z]+s)\s+to\s+(?P<b>[a-z].+)$")


def split_pairs(calls: list[Call]) -> list[Call]:
    """"Expect A to V and B to W", "I expect A to V, and B to W": two calls, one per subject, at the same hedge."""
    out: list[Call] = []
    for call in calls:
        two = _EXPECTED_PAIR.match(call.claim.rstrip("."))
        if not two or call.hedge_text != "expect" or re.search(r"\bwill\b", two["b"]) or re.search(r"\bto\s+[a-z]", two["a"]):
            out.append(call)
            continue
        for part in (two["a"], f"{two['subj']} will {two['b']}"):
            one = Call(**{k: getattr(call, k) for k in call.__slots__})
            one.claim = finish(part)
            out.append(one)
    return out


_TWO_COMPLEMENTS = re.compile(r"^(?P<a>.+?),?\s+and\s+that\s+(?P<b>.+)$")


def split_complements(calls: list[Call]) -> list[Call]:
    """"I predict that A will X and that B will Y": one frame over two "that" clauses, two calls, each with its own
    subject and predicate (the second keeps the frame's hedge, forecaster and condition). Only when the frame was
    stripped from the claim: "X would convince investors that A and that B" keeps its one claim."""
    out: list[Call] = []
    for call in calls:
        two = _TWO_COMPLEMENTS.match(call.claim.rstrip("."))
        if not two or re.search(r"\bthat\b", two["a"]) or not has_hedge(two["a"]) or not has_hedge(two["b"]) \
                or not SUBJECT_START.match(two["b"]) \
                or re.match(r"(?:will|won't|would|could|may|might|is|are)\b", two["b"], re.IGNORECASE):
            out.append(call)
            continue
        for part, negated in ((two["a"], call.negated), (two["b"], bool(call.hedge and call.hedge.negates))):
            one = Call(**{k: getattr(call, k) for k in call.__slots__})
            one.claim, one.negated = finish(part[:1].upper() + part[1:]), negated
            out.append(one)
    return out


def _own_frame(segment: str) -> bool:
    """"I have my doubts they pick off Arizona", "I think the court charts a new path": the author's frame over a claim
    of its own, not over a reading of the clause before ("I think that's less likely")."""
    found = FRAME.match(segment.strip())
    return bool(found) and not re.match(r"(?:that|this|it)(?:'s|\s+is|\s+was|\s+would)?\b", found["rest"], re.IGNORECASE)


def _subject_of(clause: str) -> str:
    """The subject of a clause whose predicate starts with its modal ("The opposition, however, will…")."""
    found = re.match(r"^\s*(?P<subj>[^,;]{2,60}?)(?:,\s*(?:however|though|too|also|then|in turn),?)?\s+"
                     r"(?:will|won't|would|could|may|might|is|are)\b", clause, re.IGNORECASE) or \
        re.match(r"^\s*(?:at|by|in|on|during|after|before|later|next|this)\b[^,;]{0,40},\s+(?P<subj>[^,;]{2,60}?)\s+"
                 r"(?:will|won't|would|could|may|might|is|are)\b", clause, re.IGNORECASE)  # round 24: "At the end of the week, X…"
    subj = re.sub(r"^\s*(?:in|on|as\s+for)\s+(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])", "", found["subj"]) if found else ""
    if not found or len(subj.split()) > 6 or not SUBJECT_START.match(subj):  # round 24: "in foreign policy Russia"
        return ""
    return subj.strip()


def _next_cut(text: str, start: int, end: int) -> int:
    for m in _SOFT.finditer(text, start, end):
        if m.group().strip().lower() == "and" and _NAME_ONLY.fullmatch(text[start:m.start()]):
            continue  # "Burr and Blunt will…": the names are one subject
        return m.start()
    return end


_LIST_ITEM = re.compile(r"\s*(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s*")


def serial_list(clause: str, cut: re.Match, hedge_at: int) -> bool:
    """Whether ", and" at ``cut`` ends a list of names before the hedge ("The leaders of Australia, Japan, and Ukraine
    will attend"): one subject, not a new clause after a coordinator (round 24)."""
    items = clause[:cut.start()].split(",")
    return len(items) >= 2 and bool(_LIST_ITEM.fullmatch(items[-1])) and \
        bool(_LIST_ITEM.fullmatch(re.sub(r"\s+(?:also|all|both|too)\s*$", "", clause[cut.end():hedge_at])))

