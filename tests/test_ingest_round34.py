"""Round 34 of issue 22 (after heldout40's first run): a call said as a safe bet or as what is "in the cards", a
clause governed by the one before it, and the dates heldout40 got wrong; on sentences written for these tests, not
taken from the evaluation set."""

from __future__ import annotations

from pathlib import Path

from tests.ingest_helpers import extract_article
from tracker.ingest.extract import extract
from tracker.ingest.leadlists_en import find_calls
from tracker.ingest.reader import read_articles


def claims(sentence: str) -> list[str]:
    """The claims of the calls ``sentence`` gives as extract reads it (through leadlists_en)."""
    return [c.claim for c in find_calls(sentence)]


def test_an_admission_that_nobody_knows_is_no_part_of_the_call():
    """"Nobody knows for sure where X will head next, but it is safe to say that Y is not in the cards" was proposed
    whole (its "say that" hid the negation from the reversal check)."""
    assert claims("No one knows exactly what the central bank will do next, but it is safe to say that a rate cut is "
                  "not in the cards for 2019.") == ["A rate cut will not happen in 2019."]
    calls = find_calls("Nobody knows how long the strike will last, but the union will settle within a month.")
    assert [c.claim for c in calls] == ["The union will settle within a month."]


def test_a_frame_of_safe_judgement_is_the_author_s_call():
    """"It is safe to say that X will V" was credited to "It" (a speaker that says)."""
    calls = find_calls("It is safe to say that the coalition will collapse within a year.")
    assert [(c.claim, c.forecaster) for c in calls] == [("The coalition will collapse within a year.", "")]
    assert claims("It's fair to assume that tariffs will rise again.") == ["Tariffs will rise again."]


def test_what_is_in_the_cards_will_happen():
    """A noun phrase with no article before "is not in the cards" gave no call."""
    assert claims("Cheaper mortgages are not in the cards this year.") == ["Cheaper mortgages will not happen this year."]
    assert claims("Higher tariffs are on the cards for 2020.") == ["Higher tariffs will happen in 2020."]


def test_look_for_in_a_list_of_infinitives_is_no_imperative():
    """"…that has forced farms to sell land, look for new buyers to cover losses, and cut staff" gave "New buyers will
    cover losses"."""
    assert claims("The drought has forced farms to sell land, look for new buyers to cover losses, and cut staff.") == []
    assert claims("Look for new buyers to cover the losses next year.") == ["New buyers will cover the losses next year."]
    assert claims("To be clear, expect rates to rise next year.") == ["Rates will rise next year."]


def test_the_terms_of_a_past_bet_after_a_colon_are_no_call():
    """"X made a bet with his customers: anyone who bought Y would get their money back if Z" was proposed as "Anyone
    who bought Y will get their money back"."""
    assert claims("Last spring the grocer made a bold promise to his clients: every shopper would get a free turkey if "
                  "the team won the cup.") == []
    assert claims("My forecast is simple: the team will win the cup.") == ["The team will win the cup."]


def test_the_year_before_a_gerund_is_no_date(tmp_path: Path):
    """"during the first quarter of the year before rising into the $60s by June" put the event a year back (2014)."""
    events, _ = extract_article(tmp_path, "Copper fell during the first quarter of the year before rebounding by July, "
                                          "only to fall again.", "2019-11-20")
    assert [d for d, _ in events] == ["2019-07"]
    events, _ = extract_article(tmp_path, "Copper fell in the first quarter of the year before rebounding.", "2019-11-20")
    assert [d for d, _ in events] == []
    events, _ = extract_article(tmp_path, "The war began in 2014. The year before, prices had collapsed.", "2019-11-20")
    assert sorted(d for d, _ in events) == ["2013", "2014"]


def test_by_a_month_told_in_the_past_is_when_it_was_reached(tmp_path: Path):
    """"rising into the $60s by June" (told in the past) was a deadline: no event."""
    events, _ = extract_article(tmp_path, "Shares tumbled in the spring and recovered by August.", "2019-11-20")
    assert ("2019-08" in [d for d, _ in events])
    events, _ = extract_article(tmp_path, "The merger will be completed by August.", "2019-11-20")
    assert [d for d, _ in events] == []
    events, _ = extract_article(tmp_path, "The firm had promised to finish the plant by August.", "2019-11-20")
    assert [d for d, _ in events] == []
    # a participle before its noun is no past: "with continued shortages and the bank ending its support by March"
    events, _ = extract_article(tmp_path, "Given continued shortages and the central bank ending its support by March, "
                                          "shares could stall.", "2019-11-20")
    assert "2019-03" not in [d for d, _ in events]


def test_a_month_of_an_outlook_year_told_with_an_irregular_past(tmp_path: Path):
    """In an outlook for 2016 written in December 2015, "In December the industry hit a new low" was put in December
    2016: its "hit" was no tense, so the clause read as one with no verb."""
    path = tmp_path / "a.md"
    path.write_text("# Gold Forecast: 5 Things We Know Going Into 2020\n\nBy Jo Doe\nDate: 2019-12-23\n\n"
                    "Gold is not going to shine quickly in 2020.\n\nIn December the metal hit a new low, with prices "
                    "again sliding to a multi-year low.\n")
    events = [c.fields["date"] for c in extract(read_articles(path), "a.md") if c.kind == "event"]
    assert events == ["2019-12"]
