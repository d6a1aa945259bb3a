"""Whose call a hedged English clause is: the author's own, or someone he reports (named, or
left out when only a pronoun or "a plan" says it)."""

from __future__ import annotations

import functools
import re

from tracker.ingest.forecasters_en import EVIDENCE, clause_attribution, group_name  # noqa: F401  (clause_attribution: predfind_en)
from tracker.ingest.ownframes_en import MODAL_FORESEE, MODAL_WORDS, OWN

_REPORT_VERB = (r"said|says|told|tells|warned|warns|claimed|reported|announced|announces|predicted|predicts|forecasted|"
                r"(?<!\bmy )(?<!\bour )(?<!\bthe )(?<!\bits )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\byour )forecasts|"
                r"believes|believed|thinks|thought|wrote|writes|argued|argues|insisted|insists|suggested|suggests|"
                r"added|noted|declared|declares|stated|revealed|vowed|promised|pledged|hinted|estimated|confirmed|"
                r"explained|signalled|signaled|stressed|threatened|admitted|acknowledged|assured|expects|expected|"
                r"(?<=to )(?:warn|say|claim|predict|argue|insist|suggest|declare|announce|tell)|"
                r"speculated|speculates|speculate|anticipated|anticipates|say|indicate|indicated|"
                r"saying|telling|warning|predicting|arguing|claiming|insisting|suggesting|speculating|forecasting|"
                r"think|believe|expect|doubt|reckon|suspect|guess|predict|fear|hope|assume|imagine")
# What may stand between "I" and the verb of his frame: "I therefore believe", "I still think", "I honestly expect",
# "I do predict" (a sentence adverb, an "-ly" adverb or emphatic "do"); the frame stays the author's
FRAME_ADVERB = (r"(?:still|now|also|really|personally|do|don't|do not|never|strongly|firmly|therefore|thus|hence|then|"
                r"too|so|even|just|indeed|nonetheless|nevertheless|consequently|accordingly|again|(?!only\b)(?-i:[a-z]+ly))")
_BASE_SELF = ("think", "believe", "expect", "doubt", "reckon", "suspect", "guess", "predict", "fear", "hope", "assume",
              "imagine")
_REPORT = re.compile(r"(?P<who>[^,;]*?)\b(?P<verb>" + _REPORT_VERB + r")\b", re.IGNORECASE)
_REPORT_NOUN = re.compile(r"(?P<who>[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,5}|(?i:the)\s+[\w-]+(?:\s+[\w-]+)?)'s\s+"
                          r"(?:\w+\s+)?(?i:report|claim|warning|prediction|assessment|statement|announcement|remark|"
                          r"forecast|plan|estimate|view)s?\s+(?:that\b|:)")
_ACCORDING = re.compile(r"\baccording to (?P<who>[^,.;]{2,60})", re.IGNORECASE)
_NOT_A_SPEAKER = re.compile(r"\b(?:plan|plans|draft|document|documents|data|figures|sources?|reports?|estimates?|"
                            r"polls?|survey|forecasts?|projections?|schedule|timetable|agreement|deal|law|"
                            r"rules?)\b", re.IGNORECASE)
_CROWD = re.compile(r"(?:^|[,;]|\b(?:and|but|so))\s*(?:many|most|some|others)\s*$", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|they|it|this|that|these|those|some|others|many|one|who|which)$", re.IGNORECASE)
_SELF = re.compile(r"^(?:i|we|i personally|i still|i now|i also|we also|i really|i strongly|i do|i did)$", re.IGNORECASE)


def quoted(text: str, index: int) -> bool:
    return text[:index].count('"') % 2 == 1


def quote_speaker(text: str) -> str:
    found = _REPORT_NOUN.search(text)
    if found:
        return speaker_name(found["who"])
    found = re.search(r'"\s*,?\s*(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})\s+(?:said|says|wrote|warned|told)\b', text)
    if found:
        return speaker_name(found["who"])
    found = re.search(r"(?P<who>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,4})\s+(?:said|says|wrote|warned|told \w+)[,:]?\s+\"", text)
    return speaker_name(found["who"]) if found else ""


# A sentence whose subject is a poll, a market's odds or a model: their forecast, named by its source if given.
ODDS = re.compile(r"^(?:the\s+)?(?:latest\s+|current\s+|recent\s+|new\s+)?(?:odds|polls|opinion polls|polling|bookmakers?|"
                   r"betting markets?|surveys?|models?|projections?)(?:\s+from\s+(?:the\s+)?(?:[a-z]+\s+)?"
                   r"(?P<who>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)*))?\s+(?:currently\s+|now\s+|still\s+)?"
                   r"(?:make|makes|put|puts|show|shows|suggest|suggests|give|gives|imply|implies|indicate|indicates|"
                   r"point|points)\b", re.IGNORECASE)


# "The consensus expectation is that…", "The general market consensus is that…": named by its own words
# "The conventional wisdom is that…" (and the received wisdom, the prevailing view) is named so as well
_CONSENSUS_NOUN = r"(?:consensus|conventional\s+wisdom|received\s+wisdom|prevailing\s+(?:view|wisdom))"
CONSENSUS = re.compile(r"^(?:(?:so|and|but|now|yet)\s+)?(?:the\s+)?(?P<np>(?:(?!my\b|our\b)[\w'-]+\s+){0,3}?" + _CONSENSUS_NOUN +
                       r")(?:\s+(?:expectation|view|forecast|estimate|call))?\s+(?:is|was|sees)\b", re.IGNORECASE)
MODEL_SHOWS = re.compile(r"^(?P<who>[A-Z0-9][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,4})'s\s+(?:(?:final|latest|new|current|"
                         r"[A-Z][\w-]*)\s+){0,2}(?:forecast|model|map|projection|estimate|outlook)s?\s+(?:shows?|has|gives?|"
                         r"puts?|projects?|predicts?|sees?)\b")


def sentence_speaker(text: str) -> tuple[str, bool] | None:
    """A speaker that frames the whole sentence: "according to X", "…, X said.", "X's report that",
    "in X's view"."""
    found = re.match(r"^in (?:(?P<pron>its|his|her|their)|(?P<who>[^,]{2,60}?)'s) (?:view|opinion|estimate|"
                     r"assessment|scenario|forecast)\b", text, re.IGNORECASE)
    if found:
        return ("" if found["pron"] else speaker_name(found["who"])), False
    found = ODDS.match(text)
    if found:  # "The latest odds from William Hill make X the most likely outcome": the bookmaker's
        return speaker_name(found["who"] or ""), False
    found = CONSENSUS.match(text)
    if found:  # "The consensus expectation is that X will…": the market's, not the author's
        return found["np"].lower(), False
    found = MODEL_SHOWS.match(text)
    if found:  # "538's House forecast shows a most likely scenario of…": 538's
        return speaker_name(found["who"]), False
    found = _ULTIMATUM.match(text)
    if found:  # "Iran has given the Europeans until 7 July to offer a deal, or it will begin enriching": Iran's threat
        return speaker_name(found["who"]), False
    found = _ACCORDING.search(text)
    if found:
        who = found["who"].strip()
        return ("" if _NOT_A_SPEAKER.search(who) and not re.search(r"\b[A-Z]", who[1:]) else speaker_name(who)), False
    found = re.search(r",\s*(?P<who>[A-Z][^,]{1,60}?|(?:many\s+|most\s+|some\s+)?(?!others\b)[a-z]{3,}s)\s+(?:said|says|"
                      r"predicted|predicts|warned|argued|"
                      r"told reporters|wrote|added|noted)\.?$", text)
    if found:
        return speaker_name(found["who"]), False
    found = _REPORT_NOUN.search(text)
    if found:
        return speaker_name(found["who"]), False
    return None


# An ultimatum: the one who sets the deadline says what it will do if it passes
_ULTIMATUM = re.compile(r"^(?P<who>(?:the\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\s+(?:has\s+|have\s+|had\s+)?(?:given|gave|set|"
                        r"issued)\b[^.;]{0,160}?\b(?:until|deadline|ultimatum)\b[^.;]*?,?\s+or\s+(?:else\s+)?(?:it|they|he|she)\s+"
                        r"(?:will|would|is going to|are going to)\b")


# "… has led market participants to believe", "prompted analysts to expect": the believers are the forecasters
_LED_TO = re.compile(r"\b(?:led|leads|lead|leading|prompted|prompts|caused|causes|pushed|pushes|encouraged|encourages)\s+"
                     r"(?P<who>(?!me\b|us\b)[^,;]{2,60}?)\s+to\s*$", re.IGNORECASE)


# "Democrats believe", "many Taiwanese believe", "Even the Democrats appear to believe": a named group (a capital, a base
# verb: plural) whose belief it is, not the author's; a pronoun ("They think") is not a name
_GROUP = re.compile(r"(?:^|\s)(?:(?:even\s+)?(?:the|many|most|some|all|few|several)\s+)*(?!(?:I|We|They|You|It|This|That|These|Those)\b)"
                    r"[A-Z][\w'.&-]+(?:\s+[A-Z][\w'.&-]+){0,2}\s+(?:(?:also|still|now|really|clearly|seem|seemed|appear|"
                    r"appeared|tend|continue)\s+(?:to\s+)?)?$")


def _title_case(text: str) -> bool:
    """"Why Structural Realists Are Wrong To Think That…": a headline's capitals name no group."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)[-6:]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


SELF_VERBS = ("think", "believe", "expect", "doubt", "thought", "believed", "predict", "foresee", "reckon", "fear",
               "hope", "suspect", "guess", "assume", "imagine")
# "with Theresa May appearing optimistic that X will…", "Lagarde is confident that Y will…": the named one's view
_ATTITUDE = re.compile(r"(?P<who>\b[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\s+(?:(?:is|was|are|were|appears?|appeared|"
                       r"appearing|seems?|seemed|seeming|looks?|looked|looking|sounds?|sounded|sounding|remains?|remained|"
                       r"remaining|grew|growing)\s+)+(?:\w+ly\s+)?(?:optimistic|confident|hopeful|pessimistic|adamant|"
                       r"convinced|sure|certain|upbeat|bullish|bearish)\s+(?:that\s+)?")


def clause_speaker(clause: str, hedge: re.Match) -> tuple[str, int, bool, bool] | None:
    """(who, where the reported clause starts, negation raised, the author himself) when the hedge
    sits in a clause reported by a speaker before it (the reporting verb nearest the hedge)."""
    prefix = clause[:hedge.start()]
    foreseen = MODAL_FORESEE.match(clause[hedge.end():]) if hedge.group().lower() in MODAL_WORDS else None
    who = re.split(r"[,;:]\s+|\s+(?:but|and|so|while|because|however)\s+", prefix)[-1].strip()
    if foreseen and who and not re.fullmatch(r"(?i:i|we|you|one)", who):
        return speaker_name(who), hedge.end() + foreseen.end(), False, False  # round 27: "The market may anticipate X"
    attitude = [m for m in _ATTITUDE.finditer(prefix) if m["who"] not in ("I", "We")]
    if attitude:
        return speaker_name(attitude[-1]["who"]), attitude[-1].end(), False, False
    led = None
    found = None
    for m in _REPORT.finditer(prefix):
        if re.search(r"\b(?:without|needless\s+to)\s*$", m["who"], re.IGNORECASE):
            continue  # "It goes without saying that X": the author's emphasis, not a speaker
        led = _LED_TO.search(m["who"]) if m["verb"].lower() in _BASE_SELF else None
        if led:  # "X has led market participants to believe that Y will": their forecast, not the author's
            found = m
            continue
        if m["verb"].lower() == "expected" and not re.search(r"\b(?:i|we|he|she|they)\s*$", m["who"], re.IGNORECASE):
            continue  # "is expected to": a hedge, not a speaker
        if m["verb"].lower() in _BASE_SELF and not re.search(r"\b(?:i|we)\s+(?:" + FRAME_ADVERB + r"\s+)*$",
                                                                 m["who"], re.IGNORECASE) and not (_GROUP.search(m["who"]) and
                                                                                                   not _title_case(m["who"])) \
                and not _CROWD.search(m["who"]) and not group_name(re.split(r"[,;:]\s+(?![A-Z])", m["who"])[-1]):
            continue  # "they think", "analysts expect" are read below; only "I think" frames the author's call
        # round 19: "many expect that the two will drop out": a crowd left unnamed, whose forecast is not the author's
        found = m
    if found is None:
        return None
    led = _LED_TO.search(found["who"]) if found["verb"].lower() in _BASE_SELF else None
    if led:
        that = re.match(r"[^,;\"]{0,70}?\bthat\s+", clause[found.end("verb"):hedge.start()])
        body = found.end("verb") + (that.end() if that else len(re.match(r"[\s,:]*", clause[found.end("verb"):]).group()))
        return speaker_name(led["who"]), body, False, False
    listed = group_name(re.split(r"[,;:]\s+(?![A-Z])", found["who"])[-1])  # round 23: "forecasters such as A and B"
    who = re.split(r"[,;:]|\s+(?:but|and|so|while|because|that|what|which)\s+", found["who"])[-1].strip()
    negative = bool(re.search(r"\b(?:don't|do not|doesn't|does not|didn't|never)\s*$", who, re.IGNORECASE))
    core = re.sub(r"\s*\b(?:don't|do not|doesn't|does not|didn't|never|still|now|also|then|really|personally|"
                  r"strongly|firmly|do|have|has|had|would|will|already|once|often|therefore|thus|hence|"
                  r"consequently|accordingly|nonetheless|nevertheless)\b", "", who, flags=re.IGNORECASE).strip(" ,")
    core = re.sub(r"^(I|we)(?:\s+" + FRAME_ADVERB + r")+$", r"\1", core, flags=re.IGNORECASE)  # "I honestly"
    # "For a few weeks now they have been saying": the time before the pronoun and the progressive's "been" are no speaker
    core = re.sub(r"^(?:for|over|in|during|since)\s+[^,]*?\s+(?=(?:they|he|she|we|I|it)\b)|\s+been$", "", core,
                  flags=re.IGNORECASE).strip()
    body_start = found.end()
    that = re.match(r"[^,;\"]{0,70}?\bthat\s+", clause[found.end("verb"):hedge.start()])
    if that:
        body_start = found.end("verb") + that.end()
    else:
        body_start = found.end("verb") + len(re.match(r"[\s,:]*", clause[found.end("verb"):]).group())
    verb = found["verb"].lower()
    if re.match(r"^(?:[a-z][\w']*\s+){1,5}(?:I|we)$", core):
        core = core.split()[-1]  # "so on that basis I predict" (cut at "that"): the author
    if OWN.match(core):  # round 27: "My gut says (tells me) that X", "Our model says X": the author's own frame
        return "", body_start + len(re.match(r"(?:(?:me|us)\b[\s,]*(?:that\s+)?)?", clause[body_start:]).group()), \
            negative, True
    if core.lower() in ("i", "we"):
        if verb in SELF_VERBS:
            return "", body_start, negative or verb.startswith("doubt"), True
        return None  # "I said", "I wrote": the author's own words, read as they stand
    if not core or _PRONOUN.match(core):
        return "", body_start, False, False
    if EVIDENCE.match(core):  # round 25: "all the evidence suggests that X will": what the author reads, his call
        return "", body_start, False, True
    if listed:
        return listed, body_start, False, False
    if verb in SELF_VERBS and not re.search(r"[A-Z]", core):
        return None  # "analysts think" without a name: read as it stands
    return speaker_name(core), body_start, False, False


_ROLE = re.compile(r"(?:^|\s)(?:(?i:an?|one|another)\s+)(?P<name>(?:[A-Z][\w'.&-]*\s+){1,4}?)(?P<role>official|spokes(?:man|woman|person)|"
                   r"economist|analyst|strategist|source|insider|aide|advis[eo]r|negotiator|diplomat|policymaker|executive)$")


def speaker_name(who: str) -> str:
    """The speaker's name: the last run of capitalised words ("Wagner founder Prigozhin" -> "Prigozhin"),
    else the phrase without its article ("analysts")."""
    who = re.sub(r"^(?:but|and|so|then|however|also)\s+", "", who.strip(" ,\"'"), flags=re.IGNORECASE)
    who = re.sub(r"^(?:back in|in|on|last|earlier)\s+[^,]*,\s*", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^even\s+", "", who, flags=re.IGNORECASE)  # "Even the Democrats (believe)"
    group = re.match(r"^(?:many|most|some|few|several)\s+[A-Z][\w'-]+$", who)
    if group:  # "many Taiwanese": the quantifier is part of whose view it is
        return group.group()
    who = re.sub(r"^(?:all|some|many|most|few|several|both|other)\s+(?=[a-z])", "", who, flags=re.IGNORECASE)  # "All analysts"
    if _NOT_A_SPEAKER.search(who) and not re.search(r"\b[A-Z][a-z]", who[1:]):
        return ""
    polled = re.match(r"^(?:the\s+)?[a-z]+s\s+(?:polled|surveyed|questioned|canvassed)\s+by\s+\S.*$", who)
    if polled:  # round 19: "economists polled by Reuters": the economists' forecast, as the poll gathered it
        return re.sub(r"^the\s+", "", polled.group())[:60]
    if re.match(r"^(?:the\s+)?[A-Za-z][a-z]+s\s+(?:in|at|from|of)\s+\S", who):  # "analysts in Niamey"
        return re.sub(r"^the\s+", "", who)[:60]
    if re.match(r"^(?i:my|our)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}$", who):
        return who  # round 27: "my colleague", "our economists": who they are is the phrase, not its capital "My"
    named = group_name(who)  # round 23: "Brazil's biggest polling firms", "the latest Reuters poll", "such as A and B"
    if named:
        return named
    role = _ROLE.search(who)  # round 20: "a Federal Reserve official", "An ECB economist": the name with its role
    if role:
        return f"{role['name'].strip()} {role['role']}"
    runs = re.findall(r"(?:[A-Z][\w'.&-]*(?:\s+(?:of|de|von|al|bin|the)\s+|\s+)?)+", who)
    runs = [r.strip() for r in runs if r.strip() and r.strip().lower() not in ("the", "a", "an")]
    runs = [re.sub(r"'s$", "", r) for r in runs if r not in ("I", "We")]
    if runs:
        return runs[-1]
    if _PRONOUN.match(who):
        return ""
    return re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.IGNORECASE)[:60]


def strip_attribution(body: str) -> str:
    body = _ACCORDING.sub("", body)
    body = re.sub(r",\s*(?:[A-Z][^,]{1,60}?)\s+(?:said|says|predicted|predicts|warned|argued|told reporters|wrote|"
                  r"added|noted)\.?$", "", body)
    body = _REPORT_NOUN.sub("", body)
    body = re.sub(r"^(?:(?:so|and|but|now|yet)\s+)?(?:the\s+)?(?:(?!my\b|our\b)[\w'-]+\s+){0,3}?" + _CONSENSUS_NOUN +
                  r"(?:\s+(?:expectation|view|forecast|estimate|call))?\s+(?:is|was)\s+(?:that\s+)?", "", body,
                  flags=re.IGNORECASE)  # "The consensus is that X": X
    body = body.replace('"', "")
    return body.strip(" ,")


# "At AML, we…", "We at Capital Economics…", "Here at X we…": the name the author speaks under
_OWN_NAME = re.compile(r"\b(?:(?:[Aa]t|[Hh]ere at)\s+(?P<a>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}),?\s+we\b|"
                       r"\b[Ww]e\s+at\s+(?P<b>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\b)")
_OWN_VERBS = {"expects": "expect", "predicts": "predict", "forecasts": "forecast", "anticipates": "anticipate",
              "believes": "believe", "thinks": "think", "sees": "see"}


def own_names(author: str, text: str) -> tuple[str, ...]:
    """The names a piece's author speaks under: the byline's, and any the text gives itself ("At AML, we…")."""
    names = [author.strip()] if author.strip() else []
    for m in _OWN_NAME.finditer(text):
        name = m["a"] or m["b"]
        if name not in names:
            names.append(name)
    return tuple(names)


@functools.lru_cache(maxsize=1024)
def _as_name(name: str) -> re.Pattern[str]:
    # One pattern per name, kept here: made afresh per call, each pushed others out of re's cache.
    return re.compile(re.escape(name) + r"\s+(?P<adv>(?:also|still|now|fully)\s+)?(?P<verb>" + "|".join(_OWN_VERBS)
                      + r")\b")


def as_author(text: str, names: tuple[str, ...]) -> str:
    """"AML expects X" when the author writes as AML: the author's own "We expect X"."""
    for name in names:
        found = _as_name(name).match(text)
        if found:
            return f"We {found['adv'] or ''}{_OWN_VERBS[found['verb']]}{text[found.end():]}"
    return text
