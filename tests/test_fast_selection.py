"""`review` and `list` choose and order records exactly as the plain definitions do.

review_queue and query.select take shortcuts at 100k records (dates worked out once per
date object, packed int sort keys, two stable sorts); these tests compare them with plain
implementations written straight from the rules, on generated databases with every status,
date precisions, equal dates held in distinct objects, snoozes, histories with and without
known_on, disputes and voids.
"""

from __future__ import annotations

import calendar
import random
import datetime as dt
from dataclasses import astuple, replace

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tracker.domain.dates import PDate
from tracker.domain.model import Article, Database, Event, HistoryEntry, Prediction, Status
from tracker.domain.query import Filter, select, status_counts, timeline_key, timeline_sorted
from tracker.domain.review import (ReviewQueue, as_of, due_count, due_date, early_direction, predictions_as_of,
                            review_queue, snoozed_past)


def plain_review_queue(db: Database, today: dt.date, within: dt.date | None) -> ReviewQueue:
    """The review queue as docs/review.md defines it, with tuple keys."""
    snoozed, due, upcoming, early = [], [], [], []
    for p in db.predictions.values():
        p = as_of(p, today)
        if p is None or p.status is not Status.PENDING:
            continue
        key = (due_date(p), p.made_on.first_day(), ("year", "month", "day").index(p.made_on.precision), p.id)
        back_on = snoozed_past(p, today)
        if back_on is not None:
            snoozed.append(((back_on, *key), p))
        elif key[0] <= today:
            due.append((key, p))
        elif within is not None and key[0] <= within:
            upcoming.append((key, p))
        elif early_direction(p) is not None:
            early.append((key, p))
    ordered = [[p for _, p in sorted(part, key=lambda item: item[0])] for part in (due, early, upcoming, snoozed)]
    return ReviewQueue(*ordered)


def last_day(date: PDate) -> dt.date:
    month = date.month or 12
    return dt.date(date.year, month, date.day or calendar.monthrange(date.year, month)[1])


def plain_select(db: Database, flt: Filter, today: dt.date, records=None) -> list:
    """Every record the filter accepts, by (date, kind, id): the status test written out."""
    rest = replace(flt, status="")
    chosen = []
    for r in db.records() if records is None else records:
        if flt.status and (not flt.kinds or r.kind in flt.kinds):
            if not isinstance(r, Prediction):
                continue
            if flt.status == "overdue":
                if not (r.status is Status.PENDING and today > last_day(r.resolve_by)):
                    continue
            elif r.status is not Status(flt.status):
                continue
        if rest.accepts(r, today, db):
            chosen.append(r)
    return sorted(chosen, key=timeline_key)


SHARED = [PDate(2025), PDate(2025, 12), PDate(2025, 12, 31), PDate(2026, 2), PDate(2026, 3, 1),
          PDate(2024, 2, 29), PDate(2026), PDate(1, 1, 1), PDate(9999, 12, 31), PDate(9999)]
# Days on which some shared date begins or falls due: where a comparison can be off by one.
EDGES = sorted({d for p in SHARED for d in (p.first_day(), due_date(Prediction(id="", claim="", made_on=p, resolve_by=p)))})


@st.composite
def pdates(draw) -> PDate:
    """A date at any precision: one shared object, a new one near 2026-01 (dates a day apart
    and equal dates in distinct objects), or one anywhere."""
    mode = draw(st.sampled_from(["shared", "near", "any"]))
    if mode == "shared":
        return draw(st.sampled_from(SHARED))
    if mode == "near":
        day = dt.date(2025, 12, 20) + dt.timedelta(days=draw(st.integers(0, 45)))
        return draw(st.sampled_from([PDate(day.year, day.month, day.day), PDate(day.year, day.month),
                                     PDate(day.year)]))
    year = draw(st.integers(2024, 2027) | st.sampled_from([1, 2, 1999, 9998, 9999]))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return PDate(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return PDate(year, month)
    return PDate(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


STAMPS = ["2025-06-01T10:00:00Z", "2026-01-15T23:30:00Z", "2026-03-01T00:00:00+09:00", "not a time"]


@st.composite
def entries(draw) -> HistoryEntry:
    action = draw(st.sampled_from(["status", "status", "snooze", "snooze", "edit", "dispute"]))
    at = draw(st.sampled_from(STAMPS))
    if action == "status":
        return HistoryEntry(at=at, action="status", from_status="pending",
                            to_status=draw(st.sampled_from([s.value for s in Status])),
                            known_on=draw(st.none() | pdates()))
    if action == "snooze":
        return HistoryEntry(at=at, action="snooze", until=draw(pdates()))
    if action == "dispute":
        return HistoryEntry(at=at, action="dispute", field="status",
                            values=[{"value": "confirmed", "by": "a"}, {"value": "refuted", "by": "b"}])
    return HistoryEntry(at=at, action="edit", field="claim", old="a", new="b")


CLAIMS = ["X will happen.", "X will not happen.", "Troops will remain.", "Warsaw won't accept.",
          "日銀は利上げしないだろう", "日銀は利上げするだろう", "No verb here"]


@st.composite
def databases(draw) -> Database:
    ids = draw(st.lists(st.text("abz-1", min_size=1, max_size=4), unique=True, max_size=40))
    predictions = {}
    for pid in ids:
        predictions[pid] = Prediction(
            id=pid, claim=draw(st.sampled_from(CLAIMS)), made_on=draw(pdates()), resolve_by=draw(pdates()),
            status=draw(st.sampled_from([*Status, Status.PENDING, Status.PENDING])), history=draw(st.lists(entries(), max_size=3)),
            tags=draw(st.sampled_from([[], ["at-deadline"], ["x"]])), author="ann", forecaster="ann",
            article=draw(st.sampled_from(["a1", "a2"])))
    articles = {aid: Article(id=aid, title=aid, author="ann", published=draw(pdates()))
                for aid in draw(st.lists(st.sampled_from(["a1", "a2", "zz", "b"]), unique=True))}
    events = {eid: Event(id=eid, date=draw(pdates()), title=eid, articles=["a1"], tags=["x"])
              for eid in draw(st.lists(st.sampled_from(["a1", "e1", "e2", "zz"]), unique=True))}
    return Database(articles=articles, events=events, predictions=predictions)


days = (st.dates(dt.date(2024, 1, 1), dt.date(2028, 12, 31)) | st.sampled_from(EDGES)
        | st.dates(dt.date(2025, 12, 15), dt.date(2026, 2, 15)))
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(databases(), days, st.none() | st.integers(-30, 800))
def test_review_queue_is_the_plain_one(db, today, within_days):
    within = None if within_days is None else dt.date.fromordinal(
        min(max(today.toordinal() + within_days, 1), dt.date.max.toordinal()))
    assert review_queue(db, today, within) == plain_review_queue(db, today, within)


filters = st.builds(
    Filter,
    kinds=st.sets(st.sampled_from(["article", "event", "prediction", "bogus"])),
    status=st.sampled_from(["", "pending", "confirmed", "refuted", "void", "overdue", "bogus"]),
    tag=st.sampled_from(["", "x"]), article=st.sampled_from(["", "a1"]),
    due_before=st.none() | pdates(), disputed=st.booleans(), search=st.sampled_from(["", " ", "a", "will", "WILL  happen", "a1"]))


def outcome(call):
    try:
        return call()
    except ValueError as exc:  # a wrong status name: both refuse it on the same records
        return type(exc)


@SETTINGS
@given(databases(), filters, days)
def test_select_is_the_plain_filter_and_timeline_order(db, flt, today):
    assert outcome(lambda: select(db, flt, today)) == outcome(lambda: plain_select(db, flt, today))


@SETTINGS
@given(databases(), filters, days, st.randoms(use_true_random=False))
def test_select_from_given_records_keeps_their_order_on_ties(db, flt, today, rnd):
    records = db.records() * 2  # duplicates tie on every key: the pool's order must decide
    rnd.shuffle(records)
    got = outcome(lambda: select(db, flt, today, records))
    want = outcome(lambda: plain_select(db, flt, today, records))
    assert got == want
    if isinstance(got, list):
        assert [id(r) for r in got] == [id(r) for r in want]


@SETTINGS
@given(databases())
def test_timeline_sorted_is_sorting_by_timeline_key(db):
    records = db.records()
    assert [id(r) for r in timeline_sorted(records)] == [id(r) for r in sorted(records, key=timeline_key)]


def test_the_plain_review_queue_sees_what_the_fast_one_must():
    """The reference is not vacuous: each section has something in a small hand-made case."""
    today = dt.date(2026, 6, 1)
    made = PDate(2025, 1)

    def pred(pid: str, by: PDate, claim: str = "X will happen.", history=()) -> Prediction:
        return Prediction(id=pid, claim=claim, made_on=made, resolve_by=by, history=list(history))

    snooze = HistoryEntry(at="2026-05-01T00:00:00Z", action="snooze", until=PDate(2026, 9))
    db = Database(predictions={p.id: p for p in [
        pred("due", PDate(2026, 5)), pred("soon", PDate(2026, 6, 10)), pred("early", PDate(2027)),
        pred("later", PDate(2027), claim="At the deadline it will be.", history=()),
        pred("nap", PDate(2026, 1), history=[snooze])]})
    db.predictions["later"].tags = ["at-deadline"]
    queue = plain_review_queue(db, today, dt.date(2026, 7, 1))
    assert [[p.id for p in part] for part in (queue.due, queue.checkable_early, queue.upcoming, queue.snoozed)] \
        == [["due"], ["early"], ["soon"], ["nap"]]
    assert queue == review_queue(db, today, dt.date(2026, 7, 1))


@pytest.mark.parametrize("status", ["pending", "void"])
def test_list_by_status_keeps_timeline_order(status):
    a, b = PDate(2026, 3), PDate(2026, 3, 1)  # a deadline: its first day ends before the month
    db = Database(predictions={
        "b": Prediction(id="b", claim="c", made_on=PDate(2025), resolve_by=b, status=Status(status)),
        "a": Prediction(id="a", claim="c", made_on=PDate(2025), resolve_by=b, status=Status(status)),
        "z": Prediction(id="z", claim="c", made_on=PDate(2025), resolve_by=a, status=Status(status))})
    assert [r.id for r in select(db, Filter(kinds={"prediction"}, status=status), dt.date(2026, 1, 1))] \
        == ["a", "b", "z"]


def dense_database(seed: int) -> Database:
    """Hundreds of predictions due on neighbouring days at every precision, made on neighbouring
    days, snoozed to neighbouring days, ids in no order: every packing of a sort key shows."""
    rnd = random.Random(seed)
    start = dt.date(2025, 11, 1)
    near = [start + dt.timedelta(days=k) for k in range(120)]

    def some_date() -> PDate:
        day = rnd.choice(near)
        return rnd.choice([PDate(day.year, day.month, day.day), PDate(day.year, day.month), PDate(day.year)])

    predictions = {}
    for n in rnd.sample(range(10_000), 600):
        history = []
        if rnd.random() < 0.3:
            history.append(HistoryEntry(at="2025-10-01T00:00:00Z", action="snooze", until=some_date()))
        status = rnd.choice([Status.PENDING, Status.PENDING, Status.CONFIRMED, Status.VOID])
        if status is not Status.PENDING:
            history.append(HistoryEntry(at="2025-10-02T00:00:00Z", action="status", from_status="pending",
                                        to_status=status.value, known_on=some_date()))
        predictions[f"p{n}"] = Prediction(id=f"p{n}", claim=rnd.choice(CLAIMS), made_on=some_date(),
                                          resolve_by=some_date(), status=status, history=history)
    articles = {f"a{n}": Article(id=f"a{n}", title="t", author="ann", published=some_date())
                for n in rnd.sample(range(10_000), 100)}
    events = {f"e{n}": Event(id=f"e{n}", date=some_date(), title="t", articles=[]) for n in rnd.sample(range(10_000), 100)}
    return Database(articles=articles, events=events, predictions=predictions)


@pytest.mark.parametrize("seed", range(4))
def test_review_queue_is_the_plain_one_on_neighbouring_days(seed):
    db = dense_database(seed)
    for today in (dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 1, 20)):
        within = today + dt.timedelta(days=20)
        want = plain_review_queue(db, today, within)
        assert min(len(want.due), len(want.upcoming), len(want.checkable_early), len(want.snoozed)) > 5
        assert review_queue(db, today, within) == want


@pytest.mark.parametrize(("kinds", "status"), [({"prediction"}, "pending"), ({"prediction"}, "confirmed"),
                                               (set(), "overdue"), (set(), ""), ({"article", "event"}, "")])
def test_select_is_the_plain_one_on_neighbouring_days(kinds, status):
    db = dense_database(7)
    flt = Filter(kinds=kinds, status=status)
    assert select(db, flt, dt.date(2026, 1, 1)) == plain_select(db, flt, dt.date(2026, 1, 1))


def plain_counts(predictions, today: dt.date) -> tuple:
    return (sum(p.status is Status.PENDING for p in predictions), sum(p.status is Status.CONFIRMED for p in predictions),
            sum(p.status is Status.REFUTED for p in predictions),
            sum(p.status is Status.PENDING and today > last_day(p.resolve_by) for p in predictions),
            sum(p.status is Status.VOID for p in predictions))


@SETTINGS
@given(databases(), days)
def test_due_count_and_status_counts_are_the_plain_ones(db, today):
    queue = plain_review_queue(db, today, None)
    assert due_count(db, today) == len(queue.due)
    counts = status_counts(iter(list(db.predictions.values())), today)
    assert astuple(counts) == plain_counts(list(db.predictions.values()), today)


@pytest.mark.parametrize("today", [dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 1, 20)])
def test_due_count_and_status_counts_on_neighbouring_days(today):
    db = dense_database(3)
    assert due_count(db, today) == len(plain_review_queue(db, today, None).due) > 5
    predictions = list(db.predictions.values())
    assert astuple(status_counts((p for p in predictions), today)) == plain_counts(predictions, today)


@given(pdates())
def test_last_day_is_the_calendars(date):
    assert date.last_day() == last_day(date) == date.last_day()


@SETTINGS
@given(databases(), days)
def test_predictions_as_of_is_as_of_for_each(db, today):
    want = [q for q in (as_of(p, today) for p in db.predictions.values()) if q is not None]
    got = predictions_as_of(db, today)
    assert got == want
    # The same records themselves where nothing changed, copies where a judgement is taken back.
    assert [q is db.predictions[q.id] for q in got] == [q is db.predictions[q.id] for q in want]
