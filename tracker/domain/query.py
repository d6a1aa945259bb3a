"""Choosing and ordering records: what `tracker list` and the TUI's filters show."""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any

from tracker.domain import schema
from tracker.domain.dates import PDate
from tracker.domain.disputes import is_disputed
from tracker.domain.model import KINDS, Article, Database, Event, Prediction, Record, Status

KIND_ORDER = {kind: i for i, kind in enumerate(KINDS)}
_STATUSES = {s.value: s for s in Status}
_BY_ID = attrgetter("id")


def timeline_key(record: Record) -> tuple:
    """Date order; on the same date articles, then events, then predictions; then id.

    A prediction's date is its resolve-by, a deadline: it sorts by when that period ends
    (:meth:`PDate.end_sort_key`), so ``2027`` comes after ``June 2027``. Articles and events
    sort by when theirs starts (a coarser date before the finer ones it contains)."""
    date = record.date
    key = date.end_sort_key() if type(record) is Prediction else date.sort_key()
    return (key, KIND_ORDER[record.kind], record.id)


def timeline_sorted(records: Iterable[Record]) -> list[Record]:
    """``sorted(records, key=timeline_key)``, about three times faster at 100k records.

    Two stable sorts give the same order: by id (a C-level key), then by one small int
    packing the date's sort key and the kind, worked out once per distinct date object (a
    large file shares a few thousand). Building and comparing a tuple of tuples per record
    cost more than everything else `list` does.
    """
    out = sorted(records, key=_BY_ID)
    # id(PDate) -> its sort key as one int (by start, and by end for resolve-bys); `out` keeps
    # the dates alive
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    prediction_rank, kinds = KIND_ORDER["prediction"], len(KIND_ORDER)

    def rank(record: Record) -> int:
        if type(record) is Prediction:  # the common case, without the .date property's call
            date, kind, days = record.resolve_by, prediction_rank, ends  # a deadline: by its end
        else:
            date, kind, days = record.date, KIND_ORDER[record.kind], starts
        day = days.get(id(date))
        if day is None:
            ordinal, precision = date.end_sort_key() if days is ends else date.sort_key()
            day = days[id(date)] = ordinal * 3 + precision  # precision is 0, 1 or 2
        return day * kinds + kind  # below 2**30: the sort compares these as machine ints

    out.sort(key=rank)
    return out


# The field table is fixed when tracker is imported: the searched names of a kind, once.
_searched = functools.cache(schema.searched)


def normalise_query(text: str) -> str:
    """Case-folded, with runs of white space as one space: how search text is compared."""
    return " ".join(text.casefold().split())


def primary_text(record: Record) -> str:
    """The record's own words (claim or title, and quote), normalised for search."""
    quote = record.quote if isinstance(record, Prediction) else ""
    return normalise_query(f"{record.label}\n{quote}")


def search_text(record: Record, db: Database | None = None) -> str:
    """Everything a search looks in, normalised: the id, the fields the field table marks
    searched (claim, quote, title, summary, tags…) and the titles of the linked articles."""
    parts: list[str] = [record.id]
    for value in _searched_values(record.kind)(record):
        if value:
            if type(value) is list:
                parts += [v for v in value if v]
            else:
                parts.append(value)
    if db is not None:
        if isinstance(record, Prediction):
            article = db.articles.get(record.article)
            if article is not None and article.title:
                parts.append(article.title)
        elif isinstance(record, Event):
            parts += [title for a in record.articles if a in db.articles and (title := db.articles[a].title)]
    return normalise_query(" | ".join(parts))


@functools.cache
def _searched_values(kind: str) -> Callable[[Record], tuple]:
    """The values of a kind's searched fields, in one call (an ``attrgetter`` of their names)."""
    names = _searched(kind)
    get = attrgetter(*names) if names else (lambda record: ())
    return get if len(names) != 1 else (lambda record: (get(record),))


def matches_text(record: Record, needle: str, db: Database | None = None) -> bool:
    """The needle occurs, as a phrase and ignoring case, somewhere in the record."""
    return normalise_query(needle) in search_text(record, db)


@dataclass
class Filter:
    """A conjunction of conditions; empty fields do not filter."""

    kinds: set[str] = field(default_factory=set)
    status: str = ""          # a Status value, or "overdue"
    tag: str = ""
    article: str = ""
    author: str = ""
    due_before: PDate | None = None
    search: str = ""
    disputed: bool = False    # only records with an open dispute

    def accepts(self, record: Record, today: _dt.date, db: Database | None = None) -> bool:
        if self.kinds and record.kind not in self.kinds:
            return False
        if self.status:
            if not isinstance(record, Prediction):
                return False
            if self.status == "overdue":
                if not record.is_overdue(today):
                    return False
            elif record.status is not (_STATUSES.get(self.status) or Status(self.status)):
                return False
        if self.tag and self.tag.casefold() not in (t.casefold() for t in getattr(record, "tags", [])):
            return False
        if self.article and self.article not in _article_ids(record):
            return False
        if self.author and self.author.casefold() not in author_of(record, db).casefold():
            return False
        if self.disputed and not is_disputed(record):
            return False
        if self.due_before is not None:
            if not isinstance(record, Prediction) or record.resolve_by.last_day() >= self.due_before.first_day():
                return False
        return not self.search or matches_text(record, self.search, db)


def stored_test(flt: Filter) -> Callable[[str, Any], bool] | None:
    """Which stored documents ``flt`` might accept, read from their kind and stored status
    alone: ``test(kind, document)`` is false only for a document whose record the filter
    refuses; None when the filter names no kind or status (every record is a candidate).

    `list` decodes only those (a record never shown is never decoded). Articles and events stay
    candidates when the filter reads them for another record: a search looks in a prediction's
    article title, an author filter in an event's articles."""
    kinds = set(flt.kinds)
    if flt.status and (flt.status in _STATUSES or flt.status == "overdue"):
        kinds = {"prediction"} if not kinds or "prediction" in kinds else set()
        want = "pending" if flt.status == "overdue" else flt.status
    else:
        want = None
    if not kinds and want is None:
        return None
    needed = {"article", "event"} if flt.search or flt.author else set()

    def test(kind: str, doc: Any) -> bool:
        if kind in needed:
            return True
        if kinds and kind not in kinds:
            return False
        if want is None or kind != "prediction" or type(doc) is not dict:
            return True  # a document that is not an object is decoded, so its problem is named
        status = doc.get("status", "pending")
        # A status that is not one of the stored values ("Pending", 1) is decoded too: the decoder
        # decides what it is, or refuses the file naming it, as a full read does.
        return status == want or type(status) is not str or status not in _STATUSES
    return test


def _article_ids(record: Record) -> list[str]:
    if isinstance(record, Prediction):
        return [record.article]
    if isinstance(record, Event):
        return record.articles
    return [record.id]


def author_of(record: Record, db: Database | None) -> str:
    """Whose words a record is, as the author filter reads them: a prediction's forecaster, an
    article's author, an event's articles' authors."""
    if isinstance(record, Prediction):
        return record.forecaster  # whose call it is: an announcer's forecast is not the author's
    if isinstance(record, Article):
        return record.author
    if db is not None and isinstance(record, Event):
        return " ".join(db.articles[a].author for a in record.articles if a in db.articles)
    return ""


def select(db: Database, flt: Filter, today: _dt.date | None = None,
           records: Iterable[Record] | None = None) -> list[Record]:
    """The records the filter accepts, in timeline order."""
    today = today or _dt.date.today()
    if records is None:
        kinds = [k for k in KINDS if not flt.kinds or k in flt.kinds]
        if flt.status:  # only predictions have a status: the other tables need no look
            kinds = [k for k in kinds if k == "prediction"]
        pool: Iterable[Record] = [r for kind in kinds for r in db.table(kind).values()]
    else:
        pool = [r for r in records if r.kind in flt.kinds] if flt.kinds else records
    return timeline_sorted(_accepted(pool, flt, today, db))


def _accepted(pool: Iterable[Record], flt: Filter, today: _dt.date, db: Database) -> list[Record]:
    """``[r for r in pool if flt.accepts(r, today, db)]`` for a pool of the filter's kinds,
    with the status test (what `list --status pending` asks) done without a call per record."""
    rest = replace(flt, kinds=set(), status="")
    want = _STATUSES.get(flt.status)
    if want is not None:
        pool = [r for r in pool if isinstance(r, Prediction) and r.status is want]
    elif flt.status == "overdue":
        pool = [r for r in pool if isinstance(r, Prediction) and r.is_overdue(today)]
    elif flt.status:  # a wrong name: accepts() refuses it as it always did, on the first prediction
        rest.status = flt.status
    needle = normalise_query(flt.search)  # once, not once per record as matches_text would
    rest.search = ""
    if rest != Filter():
        pool = [r for r in pool if rest.accepts(r, today, db)]
    if needle:
        return [r for r in pool if needle in search_text(r, db)]
    return list(pool)


@dataclass(frozen=True)
class Counts:
    pending: int
    confirmed: int
    refuted: int
    overdue: int
    void: int = 0


def status_counts(predictions: Iterable[Prediction], today: _dt.date) -> Counts:
    """How many predictions have each status, and how many are overdue (:meth:`Prediction.is_overdue`)."""
    tally = {s: 0 for s in Status}
    overdue = 0
    pending = Status.PENDING
    # Per resolve-by date object: whether its whole period is over. The date is kept in the
    # entry so that its id cannot be reused by another object while the loop runs.
    over: dict[int, tuple[PDate, bool]] = {}
    for p in predictions:
        status = p.status
        tally[status] += 1
        if status is pending:
            by = p.resolve_by
            seen = over.get(id(by))
            if seen is None:
                seen = over[id(by)] = (by, today > by.last_day())
            overdue += seen[1]
    return Counts(tally[Status.PENDING], tally[Status.CONFIRMED], tally[Status.REFUTED], overdue,
                  tally[Status.VOID])
