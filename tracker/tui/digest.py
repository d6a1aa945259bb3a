"""What the TUI's filters, search and counts read of every event and prediction: a digest of
plain data, made once per read of the file.

The app holds no decoded record (:mod:`tracker.store.shelf`), so what a filter or a search must
look at in every record is worked out when the file is read, by the library's own functions
(:func:`tracker.domain.query.search_text`, :func:`~tracker.domain.query.author_of`,
:func:`~tracker.domain.review.due_count`…), and kept as one tuple of text and numbers per record,
which CPython's cyclic collector stops looking at once it has seen it. :func:`accepts` reads a
filter's answer off those tuples; a test holds it to :meth:`tracker.domain.query.Filter.accepts`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tracker.domain.disputes import is_disputed
from tracker.domain.model import Database, Event, Prediction, Record
from tracker.domain.progress import Tick
from tracker.domain.query import Counts, Filter, author_of, primary_text, search_text
from tracker.domain.review import due_count
from tracker.store.shelf import checked_chunks

# One tuple of text and numbers per event and prediction, made from its decoded record by the
# library's own functions; the filters below read these and agree with Filter.accepts (a test
# holds them to it on every record of a file).
STATUS, LAST_DAY, TAGS, ARTICLES, AUTHOR, HAYSTACK, PRIMARY, MADE_ON, DISPUTED, TAG_NAMES, FORECASTER, EVENT = range(12)


def facts_of(record: Record, db: Database) -> tuple:
    """What the filters, the search and the counts read of a record."""
    tags = tuple(t.casefold() for t in record.tags)
    author = author_of(record, db).casefold()
    if isinstance(record, Prediction):
        return (record.status.value, record.resolve_by.last_day().toordinal(), tags, (record.article,), author,
                search_text(record, db), primary_text(record), record.made_on.iso(),
                bool(record.history) and is_disputed(record),
                tuple(record.tags), record.forecaster, record.event)
    articles = tuple(record.articles) if isinstance(record, Event) else ()
    return ("", 0, tags, articles, author, search_text(record, db), primary_text(record), "",
            bool(record.history) and is_disputed(record), tuple(record.tags), "", "")


@dataclass(frozen=True)
class Digest:
    """What the filters, search and counts read of every event and prediction (by kind, then id),
    and how many predictions were due for review when it was made. Made once per read of the
    file, in the reader's thread, from every record decoded (which is also the read's check)."""

    events: dict[str, tuple] = field(default_factory=dict)
    predictions: dict[str, tuple] = field(default_factory=dict)
    due: int = 0

    def table(self, kind: str) -> dict[str, tuple]:
        return self.predictions if kind == "prediction" else self.events

    def of(self, kind: str, record_id: str | None) -> tuple | None:
        """The facts of a record of this kind (None for no record: the today line)."""
        return None if record_id is None else self.table(kind).get(record_id)

    def linked(self, field: str, record_id: str) -> list[str]:
        """The ids of the predictions whose event or article is ``record_id``, in table order (what
        :func:`tracker.domain.render.linked_predictions` finds by decoding every prediction)."""
        if field == "event":
            return [pid for pid, f in self.predictions.items() if f[EVENT] == record_id]
        return [pid for pid, f in self.predictions.items() if record_id in f[ARTICLES]]

    def with_records(self, records: Iterable[Record], db: Database) -> Digest:
        """This digest with the facts of ``records`` (changed or new) put in."""
        events, predictions = dict(self.events), dict(self.predictions)
        for record in records:
            if record.kind == "event":
                events[record.id] = facts_of(record, db)
            elif record.kind == "prediction":
                predictions[record.id] = facts_of(record, db)
        return Digest(events, predictions, self.due)

    def counts(self, today: _dt.date) -> Counts:
        """How many predictions have each status, and how many are overdue (as
        :func:`tracker.domain.query.status_counts` counts them)."""
        tally = {"pending": 0, "confirmed": 0, "refuted": 0, "void": 0}
        overdue, today_n = 0, today.toordinal()
        for f in self.predictions.values():
            status = f[STATUS]
            if status:
                tally[status] += 1
                overdue += status == "pending" and today_n > f[LAST_DAY]
        return Counts(tally["pending"], tally["confirmed"], tally["refuted"], overdue, tally["void"])


def check_and_digest(db: Database, path: Path, today: _dt.date, tick: Tick | None = None,
                     cancelled: Callable[[], bool] = lambda: False) -> Digest | None:
    """Every record of a database decoded once, a chunk at a time (the read's check of
    them: StoreError names a bad one), and the digest of what was decoded, with how many
    predictions are due today (:func:`tracker.domain.review.due_count`). No decoded record
    outlives its chunk but the articles, whose titles and authors the search text reads.
    None if ``cancelled()`` ended it."""
    articles: dict[str, Record] = {}
    context = Database(articles, {}, {})  # type: ignore[arg-type]
    digest = Digest()
    due = 0
    for kind, records in checked_chunks(db, path, tick, cancelled):
        if kind == "article":
            articles.update((a.id, a) for a in records)
            continue
        facts = digest.table(kind)
        for record in records:
            facts[record.id] = facts_of(record, context)
        if kind == "prediction":
            due += due_count(Database({}, {}, {p.id: p for p in records}), today)  # type: ignore[arg-type]
    return None if cancelled() else Digest(digest.events, digest.predictions, due)


def accepts(flt: Filter, facts: tuple, today_n: int) -> bool:
    """Whether ``flt`` (its status, tag, article and author) accepts the record of ``facts``
    on the day whose ordinal is ``today_n``: what :meth:`Filter.accepts` says of the record."""
    if flt.status:
        status = facts[STATUS]
        if not status:
            return False
        if flt.status == "overdue":
            if status != "pending" or today_n <= facts[LAST_DAY]:
                return False
        elif status != flt.status:
            return False
    if flt.tag and flt.tag.casefold() not in facts[TAGS]:
        return False
    if flt.article and flt.article not in facts[ARTICLES]:
        return False
    return not flt.author or flt.author.casefold() in facts[AUTHOR]
