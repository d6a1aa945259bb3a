"""Dates keep the precision they were typed with; nonsense is refused naming what was typed."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given, strategies as st

from tracker.domain.dates import DateError, PDate, parse_date, parse_stored


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-15", PDate(2025, 3, 15)),
        ("2025-05", PDate(2025, 5)),
        ("2025", PDate(2025)),
        ("March 15 2025", PDate(2025, 3, 15)),
        ("15 Mar 2025", PDate(2025, 3, 15)),
        ("May 2025", PDate(2025, 5)),
        ("2025年3月15日", PDate(2025, 3, 15)),
        ("2025年5月", PDate(2025, 5)),
        ("2025.02.23", PDate(2025, 2, 23)),
        ("２０２５-０３-１５", PDate(2025, 3, 15)),   # full-width digits
        ("２０２５年５月", PDate(2025, 5)),
        ("  2025-05  ", PDate(2025, 5)),
    ],
)
def test_parse_date_reads_common_forms_at_the_precision_given(text, expected):
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed.precision == expected.precision


def test_today_is_the_given_day_at_day_precision():
    assert parse_date("today", today=dt.date(2025, 3, 15)) == PDate(2025, 3, 15)
    assert parse_date("Today", today=dt.date(2024, 2, 29)) == PDate(2024, 2, 29)


def test_month_without_a_day_covers_the_whole_month():
    may = parse_date("May 2025")
    assert may.day is None
    assert may.first_day() == dt.date(2025, 5, 1)
    assert may.last_day() == dt.date(2025, 5, 31)
    assert parse_date("2024-02").last_day() == dt.date(2024, 2, 29)   # leap year
    assert parse_date("2025").last_day() == dt.date(2025, 12, 31)


@pytest.mark.parametrize(
    ("text", "iso", "human"),
    [
        ("May 2025", "2025-05", "May 2025"),
        ("2025-03-15", "2025-03-15", "15 Mar 2025"),
        ("2029", "2029", "2029"),
        ("2025年5月", "2025-05", "May 2025"),
    ],
)
def test_dates_are_stored_and_shown_at_their_precision(text, iso, human):
    parsed = parse_date(text)
    assert parsed.iso() == iso
    assert parsed.human() == human


@pytest.mark.parametrize("text", ["2025-13-45", "next blursday", "March 15", "2025-02-29", "31 Apr 2025"])
def test_unreadable_dates_are_refused_naming_the_input(text):
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert repr(text) in str(caught.value)


def test_a_date_without_a_year_says_so():
    with pytest.raises(DateError, match="no year"):
        parse_date("March 15")


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_date_is_refused(text):
    with pytest.raises(DateError, match="empty"):
        parse_date(text)


@pytest.mark.parametrize("text", ["May 2025", "2025-5", "2025/05", "2025年5月"])
def test_stored_form_is_strict(text):
    with pytest.raises(DateError):
        parse_stored(text)


def test_coarser_date_sorts_before_the_finer_dates_it_contains():
    dates = [PDate(2025, 5, 10), PDate(2025, 5), PDate(2025), PDate(2025, 4, 30), PDate(2025, 5, 1)]
    assert sorted(dates) == [PDate(2025), PDate(2025, 4, 30), PDate(2025, 5), PDate(2025, 5, 1),
                             PDate(2025, 5, 10)]


# ---- properties ---------------------------------------------------------------

@st.composite
def pdates(draw) -> PDate:
    precision = draw(st.sampled_from(["year", "month", "day"]))
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    if precision == "year":
        return PDate(day.year)
    if precision == "month":
        return PDate(day.year, day.month)
    return PDate.from_date(day)


@given(pdates())
def test_every_date_survives_its_stored_form(date):
    assert parse_date(date.iso()) == date
    assert parse_stored(date.iso()) == date


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)), st.randoms())
def test_year_sorts_before_its_months_and_months_before_their_days(day, rnd: random.Random):
    year, month, exact = PDate(day.year), PDate(day.year, day.month), PDate.from_date(day)
    shuffled = [exact, month, year]
    rnd.shuffle(shuffled)
    assert sorted(shuffled) == [year, month, exact]
    assert year < month < exact


@pytest.mark.parametrize("text", ["Monday 2025", "2025 10:30", "May 2025-05", "25 May 25", "3/15/2025"])
def test_lenient_readings_dateutil_would_accept_are_refused(text):
    with pytest.raises(DateError):
        parse_date(text)


def test_a_date_pickled_by_another_process_is_the_same_key_here():
    # A date keeps its hash: it must not depend on the process that made it (hash(None) is an address).
    import pickle
    import subprocess
    import sys

    made = subprocess.run([sys.executable, "-c", "import pickle, sys; from tracker.domain.dates import PDate; "
                           "sys.stdout.buffer.write(pickle.dumps([PDate(2025), PDate(2025, 5), PDate(2025, 5, 23)]))"],
                          capture_output=True, check=True).stdout
    here = {PDate(2025): "year", PDate(2025, 5): "month", PDate(2025, 5, 23): "day"}
    assert [here.get(date) for date in pickle.loads(made)] == ["year", "month", "day"]
