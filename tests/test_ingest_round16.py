"""Round 16 of issue 22 (after heldout22's first run): no claim whose meaning is reversed. A polarity guard on every
English call (the clause's negations against the claim's), an appraisal read of what it appraises, litotes, a chance
stated as zero, a second clause with a condition of its own, and the evaluation's check on contrasts and absolute
phrases; on sentences written for these tests, not taken from the evaluation set."""

from __future__ import annotations

import pytest

from tracker.ingest import predfind_en
from tracker.ingest.evaluate import claim_is_negative
from tracker.ingest.extract import extract
from tracker.ingest.hedgespan import Call
from tracker.ingest.polarity_en import direction_ok
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles


def _calls(sentence: str, previous: str = "") -> list[tuple[str, bool, str]]:
    return [(c.claim, c.negated, c.condition) for c in find_calls(sentence, previous)]


def _article(tmp_path, body: str):
    path = tmp_path / "a.md"
    path.write_text(f"# Notes\n\nBy Jo Doe\nDate: 2022-10-01\n\n{body}\n")
    articles = read_articles(path)
    candidates = extract(articles, "a.md")
    return [c.fields["claim"] for c in candidates if c.kind == "prediction"], articles[0].flags


# --- the guard ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, claim, hedge, negates", [
    ("If they keep going, it's not hard to see the party's vote falling.", "It's will not not hard to see the party's "
     "vote falling.", "hard to see", True),  # two negations in a row: no reading
    ("However, this seems unlikely, given the strong defence the city has put up.",
     "This seems unlikely, given the strong defence the city has not put up.", "unlikely", True),  # a "not" in the reason
    ("The bank is unlikely to cut rates in March.", "The bank will cut rates in March.", "unlikely", True),
    ("I don't think the bank will cut rates.", "The bank will cut rates.", "don't think", True),
    ("There's no chance the union won't strike.", "The union will not strike.", "no chance", False),
])
def test_the_guard_refuses_a_claim_against_its_clause(sentence, claim, hedge, negates):
    assert not direction_ok(sentence, claim, hedge, negates, "", 0, len(sentence))


@pytest.mark.parametrize("sentence, claim, hedge, negates", [
    ("The bank is unlikely to cut rates in March.", "The bank will not cut rates in March.", "unlikely", True),
    ("I don't think the bank will cut rates.", "The bank will not cut rates.", "don't think", True),
    ("There's no chance the union won't strike.", "The union will strike.", "almost certain", False),
    ("It is not impossible that we see two elections this year.", "We will not see two elections this year.",
     "not impossible", True),
    ("Gold will bounce back, though not close to its highs.", "Gold will bounce back.", "will", False),
    ("But the slump won't be very deep, nor will it last long.", "It will not last long.", "won't", False),
    ("Will tightening lead to a recession (not very likely) or to volatility (very likely)?",
     "Tightening will not lead to a recession.", "not very likely", True),
    ("The horrors will keep surprising us because we aren't pessimistic enough.", "The horrors will keep surprising us.",
     "will", False),
    ("She will win the seat, and that has not changed since May.", "She will win the seat.", "will", False),
])
def test_the_guard_lets_a_claim_in_the_clause_direction_pass(sentence, claim, hedge, negates):
    assert direction_ok(sentence, claim, hedge, negates, "", 0, len(sentence))


def test_a_call_of_unclear_direction_is_left_out_and_its_article_flagged(tmp_path, monkeypatch):
    def reversed_call(sentence, *args, **kwargs):
        if "unlikely" not in sentence:
            return []
        return [Call(claim="The board will approve the merger.", hedge_text="unlikely", hedge=None, probability=0.8,
                     negated=True, start=0, end=len(sentence))]
    monkeypatch.setattr(predfind_en, "find_calls", reversed_call)
    claims, flags = _article(tmp_path, "The board is unlikely to approve the merger.")
    assert claims == []
    assert any("direction unclear" in f and "approve the merger" in f for f in flags)


# --- appraisals, litotes, chances ------------------------------------------------------------------------------------

def test_an_appraisal_is_read_of_the_possibility_named_before_it():
    before = "One possibility is that the army could break through and take the capital."
    assert _calls(before) == []  # a possibility set out, not the author's call
    assert _calls("However, this seems unlikely, given the losses it has taken.", before) == \
        [("The army will not break through and take the capital.", True, "")]
    assert _calls("Still, this looks likely.", "Another possibility is that the talks may resume in spring.") == \
        [("The talks will resume in spring.", False, "")]
    assert _calls("However, this seems unlikely.", "The weather was bad.") == []  # nothing named: no guessed claim


def test_an_appraisal_after_while_is_read_of_the_thing_named():
    assert _calls("Third, while many analysts focus on the risk of a default by Ruritania, this seems highly unlikely "
                  "in 2024.") == [("There will not be a default by Ruritania in 2024.", True, "")]


def test_litotes_are_positive_calls():
    assert _calls("If the attacks go on, it's not hard to see the governor's ratings falling further.") == \
        [("The governor's ratings will fall further.", False, "If the attacks go on")]
    assert _calls("PS: The strike can't help but strengthen the union's hand.") == \
        [("The strike will strengthen the union's hand.", False, "")]


def test_a_chance_stated_as_zero_is_a_negative_call_with_its_condition():
    assert _calls("The likelihood that the party will pick an outsider is zero unless both wings agree.") == \
        [("The party will not pick an outsider.", True, "unless both wings agree")]
    assert _calls("There is zero chance now that the mayor can reach a majority.") == \
        [("The mayor will not reach a majority.", True, "")]


def test_a_second_clause_with_a_condition_of_its_own_is_a_second_call():
    calls = _calls("It looks as if the Greens may hold the seat, but if there is a recount, Labour may take it and "
                   "not the Greens.")
    assert len(calls) == 2 and calls[1][2] == "if there is a recount" and calls[1][0].startswith("Labour will take it")
    calls = _calls("The mayor will win the primary and, unless something drastic happens, it will be the suburbs that "
                   "give him the margin.")
    assert [c[0] for c in calls] == ["The mayor will win the primary.",
                                     "It will be the suburbs that give him the margin."]
    assert calls[1][2] == "unless something drastic happens"


def test_a_likely_scenario_frame_is_left_out_of_the_claim():
    assert _calls("The most likely scenario is that the strike will go on for weeks, with neither side able to win.")[0][0] \
        == "The strike will go on for weeks, with neither side able to win."


# --- guards against over-reach -----------------------------------------------------------------------------------------

def test_over_reach_guards():
    assert _calls("It's hard to see the Liberals winning Bury.")[0][1] is True  # one negation stays negative
    assert _calls("There's no chance the regime won't retaliate.") == [("The regime will retaliate.", False, "")]
    assert _calls("The bank is unlikely to cut rates in March.") == [("The bank will not cut rates in March.", True, "")]
    assert _calls("I can't help but think the bank will cut.") != [("I will think the bank will cut.", False, "")]


# --- the evaluation's check ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("claim, negative", [
    ("He will see the country collapse under a new leader, not one handpicked by the old one.", False),
    ("Smith will be the party's favourite and not Jones.", False),
    ("The war will go on for years, with neither side able to win.", False),
    ("The country will avoid a recession.", True),
    ("No party will win a majority.", True),
    ("The bank will not cut rates, not this year.", True),
])
def test_the_check_reads_contrasts_and_absolute_phrases(claim, negative):
    assert claim_is_negative(claim) is negative
