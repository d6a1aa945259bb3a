"""English calls worded as an idiom of the author's rather than with a hedge word: election calls ("I
give AZ and PA to the Democrats", "I'd lean against X keeping Y"), "The house looks like a GOP gain of
15 seats", "More likely than A would be B", "It would be almost impossible for X to Y", and a bare
present ("The Republicans gain 15-20 seats") right after the author's "My forecast for tomorrow is …".
Used by :mod:`tracker.ingest.predfind_en`."""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.chances_en import claim_of
from tracker.ingest.hedgespan import Call
from tracker.ingest.speakers_en import sentence_speaker
from tracker.ingest.wording_en import finish

_COMMA = "\u2063"  # predfind_en's stand-in for a thousands comma

# Calls worded as an idiom of the author's: "I give AZ and PA to the Democrats", "I'd lean against X
# keeping Y", "The house looks like a GOP gain of 15 seats", "More likely than A would be B", "It would
# be almost impossible for X to Y"; and a bare present right after "My forecast for tomorrow is …".
_GIVE = re.compile(r"^(?:but\s+|so\s+)?(?:I|we)(?:\s+would|'d)?\s+(?:give|hand)\s+(?P<x>.+?)\s+to\s+(?P<rest>(?:the\s+)?[A-Z].+)$",
                   re.IGNORECASE)
_LEAN = re.compile(r"^(?:but\s+)?(?:I|we)(?:\s+would|'d)?\s+lean\s+(?P<way>against|towards?|to)\s+(?P<np>.+)$", re.IGNORECASE)
_LOOKS = re.compile(r"^(?P<subj>(?:the|this|that|it|[A-Z])[^,]{0,40}?)\s+(?:looks|seems)\s+like\s+(?P<np>(?:a|an)\s+[^,]+)",
                    re.IGNORECASE)
_MORE_LIKELY = re.compile(r"^(?:what\s+(?:might|may)\s+be\s+)?more likely than\s+(?P<x>[^,:;]+?)\s+(?:would be|will be|is|are)\s+"
                          r"(?P<y>[^,:;]+)", re.IGNORECASE)
_IMPOSSIBLE = re.compile(r"^(?:it|that)\s+(?:would be|will be|is|'s)\s+(?P<how>almost |nearly |virtually |all but )?impossible\s+"
                         r"for\s+(?P<subj>.+?)\s+to\s+(?P<vp>.+)$", re.IGNORECASE)
# "A rate cut is on the cards", "Even if he had meant to move beyond X, that is now not on the cards" (no longer)
_CARDS = re.compile(r"^(?:(?:even\s+)?if\s+(?P<subj>he|she|they|it|we|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)\s+(?:had\s+)?"
                    r"(?:meant|wanted|intended|planned|hoped|tried)\s+to\s+(?P<vp>[^,]{3,80}),\s+)?"
                    r"(?P<x>[^,;]{2,100}?)\s+(?P<idiom>(?:is|are)\s+(?:now\s+|still\s+|also\s+|firmly\s+|clearly\s+)?"
                    r"(?P<neg>not\s+|no\s+longer\s+)?(?:on|in)\s+the\s+cards)$", re.IGNORECASE)
_BARE_OUTCOME = re.compile(r"^(?P<subj>(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)\s+(?P<verb>gain|gains|win|wins|lose|loses|"
                           r"take|takes|hold|holds|keep|keeps|flip|flips|pick up|picks up)\s+"
                           r"(?P<rest>.*(?:\d|\b[A-Z]{2,}\b).*)$")  # a number, or names ("keeps NV, NC and FL")


def idiom_call(body: str, previous: str, has_hedge) -> Call | None:
    """The author's call in ``body`` (a sentence without its leading connectives) worded as one of the
    idioms above; ``has_hedge`` tells whether a text holds a hedge the clause reader would read."""
    body = body.strip().rstrip(".")
    author = lookup("likely")
    found = _GIVE.match(body)
    if found and len(found["x"].split()) <= 12:
        return _author_call(f"{found['x']} will go to {found['rest']}", "I give … to", author)
    found = _LEAN.match(body)
    if found:
        negative = found["way"].lower() == "against"
        return _author_call(claim_of(found["np"], negative), f"lean {found['way'].lower()}", author, negative)
    found = _IMPOSSIBLE.match(body)
    if found:
        hedge = lookup("very unlikely") if found["how"] else lookup("no chance")
        return _author_call(f"{found['subj']} will not {found['vp']}", f"{(found['how'] or '').strip()} impossible".strip(),
                            hedge, True)
    found = _CARDS.match(body)
    if found:  # round 18: "X is (not) on the cards"; "Even if he had meant to V, that is now not on the cards"
        negative = bool(found["neg"])
        if found["vp"] and found["x"].lower() in ("that", "this", "it"):
            claim = f"{found['subj']} will {'not ' if negative else ''}{found['vp']}"
        elif found["x"].lower() in ("that", "this", "it"):
            claim = f"That will {'not ' if negative else ''}happen"
        else:
            x = found["x"]
            x = x[:1].lower() + x[1:] if x.split()[0].lower() in ("a", "an", "the", "some", "more", "further") else x
            claim = claim_of(x, negative)
        return _author_call(claim, found.group("idiom").strip(), lookup("unlikely" if negative else "likely"), negative)
    found = _MORE_LIKELY.match(body)
    if found:
        return _author_call(f"There will be {found['y']} rather than {found['x']}", "more likely than", author)
    found = _LOOKS.match(body)
    if found and not has_hedge(body) and not sentence_speaker(body):
        return _author_call(f"{found['subj']} will be {found['np']}", "looks like", author)
    found = _BARE_OUTCOME.match(body)
    if found and _FORECAST_LEAD.match(previous):
        verb = found["verb"]
        base = verb[:-1] if verb.endswith("s") and verb not in ("loses",) else ("lose" if verb == "loses" else verb)
        base = base.replace("picks up", "pick up")
        return _author_call(f"{found['subj']} will {base} {found['rest']}", "my forecast is", lookup("my forecast is") or author)
    return None


# "My forecast for tomorrow is …", "My final prediction: HRC gets 323."
_FORECAST_LEAD = re.compile(r"^(?:my|our)\s+(?:(?:final|latest|last|bold|official)\s+)?(?:forecast|prediction|call|projection)"
                            r"(?:\s+for\s+[^,:]{1,30}?)?(?:\s+is\b|\s*:)", re.IGNORECASE)


def _author_call(claim: str, hedge_text: str, hedge, negated: bool = False) -> Call:
    return Call(claim=finish(claim).replace(_COMMA, ","), hedge_text=hedge_text, hedge=hedge, probability=hedge.probability,
                negated=negated, start=0, end=0)


# round 17: "…, but one should not count on serious unrest in the ancient state": the author's "X will not happen"
_COUNT_ON = re.compile(r"(?:^|,\s+(?:but|and|yet|so)\s+|;\s+|^(?:but|and|yet|so)\s+)(?P<who>one|you|we|investors|markets|nobody|no one)\s+"
                       r"(?:should(?:n't|\s+not)|(?:must|need)\s+not|ought\s+not\s+to)\s+(?:count|bank|bet|rely)\s+on\s+"
                       r"(?P<np>(?!(?:him|her|them|it|me|us)\b)[^,;]{3,120}?)\s*(?:[,;.]|$)", re.IGNORECASE)


def count_on_call(text: str) -> Call | None:
    """"One should not count on serious unrest in X" (don't bank on, bet on): "There will not be serious unrest in
    X", read as unlikely; a pronoun ("count on him") or a clause someone else speaks gives none."""
    found = _COUNT_ON.search(text)
    if not found or sentence_speaker(text):
        return None
    np = found["np"].strip()
    call = Call(claim=finish(f"There will not be {np}"), hedge_text=found.group().strip(" ,;.").split(" ", 1)[-1]
                if found.group().lstrip(" ,;").lower().startswith(("but ", "and ", "yet ", "so ")) else found.group().strip(" ,;."),
                hedge=lookup("unlikely"), probability=0.0, negated=True, condition="", start=found.start(), end=found.end())
    call.probability = call.hedge.probability if call.hedge is not None else 0.2
    return call
