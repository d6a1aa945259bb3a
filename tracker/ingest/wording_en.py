"""English hedged clauses worded as claims: the hedge phrases :mod:`tracker.ingest.predfind_en`
looks for, the reading each gives, and the rewrites that turn "X is unlikely to Y" into the
author's call "X will not Y" (a claim says what the author expects, at its hedge's reading)."""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup

# (phrase as written, the table phrase that gives its reading); longest first when compiled.
HEDGES = [
    ("almost certainly not", "almost certainly not"), ("very unlikely", "very unlikely"),
    ("highly unlikely", "highly unlikely"),
    ("extremely unlikely", "very unlikely"), ("exceedingly unlikely", "very unlikely"), ("extremely likely", "very likely"), ("not very likely", "unlikely"), ("not likely", "unlikely"),
    ("probably won't", "probably won't"), ("probably will not", "probably will not"), ("probably not", "probably not"),
    ("almost certainly", "almost certainly"), ("almost certain", "almost certain"), ("very likely", "very likely"),
    ("highly likely", "highly likely"), ("most likely", "likely"), ("certainly", "certainly"),
    ("definitely", "definitely"),
    ("is set to", "is set to"), ("are set to", "is set to"), ("scheduled to", "scheduled"),
    ("expected to", "expected to"), ("expects", "expected to"), ("expect", "expected to"),
    ("tipped to", "tipped to"), ("destined to", "destined to"), ("bound to", "bound to"),
    ("poised to", "poised to"), ("on course to", "on course to"),
    ("doomed to", "destined to"),  # round 31: "is doomed to fail" ("on track to" left out: a plan's progress, dev/02)
    ("on the brink of", "on the brink of"), ("on the verge of", "on the brink of"), ("on the cusp of", "on the brink of"),
    ("on course for", "on course to"), ("headed for", "headed for"), ("heading for", "headed for"),
    ("all but certain to", "all but certain to"), ("sure to", "sure to"), ("certain to", "sure to"),
    ("look set to", "is set to"), ("looks set to", "is set to"), ("seems set to", "is set to"),
    ("difficult to imagine", "difficult to imagine"), ("hard to imagine", "difficult to imagine"),
    ("difficult to see", "difficult to imagine"), ("hard to see", "difficult to imagine"),
    ("no realistic chance", "no realistic chance"), ("no chance", "no chance"), ("zero chance", "no chance"),
    ("can assume", "can assume"), ("foresee", "foresee"), ("realistic to expect", "realistic to expect"), ("my prediction is", "my prediction is"),
    ("unlikely", "unlikely"), ("likely", "likely"), ("probably", "probably"),
    ("won't", "will"), ("will not", "will"), ("will never", "will never"), ("will", "will"),
    ("going to", "will"), ("might", "might"), ("may", "may"), ("could", "could"), ("would", "would"),
    ("only", "only"), ("not impossible", "not impossible"), ("should", "should"), ("ought to", "should"),
    ("has the potential to", "could"), ("have the potential to", "could"),  # "oil has the potential to rally": it could
]
HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h, _ in sorted(HEDGES, key=lambda x: -len(x[0])))
                    + r")\b", re.IGNORECASE)
READING = dict(HEDGES)
MODALS = {"will", "won't", "will not", "would", "could", "may", "might", "going to"}

# "I'm (fairly) confident", "we are convinced": the author's own certainty, a frame for a call
# (predfind_en reads it before a "will" clause, stances_en before any claim).
SELF_CONFIDENT = (r"(?:I|we)(?:'m|'re|\s+am|\s+are)\s+(?:(?:fairly|very|quite|pretty|reasonably|increasingly|now)\s+)?"
                  r"(?:confident|convinced|sure|certain)")

ADVERBS = {"probably", "likely", "almost certainly", "very likely", "highly likely", "probably not",
            "most likely", "certainly", "definitely"}
# Read only through another phrase ("only … can", "can assume"): their table reading.
TABLE = {"difficult to see": "difficult to imagine", "hard to see": "difficult to imagine",
          "hard to imagine": "difficult to imagine", "only": "likely", "can assume": "likely", "tipped to": "likely", "destined to": "very likely",
          "bound to": "very likely", "difficult to imagine": "unlikely", "no realistic chance": "no chance",
          "foresee": "likely", "my prediction is": "likely",
          "realistic to expect": "likely", "not impossible": "unlikely", "poised to": "likely",
          "on course to": "likely", "on the brink of": "likely", "on the verge of": "likely", "on the cusp of": "likely", "headed for": "likely", "all but certain to": "almost certain",
          "sure to": "very likely", "on course for": "likely"}


_BE = r"(?:is|are|am|was|'s|'re|'m|be|looks|look|seems|seem)"
# round 31: a degree adverb before "likely"/"unlikely" ("extremely unlikely to be true", "fairly likely to
# collapse", "increasingly likely"): the same call (was none, or "The deal is fairly to collapse.")
DEGREE = (r"(?:(?:very|highly|quite|extremely|exceedingly|fairly|rather|pretty|really|increasingly|overwhelmingly|"
          r"vanishingly|exceptionally|remarkably|reasonably|somewhat|incredibly|hugely|deeply|so)\s+)")
_REWRITES = [(re.compile(pattern, re.IGNORECASE), repl, negating) for pattern, repl, negating in [
    (r"^(?:it\s*)?" + _BE + r"\s+(?:very |highly |quite |extremely )?(?:difficult|hard) to (?:imagine|see) where (.*?) "
     r"(?:will|would|could) come from[.]?$", lambda g: f"{g[0]} will not come from anywhere", True),
    (r"^(?:it\s*)?" + _BE + r"\s+(?:very |highly |quite |extremely )?(?:difficult|hard) to (?:imagine|see) (?:how |that |why )?(.*)",
     lambda g: negate_claim(g[0]), True),
    (r"^.*?\b(?:it is|it's|it looks|it seems|this seems|that seems|it appears|it has (?:now )?become|it's become)\s+(?:very\s+|highly\s+|quite\s+)?(?:clear\s*-?\s*)?"
     r"(?:-\s*)?(?:almost certain|very likely|highly likely|likely|probable|certain|clear)\s*-?\s*that\s+(.*)",
     lambda g: g[0], False),
    (r"\b(?:it is|it's)\s+" + DEGREE + r"?unlikely that\s+(.*)", lambda g: negate_claim(g[0]), True),
    # round 27: "It's a safe bet that turnout will be high", "It looks like the strike will drag on": the frame is no claim
    (r"^(?:it is|it's)\s+(?:a\s+)?(?:safe|good|sure|fair)\s+bet\s+that\s+(.*)", lambda g: g[0], False),
    (r"^(?:it|this|that)\s+(?:looks|seems|appears|sounds)\s+(?:like|as if|as though)\s+(.*)", lambda g: g[0], False),
    (r"^.*?\b(?:it is|it's|it isn't|it is not)\s+not impossible that\s+(.*)", lambda g: negate_claim(g[0]), True),
    (r"\b(?:it is|it's|it looks|it seems)\s+" + DEGREE + r"?(?:likely|probable) that\s+(.*)", lambda g: g[0], False),
    (r"\s*" + _BE + r"\s+(?:also |still |therefore |thus )?" + DEGREE + r"?(?:unlikely|not likely|not very likely) to\b",
     lambda g: " will not", True),
    # round 30: "The war is no longer likely to end this year" (was "The war is no longer to end…"), "hardly likely to"
    (r"\s*" + _BE + r"\s+(?:no longer|hardly|scarcely|not at all|by no means) likely to\b", lambda g: " will not", True),
    (r"\s*" + _BE + r"\s+(?:also |still |therefore |thus |most )?" + DEGREE + r"?likely to\b", lambda g: " will", False),
    (r"\s*" + _BE + r"\s+(?:also |still |therefore |thus )?(?:widely |generally )?expected to\b", lambda g: " will", False),
    (r"\s*" + _BE + r"\s+(?:also |still |therefore |thus |almost |virtually |nearly )?(?:set|scheduled|tipped|destined|doomed|bound|going|poised|on course|sure|certain|all but certain) to\b",
     lambda g: " will", False),
    # round 32: "X remains very likely in Niger over the coming months" (was "X remains very in Niger…"); round 31: any degree
    (r"\s*(?:" + _BE + r"|remains|remain|appears|appear)\s+(?:still |now |also |increasingly )?" + DEGREE + r"?"
     r"(?:likely|probable)(?=\s*(?:,|[.!]?$|\s+(?:once|if|when|after|before|by|unless|as soon as|in|over|during|throughout|within|"
     r"until|this|next|later)\b))", lambda g: " will happen", False),
    # round 29: "Concessions, an agreement or personal bonding are unlikely (this year)": they will not happen (was
    # "… are not unlikely", the claim said the other way), as "X is likely." gives "X will happen"
    (r"\s*" + _BE + r"\s+(?:also |still |now )?" + DEGREE + r"?(?:unlikely|improbable|not likely)(?=\s*(?:,|[.!]?$|\s+"
     r"(?:once|if|when|after|before|by|unless|in|this|next|later|during|for now|at this point)\b))", lambda g: " will not happen", True),
    # "X is on the brink of splitting": X will split (the gerund's base form)
    (r"\s*" + _BE + r"\s+(?:now |already |also )?on the (?:brink|verge|cusp) of (\w+ing)\b",
     lambda g: " will " + base_of(g[0]), False),
    (r"\bprobably (?:won't|will not)\b", lambda g: "will not", True),
    (r"\b(?:will|would) (?:probably|likely|almost certainly|very likely|most likely|certainly|definitely) not\b",
     lambda g: "will not", False),
    (r"\b(?:will|would) (?:probably|likely|almost certainly|very likely|most likely|certainly|definitely|also|still)\b",
     lambda g: "will", False),
    (r"\b(?:probably|likely|certainly|definitely|most likely|almost certainly) (?:won't|will not|wouldn't|would not)\b",
     lambda g: "will not", False),
    (r"\b(?:probably|likely|certainly|definitely|most likely|almost certainly) (?:will|would)\b", lambda g: "will", False),
    (r"\b(?:won't|wouldn't|would not)\b", lambda g: "will not", False),
    (r"\s*\b(?:has|have) the potential to\b", lambda g: " will", False),
    (r"\b(?:(?-i:may)|might|could) not\b", lambda g: "will not", False),
    (r"\b(?:(?-i:may)|might|could|would|should|ought to)(?: very well| well| even)?\b", lambda g: "will", False),
    (r"\b(?:has|have)\s+(?:most likely|probably|likely|almost certainly)\s+", lambda g: "has ", False),
    (r"\b(?:most likely|probably|likely|almost certainly|certainly|definitely)\s+", lambda g: "", False),
]]  # compiled once: looked up by text, they were pushed out of re's cache and compiled again and again


# "There's no chance (that) X…", "Otherwise, there's absolutely no chance X…": the chance denied, X read on its own
_NO_CHANCE = re.compile(r"^(?:[^,]{1,30},\s+)?there(?:'s|\s+is)\s+(?:(?:absolutely|simply|really|just|still)\s+)?(?:no|zero)\s+"
                        r"(?:realistic\s+)?chance\s+(?:now\s+)?(?!of\b)(?:that\s+)?", re.IGNORECASE)
# a clause that already says "not": denying its chance is two negations, the call positive
_NEGATED = re.compile(r"\b(?:won't|will not|wouldn't|would not|cannot|can't|isn't|aren't|doesn't|don't|never)\b", re.IGNORECASE)


# round 29: an aside that belittles what the clause before says ("…, but that isn't saying much", "…, which is not
# saying a lot"): no part of the claim (its "isn't" read the call as negative)
_FAINT_PRAISE = re.compile(r",?\s+(?:but\s+)?(?:that|this|which)(?:'s|\s+is)(?:n't|\s+not)\s+saying\s+(?:much|a\s+lot|"
                           r"very\s+much)\b[^.]*(?=[.!]?$)", re.IGNORECASE)


def rewrite(body: str, phrase: str) -> tuple[str, bool]:
    """The claim in the author's direction ("X is unlikely to Y" -> "X will not Y")."""
    reading = lookup(TABLE.get(phrase, READING.get(phrase, phrase)))
    negates = bool(reading and reading.negates)
    body = re.sub(r"^(?:.*?\b)?(?:we|you|one) can (?:safely )?assume(?: that)?\s+", "", body, flags=re.IGNORECASE)
    body = _FAINT_PRAISE.sub("", body)  # round 29: "X will improve, but that isn't saying much": the author's aside
    body = re.sub(r"^(?:it's|it is|it isn't|it is not)\s+(?:not\s+)?realistic to expect (?P<subj>.+?) to (?P<vp>.+)$",
                  lambda x: f"{x['subj']} will {x['vp']}", body, flags=re.IGNORECASE)
    if phrase == "only":
        found = re.search(r"\bonly\s+(?P<who>.+?)\s+can\s+(?P<vp>.+)$", body, re.IGNORECASE)
        if found:
            body = f"Only {found['who']} will {found['vp']}"
    elif phrase in ("no realistic chance", "no chance", "zero chance") and _NO_CHANCE.match(body):
        rest = body[_NO_CHANCE.match(body).end():]
        # "There's no chance the ECB cuts this year": it will not; "there's no chance Russia won't use them": it will
        return finish(negate_claim(rest)), not _NEGATED.search(rest)
    elif phrase in ("no realistic chance", "no chance"):
        found = re.search(r"(?P<subj>[\w' +-]{2,60}?)\s+(?:has|have|stands?)\s+no (?:realistic )?chance (?:of|to)\s+"
                          r"(?P<vp>.+)$", body, re.IGNORECASE)
        if found:
            vp = re.sub(r"^(\w+?)ing\b", lambda x: base_form(x[1]), found["vp"])
            body = f"{found['subj'].split(' since ')[-1].split(' as ')[-1]} will not {vp}"
            return finish(body), True
    elif phrase == "foresee":
        body = re.sub(r"^.*?\b(?:i|we)\s+foresee\s+(.*)$", lambda x: f"There will be {x[1]}", body, flags=re.IGNORECASE)
    for pattern, repl, _negating in _REWRITES:
        found = pattern.search(body)
        if found:
            body = body[:found.start()] + repl(found.groups()) + body[found.end():]
            if pattern.pattern.startswith(r"^.*?\b(?:it is"):
                body = _rewrite_again(body)
            break
    else:
        # round 31: "X will never V" says its negation already (was "X will not never V")
        if negates and not re.search(r"\bwill\s+never\b", body, re.IGNORECASE):
            body = negate_claim(body)
    return finish(body), negates


# "This will spell doom for any chance the Democrats have of holding their majority": the Democrats will not hold it
_CHANCE_ENDED = re.compile(r"^.{2,80}?\bwill\s+(?:spell\s+(?:doom|the\s+end)\s+for|end|kill|ruin|wreck|dash|destroy|doom)\s+"
                           r"(?:any|all|the)\s+(?:remaining\s+)?(?:chances?|hopes?)\s+(?:that\s+)?(?P<who>(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?)\s+"
                           r"(?:has|have|had|may have|might have)\s+of\s+(?P<verb>[a-z]+ing)\b(?P<rest>[^.]*)\.?$", re.IGNORECASE)


def chance_ended(claim: str) -> str | None:
    """The call a claim makes when it says something ends someone's chance of doing a thing: that they will not do it."""
    found = _CHANCE_ENDED.match(claim)
    if not found:
        return None
    return finish(f"{found['who']} will not {base_of(found['verb'])}{found['rest']}")


def _rewrite_again(body: str) -> str:
    for pattern, repl, _ in _REWRITES[4:]:
        found = pattern.search(body)
        if found:
            return body[:found.start()] + repl(found.groups()) + body[found.end():]
    return body


_SUBJECT_CASE = {"them": "they", "him": "he", "her": "she", "us": "we", "me": "I"}
_OBJECT_SUBJECT = re.compile(r"^(them|him|her|us|me)\b(?=\s+(?:will|won't|would|could|may|might|should)\b)", re.IGNORECASE)


def finish(body: str) -> str:
    body = re.sub(r"\s+", " ", body).strip(" ,;:-–—")
    body = re.sub(r"\bwill (get|win|take|have|see|gain|keep|hold|make) no\b", r"will not \1 any", body)  # said as a negation
    body = re.sub(r"\s+([,.;:])", r"\1", body)
    # round 25: "I expect them to win" read "Them will win", "I don't expect X to V" once "X will not to V"
    body = _OBJECT_SUBJECT.sub(lambda m: _SUBJECT_CASE[m[1].lower()], re.sub(r"\b(will not|won't) to (?=[a-z])", r"\1 ", body))
    body = body.rstrip(".!")
    return body[:1].upper() + body[1:] + "." if body else ""


# round 31: a stem in "-ps", "-ns", "-rs", "-ls" takes its "e" back too ("collapsing", "collapsed": "collapse"; "sensing",
# "reversed", "pulsed"), and so does one in "-pon" ("postponed": "postpone", was "postpon")
_E_STEM = re.compile(r"(?:[aeiou]s|[plnr]s|v|c|z|rg|ang|tpon)$|^(?:[^aeiou]?[^aeiou][aeiou][kmt]|becom|overcom)$")


def base_of(gerund: str) -> str:
    """The base form of an -ing verb: losing -> lose, winning -> win, holding -> hold."""
    stem = gerund[:-3]
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeioulsz":
        return stem[:-1]  # winning, getting, running
    if len(stem) > 3 and stem.endswith("u"):
        return stem + "e"  # round 19: continuing -> continue, arguing -> argue, pursuing -> pursue
    if len(stem) > 4 and re.search(r"(?:[^aeiou]|[iu])at$", stem):
        return stem + "e"  # round 36: negotiating -> negotiate, operating -> operate, evaluating -> evaluate
    if _E_STEM.search(stem) and not stem.endswith(("ss", "ow", "ev")):
        return stem + "e"  # losing, making, taking, becoming, producing, changing
    return stem


def base_of_present(verb: str) -> str:
    """The base form of a verb in the third person present: tries -> try, goes -> go, fixes -> fix, wins -> win."""
    if verb.endswith("ies"):
        return verb[:-3] + "y"
    if re.search(r"(?:ss|sh|ch|x|z|o)es$", verb):
        return verb[:-2]
    return verb[:-1]


def base_form(gerund: str) -> str:
    return {"winn": "win", "gett": "get", "runn": "run", "stopp": "stop", "putt": "put"}.get(gerund, gerund)


def negate_claim(clause: str) -> str:
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
    found = re.match(r"^(?P<subj>(?:the |a |an )?[\w'-]+(?: [\w'-]+){0,3}?) (?P<verb>\w+)\b(?P<rest>.*)$", clause)
    if found and found["subj"].split()[-1].lower() not in ("to",):
        verb = found["verb"]
        # round 31: the present's -s taken off by base_of_present ("that the deal survives": "survive", was "surviv")
        verb = base_of(verb) if re.fullmatch(r"[a-z]{2,}ing", verb) else \
            base_of_present(verb) if re.fullmatch(r"[a-z]{2,}[^s]s", verb) else verb
        return f"{found['subj']} will not {verb}{found['rest']}"  # round 27: "hard to see Beijing backing down"
    return f"it will not happen that {clause}"


# round 27: "AI is truly being democratized", "Most CEOs are waking up to X", "Semiconductors are becoming the new
# gold": a present progressive tells what is under way now, not what will come; a verb of coming ("Layoffs are coming
# in Q1", "is heading for a fall") or a time ahead named after it does look ahead
_UNDER_WAY = re.compile(r"^(?:(?:\w+ly|now|still|already|finally|also|at\s+last)\s+)*(?P<ing>[a-z]+ing)\b(?P<rest>.*)$",
                        re.IGNORECASE)
_COMING = re.compile(r"^(?:coming|going|heading|headed|arriving|returning|happening|taking\s+place|due|set|poised|about)$")
_AHEAD = re.compile(r"\b(?:next|soon|later|coming|tomorrow|ahead|by\s+(?:the\s+end|20\d\d)|in\s+(?:Q[1-4]|20\d\d|"
                    r"the\s+(?:first|second|third|fourth|last)\s+(?:half|quarter))|this\s+(?:year|month|fall|autumn|"
                    r"winter|spring|summer))\b", re.IGNORECASE)


def under_way(after_be: str) -> bool:
    """Whether the words after "is"/"are" make a present progressive that tells only what is happening now."""
    found = _UNDER_WAY.match(after_be.strip())
    if not found or found["ing"].lower() in ("nothing", "something", "anything", "everything", "thing", "king", "spring",
                                                 "string", "morning", "evening", "ring", "wing"):
        return False
    return not _COMING.match(found["ing"].lower()) and not _AHEAD.search(found["rest"])
