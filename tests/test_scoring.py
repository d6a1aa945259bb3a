"""Scores against a hand-computed record, property tests, and a second, naive reference."""

from __future__ import annotations

from tracker.scoring import bootstrap

import datetime as dt
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.scoring import scores as scoring
from tracker.domain.dates import parse_stored
from tracker.domain.model import HistoryEntry, Prediction, Status

TODAY = dt.date(2026, 3, 1)


def prediction(pid: str, p: float | None, status: str = "pending", *, hedge: str = "", alt: str = "",
               made: str = "2025-01", due: str = "2025-12", known: str | None = None,
               forecaster: str = "A. Pundit") -> Prediction:
    history = []
    if status != "pending":
        history.append(HistoryEntry(at="2026-01-01T00:00:00Z", action="status", from_status="pending",
                                    to_status=status, note="n", known_on=parse_stored(known) if known else None))
    return Prediction(id=pid, claim=f"claim {pid}", probability=p, made_on=parse_stored(made),
                      resolve_by=parse_stored(due), hedge=hedge, alt_hedge=alt, status=Status(status),
                      history=history, author=forecaster, forecaster=forecaster)


# The hand-computed record (outcome o: 1 confirmed, 0 refuted):
#   a  0.7 inferred from "likely" [0.55, 0.80], confirmed, due 2025-12, known 2025-06 (early)
#   b  0.7 stated, refuted, known 2026-01
#   c  0.3 stated, refuted
#   d  0.5 inferred from "may" [0.45, 0.55], alt hedge "likely" [0.55, 0.80], confirmed,
#      due 2027, known 2026-02 (early; not matured on 2026-03-01)
#   e  void at 0.9; f pending at 0.5 stated
# Squared errors: a .09, b .49, c .09, d .25 -> Brier .92/4 = 0.23.
# Hit rate: d (0.5) is no call; a and c right, b wrong -> 2/3; Wilson(2, 3) = [0.2077, 0.9385].
# Log loss: -(ln .7 + ln .3 + ln .7 + ln .5)/4 = 2.610470/4 = 0.652618.
# Baseline: 100*(2*log2 1.4 + log2 0.6 + log2 1)/4 = 100*(0.970854 - 0.736966)/4 = 5.8472.
# Hedge range: a in [.55, .80] -> errors .2025/.04; d in [.45, .80] -> .3025/.04; b, c fixed:
#   best (.04+.49+.09+.04)/4 = 0.165, worst (.2025+.49+.09+.3025)/4 = 0.27125.
# Calls described (non-void with a probability): a b c d f -> stated 3 (b c f), inferred 2,
#   even share 2/5 (d, f).
# Bins: 0.7 twice (o 1, 0: observed .5), 0.3 once (o 0), 0.5 once (o 1); base rate .5.
#   REL = (2*.2^2 + .3^2 + .5^2)/4 = .42/4 = .105; RES = (0 + .25 + .25)/4 = .125; UNC = .25.
#   .105 - .125 + .25 = .23 = Brier (one distinct forecast per bin).
# Trend: made 2024 (a, b): (.09+.49)/2 = .29; made 2025 (c, d): (.09+.25)/2 = .17.
HAND = [
    prediction("a", 0.7, "confirmed", hedge="likely", made="2024-05", known="2025-06"),
    prediction("b", 0.7, "refuted", made="2024-06", known="2026-01"),
    prediction("c", 0.3, "refuted", made="2025-02", known="2025-12"),
    prediction("d", 0.5, "confirmed", hedge="may", alt="likely", made="2025-03", due="2027", known="2026-02"),
    prediction("e", 0.9, "void"),
    prediction("f", 0.5, made="2025-04"),
]


def test_hand_computed_record_scores_as_worked_out():
    result = scoring.score(HAND, TODAY)
    assert list(result) == list(scoring.KEYS)
    assert (result["n"], result["resolved"], result["confirmed"], result["refuted"], result["pending"],
            result["void"]) == (6, 4, 2, 2, 1, 1)
    assert result["brier"] == pytest.approx(0.23)
    assert result["hit_rate"] == pytest.approx(2 / 3)
    assert result["hit_rate_ci95"] == pytest.approx([0.2077, 0.9385], abs=1e-4)
    assert result["log_loss"] == pytest.approx(0.652618, abs=1e-6)
    assert result["baseline_score"] == pytest.approx(5.8472, abs=1e-4)
    assert result["brier_hedge_range"] == pytest.approx([0.165, 0.27125])
    assert (result["stated"], result["inferred"]) == (3, 2)
    assert result["even_share"] == pytest.approx(0.4)
    assert result["early_resolved"] == 2
    assert result["reliability"] == pytest.approx(0.105)
    assert result["resolution"] == pytest.approx(0.125)
    assert result["uncertainty"] == pytest.approx(0.25)
    assert result["trend"] == [{"period": "2024", "n": 2, "brier": pytest.approx(0.29)},
                               {"period": "2025", "n": 2, "brier": pytest.approx(0.17)}]
    assert result["brier_ci95"] is None  # fewer than 20 resolved: no bootstrap


def test_calibration_bins_report_count_mean_observed_and_interval():
    bins = scoring.score(HAND, TODAY)["calibration"]
    assert [b["n"] for b in bins] == [0, 0, 0, 1, 0, 1, 0, 2, 0, 0]
    seventy = bins[7]
    assert (seventy["low"], seventy["high"]) == (0.7, 0.8)
    assert seventy["mean_forecast"] == pytest.approx(0.7)
    assert seventy["observed"] == 0.5
    assert seventy["observed_ci95"] == pytest.approx(scoring.wilson(1, 2))
    assert bins[0] == {"low": 0.0, "high": 0.1, "n": 0, "mean_forecast": None, "observed": None,
                       "observed_ci95": None}


def test_certainty_falls_in_the_last_bin_and_bin_edges_open_the_next():
    assert scoring.bin_index(1.0) == 9
    assert scoring.bin_index(0.0) == 0
    assert [scoring.bin_index(x / 10) for x in range(10)] == list(range(10))
    assert scoring.bin_index(0.0999) == 0


def test_matured_restricts_every_figure_to_predictions_past_their_deadline():
    result = scoring.score(HAND, TODAY, matured=True)
    assert (result["n"], result["resolved"], result["confirmed"]) == (5, 3, 1)
    assert result["brier"] == pytest.approx((0.09 + 0.49 + 0.09) / 3)
    assert result["early_resolved"] == 1


def test_void_counts_in_void_and_in_no_score():
    with_void = scoring.score(HAND, TODAY)
    without = scoring.score([p for p in HAND if p.id != "e"], TODAY)
    assert with_void["void"] == 1 and without["void"] == 0
    for key in ("brier", "log_loss", "baseline_score", "hit_rate", "brier_hedge_range", "stated",
                "inferred", "even_share", "calibration", "reliability"):
        assert with_void[key] == without[key], key


def test_resolved_without_a_probability_is_counted_but_not_scored():
    result = scoring.score([*HAND, prediction("g", None, "confirmed", known="2025-06")], TODAY)
    assert (result["n"], result["resolved"], result["confirmed"]) == (7, 5, 3)
    assert result["brier"] == pytest.approx(0.23)
    assert result["stated"] + result["inferred"] == 5


def test_nothing_resolved_gives_nulls_not_nan():
    for record in ([], [prediction("p", 0.7)], [prediction("v", 0.7, "void")]):
        result = scoring.score(record, TODAY)
        assert result["resolved"] == 0
        for key in ("hit_rate", "hit_rate_ci95", "brier", "brier_ci95", "log_loss", "baseline_score",
                    "brier_hedge_range", "reliability", "resolution", "uncertainty"):
            assert result[key] is None, key
        assert result["trend"] == [] and all(b["n"] == 0 for b in result["calibration"])


def test_negated_hedge_range_is_the_complementary_band():
    # "unlikely" (20-45%) stores the negated claim at 0.70, band 0.55-0.80.
    p = prediction("n", 0.7, "refuted", hedge="unlikely", known="2025-12")
    assert scoring.is_inferred(p)
    assert scoring.reading_range(p) == pytest.approx((0.55, 0.80))
    assert scoring.score([p], TODAY)["brier_hedge_range"] == pytest.approx([0.55 ** 2, 0.80 ** 2])


def test_a_probability_other_than_the_hedges_reading_is_stated():
    assert not scoring.is_inferred(prediction("s", 0.75, hedge="likely"))
    assert scoring.reading_range(prediction("s", 0.75, hedge="likely")) == (0.75, 0.75)


def test_bootstrap_interval_appears_at_twenty_and_is_reproducible():
    rng = random.Random(1)
    record = [prediction(f"p{i}", round(rng.uniform(0.05, 0.95), 2), rng.choice(["confirmed", "refuted"]),
                         known="2025-12") for i in range(20)]
    first = scoring.score(record, TODAY)
    again = scoring.score(list(reversed(record)), TODAY)
    assert first["brier_ci95"] is not None and first["brier_ci95"] == again["brier_ci95"]
    low, high = first["brier_ci95"]
    assert low <= first["brier"] <= high
    assert scoring.score(record[:19], TODAY)["brier_ci95"] is None


def test_groups_by_forecaster_year_and_tag():
    from tracker.domain.model import Database

    db = Database(predictions={p.id: p for p in HAND})
    db.predictions["b"].forecaster = "Other"
    db.predictions["c"].tags = ["x", "y"]
    by_forecaster = scoring.score_groups(db, "forecaster", TODAY)
    assert [(g["group"], g["n"]) for g in by_forecaster] == [("A. Pundit", 5), ("Other", 1)]
    assert list(by_forecaster[0])[0] == "group"
    assert [(g["group"], g["n"]) for g in scoring.score_groups(db, "year", TODAY)] == [("2024", 2), ("2025", 4)]
    assert [(g["group"], g["n"]) for g in scoring.score_groups(db, "tag", TODAY)] == [
        ("(untagged)", 5), ("x", 1), ("y", 1)]
    assert [g["n"] for g in scoring.score_groups(db, "forecaster", TODAY, author="other")] == [1]
    with pytest.raises(ValueError):
        scoring.score_groups(db, "colour", TODAY)


# --- properties -------------------------------------------------------------------------------

forecasts = st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 1)), min_size=1, max_size=60)


@given(forecasts)
def test_brier_lies_between_zero_and_one(pairs):
    assert 0.0 <= scoring.brier(pairs) <= 1.0


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 1)), min_size=1, max_size=80),
       st.lists(st.floats(0.0, 0.0999), min_size=10, max_size=10))
def test_murphy_decomposition_sums_to_brier_with_one_forecast_per_bin(cells, offsets):
    # Every forecast in bin k is the same value k/10 + offset[k].
    pairs = [(k / 10 + offsets[k], o) for k, o in cells]
    reliability, resolution, uncertainty = scoring.murphy(pairs)
    assert reliability - resolution + uncertainty == pytest.approx(scoring.brier(pairs), abs=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.tuples(st.floats(0.001, 0.999), st.booleans()), min_size=1, max_size=40))
def test_scores_match_a_naive_second_computation(rows):
    record = [prediction(f"p{i}", p, "confirmed" if hit else "refuted", known="2025-12")
              for i, (p, hit) in enumerate(rows)]
    result = scoring.score(record, TODAY)
    n = len(rows)
    naive_brier = sum(((1.0 if hit else 0.0) - p) ** 2 for p, hit in rows) / n
    clipped = [min(max(p, 0.01), 0.99) for p, _ in rows]
    naive_log = -sum(math.log(c) if hit else math.log(1 - c) for c, (_, hit) in zip(clipped, rows)) / n
    assert result["brier"] == pytest.approx(naive_brier)
    assert result["log_loss"] == pytest.approx(naive_log)
    assert not any(isinstance(v, float) and math.isnan(v) for v in result.values())


@given(st.integers(0, 200), st.integers(1, 200))
def test_wilson_interval_matches_the_textbook_formula_and_contains_the_rate(k, n):
    k = min(k, n)
    low, high = scoring.wilson(k, n)
    z, phat = 1.959963984540054, k / n
    centre = phat + z * z / (2 * n)
    spread = z * math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n))
    assert low == pytest.approx(max(0.0, (centre - spread) / (1 + z * z / n)), abs=1e-12)
    assert high == pytest.approx(min(1.0, (centre + spread) / (1 + z * z / n)), abs=1e-12)
    assert low - 1e-12 <= phat <= high + 1e-12


def test_large_records_get_the_normal_interval_the_bootstrap_converges_to():
    rng = random.Random(3)
    pairs = [(round(rng.uniform(0.05, 0.95), 2), rng.randint(0, 1)) for _ in range(bootstrap.BOOTSTRAP_MAX + 1)]
    low, high = scoring.bootstrap_brier(pairs)
    small = bootstrap.BOOTSTRAP_MAX
    boot_low, boot_high = scoring.bootstrap_brier(pairs[:small])
    # The two methods agree to about a hundredth at this size, and both contain the Brier score.
    assert low < scoring.brier(pairs) < high
    assert abs((high - low) - (boot_high - boot_low)) < 0.01


@pytest.mark.parametrize("n", [20, 57, 200])
def test_the_bootstrap_interval_is_the_plain_resampling_loops_within_monte_carlo_error(n):
    import random

    rng = random.Random(n)
    pairs = [(rng.choice([0.1, 0.3, 0.5, 0.7, 0.9, round(rng.random(), 3)]), rng.randint(0, 1)) for _ in range(n)]
    errors = [(f - o) ** 2 for f, o in pairs]
    draw = random.Random(1)  # the definition: resample with replacement, average, take the percentiles
    means = sorted(sum(draw.choices(errors, k=n)) / n for _ in range(20_000))
    low, high = means[int(0.025 * len(means))], means[int(0.975 * len(means))]
    got_low, got_high = scoring.bootstrap_brier(pairs)
    spread = high - low
    assert abs(got_low - low) < 0.06 * spread and abs(got_high - high) < 0.06 * spread
