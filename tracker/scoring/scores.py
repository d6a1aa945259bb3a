"""A forecaster's track record: hit rate, Brier, log loss, baseline score, calibration.

Pure functions over predictions, no I/O, standard library only, so the CLI, the TUI and a
report compute the same figures. The rules (see docs/scores.md):

- Every figure is over the *scored* predictions (:func:`scorable`): confirmed or refuted,
  with a probability. A resolved prediction whose probability was never stated counts in
  ``n``, ``resolved``, ``confirmed``/``refuted`` but in no score. Void counts only in ``void``.
- Everything is as of ``today`` (:func:`tracker.domain.review.as_of`): a prediction made after it
  is left out, one judged after it counts as pending.
- ``matured`` first restricts *everything* to predictions whose resolve-by period is over.
- ``stated``/``inferred``/``even_share`` describe the calls made: every non-void prediction
  with a probability, pending ones included. A probability is *inferred* when its hedge is
  in the table and the probability is the table's reading of it; otherwise it is *stated*.
- Absent values are None, never NaN.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
from collections.abc import Callable, Iterable

from tracker.domain import hedges
from tracker.scoring.bootstrap import Z95, bootstrap_brier
from tracker.domain.disputes import is_disputed
from tracker.domain.errors import TrackerError
from tracker.domain.model import Database, Prediction, Status
from tracker.domain.review import as_of, predictions_as_of

CLIP = (0.01, 0.99)      # log loss and baseline score: one confident miss must not be infinite
GROUPINGS = ("forecaster", "article", "tag", "year")
KEYS = ("n", "resolved", "confirmed", "refuted", "pending", "void", "hit_rate", "hit_rate_ci95",
        "brier", "brier_ci95", "log_loss", "baseline_score", "brier_hedge_range", "stated",
        "inferred", "even_share", "early_resolved", "calibration", "reliability", "resolution",
        "uncertainty", "trend")


def scorable(predictions: Iterable[Prediction]) -> list[Prediction]:
    """The predictions a score is computed over: resolved, with a probability.

    The one place that decides it. A prediction two readers judged (or edited) differently
    is left out until the dispute is settled: neither side's call is the record's yet.
    """
    return [p for p in predictions if p.status in _RESOLVED and p.probability is not None and not is_disputed(p)]


_RESOLVED = tuple(s for s in Status if s.resolved)  # `in` a tuple compares by identity first: no property call


def outcome(p: Prediction) -> int:
    """1 when the claim came true (confirmed), 0 when refuted."""
    return 1 if p.status is Status.CONFIRMED else 0


def has_matured(p: Prediction, today: _dt.date) -> bool:
    """Its whole resolve-by period is over, so it had every chance to be refuted."""
    return p.resolve_by.last_day() < today


def resolved_early(p: Prediction) -> bool:
    """Resolved, and known (latest status entry) before its resolve-by period ended."""
    if p.status not in _RESOLVED:
        return False
    entry = p.last_status_entry()
    return bool(entry and entry.known_on and entry.known_on.last_day() < p.resolve_by.last_day())


def wilson(successes: int, n: int, z: float = Z95) -> list[float] | None:
    """The Wilson score interval [low, high] for a proportion; None when n is 0."""
    if n <= 0:
        return None
    phat = successes / n
    denom = 1 + z * z / n
    centre = (phat + z * z / (2 * n)) / denom
    half = z * math.sqrt(phat * (1 - phat) / n + z * z / (4 * n * n)) / denom
    return [max(0.0, centre - half), min(1.0, centre + half)]


def brier(pairs: list[tuple[float, int]]) -> float | None:
    """Mean squared difference between forecast and outcome (0 best, 1 worst)."""
    return sum((f - o) ** 2 for f, o in pairs) / len(pairs) if pairs else None


def _clip(p: float) -> float:
    return min(max(p, CLIP[0]), CLIP[1])


def log_loss(pairs: list[tuple[float, int]]) -> float | None:
    """Mean of -ln(probability given to what happened), forecasts clipped to [0.01, 0.99]."""
    if not pairs:
        return None
    return sum(-math.log(_clip(f) if o else 1 - _clip(f)) for f, o in pairs) / len(pairs)


def baseline_score(pairs: list[tuple[float, int]]) -> float | None:
    """Metaculus's baseline score: mean of 100·log2(2·p_outcome); 0 for a coin flip."""
    if not pairs:
        return None
    return sum(100 * math.log2(2 * (_clip(f) if o else 1 - _clip(f))) for f, o in pairs) / len(pairs)


def bin_index(p: float) -> int:
    """Ten equal bins [0, 0.1) ... [0.9, 1.0]; 1.0 falls in the last."""
    return min(int(math.floor(p * 10 + 1e-9)), 9)


def calibration(pairs: list[tuple[float, int]]) -> list[dict]:
    """Each of the ten bins: count, mean forecast, observed frequency and its Wilson interval."""
    bins: list[list[tuple[float, int]]] = [[] for _ in range(10)]
    for f, o in pairs:
        bins[bin_index(f)].append((f, o))
    return [calibration_row(i, len(members), sum(o for _, o in members), sum(f for f, _ in members))
            for i, members in enumerate(bins)]


def calibration_row(i: int, n: int, hits: int, forecasts: float) -> dict:
    """Bin ``i`` of the calibration table: ``n`` forecasts summing to ``forecasts``, ``hits`` true."""
    return {
        "low": i / 10, "high": (i + 1) / 10, "n": n,
        "mean_forecast": forecasts / n if n else None,
        "observed": hits / n if n else None,
        "observed_ci95": wilson(hits, n),
    }


def murphy(pairs: list[tuple[float, int]],
           table: list[dict] | None = None) -> tuple[float | None, float | None, float | None]:
    """Reliability, resolution and uncertainty over the ten bins (Murphy 1973).

    Brier = reliability - resolution + uncertainty exactly when every forecast in a bin
    is the same; otherwise the within-bin spread makes up the difference.
    """
    if not pairs:
        return None, None, None
    return decompose(len(pairs), sum(o for _, o in pairs), table if table is not None else calibration(pairs))


def decompose(n: int, hits: int, table: list[dict]) -> tuple[float, float, float]:
    """:func:`murphy` of ``n`` forecasts (``n`` > 0), ``hits`` of them true, binned as ``table``."""
    base = hits / n
    reliability = resolution = 0.0
    for row in table:
        if row["n"]:
            reliability += row["n"] * (row["mean_forecast"] - row["observed"]) ** 2
            resolution += row["n"] * (row["observed"] - base) ** 2
    return reliability / n, resolution / n, base * (1 - base)


# The hedge table is fixed: a phrase's reading is looked up (NFKC, case-folded) once, not once
# per prediction (a score of 100k predictions asks about 170,000 times).
_reading = functools.lru_cache(maxsize=4096)(hedges.lookup)


@functools.lru_cache(maxsize=4096)
def _read_probability(phrase: str) -> float | None:
    reading = _reading(phrase)
    return None if reading is None else reading.probability


def is_inferred(p: Prediction) -> bool:
    """The probability is the hedge table's reading of the prediction's hedge phrase."""
    return hedge_reads_as(p.hedge, p.probability)


def hedge_reads_as(hedge: str, probability: float | None) -> bool:
    """:func:`is_inferred` of a prediction with this hedge phrase and probability."""
    read = _read_probability(hedge)
    return probability is not None and read is not None and abs(read - probability) < 1e-9


def reading_range(p: Prediction) -> tuple[float, float]:
    """The probabilities this prediction could be read at: its hedge's band when the
    probability is inferred (else the stated value), widened to cover ``alt_hedge``'s band."""
    assert p.probability is not None
    low = high = p.probability
    if is_inferred(p):
        low, high = _reading(p.hedge).call_range
    alt = _reading(p.alt_hedge)
    if alt is not None:
        low, high = min(low, alt.call_range[0]), max(high, alt.call_range[1])
    return low, high


def brier_hedge_range(scored: list[Prediction]) -> list[float] | None:
    """The lowest and highest Brier score any reading within the bands gives.

    Each squared error is monotone within a band (the outcome is 0 or 1), so the extremes
    take each prediction to whichever end of its band helps, or hurts, it most. This range
    contains the all-low and all-high readings.
    """
    if not scored:
        return None
    best = worst = 0.0
    for p in scored:
        o = outcome(p)
        errors = [(end - o) ** 2 for end in reading_range(p)]
        best += min(errors)
        worst += max(errors)
    return [best / len(scored), worst / len(scored)]


def trend(scored: list[Prediction], by: str = "year") -> list[dict]:
    """The Brier score by the year (or quarter: ``2025-Q1``) each prediction was made."""
    periods: dict[str, list[tuple[float, int]]] = {}
    for p in scored:
        made = p.made_on
        label = str(made.year)
        if by == "quarter" and made.month is not None:
            label = f"{made.year}-Q{(made.month - 1) // 3 + 1}"
        periods.setdefault(label, []).append((p.probability, outcome(p)))
    return [{"period": label, "n": len(pairs), "brier": brier(pairs)}
            for label, pairs in sorted(periods.items())]


def score(predictions: Iterable[Prediction], today: _dt.date, matured: bool = False,
          trend_by: str = "year") -> dict:
    """Every figure of a track record, as one JSON-ready dict with the keys in :data:`KEYS`."""
    current = [q for q in (as_of(p, today) for p in predictions) if q is not None]
    return score_current(current, today, matured, trend_by)


def score_current(current: list[Prediction], today: _dt.date, matured: bool = False,
                  trend_by: str = "year") -> dict:
    """:func:`score` of predictions already taken as of ``today`` (:func:`select` with ``today``).

    The definition of every figure, one plain pass each.
    """
    pool = [p for p in current if not matured or has_matured(p, today)]
    scored = scorable(pool)
    pairs = [(p.probability, outcome(p)) for p in scored]
    right = sum(1 for f, o in pairs if (f > 0.5 and o) or (f < 0.5 and not o))
    calls = sum(1 for f, _ in pairs if f != 0.5)
    judged = [p for p in pool if p.status is not Status.VOID and p.probability is not None]
    inferred = sum(1 for p in judged if is_inferred(p))
    bins = calibration(pairs)
    reliability, resolution, uncertainty = murphy(pairs, bins)
    count = dict.fromkeys(Status, 0)
    for p in pool:
        count[p.status] += 1
    return {
        "n": len(pool),
        "resolved": count[Status.CONFIRMED] + count[Status.REFUTED],
        "confirmed": count[Status.CONFIRMED],
        "refuted": count[Status.REFUTED],
        "pending": count[Status.PENDING],
        "void": count[Status.VOID],
        "hit_rate": right / calls if calls else None,
        "hit_rate_ci95": wilson(right, calls),
        "brier": brier(pairs),
        "brier_ci95": bootstrap_brier(pairs),
        "log_loss": log_loss(pairs),
        "baseline_score": baseline_score(pairs),
        "brier_hedge_range": brier_hedge_range(scored),
        "stated": len(judged) - inferred,
        "inferred": inferred,
        "even_share": sum(1 for p in judged if p.probability == 0.5) / len(judged) if judged else None,
        "early_resolved": sum(1 for p in pool if resolved_early(p)),
        "calibration": bins,
        "reliability": reliability,
        "resolution": resolution,
        "uncertainty": uncertainty,
        "trend": trend(scored, trend_by),
    }


UNATTRIBUTED = "(unattributed)"


def forecaster_label(p: Prediction) -> str:
    """Whose call, for grouping and display: a prediction with no forecaster is "(unattributed)"."""
    return p.forecaster or UNATTRIBUTED


def group_keys(by: str) -> Callable[[Prediction], list[str]]:
    """The groups a prediction counts in under ``--by``; ValueError for an unknown grouping."""
    if by == "forecaster":
        return lambda p: [forecaster_label(p)]
    if by == "article":
        return lambda p: [p.article or "(none)"]
    if by == "tag":
        return lambda p: list(dict.fromkeys(p.tags)) or ["(untagged)"]
    if by == "year":
        return lambda p: [str(p.made_on.year)]
    raise ValueError(f"cannot group by {by!r}; choose one of {', '.join(GROUPINGS)}")


def select(db: Database, author: str | None = None, today: _dt.date | None = None) -> list[Prediction]:
    """The predictions whose forecaster's name contains ``author`` (ignoring case), or all;
    with ``today``, as of that day (:func:`tracker.domain.review.as_of`: those not yet made left out)."""
    needle = (author or "").casefold().strip()
    if not needle:  # everyone: no name to fold 100k times
        return predictions_as_of(db, today) if today is not None else list(db.predictions.values())
    # The name first: only the forecaster's predictions are then taken as of that day.
    chosen = [p for p in db.predictions.values() if needle in p.forecaster.casefold()]
    if today is None:
        return chosen
    return [q for q in (as_of(p, today) for p in chosen) if q is not None]


def stored_test(author: str | None) -> Callable[[str, object], bool] | None:
    """Which stored documents :func:`select` with ``author`` may choose, read from the document
    alone: a prediction whose forecaster (its author when it names none, as decoding fills it in)
    contains ``author``, ignoring case. None without an author (every prediction counts).

    `score --author NAME` decodes only those: one forecaster's record out of many is a small
    part of the file. Anything the test cannot read (a document that is not an object, a name
    that is not text) is kept, so decoding names its problem as a full read does."""
    needle = (author or "").casefold().strip()
    if not needle:
        return None

    def test(kind: str, doc: object) -> bool:
        if kind != "prediction" or type(doc) is not dict:
            return kind == "prediction"  # articles and events: a score reads none of them
        forecaster, author = doc.get("forecaster"), doc.get("author")
        if any(value is not None and type(value) is not str for value in (forecaster, author)):
            return True  # a name that is not text (even 0 or []): decoded, so it is named
        return needle in (forecaster or author or "").casefold()
    return test


class NoForecaster(TrackerError):
    """``--author NAME`` that matches no forecaster: refused rather than an empty record."""


def require_forecaster(db: Database, author: str | None) -> list[Prediction]:
    """:func:`select`, refusing an ``author`` that matches no prediction's forecaster."""
    chosen = select(db, author)
    if author is not None and not chosen:
        names = sorted({forecaster_label(p) for p in db.predictions.values()})
        shown = ", ".join(names[:12]) + (f", … ({len(names)} in all)" if len(names) > 12 else "")
        raise NoForecaster(f"no forecaster matches {author!r} (forecasters: {shown or 'none yet'})")
    return chosen


def score_groups(db: Database, by: str, today: _dt.date, matured: bool = False,
                 author: str | None = None) -> list[dict]:
    """One score per forecaster, article, tag (a prediction counts under each of its tags)
    or year made, ordered by group; each dict starts with its ``group``."""
    return group_scores(select(db, author, today), by, today, matured)


def group_scores(current: list[Prediction], by: str, today: _dt.date, matured: bool = False) -> list[dict]:
    """:func:`score_groups` of predictions already taken as of ``today``."""
    keys = group_keys(by)  # an unknown grouping is refused before any work
    groups: dict[str, list[Prediction]] = {}
    for p in current:
        for key in keys(p):
            groups.setdefault(key, []).append(p)
    return [{"group": key, **score_current(members, today, matured)} for key, members in sorted(groups.items())]
