"""Hedge phrases read as ICD 203 probabilities, stored as the author's call."""

from __future__ import annotations

import pytest

from tracker.domain import hedges
from tracker.domain.hedges import BANDS_BY_KEY, lookup


@pytest.mark.parametrize(
    ("key", "low", "high"),
    [
        ("almost_no_chance", 0.01, 0.05),
        ("very_unlikely", 0.05, 0.20),
        ("unlikely", 0.20, 0.45),
        ("roughly_even", 0.45, 0.55),
        ("likely", 0.55, 0.80),
        ("very_likely", 0.80, 0.95),
        ("almost_certain", 0.95, 0.99),
    ],
)
def test_bands_follow_icd_203(key, low, high):
    band = BANDS_BY_KEY[key]
    assert (band.low, band.high) == (low, high)
    assert low <= band.point <= high


def test_bands_run_from_1_to_99_percent_without_gaps():
    bands = list(hedges.BANDS)
    assert (bands[0].low, bands[-1].high) == (0.01, 0.99)
    for lower, upper in zip(bands, bands[1:]):
        assert lower.high == upper.low
        assert lower.point < upper.point


@pytest.mark.parametrize("phrase", ["可能性は低い", "probably won't"])
def test_unlikely_phrases_are_stored_as_the_negated_call(phrase):
    hedge = lookup(phrase)
    assert hedge.band.key == "unlikely"
    assert hedge.negates
    assert hedge.probability == 0.70
    assert hedge.call_range == (0.55, 0.80)


def test_darou_reads_as_likely_without_negation():
    hedge = lookup("だろう")
    assert hedge.band.key == "likely"
    assert not hedge.negates
    assert hedge.probability == 0.70
    assert hedge.call_range == (0.55, 0.80)


def test_arienai_is_almost_no_chance_so_the_negated_call_is_almost_certain():
    hedge = lookup("あり得ない")
    assert hedge.band.key == "almost_no_chance"
    assert hedge.probability == 0.97
    assert hedge.call_range == (0.95, 0.99)


@pytest.mark.parametrize("hedge", hedges.all_hedges(), ids=lambda h: h.phrase)
def test_every_phrase_reads_inside_its_own_call_range(hedge):
    low, high = hedge.call_range
    assert 0 < low <= hedge.probability <= high < 1
    assert hedge.probability >= 0.5   # the stored call is never below even chance
    assert hedges.probability_agrees(hedge.phrase, hedge.probability)


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("PROBABLY WON'T", "probably won't"),
        ("Probably won’t", "probably won't"),      # typographic apostrophe
        ("ＵＮＬＩＫＥＬＹ", "unlikely"),             # full-width letters
        ("  likely  ", "likely"),
        ("「だろう」", "だろう"),                       # quoted in Japanese brackets
    ],
)
def test_lookup_ignores_case_width_and_quotes(typed, phrase):
    assert lookup(typed) is lookup(phrase)
    assert lookup(typed) is not None


@pytest.mark.parametrize("phrase", ["reckons", "blursday", "", "probably wont have"])
def test_unknown_phrase_reads_as_none(phrase):
    assert lookup(phrase) is None


def test_probability_outside_the_call_range_disagrees():
    assert not hedges.probability_agrees("probably won't", 0.3)   # the un-negated reading
    assert hedges.probability_agrees("probably won't", 0.55)
    assert hedges.probability_agrees("probably won't", 0.80)
    assert not hedges.probability_agrees("probably won't", 0.81)
