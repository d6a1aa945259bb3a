"""Round 22 of issue 22 (after heldout28's first run): a call told through a difficulty ("it will be hard, if not
impossible, for X to V"), a denied expectation ("we do not expect X to V"), odds the author puts on it, and an
expectation of a noun phrase under a condition; a range of months before one year; on sentences written for these
tests, not taken from the evaluation set."""

from __future__ import annotations

from tracker.ingest.predfind_en import find_calls

from ingest_helpers import claims
from ingest_helpers import extract_article


# --- a difficulty, a denied expectation: negative calls --------------------------------------------------------------

def test_hard_if_not_impossible_for_x_to_v_is_x_will_not_v(tmp_path):
    """Read as written, the clause kept only "It will be hard." (what is hard lost, the call's direction with it); the
    call is kept by the direction check (its hedge is words of the sentence with no negation of their own)."""
    found = find_calls("It will be hard, if not impossible, for the council to match last year's budget surplus.")
    assert [c.claim for c in found] == ["The council will not match last year's budget surplus."]
    assert found[0].hedge.negates
    assert claims("It will be difficult for the airline to recover its losses this year.") == [
        "The airline will not recover its losses this year."]
    _, predictions = extract_article(tmp_path, "It will be hard, if not impossible, for the league to top its 2021-22 "
                                               "season for drama.", "2022-09-20")
    assert predictions == ["The league will not top its 2021-22 season for drama."]


def test_we_do_not_expect_x_to_v_is_the_authors_negative_call():
    assert claims("We do not expect the bank to raise rates at its next meeting.") == [
        "The bank will not raise rates at its next meeting."]
    assert claims("I don't expect the union to accept the offer.") == ["The union will not accept the offer."]
    assert claims("I don't expect it to be easy.") == []


# --- odds the author puts on a call ----------------------------------------------------------------------------------

def test_odds_put_on_a_call_give_its_direction():
    found = find_calls("I put the odds that the mission will launch in 2024 at about 60 percent.")
    assert [c.claim for c in found] == ["The mission will launch in 2024."]
    assert found[0].hedge.band.key == "likely"
    assert claims("I put the odds that the bill will pass this year at around 30 percent.") == [
        "The bill will not pass this year."]


def test_low_odds_survive_the_direction_check(tmp_path):
    _, predictions = extract_article(tmp_path, "I put the odds that the bill will pass this year at around 30 percent.",
                                     "2022-09-20")
    assert predictions == ["The bill will not pass this year."]


def test_n_percent_odds_that_x_vs_is_a_call():
    assert claims("Ninety percent times 80 percent gives us about 70 percent odds that a launch succeeds in 2024.") == [
        "A launch will succeed in 2024."]


# --- an expectation of a noun phrase under a condition --------------------------------------------------------------

def test_if_a_i_expect_a_noun_phrase_is_a_conditional_call():
    found = find_calls("If talks fail, I expect further walkouts.")
    assert [c.claim for c in found] == ["There will be further walkouts."]
    assert found[0].condition == "If talks fail"


# --- dates: a range of months before one year, a comparison read past it, a year as its clause's subject --------

def test_a_range_of_months_before_a_year_is_one_event_dated_where_it_ends(tmp_path):
    """Before: "from June" and "to August 2022" were two events, one dated by the comparison's "last summer"."""
    events, _ = extract_article(tmp_path, "Demand fell 3% from June to August 2022 compared with a year earlier.\n\n"
                                          "Prices rose 4% between March and May 2021 in the region.", "2022-10-10")
    assert [d for d, _ in events] == ["2022-08", "2021-05"]


def test_than_is_read_past_the_period_the_comparison_measures(tmp_path):
    """"3% lower from June to August 2022 than last summer": last summer is what is compared with, no event."""
    events, _ = extract_article(tmp_path, "Demand was 3% lower from June to August 2022 than last summer.", "2022-10-10")
    assert [d for d, _ in events] == ["2022-08"]


def test_a_year_heading_its_clause_as_subject_is_an_event():
    from tracker.domain.dates import PDate
    from tracker.ingest.datefind import find_dates
    found = find_dates("By comparison, 2021 had 10% fewer stoppages.", PDate(2023, 1, 20), "en")
    assert [(m.text, str(m.date)) for m in found] == [("2021", "2021")]
    assert find_dates("Output rose 2021 units.", PDate(2023, 1, 20), "en") == []
