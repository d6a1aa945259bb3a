"""From articles to candidates: dated events and predictions, each said once.

The blog format repeats its passages after the sources and says each claim in three
summaries: a sentence seen before (normalised) is skipped, and a candidate that says
what an earlier one of the same article says (similar claim, or the same date and a
similar sentence for an event) is folded into it, its place kept in ``also``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.dates import PDate, parse_stored
from tracker.ingest import predfind_en, predfind_ja, sentences
from tracker.ingest.datefind import DateMention, find_dates
from tracker.ingest.hedgespan import Call
from tracker.ingest.similarity import normalise, similar
from tracker.ingest.source import SourceArticle

TITLE_MAX = 90


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


def _extract_article(article: SourceArticle, file_label: str) -> list[Candidate]:
    ref, lang = article.published, ("ja" if article.summary_language == "ja" else article.language)
    seen: set[str] = set()
    events: list[Candidate] = []
    predictions: list[Candidate] = []
    number, previous = 0, ""
    for paragraph in article.paragraphs:
        for offset, sentence in sentences.split(paragraph.text, lang):
            number += 1
            norm = normalise(sentence)
            if not norm or norm in seen:
                continue
            seen.add(norm)
            where = {"file": file_label, "article": article.index, "section": paragraph.section,
                     "sentence": number, "offset": paragraph.offset + offset, "paragraph": paragraph.text}
            mentions = find_dates(sentence, ref, lang)
            for mention in mentions:
                # "this year"/"今年" only frames a forecast; the date of nothing in particular
                vague = mention.relative and mention.date.precision == "year" and mention.date.year >= ref.year
                if not mention.deadline and not vague:
                    _add(events, _event(article, sentence, mention, where, lang), _same_event)
            finder = predfind_ja if lang == "ja" else predfind_en
            for call in finder.find_calls(sentence, previous):
                _add(predictions, _prediction(article, sentence, call, mentions, where, lang), _same_claim)
            previous = sentence
    return events + predictions


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
    return a.fields["negated"] == b.fields["negated"] and similar(a.fields["claim"], b.fields["claim"])


def _same_event(a: Candidate, b: Candidate) -> bool:
    """The same date (or one inside the other) and the same words around it or in the sentence."""
    x, y = parse_stored(a.fields["date"]), parse_stored(b.fields["date"])
    if not (x == y or x.contains(y.first_day()) and x.contains(y.last_day())
            or y.contains(x.first_day()) and y.contains(x.last_day())):
        return False
    return similar(a.source["text"], b.source["text"], 0.35, 0.6) or \
        similar(a.source["window"], b.source["window"], 0.45, 0.45)


def _event(article: SourceArticle, sentence: str, mention: DateMention, where: dict, lang: str) -> Candidate:
    title = predfind_ja.strip_connectives(sentence) if lang == "ja" else sentence
    title = title.rstrip("。.")
    if len(title) > TITLE_MAX:
        title = title[:TITLE_MAX - 1].rstrip() + "…"
    summary = sentence if not mention.note else f"{sentence} (date: {mention.note})"
    fields = {"date": mention.date.iso(), "title": title, "summary": summary, "articles": [], "tags": []}
    key = fingerprint("event", article_key(article), f"{mention.date.iso()} {sentence}")
    reach = 15 if lang == "ja" else 40
    window = sentence[max(0, mention.start - reach):mention.start] + sentence[mention.end:mention.end + reach]
    return Candidate("event", fields, {**where, "text": sentence, "date_text": mention.text, "window": window},
                     article.index, [key], language=lang)


def _prediction(article: SourceArticle, sentence: str, call: Call, mentions: list[DateMention],
                where: dict, lang: str) -> Candidate:
    due, note = _horizon(call, mentions, article.published)
    fields = {
        "claim": call.claim, "condition": call.condition, "quote": sentence, "hedge": call.hedge_text,
        "probability": call.probability, "made_on": article.published.iso(), "resolve_by": due.iso(),
        "horizon_note": note, "author": article.author, "forecaster": call.forecaster or article.author,
        "article": "", "event": "", "tags": [], "status": "pending", "negated": call.negated,
    }
    key = fingerprint("prediction", article_key(article), call.claim)
    return Candidate("prediction", fields, {**where, "text": sentence}, article.index, [key], language=lang)


def _horizon(call: Call, mentions: list[DateMention], made: PDate) -> tuple[PDate, str]:
    """The resolve-by date stated in the clause, else a default horizon with its reason."""
    for mention in mentions:
        inside = call.start <= mention.start < max(call.end, call.start + 1)
        if inside and (mention.deadline or mention.date.last_day() > made.last_day()):
            return mention.date, f"stated in the text: {mention.text!r}"
    year = made.year if (made.month or 1) <= 9 else made.year + 1
    return PDate(year, 12), (f"No date in the text; default: end of {year} ({year}-12), the end of the "
                             f"year {'the article was written' if year == made.year else 'after the article'}; "
                             "change it if the claim means a longer or shorter horizon.")
