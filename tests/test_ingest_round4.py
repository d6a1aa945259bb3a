"""Rules added in the fourth round of issue 22: the seed's restated and non-forecast Japanese
clauses, and English calls stated bare or as a rising likelihood. Each test fails without its rule."""

from __future__ import annotations

from tracker.ingest import predfind_ja
from tracker.ingest.extract import Candidate, _same_claim


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
