"""Which sentence with a date tells an event, and the event's title: what happened, without the
date phrase (the words around the date that only place it in time go with it)."""

from __future__ import annotations

import re

from tracker.domain.dates import PDate
from tracker.ingest import eventdates_en, hindsight_en, predfind_ja, schedules_en, titles_en, weeks_en
from tracker.ingest.datetense import IRREGULAR_PAST_TOLD, PAST_TOLD
from tracker.ingest.mentions import DateMention
from tracker.ingest.habitdays_en import habit_or_state
from tracker.ingest.occasiondate_en import occasion_before
from tracker.ingest.weekendpast_en import weekend_gone_by
from tracker.ingest.hedgespan import Call
from tracker.ingest.mentions import DateMention

TITLE_MAX = 90


CLOSING = re.compile(r"(?:bringing|brought|closing|closed|ending|ended|capping|rounding off)\b", re.IGNORECASE)  # the year itself
SEASON = re.compile(r"\b(?:spring|summer|fall|autumn|winter)\b", re.IGNORECASE)  # a span of its own, no frame
_TOLD = re.compile(r"\b(?:was|were|had|did|ago|said|announced|took place|held|met|signed|visited|declared|claimed|"
                   r"reported|began|ended|agreed|(?<!\bbe )(?<!-)" + IRREGULAR_PAST_TOLD + r"|(?!(?:advanced|expected|planned|scheduled|based|related|united|"
                   r"limited|supposed|concerned|interested|needed|used|aimed)\b)\w+ed)\b", re.IGNORECASE)
_SCHEDULED = re.compile(r"\b(?:(?:this|next)\s+(?:week|month)'s\s+(?:\w+\s+)?(?:meeting|summit|vote|election|decision|talks|"
                        r"conference|session|hearing)|scheduled|planned|will be held|is to be held|set to|due to|meets?|opens?|begins?|starts?|"
                        r"takes? place|will (?:meet|vote|hold|open|begin|start|take place|follow|convene|resume)|"
                        r"(?:is|are)\s+(?:released|published|due out)|"  # "the day before the Q1 GDP figures are released"
                        # round 33: a term that ends by its own rule ("The army chief's tenure will expire in Nov 2022")
                        r"(?:term|tenure|mandate|contract|lease|deadline|ceasefire|truce|moratorium|waiver)s?\s+"
                        r"(?:(?:is\s+due\s+to|will|would|is\s+set\s+to)\s+)?(?:expires?|lapses?|runs?\s+out)|"
                        # an arrangement in the present progressive: "The Prime Minister is giving evidence … in March"
                        r"(?:is|are)\s+(?:\w+ly\s+)?(?:giving|holding|hosting|meeting|visiting|travel+ing|flying|appearing|"
                        r"testifying|speaking|presenting|publishing|releasing|announcing|launching|opening|convening|voting))\b",
                        re.IGNORECASE)
_LOOKS_AHEAD = re.compile(r"\b(?:will|would|could|may|might|expected to|likely to|set to|going to)\b", re.IGNORECASE)
_MONTH_MAY = re.compile(r"(?<=\S\s)May\b|\bMay(?=\s+\d)")  # "in early May 2023": the month, not the modal


def without_month_may(sentence: str) -> str:
    """The sentence with the month "May" blanked, so that a modal check does not read it as "may"."""
    return _MONTH_MAY.sub("   ", sentence)


def not_an_event(sentence: str, mention: DateMention, calls: list[Call], ref: PDate, lang: str) -> bool:
    """A question ("What will 2026 bring?") or a forecast ("…will rise sharply towards the end of
    2026") names a date but tells of no event; a schedule ("the vote will be held on 8 June") does, and
    so does "earlier this month" beside someone's forecast; "as of Friday" dates a state, no event."""
    if lang == "ja":
        return False
    sentence = without_month_may(sentence)  # the same length: the mention's offsets still hold
    if sentence.rstrip().endswith("?") and mention.date.day is None and \
            not eventdates_en.past_in_question(sentence, mention, ref):
        return True  # a question names no event; a day it names ahead, or one gone by, is still told
    told_before = bool(re.match(r"(?:earlier|last|recently)\b", mention.text, re.IGNORECASE)) or \
        eventdates_en.so_far(sentence, mention) or \
        bool(re.match(r"by\b", mention.text, re.IGNORECASE) and not mention.deadline) or \
        weekend_gone_by(mention) or \
        bool(re.match(r"\s+has\s+(?:already\s+|also\s+)?(?:seen|brought|had)\b", sentence[mention.end:]) and
             re.fullmatch(r"(?:19|20)\d{2}", mention.text) and re.search(r"(?:^|[,;:]\s*)$", sentence[:mention.start]))
    # round 24: "2023 has already seen several strikes": a year, its clause's subject, told in the present perfect
    # "Earlier this month"; round 24: "so far this year", "by December it was plain" (a "by" date gone by: done_by)
    # late December: the year ending; "earlier this year" is gone by, whatever the rest of the sentence tells
    coming = (mention.date.year > ref.year or (mention.date.year == ref.year and ref.month != 12)) and not told_before
    occasion = eventdates_en.names_an_occasion(sentence, mention)  # "elections … in 2024"
    if mention.date.precision == "year" and coming and not (_TOLD.search(sentence) or PAST_TOLD.search(sentence)) and \
            not occasion:  # round 31: an irregular past ("the war broke out this summer") tells of something done
        return True  # a coming year in a sentence that tells of nothing done: a frame, not an event
    if re.search(r"\b(?:would|could|might)(?:n't|\s+not)?\s+have\s+(?:\w+\s+){0,3}$", sentence[:mention.start]) and \
            not hindsight_en.came_true(sentence, mention):  # round 24: "nobody could have imagined that in 2022 X…"
        return True  # "a narrower win than I would have expected earlier in the year": what did not happen
    if weeks_en.HABIT.search(sentence) and mention.relative and not mention.date.day:
        return True  # "Every week, we go through what is on tap for the week ahead": a habit, no one event
    if re.match(r"as of\b", mention.text, re.IGNORECASE):
        return True  # "As of Friday, everyone thinks…": the date of a state of things, not of an event
    if habit_or_state(sentence, mention):
        return True  # round 35: "Every Friday, clients can…", "what is today the Indian state of…"
    week = weeks_en.week_occasion(sentence, mention)  # "Next week central banks will give an update on policy"
    occasion = occasion or schedules_en.named_occasion(sentence, mention) or week or \
        eventdates_en.occasion_named_by(sentence, mention)  # "at its meeting this week", "at its September meeting"
    if mention.date.last_day() > ref.last_day() and _LOOKS_AHEAD.search(sentence) and not _SCHEDULED.search(sentence) \
            and mention.date.day is None and not told_before and not occasion:
        return True  # a forecast someone else made (no call of the author's) is no event either
    later = mention.date.last_day() > ref.last_day() and not told_before  # "last week" resolves to this month
    scheduled = bool(_SCHEDULED.search(sentence)) or (mention.date.day is not None and not re.search(
        r"\b(?:may|might|could)\b", sentence)) or schedules_en.named_occasion(sentence, mention) or \
        schedules_en.is_schedule(sentence) or week  # a day named ahead; "Bailey will also make an appearance on Tuesday"
    for call in calls:
        inside = call.start <= mention.start < max(call.end, call.start + 1)
        if inside and later and not scheduled and not eventdates_en.occasion_named_by(sentence, mention) and \
                not occasion_before(sentence, mention):  # round 35: "the parliamentary elections in the autumn"
            return True  # "…, which means it will gear up for the 2024 presidential elections": the occasion stays an event
        if inside and mention.date.precision == "year" and coming and not occasion:
            return True
    return False


_REPORTED_BY = re.compile(r"^(?:according to [^,]{2,80},\s*|(?:[A-Z][\w'.&-]*(?:\s+[A-Za-z][\w'.&-]*){0,6})\s+"
                          r"(?:reported|said|announced|revealed|claimed|wrote|confirmed|told [\w ]{2,30}?)"
                          r"(?:\s+(?:on|in|last|earlier|this)\s+[\w ,-]{2,30}?)?\s+that\s+)", re.IGNORECASE)
_LEAD_DATE = re.compile(r"^(?:(?:back\s+)?(?:in|on|at|by|during|since|earlier|last|late|early)\b[^,]{0,40},\s*)",
                        re.IGNORECASE)


def event_title(sentence: str, mention: DateMention, lang: str) -> str:
    """What happened: the clause that holds the date, without the outlet or speaker that reported it,
    without the date itself, cut at a word under the length limit."""
    if lang == "ja":
        title = predfind_ja.strip_connectives(sentence).rstrip("。.")
        return title if len(title) <= TITLE_MAX else title[:TITLE_MAX - 1].rstrip() + "…"
    text = sentence.strip().rstrip(".!")
    # the clause around the date (round 30: a colon between two clauses, "X won't get there: at the end of 2021, …")
    cuts = [0] + [m.end() for m in re.finditer(r";\s+|,\s+(?:but|while|whereas|and|which)\s+|\s+[–—]\s+|(?<=[a-z])\s*:\s+(?=[a-z])", text)
                  ] + [len(text)]
    left = max(c for c in cuts if c <= mention.start)
    right = min([c for c in cuts if c > mention.start] + [len(text)])
    right_m = re.search(r";\s+|,\s+(?:but|while|whereas|and|which)\s+|\s+[–—]\s+|(?<=[a-z])\s*:\s+(?=[a-z])", text[mention.end:])
    right = mention.end + right_m.start() if right_m else len(text)
    clause = text[left:right]
    start, end = mention.start - left, mention.end - left
    clause = titles_en.without_date(clause, start, end) if 0 <= start < end <= len(clause) else clause
    clause = re.sub(r"\s+(?:on|in|at|during|since|from)\s*(?=[,.;]|$)", "", clause)
    clause = re.sub(r"\s+from\s+[^,;]{1,40}?\s+to\s*(?=[,.;]|$)", "", clause)  # "dip from the end of January to (early March)"
    clause = re.sub(r"\s+(?:on|in|at|during)\s+(?=(?:and|but|,))", " ", clause)
    clause = re.sub(r"\(\s*\)", "", clause)
    if eventdates_en.so_far(sentence, mention):  # round 24: "thus far (this year)" goes with the date
        clause = re.sub(r"\s*\b(?:so|thus)\s+far\b|\s*\bto\s+date\b", "", clause, count=1, flags=re.IGNORECASE)
    clause = re.sub(r",\s*,", ",", clause)  # a list of years taken out
    clause = re.sub(r"\s+(?:at|by|in|towards?|until)\s+the\s+(?:very\s+)?(?:end|start|beginning|middle|close)\s+of\s*(?=[,.;]|$)", "",
                    clause)  # "sold off at the end of (last year)"
    clause = re.sub(r"\s+(?:on|in|at|during|since)\s+(?=(?:was|were|is|are|had|has|have|will)\b)", " ", clause)
    clause = re.sub(r"^(?:back|early|late)\s*,\s*", "", clause, flags=re.IGNORECASE)  # "Back in October, …"
    for _ in range(2):
        clause = clause.strip(" ,")
        clause = re.sub(r"^(?:however|but|and|so|meanwhile|also|then|moreover|still|yet|indeed|first|second|"
                        r"third|finally|to begin with)\b(?!-)[,\s]*", "", clause, flags=re.IGNORECASE)
        clause = _LEAD_DATE.sub("", clause)
        reported = _REPORTED_BY.sub("", clause)
        if not re.search(r"\b(?:might|may|could|will|would|won't|likely|expected to|plans? to)\b", reported):
            clause = reported  # what happened, not who reported it; a reported forecast keeps its reporter
    clause = re.sub(r"\s+", " ", clause).strip(" ,;:")
    if len(clause.split()) < 3:
        clause = text
    clause = cut_title(clause)
    clause += "…" if text.endswith(":") and not clause.endswith("…") else ""  # round 28: a lead of a list goes on below
    return clause[:1].upper() + clause[1:]


def cut_title(title: str) -> str:
    """``title`` cut at a word under the length limit, with "…" when it was cut."""
    if len(title) <= TITLE_MAX:
        return title
    cut = title[:TITLE_MAX - 1]
    return (cut[:cut.rfind(" ")] if " " in cut else cut).rstrip(" ,;:") + "…"


_NAME = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][A-Za-z]*\b|\b[A-Z][a-z]+(?:\s+(?:of\s+)?[A-Z][a-z]+)+\b")  # "SNB", "BoE", "Bank of England"
_NOT_A_NAME = re.compile(r"^(?:GMT|UTC|ET|EST|BST|CET|AM|PM|US|UK|EU|USD|EUR|GBP|JPY|CHF)$|day\b|"
                         r"(?:January|February|March|April|May|June|July|August|September|October|November|December)")


def named_apart(a: str, b: str) -> bool:
    """Two sentences of one day that name different bodies ("the Swiss National Bank (SNB) will release…", "the
    Bank of England (BoE) will release…", the rest of the calendar line alike): two events, not one told twice."""
    names = [{n for n in _NAME.findall(text) if not _NOT_A_NAME.search(n)} for text in (a, b)]
    return bool(names[0] and names[1] and not names[0] & names[1])
