"""Round 20 of issue 22 (after heldout26's first run): the author's calls told through what no one believes, a stake,
a denied inference or a litotes heading a last clause; explanations and questions told, no call; a month after a year
the sentence named, "a month later" after a date of the same sentence, "the first half of the year" told of the past;
the evaluation's reading of a claim's direction past a clause of time and a limit of degree; on sentences written for
these tests, not taken from the evaluation set."""

from __future__ import annotations

from tracker.domain.dates import PDate
from tracker.ingest.evaluate import claim_is_negative

from ingest_helpers import claims
from ingest_helpers import extract_article


# --- calls ----------------------------------------------------------------------------------------------------------

def test_no_one_believing_x_is_the_authors_doubt_of_x():
    """"I don't think anybody really believes X" is the author's "X will not", not a view credited to "anybody"."""
    assert claims("I don't think anybody really believes the pound is going to fall below parity.") == \
        ["The pound will not fall below parity."]
    assert claims("But we don't think anyone seriously expects that the strike will last a month.") == \
        ["The strike will not last a month."]


def test_a_stake_is_the_authors_call_and_its_bare_present_a_future():
    assert claims("But I'm still willing to bet that the merger collapses.") == ["The merger will collapse."]
    assert claims("I'd bet that the coalition survives the winter.") == ["The coalition will survive the winter."]


def test_a_denied_inference_keeps_the_possibility_it_leaves():
    """"This doesn't mean that X won't Y": X may Y (a positive call); "… that X will Y" stays no call (round 13)."""
    found = claims("This doesn't mean that the union won't strike in the end.")
    assert found == ["The union will strike in the end."] and not claim_is_negative(found[0])
    assert claims("That does not mean the council will approve the plan.") == []


def test_a_litotes_heading_the_last_clause_is_read():
    assert claims("Tourism has been recovering for months, and I wouldn't be surprised if it gets a lift from the "
                  "festival.") == ["It will get a lift from the festival."]


def test_an_explanation_and_a_question_told_are_no_calls():
    assert claims("If the numbers look odd, that may be because they were revised twice.") == []
    assert claims("As the season starts, everyone wants to know how many teams will qualify and whether the "
                  "format will change.") == []


# --- dates ----------------------------------------------------------------------------------------------------------

def test_a_month_after_a_year_of_the_same_sentence_is_that_years(tmp_path):
    events, _ = extract_article(tmp_path, "In 2014 the party made sure that turnout was low in March, "
                                          "and the party won twelve seats a month later.", "2022-12-30")
    assert sorted(d for d, _ in events) == ["2014-03", "2014-04"], events


def test_a_month_ahead_after_a_year_stays_the_articles(tmp_path):
    events, _ = extract_article(tmp_path, "Turnout in 2014 was low; the vote will be held in March.", "2022-12-30")
    assert "2023-03" in [d for d, _ in events], events


def test_the_first_half_of_the_year_told_of_the_past_early_in_a_year_is_the_last_one(tmp_path):
    events, _ = extract_article(tmp_path, "Exports fell by 3% in the first half of the year.", "2023-01-09")
    assert [d for d, _ in events] == ["2022"], events
    from tracker.ingest.yearframe_en import half_of_year
    sentence = "Exports fell by 3% in the first half of the year."
    assert [m.date for m in half_of_year(sentence, [], PDate(2023, 9, 9))] == [PDate(2023)]
    ahead = "Exports will recover in the first half of the year."
    assert [m.date for m in half_of_year(ahead, [], PDate(2023, 9, 9))] == [PDate(2024)]


# --- the evaluation's direction check ---------------------------------------------------------------------------------

def test_a_clause_of_time_or_a_limit_of_degree_is_no_negation_of_the_call():
    assert not claim_is_negative("Prices will keep falling until they are no longer a worry.")
    assert not claim_is_negative("The bank will keep raising rates when it need not.")
    assert not claim_is_negative("Deficits will be large, just maybe not in the trillions.")
    assert claim_is_negative("Prices will not fall until May.")
    assert claim_is_negative("The evidence since then isn't strong enough to change minds.")


def test_far_from_certain_is_a_negation():
    assert claim_is_negative("A takeover of the firm is far from inevitable.")


# --- whose call -----------------------------------------------------------------------------------------------------

def test_a_speaker_named_by_an_institution_and_a_role_keeps_the_role():
    """"a Federal Reserve official warned that X might": the official's forecast, not the institution's."""
    from tracker.ingest.predfind_en import find_calls
    assert [c.forecaster for c in find_calls("An ECB economist warned that rates might have to rise further.")] == \
        ["ECB economist"]
    assert [c.forecaster for c in find_calls("A White House spokesman said the bill will pass.")] == \
        ["White House spokesman"]


def test_which_is_why_a_named_forecaster_expects_is_that_forecasters_call():
    from tracker.ingest.predfind_en import find_calls
    calls = find_calls("Orders fell by 4% in May, which is probably why the IMF expects growth to slow in 2024.")
    assert [(c.claim, c.forecaster) for c in calls] == [("Growth will slow in 2024.", "IMF")]


def test_a_time_to_come_told_in_the_bare_present_is_a_call():
    """"Later, when the balance has changed, the risk rises": what that time brings, said as "will"; a past stays none."""
    assert claims("Eventually, once the reserves have run out, the regime falls.") == \
        ["Eventually, once the reserves have run out, the regime will fall."]
    assert claims("Later, when he had left, the house burned down.") == []
