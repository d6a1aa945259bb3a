"""English calls stated as a chance of something: "the chances of X are very high in 2022",
"…, which greatly increases the likelihood of X", "the increasing likelihood of X", "…gives them a
solid chance of keeping their seats".

The thing the chance is of (a noun phrase) becomes the claim: "Democrats losing the House" ->
"Democrats will lose the House", "a Black Swan in 2022" -> "There will be a Black Swan in 2022".
A high or rising chance reads as "likely" ("very high" as "very likely"); a low, slim or remote one
as "unlikely", which gives the negated claim. Only the author's own wording is read here: a sentence
with a speaker is left to the clause reader, which names the speaker.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.hedgespan import Call
from tracker.ingest.wording_en import base_of, negate_claim

_CHANCE = r"(?:chances?|likelihood|probability|odds|risks?|possibility)"
# "the chances of X are very high (in 2022)"
_STATED = re.compile(r"\b(?:the\s+)?" + _CHANCE + r"\s+(?:of|that)\s+(?P<np>[^,;]{3,120}?)\s+(?:is|are)\s+"
                     r"(?:now\s+|still\s+)?(?P<level>(?:very\s+|extremely\s+|quite\s+|rather\s+)?"
                     r"(?:high|good|strong|low|slim|small|remote|growing|rising|increasing|zero|nil|negligible|"
                     r"non-?existent|(?:close|near)\s+to\s+zero))\b"
                     r"(?P<tail>\s+(?:in|by|before|during|this|next)\s+[^,;.]{2,30})?", re.IGNORECASE)
# "…, which greatly increases the likelihood of X", "the increasing likelihood of X"
_RISING = re.compile(r"\b(?:(?:greatly\s+|sharply\s+|further\s+)?(?:increases?|raises?|heightens?|boosts?)\s+the|"
                     r"(?:an?\s+|the\s+)?(?:increasing|growing|rising|higher))\s+" + _CHANCE +
                     r"\s+(?:of|that)\s+(?P<np>[^,;]{3,120}?)\s*(?=[,;.]|$|\s+and\s+the\b)", re.IGNORECASE)
# "…gives them a solid chance of keeping their seats", "Labour has a good chance of winning Bury"
_GIVES = re.compile(r"\b(?:(?:gives?|gave)\s+(?P<obj>them|him|her|it|us|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)|"
                    r"(?P<subj>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*|they|he|she|it|we)\s+(?:has|have|stands?))\s+"
                    r"an?\s+(?P<level>(?:very\s+)?(?:solid|good|strong|real|decent|fair|high|slim|small|low|remote))\s+"
                    r"chance\s+of\s+(?P<vp>[a-z]+ing\b[^,;.]*)")
_PRONOUN = {"them": "they", "him": "he", "her": "she", "it": "it", "us": "we"}
_SPEAKER = re.compile(r"\b(?:said|says|told|warned|according to|reported|argued|claimed)\b", re.IGNORECASE)
# round 27: an -ing noun ("before the spring", "at the meeting") is no gerund, nor one after a preposition or article
_GERUND = re.compile(r"^(?P<subj>(?:[\w'.-]+\s+){1,4}?)(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bbefore\s)(?<!\bafter\s)"
                     r"(?<!\bduring\s)(?<!\buntil\s)(?!(?:spring|morning|evening|meeting|ceiling|building|king|thing|"
                     r"string|wedding|ring|wing|funding|setting|ruling|hearing|offering|earnings|landing)\b)"
                     r"(?P<verb>[a-z]+ing)\b(?P<rest>.*)$")
# "intense wrangling", "renewed fighting": one lowercase word that qualifies the -ing noun, no subject of it
_MODIFIER = re.compile(r"^(?:[a-z]+(?:ous|ful|al|ive|ic|ent|ant|ed|ish|less|ble|ense|ere|ce|y)|more|much|heavy|hard|tough|"
                       r"fierce|bitter|further|some|any|no|little)$")


def chance_calls(text: str) -> list[Call]:
    """The author's calls worded as the chance of something (see the module's docstring)."""
    if _SPEAKER.search(text):
        return []
    out: list[Call] = []
    for m in _STATED.finditer(text):
        level = re.sub(r"\s+", " ", m["level"].lower())
        nil = any(w in level for w in ("zero", "nil", "negligible", "existent"))  # "the likelihood that X will Y is ZERO"
        low = nil or any(w in level for w in ("low", "slim", "small", "remote"))
        very = level.startswith(("very", "extremely")) and not low
        hedge = lookup("almost no chance" if nil else "very unlikely" if low and very else "unlikely" if low else
                       "very likely" if very else "likely")
        tail = (m["tail"] or "").strip()
        call = _call(m["np"], tail, hedge, m.group().strip(), low, m.start(), m.end())
        cond = re.match(r"\s+(?P<c>(?:unless|if)\s+[^,.;]{3,150})", text[m.end():], re.IGNORECASE)
        if call is not None and cond:  # "… is ZERO unless it has the blessing of both Trump and Cruz"
            call.condition = cond["c"]
        out.append(call)
    for m in _GIVES.finditer(text):
        who = _PRONOUN.get((m["obj"] or "").lower(), m["obj"]) or m["subj"]
        low = any(w in m["level"].lower() for w in ("slim", "small", "low", "remote"))
        hedge = lookup("unlikely" if low else "likely")
        verb, _, rest = m["vp"].partition(" ")
        claim = f"{who} will {'not ' if low else ''}{base_of(verb)} {rest}".strip()
        out.append(Call(claim=claim[:1].upper() + claim[1:] + ".", hedge_text=f"a {m['level']} chance", hedge=hedge,
                        probability=hedge.probability, negated=low, start=m.start(), end=m.end()))
    for m in _RISING.finditer(text):
        if any(c.start <= m.start() < c.end for c in out):
            continue
        out.append(_call(m["np"], "", lookup("likely"), m.group().strip(), False, m.start(), m.end()))
    return [c for c in out if c is not None]


def _call(np: str, tail: str, hedge, hedge_text: str, negated: bool, start: int, end: int) -> Call | None:
    np = np.strip()
    if len(np.split()) < 2 and not tail:
        return None
    finite = re.search(r"\b(?:will|would|could|can|may|might)\b", np)
    if finite:  # "the likelihood that the Convention will turn to X": a clause of its own
        clause = np[:finite.start()] + "will" + np[finite.end():]
        claim = negate_claim(clause) if negated else clause
    else:
        claim = claim_of(np, negated)
    if tail and tail.lower() not in claim.lower():
        claim = f"{claim} {tail}"
    claim = claim.strip(" .") + "."
    return Call(claim=claim[:1].upper() + claim[1:], hedge_text=hedge_text, hedge=hedge,
                probability=hedge.probability, negated=negated, start=start, end=end)


def claim_of(np: str, negated: bool = False) -> str:
    """A noun phrase as a claim: "Democrats losing X" -> "Democrats will lose X"; else "There will be NP"."""
    found = _GERUND.match(np)
    if found and not re.match(r"^(?:the|a|an)\s*$", found["subj"].strip(), re.IGNORECASE) and \
            not _MODIFIER.match(found["subj"].strip()):
        return f"{found['subj'].strip()} will {'not ' if negated else ''}{base_of(found['verb'])}{found['rest']}"
    infinitive = _NP_TO.match(np)
    if infinitive:  # round 27: "(Bet on) gold to outperform": gold will outperform
        return f"{infinitive['subj']} will {'not ' if negated else ''}{infinitive['rest']}"
    if _NAME_ALONE.match(np):  # round 27: "My money is on Alcaraz": a name backed is one to win
        return f"{np} will {'not ' if negated else ''}win"
    return f"There will {'not ' if negated else ''}be {np}"


# round 27: a noun phrase and an infinitive ("gold to outperform", "the Fed to cut in June"); a name alone ("Alcaraz",
# "Real Madrid", "the Lakers")
_NP_TO = re.compile(r"^(?P<subj>(?:the\s+|a\s+|an\s+)?[\w.&'$%-]+(?:\s+[\w.&'$%-]+){0,4}?)\s+to\s+(?P<rest>(?!be\s+(?:held|announced)\b)"
                    r"[a-z]+\b.*)$")
_NAME_ALONE = re.compile(r"^(?:the\s+)?[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3}$")


def stated_spans(text: str) -> list[tuple[int, int]]:
    """Where a text states a chance ("the likelihood that X will Y is zero"): its modal is no hedge of its own."""
    return [(m.start(), m.end()) for m in _STATED.finditer(text)]
