"""English calls the author states without a hedge word the clause reader knows: a frame of his own
("I anticipate X", "I'm predicting X", "we forecast X", "I see X raising rates", "My guess: X",
"Prediction: X", "Our base case is X", "Our view is that X"), an imperative ("Look for X to Y",
"Expect oil prices to Y", "Expect a rate hike in March", "Expect increased hunger, migration and coups"),
an event said to be certain ("A global recession is a certainty"), a stated chance ("There's a good chance
that X", "Odds are X", "I'd put the odds of X at 60%", "I wouldn't be surprised if X"), and, in an
article that lists the author's predictions, a list item with no verb ("Manitoba: also an NDP
majority", "Prince Edward Island: a PC landslide") or one in the bare present ("The Republicans take
the House"), but not "The same goes for X" (a comparison, no claim of its own). Used by :mod:`tracker.ingest.predfind_en` only when the clause reader found nothing.
"""

from __future__ import annotations

import re

from tracker.domain.hedges import lookup
from tracker.ingest.callforms_en import more_forms
from tracker.ingest.certainty_en import denied_certainty, ranked_outcome, thing_to_expect
from tracker.ingest.chances_en import base_of, claim_of
from tracker.ingest.hedgespan import Call
from tracker.ingest.imperatives_en import not_expected
from tracker.ingest.speakers_en import sentence_speaker
from tracker.ingest.surprises_en import unsurprising_past
from tracker.ingest.wording_en import SELF_CONFIDENT, base_of_present, finish, negate_claim, under_way

_COMMA = "\u2063"  # predfind_en's stand-in for a thousands comma

_FRAME = re.compile(r"^(?:(?:I|we)(?:\s+|(?='))(?:(?:fully|now|still|also|firmly|strongly|confidently)\s+)?(?P<verb>anticipate|forecast|"
                    r"project|am predicting|'m predicting|are predicting|'re predicting|am calling for|'m calling for|"
                    r"am forecasting|'m forecasting|are forecasting|'re forecasting|am expecting|'m expecting|"
                    r"are expecting|'re expecting)|"
                    r"(?P<noun>(?:(?:my|our|final|bold|one|another|first|second|third|fourth|fifth|last)\s+)*"
                    r"(?:prediction|forecast|guess|call|bet|pick|projection)(?:\s+(?:no\.?\s*)?#?\d+)?(?:\s+for\s+[^,:]{1,30}?)?)\s*:"
                    r"|(?:my|our)\s+(?:base case|central case|baseline|view|expectation|working assumption)\s+is(?:\s+that)?"
                    r"|(?:my|our)\s+(?:\w+\s+)?(?:prediction|forecast|guess|call|bet|pick)\s+is\s+that"
                    r"|" + SELF_CONFIDENT + r"(?:\s+that)?"
                    r")\s+(?P<rest>.+)$", re.IGNORECASE)
_SEE = re.compile(r"^(?:I|[Ww]e)\s+(?:also\s+|now\s+|still\s+)?(?:can\s+)?see\s+(?P<subj>(?:the\s+|a\s+|an\s+)?[\w'.&$%-]+(?:\s+[\w'.&$%-]+){0,4}?)"
                  r"\s+(?P<verb>[a-z]+ing)\b(?P<rest>.*)$")
_SEE_TAIL = re.compile(r"^.{3,300}?,\s+(?:and|but|so)\s+(?=(?:I|[Ww]e)\s+(?:also\s+|now\s+|still\s+)?(?:can\s+)?see\s)")
_LOOK_FOR = re.compile(r"^(?:(?P<cond>(?:if|unless|when|once|should)\s+[^,]{3,200}),\s*)?(?:look for|watch for|expect|count on)\s+"
                       r"(?P<subj>(?!me\b|you\b|us\b|it\b)[^,]{2,80}?)\s+to\s+(?P<rest>[a-z]+\b.+)$", re.IGNORECASE)
_EXPECT_NP = re.compile(r"^(?:(?P<cond>(?:if|unless|when|once|should)\s+[^,]{3,200}),\s*)?(?:expect|look for)(?:\s+to\s+see)?\s+"
                        r"(?P<np>(?:a|an|another|more|further|no|some|higher|lower|little|plenty of|[a-z]+er)\b[^,;]{3,120})$",
                        re.IGNORECASE)
# "Expect increased hunger, migration, civil strife and possible coups": a list of what will come, no verb of its own
_EXPECT_LIST = re.compile(r"^(?:expect|look for)\s+(?P<np>(?!(?:that|it|them|him|her|this|these|those|to|me|us|you|the)\b)"
                          r"[a-z][\w'-]*\s[^;]{3,200}?,[^;]{3,200})$", re.IGNORECASE)
_NOT_A_LIST = re.compile(r"\b(?:will|won't|would|is|are|was|were|has|have|had)\b|(?<!\bunable )(?<!\bable )\bto\s+[a-z]+\b")
# "A global recession is a certainty", "A rate cut in March is a foregone conclusion": an event that will come
_CERTAIN_NP = re.compile(r"^(?P<np>(?:an?|another|some|further|more)\s+[^,;]{2,80}?)\s+(?:is|looks|seems|appears)\s+"
                         r"(?:now\s+|already\s+)?(?P<almost>(?:all but|virtually|almost|nearly)\s+)?"
                         r"(?:a\s+(?:near[- ]|virtual\s+|racing\s+|dead\s+)?(?:certainty|given|foregone conclusion|done deal)|"
                         r"inevitable|certain|assured|guaranteed|a sure thing)$", re.IGNORECASE)
# "The same goes for X", "So does X": a comparison with the sentence before, no claim of its own
SAME_AS_BEFORE = re.compile(r"^(?:the\s+same\s+(?:goes|is true|applies|holds)|so\s+(?:does|do|is|are|will))\b", re.IGNORECASE)
_AMAZED = r"(?:surprised|shocked|stunned|astonished|amazed)"  # round 17: "don't be shocked if X"
_CHANCE_THAT = re.compile(r"^(?:there(?:'s| is)\s+(?:only\s+|still\s+|now\s+|also\s+)?(?:an?\s+)?(?P<level>(?:very\s+|really\s+)?(?:good|strong|real|high|decent|fair|"
                          r"excellent|slim|small|low|remote|outside|distinct))\s+(?:chance|possibility|probability|likelihood)"
                          r"|(?:the\s+)?(?:odds|chances)\s+are(?!\s+(?:against|stacked|in\s+favou?r|slim|low|long|small|remote|poor)\b))\s+"
                          r"(?:that\s+)?(?P<rest>.+)$", re.IGNORECASE)
_ODDS_AT = re.compile(r"^(?:I|we)(?:'d| would)\s+(?:put|place|give)\s+(?:the\s+)?(?:odds|chances?|probability|likelihood)\s+"
                      r"(?:of|that)\s+(?P<np>.+?)\s+at\s+(?:about\s+|around\s+|roughly\s+)?(?P<n>\d{1,3})\s*(?:%|percent)", re.IGNORECASE)
_SURPRISE = re.compile(r"^(?:(?:I|we)\s+(?:wouldn't|would not|won't|will not)\s+be\s+(?:\w+\s+)?" + _AMAZED + "|"
                       r"(?:don't|do not)\s+be\s+(?:\w+\s+)?" + _AMAZED + r"|it\s+(?:wouldn't|would not|won't|will not)\s+"
                       r"(?:surprise|shock)\s+(?:me|us))\s+(?:if|to see|when)\s+(?P<rest>.+)$", re.IGNORECASE)
# A list item of the author's predictions: "Manitoba: also an NDP majority", "Prince Edward Island: a PC landslide, …"
_LABEL = re.compile(r"^(?P<label>[A-Z][\w.&'-]*(?:\s+[A-Za-z][\w.&'-]*){0,4})(?::|\s+[-–—]\s+)\s*(?P<rest>.+)$")
_PICK = re.compile(r"^[A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,2}$")  # a name alone after a contest's label: the pick
_GENERIC_LABEL = re.compile(r"^(?:result|prediction|outcome|final|verdict|forecast|overall|my call|call)$", re.IGNORECASE)
# "SNP 45 seats", "Tories 280, Labour 270": a party and its number, the whole line
_SEAT = r"(?P<name{i}>(?:the\s+)?[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){{0,3}}|[A-Z][\w'.&-]*\s+parties)\s+(?P<n{i}>\d{{1,3}}(?:\.\d)?)" \
        r"(?:\s*(?P<unit{i}>seats?|MPs|%|per cent|percent))?"
_SEATS = re.compile(r"^" + _SEAT.format(i=1) + r"(?:\s*,\s*" + _SEAT.format(i=2) + r")?(?:\s*,\s*" + _SEAT.format(i=3) + r")?$")
# Verbs a bare present list item is told with (base forms); "-s" forms are found from them.
_VERBS = set("""get win lose hold keep take flip gain retain regain form become stay remain go fall rise end peak hit reach
drop climb beat defeat sweep pass fail survive resign return raise cut hike pause finish top lead collapse recover slow grow
shrink continue outperform underperform surge fade calm start begin ease repeat agree try struggle soar plunge tumble rally
crash default split launch announce declare sign invade withdraw join leave quit step emerge settle strengthen weaken improve
worsen decline increase decrease double overtake replace succeed dominate move shift turn come see make bring face avoid escape
run stand prevail lag trail edge cruise scrape squeak vote elect appoint nominate approve reject block ban end""".split())
_LIST_PAST = re.compile(r"\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|ago|last\s+(?:year|time|month|week)|[Yy]esterday|already|"
                        r"(?:has|have)\s+(?:\w+ly\s+)?\w+(?:ed|en|t)|used to|"
                        # round 23: a record standing to date ("Avatar is still the only film ever to gross $2 billion")
                        r"(?:is|are|remains?)\s+still\s+the\s+(?:only|first|\w+est|top|most|biggest)|still\s+the\s+only)\b")
_FRONT_BARE = re.compile(r"^(?P<front>(?:by|in|during|within|from)\s+(?:the\s+)?[\w\s-]{3,40}?)\s+(?=(?:the|a|an)\s)",
                         re.IGNORECASE)  # "By the second half of the year the 2024 campaign is in full swing"
_FRONT = re.compile(r"^(?P<front>(?:with|barring|once|after|by|if|unless|in)\s+[^,]{3,80}),\s*", re.IGNORECASE)
_OUTCOME_NOUN = re.compile(r"\b(?:majority|minority|landslide|victory|win|defeat|loss|sweep|gain|gains|hold|flip|pickup|"
                           r"recession|hike|cut|pause|rally|sell-off|crash|default|surplus|deficit|coalition|government|"
                           r"upset|runoff|run-off|hung parliament|wipeout|blowout|tie|draw)\b", re.IGNORECASE)
_BARE = re.compile(r"^(?P<subj>(?:the\s+)?[A-Z][\w.&'-]*(?:\s+(?:of\s+)?[A-Za-z][\w.&'-]*){0,5}?)\s+(?:(?:also|still|easily|"
                   r"narrowly|comfortably|again|finally|even|only|just|relatively)\s+)?(?P<verb>wins|holds|keeps|takes|gets|flips|"
                   r"loses|gains|retains|regains|forms|becomes|stays|remains|goes|falls|rises|ends|peaks|hits|reaches|drops|"
                   r"climbs|beats|defeats|sweeps|passes|fails|survives|resigns|returns|raises|cuts|hikes|pauses|picks up|"
                   r"finishes|tops|leads|collapses|recovers|slows|grows|shrinks|continues|outperforms|underperforms|"
                   r"carries|edges|clinches|captures|secures|dominates)\b"  # round 19: "Ted Cruz carries Missouri"
                   r"(?P<rest>.*)$")
_PAST = re.compile(r"\b(?:[Ww]as|[Ww]ere|[Hh]ad|[Dd]id|ago|last|[Yy]esterday|already|"
                   r"(?!(?:need|seed|speed|feed|proceed|exceed|succeed|indeed|bed|red|shed)\b)[a-z]\w+ed)\b")
# An article that sets out the author's predictions: its title or an earlier sentence says so.
FORECAST_LIST = re.compile(r"\b(?:(?:my|our)\s+(?:\w+\s+){0,2}(?:predictions|forecasts|calls|picks|projections)|"
                           r"(?:predictions|forecasts)\s+(?:for|about)\s+(?:the\s+)?(?:\d{4}|\w+\s+(?:year|election|elections))|"
                           r"\d{4}\s+(?:\w+\s+)?(?:predictions|forecasts)|here\s+are\s+my|here\s+are\s+the\s+\w+\s+(?:that\s+)?(?:I|we)\s+(?:foresee|predict|expect|pick)|my\s+(?:forecast|prediction)\s+for)\b",
                           re.IGNORECASE)


_FORESEE_NONE = re.compile(r"^(?:(?:and|but|however|also|so),?\s+)?(?:(?:I|we)(?:'m|\s+am|'re|\s+are)\s+(?:[\w' -]{0,50}?\s+and\s+)?"
                           r"(?P<verb>predicting|forecasting|foreseeing|expecting)\s+no|(?:I|we)\s+(?:don't|do\s+not)\s+(?:\w+ly\s+)?"
                           r"(?P<verb2>foresee|expect|anticipate|predict)\s+any)\s+(?P<np>(?:[^,;]|,(?=\d)){3,100})$", re.IGNORECASE)
# "My money is on X", "I'm betting on X", "I'd bet on X", "Count on X", "Bet on Macron winning"
_BET_ON = re.compile(r"^(?:(?:my|our)\s+money(?:'s|\s+is)\s+on|(?:I|we)(?:'m|'re|\s+am|\s+are)\s+betting\s+on|"
                     r"(?:I|we)(?:'d|\s+would)\s+bet\s+on|count\s+on(?!\s+[^,;]{2,80}?\s+to\s+[a-z])|bet\s+on)\s+"
                     r"(?P<np>.{3,160})$", re.IGNORECASE)  # round 25: "Count on X to V" is read as "Look for X to V";
# round 27: "Bet on X to V" is X will V (chances_en)
# "No changes are expected on the monetary side", "A small rise is expected next month": an outcome expected with no one
# named is the author's call at "expected" (fixtures README); "the decision is expected on Friday" is a schedule, not this
_EXPECTED_NP = re.compile(r"^(?P<np>(?:no|little|few|an?|another|further|more|some)\s+[^,;]{1,80}?)\s+(?:is|are)\s+"
                          r"(?:also\s+|widely\s+|generally\s+|now\s+|still\s+)?expected(?P<rest>\s+(?!to\b|by\b)[^,;]{2,160})?$",
                          re.IGNORECASE)
# round 18: "Our forecast for the annual average Brent price is US$ 109 for 2022", "Our 2023 GDP forecast is 1.5%": a
# figure the author forecasts for something named
_FORECAST_IS = re.compile(r"^(?:my|our)\s+(?:(?P<what1>[\w$%' -]{3,60}?)\s+)?(?:forecast|projection)\s+"
                          r"(?:for\s+(?P<what2>(?!tomorrow\b|today\b)[^,;]{3,80}?)\s+)?is\s+(?P<value>[^,;:]*\d[^;:]*)$", re.IGNORECASE)
# round 18: "A cycle does not always bring a recession, but because the Fed is acting aggressively, we see recession
# risks rising in 2023": the author's frame heading the last clause, after whatever the sentence said before it; round 25:
# an imperative after ", and" ("The West is loaded, and look for the Chargers to win that division")
_AUTHOR_TAIL = re.compile(r",\s+(?:(?:and|so)\s+)?(?P<main>(?:I|we)\s+(?:also\s+|now\s+|still\s+)?(?:see|anticipate|forecast|"
                          r"project)\s+[^,;]{6,160}|(?:look for|watch for|expect)\s+[^,;]{2,80}?\s+to\s+[a-z][^;]{2,160})$")
_NO_WAY = re.compile(r"^there(?:'s|\s+is)\s+(?:just\s+|simply\s+)?no\s+way\s+(?:that\s+)?(?P<rest>.+)$", re.IGNORECASE)


def stance_call(body: str, in_forecasts: bool = False) -> list[Call]:
    """The author's calls in ``body`` (a sentence without its leading connectives) worded as above."""
    body = body.strip().rstrip(".!").replace(_COMMA, ",")
    if not body or sentence_speaker(body) or _HERE_ARE_THE.match(body):
        return []  # round 19: "Here are the candidates I foresee winning each primary": the list presented, no call
    likely = lookup("likely")
    found = _ODDS_AT.match(body)
    if found and 0 < int(found["n"]) <= 100:
        call = _call(claim_of(found["np"]), f"{found['n']}%", None)
        call.probability = int(found["n"]) / 100
        return [call]
    found = _FORESEE_NONE.match(re.sub(r"\s*\([^()]*\)", "", body))
    if found:  # round 19: "I'm going out on a limb and predicting no 27-inch iMac", "I don't foresee any updates to X"
        np = re.sub(r"\s*\([^()]*\)?$", "", found["np"]).strip()
        return [_call(f"There will be no {np}", (found["verb"] or found["verb2"]).lower(), lookup("likely"), True)]
    found = _BET_ON.match(body)
    if found:
        return [_call(claim_of(found["np"]), found.group()[:found.start("np")].strip().lower(), likely)]
    found = _EXPECTED_NP.match(body)
    if found:
        np = found["np"][:1].lower() + found["np"][1:]
        return [_call(f"There will be {np}{found['rest'] or ''}", "expected", lookup("expected to"),
                      np.startswith("no "))]
    found = _NO_WAY.match(body)
    if found:
        return [_call(negate_claim(_future(found["rest"])), "no way", lookup("very unlikely"), True)]
    calls = surprise_call(body) or not_expected(body) or more_forms(body, _said_ahead)  # round 27 (imperatives_en, callforms_en)
    if calls:
        return calls
    found = _CHANCE_THAT.match(body)
    if found:
        level = (found["level"] or "good").lower()
        if any(w in level for w in ("slim", "small", "low", "remote", "outside")):
            return [_call(negate_claim(_said_ahead(found["rest"])), f"a {level} chance", lookup("unlikely"), True)]
        return [_call(_said_ahead(found["rest"]), found.group()[:len(found.group()) - len(found["rest"])].strip(),
                      lookup("very likely") if level.startswith(("very", "really", "excellent")) else likely)]
    found = _LOOK_FOR.match(body)
    if found:
        return [_call(f"{found['subj']} will {found['rest']}", "expect", lookup("expected to"), cond=found["cond"] or "")]
    found = _EXPECT_NP.match(body)
    if found:
        return [_call(claim_of(found["np"]), "expect", lookup("expected to"), cond=found["cond"] or "")]
    found = _EXPECT_LIST.match(body)
    if found and not _NOT_A_LIST.search(found["np"]):
        return [_call(claim_of(found["np"]), "expect", lookup("expected to"))]
    denied = denied_certainty(body) or thing_to_expect(body) or ranked_outcome(body)
    if denied:  # round 24: "A recession is not inevitable" (may not come), "The first thing to expect is X" (certainty_en)
        return [denied]
    found = _CERTAIN_NP.match(body)
    if found:
        np = found["np"][:1].lower() + found["np"][1:]
        said = re.sub(r"^(?:is|looks|seems|appears)\s+(?:now\s+|already\s+)?", "", found.group()[found.end("np"):].strip())
        return [_call(claim_of(np), said, lookup("almost certain" if found["almost"]
                                                                                     else "certain"))]
    found = _SEE.match(body) or _SEE.match(_SEE_TAIL.sub("", body))  # round 19: "…, and I see this trend continuing"
    if found and found["verb"] not in ("being", "nothing", "something", "anything"):
        return [_call(f"{found['subj']} will {base_of(found['verb'])}{found['rest']}", "I see", likely)]
    found = _FORECAST_IS.match(body)
    if found and (found["what2"] or found["what1"]) and not re.match(r"(?:is|was)\b", found["value"]):
        what = found["what2"] or found["what1"]
        what = what if re.match(r"(?:the|a|an)\s", what, re.IGNORECASE) else f"the {what}"
        return [_call(f"{what[:1].upper()}{what[1:]} will be {found['value']}", "our forecast is", likely)]
    found = _FRAME.match(body)
    if found and len(found["rest"].split()) >= 2:
        hedge_text = found.group()[:found.start("rest")].strip(" :").lower()
        return [_call(_future(found["rest"], True), hedge_text, lookup("predict") or likely)]
    tail = _AUTHOR_TAIL.search(body)
    if tail and tail.start() > 0:
        return stance_call(tail["main"], in_forecasts)
    if in_forecasts and not SAME_AS_BEFORE.match(body):
        return _listed(body) or _seat_line(body)
    return []


def _seat_line(body: str) -> list[Call]:
    """"Tories 280, Labour 270": parties and their numbers, the whole sentence."""
    seats = _SEATS.match(body)
    if not seats:
        return []
    parts = []
    for i in (1, 2, 3):
        if seats[f"name{i}"]:
            unit = seats[f"unit{i}"] or ""
            parts.append(f"{seats[f'name{i}']} will win {seats[f'n{i}']}{'' if unit.startswith('%') else ' '}{unit}".strip())
    return [_call(", ".join(parts), "a listed prediction", lookup("my prediction is") or lookup("likely"))]


def surprise_call(body: str) -> list[Call]:
    """"I wouldn't be surprised if X", "Don't be shocked if X turns out…, even if…": litotes, the author's "X may"
    (round 17: the bare present said as "will", a concession after it left out)."""
    found = _SURPRISE.match(body.strip().rstrip(".!"))
    if not found:
        return []
    rest = re.sub(r",\s+even\s+(?:if|though|when)\b.*$", "", found["rest"])
    rest = rest[:1].upper() + rest[1:]
    return [_call(unsurprising_past(rest) or _present_as_future(rest) or _future(rest), "wouldn't be surprised",
                  lookup("possible") or lookup("may"))]


def listed_call(head: str) -> list[Call]:
    """The verbless call of a labelled list item's first clause ("Manitoba: also an NDP majority, but …")."""
    head = head.strip().rstrip(".!")
    return _listed(head) if _LABEL.match(head) and not _BARE.match(_LABEL.match(head)["rest"]) else []


_HERE_ARE_THE = re.compile(r"^(?:\w+(?:\s+\w+){0,6},\s+)?here\s+(?:are|is)\s+(?:the|my|our)\b", re.IGNORECASE)
_PRESENTING = re.compile(r"^(?:here|there)\s+(?:(?:we|they|you|it|I)\s+(?:go|are|is|have|come)|(?:is|are|goes|go|comes?)\b)",
                         re.IGNORECASE)


def listed_item(body: str) -> list[Call]:
    """A sentence of a list item of an article of predictions ("1. The stock market surges in the second half",
    "SNP 45 seats", "Result - a Conservative majority of 144"): the author's call, read as "likely"."""
    body = body.strip().rstrip(".!").replace(_COMMA, ",")
    if not body or body.endswith("?") or sentence_speaker(body) or SAME_AS_BEFORE.match(body):
        return []
    if _PRESENTING.match(body):
        return []  # round 17: "Here we go", "Here they are, in no particular order": the list presented, no call
    hedge = lookup("my prediction is") or lookup("likely")
    found = _seat_line(body) or _listed(body)
    if found:
        return found
    if re.match(r"^(?:I|we|my|our|me|us|this|that|it|there|whether|what|how|why|who)\b", body, re.IGNORECASE):
        return []  # "Whether they are accurate matters less": a question told, not an item's call
    body = re.sub(r"\s*\([^()]*\)", "", body)  # "(even if it did)": an aside
    front = _FRONT.match(body) or _FRONT_BARE.match(body)
    condition = ""
    if front:
        condition = front["front"] if re.match(r"(?:barring|if|unless|once|with)\b", front["front"], re.IGNORECASE) else ""
        body = body[front.end():]
    out = []
    for part in re.split(r",\s+(?:and|but|while)\s+|;\s+|\s+and\s+(?=(?:the|a|an)\s)", body):
        if _LIST_PAST.search(re.split(r"\bthat\b", part)[0]):
            continue  # "X won last time", "the world agrees that Russia did not lose": the past is only its complement's
        claim = _present_as_future(part.strip(), lowercase=bool(front) or part is not body)
        if claim:
            out.append(_call(claim, "a listed prediction", hedge, cond=condition))
    return out


def _present_as_future(clause: str, lowercase: bool = False) -> str:
    """"The stock market surges in H2" -> "The stock market will surge in H2"; "X is Y" -> "X will be Y"; "" if
    the clause is not a subject and a present verb."""
    words = clause.split()
    if len(words) < 3 or re.search(r"\b(?:will|won't|would|could|may|might|should|can|must)\b", clause, re.IGNORECASE):
        return ""
    if not re.match(r"^(?:the|a|an|both|all|most|[A-Z0-9])", clause) and not (lowercase and re.match(r"^[a-z]", clause)):
        return ""
    for i, word in enumerate(words[1:8], start=1):
        w = word.lower().strip(",;:")
        base = ""
        if w in ("is", "are"):
            if under_way(" ".join(words[i + 1:])):
                return ""  # round 27: "Semiconductors are becoming the new gold": under way now (wording_en)
            base = "be"
        elif w in _VERBS and not words[i - 1].lower() in ("the", "a", "an", "to"):
            base = w
        elif w.endswith("ies") and w[:-3] + "y" in _VERBS:
            base = w[:-3] + "y"
        elif w.endswith("es") and w[:-2] in _VERBS:
            base = w[:-2]
        elif w.endswith("s") and w[:-1] in _VERBS:
            base = w[:-1]
        elif i >= 3 and words[i - 2].lower() == "and" and words[i - 1][:1].isupper() and re.fullmatch(r"[a-z]{3,}", w) \
                and w not in ("and", "the", "for", "with", "from", "into", "over", "who", "which", "that"):
            base = w  # "Twitter and Musk part ways": two subjects, a verb in the base form
        if base:
            if any(x.lower() in ("who", "which", "that") for x in words[:i]):
                return ""
            return " ".join(words[:i] + ["will", base] + words[i + 1:])
    return ""


def _listed(body: str) -> list[Call]:
    """A list item of an article of predictions: a label and a verbless call, or a bare present."""
    label = _LABEL.match(body)
    rest = label["rest"] if label else body
    rest = re.sub(r"^(?:also|again|and|but|then|probably|likely)\s+", "", rest, flags=re.IGNORECASE)
    hedge = lookup("my prediction is") or lookup("likely")
    if label and re.match(r"^(?:an?|another|the)\s", rest, re.IGNORECASE) and _OUTCOME_NOUN.search(rest.split(",")[0]):
        head = rest.split(",")[0] if not re.search(r",\s+with\b", rest) else rest
        head = head[:1].lower() + head[1:]
        where = "" if _GENERIC_LABEL.match(label["label"]) else f" in {label['label']}"
        return [_call(f"There will be {head}{where}", "a listed prediction", hedge)]
    if label and not _GENERIC_LABEL.match(label["label"]) and _PICK.match(rest):
        return [_call(f"{rest} will win {label['label']}", "a listed prediction", hedge)]  # round 19: "Ohio: Kasich"
    found = _BARE.match(rest)
    if found and not _PAST.search(rest) and not rest.rstrip().endswith("?"):
        verb = found["verb"]
        base = "pick up" if verb == "picks up" else base_of_present(verb)
        return [_call(f"{found['subj']} will {base}{found['rest']}", "a listed prediction", hedge)]
    return []


def _said_ahead(clause: str) -> str:
    """A bare present clause said with "will" ("the bubble bursts" -> "the bubble will burst"), else as it was."""
    clause = clause.strip(" .")
    said = _present_as_future(clause[:1].upper() + clause[1:]) or _future(clause)
    found = re.match(r"^(?P<subj>(?:the |a |an )?[\w'-]+(?: [\w'-]+){0,2}?) (?P<verb>[a-z]{3,}s)\b(?P<rest>.*)$", said)
    return f"{found['subj']} will {base_of_present(found['verb'])}{found['rest']}" if found and said == clause else said


def _future(clause: str, noun_phrase: bool = False) -> str:
    """A bare present call said as "will": "the Fed hikes by 25bp" -> "the Fed will hike by 25bp"; a noun
    phrase ("a mild recession in 2023") as "There will be …" when ``noun_phrase``."""
    if re.search(r"\b(?:will|won't|would|could|may|might|should|is|are|be|was|were)\b", clause, re.IGNORECASE):
        return clause
    if noun_phrase and re.match(r"^(?:an?|another|more|further|no|some)\s", clause, re.IGNORECASE) or (
            noun_phrase and not re.search(r"\b\w+(?<!s)s\b|\b(?:win|lose|hold|keep|take|get|stay|remain|fall|rise|go)\b",
                                          clause)):
        lower = re.match(r"^(?:An?|Another|More|Further|No|Some|The)\b", clause)  # "A mild recession": "a mild recession"
        return f"There will be {clause[:1].lower() + clause[1:] if lower else clause}"
    found = _BARE.match(clause[:1].upper() + clause[1:])
    if found:
        verb = found["verb"]
        base = "pick up" if verb == "picks up" else base_of_present(verb)
        return f"{found['subj']} will {base}{found['rest']}"
    return clause


def _call(claim: str, hedge_text: str, hedge, negated: bool = False, cond: str = "") -> Call:
    probability = hedge.probability if hedge is not None else 0.5
    return Call(claim=finish(claim), hedge_text=hedge_text, hedge=hedge, probability=probability,
                negated=negated or bool(hedge and hedge.negates), condition=cond, start=0, end=0)


# round 19: "GOP: Donald Trump carries Florida, Illinois and North Carolina." a labelled line of a list of picks
_LABELLED_LINE = re.compile(r"^[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2}:\s+\S")


def is_listed(paragraph: str) -> bool:
    """An item of a list: numbered or bulleted, a short line of its own, or a labelled line of at most 14 words."""
    return bool(re.match(r"^\s*(?:\d+[.)]|[-*•·])\s", paragraph)) or len(paragraph.split()) <= 8 or \
        bool(_LABELLED_LINE.match(paragraph) and len(paragraph.split()) <= 14)
