"""From articles to candidates: dated events and predictions, each said once.

The blog format repeats its passages after the sources and says each claim in three
summaries: a sentence seen before (normalised) is skipped, and a candidate that says
what an earlier one of the same article says (similar claim, or the same date and a
similar sentence for an event) is folded into it, its place kept in ``also``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.dates import PDate, parse_stored
from tracker.ingest import (
    datecontext_en,
    dateframes_en,
    eventdates_en,
    headlines_en, leadlists_en,
    predfind_en, predfind_ja,
    schedules_en, weekorder_en,
    sentences,
    storyyear_en,
    weeks_en,
)
from tracker.ingest.datefind import find_dates, term_end
from tracker.ingest.mentions import DateMention
from tracker.ingest.eventtext import SEASON, cut_title, event_title, named_apart, not_an_event
from tracker.ingest.hedgespan import Call
from tracker.ingest.polarity_en import direction_ok
from tracker.ingest.samecall_en import different_calls
from tracker.ingest.similarity import normalise, similar
from tracker.ingest.source import SourceArticle
from tracker.ingest.speakers_en import own_names
from tracker.ingest.stances_en import FORECAST_LIST, is_listed



@dataclass(slots=True)
class Candidate:
    """One proposed event or prediction, with where it came from."""

    kind: str  # "event" or "prediction"
    fields: dict[str, Any]  # record fields as `tracker list --json` shows them
    source: dict[str, Any]  # file, article, section, sentence, offset, paragraph
    article: int  # index of its article in the file
    keys: list[str] = field(default_factory=list)  # fingerprints: its own and its duplicates'
    also: list[dict[str, Any]] = field(default_factory=list)  # other places saying the same
    language: str = "en"  # of the claim or title
    id: str = ""
    known: str = ""  # why it is not new: "proposal p-…", "rejected", "recorded as …"

    @property
    def text(self) -> str:
        return self.fields.get("claim") or self.fields.get("title", "")


def fingerprint(kind: str, article_key: str, text: str) -> str:
    """A stable key for a candidate: the same article and text give the same key on every run."""
    return hashlib.sha1(f"{kind}\x1f{article_key}\x1f{normalise(text)}".encode()).hexdigest()[:12]


def article_key(article: SourceArticle) -> str:
    return article.url or f"{article.title}|{article.published}"


def extract(articles: list[SourceArticle], file_label: str) -> list[Candidate]:
    """Every candidate in the articles, each said once."""
    out: list[Candidate] = []
    for article in articles:
        out += _extract_article(article, file_label)
    return out


# "The US will be releasing the JOLTS figure, expected to slip to 6.03m": a forecast rides on the schedule
_RIDER = re.compile(r",\s+(?:and\s+)?(?:(?:is|are)\s+)?(?:\w+\s+)?(?:expected|likely|seen|forecast)\s+to\s+(?!be\s+"
                    r"(?:released|published|announced)\b)", re.IGNORECASE)
# a sentence that takes the one before as a hypothesis: that one, told in the bare present, is no call
_PREMISE = re.compile(r"^(?:if so|if that is (?:the case|true|so)|if that's (?:the case|true|so)|if this is (?:the case|true)|"
                      r"in that case|if (?:that|this) happens)\b", re.IGNORECASE)
# a passage the author imagines in another's place, and the sentence that leaves it
_IMAGINED = re.compile(r"\b(?:if I were|if I had been|had I been|were I)\b[^.]*\bwhat I would (?:have )?do(?:ne)?\b|"
                       r"\bhere(?:'s| is) what I would (?:have )?do(?:ne)?\b", re.IGNORECASE)
_BACK_TO_FACT = re.compile(r"\b(?:of course|in reality|in the real world|instead)\b[^.]*?\b(?:did|does|has done|have done)\s+"
                           r"(?:none|nothing|not|neither)\b", re.IGNORECASE)
_DATED_HEADING = re.compile(r"\d")  # a heading with its day of the month ("Wednesday, March 8:"), not a bare weekday


def _extract_article(article: SourceArticle, file_label: str) -> list[Candidate]:
    ref, lang = article.published, ("ja" if article.summary_language == "ja" else article.language)
    seen: set[str] = set()
    events: list[Candidate] = []
    predictions: list[Candidate] = []
    number, previous, anchor, monday, listed_under, last_named = 0, "", None, None, None, None
    narrative_day = None  # the last day a story told in the past named, while the sentences after it stay in the past
    listed_under_text = ""
    ahead = eventdates_en.year_ahead(article.title, ref) if lang != "ja" else None
    week = schedules_en.coming_week(article.title, article.paragraphs[0].text if article.paragraphs else "", ref) \
        if lang != "ja" else None  # a preview's week: "Several central bank meetings come this week" on a Sunday
    in_forecasts = lang != "ja" and bool(FORECAST_LIST.search(article.title or ""))  # "2023 political predictions"
    names = own_names(article.author, " ".join(p.text for p in article.paragraphs)) if lang != "ja" else ()
    imagined = 0  # paragraphs left of a counterfactual passage ("if I were Trump this is what I would have done: …")
    for paragraph in article.paragraphs:
        imagined = max(0, imagined - 1)
        # an item of a list: numbered or bulleted, or a short line of its own in an article of predictions
        listed = is_listed(paragraph.text)
        parts = list(sentences.split(paragraph.text, lang))
        for index, (offset, sentence) in enumerate(parts):
            number += 1
            norm = normalise(sentence)
            if not norm or norm in seen:
                continue
            seen.add(norm)
            where = {"file": file_label, "article": article.index, "section": paragraph.section,
                     "sentence": number, "offset": paragraph.offset + offset, "paragraph": paragraph.text}
            mentions = find_dates(sentence, ref, lang, anchor) if lang != "ja" else find_dates(sentence, ref, lang)
            on_calendar = False
            if lang != "ja":
                heading = eventdates_en.week_heading(sentence, mentions, ref)
                if heading:  # "Upcoming Reports for the Week of October 30": a frame for the weekdays below it
                    monday, mentions = heading[0], [m for m in mentions if m is not heading[1]]
                mentions = weeks_en.measured_weeks(sentence, mentions)  # "for the week ending Nov. 22": its month
                mentions = datecontext_en.done_by(sentence, mentions, ref)  # "By Friday, Trump had told aides…": done
                mentions = storyyear_en.story_year(sentence, mentions, anchor, ref)  # "On January 11" after a 2019 day
                mentions = eventdates_en.counted_from(sentence, eventdates_en.adjust(sentence, mentions, ref, monday, ahead),
                                                      last_named)
                mentions = eventdates_en.narrative_time(sentence, eventdates_en.told_relative(sentence, mentions, last_named),
                                                        ref)
                mentions = datecontext_en.same_time(sentence, mentions, last_named)  # "fell to lows at the same time"
                mentions = eventdates_en.weekday_in_narrative(sentence, mentions, narrative_day, ref) \
                    if monday is None else mentions
                narrative_day = eventdates_en.narrative_day(sentence, mentions, narrative_day)
                mentions = weekorder_en.after_opening(sentence, schedules_en.ahead_of(sentence, mentions, ref, week if monday is None else None), previous, last_named, ref)
                named = [m.date for m in mentions if not m.deadline]
                last_named = named[-1] if named else last_named  # for "a month earlier" in a later sentence
                day = eventdates_en.day_heading(sentence, mentions)
                if day:  # "Thursday 29th December" over "- 15.30 – US – Unemployment Claims": the items are the events
                    listed_under, mentions, listed_under_text = day, [], sentence
                elif listed_under and eventdates_en.is_item(sentence):
                    title = eventdates_en.item_title(sentence)
                    if title and not any(m.date.day for m in mentions):
                        item = _event(article, sentence, listed_under, where, lang)
                        item.fields["title"], item.source["item"] = title, True
                        _add(events, item, _same_event)
                elif listed_under and not any(m.date.day for m in mentions) and (
                        schedules_en.labelled_item(sentence) or schedules_en.clauses(sentence, ahead=True)
                        or schedules_en.expected_outcome(sentence)):
                    # "Tuesday, May 19" over "The UK is to publish consumer price inflation data.": a schedule
                    labelled = schedules_en.labelled_item(sentence) or (
                        None if schedules_en.clauses(sentence, ahead=True) else schedules_en.expected_outcome(sentence))
                    for title in [labelled] if labelled else schedules_en.clauses(sentence, ahead=True):
                        item = _event(article, sentence, listed_under, where, lang)
                        item.fields["title"], item.source["item"] = cut_title(title), True
                        item.keys = [fingerprint("event", article_key(article), f"{listed_under.date.iso()} {title}")]
                        _add(events, item, _same_event)
                    on_calendar = schedules_en.is_schedule(sentence) and not _RIDER.search(sentence)  # "X is to publish": no call; "At 8:30, Y is expected to fall": one
                elif listed_under and listed_under.date.month is not None and _DATED_HEADING.search(listed_under_text) \
                        and not any(m.date.day for m in mentions) and eventdates_en.told_past(sentence):
                    # a timeline: "Wednesday, March 8:" over "Silvergate Bank announced that it intends to wind down."
                    _add(events, _event(article, sentence, listed_under, where, lang), _same_event)
                    listed_under = None  # one line a heading in a narrative timeline
                elif index == 0:
                    listed_under = None  # prose again: the list under the heading has ended
            framing = dateframes_en.framing(sentence, mentions, lang)  # "In 2010, … in October": one event
            calls = predfind_ja.find_calls(sentence, previous) if lang == "ja" else [] if on_calendar else \
                leadlists_en.find_calls(sentence, previous, in_forecasts, listed, names)
            calls = storyyear_en.future_in_story(sentence, calls, mentions, ref) if lang != "ja" else calls
            if index + 1 < len(parts) and _PREMISE.match(parts[index + 1][1]):  # "2. The polls are too kind. If so, …"
                calls = [c for c in calls if c.hedge_text != "a listed prediction"]  # a hypothesis the next one takes up
            if lang != "ja" and _BACK_TO_FACT.search(sentence):
                imagined = 0  # "Of course, Trump did none of these things": the story is the world's again
            elif lang != "ja" and _IMAGINED.search(sentence):
                imagined = 5  # this paragraph and four more at most, or until the text comes back to the facts
            elif imagined:
                calls = [c for c in calls if c.forecaster]  # what the author's imagined world would bring: no call
            in_forecasts = in_forecasts or (lang != "ja" and bool(FORECAST_LIST.search(sentence)))
            for mention in mentions:
                # "this year"/"今年" only frames a forecast; the date of nothing in particular ("in the summer",
                # "earlier this year" are dates of what they tell)
                vague = mention.relative and mention.date.precision == "year" and mention.date.year >= ref.year and \
                    not (SEASON.search(mention.text) or mention.text.lower().startswith("earlier")) and \
                    not (lang != "ja" and eventdates_en.told_this_year(sentence, mention))
                # "in the third quarter of 2023 is 4.9 percent on September 19": the day is the event's date
                if not mention.deadline and not vague and mention not in framing and \
                        not not_an_event(sentence, mention, calls, ref, lang):
                    _add(events, _event(article, sentence, mention, where, lang), _same_event)
                if mention.date.day and not mention.deadline:
                    anchor = mention.date
            released = eventdates_en.release_today(sentence, mentions, ref) if lang != "ja" and not calls else None
            if released:  # "The GDPNow estimate came in at 4.9%": the figure of the article's day
                _add(events, _event(article, sentence, released, where, lang), _same_event)
            for call in calls:
                if lang != "ja" and not direction_ok(sentence, call.claim, call.hedge_text,
                                                     call.hedge.negates if call.hedge else call.negated,
                                                     call.condition, call.start, call.end):
                    _flag_direction(article, where, call)  # its direction cannot be read with confidence: left out
                    continue
                _add(predictions, _prediction(article, sentence, call, mentions, where, lang), _same_claim)
            previous = leadlists_en.carried(previous, sentence)  # round 28: a lead over its list's items
    for call in title_calls(article.title or "", names) if lang != "ja" else []:
        if any(_restated(call.claim, p.fields["claim"]) for p in predictions if p.fields["forecaster"] == article.author):
            continue  # the headline of a call the body makes: one call (round 24: the author's, not one he reports)
        where = {"file": file_label, "article": article.index, "section": "title", "sentence": 0, "offset": 0,
                 "paragraph": article.title}
        predictions.insert(0, _prediction(article, article.title, call, [], where, lang))
    return events + predictions


def _restated(title_claim: str, claim: str) -> bool:
    """Whether a body's claim restates the title's: a number in common, or most of the title's content words."""
    numbers = [set(re.findall(r"\d+(?:\.\d+)?", c)) for c in (title_claim, claim)]
    if numbers[0] & numbers[1]:
        return True
    words = [{w for w in re.findall(r"[a-z]{4,}", c.lower()) if w not in ("will", "would", "that", "this", "with")}
             for c in (title_claim, claim)]
    return bool(words[0]) and len(words[0] & words[1]) >= max(2, len(words[0]) // 2)


# Words an all-caps headline keeps in lower case; other short words ("GOP", "US", "EU") stay as written
_TITLE_SMALL = set("""a an the and or but of in on at to by for from with as is are be will won't not no it its his her their
this that up out off over into all new win won top big set may can our we you he she they gain hold keep lose seats""".split())


def title_calls(title: str, names: tuple[str, ...] = ()) -> list[Call]:
    """The author's call made in the title ("GOP WILL HOLD HOUSE & GAIN SEATS IN THE SENATE!"): a title read as a
    sentence when it says what will happen (a hedge, no question), an all-caps headline put in sentence case first."""
    text = re.sub(r"[!]+$", ".", headlines_en.headline(title.strip(), names))  # a label, a speaker's tail left out
    if not text or "?" in text or ":" in text or not headlines_en.says_what_will_happen(text) or \
            re.match(r"(?:here's|here\s+is|what|how|when|where|who|which|whether|everything|all\s+you)\b", text, re.IGNORECASE):
        return []  # a question or a topic ("Here's everything the Fed is expected to do"), not a claim
    text = re.sub(r"^(?i:why)\s+(?=\S+(?:\s+\S+){0,5}?\s+(?:will|won't)\b)", "", text)  # "Why X will Y" claims X will Y
    if text.upper() == text and re.search(r"[A-Z]{2}", text):
        words = [w.lower() if w.lower() in _TITLE_SMALL or len(w) > 3 else w for w in text.split()]
        text = " ".join(words)
        text = text[:1].upper() + text[1:]
    if not text.endswith("."):
        text += "."
    return [c for c in predfind_en.find_calls(text, "", False, False, names) if not c.forecaster]


def _add(pool: list[Candidate], new: Candidate, same) -> None:
    for old in pool:
        if same(old, new):
            old.keys += [k for k in new.keys if k not in old.keys]
            old.also.append({**{k: new.source[k] for k in ("section", "sentence", "offset")},
                             "quote": new.fields.get("quote") or new.fields.get("summary", ""),
                             "hedge": new.fields.get("hedge", "")})
            return
    pool.append(new)


def _same_claim(a: Candidate, b: Candidate) -> bool:
    """The same call said twice: similar claims of one direction; two negated claims that share most
    of their words ("X will not withdraw troops" / "the withdrawal will not happen"); a claim of a blog
    post's later summary (詳細, 要点), which restates the earlier one, close to an earlier claim."""
    if a.fields["negated"] != b.fields["negated"] or a.fields["forecaster"] != b.fields["forecaster"]:
        return False  # the author's call and someone else's are two calls, however alike
    if a.language != "ja" and bool(a.fields.get("condition")) != bool(b.fields.get("condition")):
        return False  # "Russia will use nuclear weapons" / "Otherwise, no chance Russia won't": the condition makes another call
    if a.language != "ja" and b.language != "ja" and different_calls(a.fields["claim"], b.fields["claim"]):
        return False
    if similar(a.fields["claim"], b.fields["claim"]):
        return True
    if a.fields["negated"] and similar(a.fields["claim"], b.fields["claim"], 0.6, 0.5):
        return True
    if b.source.get("section") == "要点" and a.source.get("section") != "要点":
        return similar(a.fields["claim"], b.fields["claim"], 0.4, 0.3)
    return _restates(a.source.get("section"), b.source.get("section")) and \
        similar(a.fields["claim"], b.fields["claim"], 0.4, 0.3) and similar(a.source["text"], b.source["text"], 0.35, 0.45)


_SUMMARIES = ("概要", "詳細", "要点")  # a blog post's three summaries of one article, in this order


def _restates(earlier: str | None, later: str | None) -> bool:
    """A later summary of a blog post says again what an earlier one said: a claim in 詳細 or 要点
    close to one of 概要 (or of 詳細) is the same call in other words."""
    return earlier in _SUMMARIES and later in _SUMMARIES and _SUMMARIES.index(earlier) < _SUMMARIES.index(later)


def _same_event(a: Candidate, b: Candidate) -> bool:
    """The same date (or one inside the other) and the same words around it or in the sentence."""
    x, y = parse_stored(a.fields["date"]), parse_stored(b.fields["date"])
    if not (x == y or x.contains(y.first_day()) and x.contains(y.last_day())
            or y.contains(x.first_day()) and y.contains(x.last_day())):
        return False
    if a.source.get("item") and b.source.get("item"):
        return a.fields["title"] == b.fields["title"]  # two lines of a list of releases: two releases
    if (a.source.get("item") or b.source.get("item")) and x != y:
        return False  # a line under a day heading is that day's, not a month's told elsewhere
    if x != y and a.source["text"] == b.source["text"] and a.source["date_text"] != b.source["date_text"] \
            and a.language != "ja":
        return False  # "the coronation in May, and the elections in the summer": two dates, two events
    if x != y and a.language != "ja":  # a day inside a month: one event only if the sentences say the same
        return similar(a.source["text"], b.source["text"], 0.5, 0.75)
    # the date is already the same: the words besides it say whether it is one event ("FOMC Minutes | US (April 13)"
    # and "Employment Change | Australia (April 13)" are two)
    ta, tb = (c.source["text"].replace(c.source["date_text"], " ") if c.source.get("date_text") else c.source["text"]
              for c in (a, b))
    if a.language != "ja" and a.source["text"] != b.source["text"] and named_apart(ta, tb):
        return False  # "the SNB will release…" and "the BoE will release…" on one Thursday: two events
    return similar(ta, tb, 0.35, 0.6) or similar(a.source["window"], b.source["window"], 0.45, 0.45)


def _event(article: SourceArticle, sentence: str, mention: DateMention, where: dict, lang: str) -> Candidate:
    title = event_title(sentence, mention, lang)
    summary = sentence if not mention.note else f"{sentence} (date: {mention.note})"
    _flag_mismatch(article, mention, where)
    fields = {"date": mention.date.iso(), "title": title, "summary": summary, "articles": [], "tags": []}
    key = fingerprint("event", article_key(article), f"{mention.date.iso()} {sentence}")
    reach = 15 if lang == "ja" else 40
    window = sentence[max(0, mention.start - reach):mention.start] + sentence[mention.end:mention.end + reach]
    return Candidate("event", fields, {**where, "text": sentence, "date_text": mention.text, "window": window},
                     article.index, [key], language=lang)


def _flag_direction(article: SourceArticle, where: dict, call: Call) -> None:
    flag = (f"[{where.get('section', 'body')} #{where.get('sentence', '?')}] a call left out, its direction unclear "
            f"(review it): {call.claim}")
    if flag not in article.flags:
        article.flags.append(flag)


def _flag_mismatch(article: SourceArticle, mention: DateMention, where: dict) -> None:
    """A weekday that does not match its day is shown under the article (``! …``) as well as noted on the proposal."""
    if mention.mismatch:
        flag = f"[{where.get('section', 'body')} #{where.get('sentence', '?')}] {mention.mismatch}"
        if flag not in article.flags:
            article.flags.append(flag)


def _prediction(article: SourceArticle, sentence: str, call: Call, mentions: list[DateMention],
                where: dict, lang: str) -> Candidate:
    due, note = _horizon(call, mentions, article.published, f"{article.title} {sentence}")
    for mention in mentions:
        if mention.mismatch and mention.date == due:
            _flag_mismatch(article, mention, where)
    fields = {
        "claim": call.claim, "condition": call.condition, "quote": sentence, "hedge": call.hedge_text,
        "probability": call.probability, "made_on": article.published.iso(), "resolve_by": due.iso(),
        "horizon_note": note, "author": article.author, "forecaster": call.forecaster or article.author,
        "article": "", "event": "", "tags": [], "status": "pending", "negated": call.negated,
    }
    key = fingerprint("prediction", article_key(article), call.claim)
    return Candidate("prediction", fields, {**where, "text": sentence}, article.index, [key], language=lang)


_PRESIDENT = re.compile(r"\b(Trump|Biden|Obama)\b")


def _horizon(call: Call, mentions: list[DateMention], made: PDate, context: str = "") -> tuple[PDate, str]:
    """The resolve-by date stated in the clause, else a default horizon with its reason: the end
    of the term of a president the claim names, else the end of the year."""
    for mention in mentions:
        inside = call.start <= mention.start < max(call.end, call.start + 1)
        if inside and (mention.deadline or mention.date.last_day() > made.last_day()):
            return mention.date, f"stated in the text: {mention.text!r}" + (f"; {mention.mismatch}" if mention.mismatch
                                                                              else "")
    president = _PRESIDENT.search(call.claim)
    if president is None and re.match(r"^(?:he|his)\b", call.claim, re.IGNORECASE):
        president = _PRESIDENT.search(context)  # "He's unlikely to…" in an article about Trump
    end = term_end(president.group(1), made) if president else None
    if end is not None:
        return end, (f"No date in the text; the claim is about {president.group(1)}, whose term ends on "
                     f"{end.iso()}: default horizon the end of his term; change it if the claim means a shorter one.")
    year = made.year if (made.month or 1) <= 9 else made.year + 1
    return PDate(year, 12), (f"No date in the text; default: end of {year} ({year}-12), the end of the "
                             f"year {'the article was written' if year == made.year else 'after the article'}; "
                             "change it if the claim means a longer or shorter horizon.")
