"""Round 24 of issue 22 (after heldout30's first run): the evaluation's direction check on a headline's capital after
"will not"; a headline's call before a colon and its speaker; a sentence that presents a list of predictions; a
condition after the author's frame kept with its main clause; event dates told as "thus far this year", "the year
before last", and a date that frames a thought nobody could have had; on sentences written for these tests, not taken
from the evaluation set."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tracker.ingest.evaluate import claim_is_negative
from tracker.ingest.extract import extract, title_calls
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles

from ingest_helpers import claims
from ingest_helpers import extract_article

EVAL = Path(__file__).parent / "fixtures" / "ingest_eval"


# --- the evaluation's direction check --------------------------------------------------------------------------------

def test_not_after_an_auxiliary_before_a_capital_is_the_predicates_negation():
    """A headline's capitals ("Tariffs Will Not Stop China") made "not Stop China." read as an alternative set aside
    ("…, and not Cruz"): the call read positive, flagged as reversed."""
    assert claim_is_negative("Tariffs & Quotas will not Stop China.")
    assert claim_is_negative("The Fed Will Not Cut Rates.")
    assert not claim_is_negative("Kasich may be the darling and not Cruz.")
    assert not claim_is_negative("Labour will win under a new leader, not one handpicked by the party.")


def test_the_least_likely_scenario_is_read_as_the_low_odds_the_author_puts_on_it():
    """"This scenario is the least likely one": the author's call is that it will not come (README's definition of
    `negative`); one annotation of heldout19 said otherwise and was made to agree, as the README tells."""
    assert claim_is_negative("A first-round win for the challenger is the least likely outcome.")
    assert claim_is_negative("This is the most unlikely scenario.")
    assert not claim_is_negative("A first-round win is the likeliest outcome.")
    for path in EVAL.glob("*/*.json"):
        for item in json.loads(path.read_text()).get("predictions", []):
            if re.search(r"\bleast likely\b|\bmost unlikely\b", item["contains"]):
                assert item["negative"], (path.name, item)


# --- a certainty denied; a headline's call before its speaker ---------------------------------------------------------

def test_a_certainty_denied_is_the_authors_negative_call_at_even_chance():
    """No hedge in the table reads "not inevitable": the sentence gave no call."""
    found = find_calls("A trade war with Europe is not inevitable.")
    assert [(c.claim, c.negated) for c in found] == [("There will not be a trade war with Europe.", True)]
    assert found[0].hedge is not None and found[0].hedge.probability == 0.5
    assert claims("A rate cut is by no means a foregone conclusion.") == ["There will not be a rate cut."]
    assert claims("No default is inevitable.") == ["There will not be any default."]
    assert claims("Analysts say a recession is not inevitable.") == []  # theirs, a verb in the subject
    assert claims("This is not inevitable.") == []


def test_a_headline_call_before_a_colon_and_the_authors_name_is_read():
    """"X: Role, Name On Topic" stopped at the colon (a label before it has a verb of its own)."""
    assert [c.claim for c in title_calls("No Trade War Is Inevitable: Economist, Jo Doe On Tariffs", ("Jo Doe",))] == [
        "There will not be any Trade War."]
    assert [c.claim for c in title_calls("The Fed Will Cut Rates In March, Says Jo Doe", ("Jo Doe",))] == [
        "The Fed Will Cut Rates In March."]
    assert title_calls("The Fed Will Cut Rates: What It Means For Jo Doe And You", ("Jo Doe",)) == []
    assert title_calls("No Trade War Is Inevitable: Economist, Jo Doe On Tariffs", ("Ann Roe",)) == []


# --- event dates -----------------------------------------------------------------------------------------------------

def test_the_year_before_last_is_two_years_before_the_articles(tmp_path):
    """"January 6 the year before last" was January 6 of the article's year, and "the year before" read as one year
    before it gave a second event."""
    events, _ = extract_article(tmp_path, "The floods of March 3 the year before last, when the river broke its banks, "
                                          "changed the town.", "2023-01-02")
    assert [d for d, _ in events] == ["2021-03-03"]
    events, _ = extract_article(tmp_path, "The plant closed the year before last.", "2023-05-02")
    assert events == [("2021", "The plant closed")]
    events, _ = extract_article(tmp_path, "The plant closed in March of last year.", "2023-05-02")
    assert events == [("2022-03", "The plant closed")]


def test_so_far_this_year_is_the_date_of_what_was_done_by_now(tmp_path):
    """"this year" with no perfect in its clause only framed: "earning more thus far this year" gave no event."""
    events, _ = extract_article(tmp_path, "The embargo sent prices soaring, which led to the exporter earning more thus "
                                          "far this year than it did before.", "2022-07-08")
    assert events == [("2022", "Led to the exporter earning more than it did before")]
    events, _ = extract_article(tmp_path, "Sales are up 5% this year so far.", "2022-07-08")
    assert events == [("2022", "Sales are up 5%")]
    events, _ = extract_article(tmp_path, "Prices will rise this year.", "2022-07-08")
    assert events == []


def test_a_thought_told_in_hindsight_dates_no_event_and_what_nobody_imagined_is_one(tmp_path):
    """The date of "nobody could have imagined" was taken for the event, and the year in its complement, what happened,
    was left out (a modal perfect before it; the December date inside it made the year a frame)."""
    events, _ = extract_article(tmp_path, "In November last year nobody could have imagined that in 2022 the club "
                                          "would change its coach three times.", "2023-01-02")
    assert [d for d, _ in events] == ["2022"]
    events, _ = extract_article(tmp_path, "In 2019 I would have expected the bank to cut rates.", "2023-01-02")
    assert events == []
    events, _ = extract_article(tmp_path, "It was a narrower win than I would have expected earlier in the year.",
                                "2023-01-02")
    assert events == []


# --- calls: a list presented, a condition after the author's frame ---------------------------------------------------

def test_here_are_my_predictions_for_what_will_happen_presents_whatever_its_hedge():
    """Round 19 read "here are the X I foresee/expect/predict" as presenting; with "going to", "definitely" or "will"
    the sentence was proposed as a call."""
    assert claims("That said, here are my five predictions for what is definitely going to happen next year:") == []
    assert claims("Here are my guesses for what the coming season will bring.") == []
    assert claims("Here are my predictions: the Fed will cut in March.") == ["The Fed will cut in March."]


def test_a_condition_after_the_authors_frame_stays_with_its_main_clause():
    """"While A, I think that if B, X will Y" gave "If B." as a call of its own (the frame's clause cut at the comma)
    and X will Y without its condition."""
    found = find_calls("While I won't guess whether there will be a deal, I think that if there is one, the union "
                       "will get a large raise.")
    assert [(c.claim, c.condition) for c in found] == [("The union will get a large raise.", "if there is one")]
    found = find_calls("Although the polls are close, if turnout is high, Labour will win.")
    assert [(c.claim, c.condition) for c in found] == [("Labour will win.", "if turnout is high")]
    assert claims("Portman will cruise in Ohio, Rubio will squeak out a win in Florida.") == [
        "Portman will cruise in Ohio.", "Rubio will squeak out a win in Florida."]


def test_a_list_of_names_before_and_is_one_subject_not_a_second_clause():
    """"The leaders of A, B, and C will attend" gave "C will attend the summit." (the serial comma read as ", and"
    before a new subject), a claim about one of them only."""
    assert claims("The heads of Chile, Peru, Bolivia, and Ecuador will also attend the summit.") == [
        "The heads of Chile, Peru, Bolivia, and Ecuador will attend the summit."]
    assert claims("This has been a rotten year, but any shop in the town should see booming trade.") == [
        "Any shop in the town will see booming trade."]


def test_a_range_of_days_is_one_date_its_first_day_with_nothing_left_in_the_title(tmp_path):
    """"on July 11-12" left "-12" in the title; "11-12 July" was dated to the 12th and left "11-"."""
    events, _ = extract_article(tmp_path, "The council meets in Geneva on July 11-12 to vote on the budget.",
                                "2023-07-03")
    assert events == [("2023-07-11", "The council meets in Geneva to vote on the budget")]
    events, _ = extract_article(tmp_path, "The council meets on 11–12 July in Geneva.", "2023-07-03")
    assert events == [("2023-07-11", "The council meets in Geneva")]


def test_a_month_of_the_past_year_is_last_years_with_nothing_left_in_the_title(tmp_path):
    events, _ = extract_article(tmp_path, "We can recall the minister's speech in Oslo in March of the past year.",
                                "2023-01-02")
    assert events == [("2022-03", "We can recall the minister's speech in Oslo")]


# --- calls the earlier splits still missed, read by general forms ---------------------------------------------------

def test_odds_the_author_puts_on_a_noun_phrase():
    """Round 22 read "I put the odds that X will V at N percent", not the odds of a noun phrase."""
    found = find_calls("If the talks resume, I put the odds of a deal before the summer at about 70 percent.")
    assert [(c.claim, c.condition) for c in found] == [("There will be a deal before the summer.", "If the talks resume")]
    found = find_calls("We put the odds of a rate cut in March at about 20%.")
    assert [(c.claim, c.negated) for c in found] == [("There will not be a rate cut in March.", True)]


def test_the_first_thing_to_expect_and_expect_to_see_name_what_will_come():
    assert claims("The first thing to expect is a fight over the budget.") == ["There will be a fight over the budget."]
    assert claims("One thing to expect is more volatility in March.") == ["There will be more volatility in March."]
    assert claims("Expect to see more store closures this winter.") == ["There will be more store closures this winter."]
    assert claims("The first thing to expect is that prices will rise.") == ["The first thing to expect is that prices "
                                                                            "will rise."]  # a clause: read as before


def test_a_second_predicate_with_could_or_might_is_a_second_call():
    """"X is expected to A and could B" was one claim at "expected to" ("… and could B" inside it); a leading phrase of
    time ("At the end of the week, X …") no longer hides the subject."""
    found = find_calls("At the end of the month, the housing index is expected to rise slightly and could show prices "
                       "stabilising.")
    assert [(c.claim, c.hedge_text) for c in found] == [
        ("At the end of the month, the housing index will rise slightly.", "expected to"),
        ("The housing index will show prices stabilising.", "could")]
    assert [(c.claim, c.hedge_text) for c in find_calls("Oil will stay high and could even reach $120.")] == [
        ("Oil will stay high.", "will"), ("Oil will reach $120.", "could")]


def test_a_bare_plural_subject_after_and_starts_a_second_call():
    """"…, and interest rates will peak at their current levels" stayed inside the first call (a bare plural noun
    phrase did not start a clause)."""
    assert claims("The job numbers will hold firm, and mortgage rates will peak at their current levels.") == [
        "The job numbers will hold firm.", "Mortgage rates will peak at their current levels."]
    assert claims("Stocks will rise, and bond yields will fall.") == ["Stocks will rise.", "Bond yields will fall."]


def test_where_eyes_will_be_is_a_previews_focus_not_a_call():
    """Cut from "While most markets will be closed on Monday, …", the clause "eyes will be on the meeting" was proposed."""
    assert claims("While most markets will be closed on Monday, eyes will be on the meeting of the central bank.") == []
    assert claims("Attention will turn to the jobs report on Friday.") == []


def test_a_by_date_told_in_the_past_after_a_clause_that_looked_ahead_is_an_event(tmp_path):
    """"…would come in December, but by December it was plain that…": the "would" of the clause before kept "by
    December" a deadline, and a month not yet over was taken for a forecast's."""
    events, _ = extract_article(tmp_path, "Local papers were reporting that the bridge would open soon, but by "
                                          "December it was plain that it would not open until 2023.", "2022-12-20")
    assert events == [("2022-12", "It was plain that it would not open until 2023")]
    events, _ = extract_article(tmp_path, "The minister said that by December the bank will have cut rates.",
                                "2022-11-20")
    assert events == []


def test_wont_a_but_will_b_gives_two_calls_of_opposite_direction():
    """"X will not A but will B" was one claim at "will not" (B read as negated with it)."""
    assert claims("The Fed will not cut rates but will pause its hikes.") == [
        "The Fed will not cut rates.", "The Fed will pause its hikes."]
    assert claims("In sport the club won't win the league but will reach the cup final.") == [
        "In sport the club will not win the league.", "In sport the club will reach the cup final."]


def test_who_has_been_speculating_that_x_is_its_forecaster():
    found = find_calls("The press has been speculating feverishly that the premier might call a snap election.")
    assert [(c.claim, c.forecaster) for c in found] == [("The premier will call a snap election.", "press")]


def test_a_headline_is_not_dropped_as_restating_a_call_the_author_only_reports(tmp_path):
    """"Election will not be this Autumn" was dropped as the headline of the body's call, which was the press's
    (and the opposite one)."""
    path = tmp_path / "a.md"
    path.write_text("# The vote will not come this spring\n\nBy Jo Doe\nDate: 2007-09-25\n\nThe press has been "
                    "speculating feverishly that the premier might call the vote this spring.\n")
    claims_ = [(c.fields["claim"], c.fields["forecaster"]) for c in extract(read_articles(path), "a.md")
               if c.kind == "prediction"]
    assert ("The vote will not come this spring.", "Jo Doe") in claims_


def test_here_you_will_find_is_the_texts_guide_not_a_call():
    assert claims("Here you will find how the forecasts compare with the results and what is on tap next week.") == []
    assert claims("In this post, you will find our picks for the season.") == []
    assert claims("That is what I expect you will find under the tree this year.") != []  # the author's call, kept


def test_a_year_as_subject_in_the_present_perfect_is_an_event_of_that_year(tmp_path):
    """Round 22 read "2023 has already seen several strikes" as a date, but the article's own year in a sentence with no
    past tense was taken for a frame."""
    events, _ = extract_article(tmp_path, "2023 has already seen several strikes, among them the nurses of two city "
                                          "hospitals.", "2023-01-20")
    assert [d for d, _ in events] == ["2023"]
    events, _ = extract_article(tmp_path, "2023 will see more strikes.", "2023-01-20")
    assert events == []
