"""Round 36 of issue 22 (after heldout42's first run): a bet the author talks the reader out of, frames of saying the
readers missed, what the text will do told in a trailing clause, and a present consequence hung on a call; on sentences
written for these tests, not taken from the evaluation set."""

from __future__ import annotations

from pathlib import Path

from tests.ingest_helpers import claims, extract_article
from tracker.ingest.evaluate import claim_is_negative
from tracker.ingest.extract import extract
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles
from tracker.ingest.wording_en import base_of


def test_a_dissuaded_bet_is_the_call_that_it_will_not_happen():
    """"If you are thinking of betting that X will V, don't" was proposed as written, its "X will V" the other way."""
    assert claims("However, if you are thinking of betting that the bank will cut rates before June, don't.") == \
        ["The bank will not cut rates before June."]
    assert claims("Don't bet on the Senate passing the bill this year.") == ["The Senate will not pass the bill this year."]
    assert claims("I wouldn't bet on Smith winning the runoff.") == ["Smith will not win the runoff."]
    assert claim_is_negative(claims("I wouldn't bet on Smith winning the runoff.")[0])
    assert claims("If you bet that the index will rise, you will probably lose money.") != []  # no dissuasion: as before


def test_a_gerund_in_ating_gets_its_e():
    """"X has a decent chance of negotiating a ceasefire" gave "X will negotiat a ceasefire"."""
    assert [base_of(g) for g in ("negotiating", "operating", "evaluating", "heating", "waiting", "cutting")] == \
        ["negotiate", "operate", "evaluate", "heat", "wait", "cut"]
    assert claims("China has a decent chance of negotiating a ceasefire.") == ["China will negotiate a ceasefire."]


def test_a_forecast_quoted_as_said_is_the_quoted_ones():
    """"X is also quoted as adding that Y may V" was credited to the author."""
    calls = find_calls("Schmidt is also quoted as adding that refiners may want to buy more crude this year.")
    assert [(c.claim, c.forecaster) for c in calls] == [("Refiners will want to buy more crude this year.", "Schmidt")]


def test_a_conclusion_of_others_is_no_call_of_the_author():
    """"They concluded that there could be three hikes" was the author's call."""
    assert [c.forecaster for c in find_calls("The economists concluded that there could be three hikes in 2017.")] == \
        ["economists"]
    assert all(c.forecaster for c in find_calls("They concluded that there could be three hikes in 2017."))


def test_we_are_saying_is_the_authors_own_call():
    """"We are also saying it will be at the theater" was credited to a forecaster named "We are"."""
    calls = find_calls("We are also saying it will be held at the convention centre downtown.")
    assert [(c.claim, c.forecaster) for c in calls] == [("It will be held at the convention centre downtown.", "")]


def test_what_the_text_will_explain_is_no_call():
    """"…, which the present piece will explain" and "…, which will now be explained" were proposed as calls."""
    assert claims("These figures leave out the political side of the deal, which the present piece will explain.") == []
    assert claims("Such views overlook the cost of the plan, which will now be explained.") == []
    assert claims("Prices will rise in spring, as this article will show.") == ["Prices will rise in spring."]


def test_a_present_consequence_is_no_part_of_the_call(tmp_path: Path):
    """"X will never forget A, which is why it is inclined to B" was one claim, long enough to restate the title's, which
    was then left out."""
    assert claims("The union will never forget the favour, which is why it is inclined to back the mayor.") == \
        ["The union will never forget the favour."]
    assert claims("Rates are high, which is why growth will slow.") == ["Rates are high, which is why growth will slow."]
    path = tmp_path / "a.md"
    path.write_text("# The Union Will Keep Backing The Mayor Despite The Strike\n\nBy Jo Doe\nDate: 2023-03-01\n\n"
                    "The union will never forget the favour, which is why it is inclined to keep backing the mayor "
                    "despite the strike.\n")
    made = [c.fields["claim"] for c in extract(read_articles(path), "a.md") if c.kind == "prediction"]
    assert "The Union Will Keep Backing The Mayor Despite The Strike." in made


def test_a_chance_in_percent_of_a_noun_is_a_call():
    """"There now seems to be a nearly 100% chance of an interest rate hike" gave no call."""
    assert claims("There now seems to be a nearly 100% chance of a rate cut, with more to come.") == \
        ["There will be a rate cut, with more to come."]
    assert claims("There is a 20% chance of a recession this year.") == ["There will not be a recession this year."]
    assert [c.forecaster for c in find_calls("Traders said there is a 70% chance of a cut in June.")] == ["Traders"]


def test_the_answer_to_what_usually_happens_is_no_call(tmp_path: Path):
    """"So what usually happens when rate hikes begin? Bull markets may stumble. Bond yields will climb." gave calls."""
    _events, made = extract_article(
        tmp_path, "So what usually happens when a central bank starts cutting? Stocks may rally. The dollar will weaken. "
                  "Credit could loosen.\n\nThis time I expect the euro to fall.", "2023-03-01")
    assert made == ["The euro will fall."]


def test_alternatives_and_dismissed_possibilities_are_no_calls():
    """"A may X, or she may Y, but she will go" read "A will X"; "Apple could run it on the 11th, but nobody launches
    anything on that date" read "Apple will run it on the 11th"."""
    assert claims("The CEO may be pushed out by the board, or he may be allowed to retire quietly, but he will go.") == \
        ["He will go."]
    assert claims("The firm could hold it on July 4, but nobody launches anything on that day, and it could be July 5, "
                  "but few launch anything then.") == []
    assert claims("Prices could rise in May, but few investors are ready.") == ["Prices will rise in May, but few investors are ready."]


def test_a_question_an_outlet_sets_out_to_answer_is_no_call():
    """"AppleInsider pins down when that is most likely to be" was proposed as "AppleInsider pins down when that will be"."""
    assert claims("TechDaily pins down when that is most likely to be, along with what you should expect to see.") == []
    assert claims("The new report explains how the central bank will respond.") == []
    assert claims("That will be followed by weeks of trying to work out what went wrong.") != []  # no outlet's question
