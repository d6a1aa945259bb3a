"""English schedules: what a calendar or a preview says will happen, read by the grammar of its predicate.

A schedule is told in a few ways, none of them a forecast of the author's:

- "X is to publish …", "X are to be released" (the infinitive of arrangement);
- "Y to speak", "Fed Chair Powell and FOMC members to speak" (a headline: a subject and "to" + verb, no
  finite verb before it);
- "Z due", "due out on Friday", "is scheduled to …", "is slated to …";
- "is set to / is expected to / will" + a verb of the calendar ("publish", "release", "report", "speak",
  "testify", "meet", "mark" …);
- the present tense of such a verb ("the ECB meets on Thursday", "the BOJ follows", "Friday night also brings
  the US CPI"), which is a schedule only in a text that looks ahead (a week's preview).

:func:`clauses` gives the scheduled clauses of a line (two in "The euro zone is to publish X, and the ECB is
to publish Y"); :func:`coming_week` the Monday of the week a preview article looks at; :func:`ahead_of`
moves a bare weekday told with a schedule predicate to the coming week.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import replace

from tracker.domain.dates import PDate
from tracker.ingest.mentions import DateMention

_ACT = (r"(?:publish|release|report|announce|speak|testify|meet|hold|present|deliver|unveil|decide|vote|issue|host|"
        r"mark|update|sign|visit|open|start|begin|launch|auction|reveal|post|address|chair|convene|rule|hear|debate|"
        r"give|come|follow|bring|take place|hand down|set out|lay out|make an appearance|appear)")
_REPORT = r"(?:publish|release|report|announce|speak|testify|unveil|issue|deliver|present|meet|vote|decide|convene)"
_ACT_S = (r"(?:publishes|releases|reports|announces|speaks|testifies|meets|holds|presents|delivers|unveils|decides|"
          r"votes|issues|hosts|marks|opens|starts|begins|launches|comes|follows|brings|takes place|convenes|rules|kicks off)")
_BE = r"(?:is|are|'s|'re)\s+(?:also\s+|then\s+|both\s+)?"
_SCHEDULE = re.compile(
    r"\b(?:" + _BE + r"to\s+(?:be\s+)?[a-z]+"                                    # "is to publish", "are to be released"
    r"|" + _BE + r"(?:scheduled|due|slated)\b"                                   # "is due out", "is scheduled to"
    r"|" + _BE + r"(?:set|expected|poised)\s+to\s+(?:be\s+)?" + _REPORT + r"\w*"   # "is expected to publish"
    r"|will\s+(?:also\s+|then\s+)?(?:be\s+)?(?:" + _ACT + r"\w*|(?:releas|decid|vot|issu|giv|rul|debat|updat|"
    r"conven)ing)"                                                                # "will testify", "will be releasing"
    r"|due\s+(?:out|on|at|for|in)\b"                                              # "the PCE data, due out on Friday"
    r")", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:also\s+)?(?:" + _ACT_S + r"|publish|release|report|meet|follow|come|arrive|start|begin|open)\b",
                      re.IGNORECASE)  # "the ECB meets", "inflation data follow": present tense, read as a schedule in a preview
_CONTROL = re.compile(r"\b(?:want|wants|need|needs|plan|plans|hope|hopes|seem|seems|try|tries|like|likes|intend|intends|"
                      r"aim|aims|refuse|refuses|decline|declines|agree|agrees|prepare|prepares|fail|fails|wish|wishes|"
                      r"have|has|ought|used|going|able|unable|likely|unlikely)\s*$", re.IGNORECASE)  # "officials want to speak"
_FINITE = re.compile(r"\b(?:is|are|was|were|will|would|has|have|had|did|does|can|could|may|might|should|must|\w{3,}ed)\b",
                     re.IGNORECASE)
_HEADLINE = re.compile(r"^(?P<subject>[A-Z][^;:.]*?)\s+to\s+" + _ACT + r"\b")
_GONE = re.compile(r"\b(?:was|were|had|did|ago|said|fell|rose|came|went|saw|took|made|met|held|spoke|"
                   r"(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bare )"
                   r"(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bour )(?<!\bhis )(?<!\bher )"  # "the annualized forecast": an adjective
                   r"(?!(?:expected|scheduled|slated|planned|projected|forecast|followed|based|united|"
                   r"advanced|limited|related|supposed|needed|aimed)\b)\w{3,}ed)\b", re.IGNORECASE)
_SPLIT = re.compile(r";\s+|,\s+(?:and|while|whereas|but)\s+|\s+and\s+(?=[^,;]*?\b(?:is|are|will)\s+(?:\w+\s+)?to\b)")
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z.&' -]{1,30}):\s+(?P<rest>\S.*)$")  # "United Kingdom: labour market data"


_CLOCK = re.compile(r"^(?:at\s+)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midday|midnight)\b[,\s]*",
                    re.IGNORECASE)
_OCCASION = re.compile(r"\b(?:will be|is|are)\b[^,;]*\b(?:decision|meeting|release|report|data|figures|minutes|speech|"
                       r"auction|vote|testimony|press conference)\b", re.IGNORECASE)


def is_schedule(clause: str, ahead: bool = False) -> bool:
    """Whether a clause tells a scheduled act by its predicate; the bare present counts when ``ahead`` (a
    preview, a day heading above it)."""
    if _GONE.search(clause):
        return False
    if _SCHEDULE.search(clause):
        return True
    headline = _HEADLINE.match(clause.strip())
    if headline and not _FINITE.search(headline["subject"]) and not _CONTROL.search(headline["subject"]):
        return True
    # under a day heading: a line led by a clock time ("At 8:30 AM, …"), the present, an occasion named
    return ahead and bool(_PRESENT.search(clause) or _CLOCK.match(clause.strip()) or _OCCASION.search(clause))


def clauses(sentence: str, ahead: bool = False) -> list[str]:
    """The scheduled clauses of a line, each as a title ("The euro zone is to publish reports on private-sector
    activity", "the ECB is to publish its meeting minutes later in the day"); none if it tells none."""
    text = sentence.strip().rstrip(".!")
    label = _LABEL.match(text)
    body = label["rest"] if label else text
    clock = _CLOCK.match(body)
    body = body[clock.end():] if clock and ahead else body  # "At 8:30 AM, retail sales are expected to…"
    parts = [p.strip(" ,") for p in _SPLIT.split(body) if p.strip(" ,")]
    found = [p for p in parts if is_schedule(p, ahead) or (clock and ahead)]
    if len(found) > 1 and not all(re.search(r"[A-Za-z]{3,}\s+\S+\s+\S+", p) for p in found):
        found = [body]  # fragments of one subject: one act
    if label and found:
        found = [f"{label['label']}: {f}" for f in found]
    return [f[:1].upper() + f[1:] for f in found]


_ASIDE = re.compile(r"(?:watch|note|notes|nb|tip|update|source|comment|why|what|focus|also|see|risk|risks|summary|"
                    r"bottom line|verdict|key|trade|idea)$", re.IGNORECASE)  # "Watch: GBP crosses": a remark, no region


def labelled_item(sentence: str) -> str | None:
    """A calendar line "United Kingdom: labour market data (January-February)" under a day heading: a region and
    what it releases; its title is the whole line (None for prose)."""
    label = _LABEL.match(sentence.strip())
    if not label or len(label["label"].split()) > 3 or _FINITE.search(label["rest"].split(".")[0]) or \
            _ASIDE.match(label["label"]):
        return None
    return sentence.strip().rstrip(".")


# "Across the pond, the Fed is expected to raise rates…" under a day heading: the day's decision, forecast
_EXPECTED_OUTCOME = re.compile(r"^(?:[^,]{1,40},\s+)?(?P<subj>(?:[Tt]he\s+)?(?!(?:The|This|That|It|These|Those)\b)[A-Z][\w.&'-]*(?:\s+[\w.&'-]+){0,5}?)\s+(?:is|are)\s+"
                               r"(?:\w+\s+)?(?:expected|forecast|projected|set|poised)\s+to\s+(?P<vp>[a-z]+(?:\s+[\w%.-]+){0,4})")


def expected_outcome(sentence: str) -> str | None:
    """The title of a named body's outcome forecast for the day of the heading above ("Fed to raise interest rates")."""
    m = _EXPECTED_OUTCOME.match(sentence.strip())
    if not m:
        return None
    vp = re.sub(r"(?:\s+(?:the|a|an|for|to|of|in|on|at|by|with|and|or|from|than|its|their|his|her))+$", "", m["vp"])
    title = f"{m['subj']} to {vp}"  # "the Fed to raise interest rates (for the)": no function word left hanging
    return title[:1].upper() + title[1:]


_NEXT_WEEK = re.compile(r"\bnext\s+week\b", re.IGNORECASE)
_PREVIEW = re.compile(r"\b(?:week\s+ahead|(?:the\s+)?(?:coming|next|upcoming)\s+week|week\s+to\s+come|"
                      r"(?:economic\s+)?calendar|preview|what\s+to\s+watch|this\s+week's)\b", re.IGNORECASE)
_THIS_WEEK = re.compile(r"\bthis\s+week\b", re.IGNORECASE)
_ISO_WEEK = re.compile(r"\b(?:calendar\s+week|CW|KW|week)\s*(?P<w>\d{1,2})\b(?:,?\s*(?P<y>(?:19|20)\d{2}))?", re.IGNORECASE)


def coming_week(title: str, opening: str, ref: PDate | None) -> _dt.date | None:
    """The Monday of the week a preview article looks at: the ISO week its title names ("Calendar Week 43,
    2021"), or, for a preview ("week ahead", "in the coming week", "calendar", or "this week" told without
    a past tense in its opening), the week of the article's day, the next one when it is written at a weekend.
    None for other articles."""
    if ref is None or ref.day is None:
        return None
    day = ref.first_day()
    iso = _ISO_WEEK.search(title or "")
    if iso and 1 <= int(iso["w"]) <= 53:
        year = int(iso["y"]) if iso["y"] else ref.year
        try:
            monday = _dt.date.fromisocalendar(year, int(iso["w"]), 1)
        except ValueError:
            monday = None
        if monday is not None and abs((monday - day).days) <= 10:
            return monday
    first = re.split(r"(?<=[.!?])\s+", opening.strip(), maxsplit=1)[0] if opening else ""
    looks = _PREVIEW.search(title or "") or _PREVIEW.search(first) or (
        _THIS_WEEK.search(first) and not _GONE.search(first) and day.weekday() >= 5)
    if not looks:
        return None
    # written late in a week (or saying "next week") a preview looks at the next one; early in it, at its own
    late = day.weekday() >= 3 or bool(_NEXT_WEEK.search(title or "") or _NEXT_WEEK.search(first))
    return day + _dt.timedelta(days=7 - day.weekday()) if late else day - _dt.timedelta(days=day.weekday())


_NOW = re.compile(r"\b(?:is|are|will|'ll|shall|going to|expected|due|scheduled)\b|\?\s*$", re.IGNORECASE)
_WEEKDAY = re.compile(r"^(?:on\s+)?\(?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu|"
                      r"Thurs?|Fri|Sat|Sun)\.?\)?(?:'s)?(?:\s+(?:morning|afternoon|evening|night|nights))?$", re.IGNORECASE)
_DAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6, "mon": 0,
         "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6}


def ahead_of(sentence: str, mentions: list[DateMention], ref: PDate | None, monday: _dt.date | None) -> list[DateMention]:
    """Bare weekdays of a sentence that tells no past: in the week a preview looks at (``monday``) or, told
    with a schedule predicate ("The BOC decision is due on Wednesday"), the coming one, not the one gone by."""
    if ref is None or ref.day is None or _GONE.search(sentence):
        return mentions
    scheduled = is_schedule(sentence, ahead=monday is not None)
    heading = len(sentence.split()) <= 5 and not _FINITE.search(sentence)  # "Tuesday" over the day's lines
    if not scheduled and (monday is None or not (_NOW.search(sentence) or heading)):
        return mentions  # "On Friday, the CME FedWatch tool … put the odds at 98.4%": no tense ahead, no move
    out = []
    for mention in mentions:
        m = _WEEKDAY.match(mention.text.strip())
        if m and mention.date.day:
            wd = _DAYS[m["wd"].lower()]
            if monday is not None:  # the first such day of the week looked at, its weekend before it included
                start = min(monday, ref.first_day() + _dt.timedelta(days=1))
                day = start + _dt.timedelta(days=(wd - start.weekday()) % 7)
            else:
                day = ref.first_day() + _dt.timedelta(days=(wd - ref.first_day().weekday()) % 7)
            mention = replace(mention, date=PDate.from_date(day))
        out.append(mention)
    return out


_NOUN_BEFORE = re.compile(r"\b(?:meeting|summit|vote|election|decision|talks|conference|hearing|session|release|"
                          r"announcement|testimony|speech|auction|referendum|debate)\s+(?:on|at|this|next|due)?\s*$",
                          re.IGNORECASE)


def named_occasion(sentence: str, mention: DateMention) -> bool:
    """"the European Commission's meeting on Thursday", "at its meeting this week": a scheduled occasion named
    with its date is an event even in a sentence that hedges something else."""
    return bool(_NOUN_BEFORE.search(sentence[:mention.start])) or (  # round 17: "the jobs report on Friday"
        mention.date.day is not None and bool(re.search(r"\breport\s+(?:on\s+)?$", sentence[:mention.start])))
