"""How `tracker ingest` reads English sentences an analyst would read (issue 22): each call with the
hedge that governs it, its negation, condition, speaker and horizon; dates against the article's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.domain.dates import PDate
from tracker.ingest.datefind import find_dates
from tracker.ingest.evaluate import claim_is_negative, score_gold
from tracker.ingest.extract import extract
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles

EVAL = Path(__file__).parent / "fixtures" / "ingest_eval"


def calls(sentence: str, previous: str = ""):
    return [(c.claim, c.probability, c.negated, c.condition, c.forecaster) for c in find_calls(sentence, previous)]


# --- the three reversed-meaning cases of the issue ------------------------------------------------

@pytest.mark.parametrize("sentence,claim", [
    ("They're unlikely to pull all US troops out of Poland.", "They will not pull all US troops out of Poland."),
    ("He's unlikely to abandon Article 5 during his term.", "He will not abandon Article 5 during his term."),
    ("It's very difficult to imagine how Poland could accept such a proposal.", "Poland will not accept such a proposal."),
])
def test_unlikely_after_a_contraction_gives_the_negated_call_not_a_wrapped_sentence(sentence, claim):
    ((got, probability, negated, _, _),) = calls(sentence)
    assert got == claim and probability == 0.7 and negated
    assert "not the case" not in got and "unlikely" not in got and "imagine" not in got


def test_no_claim_on_the_evaluation_set_wraps_a_sentence_in_not_the_case():
    for path in sorted(EVAL.glob("*/*.txt")):
        for c in extract(read_articles(path), path.name):
            assert "not the case" not in c.text.lower(), c.text


# --- one call per claim ------------------------------------------------------------------------------

def test_one_hedge_per_clause_gives_one_call_per_claim():
    got = calls("He's unlikely to do either of these things, but NATO policy will certainly change in the "
                "coming years, which will likely take the form of a pivot to Asia.")
    assert [c[0] for c in got] == ["He will not do either of these things.",
                                   "NATO policy will change in the coming years.",
                                   "This will take the form of a pivot to Asia."]
    assert [c[1] for c in got] == [0.7, 0.97, 0.7]


def test_a_bulleted_conditional_is_kept_and_a_thousands_comma_does_not_cut_the_claim():
    ((claim, _, _, condition, _),) = calls("- If the deal holds, Poland will not need 10,000 more troops.")
    assert claim == "Poland will not need 10,000 more troops." and condition == "If the deal holds"
    ((claim, *_),) = calls("Germany will send 12,500 troops, the ministry's plan says nothing else.")
    assert "12,500 troops" in claim


# --- conditions and speakers --------------------------------------------------------------------------

def test_a_would_clause_keeps_its_condition():
    ((claim, _, _, condition, _),) = calls("It would break the alliance apart if it ever comes to pass.")
    assert claim == "It will break the alliance apart." and "it ever comes to pass" in condition
    assert calls("It would break the alliance apart.") == []  # no condition: a hypothetical, not a call


@pytest.mark.parametrize("sentence,forecaster", [
    ("The Washington Post reported that Trump might soon withdraw troops from Germany.", "The Washington Post"),
    ("Defence Minister Pete Hegseth said the US will withdraw its troops from Romania.", "Pete Hegseth"),
    ("Zelensky then warned a week ago that he'll be pressured to compromise with Moscow.", "Zelensky"),
])
def test_what_others_said_is_their_forecast(sentence, forecaster):
    ((_, _, _, _, who),) = calls(sentence)
    assert forecaster in who and len(who) < 40


def test_a_plan_or_an_unnamed_speaker_is_no_forecaster_and_gives_no_call():
    assert calls("According to a hitherto undisclosed plan, the US will withdraw 10,000 troops by 2026.") == []
    assert calls("Back in late February, he said that his forces might abandon the city.") == []


# --- hedges it could not read ---------------------------------------------------------------------------

@pytest.mark.parametrize("sentence,previous,claim,probability", [
    ("Only a Russian collapse can break the stalemate.", "", "Only a Russian collapse will break the stalemate.", 0.7),
    ("Warsaw is tipped to become the US' top partner in Europe.", "",
     "Warsaw will become the US' top partner in Europe.", 0.7),
    ("My prediction is – no, he won't.", "Will Trump pull US troops out of Poland?",
     "Trump will not pull US troops out of Poland.", 0.7),
    ("We can assume that Trump will keep Article 5.", "", "Trump will keep Article 5.", 0.7),
    ("I don't think Russia will reach Lvov before Poland does.", "",
     "Russia will not reach Lvov before Poland does.", 0.7),
])
def test_hedges_read_at_their_table_reading(sentence, previous, claim, probability):
    ((got, p, *_),) = calls(sentence, previous)
    assert got == claim and p == probability


def test_the_author_writing_about_the_text_is_not_a_forecast():
    assert calls("This piece will therefore analyze both in order to understand why the trip matters.") == []
    assert calls("Having made economic forecasts, I will risk my reputation and offer some political ones.") == []


# --- dates against the article's date -------------------------------------------------------------------

NOV = PDate(2025, 11, 12)  # a Wednesday


@pytest.mark.parametrize("sentence,ref,expected", [
    ("The two leaders met in early September.", NOV, "2025-09"),
    ("Putin said in early September that the talks could resume soon.", NOV, "2025-09"),
    ("The parliament decided in March that the mission may expire.", PDate(2025, 10, 2), "2025-03"),
    ("The summit in March will decide the mission's future.", PDate(2025, 10, 2), "2026-03"),
    ("The parliament voted in March.", PDate(2025, 10, 2), "2025-03"),
    ("The talks resumed on Monday.", NOV, "2025-11-10"),
    ("Trump will meet Putin on Sunday.", NOV, "2025-11-16"),
    ("It breaches the 1997 NATO-Russia Founding Act.", NOV, "1997"),
    ("Nothing came of last summer's summit.", NOV, "2025"),
    ("Nothing came of fall 2024's summit.", NOV, "2024"),
    ("The NATO chief declared in mid-February that the war is one of logistics.", NOV, "2025-02"),
])
def test_relative_dates_resolve_against_the_article(sentence, ref, expected):
    (mention,) = find_dates(sentence, ref, "en")
    assert mention.date.iso() == expected


def test_the_day_after_follows_the_last_day_named():
    (mention,) = find_dates("The day after, the ministers met again.", NOV, "en", anchor=PDate(2025, 11, 3))
    assert mention.date.iso() == "2025-11-04"


@pytest.mark.parametrize("sentence,expected", [
    ("Poland will probably double its army in about two years.", "2027-11"),
    ("Trump is unlikely to pull US troops out of Europe during Trump's term.", "2029-01-20"),
    ("Trump is unlikely to pull US troops out of Poland.", "2029-01-20"),  # no date: the end of his term
])
def test_horizons(tmp_path, sentence, expected):
    article = tmp_path / "a.md"
    article.write_text(f"# Poland\n\nBy Jo Doe\nDate: 2025-11-12\n\n{sentence}\n")
    (prediction,) = [c for c in extract(read_articles(article), "a.md") if c.kind == "prediction"]
    assert prediction.fields["resolve_by"] == expected


# --- events ------------------------------------------------------------------------------------------------

def test_an_event_title_says_what_happened_and_forecasts_or_questions_are_no_events(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# Troops\n\nBy Jo Doe\nDate: 2025-11-12\n\n"
                       "The Washington Post reported on Monday that Germany had moved 5,000 troops to Lithuania. "
                       "What will 2026 bring for the alliance? "
                       "Defence spending will increase sharply towards the end of 2026.\n")
    events = [c for c in extract(read_articles(article), "a.md") if c.kind == "event"]
    assert [(e.fields["date"], e.fields["title"]) for e in events] == [
        ("2025-11-10", "Germany had moved 5,000 troops to Lithuania")]


# --- the evaluation set ---------------------------------------------------------------------------------------

def test_the_negation_check_reads_the_claim():
    assert claim_is_negative("No party will win a majority.") and claim_is_negative("There will be no deal.")
    assert not claim_is_negative("The Tories will get more seats than Labour, but not by much.")


@pytest.mark.parametrize("split,floors", [("dev", (0.85, 0.85)), ("heldout", (0.6, 0.85)), ("heldout2", (0.8, 0.8)),
                                         ("heldout3", (0.9, 0.9)), ("heldout4", (0.9, 0.9)),
                                         ("heldout5", (0.85, 0.85)), ("heldout6", (0.85, 0.85)),
                                         ("heldout7", (0.9, 0.9)), ("heldout8", (0.9, 0.9)),
                                         ("heldout9", (0.9, 0.9)), ("heldout10", (0.8, 0.7)),
                                         ("heldout11", (0.5, 0.55)), ("heldout12", (0.8, 0.75)),
                                         ("heldout13", (0.8, 0.9)), ("heldout14", (0.9, 0.9)),
                                         ("heldout15", (0.9, 0.8)), ("heldout16", (0.9, 0.85)),
                                         ("heldout17", (0.9, 0.85)), ("heldout18", (0.9, 0.9)),
                                         ("heldout19", (0.9, 0.9)), ("heldout20", (0.9, 0.75)),
                                         ("heldout22", (0.85, 0.9)), ("heldout23", (0.9, 0.9))])
def test_the_evaluation_set_meets_its_floors_with_no_reversed_claim(split, floors):
    """Floors a little under the measured figures (README.md), so a regression shows."""
    found = gold = right = counted = reversed_ = 0
    for path in sorted((EVAL / split).glob("*.txt")):
        articles = read_articles(path)
        s = score_gold(extract(articles, path.name), json.loads(path.with_suffix(".json").read_text()),
                       articles[0].author)
        found, gold = found + len(s.found), gold + s.gold
        right, counted = right + s.right, counted + s.right + len(s.wrong)
        reversed_ += len(s.reversed)
    assert reversed_ == 0
    assert found / gold >= floors[0] and right / counted >= floors[1], (found, gold, right, counted)


def test_a_reported_forecast_is_not_merged_with_the_authors_own(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# Troops\n\nBy Jo Doe\nDate: 2025-11-12\n\n"
                       "Defence Minister Pete Hegseth said the US will withdraw its troops from Romania. "
                       "The US will withdraw its troops from Romania.\n")
    predictions = [c for c in extract(read_articles(article), "a.md") if c.kind == "prediction"]
    assert sorted(c.fields["forecaster"] for c in predictions) == ["Defence Minister Pete Hegseth", "Jo Doe"]


def test_readings_in_brackets_give_the_authors_calls_and_numbers():
    got = calls("Or will monetary tightening lead to a US recession (not very likely) and / or a bout of "
                "volatility in financial markets (very likely)?")
    assert [(c[0], c[1]) for c in got] == [("Monetary tightening will not lead to a US recession.", 0.7),
                                           ("Monetary tightening will lead to a bout of volatility in financial "
                                            "markets.", 0.9)]
    ((claim, probability, *_),) = calls("U.S. forces will withdraw from Syria (70%).")
    assert claim == "U.S. forces will withdraw from Syria." and probability == 0.7
    assert calls("Will the Fed be able to engineer a soft landing?") == []


def test_fixes_found_by_the_third_held_out_run():
    ((claim, _, _, _, who),) = calls("The first is that I believe inflation will persist well into the new year.")
    assert claim == "Inflation will persist well into the new year." and who == ""  # the author, not "I"
    ((claim, *_),) = calls("This in turn could have negative repercussions for the stock market.")
    assert claim == "This in turn will have negative repercussions for the stock market."
    assert calls("Trump could have won in 2020 if the count had gone otherwise.") == []  # the past that was not
    ((claim, *_),) = calls("He could surprise us all and announce a run (he has already said that he will wait).")
    assert claim == "He will surprise us all and announce a run."
    ((claim, p, negated, *_),) = calls("It is difficult to see how Theresa May can change enough minds.")
    assert claim == "Theresa May will not change enough minds." and negated
    (mention,) = find_dates("The drama started early in the year – on January 6th to be exact.", PDate(2021, 12, 21), "en")
    assert mention.date.iso() == "2021-01-06"
    (mention,) = find_dates("After MPs walk through the voting lobbies tonight, nothing will be the same.",
                            PDate(2019, 1, 15), "en")
    assert mention.date.iso() == "2019-01-15"


def test_a_reported_forecast_keeps_its_reporter_in_the_event_title_and_he_in_a_trump_article_is_trump(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("# Trump and Poland\n\nBy Jo Doe\nDate: 2025-11-12\n\n"
                       "The Washington Post reported on Monday that Trump might soon withdraw troops from Germany. "
                       "He's unlikely to pull US troops out of Poland.\n")
    candidates = extract(read_articles(article), "a.md")
    (event,) = [c for c in candidates if c.kind == "event"]
    assert event.fields["title"] == "The Washington Post reported that Trump might soon withdraw troops from Germany"
    (own,) = [c for c in candidates if c.kind == "prediction" and c.fields["claim"].startswith("He")]
    assert own.fields["resolve_by"] == "2029-01-20" and "Trump" in own.fields["horizon_note"]
