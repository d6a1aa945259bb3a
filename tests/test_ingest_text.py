"""Sentences and date expressions as the ingester reads them."""

from __future__ import annotations

import pytest

from tracker.domain.dates import PDate
from tracker.ingest.datefind import find_dates
from tracker.ingest.sentences import split

ARTICLE_DATE = PDate(2025, 2, 23)


@pytest.mark.parametrize("text,language,expected", [
    ("2025年3月15日に運行を開始する。", "ja", "2025-03-15"),
    ("2024年1月にマリ政府が協定を破棄した。", "ja", "2024-01"),
    ("5月に予定されているポーランド大統領選挙", "ja", "2025-05"),
    ("今月上旬のミュンヘン安全保障会議で", "ja", "2025-02"),
    ("シコルスキ外相は先月、懸念を示した。", "ja", "2025-01"),
    ("プーチンが2021年12月に求めた条件", "ja", "2021-12"),
    ("2012年には反乱を起こした。", "ja", "2012"),
    ("The talks ended on March 15, 2025.", "en", "2025-03-15"),
    ("Rebels attacked the base last July.", "en", "2024-07"),
    ("Earlier this month, the minister resigned.", "en", "2025-02"),
    ("The brief was published in February 2023.", "en", "2023-02"),
    ("Putin made his demands in December 2021.", "en", "2021-12"),
    ("The vote is scheduled for May 18.", "en", "2025-05-18"),
    ("The deal was signed on March 15.", "en", "2024-03-15"),
])
def test_date_expressions_resolve_against_the_article_date_at_their_precision(text, language, expected):
    (mention,) = find_dates(text, ARTICLE_DATE, language)
    assert mention.date.iso() == expected


def test_a_deadline_is_not_an_event_date_and_a_modal_may_is_not_a_month():
    (mention,) = find_dates("Prices may fall by May 2026.", ARTICLE_DATE, "en")
    assert mention.deadline and mention.date.iso() == "2026-05"
    assert find_dates("Prices may fall.", ARTICLE_DATE, "en") == []
    assert find_dates("2019~2023年の調達の48%", ARTICLE_DATE, "ja") == []  # a span, not a date


def test_japanese_sentences_split_on_stops_and_lines_but_not_inside_quotes():
    text = "彼は「戦争は終わる。平和が来る。」と述べた。次の文！\n三つ目"
    assert [s for _, s in split(text, "ja")] == ["彼は「戦争は終わる。平和が来る。」と述べた。", "次の文！", "三つ目"]


def test_english_sentences_keep_abbreviations_and_offsets():
    text = "The U.S. will act. Mr. Smith agreed."
    pieces = split(text, "en")
    assert [s for _, s in pieces] == ["The U.S. will act.", "Mr. Smith agreed."]
    assert all(text[offset:offset + len(s)] == s for offset, s in pieces)


def test_a_present_verb_gives_its_base_form_wherever_a_bare_present_is_said_as_will():
    from tracker.ingest.wording_en import base_of_present

    assert [base_of_present(v) for v in ("tries", "goes", "fixes", "buzzes", "pushes", "passes", "wins", "holds")] == \
        ["try", "go", "fix", "buzz", "push", "pass", "win", "hold"]
