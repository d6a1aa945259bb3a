"""Round 17 of issue 22 (after heldout23's first run): dates a preview tells by its weekday and its meeting's month,
comparisons that name no date, claims cut to the call (a litotes, a preamble before a colon, "…, but no changes are
expected"), the check on a contrast between commas, and calls told by ellipsis, by two infinitives under one "expect"
and by "one should not count on X"; on sentences written for these tests, not taken from the evaluation set."""

from __future__ import annotations

from tracker.domain.dates import PDate
from tracker.ingest.datefind import find_dates
from tracker.ingest.evaluate import claim_is_negative

from ingest_helpers import claims as _claims
from ingest_helpers import extract_article
from tracker.ingest.stances_en import listed_item


def _extract(tmp_path, body: str, date: str = "2015-08-28"):
    return extract_article(tmp_path, body, date)


# --- dates ---------------------------------------------------------------------------------------------------------

def test_the_fed_is_no_past_tense():
    """"Fed" ends in "-ed" but tells nothing gone by: the month in a clause with "might" is the coming one."""
    found = find_dates("Traders will look for anything that might move the Fed at its October meeting.",
                       PDate(2019, 9, 20), "en")
    assert [d.date for d in found] == [PDate(2019, 10)]


def test_a_tenseless_weekday_that_is_the_previews_own_day_is_next_weeks(tmp_path):
    """A preview written on a Friday: "the payrolls report on Friday", in a clause with no verb of its own, in a
    sentence that looks ahead, is the coming Friday, not the article's own day."""
    events, _ = _extract(tmp_path, "Traders will be watching the coming days closely, above all the payrolls report "
                                   "on Friday, for anything that might move the Fed.", "2019-09-20")
    assert ("2019-09-27" in [d for d, _ in events]) and ("2019-09-20" not in [d for d, _ in events])


def test_a_month_before_meeting_names_an_occasion(tmp_path):
    """"what the Fed will do at its October meeting": the meeting is an event of that month even in a sentence
    that forecasts."""
    events, _ = _extract(tmp_path, "After a quiet week, investors will comb the data for hints of what the Fed will "
                                   "do at its October meeting.", "2019-09-20")
    assert [d for d, _ in events] == ["2019-10"]


def test_a_figure_compared_with_a_year_earlier_is_no_date(tmp_path):
    """"fell from a year earlier", "a drop in profit from the year before": the period compared with, not a year
    counted from the last one the text named."""
    events, _ = _extract(tmp_path, "Rates stand at their highest level since 2007. The retailer reported on Tuesday that "
                                   "its profit fell from a year earlier. It was a second quarter with a drop in sales "
                                   "from the year before.", "2023-05-12")
    assert not any(d in ("2006", "2005") for d, _ in events), events


def test_a_month_compared_with_is_the_nearest(tmp_path):
    """"25 points rather than the 50 points of its December meeting", written in January: the December gone by,
    though the sentence looks ahead."""
    events, _ = _extract(tmp_path, "Everyone now thinks the bank will raise rates by 25 points rather than the 50 "
                                   "points of its December meeting.", "2024-01-20")
    assert "2023-12" in [d for d, _ in events] and "2024-12" not in [d for d, _ in events]


def test_a_report_on_a_day_is_an_occasion_but_a_report_for_a_month_is_not(tmp_path):
    events, _ = _extract(tmp_path, "Markets will comb the numbers, above all the retail sales report on Tuesday, for "
                                   "anything that might help. The retail sales report for September is expected to show "
                                   "a rise.", "2019-10-11")
    dates = [d for d, _ in events]
    assert "2019-10-15" in dates and "2020-09" not in dates and "2019-09" not in dates, events


# --- claims cut to the call ----------------------------------------------------------------------------------------

def test_dont_be_shocked_if_is_the_call_itself():
    """A litotes heading the sentence: "So don't be shocked if X turns out…, even if…" is "X will turn out…", not a
    claim that keeps "Don't" (which the check read as negative), and the concession after it is left out."""
    claims = _claims("So don't be shocked if the inflation figure turns out to be well above target, even if "
                     "forecasters expect calm.")
    assert claims == ["The inflation figure will turn out to be well above target."]
    assert not claim_is_negative(claims[0])


def test_a_preamble_before_a_colon_is_left_out_of_the_claim():
    claims = _claims("But there is no point in hoping for a quick recovery: 2024 will be another hard year for exporters.")
    assert claims[0] == "2024 will be another hard year for exporters."
    assert not claim_is_negative(claims[0])


def test_a_preamble_is_only_a_clause_with_no_modal_before_a_call():
    assert _claims("The reason is simple: rates will rise.") == ["Rates will rise."]
    assert _claims("Rates will rise this year: the data leave no doubt.") == ["Rates will rise this year."]


def test_here_we_go_is_no_call():
    assert listed_item("Here we go") == [] and listed_item("Here they are, in no particular order") == []


def test_no_changes_are_expected_is_a_call_of_its_own():
    """"X will decide on policy, but no changes are expected, as…": the first clause's claim stops at "but", and
    the second is the author's negative call (heldout20's last reversed claim)."""
    claims = _claims("In Canada, the central bank will set its policy rate, but no changes are expected, as growth "
                     "holds up.")
    assert claims == ["In Canada, the central bank will set its policy rate.", "There will be no changes."]
    assert claim_is_negative(claims[1]) and not claim_is_negative(claims[0])


def test_the_check_reads_a_contrast_between_commas_as_no_negation():
    assert not claim_is_negative("The Greens will finish third, not fourth, in the national vote.")
    assert claim_is_negative("The Greens will not finish third, in the national vote.")


# --- calls found ---------------------------------------------------------------------------------------------------

def test_an_elliptic_contrast_gives_two_calls_of_opposite_direction(tmp_path):
    _, claims = _extract(tmp_path, "Reform will not win in Clacton, the Tories will.", "2024-07-01")
    assert claims == ["Reform will not win in Clacton.", "The Tories will win in Clacton."]
    _, claims = _extract(tmp_path, "The Tories will win in Clacton, Reform won't.", "2024-07-01")
    assert claims == ["The Tories will win in Clacton.", "Reform will not win in Clacton."]


def test_expect_a_to_x_and_b_to_y_without_a_comma():
    assert _claims("I also expect three independents to win and both regional parties to lose a seat.") == [
        "Three independents will win.", "Both regional parties will lose a seat."]


def test_one_should_not_count_on_x():
    assert _claims("The protests raised hopes abroad, but one should not count on a change of government in Minsk.") \
        == ["There will not be a change of government in Minsk."]
    assert _claims("You should not count on him.") == []
