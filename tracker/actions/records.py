"""What a user can do to the database: add, edit, mark, undo, snooze (import: tracker.exchange.importing).

The CLI and the TUI both call these functions, so locking, validation and
history cannot differ between them. Each runs in one storage transaction:
locked, re-read, written once, atomically, or not at all.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Container, Iterable, Mapping
from dataclasses import replace
from typing import Any

from tracker.domain import hedges
from tracker.domain.codec import RecordError, check_id
from tracker.domain.encoding import FIELDS, encode_value
from tracker.domain.dates import PDate
from tracker.domain.errors import ActionError
from tracker.domain.fields import (
    FieldError, check_urls, parse_field, parse_known_on, parse_status, resolve_probability, split_list,
)
from tracker.domain.ids import new_id
from tracker.domain.model import (
    KINDS, SCORED_FIELDS, Article, Event, HistoryEntry, Prediction, Record, Status, utc_now,
)
from tracker.domain.status import status_entry
from tracker.domain.text import has_control
from tracker.store.store import Store
from tracker.store.transaction import Transaction
from tracker.domain.validate import made_before_published, published_after_predictions, record_problems
from tracker.actions.who import current_user


def _all_ids(session: Transaction) -> set[str]:
    return set().union(*(session.ids(kind) for kind in KINDS))


def _refuse_problems(record: Record, session: Transaction, changed: Iterable[str] = ()) -> None:
    """Refuse a record with problems, naming the field of the first (so a form can point at it)."""
    problems = record_problems(record, session.exists) + _publication_problems(record, session, changed)
    if problems:
        raise _field_error(problems[0], changed)


def refuse_empty_forecaster(changes: Mapping[str, Any]) -> None:
    """A forecaster set to nothing would move the call out of its author's score: refused."""
    if "forecaster" in changes and not str(changes["forecaster"] or "").strip():
        raise FieldError("forecaster", "cannot be empty: name whose call it is (the author, or who announced it)")


def _publication_problems(record: Record, session: Transaction, changed: Iterable[str]) -> list[str]:
    """A prediction must not be made before its article was published (seen from either side)."""
    if isinstance(record, Prediction) and record.article:
        article = session.get("article", record.article)
        return made_before_published(record, article if isinstance(article, Article) else None)
    if isinstance(record, Article) and "published" in set(changed):  # the only scan: a rare edit
        return published_after_predictions(record, session.database().predictions.values())
    return []


def _field_error(problem: str, changed: Iterable[str] = ()) -> FieldError:
    """A record's problem as a FieldError on its field (so a form can point at it).

    Problems come from codec and validate as :class:`~tracker.domain.errors.Problem` values; one
    about the record as a whole, or inside its history, is put on the id. A problem
    between two dates is put on the one the user just changed.
    """
    field = getattr(problem, "field", "")
    message = getattr(problem, "message", str(problem))
    if not field or "[" in field:
        field = "id"
    changed = set(changed)
    if field == "resolve_by" and "made_on" in changed and "resolve_by" not in changed:
        # Say it about the date the user gave, in that order: "made_on: 2030 is after resolve_by ...".
        due, _, made = message.partition(" is before made_on ")
        return FieldError("made_on", f"{made} is after resolve_by {due}" if made else message)
    return FieldError(field, message)


def _put(session: Transaction, record: Record) -> None:
    _put_many(session, [record])


def _put_many(session: Transaction, records: list[Record], as_read: Container[int] = ()) -> None:
    try:
        session.put_many(records, as_read)
    except RecordError as exc:
        raise _field_error(exc.problems[0]) from None


def add_prediction(store: Store, *, claim: str, resolve_by: Any, probability: Any = None,
                   hedge: str = "", made_on: Any = None, author: str = "", article: str = "",
                   event: str = "", quote: str = "", tags: Any = (), condition: str = "",
                   horizon_note: str = "", record_id: str | None = None,
                   forecaster: str = "", **other: Any) -> Prediction:
    """Add a prediction; made_on and author default to the article's when one is named,
    and the forecaster (whose call it is) to the author. ``other``: any other field, by name."""
    claim = parse_field("claim", claim)
    if not claim:
        raise FieldError("claim", "is required")
    hedge = parse_field("hedge", hedge)
    prob = resolve_probability(probability, hedge)
    due = parse_field("resolve_by", resolve_by)
    made = parse_field("made_on", made_on) if made_on not in (None, "") else None
    with store.transaction() as session:
        source = session.get("article", article) if article else None
        if article and source is None:
            raise FieldError("article", f"no article {article!r} (see `tracker list --kind article`)")
        made = made or (source.published if source else PDate.today())
        author = parse_field("author", author) or (source.author if source else "")
        prediction = Prediction(
            id=record_id or new_id("prediction", claim, _all_ids(session)),
            claim=claim, probability=prob, made_on=made, resolve_by=due,
            quote=parse_field("quote", quote), hedge=hedge, condition=parse_field("condition", condition),
            horizon_note=parse_field("horizon_note", horizon_note),
            author=author, forecaster=parse_field("forecaster", forecaster) or author,
            article=article, event=parse_field("event", event), tags=split_list(tags),
            **{name: parse_field(name, value) for name, value in other.items()},
        )
        _insert(session, prediction)
    return prediction


def add_event(store: Store, *, date: Any, title: str, summary: str = "", articles: Any = (),
              tags: Any = (), record_id: str | None = None, **other: Any) -> Event:
    """Add an event; ``other``: any other field, by name."""
    title = parse_field("title", title)
    if not title:
        raise FieldError("title", "is required")
    event = Event(id=record_id or "", date=parse_field("date", date), title=title,
                  summary=parse_field("summary", summary), articles=split_list(articles, "articles"),
                  tags=split_list(tags), **{name: parse_field(name, value) for name, value in other.items()})
    with store.transaction() as session:
        if not event.id:
            event.id = new_id("event", title, _all_ids(session), prefix=event.date.iso())
        _insert(session, event)
    return event


def add_article(store: Store, *, title: str, author: str, published: Any, url: str = "",
                language: str = "en", record_id: str | None = None, **extra: str) -> Article:
    title, author = parse_field("title", title), parse_field("author", author)
    if not title:
        raise FieldError("title", "is required")
    if not author:
        raise FieldError("author", "is required")
    article = Article(id=record_id or "", title=title, author=author,
                      published=parse_field("published", published), url=parse_field("url", url),
                      language=language or "en", **{k: parse_field(k, v) for k, v in extra.items()})
    with store.transaction() as session:
        if not article.id:
            article.id = new_id("article", f"{author.split()[-1]} {title}", _all_ids(session))
        _insert(session, article)
    return article


def _insert(session: Transaction, record: Record) -> None:
    bad_id = check_id(record.id, "id")
    if bad_id:
        raise FieldError("id", bad_id[0].split(": ", 1)[1])
    if has_control(record.id):  # ids are typed back: no invisible characters
        raise FieldError("id", f"{record.id!r} holds control characters")
    if record.id in _all_ids(session):
        raise ActionError(f"id {record.id!r} is already taken")
    _refuse_problems(record, session)
    _put(session, record)


def insert(session: Transaction, record: Record) -> None:
    """Add a new record inside a running transaction, with the checks `add` makes."""
    _insert(session, record)


def _get(session: Transaction, record_id: str) -> Record:
    record = session.find(record_id)
    if record is None:
        from tracker.domain.ids import no_such_id

        raise ActionError(no_such_id(record_id, _all_ids(session)))
    return record


def _get_prediction(session: Transaction, record_id: str, doing: str) -> Prediction:
    record = _get(session, record_id)
    if not isinstance(record, Prediction):
        raise ActionError(f"{record_id!r} is {'an' if record.kind[0] in 'aeiou' else 'a'} "
                          f"{record.kind}; only predictions can be {doing}")
    return record


def _refuse_changed_since(record: Record, expected: Record, fields: Iterable[str]) -> None:
    """Raise :class:`FieldError` for the first field (in the record's own order) whose value is no
    longer the one the editor saw."""
    for name in FIELDS[record.kind]:
        if name in fields and name not in ("history", "id", "kind") \
                and getattr(record, name, None) != getattr(expected, name, None):
            shown = repr(encode_value(getattr(record, name, None)))
            if len(shown) > 200:
                shown = shown[:200] + "…"
            raise FieldError(name, f"was changed by someone else since this form opened (it is now {shown}); "
                                   "nothing was saved: close the form and edit again to start from the new value")


def edit_record(store: Store, record_id: str, changes: Mapping[str, Any], *, force: bool = False,
                note: str = "", expected: Record | None = None) -> tuple[Record, list[HistoryEntry]]:
    """Change fields (not status or history); each change is appended to the history.

    Returns the updated record and the history entries the edit appended.

    The claim, probability or resolve-by of a resolved prediction are what it is
    scored on: changing them is refused unless ``force``. With ``expected`` (the record as
    the editor saw it, e.g. when a form opened), the edit is refused, naming the field, if
    another process has since changed one of the fields it changes (or the probability, when it
    changes the hedge, which may set the probability): saving would replace that change.
    """
    if not changes:
        raise ActionError("nothing to change: name at least one field")
    refuse_empty_forecaster(changes)
    by = current_user(store.path.parent)  # asked before taking the lock: it may start git
    with store.transaction() as session:
        record = _get(session, record_id)
        allowed = set(FIELDS[record.kind]) - {"status"}
        if expected is not None:
            touched = {*changes, "probability"} if "hedge" in changes else set(changes)
            _refuse_changed_since(record, expected, touched & allowed)
        for name in changes:
            if name in ("status", "history", "id", "kind"):
                raise FieldError(name, "cannot be edited (use `tracker mark` for status)")
            if name not in allowed:
                raise FieldError(name, f"is not a field of {'an' if record.kind[0] in 'aeiou' else 'a'} {record.kind}")
        typed = {name: parse_field(name, value) for name, value in changes.items()}
        if isinstance(record, Prediction) and "hedge" in typed and "probability" not in typed:
            reading = hedges.lookup(typed["hedge"])
            if reading is not None and (record.probability is None
                                        or not hedges.probability_agrees(typed["hedge"], record.probability)):
                typed["probability"] = reading.probability
        if isinstance(record, Prediction) and "probability" in typed:
            resolve_probability(typed["probability"], typed.get("hedge", record.hedge))
        changed = {name: value for name, value in typed.items() if getattr(record, name) != value}
        if not changed:
            raise ActionError(f"{record_id}: nothing changed (the values are the ones it has)")
        if isinstance(record, Prediction) and record.status.closed and not force:
            scored = [name for name in changed if name in SCORED_FIELDS]
            if scored:
                raise ActionError(f"{record_id} is {record.status.value}: changing {', '.join(scored)} "
                                  "would rewrite what it is scored on (use --force to do it anyway)")
        at = utc_now()
        entries = [HistoryEntry(at=at, action="edit", field=name, old=encode_value(getattr(record, name)),
                                new=encode_value(value), note=note, by=by)
                   for name, value in changed.items()]
        updated = replace(record, **changed, history=[*record.history, *entries])
        _refuse_problems(updated, session, changed)
        _put(session, updated)
    return updated, entries


def mark(store: Store, record_id: str, status: Any, *, note: str = "", evidence: Iterable[str] = (),
         known_on: Any = None, today: _dt.date | None = None,
         expected: Status | None = None, last_entry: HistoryEntry | None = None,
         resume_snooze: bool = False) -> Prediction:
    """Set a prediction's status (pending, confirmed, refuted, or void with a note),
    appending who-knows-what-when to its history.

    ``known_on`` (default today) says when the outcome became known; a move back to
    pending records none. With ``expected``, the mark is refused if the prediction is
    no longer at that status (another process marked it since the user looked); with
    ``last_entry``, unless that entry is still the latest in its history.
    ``resume_snooze`` (an undo back to pending): a snooze the undone mark ended, and that has
    not run out, is written again, in the same write.
    """
    new_status = parse_status(status) if not isinstance(status, Status) else status
    today = today or _dt.date.today()
    # The same checks as inside the lock, before it: a bad note or date is refused at once.
    check_urls(split_list(list(evidence), "evidence"))
    if new_status is not Status.PENDING:
        parse_known_on(known_on, today)
    if new_status is Status.VOID and not str(note or "").strip():
        raise FieldError("note", "a void needs a note saying why it can never be judged fairly")
    by = current_user(store.path.parent)  # asked before taking the lock: it may start git
    with store.transaction() as session:
        prediction = _get_prediction(session, record_id, "marked")
        if expected is not None and prediction.status is not expected:
            raise ActionError(f"{record_id} is now {prediction.status.value}, not {expected.value}: "
                              "it was changed elsewhere since; nothing written")
        if last_entry is not None and not _same_entry(prediction.history, last_entry):
            raise ActionError(f"{record_id} changed since that mark (its latest history entry is "
                              f"{_describe(prediction.history)}, written elsewhere); nothing written")
        if prediction.status is new_status:
            raise ActionError(f"{record_id} is already {new_status.value}")
        entry = status_entry(prediction, new_status, note=note, evidence=evidence, known_on=known_on,
                             today=today, by=by, at=utc_now())
        entries = [entry]
        if resume_snooze and new_status is Status.PENDING:
            snooze = _snooze_ended_by_last_mark(prediction)
            if snooze is not None and snooze.until is not None and snooze.until.first_day() > today:
                entries.append(HistoryEntry(at=entry.at, action="snooze", until=snooze.until, by=by,
                                            note=f"undo: snooze restored{f': {snooze.note}' if snooze.note else ''}"))
        updated = replace(prediction, status=new_status, history=[*prediction.history, *entries])
        _put(session, updated)
    return updated


def _snooze_ended_by_last_mark(prediction: Prediction) -> HistoryEntry | None:
    """The snooze that was running when the latest status change was written (which ended it)."""
    history = prediction.history
    last = next((i for i in range(len(history) - 1, -1, -1) if history[i].action == "status"), None)
    return None if last is None else replace(prediction, history=history[:last]).running_snooze()


def _same_entry(history: list[HistoryEntry], entry: HistoryEntry) -> bool:
    """Whether ``entry`` is the latest of ``history`` (compared by what it records, not identity)."""
    if not history:
        return False
    latest = history[-1]
    fields = ("at", "action", "from_status", "to_status", "note", "by")
    return all(getattr(latest, f) == getattr(entry, f) for f in fields)


def _describe(history: list[HistoryEntry]) -> str:
    if not history:
        return "none"
    h = history[-1]
    what = f"{h.from_status} → {h.to_status}" if h.action == "status" else f"{h.action} {h.field or ''}".strip()
    return f"{what} at {h.at}"


def undo_mark(store: Store, record_id: str, *, expected: Status, restore: Status,
              last_entry: HistoryEntry | None = None) -> Prediction:
    """Undo a mark by appending an entry that restores the previous status (and, back to
    pending, the snooze the mark ended, if it still runs).

    Refused when the prediction is no longer at ``expected`` (someone marked it since),
    and, with ``last_entry``, when that mark is no longer the latest entry of its history
    (someone marked it and marked it back, or edited it).
    """
    return mark(store, record_id, restore, expected=expected, last_entry=last_entry,
                note=f"undo: back from {expected.value} to {restore.value}", resume_snooze=True)


def snooze(store: Store, record_id: str, period: str, *, today: _dt.date | None = None,
           note: str = "") -> Prediction:
    """Take a pending prediction out of the review queue until a day after today
    (``30d``, ``3 months``, ``2026-03``: see :func:`tracker.domain.review.parse_period`),
    appending a snooze entry to its history. A later status change ends the snooze."""
    from tracker.domain.review import parse_period

    today = today or _dt.date.today()
    until = parse_period(period, today)
    if until <= today:
        raise FieldError("period", f"{until.isoformat()} is not after today ({today.isoformat()})")
    by = current_user(store.path.parent)  # asked before taking the lock: it may start git
    with store.transaction() as session:
        prediction = _get_prediction(session, record_id, "snoozed")
        if prediction.status is not Status.PENDING:
            raise ActionError(f"{record_id} is {prediction.status.value}; only pending predictions "
                              "can be snoozed")
        entry = HistoryEntry(at=utc_now(), action="snooze", until=PDate.from_date(until),
                             note=str(note or "").strip(), by=by)
        updated = replace(prediction, history=[*prediction.history, entry])
        _put(session, updated)
    return updated
