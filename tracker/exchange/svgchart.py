"""Charts as inline SVG for the HTML scorecard: calibration and the Brier trend.

Plain strings, no library and no JavaScript: the page opens anywhere. Every label that
comes from data is escaped; numbers are formatted here.
"""

from __future__ import annotations

import math
from html import escape

SIZE = 320
PAD_LEFT, PAD_BOTTOM, PAD_TOP, PAD_RIGHT = 44, 40, 12, 24
PLOT = SIZE - PAD_LEFT - PAD_RIGHT


def _x(p: float) -> float:
    return PAD_LEFT + p * PLOT


def _y(p: float) -> float:
    return PAD_TOP + (1 - p) * PLOT


def calibration_svg(bins: list[dict]) -> str:
    """Forecast (x) against observed frequency (y): the diagonal of perfect calibration, and per
    non-empty bin a dot at (mean forecast, observed) sized by its count, its Wilson 95% interval
    as a vertical bar, and the count written beside it."""
    parts = [f'<svg class="chart" viewBox="0 0 {SIZE} {SIZE}" role="img" '
             'aria-labelledby="cal-title" xmlns="http://www.w3.org/2000/svg">',
             '<title id="cal-title">Calibration: forecast probability against how often it happened</title>',
             f'<rect x="{PAD_LEFT}" y="{PAD_TOP}" width="{PLOT}" height="{PLOT}" class="frame"/>']
    for tick in range(0, 11, 2):
        t = tick / 10
        parts.append(f'<line x1="{_x(t):.1f}" y1="{_y(0):.1f}" x2="{_x(t):.1f}" y2="{_y(0) + 4:.1f}" class="axis"/>'
                     f'<text x="{_x(t):.1f}" y="{_y(0) + 16:.1f}" class="tick" text-anchor="middle">{tick * 10}%</text>'
                     f'<text x="{PAD_LEFT - 6}" y="{_y(t) + 4:.1f}" class="tick" text-anchor="end">{tick * 10}%</text>')
    parts.append(f'<line x1="{_x(0):.1f}" y1="{_y(0):.1f}" x2="{_x(1):.1f}" y2="{_y(1):.1f}" class="diagonal"/>')
    parts.append(f'<text x="{_x(0.5):.1f}" y="{SIZE - 4}" class="label" text-anchor="middle">forecast</text>')
    parts.append(f'<text x="12" y="{_y(0.5):.1f}" class="label" text-anchor="middle" '
                 f'transform="rotate(-90 12 {_y(0.5):.1f})">observed</text>')
    for row in bins:
        if not row["n"]:
            continue
        x, y = _x(row["mean_forecast"]), _y(row["observed"])
        low, high = row["observed_ci95"]
        radius = min(3 + 2 * row["n"] ** 0.5, 12)
        tip = (f'{row["low"]:.0%}–{row["high"]:.0%}: {row["n"]} forecast{"s" if row["n"] != 1 else ""}, '
               f'mean {row["mean_forecast"]:.0%}, observed {row["observed"]:.0%} '
               f'(95% interval {low:.0%}–{high:.0%})')
        parts.append(f'<g class="bin"><title>{escape(tip)}</title>'
                     f'<line x1="{x:.1f}" y1="{_y(low):.1f}" x2="{x:.1f}" y2="{_y(high):.1f}" class="interval"/>'
                     f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}" class="dot"/>'
                     f'<text x="{x + radius + 3:.1f}" y="{y - 3:.1f}" class="count">n={row["n"]}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


TREND_BAR, TREND_STEP, TREND_LEFT, TREND_RIGHT = 36, 56, 44, 14
TREND_TOP, TREND_PLOT = 16, 110
COIN_FLIP = 0.25  # the Brier score of always saying 50%


def trend_scale(rows: list[dict]) -> float:
    """The top of the trend chart's y axis: the largest Brier score shown, at least the coin
    flip's 0.25 (so that reference line is always drawn), rounded up to a multiple of 0.05."""
    top = max([COIN_FLIP, *(row["brier"] for row in rows)])
    return min(1.0, math.ceil(top * 20 - 1e-9) / 20)


def trend_svg(trend: list[dict]) -> str:
    """The Brier score per period as bars (lower is better), each labelled with its score and count.

    The chart is as wide as its bars (one period: a narrow chart, not one bar in a wide empty
    frame) and its y axis runs from 0 to :func:`trend_scale`, with the coin flip's 0.25 dashed.
    """
    rows = [row for row in trend if row["brier"] is not None]
    top = trend_scale(rows) if rows else COIN_FLIP
    base = TREND_TOP + TREND_PLOT
    width = TREND_LEFT + TREND_STEP * max(len(rows), 1) + TREND_RIGHT
    height = base + 36

    def y(value: float) -> float:
        return base - value / top * TREND_PLOT

    parts = [f'<svg class="chart trend" width="{width * 3 // 2}" height="{height * 3 // 2}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="trend-title" '
             'xmlns="http://www.w3.org/2000/svg">',
             '<title id="trend-title">Brier score by period made (lower is better; '
             'the dashed line is 0.25, always saying 50%)</title>',
             f'<line x1="{TREND_LEFT - 4}" y1="{base}" x2="{width - 4}" y2="{base}" class="axis"/>',
             f'<line x1="{TREND_LEFT}" y1="{TREND_TOP - 4}" x2="{TREND_LEFT}" y2="{base}" class="axis"/>',
             f'<text x="{TREND_LEFT - 6}" y="{base + 4}" class="tick" text-anchor="end">0</text>',
             f'<line x1="{TREND_LEFT}" y1="{y(COIN_FLIP):.1f}" x2="{width - 4}" y2="{y(COIN_FLIP):.1f}" '
             'class="diagonal coin-flip"/>',
             f'<text x="{TREND_LEFT - 6}" y="{y(COIN_FLIP) + 4:.1f}" class="tick" text-anchor="end">0.25</text>']
    if top > COIN_FLIP:
        parts.append(f'<text x="{TREND_LEFT - 6}" y="{y(top) + 4:.1f}" class="tick" text-anchor="end">'
                     f'{top:.2f}</text>')
    for i, row in enumerate(rows):
        x = TREND_LEFT + (TREND_STEP - TREND_BAR) / 2 + TREND_STEP * i
        mid = x + TREND_BAR / 2
        bar = row["brier"] / top * TREND_PLOT
        tip = f'{row["period"]}: Brier {row["brier"]:.3f} over {row["n"]} prediction{"s" if row["n"] != 1 else ""}'
        parts.append(f'<g class="period"><title>{escape(tip)}</title>'
                     f'<rect x="{x:.1f}" y="{base - bar:.1f}" width="{TREND_BAR}" height="{bar:.1f}" class="bar"/>'
                     f'<text x="{mid:.1f}" y="{base - bar - 4:.1f}" class="count" text-anchor="middle">'
                     f'{row["brier"]:.3f}</text>'
                     f'<text x="{mid:.1f}" y="{base + 16}" class="tick" text-anchor="middle">{escape(row["period"])}</text>'
                     f'<text x="{mid:.1f}" y="{base + 30}" class="tick" text-anchor="middle">n={row["n"]}</text></g>')
    parts.append("</svg>")
    return "".join(parts)
