"""`tracker report` (Markdown track record) and `tracker export --format ics` (calendar)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the report command to the parser (``command`` is cli's helper)."""
    p = command("report", "Write a forecaster's track record as Markdown (scores, calibration, "
                          "resolved and void predictions).",
                "tracker report --author 'Andrew Korybko' -o korybko.md")
    p.add_argument("--author", metavar="NAME", help="only this forecaster (a part of the name, any case)")
    p.add_argument("--today", metavar="DATE", help="score as of this day (default: today)")
    p.add_argument("-o", "--output", metavar="FILE", help="default: standard output")


def emit(data: bytes, output: str | None, db_path: Path, what: str) -> None:
    """Write ``data`` to ``output`` (a file, or standard output for none or ``-``)."""
    if not output or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    import os

    from tracker.actions import ActionError
    from tracker.output import write_output
    from tracker.text import visible

    out = Path(output)
    if os.path.lexists(out) and os.path.lexists(db_path) and _same_file(out, db_path):
        raise ActionError(f"{out}: refusing to write the {what} over the database itself")
    write_output(out, data)  # a device, FIFO or symlink is written in place, never renamed over
    print(f"{visible(str(out))}: {what} written", file=sys.stderr)


def _same_file(a: Path, b: Path) -> bool:
    import os

    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def cmd_report(args: argparse.Namespace, path: Path) -> int:
    from tracker.cmd_review import today_arg
    from tracker.report import markdown_report
    from tracker.storage import Store

    today = today_arg(args.today)
    db = Store(path).load()
    text = markdown_report(db, today, args.author, source=path.name)
    emit(text.encode("utf-8"), args.output, path, "report")
    return 0


def cmd_export_ics(args: argparse.Namespace, path: Path) -> int:
    from tracker.ics import calendar_bytes, pending
    from tracker.storage import Store

    db = Store(path).load()
    emit(calendar_bytes(db), args.output, path, f"calendar ({len(pending(db))} events)")
    return 0
