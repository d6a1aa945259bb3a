"""The 95% interval of a Brier score: a seeded percentile bootstrap, or the normal interval.

Split from :mod:`tracker.scoring.scores` so the resampling (the one part that needs numpy) lives
in one place, with the cache that lets many groups share their draws.
"""

from __future__ import annotations

import functools
import math
import random

Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal
BOOTSTRAP_MIN = 20       # below this a bootstrap interval would be noise
BOOTSTRAP_MAX = 200      # above this the normal interval, which the bootstrap converges to
BOOTSTRAP_SAMPLES = 2000
BOOTSTRAP_NUMPY = 50      # from this many forecasts numpy draws the resamples (below, importing it costs more)
BOOTSTRAP_SEED = 20250223  # fixed, so the same record always gets the same interval


def bootstrap_brier(pairs: list[tuple[float, int]], samples: int = BOOTSTRAP_SAMPLES,
                    seed: int = BOOTSTRAP_SEED) -> list[float] | None:
    """A 95% interval for the Brier score; None below 20 forecasts.

    A percentile bootstrap up to 200 forecasts. Above that, resampling costs seconds (a
    score per tag of a large file) while the bootstrap distribution of a mean is normal to
    within rounding, so the normal interval mean ± 1.96·sd/√n is given instead.
    """
    if len(pairs) < BOOTSTRAP_MIN:
        return None
    return interval_of_errors(sorted((f - o) ** 2 for f, o in pairs), samples, seed)


def interval_of_errors(errors: list[float], samples: int = BOOTSTRAP_SAMPLES,
                       seed: int = BOOTSTRAP_SEED) -> list[float] | None:
    """:func:`bootstrap_brier` of the squared errors, already sorted (the input's order must
    not matter); None below 20."""
    n = len(errors)
    if n < BOOTSTRAP_MIN:
        return None
    if n > BOOTSTRAP_MAX:
        mean = sum(errors) / n
        half = Z95 * math.sqrt(sum((e - mean) ** 2 for e in errors) / (n - 1) / n)
        return [max(0.0, mean - half), min(1.0, mean + half)]
    low, high = int(0.025 * samples), min(int(0.975 * samples), samples - 1)
    if n < BOOTSTRAP_NUMPY:
        means = sorted(_resample_means(errors, samples, seed))
        return [means[low], means[high]]
    import numpy as np

    # The 2.5th and 97.5th of the sorted means are order statistics: a partition finds the
    # same two values as a full sort, without sorting 2000 floats per group.
    means = np.take(np.asarray(errors, dtype=np.float64), _draws(n, samples, seed)).sum(axis=1) / n
    picked = np.partition(means, (low, high))
    return [float(picked[low]), float(picked[high])]


def _resample_means(errors: list[float], samples: int, seed: int) -> list[float]:
    """The means of ``samples`` resamples of ``errors``, each n draws with replacement, with
    Python's generator (seeded): below ``BOOTSTRAP_NUMPY`` forecasts (100,000 draws at most)
    this is quicker than numpy's 70 ms import. From there numpy's default generator (PCG64,
    seeded) draws them in one vectorised call: a loop of ``random.choices`` took about 5 ms
    per resample set of 200, and `score --by forecaster` bootstraps every group."""
    n = len(errors)
    # One call draws them all: the same draws, in the same order, as one call per resample
    # (choices takes one random() per draw), without 2000 calls' overhead.
    drawn = random.Random(seed).choices(errors, k=n * samples)
    return [sum(drawn[at:at + n]) / n for at in range(0, n * samples, n)]


# The resample indices depend only on (n, samples, seed): groups of the same size share one
# draw (300 forecasters at 100k predictions have about 50 distinct sizes; drawing took a
# third of the bootstrap's time). 64 entries of at most 2000×200 uint16: 51 MB at most.
@functools.lru_cache(maxsize=64)
def _draws(n: int, samples: int, seed: int):
    import numpy as np

    draws = np.random.default_rng(seed).integers(0, n, size=(samples, n),
                                                 dtype=np.uint16 if n <= 0xFFFF else np.int64)
    draws.flags.writeable = False  # shared by every later call: nobody may change it
    return draws
