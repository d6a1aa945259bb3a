"""The review queue: due dates at each precision, settling early, snoozing, periods."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.actions import records as actions
from tracker.domain.errors import ActionError
from tracker.domain.dates import parse_stored
from tracker.domain.fields import FieldError
from tracker.domain.model import Prediction
from tracker.domain.model import HistoryEntry, Status
from tracker.domain.review import as_of, due_count, due_date, early_direction, parse_period, review_queue
from tracker.store.store import Store

TODAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def written_on_today(monkeypatch):
    """History entries written on TODAY, the day these tests review as of: a snooze written
    after the day a review is taken as of does not exist yet on that day."""
    monkeypatch.setattr("tracker.actions.records.utc_now", lambda: f"{TODAY.isoformat()}T09:00:00Z")


def bare(claim: str, due: str = "2029", tags: tuple[str, ...] = ()) -> Prediction:
    return Prediction(id="x", claim=claim, probability=0.7, made_on=parse_stored("2025-01"),
                      resolve_by=parse_stored(due), tags=list(tags))


@pytest.mark.parametrize(("resolve_by", "due"), [
    ("2025-03-15", dt.date(2025, 3, 16)),   # day: the next day
    ("2025-02", dt.date(2025, 3, 1)),       # month: after its last day
    ("2024-02", dt.date(2024, 3, 1)),       # leap February
    ("2025-12", dt.date(2026, 1, 1)),       # December rolls into the next year
    ("2025", dt.date(2026, 1, 1)),          # year: after 31 December
])
def test_due_after_the_whole_resolve_by_period(resolve_by, due):
    assert due_date(bare("X will happen", resolve_by)) == due


@pytest.mark.parametrize(("claim", "direction"), [
    ("The US will withdraw its troops from the Baltic states.", "confirm"),
    ("Poland will hold its presidential election in May 2025.", "confirm"),
    ("Trump will tell the Baltic states that the US will not support them.", "confirm"),
    ("Poland will again be positioned as a main partner.", "confirm"),
    ("Trump will not withdraw US troops from Poland.", "refute"),
    ("Warsaw won't accept the inspections.", "refute"),
    ("US troops will remain in Poland through 2028.", "refute"),
    ("Trade will depend on the route via Iran.", "refute"),
    ("The conflict in Mali will be prolonged.", "refute"),
    ("If a Baltic state starts a conflict, the US will not come to its support.", "refute"),
    ("日銀は利上げしないだろう", "refute"),
    ("日銀は利上げするだろう", "confirm"),
])
def test_early_direction_follows_the_claims_main_verb(claim, direction):
    assert early_direction(bare(claim)) == direction


def test_a_claim_about_the_deadline_itself_is_never_checkable_early():
    assert early_direction(bare("Poland will be the main partner.", tags=("At-Deadline",))) is None


@pytest.fixture
def queue_db(tmp_path):
    store = Store(tmp_path / "q.json")
    add = lambda pid, claim, due, **kw: actions.add_prediction(  # noqa: E731
        store, record_id=pid, claim=claim, probability="0.7", made_on="2025-01", resolve_by=due, **kw)
    add("old-due", "A will happen", "2025-03")
    add("newer-due", "B will happen", "2026-10-31")
    add("due-today", "C will happen", "2026-11-23")           # due on 24 Nov: today
    add("ends-today", "D will happen", "2026-11-24")          # due tomorrow
    add("soon", "E will not happen", "2026-12-10")
    add("later", "F will happen", "2028")
    add("deadline-only", "G will be the case", "2028", tags=["at-deadline"])
    add("voided", "H will happen", "2025-01")
    actions.mark(store, "voided", "void", note="moot", today=TODAY)
    add("confirmed", "I will happen", "2025-01")
    actions.mark(store, "confirmed", "confirmed", today=TODAY)
    return store


def ids(predictions):
    return [p.id for p in predictions]


def test_queue_lists_due_oldest_first_then_early_then_upcoming(queue_db):
    queue = review_queue(queue_db.load(), TODAY, within=dt.date(2026, 12, 31))
    assert ids(queue.due) == ["old-due", "newer-due", "due-today"]
    assert ids(queue.upcoming) == ["ends-today", "soon"]
    assert ids(queue.checkable_early) == ["later"]
    assert queue.snoozed == []


def test_without_a_period_nothing_is_upcoming_and_not_yet_due_ones_are_checkable_early(queue_db):
    queue = review_queue(queue_db.load(), TODAY)
    assert queue.upcoming == []
    assert ids(queue.checkable_early) == ["ends-today", "soon", "later"]


def test_today_decides_what_is_due(queue_db):
    # As of 1 April 2025 the void and the confirmation (both made on 24 Nov 2026) had not
    # happened: those two were still pending, and due since February.
    assert ids(review_queue(queue_db.load(), dt.date(2025, 4, 1)).due) == ["confirmed", "voided", "old-due"]
    assert due_count(queue_db.load(), dt.date(2026, 11, 25)) == 4


def test_void_and_judged_predictions_never_appear(queue_db):
    queue = review_queue(queue_db.load(), dt.date(2100, 1, 1), within=dt.date(2100, 1, 1))
    listed = ids(queue.due + queue.checkable_early + queue.upcoming + queue.snoozed)
    assert "voided" not in listed and "confirmed" not in listed
    assert len(listed) == len(set(listed)) == 7


def test_snoozed_prediction_leaves_the_queue_until_its_date(queue_db):
    actions.snooze(queue_db, "old-due", "30d", today=TODAY, note="waiting for the report")
    actions.snooze(queue_db, "later", "2w", today=TODAY)
    db = queue_db.load()
    assert db.predictions["old-due"].history[-1].note == "waiting for the report"
    queue = review_queue(db, TODAY)
    assert ids(queue.snoozed) == ["later", "old-due"]  # soonest back first
    assert "old-due" not in ids(queue.due) and "later" not in ids(queue.checkable_early)
    back = review_queue(db, dt.date(2026, 12, 24))
    assert ids(back.due)[0] == "old-due"
    assert back.snoozed == []  # both snoozes are over by 24 Dec


def test_undoing_a_mark_brings_back_the_snooze_it_ended(queue_db):
    snoozed = actions.snooze(queue_db, "old-due", "3 months", today=TODAY, note="wait for the summit")
    until = snoozed.snoozed_until()
    marked = actions.mark(queue_db, "old-due", "confirmed", today=TODAY)
    assert marked.snoozed_until() is None
    undone = actions.undo_mark(queue_db, "old-due", expected=Status.CONFIRMED, restore=Status.PENDING,
                               last_entry=marked.history[-1])
    assert undone.status is Status.PENDING and undone.snoozed_until() == until
    assert undone.history[-1].note == "undo: snooze restored: wait for the summit"
    assert ids(review_queue(queue_db.load(), TODAY).snoozed) == ["old-due"]
    # A plain mark back to pending is a decision of its own: it restores nothing.
    actions.mark(queue_db, "old-due", "refuted", today=TODAY)
    assert actions.mark(queue_db, "old-due", "pending", today=TODAY).snoozed_until() is None


def test_undo_restores_no_snooze_that_has_run_out(queue_db):
    actions.snooze(queue_db, "old-due", "2026-11-30", today=TODAY)
    marked = actions.mark(queue_db, "old-due", "confirmed", today=TODAY)
    undone = actions.undo_mark(queue_db, "old-due", expected=Status.CONFIRMED, restore=Status.PENDING,
                               last_entry=marked.history[-1])
    assert undone.snoozed_until() is None and undone.history[-1].action == "status"  # 30 Nov is past


def test_a_status_change_after_a_snooze_ends_it(queue_db):
    actions.snooze(queue_db, "old-due", "3 months", today=TODAY)
    actions.mark(queue_db, "old-due", "confirmed", today=TODAY)
    actions.mark(queue_db, "old-due", "pending", today=TODAY)
    db = queue_db.load()
    assert db.predictions["old-due"].snoozed_until() is None
    assert "old-due" in ids(review_queue(db, TODAY).due)


@pytest.mark.parametrize(("record_id", "period", "message"), [
    ("confirmed", "30d", "only pending"),
    ("voided", "30d", "only pending"),
    ("old-due", "2026-11", "not after today"),
    ("old-due", "soon", "neither a period"),
    ("nope", "30d", "no record"),
])
def test_snooze_refusals_leave_the_file_untouched(queue_db, record_id, period, message):
    before = queue_db.path.read_bytes()
    with pytest.raises((ActionError, FieldError), match=message):
        actions.snooze(queue_db, record_id, period, today=TODAY)
    assert queue_db.path.read_bytes() == before


@pytest.mark.parametrize(("text", "expected"), [
    ("30d", dt.date(2026, 12, 24)), ("2w", dt.date(2026, 12, 8)), ("3 months", dt.date(2027, 2, 24)),
    ("3m", dt.date(2027, 2, 24)), ("1y", dt.date(2027, 11, 24)), ("1 year", dt.date(2027, 11, 24)),
    ("2027-03-15", dt.date(2027, 3, 15)), ("2027-03", dt.date(2027, 3, 1)),
    ("March 2027", dt.date(2027, 3, 1)), ("2028", dt.date(2028, 1, 1)),
])
def test_periods_and_dates_give_the_next_review_day(text, expected):
    assert parse_period(text, TODAY) == expected


def test_month_periods_clamp_at_month_ends():
    assert parse_period("1m", dt.date(2027, 1, 31)) == dt.date(2027, 2, 28)


@pytest.mark.parametrize("text", ["", "0d", "-3d", "3 fortnights", "soon", "500y", "10:30"])
def test_nonsense_periods_are_refused_in_one_line(text):
    with pytest.raises(FieldError) as caught:
        parse_period(text, TODAY)
    assert "\n" not in str(caught.value) and str(caught.value).startswith("period: ")


def judged(status: str, known_on: str | None, at: str = "2026-03-10T12:00:00Z", made_on: str = "2025-01") -> Prediction:
    entry = HistoryEntry(at=at, action="status", from_status="pending", to_status=status,
                         known_on=parse_stored(known_on) if known_on else None)
    return Prediction(id="j", claim="X will happen", probability=0.7, made_on=parse_stored(made_on),
                      resolve_by=parse_stored("2025-12"), status=Status(status), history=[entry])


def test_as_of_a_day_before_it_was_made_a_prediction_does_not_exist():
    p = judged("confirmed", "2026-02", made_on="2025-02")
    assert as_of(p, dt.date(2025, 1, 31)) is None
    assert as_of(p, dt.date(2025, 2, 1)) is not None  # made in February: exists from its first day


def test_as_of_a_day_before_its_outcome_was_known_a_prediction_is_pending():
    p = judged("confirmed", "2026-02")
    before = as_of(p, dt.date(2026, 1, 31))
    assert before.status is Status.PENDING and before.last_status_entry() is None
    assert p.status is Status.CONFIRMED  # the stored record is untouched
    assert as_of(p, dt.date(2026, 2, 1)) is p  # known in February: known from its first day


def test_without_known_on_the_day_the_status_was_written_decides():
    p = judged("void", None, at="2026-03-10T12:00:00Z")
    assert as_of(p, dt.date(2026, 3, 9)).status is Status.PENDING
    assert as_of(p, dt.date(2026, 3, 10)).status is Status.VOID


def test_review_as_of_a_past_day_leaves_out_later_predictions_and_treats_later_judgements_as_pending(tmp_path):
    store = Store(tmp_path / "a.json")
    for pid, made in (("made-jan", "2025-01-05"), ("made-feb", "2025-02-10")):
        actions.add_prediction(store, record_id=pid, claim="X will happen", probability="0.7",
                               made_on=made, resolve_by="2025-02-20")
    actions.mark(store, "made-jan", "confirmed", known_on="2025-06-01", today=TODAY)
    db = store.load()
    assert len(review_queue(db, dt.date(2025, 1, 1))) == 0  # neither made yet
    assert ids(review_queue(db, dt.date(2025, 1, 10)).checkable_early) == ["made-jan"]
    assert ids(review_queue(db, dt.date(2025, 3, 1)).due) == ["made-jan", "made-feb"]
    assert due_count(db, dt.date(2025, 3, 1)) == 2
    assert ids(review_queue(db, dt.date(2025, 6, 1)).due) == ["made-feb"]  # confirmed by then
