"""Errors as data: one base for everything the user can be told, and problems as values."""

from __future__ import annotations

import pytest

from conftest import PENDING
from tracker.actions import records as actions
from tracker.domain.codec import RecordError, decode_fields
from tracker.domain.errors import error_message
from tracker.domain.errors import Problem, TrackerError
from tracker.domain.fields import FieldError
from tracker.store.store import Store, StoreError
from tracker.domain.validate import record_problems


def test_a_record_problem_says_where_which_field_and_what():
    with pytest.raises(RecordError) as caught:
        decode_fields("prediction", "p1", {"claim": "X", "probability": 2, "made_on": "2025",
                                           "resolve_by": "2026"}, "predictions[p1]")
    problem = caught.value.problems[0]
    assert (problem.where, problem.field) == ("predictions[p1]", "probability")
    assert problem.message == "2 is not strictly between 0 and 1"
    assert problem == "predictions[p1].probability: 2 is not strictly between 0 and 1"  # the line printed


def test_cross_record_problems_are_values_too(sample_db):
    record = Store(sample_db).load().predictions[PENDING]
    problems = record_problems(record, lambda kind, record_id: False)  # nothing else exists
    assert {(p.where, p.field) for p in problems} >= {(f"predictions[{PENDING}]", "article"),
                                                      (f"predictions[{PENDING}]", "event")}


def test_a_refused_edit_points_at_the_field_it_is_about(sample_db):
    with pytest.raises(FieldError) as caught:
        actions.edit_record(Store(sample_db), PENDING, {"event": "no-such-event"})
    assert caught.value.field == "event"
    assert caught.value.problems == [Problem("", "event", "no event 'no-such-event'")]


@pytest.mark.parametrize("error", [StoreError("f: bad"), FieldError("claim", "is required"),
                                   actions.ActionError("no record")])
def test_every_error_the_user_can_cause_is_one_line_from_one_base(error):
    assert isinstance(error, TrackerError)
    assert error_message(error) == str(error)


def test_a_bug_is_not_dressed_up_as_a_user_error():
    assert error_message(KeyError("x")) is None
