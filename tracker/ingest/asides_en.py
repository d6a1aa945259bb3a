"""English calls that lean on the words around them: a bracketed aside of the author's, a verb
phrase left out ("I don't think they will"), and one frame over two subjects' outcomes ("I predict A
holds X while B flips Y"), and "X won't A, nor will it B" (two negated calls). Used by :mod:`tracker.ingest.predfind_en`."""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import base_of_present, finish

# A bracketed aside that is a clause of the author's own: "(I don't think they will, …)".
ASIDE = re.compile(r"\s*\((?P<body>(?:I|we|my)\b[^()]{8,300})\)")
# Round 18: a bracketed concession, "X is having a wild few weeks (though most of his life may be wild)": a remark on
# the clause, whose modal is no hedge of it; left out before the clause is read.
REMARK = re.compile(r"\s*\((?:though|although|even though|if not|albeit)\b[^()]{3,200}\)", re.IGNORECASE)


# "I don't think they will": the verb phrase left out is the one of the clause before.
_ELLIPSIS = re.compile(r"^(?P<frame>.*\b(?:I|we)\s+(?:don't|do not|still)?\s*(?:think|believe|expect|suspect|reckon)\s+"
                       r"(?:that\s+)?)(?P<subj>they|it|he|she|we)\s+(?P<modal>will|won't|would|will not)\s*[.]?$",
                       re.IGNORECASE)
_ANTECEDENT = re.compile(r"\b(?:unless|if|whether|that|when)\s+(?P<subj>(?:the\s+|a\s+|an\s+)?(?:[\w'-]+\s+){0,3}?)"
                         r"(?P<verb>[a-z]+?(?:ies|es|s))\s+(?P<rest>[^,;()]+?)\s*[,.;]?$", re.IGNORECASE)


# "The UK won't.", "Germany will too." after "The euro zone will land softly": the predicate left out is the one before
_BARE_SUBJECT = re.compile(r"^(?P<subj>(?:the\s+)?[A-Z][\w.'-]*(?:\s+(?:and\s+)?[A-Z][\w.'-]*){0,2})\s+"
                           r"(?P<modal>won't|will not|will(?:\s+too)?|will,\s+too)\s*[.!]?$")
_PREDICATE = re.compile(r"\b(?:will|won't|will not)\s+(?P<vp>[a-z][^,;.()]{2,80})")


def fill_ellipsis(text: str, previous: str) -> str:
    """"Unless the government calls an election (I don't think they will…": "I don't think the
    government will call an election"; "The UK won't." after "The euro zone will land softly": "The UK will not land
    softly"."""
    bare = _BARE_SUBJECT.match(text.strip())
    if bare and previous:
        before = _PREDICATE.search(previous)
        if before:
            vp = re.sub(r"^not\s+", "", before["vp"].strip())
            negative = "n't" in bare["modal"] or "not" in bare["modal"]
            return f"{bare['subj']} will {'not ' if negative else ''}{vp}."
    found = _ELLIPSIS.match(text)
    before = _ANTECEDENT.search(previous) if found and previous else None
    if not before or not before["subj"].strip():
        return text
    verb = base_of_present(before["verb"])
    return f"{found['frame']}{before['subj'].strip()} {found['modal']} {verb} {before['rest'].strip()}."


# "I think A wins X and B becomes Y", "my prediction is that A holds X while B flips Y": two calls.
_COORDINATED = re.compile(r"(?:,\s+|\s+)(?:while|whereas|and)\s+(?=(?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*\s+"
                          r"(?:still\s+|also\s+)?(?:[a-z]+s|will|won't)\b)")
_FRAMES = {"predict", "think", "believe", "expect", "reckon", "bet", "suspect", "my prediction is", "my forecast is",
           "my bet is", "my guess is", "would say", "will go bolder and say"}


_SECOND_INFINITIVE = re.compile(r"^(?P<a>.+?\bwill\b[^,]+?),?\s+and\s+(?P<subj>(?:another|the|a|an|both|all|most|[A-Z])[^,]{1,60}?)\s+to\s+"
                                r"(?P<vp>[a-z]+\b[^,]*)(?P<tail>,.*)?$")


def split_coordinated(call: Call) -> list[Call]:
    """A call framed by the author ("I predict …") whose claim joins two subjects' outcomes, one call each;
    "I expect several votes to fail, and another Republican to step in" gives two."""
    second = _SECOND_INFINITIVE.match(call.claim.rstrip(".")) if call.hedge_text.lower() == "expect" else None
    if second:
        out = []
        for part in (second["a"], f"{second['subj']} will {second['vp']}"):
            one = Call(**{k: getattr(call, k) for k in call.__slots__})
            one.claim = finish(part)
            out.append(one)
        return out
    if call.hedge_text.lower() not in _FRAMES and not call.hedge_text.lower().endswith(" say"):
        return [call]
    parts = _COORDINATED.split(call.claim.rstrip("."))
    if len(parts) < 2 or any(len(p.split()) < 3 for p in parts):
        return [call]
    out = []
    for part in parts:
        one = Call(**{k: getattr(call, k) for k in call.__slots__})
        one.claim = finish(part)
        out.append(one)
    return out


_NOR = re.compile(r"^(?P<a>.+?),?\s+nor\s+(?:will|would|does|do|is|are)\s+(?P<subj>it|they|he|she|this|that|[A-Z][\w-]*)\s+"
                  r"(?P<vp>[a-z].+)$")


def split_nor(calls: list[Call]) -> list[Call]:
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


def unique_claims(calls: list[Call]) -> list[Call]:
    """The calls, each claim once."""
    out: list[Call] = []
    for call in calls:
        if call.claim not in [c.claim for c in out]:
            out.append(call)
    return out


# round 17: "The BNP will not win in Barking, Labour will": the second subject takes the predicate, the other way round
_CONTRAST_ELLIPSIS = re.compile(r"^(?P<subj>.+?)\s+(?P<aux>will\s+not|won't|will)\s+(?P<vp>[a-z].+?),\s+(?:but\s+)?"
                       r"(?P<other>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})\s+(?P<aux2>will|won't|will\s+not)$")


_VERB = re.compile(r"\b(?:will|won't|would|could|may|might|should|can|must|is|are|was|were|be|has|have|had|\w+ed|"
                   r"\w+(?<!s)s)\b(?!\s*\.?$)|\b(?:will|won't|would|could|may|might|is|are|be)\b", re.IGNORECASE)


# "nothing that will V", "something which could V": an indefinite pronoun and its relative clause, with no verb of its own
_PRONOUN_NP = re.compile(r"^(?:but\s+|and\s+)?(?:nothing|something|anything|little|not\s+much|not\s+anything|none)\s+"
                         r"(?:that|which)\s+(?:will|would|could|can|may|might|should|is|are)\b"
                         r"(?:(?!\b(?:will|won't|would|could|can|may|might|should|is|are)\b)[^,;])*$", re.IGNORECASE)


def split_elliptic(calls: list[Call]) -> list[Call]:
    """"A will not V, B will" and "A will V, B won't": two calls of opposite direction."""
    out: list[Call] = []
    for call in calls:
        claim = call.claim.rstrip(".")
        if len(calls) > 1 and call.hedge_text.lower() in _FRAMES and not _VERB.search(claim):
            continue  # round 19: "I think X will be offered with A and B options": "B options" has no verb, no call
        if _PRONOUN_NP.match(claim):
            continue  # round 23: "…expect a drop, but nothing that will move prices": a noun phrase after "but", no call
        found = _CONTRAST_ELLIPSIS.match(claim)
        if found and (found["aux"] == "will") != (found["aux2"] == "will"):
            second = Call(**{k: getattr(call, k) for k in call.__slots__})
            call.claim = finish(f"{found['subj']} {found['aux']} {found['vp']}")
            negative = found["aux2"] != "will"
            second.claim = finish(f"{found['other']} {'will not' if negative else 'will'} {found['vp']}")
            second.hedge, second.hedge_text = lookup("will not" if negative else "will"), found["aux2"]
            second.negated = negative
            out += [call, second]
        else:
            out.append(call)
    return out
