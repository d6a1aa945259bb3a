"""The domain model: articles, events, predictions and their history.

Plain data, no I/O: nothing here knows about JSON, TinyDB or Textual.

Each field of a record is declared here once, with everything tracker needs to know
about it (tracker.domain.fieldspec): the file, `--json`, CSV, `edit`'s flags, `show`, the search
and the add/edit form all read these declarations (through tracker.domain.schema). Adding a
field is one line in its class.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from tracker.domain.dates import PDate
from tracker.domain import fieldspec as spec
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


@dataclass(slots=True, kw_only=True)
class Article:
    id: str
    title: str = spec.text(required=True, searched=True)
    author: str = spec.text(required=True, searched=True)
    published: PDate = spec.date(csv="date")
    url: str = spec.url(searched=True)
    language: str = spec.text(default="en")
    # When what we hold is a translation or summary of the article:
    summary_title: str = spec.text(searched=True)
    summary_language: str = spec.text(shown=False)
    summary_posted: str = spec.text()
    summary_source: str = spec.text()
    source_note: str = spec.text()
    history: list[HistoryEntry] = field(default_factory=list)

    kind = "article"

    @property
    def date(self) -> PDate:
        return self.published

    @property
    def label(self) -> str:
        return self.title


@dataclass(slots=True, kw_only=True)
class Event:
    id: str
    date: PDate = spec.date(precision=True, placeholder="2025-03-15, 2025-05, 2025…", form_at=2)
    title: str = spec.text(required=True, searched=True, form_at=1,
                           placeholder="what happened or is scheduled")
    summary: str = spec.text(searched=True, placeholder="optional", form_at=3)
    articles: list[str] = spec.strings(from_source=True, refers="article", csv="article", form_label="Article ids", form_at=4,
                                       placeholder="separated by ;")
    tags: list[str] = spec.strings(searched=True, placeholder="separated by ;", form_at=5)
    # The inbox proposal (tracker ingest) this record was accepted from: two readers who accept the
    # same proposal made the same call, and a git merge makes their records one (tracker.sharing.merge).
    proposal: str = spec.text(editable=False, from_source=True, show_at=17)
    history: list[HistoryEntry] = field(default_factory=list)

    kind = "event"

    @property
    def label(self) -> str:
        return self.title


@dataclass(slots=True, kw_only=True)
class Prediction:
    id: str
    claim: str = spec.text(required=True, scored=True, searched=True, show_at=1, form_at=1,
                           placeholder="English, the author's direction, judgeable")
    condition: str = spec.text(searched=True, show_at=2, form_at=11, placeholder="for 'if X then Y': the X")
    quote: str = spec.text(from_source=True, searched=True, show_at=7, form_at=10,
                           placeholder="the source sentence, in its own language")
    hedge: str = spec.text(searched=True, show_at=5, form_at=2,
                           placeholder="likely, 可能性は低い…: sets the probability")
    # The same claim hedged differently in another section of the source: its phrase, so a
    # score's hedge range covers that reading too.
    alt_hedge: str = spec.text(from_source=True, label="also read as", show_at=6)
    # The author's confidence in the claim; None when never stated.
    probability: float | None = spec.probability(scored=True, show_at=4, form_at=3,
                                                 placeholder="of the claim: 0.7 or 70%")
    made_on: PDate = spec.date(from_source=True, label="made on", show_at=8, form_at=5,
                               placeholder="blank: the article's date, else today")
    resolve_by: PDate = spec.date(label="resolve by", scored=True, precision=True, show_at=9, form_at=4,
                                  placeholder="2025-12, May 2025, 2025年5月, 2029…")
    horizon_note: str = spec.text(show_at=10, form_at=12, placeholder="why this resolve-by date")
    author: str = spec.text(from_source=True, show_at=11, form_at=6, placeholder="blank: the article's author")
    # Whose call it is: the article's author, or whoever the article reports (an announcer).
    # Scores, --author and grouping use it. Empty only while being built; stored filled in.
    forecaster: str = spec.text(scored=True, show_at=12, fallback="author", form_at=6,
                                placeholder="whose call: blank for the author")
    article: str = spec.text(from_source=True, refers="article", show_at=15, form_at=7, form_label="Article id",
                             placeholder="e.g. korybko-2025-02-22-nato-article-5")
    event: str = spec.text(from_source=True, refers="event", show_at=16, form_at=8, form_label="Event id", placeholder="optional")
    tags: list[str] = spec.strings(searched=True, show_at=13, form_at=9, placeholder="separated by ;")
    status: Status = spec.status(default=Status.PENDING, show_at=3)
    # The inbox proposal (tracker ingest) this record was accepted from: two readers who accept the
    # same proposal made the same call, and a git merge makes their records one (tracker.sharing.merge).
    proposal: str = spec.text(editable=False, from_source=True, show_at=17)
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
        entry = self.running_snooze()
        return entry.until if entry is not None else None

    def running_snooze(self) -> HistoryEntry | None:
        """The latest snooze entry, if it came after the latest status change (which ends it)."""
        for entry in reversed(self.history):
            if entry.action == "snooze":
                return entry
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

# Fields whose change rewrites what is being scored: refused on resolved predictions unless forced.
SCORED_FIELDS = tuple(f.name for f in spec.table(Prediction) if f.scored)


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

    def with_records(self, records: Iterable[Record]) -> Database:
        """A new database: this one's records with ``records`` put in (added, or replacing the one
        with the same id). This one is left as it is (screens may still be reading it).
        Each table is copied by its own ``copy()``: a table that holds its records undecoded
        (:class:`tracker.store.shelf.Shelf`) copies their bytes and decodes none."""
        new = Database(self.articles.copy(), self.events.copy(), self.predictions.copy())
        for record in records:
            new.table(record.kind)[record.id] = record
        return new

    def __len__(self) -> int:
        return len(self.articles) + len(self.events) + len(self.predictions)
