"""`tracker review` and `tracker snooze`: what has fallen due, and putting it off."""

from __future__ import annotations

import argparse
import datetime as _dt
from collections.abc import Callable
from pathlib import Path

from tracker.domain.fields import FieldError

DEFAULT_WITHIN = "30d"


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the review and snooze commands to the parser (``command`` is cli's helper)."""
    p = command("review", "What to review: due, checkable early, due soon, snoozed ones coming back.",
                "tracker review",
                "tracker review --today 2026-11-24 --within 3m --json")
    p.add_argument("--today", metavar="DATE", help="review as of this day (default: today)")
    p.add_argument("--within", metavar="PERIOD", default=DEFAULT_WITHIN,
                   help=f"list what falls due within this period or by this date (default: {DEFAULT_WITHIN})")
    p.add_argument("--json", action="store_true",
                   help="one object with the lists due, checkable_early, upcoming, snoozed")

    p = command("snooze", "Take a pending prediction out of the review queue until a later day.",
                "tracker snooze poland-rejects-belarus-inspection-proposal 3m --note 'await the NATO summit'",
                "tracker snooze some-prediction 2027-03")
    p.add_argument("id", help="the pending prediction to put off")
    p.add_argument("period", help="30d, 2w, 3 months, 1y, or a date (a month means its first day)")
    p.add_argument("--note", default="", help="why (kept in history)")
    p.add_argument("--json", action="store_true", help="print the changed record as JSON")


def today_arg(value: str | None) -> _dt.date:
    """``--today DATE``: a day (default: the real today)."""
    if not value:
        return _dt.date.today()
    from tracker.domain.fields import parse_date_field

    day = parse_date_field(value, "--today")
    if day.precision != "day":
        raise FieldError("--today", f"{value!r} is a {day.precision}; give a day such as 2026-11-24")
    return day.first_day()


def cmd_review(args: argparse.Namespace, path: Path) -> int:
    from tracker.cli.console import print_json
    from tracker.domain.review import early_direction, parse_period, review_queue, snoozed_past, stored_candidates
    from tracker.store.store import Store

    today = today_arg(args.today)
    within = parse_period(args.within, today, "--within") if args.within else None
    db = Store(path).load(keep=stored_candidates(today))  # what was judged before today is not decoded
    queue = review_queue(db, today, within)
    if args.json:
        from tracker.domain.encoding import encode_record
        from tracker.store.storage import collector_paused

        parts = ("due", "checkable_early", "upcoming", "snoozed")
        not_due = queue.checkable_early + queue.upcoming
        with collector_paused():  # a dict per record listed: no rescans of the records meanwhile
            print_json({
                "today": today.isoformat(), "within": within.isoformat() if within else None,
                **{part: [encode_record(p) for p in getattr(queue, part)] for part in parts},
                # Extras keyed by id, so the lists stay shaped exactly as `tracker list --json`.
                "early_direction": {p.id: way for p in not_due if (way := early_direction(p))},
                "next_review": {p.id: snoozed_past(p, today).isoformat() for p in queue.snoozed},
            })
        return 0
    from tracker.cli.console import output_width

    print(review_text(queue, db, today, within, output_width()))
    return 0


# Below this many cells for the claim, each id goes on a line of its own under its prediction.
REVIEW_MIN_CLAIM = 40
_WHEN = 24  # "December 2025, 341d over"


def review_text(queue, db, today: _dt.date, within: _dt.date | None, width: int | None = None) -> str:
    """The four sections, each with a heading and a count, one line per prediction.

    ``width``: the terminal's; claims are cut to fit it, and when the id column would leave a
    claim fewer than :data:`REVIEW_MIN_CLAIM` cells, each id goes on the line below (ids are
    never cut: you type them). ``None`` (a pipe or a file): one whole line each, nothing cut.
    """
    from rich.cells import cell_len

    from tracker.domain.render import fit, fold, probability_text
    from tracker.domain.review import early_direction, snoozed_past
    from tracker.domain.text import visible_all

    everyone = queue.due + queue.checkable_early + queue.upcoming + queue.snoozed
    ids = dict(zip((p.id for p in everyone), visible_all([p.id for p in everyone])))
    id_width = max(map(len, ids.values()), default=2) if all(map(str.isascii, ids.values())) else \
        max((cell_len(i) for i in ids.values()), default=2)
    lead = 2 + _WHEN + 2 + 4 + 2
    below = width is not None and lead + id_width + 2 + REVIEW_MIN_CLAIM > width
    id_indent = max(0, min(lead, width - id_width - 4)) if below else 0
    heads: dict[tuple, str] = {}  # a few thousand distinct (when, probability) among 60,000 lines

    def line(p, claim: str, when: str, extra: str = "") -> str:
        rid = ids[p.id]
        head = heads.get((when, p.probability))
        if head is None:
            head = heads[(when, p.probability)] = f"  {fit(when, _WHEN)}  {probability_text(p.probability).rjust(4)}  "
        if not below:
            head += fit(rid, id_width) + "  "
        text = f"{extra}{claim}"
        if width is not None and cell_len(head) + cell_len(text) > width:
            text = fit(text, max(width - cell_len(head), 10))
        out = (head + text).rstrip()
        if below:  # every id line starts in one column: under the claims, or as far right as the longest fits
            out += f"\n{' ' * id_indent}id: {rid}"
        return out

    until = f" by {within.isoformat()}" if within else ""
    counts = (f"{len(queue.due)} due, {len(queue.checkable_early)} checkable early, "
              f"{len(queue.upcoming)} falling due{until}, {len(queue.snoozed)} snoozed")
    title = f"Review as of {today.isoformat()}:"
    fits = width is None or len(title) + 1 + len(counts) <= width
    lines = [f"{title} {counts}" if fits else f"{title}\n{counts}"]
    sections = [
        ("Due (resolve-by passed; oldest first)", queue.due,
         lambda p: (f"{p.resolve_by.human()}, {(today - p.resolve_by.last_day()).days}d over", "")),
        ("Checkable early (settle when it happens)", queue.checkable_early,
         lambda p: (f"by {p.resolve_by.human()}", f"[{early_direction(p)} early] ")),
        (f"Falling due{until}", queue.upcoming,
         lambda p: (f"ends {p.resolve_by.last_day().isoformat()}", "")),
        ("Snoozed (back on)", queue.snoozed,
         lambda p: (f"back {snoozed_past(p, today).isoformat()}", "")),
    ]
    for title, members, describe in sections:
        lines.append(f"\n{title}: {len(members)}")
        claims = visible_all([fold(p.claim) for p in members])
        lines += [line(p, claim, *describe(p)) for p, claim in zip(members, claims)] or ["  (none)"]
    if queue.due:
        lines.append("\nMark with `tracker mark ID confirmed|refuted|void --note ...`,\n"
                     "put off with `tracker snooze ID 30d`.")
    return "\n".join(lines)


def cmd_snooze(args: argparse.Namespace, path: Path) -> int:
    from tracker.actions import records as actions
    from tracker.cli.console import print_record
    from tracker.store.store import Store

    record = actions.snooze(Store(path), args.id, args.period, note=args.note)
    until = record.history[-1].until
    return print_record(record, args.json, f"{record.id}: snoozed until {until.human()}")


HANDLERS = {"review": cmd_review, "snooze": cmd_snooze}
