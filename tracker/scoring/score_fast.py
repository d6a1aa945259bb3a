"""Scores of many predictions in one pass per group: :func:`tracker.scoring.scores.score_current`'s
figures, computed fast.

``score_current`` states each figure plainly: a pass over the predictions per figure, each
prediction through a few function calls (the hedge's reading, the resolve-by period's last
day, disputes). That is about 5 µs a prediction: half a second of `score --by forecaster` at
100k predictions. Here a group's counts are tallied in C (map, compress, Counter), only its
confirmed and refuted predictions go through a Python loop, and what depends on only a few
values (a forecast and its outcome with its hedges, a date) is worked out once per distinct
value and looked up after; groups of the same size share their bootstrap draws
(:mod:`tracker.scoring.bootstrap`). Every float comes from the same operations on the same values in the same
order as there, so the figures are the same to the last bit; tests/test_score_fast.py
compares the two on generated records.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import compress, repeat

from tracker.scoring import scores as sc
from tracker.scoring.bootstrap import interval_of_errors
from tracker.domain.disputes import is_disputed
from tracker.domain.model import Prediction, Status

_PENDING, _CONFIRMED, _VOID = Status.PENDING, Status.CONFIRMED, Status.VOID
# A fact's fields: forecast, outcome, squared error, log loss, baseline score, best and worst
# squared error within the hedge bands, calibration bin, a right call (0/1), a call (not 50%).
F, O, ERR, LOSS, BASE, BEST, WORST, BIN, RIGHT, CALL = range(10)


def _fact(p: Prediction, f: float, o: int) -> tuple:
    """What a scored prediction adds to each figure; the expressions are scoring's own."""
    clipped = sc._clip(f)
    ends = [(end - o) ** 2 for end in sc.reading_range(p)]
    return (f, o, (f - o) ** 2, -math.log(clipped if o else 1 - clipped),
            100 * math.log2(2 * (clipped if o else 1 - clipped)), min(ends), max(ends),
            sc.bin_index(f), 1 if (f > 0.5 and o) or (f < 0.5 and not o) else 0, 1 if f != 0.5 else 0)


class _Readings(dict):
    """Hedge phrase -> the table's probability for it, NaN for a phrase the table lacks."""

    def __missing__(self, phrase: str) -> float:
        read = sc._read_probability(phrase)
        value = self[phrase] = math.nan if read is None else read
        return value


class Memo:
    """Values shared by every group of one score, keyed by the few fields they depend on."""

    def __init__(self) -> None:
        self.facts: dict[tuple, tuple] = {}          # (forecast, outcome, hedge, alt hedge) -> fact
        self.readings = _Readings()                  # hedge phrase -> its probability, NaN if none
        # Keyed by id: the records share their date objects (a few thousand at 100k), and a
        # dataclass hashes in Python. Each date is kept too, so its id is not reused meanwhile.
        self.days: dict[int, _dt.date] = {}          # id(PDate) -> its last_day()
        self._kept: list[object] = []

    def last_day(self, d) -> _dt.date:
        """``d.last_day()``, built once per date object (month ends need the calendar)."""
        day = self.days.get(id(d))
        if day is None:
            day = self.days[id(d)] = d.last_day()
            self._kept.append(d)
        return day


_status, _probability, _hedge = (operator.attrgetter(name) for name in ("status", "probability", "hedge"))
_VOID_ID = id(_VOID)  # statuses are tallied by id: an Enum hashes in Python
_TOLERANCE = 1e-9
_RESOLVED_IDS = frozenset(id(status) for status in Status if status.resolved)


def score_pool(pool: list[Prediction], today: _dt.date, matured: bool = False,
               trend_by: str = "year", memo: Memo | None = None) -> dict:
    """:func:`tracker.scoring.scores.score_current` of ``pool`` (predictions already as of ``today``)."""
    memo = memo if memo is not None else Memo()
    if matured:
        last_day = memo.last_day
        pool = [p for p in pool if last_day(p.resolve_by) < today]
    # The counts are tallied in C (map, compress, Counter, list.count) rather than a Python
    # statement or two per prediction: at 100k predictions that loop was the scores' largest part.
    ids = list(map(id, map(_status, pool)))
    count = Counter(ids)
    described = list(compress(pool, map(_VOID_ID.__ne__, ids)))  # non-void ...
    forecasts = list(map(_probability, described))
    if None in forecasts:  # ... with a probability: the calls made
        stated = list(map(operator.is_not, forecasts, repeat(None)))
        described, forecasts = list(compress(described, stated)), list(compress(forecasts, stated))
    # is_inferred, abs(reading - probability) < 1e-9, with NaN for a phrase the table lacks.
    inferred = sum(map(_TOLERANCE.__gt__, map(abs, map(operator.sub, map(memo.readings.__getitem__,
                                                                        map(_hedge, described)), forecasts))))
    resolved = list(compress(pool, map(_RESOLVED_IDS.__contains__, ids)))
    early, facts, periods = _resolved(resolved, trend_by == "quarter", memo)
    return _figures(len(pool), count[id(_CONFIRMED)], count[id(Status.REFUTED)], count[id(_PENDING)],
                    count[_VOID_ID], len(forecasts), inferred, forecasts.count(0.5), early, facts, periods)


def _resolved(resolved: list[Prediction], quarters: bool,
              memo: Memo) -> tuple[int, list[tuple], dict[str, list[float]]]:
    """Of confirmed and refuted predictions: how many were resolved early, the facts of those
    scored (in order), and their squared errors by the period they were made in."""
    days, last_day, facts_of = memo.days, memo.last_day, memo.facts
    early = 0
    facts: list[tuple] = []
    periods: dict[str, list[float]] = {}
    confirmed = _CONFIRMED
    for p in resolved:
        entry, dispute = None, False
        for h in p.history:  # the latest status entry, and whether any dispute was raised
            if h.action == "status":
                entry = h
            elif h.action == "dispute":
                dispute = True
        if entry is not None and entry.known_on is not None:  # (a PDate is always true)
            known, due = entry.known_on, p.resolve_by
            if (days.get(id(known)) or last_day(known)) < (days.get(id(due)) or last_day(due)):
                early += 1
        f = p.probability
        if f is None or (dispute and is_disputed(p)):
            continue
        o = 1 if p.status is confirmed else 0
        key = (f, o, p.hedge, p.alt_hedge)
        fact = facts_of.get(key)
        if fact is None:
            fact = facts_of[key] = _fact(p, f, o)
        facts.append(fact)
        made = p.made_on
        label = f"{made.year}-Q{(made.month - 1) // 3 + 1}" if quarters and made.month is not None else str(made.year)
        errors = periods.get(label)
        if errors is None:
            periods[label] = [fact[ERR]]
        else:
            errors.append(fact[ERR])
    return early, facts, periods


def _figures(n: int, confirmed: int, refuted: int, pending: int, void: int, judged: int,
             inferred: int, even: int, early: int, facts: list[tuple],
             periods: dict[str, list[float]]) -> dict:
    """The score dict (keys in :data:`tracker.scoring.scores.KEYS` order) from one group's tallies."""
    m = len(facts)
    errors = [x[ERR] for x in facts]
    right, calls = sum([x[RIGHT] for x in facts]), sum([x[CALL] for x in facts])
    bins: list[list[tuple]] = [[] for _ in range(10)]
    for x in facts:
        bins[x[BIN]].append(x)
    table = [sc.calibration_row(i, len(members), sum([x[O] for x in members]), sum([x[F] for x in members]))
             for i, members in enumerate(bins)]
    if m:
        hedge_range = [functools.reduce(operator.add, [x[BEST] for x in facts], 0.0) / m,
                       functools.reduce(operator.add, [x[WORST] for x in facts], 0.0) / m]
        reliability, resolution, uncertainty = sc.decompose(m, sum([x[O] for x in facts]), table)
    else:
        hedge_range, reliability, resolution, uncertainty = None, None, None, None
    return {
        "n": n,
        "resolved": confirmed + refuted,
        "confirmed": confirmed,
        "refuted": refuted,
        "pending": pending,
        "void": void,
        "hit_rate": right / calls if calls else None,
        "hit_rate_ci95": sc.wilson(right, calls),
        "brier": sum(errors) / m if m else None,
        "brier_ci95": interval_of_errors(sorted(errors)),
        "log_loss": sum([x[LOSS] for x in facts]) / m if m else None,
        "baseline_score": sum([x[BASE] for x in facts]) / m if m else None,
        "brier_hedge_range": hedge_range,
        "stated": judged - inferred,
        "inferred": inferred,
        "even_share": even / judged if judged else None,
        "early_resolved": early,
        "calibration": table,
        "reliability": reliability,
        "resolution": resolution,
        "uncertainty": uncertainty,
        "trend": [{"period": label, "n": len(errs), "brier": sum(errs) / len(errs)}
                  for label, errs in sorted(periods.items())],
    }


def group_scores(chosen: Iterable[Prediction], by: str, today: _dt.date, matured: bool = False) -> list[dict]:
    """:func:`tracker.scoring.scores.score_groups` of predictions already chosen and taken as of
    ``today`` (:func:`tracker.scoring.scores.select`)."""
    keys: Callable[[Prediction], list[str]] = sc.group_keys(by)
    groups: defaultdict[str, list[Prediction]] = defaultdict(list)
    if by == "forecaster":  # one key each: no list per prediction, no call (100k of them)
        unattributed = sc.UNATTRIBUTED
        for p in chosen:
            groups[p.forecaster or unattributed].append(p)
    else:
        for p in chosen:
            for key in keys(p):
                groups[key].append(p)
    memo = Memo()
    return [{"group": key, **score_pool(members, today, matured, memo=memo)}
            for key, members in sorted(groups.items())]
