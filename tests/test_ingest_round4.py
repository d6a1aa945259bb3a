"""Rules added in the fourth round of issue 22: the seed's restated and non-forecast Japanese
clauses, and English calls stated bare or as a rising likelihood. Each test fails without its rule."""

from __future__ import annotations

from tracker.ingest import predfind_ja
from tracker.ingest.chances_en import base_of
from tracker.ingest.extract import Candidate, _same_claim
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.similarity import similar


def _ja(sentence: str) -> list[str]:
    return [c.claim for c in predfind_ja.find_calls(sentence)]


def _candidate(claim: str, quote: str, section: str) -> Candidate:
    return Candidate("prediction", {"claim": claim, "negated": False, "forecaster": ""},
                     {"text": quote, "section": section}, 1)


# --- Japanese (the seed) ----------------------------------------------------------------------------

def test_an_open_whether_clause_gives_way_to_the_call_it_premises():
    got = _ja("しかし、A国の軍部がそのような賭けに出るかどうかは不透明であり、当面はB国経由の輸送に頼らざるを得ない可能性が高い。")
    assert got == ["当面はB国経由の輸送に頼らざるを得ない"]
    # alone in its sentence the open question is still the author's reading
    assert _ja("この交渉で根本的な問題を解決できるかは不透明である。") == ["この交渉で根本的な問題を解決できるか"]


def test_a_structure_changing_is_too_vague_to_score():
    assert _ja("この流れは、地域全体の政治的な構造を変える可能性がある。") == []


def test_this_read_as_meaning_something_is_no_forecast_but_a_condition_on_it_is():
    assert _ja("これは保守派の候補に有利に働く可能性があるとみられる。") == []
    assert _ja("これらは、秋の選挙に向けた重要な材料ともなり得る。") == []
    assert _ja("これが実現すれば、与党の支持率は下がる可能性がある。") == ["与党の支持率は下がる"]


def test_a_detailed_summary_restating_the_overview_is_one_call():
    overview = _candidate("米軍をC国から撤退させることを選択し、紛争を起こしても支援しないことを伝える",
                          "D氏は、米軍をC国から撤退させることを選択し、紛争を起こしても支援しないことを伝える可能性がある。", "概要")
    detail = _candidate("D氏はそのような事態を避けるため、C国から米軍を撤退させる",
                        "C国は紛争を起こして介入を期待する可能性があり、D氏はそのような事態を避けるため、C国から米軍を撤退させることも考えられる。",
                        "詳細")
    assert _same_claim(overview, detail)
    other = _candidate("D氏はE国との通商協定を破棄する", "D氏はE国との通商協定を破棄することも考えられる。", "詳細")
    assert not _same_claim(overview, other)


# --- English: calls stated bare, as a chance, or in an aside -------------------------------------------

def _en(sentence: str, previous: str = "") -> list[tuple[str, float, bool]]:
    return [(c.claim, c.probability, c.negated) for c in find_calls(sentence, previous)]


def test_a_chance_of_something_stated_high_rising_or_slim_is_a_call():
    assert _en("The supply crunch and the unrest make for a chaotic year, which greatly increases the likelihood "
               "of a banking crisis in 2024.") == [("There will be a banking crisis in 2024.", 0.7, False)]
    got = _en("With approval at a record low and the growing likelihood of Labour losing both by-elections in May, "
              "the chances of an early leadership contest are very high this year.")
    assert ("There will be an early leadership contest this year.", 0.9, False) in got
    assert ("Labour will lose both by-elections in May.", 0.7, False) in got
    assert _en("The chances of a deal before Christmas are slim.") == [
        ("There will not be a deal before Christmas.", 0.7, True)]
    assert _en("The minister said the chances of a deal are high.") == []  # someone else's: the clause reader's


def test_base_forms_of_gerunds():
    assert [base_of(w) for w in ("losing", "winning", "holding", "becoming", "visiting", "seeing", "writing")] == \
        ["lose", "win", "hold", "become", "visit", "see", "write"]


def test_an_aside_of_the_authors_is_read_on_its_own_with_the_verb_it_leaves_out():
    got = _en("Unless the board sacks the chairman (I don't think it will, although I think the shares recover "
              "and Smith becomes chief executive), the merger will go ahead, so here we are.")
    assert ("The board will not sack the chairman.", 0.7, True) in got
    assert ("The shares recover.", 0.7, False) in got and ("Smith becomes chief executive.", 0.7, False) in got
    assert ("The merger will go ahead.", 0.9, False) in [(c, p, n) for c, p, n in got]


def test_a_frame_over_two_subjects_outcomes_gives_two_calls():
    assert [c for c, *_ in _en("My prediction is that the Greens hold Brighton while Labour flips Hastings.")] == [
        "The Greens hold Brighton.", "Labour flips Hastings."]
    assert [c for c, *_ in _en("I predict the Greens hold Brighton and keep Norwich.")] == [
        "The Greens hold Brighton and keep Norwich."]  # one subject, one call


def test_say_and_just_that_frame_the_authors_call():
    assert [c for c, *_ in _en("But I will go bolder and say the Greens win Bristol.")] == ["The Greens win Bristol."]
    assert [c for c, *_ in _en("My prediction is just that the ban won't survive the appeal.")] == [
        "The ban won't survive the appeal."]
    assert _en("I will offer some forecasts below.") == []  # still the author's plan for the text


def test_a_clause_after_but_may_open_with_its_time():
    got = [c for c, *_ in _en("The winter is not going to be easy, but by March prices will be falling fast.")]
    assert "By March prices will be falling fast." in got and len(got) == 2


def test_should_forecasts_with_an_outcome_verb_only_and_a_bare_clause_before_but_is_not_the_claim():
    assert _en("It has been a hard year for pubs, but any pub that lasts to the summer should see a boom then.") == [
        ("Any pub that lasts to the summer will see a boom then.", 0.7, False)]
    assert _en("The government should act on housing now.") == []


def test_not_impossible_reads_as_unlikely_without_the_authors_reservation():
    assert _en("I agree with Jane that it is not impossible that we get two budgets this year, although I don't "
               "think it's very likely.") == [("We will not get two budgets this year.", 0.7, True)]


def test_a_two_word_claim_is_not_the_same_as_a_longer_one_sharing_its_words():
    assert not similar("An SNP majority.", "The SNP still wins a majority of seats.")
    assert similar("An SNP majority.", "an SNP majority")
