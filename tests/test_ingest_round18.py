"""Round 18 of issue 22 (after heldout24's first run): the year of a day told in a story that named its year before,
"by" a month or day in a clause told of the past, a future told inside a past story, a modal in an aside, and calls
told as "we see X rising in 2023", "our forecast for X is Y", "…, although X is likely to Y" and "X is not on the
cards"; on sentences written for these tests, not taken from the evaluation set."""

from __future__ import annotations

from tracker.domain.dates import PDate
from tracker.ingest.datecontext_en import done_by
from tracker.ingest.datefind import find_dates
from tracker.ingest.predfind_en import find_calls

from ingest_helpers import claims as _claims
from ingest_helpers import extract_article


def _extract(tmp_path, body: str, date: str = "2021-06-01"):
    return extract_article(tmp_path, body, date)


# --- dates ---------------------------------------------------------------------------------------------------------

def test_a_day_without_a_year_follows_the_story_not_the_article(tmp_path):
    """A retrospective written in June 2021: after "On November 2, 2019", "On February 9" and "On April 20" are the
    days of 2020 that follow, not those of 2021 before the article."""
    events, _ = _extract(tmp_path, "On November 2, 2019, the port authority is told of a leak at the main dock. "
                                   "On February 9 the first tanker is turned away. On April 20 the dock is closed.")
    assert sorted(d for d, _ in events) == ["2019-11-02", "2020-02-09", "2020-04-20"], events


def test_a_story_of_the_weeks_before_the_article_keeps_its_days(tmp_path):
    """Days within half a year after the last one named stay read against the article."""
    events, _ = _extract(tmp_path, "On March 2, 2021, the port authority was told of a leak. On May 9 the dock "
                                   "was closed.")
    assert sorted(d for d, _ in events) == ["2021-03-02", "2021-05-09"], events


def test_by_a_month_in_a_clause_told_of_the_past_is_when_it_was_so():
    """"By April he was the largest shareholder", "By mid May she owned 8%": a date gone by, not a deadline."""
    ref = PDate(2022, 11, 6)
    for sentence, month in (("By April he was the largest shareholder of the firm.", 4),
                            ("By mid May she owned 8% of the company.", 5),
                            ("The board resisted, but by the end of June he had lined up the financing.", 6)):
        found = done_by(sentence, find_dates(sentence, ref, "en"), ref)
        assert [(d.date, d.deadline) for d in found] == [(PDate(2022, month), False)], sentence


def test_by_a_month_ahead_stays_a_deadline():
    ref = PDate(2022, 11, 6)
    sentence = "By April the bank will have raised rates twice."
    assert [d.deadline for d in done_by(sentence, find_dates(sentence, ref, "en"), ref)] == [True]


# --- no call --------------------------------------------------------------------------------------------------------

def test_a_modal_in_a_bracketed_concession_is_no_hedge_of_the_clause():
    """"X is having a rough month (though the rest of his year may be fine)": the "may" is a remark's."""
    assert _claims("The minister is having a rough month in office (though the rest of his year may be fine).") == []
    assert _claims("The firm will have a bad year (though its shares may recover).") == ["The firm will have a bad year."]


def test_a_future_told_inside_a_story_in_the_present_is_no_call(tmp_path):
    """A story told in the historical present: "On May 4 the ministry reports the first case of a strain that will be
    named Delta" tells what came after that day; a past tense keeps the author's "which will…"."""
    _, calls = _extract(tmp_path, "On May 4, 2020, the ministry reports the first case of a strain that will be named "
                                  "Delta.", "2021-06-01")
    assert calls == []
    _, calls = _extract(tmp_path, "Output in May was 9.1 million barrels, which will keep prices high.", "2021-06-01")
    assert len(calls) == 1


# --- calls found ----------------------------------------------------------------------------------------------------

def test_we_see_x_rising_after_a_fronted_clause():
    """"…, but because the bank is tightening hard, we see default risks rising in 2024": the author's frame heading
    the last clause; "We see" at a sentence's start too."""
    assert _claims("Tightening does not always end in defaults, but because the bank is tightening hard, we see "
                   "default risks rising in 2024.") == ["Default risks will rise in 2024."]
    assert _claims("We see wage growth slowing next year.") == ["Wage growth will slow next year."]


def test_our_forecast_for_x_is_a_figure():
    assert _claims("Our forecast for the average copper price is US$ 8,000 for 2024.") == \
        ["The average copper price will be US$ 8,000 for 2024."]
    assert _claims("Our forecast for growth is unchanged.") == []


def test_a_concession_with_a_hedge_of_its_own_is_a_second_call():
    """"X will A, although Y is likely to B": two calls, the second the concession's own."""
    assert _claims("Higher rates will weigh on housing, although mortgage demand is likely to recover in the spring.") \
        == ["Higher rates will weigh on housing.", "Mortgage demand will recover in the spring."]


def test_on_the_cards_and_not_on_the_cards():
    """"X is on the cards" is the author's likely call; "not"/"no longer on the cards" his negative one, a "that" after
    "Even if he had meant to V" standing for what he meant to do."""
    calls = find_calls("Even if she had meant to call an early vote, that is now not on the cards.")
    assert [(c.claim, c.negated) for c in calls] == [("She will not call an early vote.", True)]
    calls = find_calls("A rate cut is on the cards.")
    assert [(c.claim, c.negated) for c in calls] == [("There will be a rate cut.", False)]
    assert [c.negated for c in find_calls("A deal is no longer on the cards.")] == [True]


def test_a_period_that_is_its_clauses_subject_is_told_of_itself(tmp_path):
    """"Set off by protests in May, the second quarter of 2021 ended as the worst in a decade": two events, the quarter
    not dropped as the frame of the month beside it."""
    events, _ = _extract(tmp_path, "Set off by a wave of protests in May, the second quarter of 2021 ended as the worst "
                                   "quarter for retailers in a decade.", "2021-08-10")
    assert sorted(d for d, _ in events) == ["2021", "2021-05"], events


def test_a_month_after_a_hyphenated_adjective_names_its_event():
    """"High-profile October strikes at two plants": the strikes of that month."""
    found = find_dates("High-profile October strikes at two plants drove a revival of walkouts.", PDate(2022, 1, 18), "en")
    assert [d.date for d in found] == [PDate(2021, 10)]
