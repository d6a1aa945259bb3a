"""Round 35 of issue 22 (after heldout41's first run): a time gone by told with a half, a weekend gone by beside a
modal, an occasion named before its date inside a call, and calls credited to a pronoun, an impersonal remark, odds
someone else gives, a likelihood said to be low, a role said to be key and what a state of things promises; on
sentences written for these tests, not taken from the evaluation set."""

from __future__ import annotations

from tests.ingest_helpers import extract_article


def test_so_many_units_and_a_half_ago(tmp_path):
    """"two and a half years ago" was no date ("two years ago" was read)."""
    events, _ = extract_article(tmp_path, "The plant closed almost three and a half years ago.\n\n"
                                          "The mayor resigned a year and a half ago.", "2021-03-10")
    assert [d for d, _ in events] == ["2017", "2019"]


def test_a_weekend_gone_by_beside_a_modal_is_an_event(tmp_path):
    """"over the weekend" is the one gone by, dated to its month; a modal elsewhere in the sentence ("would") and a
    month that runs past the article's day made it read as a forecast's date."""
    events, _ = extract_article(tmp_path, "Thousands of nurses marched over the weekend against cuts that would close "
                                          "four wards.", "2022-11-14")
    assert [d for d, _ in events] == ["2022-11"]


def test_an_occasion_named_before_its_date_inside_a_call(tmp_path):
    """"the regional elections in the spring" and "the local elections of May 2024" inside a call were a frame."""
    events, calls = extract_article(tmp_path, "The party will probably shift its focus to the regional elections in "
                                              "the spring.\n\nHer standing before the local elections of May 2024 "
                                              "will likely decide the leadership.", "2023-01-20")
    assert ("2023", ) == tuple(d for d, _ in events if d == "2023")
    assert "2024-05" in [d for d, _ in events]
    assert len(calls) == 2
