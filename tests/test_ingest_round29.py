"""Round 29 of issue 22 (after heldout35's first run): a noun phrase said to be unlikely ("Rate cuts are unlikely.")
will not happen (was "…are not unlikely", the claim said the other way); a time told before the subject of a second
clause after "but" ("…, but afterwards their economy will recover"); a contest's outcome after "should" ("should
repeat as champions"); "X forecasts that" names X as the forecaster; on sentences written for these tests, not taken
from the evaluation set."""

from __future__ import annotations

from ingest_helpers import claims

from tracker.ingest.predfind_en import find_calls


def test_a_plural_noun_phrase_said_to_be_unlikely_will_not_happen():
    """"X are unlikely." was negated as a verb phrase ("X are not unlikely"): the claim said the other way."""
    assert claims("Rate cuts are unlikely.") == ["Rate cuts will not happen."]
    assert claims("Tax hikes, new tariffs or fresh subsidies are highly unlikely this year.") == \
        ["Tax hikes, new tariffs or fresh subsidies will not happen this year."]
    calls = find_calls("Rate cuts are unlikely.")
    assert calls[0].negated
    # left as they were: "X is unlikely to V", a singular noun phrase, an appraisal with nothing named
    assert claims("He is unlikely to win.") == ["He will not win."]
    assert claims("A deal is unlikely.") == ["There will not be a deal."]
    assert claims("However, this seems unlikely.") == []


def test_a_time_before_the_second_clauses_subject_after_but():
    """"A will V, but afterwards B will W" was one call of the whole sentence."""
    assert claims("The strike will hurt exports, but afterwards the economy will bounce back.") == \
        ["The strike will hurt exports.", "Afterwards the economy will bounce back."]
    assert claims("Prices will rise at first, but eventually their sales will fall.") == \
        ["Prices will rise at first.", "Eventually their sales will fall."]


def test_should_with_a_contests_outcome_is_a_call():
    """"The Lakers should repeat as champions" was read as a duty; "You should repeat the test" still is."""
    assert claims("The Lakers should repeat as Pacific champions.") == ["The Lakers will repeat as Pacific champions."]
    assert claims("The Rams should contend for the title.") == ["The Rams will contend for the title."]
    assert claims("You should repeat the test.") == []


def test_a_name_that_forecasts_is_the_forecaster():
    """"Goldman forecasts that oil will rise" was credited to the author; "Our forecasts suggest…" stays the author's."""
    calls = find_calls("Goldman forecasts that oil will rise in 2024.")
    assert [(c.claim, c.forecaster) for c in calls] == [("Oil will rise in 2024.", "Goldman")]
    assert [c.forecaster for c in find_calls("Our forecasts suggest oil will rise.")] == [""]


def test_an_aside_of_faint_praise_is_no_part_of_the_claim():
    """"X should improve, but that isn't saying much": its "isn't" made the call read negative."""
    assert claims("The Jets should improve, but that isn't saying much.") == ["The Jets will improve."]
    assert claims("Sales will grow, which is not saying a lot.") == ["Sales will grow."]


def test_a_present_clause_after_as_keeps_its_own_tense(tmp_path):
    """"X may V as Y hits a record in November": the modal of the main clause put November ahead (or gave no event)."""
    from ingest_helpers import extract_article
    events, _ = extract_article(tmp_path, "The cartel may cut output again as US production hits a new high in November.",
                                "2019-12-03")
    assert [d for d, _ in events] == ["2019-11"]


def test_a_known_fact_an_indirect_question_and_the_texts_next_step_are_no_calls():
    """"As we know, only one club can win the cup", "speculate on what the gains will be" (proposed as "On what the
    gains will be."), "this discussion will continue after the vote": no calls; "The talks will continue." stays one."""
    from tracker.ingest.leadlists_en import find_calls as calls_of
    assert calls_of("But as we know, only one club can win the cup.") == []
    assert calls_of("You are free to speculate on what the gains will be.") == []
    assert calls_of("To keep things short, this discussion will continue after the vote.") == []
    assert [c.claim for c in calls_of("The talks will continue.")] == ["The talks will continue."]


def test_a_move_told_from_a_month_puts_the_month_behind(tmp_path):
    """"is trying to retrace the decline from the end of November" (a present progressive) put November a year ahead."""
    from ingest_helpers import extract_article
    events, _ = extract_article(tmp_path, "Copper is trying to retrace the slide from the end of November.", "2019-12-03")
    assert [d for d, _ in events] == ["2019-11"]
    events, _ = extract_article(tmp_path, "Copper is recovering from October.", "2019-12-03")
    assert [d for d, _ in events] == ["2019-10"]
    events, _ = extract_article(tmp_path, "Sales are set to fall in November.", "2019-12-03")
    assert [d for d, _ in events] == ["2020-11"]


def test_the_year_a_habit_is_counted_from_is_no_event(tmp_path):
    """"Every year since 2009 I have begun by…" gave an event of 2009; "Since 2009 I have…" keeps it."""
    from ingest_helpers import extract_article
    events, _ = extract_article(tmp_path, "Every year since 2012 we have gathered to vote on the best films.", "2019-01-01")
    assert events == []
    events, _ = extract_article(tmp_path, "Since 2012 we have gathered to vote on the best films.", "2019-01-01")
    assert [d for d, _ in events] == ["2012"]
