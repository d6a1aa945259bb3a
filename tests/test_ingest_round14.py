"""Round 14 of issue 22 (after heldout19's first run): two negations read as one positive call, the author's doubt and
his denied belief as negative calls, a reason or a second clause told with his own frame as a call of its own, a named
group's belief and the conventional wisdom as forecasters, and what is no call (an indirect question, a concession,
waiting to see, a hypothesis the next sentence takes up, a counterfactual passage); on sentences written for these
tests, not taken from the evaluation set."""

from __future__ import annotations

import pytest

from tracker.ingest.extract import extract
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles


def _claims(sentence: str, previous: str = "") -> list[tuple[str, str]]:
    return [(c.claim, c.forecaster) for c in find_calls(sentence, previous)]


def _predictions(tmp_path, body: str, title: str = "Notes") -> list[tuple[str, str, str]]:
    article = tmp_path / "a.md"
    article.write_text(f"# {title}\n\nBy Jo Doe\nDate: 2022-10-01\n\n{body}\n")
    return [(c.fields["claim"], c.fields["forecaster"], c.fields["condition"])
            for c in extract(read_articles(article), "a.md") if c.kind == "prediction"]


# --- the direction of a call ---------------------------------------------------------------------------------------

def test_no_chance_of_a_negated_clause_is_a_positive_call():
    calls = find_calls("Otherwise, there's simply no chance Moscow won't cut the gas by winter.",
                       "We can still avoid this by paying in roubles.")
    assert [(c.claim, c.negated) for c in calls] == [("Moscow will cut the gas by winter.", False)]
    assert calls[0].hedge is not None and calls[0].hedge.probability >= 0.95
    assert calls[0].condition.startswith("(otherwise than: We can still avoid this")
    # one negation stays one
    assert [(c.claim, c.negated) for c in find_calls("There's no chance the bank cuts this year.")] == \
        [("The bank will not cut this year.", True)]


@pytest.mark.parametrize("sentence, claim", [
    ("I have my doubts they carry Nevada.", "They will not carry Nevada."),
    ("I doubt the bill passes the Senate.", "The bill will not pass the Senate."),
    ("I don't think Labour wins Bury.", "Labour will not win Bury."),
])
def test_a_doubt_or_a_denied_belief_over_a_bare_present_is_a_negative_call(sentence, claim):
    calls = find_calls(sentence)
    assert [(c.claim, c.negated) for c in calls] == [(claim, True)]


@pytest.mark.parametrize("sentence", [
    "I could be wrong about this, but I don't think I am.",
    "I don't think it's out of the question that they win more seats.",
    "I don't think it looks like 2010, but the Tories seem to have the momentum.",
])
def test_a_denied_belief_with_no_safe_negation_gives_no_call(sentence):
    """The guard of the rule above: no negation where it cannot be put safely (no reversed claim)."""
    assert all(not c.claim.startswith(("I am", "It's will")) and "have not the momentum" not in c.claim
               for c in find_calls(sentence))
    assert [c for c in find_calls(sentence) if c.hedge_text.startswith(("don't", "do not"))] == []


def test_ending_any_chance_of_doing_a_thing_is_a_call_that_it_will_not_be_done():
    calls = find_calls("The scandal is likely to spell doom for any chance the mayor has of winning a second term.")
    assert [(c.claim, c.negated) for c in calls] == [("The mayor will not win a second term.", True)]


# --- the author's frame starts a call of its own -------------------------------------------------------------------

def test_a_reason_told_with_the_authors_frame_is_his_second_call():
    assert _claims("That probably won't work, though, as I believe turnout will collapse in the suburbs.") == \
        [("That will not work.", ""), ("Turnout will collapse in the suburbs.", "")]


def test_a_doubt_after_but_is_cut_from_the_hedged_clause_before():
    calls = find_calls("They may gain seats in Ohio, but I have my doubts they take Texas, and they may lose in Iowa.")
    assert [(c.claim, c.negated) for c in calls] == [
        ("They will gain seats in Ohio.", False), ("They will not take Texas.", True), ("They will lose in Iowa.", False)]


def test_a_short_adverbial_before_the_frame_keeps_it_the_authors():
    assert _claims("Here, I think the court eventually strikes the law down.") == \
        [("The court eventually strikes the law down.", "")]
    assert _claims("If he runs, I think he wins.") == []  # a condition is not such an adverbial


def test_i_do_expect_after_a_clause_without_a_hedge():
    assert _claims("I have been cautious in these picks, and I do expect the Greens to do better than polled.") == \
        [("The Greens will do better than polled.", "")]


def test_two_subjects_under_one_frame_stay_one_subject():
    assert _claims("This may be a bold call, but I think the strike and the bad harvest will push prices higher.") == \
        [("The strike and the bad harvest will push prices higher.", "")]


def test_what_i_think_will_happen_is_the_authors_call():
    assert _claims("What I think will happen is that the coalition will split.") == [("The coalition will split.", "")]
    assert _claims("How I think this will happen is that we are in a slump but few feel it.") == []


# --- whose call ----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, who", [
    ("Democrats believe they will keep the Senate.", "Democrats"),
    ("Even the Tories appear to believe this is going to happen.", "Tories"),
    ("Paris knows that many Corsicans, farmers among them, believe the island would prosper if it left.", "many Corsicans"),
])
def test_a_named_groups_belief_is_theirs(sentence, who):
    found = _claims(sentence)
    assert found and all(f == who for _, f in found)


def test_a_headline_in_title_case_names_no_group():
    """The guard of the rule above."""
    assert all(f != "Why Realists Are Wrong To" for _, f in
               _claims('He wrote "Why Realists Are Wrong To Think That Russia Will Help The US".'))


def test_the_conventional_wisdom_is_named_by_its_own_words():
    found = _claims("So the conventional wisdom is that if inflation stays high, the incumbents will lose.")
    assert found == [("The incumbents will lose.", "conventional wisdom")]


def test_what_they_have_been_saying_is_not_the_authors():
    assert _claims("For weeks now they have been saying that if the union wins it will ruin the firm.") == []


def test_an_ultimatums_threat_is_the_setters():
    found = _claims("Turkey has given Sweden until 1 May to expel the activists, or it will block the accession.")
    assert found and all(f == "Turkey" for _, f in found)


# --- no call ---------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The last two years have shown how hard it is to foresee what is going to happen next.",
    "The party needs to decide whether it will end its ties with the union.",
    "Hard as it may be, I keep making these lists.",
    "We will have to see what the jury decides.",
])
def test_an_indirect_question_a_concession_or_waiting_is_no_call(sentence):
    assert _claims(sentence) == []


@pytest.mark.parametrize("sentence", [
    "After a year like that I was certain prices could only fall in 2020.",
    "I think the board saw enough last year to know how weak he is.",
    "Why may be another question.",
])
def test_a_past_belief_a_belief_about_the_past_or_a_wh_word_subject_is_no_call(sentence):
    assert _claims(sentence) == []


def test_a_frame_over_the_present_still_reads():
    """The guard of the rule above ("indeed" is no past tense)."""
    assert _claims("I predict the senator does indeed step down.") == [("The senator does indeed step down.", "")]


def test_a_reservation_after_but_is_cut_from_the_claim():
    assert _claims("Others will be charged too, but I can't say when.") == [("Others will be charged too.", "")]
    assert _claims("Others will be charged too, but I can't tell whether that will happen soon.") == \
        [("Others will be charged too.", "")]


def test_it_goes_without_saying_names_no_speaker():
    """The guard of "have been saying" read as a report."""
    assert all(f == "" for _, f in _claims("It goes without saying that a mistake now could be fatal."))


def test_a_listed_hypothesis_the_next_sentence_takes_up_is_no_call(tmp_path):
    body = ("There are two scenarios.\n\n1. The polls are still too kind to the Greens. If so, they will lose ground.\n\n"
            "2. The polls are right. Whether they are matters less than turnout.")
    found = _predictions(tmp_path, body, "My final election predictions")
    assert [c for c, _, _ in found] == ["They will lose ground.", "The polls will be right."]


def test_a_counterfactual_passage_gives_no_calls_until_the_facts_return(tmp_path):
    body = ("If I were the mayor, this is what I would have done.\n\n1. Close the bridge\n\n"
            "I would have closed it in May. Traffic deaths will fall by half, and the town will grow.\n\n"
            "Of course, the mayor did none of these things. The council will vote him out in June.")
    assert [c for c, _, _ in _predictions(tmp_path, body)] == ["The council will vote him out in June."]


def test_a_conditional_call_and_the_plain_one_are_two(tmp_path):
    body = ("Russia will use chemical weapons. We can still stop this by arming Kyiv. "
            "Otherwise, there's no chance Russia won't use chemical weapons in the coming months.")
    found = _predictions(tmp_path, body)
    assert len(found) == 2 and [bool(cond) for _, _, cond in found] == [False, True]
