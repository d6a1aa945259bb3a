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
    p.add_argument("id")
    p.add_argument("period", help="30d, 2w, 3 months, 1y, or a date (a month means its first day)")
    p.add_argument("--note", default="", help="why (kept in history)")
    p.add_argument("--json", action="store_true")


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
    from tracker.domain.review import early_direction, parse_period, review_queue, snoozed_past
    from tracker.store.store import Store

    today = today_arg(args.today)
    within = parse_period(args.within, today, "--within") if args.within else None
    store = Store(path)
    db = store.load()
    queue = review_queue(db, today, within)
    if args.json:
        from tracker.domain.codec import encode_record

        parts = ("due", "checkable_early", "upcoming", "snoozed")
        not_due = queue.checkable_early + queue.upcoming
        print_json({
            "today": today.isoformat(), "within": within.isoformat() if within else None,
            **{part: [encode_record(p) for p in getattr(queue, part)] for part in parts},
            # Extras keyed by id, so the lists stay shaped exactly as `tracker list --json`.
            "early_direction": {p.id: way for p in not_due if (way := early_direction(p))},
            "next_review": {p.id: snoozed_past(p, today).isoformat() for p in queue.snoozed},
        })
        return 0
    print(review_text(queue, db, today, within))
    return 0


def review_text(queue, db, today: _dt.date, within: _dt.date | None) -> str:
    """The four sections, each with a heading and a count, one line per prediction."""
    from tracker.cli.console import terminal_width
    from tracker.domain.render import fit, fold, probability_text
    from tracker.domain.review import early_direction, snoozed_past
    from tracker.domain.text import visible

    width = terminal_width()
    everyone = queue.due + queue.checkable_early + queue.upcoming + queue.snoozed
    id_width = max((len(visible(p.id)) for p in everyone), default=2)

    def line(p, when: str, extra: str = "") -> str:
        claim = visible(fold(p.claim))
        head = f"  {fit(when, 24)}  {probability_text(p.probability).rjust(4)}  {fit(visible(p.id), id_width)}  "
        rest = max(width - len(head), 20)
        return (head + fit(f"{extra}{claim}", rest)).rstrip()

    until = f" by {within.isoformat()}" if within else ""
    lines = [f"Review as of {today.isoformat()}: {len(queue.due)} due, {len(queue.checkable_early)} "
             f"checkable early, {len(queue.upcoming)} falling due{until}, {len(queue.snoozed)} snoozed"]
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
        lines += [line(p, *describe(p)) for p in members] or ["  (none)"]
    if queue.due:
        lines.append("\nMark with `tracker mark ID confirmed|refuted|void --note ...`, "
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
