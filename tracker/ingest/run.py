"""`tracker ingest`: read a file, find candidates, and store the new ones as proposals.

Articles are facts, not forecasts: an ingested article becomes an article record at once
(an existing record with the same URL, or title and date, is reused), with what does not
agree in its metadata written into its ``source_note``. Events and predictions become
proposals, which count in nothing until a reader accepts them. A candidate already
proposed (in any state, rejected included) or already recorded is reported as known and
never proposed again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tracker.actions import records as actions
from tracker.domain.encoding import encode_record
from tracker.domain.dates import PDate
from tracker.domain.ids import new_id
from tracker.ingest.evaluate import event_overlap, same_prediction
from tracker.ingest.extract import Candidate, extract
from tracker.ingest.reader import read_articles
from tracker.ingest.similarity import similar
from tracker.ingest.source import SourceArticle
from tracker.domain.model import KINDS, Article, Record, utc_now
from tracker.store.store import Store
from tracker.store.transaction import Transaction


@dataclass(slots=True)
class IngestResult:
    """What an ingest found: the articles (as records) and every candidate, new or known."""

    articles: list[dict[str, Any]] = field(default_factory=list)  # record docs, plus "new" and "flags"
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def new(self) -> list[Candidate]:
        return [c for c in self.candidates if not c.known]


def ingest(store: Store, path: Path, *, author: str = "", date: PDate | None = None,
           dry_run: bool = False) -> IngestResult:
    """Read ``path`` and propose its events and predictions; with ``dry_run`` write nothing."""
    sources = read_articles(path, author=author, date=date)
    candidates = extract(sources, str(path))
    if dry_run:
        session = store.read(missing_ok=True)
        return _resolve(session, path, sources, candidates, write=False)
    with store.transaction() as session:
        return _resolve(session, path, sources, candidates, write=True)


def _resolve(session: Transaction, path: Path, sources: list[SourceArticle], candidates: list[Candidate],
             write: bool) -> IngestResult:
    result = IngestResult(candidates=candidates)
    taken = set().union(*(session.ids(kind) for kind in KINDS))
    ids: dict[int, str] = {}
    for source in sources:
        existing = _existing_article(session, source)
        record = existing or _article_record(source, path, taken)
        taken.add(record.id)
        if existing is None and write:
            actions.insert(session, record)
        ids[source.index] = record.id
        result.articles.append({**encode_record(record), "new": existing is None, "flags": list(source.flags),
                                "index": source.index})
    proposals = session.proposals()
    by_key = {key: pid for pid, doc in proposals.items() for key in doc.get("keys", [])}
    now = utc_now()
    records = {kind: [session.get(kind, rid) for rid in sorted(session.ids(kind))] for kind in ("event", "prediction")}
    for candidate in candidates:
        article_id = ids[candidate.article]
        if candidate.kind == "prediction":
            candidate.fields["article"] = article_id
        else:
            candidate.fields["articles"] = [article_id]
    recorded = _recorded_events(records["event"], [c for c in candidates if c.kind == "event"])
    for candidate in candidates:
        article_id = ids[candidate.article]
        candidate.id = f"p-{candidate.keys[0][:10]}"
        candidate.known = _known(records, proposals, by_key, candidate, article_id) or recorded.get(id(candidate), "")
        if write and not candidate.known:
            session.put_proposal(candidate.id, proposal_doc(candidate, now))
            proposals[candidate.id] = proposal_doc(candidate, now)
            by_key.update({key: candidate.id for key in candidate.keys})
    return result


def proposal_doc(candidate: Candidate, now: str) -> dict[str, Any]:
    """The stored form of a new proposal."""
    fields = {k: v for k, v in candidate.fields.items() if k != "negated"}
    source = {k: v for k, v in candidate.source.items() if k not in ("window",)}
    return {"kind": candidate.kind, "state": "proposed", "fields": fields, "source": source,
            "also": candidate.also, "keys": candidate.keys, "language": candidate.language,
            "negated": bool(candidate.fields.get("negated")), "proposed_at": now,
            "decided_at": "", "record": "", "note": ""}


def _known(records: dict[str, list[Record]], proposals: dict, by_key: dict, candidate: Candidate, article_id: str) -> str:
    for key in candidate.keys:
        if key in by_key:
            return _as(proposals, by_key[key], candidate)
    text = candidate.text
    for pid, doc in proposals.items():
        fields = doc.get("fields", {})
        same_article = article_id == fields.get("article") or article_id in fields.get("articles", [])
        if doc.get("kind") == candidate.kind and same_article and \
                similar(text, fields.get("claim") or fields.get("title", "")) and \
                fields.get("date") == candidate.fields.get("date"):
            return _as(proposals, pid, candidate)
    if candidate.kind == "prediction":
        for record in records["prediction"]:
            if record.article == article_id and same_prediction(record.quote, record.hedge, candidate):
                return f"recorded as {record.id}"
    return ""


def _recorded_events(events: list[Record], candidates: list[Candidate]) -> dict[int, str]:
    """Each recorded event claims the one candidate of its article and date that reads most like it
    (the record may be in English and the text Japanese, so the date carries the match)."""
    taken: dict[int, str] = {}
    for record in events:
        same = [c for c in candidates if id(c) not in taken and record.date.iso() == c.fields["date"]
                and c.fields["articles"][0] in record.articles]
        if same:
            best = max(same, key=lambda c: event_overlap(record.title, record.summary, c))
            taken[id(best)] = f"recorded as {record.id}"
    return taken


def _as(proposals: dict, pid: str, candidate: Candidate) -> str:
    state = proposals[pid].get("state", "proposed")
    return f"already {state}" if pid == candidate.id else f"{state} as proposal {pid}"


def _existing_article(session: Transaction, source: SourceArticle) -> Article | None:
    """The recorded article this source is: the same URL, or the same title and date (the same
    article from a mirror or a repost has another URL)."""
    by_title = None
    for rid in sorted(session.ids("article")):
        article = session.get("article", rid)
        if source.url and article.url and _bare(article.url) == _bare(source.url):
            return article
        if by_title is None and _same_title(article.title, source.title) and article.published == source.published:
            by_title = article
    return by_title


def _same_title(a: str, b: str) -> bool:
    def norm(text: str) -> str:
        return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())
    return bool(a.strip()) and norm(a) == norm(b)


def _bare(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc.lower().removeprefix('www.')}{parts.path.rstrip('/')}"


def _article_record(source: SourceArticle, path: Path, taken: set[str]) -> Article:
    words = re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", source.author).split()  # "Jane\x07Doe": no control character in an id
    surname = words[-1].lower() if words else "article"
    record_id = new_id("article", source.title, taken, prefix=f"{surname}-{source.published.iso()}")
    note = "; ".join(source.flags)
    extra = {}
    if source.summary_language:
        extra = {"summary_title": source.summary_title, "summary_language": source.summary_language,
                 "summary_posted": source.summary_posted, "summary_source": str(path)}
    return Article(id=record_id, title=source.title, author=source.author, published=source.published,
                   url=source.url, language=source.language, source_note=note, **extra)

