"""A calibration chart drawn in character cells, as a Rich renderable (no plotting library).

Forecast on the x axis, observed frequency on the y axis, the diagonal of perfect
calibration, and for each bin holding forecasts: a dot at (mean forecast, observed
frequency), its Wilson 95% interval as a vertical bar, and its count under the axis,
so a bin of two forecasts is not read as miscalibration. Pure text: the same picture in
a terminal, a snapshot and a test.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

WIDTH, HEIGHT = 51, 21          # plot cells: x in 2% steps, y in 5% steps
HEIGHTS = (21, 17, 13, 9)       # the heights a chart can take (a tick at 0, 25, 50, 75 and 100% in each)
DIAGONAL = Style(dim=True)
BAR = Style(color="cyan")
DOT = Style(bold=True, color="yellow")
AXIS = Style(dim=True)


def _col(x: float) -> int:
    return max(0, min(WIDTH - 1, round(x * (WIDTH - 1))))


def _row(y: float, height: int = HEIGHT) -> int:
    """Row index from the top for a frequency y (1.0 is the top row)."""
    return max(0, min(height - 1, height - 1 - round(y * (height - 1))))


def chart_lines(height: int = HEIGHT) -> int:
    """How many lines :func:`calibration_chart` takes at most for a plot ``height`` rows high: the
    plot, the axis, its labels, two lines of counts and two of legend."""
    return height + 6


def calibration_chart(bins: list[dict], height: int = HEIGHT) -> Text:
    """The chart for a score's ``calibration`` list (bins with ``n`` 0 are left out), its plot
    ``height`` rows high (one of :data:`HEIGHTS`, so the ticks fall on whole rows)."""
    step = (height - 1) // 4  # rows between ticks
    cells: list[list[tuple[str, Style | None]]] = [[(" ", None)] * WIDTH for _ in range(height)]
    for row in range(height):  # the diagonal (observed = forecast), one dot a row
        cells[row][_col(1 - row / (height - 1))] = ("·", DIAGONAL)
    filled = [b for b in bins if b.get("n")]
    labels: list[list[str]] = [[" "] * (WIDTH + 3) for _ in range(2)]
    for i, b in enumerate(filled):
        col = _col(b["mean_forecast"])
        low, high = b.get("observed_ci95") or (b["observed"], b["observed"])
        for row in range(_row(high, height), _row(low, height) + 1):
            cells[row][col] = ("│", BAR)
        cells[_row(b["observed"], height)][col] = ("●", DOT)
        count = str(b["n"])
        line = labels[i % 2]  # neighbouring bins alternate label lines so counts never overlap
        if all(c == " " for c in line[col:col + len(count) + 1]):
            line[col:col + len(count)] = list(count)
        else:
            labels[(i + 1) % 2][col:col + len(count)] = list(count)
    text = Text()
    for r, row in enumerate(cells):
        y = 1 - r / (height - 1)
        tick = f"{y * 100:.0f}%" if r % step == 0 else ""
        text.append(f"{tick:>5} ┤" if tick else "      │", AXIS)
        for char, style in row:
            text.append(char, style or Style())
        text.append("\n")
    text.append("      └" + "─" * WIDTH + "\n", AXIS)
    text.append("       " + f"{'0%':<25}{'50%':<23}100%" + "\n", AXIS)
    for line in labels:
        if any(c != " " for c in line):
            text.append("   n:  " + "".join(line).rstrip() + "\n")
    # The legend in 58 cells, the chart's own width: it never wraps under a narrow chart.
    text.append("  x: forecast  ● observed share  │ 95% interval\n", AXIS)
    text.append("  · perfectly calibrated (observed = forecast)", AXIS)
    return text


def trend_bars(trend: list[dict], width: int = 30) -> Text:
    """The Brier score by period as bars (0 is perfect, 0.25 is always saying 50%)."""
    text = Text()
    for row in trend:
        brier = row.get("brier")
        if brier is None:
            bar, value = "", "—"
        else:
            bar, value = "█" * max(1, round(min(brier, 1.0) / 0.5 * width)), f"{brier:.3f}"
        text.append(f"{row['period']:>8}  n={row['n']:<4} {value:>6} ")
        text.append(bar, BAR)
        text.append("\n")
    text.append("  bar: Brier, full width 0.5; 0.25 = always 50%", AXIS)
    return text
