"""Round 37 of issue 22 (after heldout43's first run): a "will" in an indirect question after a verb of predicting or
knowing is no call (whpredict_en); a chance named first and judged after its clause is a call (chancesseem_en); a
month "of that year" takes the year the text named last (monthofthatyear_en)."""

from __future__ import annotations

from tests.ingest_helpers import extract_article


def test_will_inside_a_question_after_predicting_or_knowing_is_no_call(tmp_path):
    body = ("No one can tell at this stage which party will control the senate. "
            "It is wiser to watch the turnout than to guess how the count will end. "
            "Few can say when, but the central bank will cut rates.")
    _, claims = extract_article(tmp_path, body, "2022-09-01")
    assert not any("control the senate" in c for c in claims)
    assert not any("count will end" in c for c in claims)
    assert any("central bank will cut rates" in c for c in claims)  # the "will" after the comma stays a call


def test_a_chance_judged_after_its_clause_is_a_call(tmp_path):
    body = ("Given the polls, the chances that the senator wins the primary now look slim. "
            "The odds of the bank raising rates in June seem high.")
    _, claims = extract_article(tmp_path, body, "2022-03-01")
    assert any("senator will not win the primary" in c for c in claims)
    assert any("bank will raise rates in June" in c for c in claims)


def test_a_month_of_that_year_takes_the_year_named_last(tmp_path):
    body = ("The agency opened in 2016 after a long debate. "
            "Its first director quit in October of the same year, citing pressure from ministers.")
    events, _ = extract_article(tmp_path, body, "2021-05-10")
    dates = [d for d, _ in events]
    assert "2016-10" in dates and "2020-10" not in dates


def test_a_question_followed_by_a_call_of_its_own_keeps_that_call(tmp_path):
    # Met when rounds 36 and 37 were merged: the odds after ", but" are the author's call, the question before them
    # is not; a clause after the question with no forecast in it still gives no call.
    body = ("Only the company knows for certain when the next phones will be released, but the odds are that the "
            "launch is just a couple of weeks away. "
            "It is wiser to talk about what is at stake than to predict how the vote will turn out, and one can say "
            "that the choice is between reform and decay.")
    _, claims = extract_article(tmp_path, body, "2018-08-20")
    assert any("launch" in c and "couple of weeks away" in c for c in claims), claims
    assert not any("reform and decay" in c or "turn out" in c for c in claims), claims


def test_odds_of_a_clause_told_with_a_gerund_read_as_that_clause(tmp_path):
    # Met when rounds 35 and 37 were merged: round 35's "the likelihood of X remains low" took the gerund's clause as
    # a noun ("The bank raising rates in June will happen."); the clause is read as what will happen.
    body = ("Inflation cooled in May, although the odds of the bank raising rates in July remain high. "
            "The chances of the senator winning the primary look slim.")
    _, claims = extract_article(tmp_path, body, "2022-06-10")
    assert any("bank will raise rates in July" in c for c in claims), claims
    assert any("senator will not win the primary" in c for c in claims), claims
    assert not any("will happen" in c for c in claims), claims
