"""`tracker score`: a forecaster's track record as a table, or as JSON."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the score command to the parser (``command`` is cli's helper)."""
    p = command("score", "Score forecasters: hit rate, Brier, log loss, calibration, with intervals.",
                "tracker score --author 'Andrew Korybko'",
                "tracker score --by forecaster --matured --json")
    p.add_argument("--author", metavar="NAME", help="only this forecaster (a part of the name, any case)")
    p.add_argument("--by", choices=("forecaster", "article", "tag", "year"),
                   help="one score per group (a prediction counts under each of its tags)")
    p.add_argument("--matured", action="store_true",
                   help="only predictions whose resolve-by period is over (no early-resolution bias)")
    p.add_argument("--today", metavar="DATE", help="score as of this day (default: today)")
    p.add_argument("--json", action="store_true",
                   help="one object (a list of them with --by, each with a group key)")


def cmd_score(args: argparse.Namespace, path: Path) -> int:
    from tracker.cli.review import today_arg
    from tracker.cli.console import print_json
    from tracker.cli.console import output_width
    from tracker.scoring.scores import group_scores, require_forecaster, score_current, select, stored_test
    from tracker.store.store import Store

    today = today_arg(args.today)
    keep = stored_test(args.author)  # --author: only that forecaster's predictions are decoded
    db = Store(path).load(keep=keep)
    chosen = select(db, args.author, today)  # as of that day: not-yet-made ones left out
    if not chosen:  # a name that matches nobody (on any day): refused, not an empty record,
        # naming every forecaster there is (so read them all)
        require_forecaster(Store(path).load() if keep is not None else db, args.author)
    if args.by:
        groups = group_scores(chosen, args.by, today, args.matured)
        if args.json:
            print_json(groups)
        else:
            print(groups_text(groups, args.by, args.author, output_width()))
        return 0
    result = score_current(chosen, today, args.matured)
    if args.json:
        print_json(result)
    else:
        who = f"forecasters matching {args.author!r}" if args.author else "all forecasters"
        names = sorted({p.forecaster for p in chosen})
        if args.author and len(names) == 1:
            who = names[0]
        matured = ", matured predictions only" if args.matured else ""
        print(score_text(result, f"Track record of {who} as of {today.isoformat()}{matured}", output_width()))
    return 0


def _grid(header: tuple[str, ...], rows: list[tuple[str, ...]], right: set[int], width: int | None = None) -> list[str]:
    """Columns padded by terminal cell width (Japanese names line up).

    ``width`` (a terminal's): a last column of words that would run past it is wrapped
    under itself."""
    from rich.cells import cell_len

    from tracker.domain.render import fit, wrap

    widths = [max(cell_len(row[i]) for row in (header, *rows)) for i in range(len(header))]
    start = sum(widths[:-1]) + 2 * (len(widths) - 1)  # where the last column begins
    room = None if width is None or start + widths[-1] <= width or len(widths) - 1 in right else width - start
    lines = []
    for row in (header, *rows):
        cells = [(" " * (w - cell_len(c)) + c) if i in right else fit(c, w)
                 for i, (c, w) in enumerate(zip(row, widths))]
        if room is None or room < 12:
            lines.append("  ".join(cells).rstrip())
            continue
        first, *more = wrap(row[-1], room)
        lines.append("  ".join([*cells[:-1], first]).rstrip())
        lines += [" " * start + line for line in more]
    return lines


def score_text(result: dict, title: str, width: int | None = None) -> str:
    """One forecaster's (or everyone's) record: counts, figures with intervals, calibration, trend.

    ``width``: the terminal's, which notes and sentences are wrapped to (``None``: a pipe or a
    file, one line each)."""
    from tracker.scoring import score_format as sf
    from tracker.domain.render import wrap
    from tracker.domain.text import visible

    def fitted(text: str) -> list[str]:
        return [text] if width is None else wrap(text, width)

    lines = [*fitted(visible(title)), *fitted(sf.counts_line(result)), ""]
    empty = sf.nothing_resolved(result)
    if empty:
        lines += fitted(empty)
    else:
        lines += _grid(("figure", "value", "95% interval", "note"), sf.figure_rows(result), set(), width)
        lines += ["", "Calibration (forecast bin: how often the claims came true)"]
        lines += _grid(("bin", "n", "mean forecast", "observed", "95% interval"),
                       sf.calibration_rows(result), {1, 2, 3})
        lines += ["", "Brier score by year made"]
        lines += _grid(("made", "n", "Brier"), sf.trend_rows(result), {1, 2})
    honesty = sf.honesty_lines(result)
    if honesty:
        lines += ["", *(line for sentence in honesty for line in fitted(sentence))]
    return "\n".join(lines)


# With --by, the columns after the group's name; in a terminal too narrow for one line a group,
# the name goes on a line of its own and these on two lines under it (each under its header).
_COUNTS = ("n", "resolved", "✓", "✗", "pending", "void", "hit rate", "95% CI")
_FIGURES = ("Brier", "95% CI", "hedge range", "log loss", "baseline", "inferred", "at 50%")
_INDENT = "    "


def groups_text(groups: list[dict], by: str, author: str | None, width: int | None = None) -> str:
    """One row per group: counts, hit rate and Brier with intervals, hedge range, log loss.

    ``width``: the terminal's. When one line a group is wider, each group's name goes on a line
    of its own with its figures on two indented lines under it (fits 80 columns). ``None`` (a pipe
    or a file): one line a group. Names are never cut."""
    from tracker.scoring import score_format as sf
    from tracker.domain.render import fold
    from tracker.domain.text import visible

    if not groups:
        return f"no predictions{f' by a forecaster matching {author!r}' if author else ''}"
    names = [visible(fold(g["group"])) for g in groups]
    counts = [(str(g["n"]), str(g["resolved"]), str(g["confirmed"]), str(g["refuted"]), str(g["pending"]),
               str(g["void"]), sf.pct(g["hit_rate"]), sf.interval(g["hit_rate_ci95"], sf.pct)) for g in groups]
    figures = [(sf.num(g["brier"]), sf.interval(g["brier_ci95"]), sf.interval(g["brier_hedge_range"]),
                sf.num(g["log_loss"]), sf.signed(g["baseline_score"]),
                f"{g['inferred']}/{g['stated'] + g['inferred']}", sf.pct(g["even_share"])) for g in groups]
    header = (by, *_COUNTS, *_FIGURES)
    rows = [(name, *c, *f) for name, c, f in zip(names, counts, figures)]
    lines = _grid(header, rows, set(range(1, len(header))))
    from rich.cells import cell_len

    if width is not None and max(cell_len(line) for line in lines) > width:
        upper = _grid(_COUNTS, counts, set(range(len(_COUNTS))))
        lower = _grid(_FIGURES, figures, set(range(len(_FIGURES))))
        lines = [by, _INDENT + upper[0], _INDENT + lower[0]]
        for name, a, b in zip(names, upper[1:], lower[1:]):
            lines += [name, _INDENT + a, _INDENT + b]
    if all(g["brier"] is None for g in groups):
        lines.append("\nNothing is resolved yet, so there is no score: every figure is —.")
    return "\n".join(lines)


HANDLERS = {"score": cmd_score}
