"""Round 23 of issue 22 (after heldout29's first run): a call told as the author's surprise ("I would be shocked if we
saw X"), a second call told after a concession ("…, though Y isn't likely to V"); on sentences written for these tests,
not taken from the evaluation set."""

from __future__ import annotations

from tracker.ingest.predfind_en import find_calls

from ingest_helpers import claims
from ingest_helpers import extract_article


# --- the author's surprise: a negative call --------------------------------------------------------------------------

def test_i_would_be_shocked_if_x_v_ed_is_x_will_not_v(tmp_path):
    """Read as written these gave no call (the direction check keeps them: the hedge has no negation of its own)."""
    assert claims("I would be shocked if we saw a cut to the planted acres in the next report.") == [
        "We will not see a cut to the planted acres in the next report."]
    assert claims("I'd be amazed if the euro were to fall below parity this year.") == [
        "The euro will not fall below parity this year."]
    assert claims("I'd be surprised if the banks cut rates in May.") == ["The banks will not cut rates in May."]
    found = find_calls("I would be very surprised if inflation stays above 5% next year.")
    assert [c.claim for c in found] == ["Inflation will not stay above 5% next year."]
    assert found[0].hedge.negates
    events, predictions = extract_article(tmp_path, "The senator did better than expected in the Oct. 2 primary. But I "
                                                    "will be surprised if he beats his rival, the former mayor, in the "
                                                    "Oct. 30 runoff.", "2022-10-05")
    assert predictions == ["He will not beat his rival, the former mayor, in the Oct. 30 runoff."]
    assert ("2022-10-30", "I will be surprised if he beats his rival, the former mayor, in the runoff") in events


def test_surprise_without_a_verb_to_read_or_a_negated_condition_is_left_as_written():
    assert claims("I'd be surprised if it rained.") == []
    assert claims("I'd be surprised if the council didn't approve the budget.") == []
    assert claims("I wouldn't be surprised if the council approves the budget.") == ["The council will approve the budget."]


# --- a concession with a subject and a modal of its own: a second call ----------------------------------------------

def test_a_concession_with_its_own_modal_is_a_call_of_its_own():
    """Read as one clause, the first call took the second's negation ("Rents are expected to rise…, though the market
    will not see…" was one claim, read as negative)."""
    assert claims("Rents are expected to rise next year, though the market isn't likely to see a flood of new "
                  "tenants.") == ["Rents will rise next year.", "The market will not see a flood of new tenants."]
    assert claims("Sales will slow, although prices won't fall much.") == ["Sales will slow.", "Prices will not fall much."]


def test_a_concession_after_no_call_is_read_as_before():
    assert claims("The plan is bold, though it won't pass.") == ["The plan is bold, though it will not pass."]


# --- a date without a year: the tense of its clause ------------------------------------------------------------------

def test_a_participle_before_a_noun_is_no_past_tense_of_the_clause(tmp_path):
    """"2022's revived (but weak) box office": "revived" describes the noun; the clause looks ahead ("should top"), so
    "Nov. 11" is the coming one (read as a past tense it was the November gone by)."""
    events, _ = extract_article(tmp_path, "Provided that the star recovers, the sequel (Nov. 11) should top the year's "
                                          "revived (but weak) box office.", "2022-01-02")
    assert [d for d, _ in events] == ["2022-11-11"]
    events, _ = extract_article(tmp_path, "The plant (Sept. 3) should restart at its delayed (and smaller) capacity.",
                                "2022-01-02")
    assert [d for d, _ in events] == ["2022-09-03"]
    events, _ = extract_article(tmp_path, "The plant restarted on Sept. 3 after the delayed repairs.", "2022-01-02")
    assert [d for d, _ in events] == ["2021-09-03"]


def test_a_release_told_in_the_bare_present_looks_ahead(tmp_path):
    events, _ = extract_article(tmp_path, "The sequel opens on Nov. 11 and should top the box office.", "2022-01-02")
    assert [d for d, _ in events] == ["2022-11-11"]
    events, _ = extract_article(tmp_path, "The new tariff takes effect on March 1, the ministry said.", "2022-01-02")
    assert [d for d, _ in events] == ["2022-03-01"]


def test_this_year_after_a_change_told_in_the_simple_past_is_its_date(tmp_path):
    """"this year" only framed a forecast unless a perfect told what was done in it; a change told in the simple past
    ("climbed", "rose") is an event of the year too."""
    events, _ = extract_article(tmp_path, "Mortgage rates climbed from about 3 percent to around 7 percent this year, "
                                          "economists say.", "2022-12-05")
    assert [d for d, _ in events] == ["2022"]
    events, _ = extract_article(tmp_path, "Prices rose sharply this year.", "2022-12-05")
    assert [d for d, _ in events] == ["2022"]
    events, _ = extract_article(tmp_path, "Prices will probably keep rising this year.", "2022-12-05")
    assert events == []


# --- a predictive "should" --------------------------------------------------------------------------------------------

def test_should_be_a_size_or_a_course_is_predictive():
    """"…, so if A, the film should be enormous": read as a duty, the second clause gave no call and its condition was
    left on the first ("…in some way, so.")."""
    assert claims("The coach will rest his stars in some way, so if the club handles the schedule well, the film "
                  "should be enormous.") == ["The coach will rest his stars in some way.", "The film will be enormous."]
    assert claims("The turnout should be huge.") == ["The turnout will be huge."]
    assert claims("The rules should be fair.") == []
    assert claims("Governments should be careful.") == []


# --- the forecaster a reported call names -----------------------------------------------------------------------------

def _forecasters(sentence: str) -> list[tuple[str, str]]:
    return [(c.claim, c.forecaster) for c in find_calls(sentence)]


def test_a_group_qualified_by_a_possessive_name_is_the_forecaster():
    """The last run of capitals named only the country ("Brazil"); with "predict" (a verb an author frames his own
    calls with) the group was no group and the call was the author's."""
    assert _forecasters("France's biggest polling firms had predicted that Macron might win the first round "
                        "outright.") == [("Macron will win the first round outright.", "France's biggest polling firms")]
    assert _forecasters("France's biggest polling firms predict that Macron will win by a wide margin.") == [
        ("Macron will win by a wide margin.", "France's biggest polling firms")]


def test_a_named_poll_is_the_forecaster_not_its_publisher():
    found = _forecasters("The bank is expected to raise rates on Tuesday, according to the latest Reuters poll.")
    assert [f for _, f in found] == ["Reuters poll"]


def test_forecasters_named_by_examples_are_all_named():
    """Split at "and", only the last example was kept, and a name with a dot ("Realtor.com") was no group at all: the
    call was the author's."""
    assert _forecasters("Other forecasters such as Acme and Realtor.com also predict that rates will likely fall "
                        "slightly.") == [("Rates will fall slightly.", "Acme and Realtor.com")]


def test_forecasters_indicate_that_is_their_forecast():
    assert _forecasters("Forecasters indicate that next year could bring a continued slowdown in sales.") == [
        ("Next year will bring a continued slowdown in sales.", "Forecasters")]


# --- no call ----------------------------------------------------------------------------------------------------------

def test_an_indefinite_pronoun_and_its_relative_clause_after_but_is_no_call():
    """"…expect a drop in yields, but nothing that will move prices": a noun phrase (what is expected), no call of the
    author's ("Nothing that will move prices." was proposed)."""
    assert claims("Analysts expect a drop in yields, but nothing that will move prices.") == []
    assert claims("Nothing that will happen this week will move prices.") == [
        "Nothing that will happen this week will move prices."]


def test_a_record_standing_to_date_in_a_list_of_predictions_is_no_call(tmp_path):
    body = ("Here are my predictions for 2022.\n\n1. Sequels: The sequel tops the box office. But the original is still "
            "the only film ever to gross $2 billion abroad.")
    _, predictions = extract_article(tmp_path, body, "2022-01-02")
    assert predictions == ["The sequel will top the box office."]


def test_it_would_surprise_me_and_surprised_to_see_are_negative_calls_too():
    assert claims("It would surprise me if the Fed raised rates in June.") == ["The Fed will not raise rates in June."]
    assert claims("But it would really shock us if prices fell this year.") == ["Prices will not fall this year."]
    assert claims("I'd be surprised to see the Fed cut rates before the summer.") == [
        "We will not see the Fed cut rates before the summer."]
    assert claims("It wouldn't surprise me if the Fed raised rates in June.") != ["The Fed will not raise rates in June."]


def test_a_hedged_verb_phrase_after_according_to_is_the_authors_call():
    """"X is expected to V1, according to the latest Reuters poll, and will likely V2": the poll's forecast, then the
    author's own (read as one clause, the two were one proposal credited to the poll)."""
    assert _forecasters("The bank is expected to raise rates by 50 basis points on Tuesday, according to the latest "
                        "Reuters poll, and will likely keep its guidance from June.") == [
        ("The bank will raise rates by 50 basis points on Tuesday.", "Reuters poll"),
        ("The bank will keep its guidance from June.", "")]
    # A clause with its own subject after "according to P, and" stays P's (round 24 reads it as a second call).
    assert {f for _, f in _forecasters("Growth will slow, according to the IMF, and prices will ease.")} == {"IMF"}
