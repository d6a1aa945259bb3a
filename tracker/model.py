"""The domain model: articles, events, predictions and their history.

Plain data, no I/O: nothing here knows about JSON, TinyDB or Textual.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum

from tracker import schema
from tracker.dates import PDate


class Status(str, Enum):
    """Where a prediction stands.

    ``confirmed`` and ``refuted`` are *resolved* (scored); ``void`` is judged but never
    scored (a condition that did not happen, a claim made moot or too vague to call).
    """

    PENDING = "pending"
    CONFIRMED = "confirmed"
    REFUTED = "refuted"
    VOID = "void"

    @property
    def resolved(self) -> bool:
        """Confirmed or refuted: an outcome that counts in a score."""
        return self is Status.CONFIRMED or self is Status.REFUTED

    @property
    def closed(self) -> bool:
        """Judged in any way (resolved or void): out of the review queue, needs history."""
        return self is not Status.PENDING

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self]


_SYMBOLS = {Status.PENDING: "…", Status.CONFIRMED: "✓", Status.REFUTED: "✗", Status.VOID: "⊘"}
STATUS_NAMES = tuple(s.value for s in Status)

# Fields whose change rewrites what is being scored: refused on resolved predictions unless forced.
SCORED_FIELDS = schema.scored("prediction")


def utc_now() -> str:
    """A UTC timestamp, to the second, as history entries record it."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(slots=True)
class HistoryEntry:
    """One append-only line of a record's history.

    ``action`` is ``"status"`` (from/to, note, evidence, known_on), ``"edit"``
    (field, old, new), ``"snooze"`` (until: the next review date, note),
    ``"dispute"`` (field, values: each side's value and who set it, when a merge
    found the two sides disagreeing) or ``"settle"`` (field, new: the value a
    reader chose, note). ``by`` names who made the entry (empty when unknown).
    History is never rewritten: undoing is a new entry.
    """

    at: str
    action: str
    from_status: str | None = None
    to_status: str | None = None
    note: str = ""
    evidence: list[str] = field(default_factory=list)
    # A dispute's sides, {"value", "by"} each (declared before ``field`` shadows dataclasses.field).
    values: list[dict[str, object]] = field(default_factory=list)
    known_on: PDate | None = None
    field: str | None = None
    old: object = None
    new: object = None
    until: PDate | None = None
    by: str = ""


@dataclass(slots=True)
class Article:
    id: str
    title: str
    author: str
    published: PDate
    url: str = ""
    language: str = "en"
    # When what we hold is a translation or summary of the article:
    summary_title: str = ""
    summary_language: str = ""
    summary_posted: str = ""
    summary_source: str = ""
    source_note: str = ""
    history: list[HistoryEntry] = field(default_factory=list)

    kind = "article"

    @property
    def date(self) -> PDate:
        return self.published

    @property
    def label(self) -> str:
        return self.title


@dataclass(slots=True)
class Event:
    id: str
    date: PDate
    title: str
    summary: str = ""
    articles: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)

    kind = "event"

    @property
    def label(self) -> str:
        return self.title


@dataclass(slots=True)
class Prediction:
    id: str
    claim: str
    probability: float | None  # the author's confidence in the claim; None when never stated
    made_on: PDate
    resolve_by: PDate
    quote: str = ""
    hedge: str = ""
    # The same claim hedged differently in another section of the source: its phrase, so a
    # score's hedge range covers that reading too.
    alt_hedge: str = ""
    condition: str = ""
    horizon_note: str = ""
    author: str = ""
    # Whose call it is: the article's author, or whoever the article reports (an announcer).
    # Scores, --author and grouping use it. Empty only while being built; stored filled in.
    forecaster: str = ""
    article: str = ""
    event: str = ""
    tags: list[str] = field(default_factory=list)
    status: Status = Status.PENDING
    history: list[HistoryEntry] = field(default_factory=list)

    kind = "prediction"

    @property
    def date(self) -> PDate:
        """Where a prediction sits on a timeline: its resolve-by date."""
        return self.resolve_by

    @property
    def label(self) -> str:
        return self.claim

    def is_overdue(self, today: _dt.date) -> bool:
        """Pending after the whole resolve-by period (day, month or year) has passed."""
        return self.status is Status.PENDING and today > self.resolve_by.last_day()

    def snoozed_until(self) -> PDate | None:
        """The next-review date of the latest snooze, if it came after the latest status change."""
        for entry in reversed(self.history):
            if entry.action == "snooze":
                return entry.until
            if entry.action == "status":
                return None
        return None

    def last_status_entry(self) -> HistoryEntry | None:
        for entry in reversed(self.history):
            if entry.action == "status":
                return entry
        return None


Record = Article | Event | Prediction
KINDS = ("article", "event", "prediction")


@dataclass(slots=True)
class Database:
    """Everything one predictions file holds, keyed by id."""

    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    predictions: dict[str, Prediction] = field(default_factory=dict)

    def table(self, kind: str) -> dict[str, Record]:
        return {"article": self.articles, "event": self.events, "prediction": self.predictions}[kind]

    def find(self, record_id: str) -> Record | None:
        for kind in KINDS:
            record = self.table(kind).get(record_id)
            if record is not None:
                return record
        return None

    def records(self) -> list[Record]:
        return [*self.articles.values(), *self.events.values(), *self.predictions.values()]

    def __len__(self) -> int:
        return len(self.articles) + len(self.events) + len(self.predictions)
