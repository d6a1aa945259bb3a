"""The tense that places a date without a year: the clause around it ("in July" in a past-tense clause is the last
July, in one that looks ahead the next), read apart from the rest of the sentence.

A clause ends at a comma, a semicolon, "and"/"but"/"while" and, round 15, at "that"/"whether" (the complement or relative
clause has its own tense: "Paul Waugh suggested that Brown could go for 22 April" looks ahead); a clause with no verb
of its own after "and", and a participle after a noun ("its next meeting, held on
February 12") take the tense of the clause before.
"""

from __future__ import annotations

import re

# round 30: "may" only in lower case: the month "May" ("Kiev lost Bakhmut in May, and Avdiivka fell in October") is no
# modal (October was read ahead, 2024)
FUTURE = re.compile(r"予定|見込み|だろう|予想|見通し|向け|迫る|される見|可能性|かもしれない|考えられる|"
                    r"\bprobable\b|\blikely\b|(?-i:\bmay\b)|\bmight\b|\bcould\b|\bwill\b|'ll\b|\bscheduled\b|"
                    r"\bexpected\b|\bset to\b|\bupcoming\b|\bplans? to\b|\bdue\b|\bshould\b|\bgoing to\b|"
                    r"\bcoming\b|\bnext\b|\bmeets\b|\bbegins\b|\bstarts\b|\bopens\b|\blaunches\b|\bdebuts\b|\bpremieres\b|\bkicks off\b|"
                    r"\btakes effect\b|\bexpires\b|\bis to\b|\bare to\b|\bplanned\b|"
                    # round 25: the plural of a schedule's present ("The Saints begin their season … on Sunday") and a
                    # fixture's ("hosts", "face", "visit", "travel to"), a session's ("resume", "reconvene", "go to the
                    # polls", "get under way", "wrap up"): a weekday they name is the coming one
                    r"\b(?:meet|begin|start|open|launch|debut|premiere|kick off|take effect|expire|convene|come out)\b|"
                    r"\b(?:host|face|visit|resume|reconvene|conclude)s?\b|\b(?:return|travel|head)s?\s+to\b|\btakes?\s+on\b|"
                    r"\bgo(?:es)?\s+to\s+the\s+polls\b|\bgets?\s+under\s?way\b|\bholds?\s+talks\b|\bsits?\s+down\b|\bwraps?\s+up\b|"
                    # round 26: what a calendar holds, told in the present ("Yokohama holds a mayoral election on August 22",
                    # "the country goes to the polls in October")
                    r"\bholds\b|\bgoes\s+to\b|"
                    # round 30: a schedule told with the copula ("The vote is on Friday", "The final is on Sunday"):
                    # the coming day
                    r"\b(?:is|are)\s+(?=on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|(?:on\s*)?[.,;!]?\s*$)|"
                    r"\bslated\b|\bset for\b|\b(?:is|are)\s+set\b|\bexpects?\b|\bcomes? out\b|\b(?:is|are) (?:released|published|due|out)\b|"
                    r"\breleases\b|\bpublishes\b|\bdecides\b|\bvotes\b|\bconvenes\b|\bahead of\b|\bin the run-up to\b|"
                    # round 15: "that Brown would call an election for 25th March" (ahead of the saying), "probably in
                    # March", "is giving evidence in March" (an arrangement), "if he calls it for 25 March"
                    r"\bwould\b(?!\s+(?:not\s+)?have\b)|\bprobably\b|\bif\b|"
                    r"\bsuggests?\b|\bpropos(?:e|es)\b|\bgo(?:es)? for\b|\bopts? for\b|"  # a date chosen: "suggests 8 April"
                    r"\b(?:is|are|am)\s+(?:\w+ly\s+)?(?!(?:nothing|something|anything|everything|during)\b)\w{2,}ing\b|"
                    r"\bto be\s+(?:held|staged|hosted|convened|signed|\w{2,}ed)\b",  # round 26: "the summit, to be held on 15 November"
                    re.IGNORECASE)
# Words in "-ed" that are no past tense (round 17: "the Fed at its September meeting" told nothing gone by)
NOT_PAST_ED = (r"(?!(?:fed|need|seed|speed|feed|proceed|exceed|succeed|indeed|bed|red|shed|hundred|ted|breed|greed|"
               r"heed|weed|deed|bleed|embed|sacred|naked|wicked|kindred)\b)")
# Round 23: a participle after a determiner or a possessive describes a noun ("2022's revived box office", "the revised
# figures", "its delayed launch"): no past tense of the clause.
ATTRIBUTIVE = "".join(rf"(?<!\b{w} )" for w in ("the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this",
                                               "these", "those")) + r"(?<!'s )(?<!’s )"
# Round 30: the simple past of irregular verbs, which "\w+ed" misses, as one alternation (round 31 keeps their bases: IRREGULAR_PAST)
IRREGULAR_PAST_TOLD = (r"(?:came|fell|rose|lost|won|took|went|made|gave|got|led|broke|fought|sent|sold|bought|built|grew|became|"
                  r"struck|sank|drew|wrote|spoke|chose|ran|stood|brought|caught|felt|kept|paid|flew|fled|froze|shook|stole|"
                  r"swore|tore|threw|woke|wore|withdrew|overthrew|undertook|overtook|sought|taught|left(?!-| wing| behind\b))")
# A clause that tells of the past: a month it names is the last one, whatever modal it also has.
# Round 25: a participle after a hyphen is half of a compound adjective ('the APNU-led coalition', 'a US-backed
# plan', 'state-owned'): no past tense of the clause.
PAST = re.compile(r"\b(?:was|were|had|did|ago|earlier|last|previously|already|since|said|announced|took place|"
                  # round 29: a move told from a month ("retrace the decline from the end of November", "the rebound
                  # from March", "recovering from October"): the month is behind, whatever tense the clause has
                  r"(?:decline|drop|fall|slide|slump|retreat|sell-?off|rebound|recovery|rally|recovering|rebounding)"
                  r"(?=\s+from\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?(?-i:[A-Z])|\s+from(?:\s{2,}|\s*[.,;:]|\s*$)|"
                  r"\s+from\s+the\s+(?:end|start|beginning|middle)\b|"
                  r"\s{2,}|\s*[.,;:]|\s*$)|"
                  r"(?<!\bbe )(?:held|met|signed|visited|declared|claimed|reported|warned|told)|happened|began|ended|agreed|"
                  # round 30: the simple past of irregular verbs ("Avdiivka came under attack this autumn", "Kiev lost
                  # Bakhmut in May, and Avdiivka fell in October"); not a participle after "be" ("will be sold in May")
                  r"(?<!\bbe )(?<!\bbeing )(?<!-)" + ATTRIBUTIVE + IRREGULAR_PAST_TOLD + "|"
                  r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeen )(?<!-)" + ATTRIBUTIVE + NOT_PAST_ED + r"\w+ed)\b(?! (?:to|for|by)\b)",
                  re.IGNORECASE)
# The words just before a date that name it as ahead: "the expected date of 6th May", "the scheduled day for"
AHEAD_BEFORE = re.compile(r"\b(?:the\s+)?(?:expected|scheduled|planned|upcoming|likely|projected|mooted|rumoured|rumored)\s+"
                          r"(?:\w+\s+)?(?:date|day|deadline|polling day|election)\s+(?:of|for|on)\s*$", re.IGNORECASE)

CLAUSE_BREAK = re.compile(r"[、。;:]|,(?!\d{3}\b)|\s(?:and|but|while|whereas)\s|\s(?=whether\s)|\s(?=when\s+(?:he|she|it|they|we|I|you)\s)|\s(?=that\s+(?!(?:day|week|month|year|"
                          r"weekend|morning|night|time|summer|spring|autumn|fall|winter)\b))|"
                          # round 29: a clause of its own after "as" with a present verb ("…may cut output as US
                          # production hits a record high in November"): its own tense places its date
                          r"\s(?=as\s+(?:[\w+'-]+\s+){1,6}?(?:hits|suggests?|shows|insists|remains|stands|sits|trades)\b)")


def clause(text: str, start: int, end: int) -> str:
    """The clause around a date: the tense that places "in March" is its own clause's."""
    breaks = [0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]
    left = max(b for b in breaks if b <= start)
    stops = [m.start() for m in CLAUSE_BREAK.finditer(text) if m.start() >= end]
    right = min(stops or [len(text)])
    if len(text[left:right].split()) <= 4 and len(stops) > 0:  # "On December 5, X will…": the main clause's tense
        right = min(stops[1:] or [len(text)])
    if left > 0 and text[left - 1] == "," and REDUCED.match(text[left:start]):
        left = max(b for b in breaks if b < left - 1)  # "ahead of its next meeting, held on February 12": its tense
    while left > 0 and re.match(r"\s*and\s", text[left - 5:left]) and not VERB.search(text[left:right]):
        left = max(b for b in breaks if b < left - 4)  # "ahead of polls in Kenya and Angola in August": one clause
    return _list_item(text, breaks, left, right, start, end)


def _list_item(text: str, breaks: list[int], left: int, right: int, start: int, end: int) -> str:
    """Round 26: a clause with no tense of its own, an item of a list ("Elmau will prepare the ground for the summit in
    Madrid on June 28, the G20 summit in Bali on November 15-16, …", "The G20 summit on November 15-16 and the
    conference on December 5-17 will follow"), takes the tense of the clause before it over commas and "and", else of
    the one after it; not over a semicolon, a colon or a subordinate clause's "that"/"whether"/"when"."""
    masked = text[:start] + " " * (end - start) + text[end:]  # the date itself ("May 5") tells no tense

    def tensed(a: int, b: int) -> bool:
        return bool(FUTURE.search(masked[a:b]) or PAST.search(masked[a:b]))

    if tensed(left, right) or _OWN_VERB.search(masked[left:right]):
        return text[left:right]
    first = left
    while first > 0 and re.search(r"(?:,|\sand)\s*$", text[max(0, first - 5):first]) and not tensed(first, left):
        first = max(b for b in breaks if b < first - 1)
    if tensed(first, left):
        return text[first:right]
    last = right
    while last < len(text) and re.match(r"\s*(?:,|and\s)", text[last:last + 5]) and not tensed(right, last):
        last = min([b.start() for b in CLAUSE_BREAK.finditer(text) if b.start() > last + 1] or [len(text)])
    return text[left:last] if tensed(right, last) else text[left:right]


REDUCED = re.compile(r"\s*(?:held|set|slated|scheduled|planned|due|called|convened|fixed|timed|penciled|pencilled)\s+"
                     r"(?:(?:for|on|in|at|to\s+(?:be|take\s+place))\s+)?$", re.IGNORECASE)  # a participle after a noun
VERB = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|\w+ed|\w{3,}s)\b")  # a clause with a verb of its own
# a verb of the clause's own for :func:`_list_item`: not a participle before "by" ("hosted by"), nor a noun in "-ss"
# ("the congress", "progress") or one after a determiner ("the talks"), nor a word in "-ed" that is no verb (round 27:
# "the ECB meets on 27 October and the Fed on 2 November": "Fed")
_OWN_VERB = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|" + NOT_PAST_ED + r"\w+ed(?! by\b)|"
                       r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bthis )(?<!\bthese )\w{2,}[a-rt-z]s)\b",
                       re.IGNORECASE)

# round 31: a question asked in the past tense ("…, was Trump an opposing figure at the time of his victory in 2016?",
# "Why did the euro fall in March 2020?"): what it asks about happened; its past date is a told event
# (eventdates_en.past_in_question)
PAST_QUESTION = re.compile(r"(?:^|[,;:]\s*(?:or\s+|and\s+)?|\b(?:why|how|when|where|what|who|which)\s+)(?:was|were|did|had)\s+"
                           r"(?!(?:\w+\s+){0,3}(?:ever|yet)\b)", re.IGNORECASE)

# Past forms that do not end in -ed with their base (surprises_en: the verb of a condition, "if we saw", "if he won";
# eventtext: a past told with a date, "the war broke out this summer")
IRREGULAR_PAST = {"saw": "see", "won": "win", "got": "get", "went": "go", "made": "make", "took": "take", "came": "come",
              "lost": "lose", "held": "hold", "fell": "fall", "rose": "rise", "left": "leave", "had": "have", "did": "do",
              "became": "become", "gave": "give", "kept": "keep", "ran": "run", "sold": "sell", "found": "find",
              "beat": "beat", "cut": "cut", "hit": "hit", "put": "put", "set": "set", "let": "let", "quit": "quit",
              "split": "split", "spread": "spread", "struck": "strike", "drew": "draw", "grew": "grow", "threw": "throw",
              "broke": "break", "chose": "choose", "spoke": "speak", "stood": "stand", "brought": "bring",
              "bought": "buy", "thought": "think", "fought": "fight", "caught": "catch", "taught": "teach", "sent": "send",
              "spent": "spend", "built": "build", "paid": "pay", "said": "say", "told": "tell", "met": "meet",
              "led": "lead", "read": "read", "shut": "shut", "slid": "slide", "sank": "sink", "shrank": "shrink",
              "swung": "swing", "wound": "wind", "were": "be", "was": "be"}

# round 31: those that are no past in most sentences ("cut", "set", "let", "read" are presents too; "left", "found",
# "saw", "rose", "wound", "lost" are words of other kinds): a past told with a date (eventtext) is read without them
PAST_TOLD = re.compile(r"\b(?:" + "|".join(sorted(set(IRREGULAR_PAST) - {
    "beat", "cut", "hit", "put", "set", "let", "quit", "split", "spread", "read", "shut", "left", "found", "saw", "rose",
    "wound", "lost", "were", "was", "had", "did", "said", "held", "met"})) + r")\b", re.IGNORECASE)
# round 31: a date a purpose or a plan is for, at the end of the clause before it ("made upgrades in order to contend",
# "hoped to win" before "this year"): the clause's past tells nothing done then (eventdates_en.told_this_year)
AIMED = re.compile(r"\b(?:in\s+order|so\s+as|plans?|planned|aims?|aimed|hopes?|hoped|wants?|wanted|seeks?|sought|needs?|"
                   r"needed|tries|tried|trying|intends?|intended|ready|able)\s+to\s+[a-z]+(?:\s+[\w'-]+){0,3}\s*$",
                   re.IGNORECASE)
