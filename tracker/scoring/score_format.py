"""Scores as words and table cells, shared by `tracker score`, the Markdown report and the TUI.

A score dict (:func:`tracker.scoring.scores.score`) holds None where a figure cannot be computed;
every formatter here shows that as ``—``, never as NaN or 0.
"""

from __future__ import annotations

NONE = "—"


def pct(value: float | None) -> str:
    """``67%``; ``—`` for None."""
    return NONE if value is None else f"{value * 100:.0f}%"


def num(value: float | None, places: int = 3) -> str:
    """``0.230``; ``—`` for None."""
    return NONE if value is None else f"{value:.{places}f}"


def signed(value: float | None, places: int = 1) -> str:
    """``+5.8`` (the baseline score: positive is better than a coin flip)."""
    return NONE if value is None else f"{value:+.{places}f}"


def interval(pair: list[float] | None, fmt=num) -> str:
    """``0.120–0.350``; ``—`` when there is no interval."""
    return NONE if not pair else f"{fmt(pair[0])}–{fmt(pair[1])}"


def counts_line(result: dict) -> str:
    """``34 predictions: 5 resolved (3 confirmed, 2 refuted), 28 pending, 1 void``."""
    n = result["n"]
    return (f"{n} prediction{'s' if n != 1 else ''}: {result['resolved']} resolved "
            f"({result['confirmed']} confirmed, {result['refuted']} refuted), "
            f"{result['pending']} pending, {result['void']} void")


def nothing_resolved(result: dict) -> str | None:
    """The plain sentence to show instead of scores when nothing can be scored, else None."""
    if result["brier"] is not None:
        return None
    if result["resolved"]:
        return "Nothing resolved has a probability, so there is no score yet."
    return "Nothing is resolved yet, so there is no score: no hit rate, no Brier score, no calibration."


def honesty_lines(result: dict) -> list[str]:
    """What the reader must know to trust the figures: inferred probabilities, coin flips,
    early resolutions, void."""
    lines = []
    described = result["stated"] + result["inferred"]
    if described:
        lines.append(f"Probabilities: {result['stated']} stated, {result['inferred']} inferred from "
                     f"hedge words (our reading, not the forecaster's number); "
                     f"{pct(result['even_share'])} of calls at exactly 50%, which no hit rate counts.")
    if result["resolved"]:
        lines.append(f"Resolved early (before the resolve-by period ended): {result['early_resolved']} "
                     f"of {result['resolved']}; early confirmations bias a record toward yes "
                     "(--matured counts only predictions whose deadline has passed).")
    if result["void"]:
        lines.append(f"Void (never judgeable, in no score): {result['void']}.")
    return lines


def figure_rows(result: dict) -> list[tuple[str, str, str, str]]:
    """(figure, value, 95% interval, note) rows for one score."""
    few = result["brier"] is not None and result["brier_ci95"] is None
    return [
        ("hit rate", pct(result["hit_rate"]), interval(result["hit_rate_ci95"], pct),
         "Wilson; calls at 50% excluded"),
        ("Brier score", num(result["brier"]), interval(result["brier_ci95"]),
         "0 best, 0.25 = always 50%" + ("; bootstrap interval needs 20 scored" if few else "")),
        ("Brier, hedge range", interval(result["brier_hedge_range"]), "",
         "inferred probabilities moved within their hedge bands"),
        ("log loss", num(result["log_loss"]), "", "natural log, clipped to [0.01, 0.99]"),
        ("baseline score", signed(result["baseline_score"]), "", "0 = coin flip, higher is better"),
        ("reliability", num(result["reliability"]), "", "calibration error, 0 best"),
        ("resolution", num(result["resolution"]), "", "how much forecasts sort outcomes, higher better"),
        ("uncertainty", num(result["uncertainty"]), "", "base-rate variance"),
    ]


def calibration_rows(result: dict) -> list[tuple[str, str, str, str, str]]:
    """(bin, n, mean forecast, observed, 95% interval) for each bin holding a forecast."""
    rows = []
    for row in result["calibration"]:
        if row["n"]:
            label = f"{row['low'] * 100:.0f}–{row['high'] * 100:.0f}%"
            rows.append((label, str(row["n"]), pct(row["mean_forecast"]), pct(row["observed"]),
                         interval(row["observed_ci95"], pct)))
    return rows


def trend_rows(result: dict) -> list[tuple[str, str, str]]:
    """(period, n, Brier) by the year (or quarter) made."""
    return [(row["period"], str(row["n"]), num(row["brier"])) for row in result["trend"]]
