"""Round 26 of issue 22 (after heldout32's first run): an outcome the author ranks first or last; "X are still likely
once Y"; a question named as a talk's topic; the tense of a date in a list item, after "to be held", "hosted by" and a
calendar told in the present; two days in a row joined by "and"; a year beside a date that names its own year; the
evaluation's direction check on "will be difficult to"; on sentences written for these tests, not taken from the
evaluation set."""

from __future__ import annotations

from tracker.ingest.evaluate import claim_is_negative
from tracker.ingest.predfind_en import find_calls

from ingest_helpers import claims
from ingest_helpers import extract_article


# --- calls -----------------------------------------------------------------------------------------------------------

def test_an_outcome_ranked_first_is_the_authors_call_that_it_will_come():
    """"X is the most realistic scenario" gave no call; "X is the most likely outcome" was read with "most likely" as the
    clause's adverb, the claim left as "X is the outcome."."""
    assert claims("I still believe that a negotiated armistice is the most realistic scenario.") == \
        ["There will be a negotiated armistice."]
    assert claims("A hung parliament is the most likely outcome in May.") == ["There will be a hung parliament in May."]
    assert claims("The likeliest outcome is a narrow Labour win.") == ["There will be a narrow Labour win."]
    low = find_calls("A default by the Treasury remains the least plausible scenario.")
    assert [c.claim for c in low] == ["There will not be a default by the Treasury."] and low[0].negated


def test_an_outcome_ranked_by_someone_else_stays_theirs():
    """"The bookmakers make X the most likely outcome" is still read as before (the odds' forecast), and an analyst's
    ranking is not the author's."""
    assert claims("Pollsters say a coalition is the most realistic scenario.") == []
    calls = find_calls("The latest odds from the bookmaker Ladbrokes make a Tory majority the most likely outcome at 1/2.")
    assert calls and all(c.forecaster for c in calls)


def test_likely_after_still_or_now_with_a_time_after_it_is_a_call():
    """"Snap polls are still likely once the emergency ends" gave no call ("still" between the verb and "likely")."""
    assert claims("Early elections are still likely once the state of emergency is lifted.") == \
        ["Early elections will happen once the state of emergency is lifted."]
    assert claims("Rate cuts are now likely next year.") == ["Rate cuts will happen next year."]
    assert claims("A recount is more likely than usual.") == []  # a comparison, read elsewhere or not at all


def test_a_question_named_as_a_talks_topic_is_no_call():
    """"The minister talks about what the visit may bring" was proposed as "… what the visit will bring"."""
    assert claims("Our correspondent, a veteran of the region, talks about what the summit may bring for trade.") == []
    assert claims("This briefing explains how the central bank will respond to the shock.") == []
    assert claims("The summit may bring a trade deal.") == ["The summit will bring a trade deal."]


# --- event dates -----------------------------------------------------------------------------------------------------

def test_a_date_in_a_list_item_takes_the_tense_of_the_clause_that_holds_the_list(tmp_path):
    """An item with no verb ("…, the assembly in Lima on November 3-4, …") read with no tense was dated a year back."""
    events, _ = extract_article(tmp_path, "The forum will prepare the ground for the ministerial in Rome on July 9, the "
                                          "assembly in Lima on November 3-4 and the review hosted by Japan in the winter "
                                          "of 2023.", "2023-05-02")
    assert sorted(d for d, _ in events) == ["2023-07-09", "2023-11-03"]
    events, _ = extract_article(tmp_path, "The assembly in Lima on November 3-4 and the review in Oslo on December 1 "
                                          "will close the year.", "2023-05-02")
    assert sorted(d for d, _ in events) == ["2023-11-03", "2023-12-01"]


def test_a_noun_in_ss_or_after_a_determiner_is_no_verb_of_a_list_item(tmp_path):
    """"the congress in Lima on November 3-4" kept its item's own (missing) tense: "congress" was taken for a verb."""
    events, _ = extract_article(tmp_path, "The forum will prepare the ground for the ministerial in Rome on July 9, the "
                                          "congress in Lima on November 3-4 and the talks in Oslo on December 1.",
                                "2023-05-02")
    assert sorted(d for d, _ in events) == ["2023-07-09", "2023-11-03", "2023-12-01"]


def test_to_be_held_looks_ahead(tmp_path):
    """"The summit, to be held on 20 October, will…" read "held" as a past tense: the October gone by."""
    events, _ = extract_article(tmp_path, "The congress, to be held in Lima on 20 October, will gather the ministers.",
                                "2023-05-02")
    assert [d for d, _ in events] == ["2023-10-20"]


def test_a_calendar_told_in_the_present_looks_ahead(tmp_path):
    """"X faces a leadership contest in September" (a present) was read as the last September, and the "last year" of
    the relative clause before it then framed that date and was lost."""
    events, _ = extract_article(tmp_path, "The premier, who took office last year, faces a confidence vote in October.",
                                "2022-06-10")
    assert sorted(d for d, _ in events) == ["2021", "2022-10"]
    events, _ = extract_article(tmp_path, "The city holds a mayoral election in November.", "2022-06-10")
    assert [d for d, _ in events] == ["2022-11"]


def test_two_days_in_a_row_joined_by_and_are_one_date_its_first_day(tmp_path):
    """"on 15 and 16 November" was dated to the 16th, "on November 15 and 16" gave two events; days not in a row stay
    two dates."""
    events, _ = extract_article(tmp_path, "The assembly will meet in Nairobi on 8 and 9 September.", "2023-05-02")
    assert [d for d, _ in events] == ["2023-09-08"]
    events, _ = extract_article(tmp_path, "The assembly will meet in Nairobi on September 8 and 9.", "2023-05-02")
    assert [d for d, _ in events] == ["2023-09-08"]
    events, _ = extract_article(tmp_path, "The two rounds will be held on September 8 and 22.", "2023-05-02")
    assert sorted(d for d, _ in events) == ["2023-09-08", "2023-09-22"]


def test_a_year_beside_a_date_that_names_its_own_year_is_an_event_of_its_own(tmp_path):
    """"the Lisbon and Paris accords in 2019, the deal in Kyoto in March 2019" lost 2019, read as the frame of March."""
    events, _ = extract_article(tmp_path, "The treaty builds on the Lisbon and Paris accords in 2019, the deal made in "
                                          "Kyoto in March 2019 and the talks in Bonn in June 2020.", "2023-05-02")
    assert sorted(d for d, _ in events) == ["2019", "2019-03", "2020-06"]
    events, _ = extract_article(tmp_path, "In 2019, unemployment peaked at 9% in October.", "2023-05-02")
    assert [d for d, _ in events] == ["2019-10"]  # a year that frames a bare month still does


# --- the evaluation's direction check --------------------------------------------------------------------------------

def test_will_be_difficult_to_is_read_as_the_authors_doubt():
    """"This will be difficult to achieve" (heldout32) and "It will be hard, if not impossible, for X to V" (heldout28)
    are annotated negative; the check read them as positive."""
    assert claim_is_negative("That will be difficult to achieve this year.")
    assert claim_is_negative("It will be hard, if not impossible, for the league to match its record.")
    assert claim_is_negative("It will be very hard for the bank to cut rates.")
    assert not claim_is_negative("The winter will be hard for Europe.")
    assert not claim_is_negative("Conditions will be tough.")
