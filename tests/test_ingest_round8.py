"""Round 8 of issue 22: calls made without a future modal, read by general mechanisms (a predictive
"should"/"ought to", an outcome appraised, a bound), on sentences written for these tests, not taken
from the evaluation set."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tracker.ingest.outlook_en import outlook_call, predictive_should
from tracker.ingest.predfind_en import find_calls

EVAL = Path(__file__).parent / "fixtures" / "ingest_eval"


def calls(sentence: str, previous: str = ""):
    return [(c.claim, c.probability, c.negated, c.forecaster) for c in find_calls(sentence, previous)]


@pytest.mark.parametrize("sentence,claim", [
    ("Oil ought to stay above $80 this year.", "Oil will stay above $80 this year."),
    ("Growth should be weaker next year.", "Growth will be weaker next year."),
    ("The race should be close.", "The race will be close."),
    ("The Tories should have all but wrapped up the count by midnight.",
     "The Tories will have all but wrapped up the count by midnight."),
    ("Bond yields should drift back towards 3% in the spring.", "Bond yields will drift back towards 3% in the spring."),
])
def test_a_predictive_should_is_the_authors_call(sentence, claim):
    assert [c[0] for c in calls(sentence)] == [claim]
    assert calls(sentence)[0][1] == pytest.approx(0.7)


@pytest.mark.parametrize("sentence", [
    "Governments should invest more in schools.",
    "We should have acted sooner.",
    "The law should be repealed.",
    "You should buy gold.",
    "The West ought to support Ukraine.",
    "Headline figures should be read alongside the detail.",
])
def test_a_normative_should_is_no_call(sentence):
    assert calls(sentence) == []


def test_predictive_should_reads_subject_verb_and_tense():
    assert predictive_should("The Senate race ", " tighten further")  # a subject that owes no duty
    assert not predictive_should("Ministers ", " tighten the rules")  # a duty
    assert predictive_should("Labour ", " have all but sealed it")  # a completion ahead
    assert not predictive_should("Labour ", " have campaigned harder")  # the past that did not happen


@pytest.mark.parametrize("sentence,claim,negated", [
    ("A recession looks likely next year.", "There will be a recession next year.", False),
    ("Whatever the polls say, a Labour majority is looking good.", "There will be a Labour majority.", False),
    ("A rate cut is on the cards for March.", "There will be a rate cut for March.", False),
    ("A snap election seems unlikely before the summer.", "There will not be a snap election before the summer.", True),
])
def test_an_outcome_appraised_is_a_call(sentence, claim, negated):
    found = calls(sentence)
    assert [(c[0], c[2]) for c in found] == [(claim, negated)]


def test_a_bound_reads_as_no_better_or_no_worse():
    assert calls("It looks as though 300 seats is the most Labour can hope for.")[0][0] == \
        "Labour will do no better than: 300 seats."
    assert outlook_call("I think that's the worst Macron can do.", "Macron takes 52%.").claim == \
        "Macron will do no worse than: Macron takes 52%."
    assert outlook_call("The best thing is to wait.") is None


def test_an_appraisal_someone_else_made_is_not_the_authors():
    assert all(c[3] for c in calls("The IMF said a recession looks likely next year.")) or \
        calls("The IMF said a recession looks likely next year.") == []


def test_expected_to_without_an_expecter_is_annotated_as_the_authors_call():
    """The README's policy: "X is expected to Y" with no one named is the author's call (or optional
    for a schedule); "X is predicted/forecast to Y" is someone's, unnamed. No annotation disagrees."""
    import re
    for path in EVAL.glob("*/*.json"):
        gold = json.loads(path.read_text())
        for item in gold.get("reported", []):
            if item.get("forecaster") == "unnamed":
                assert not re.search(r"\bexpected to\b", item["contains"]), (path.name, item)
        for item in gold.get("predictions", []) + gold.get("optional", []):
            assert not re.search(r"\b(?:is|are)\s+(?:predicted|forecast|projected)\s+to\b", item["contains"]), (path.name, item)


def test_a_topic_phrase_before_a_new_subject_starts_a_clause():
    """"…, and in foreign policy Biden will not…": two calls, the second keeps its own negation."""
    found = calls("In trade Beijing will hold firm, and in foreign policy Washington will not back down.")
    assert [c[0] for c in found] == ["In trade Beijing will hold firm.", "In foreign policy Washington will not back down."]


def test_a_byline_of_words_with_a_digit_is_the_author(tmp_path):
    from tracker.ingest.reader import read_articles
    path = tmp_path / "a.txt"
    path.write_text("Calendar\n\nBy MQL5 News\nDate: 2015-05-18\n\nThe UK is to publish inflation data on Tuesday.\n")
    article = read_articles(path)[0]
    assert (article.author, str(article.published)) == ("MQL5 News", "2015-05-18")
