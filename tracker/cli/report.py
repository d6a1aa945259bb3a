"""`tracker report` (Markdown track record, or an HTML scorecard site) and `tracker export --format ics`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from tracker.store.guard import same_file


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Add the report command to the parser (``command`` is cli's helper)."""
    p = command("report", "Write a forecaster's track record as Markdown (scores, calibration, "
                          "resolved and void predictions).",
                "tracker report --author 'Andrew Korybko' -o korybko.md",
                "tracker report --format html -o scorecard/   # a static site: open scorecard/index.html")
    p.add_argument("--format", choices=("markdown", "html"), default="markdown",
                   help="html: an index and one page per forecaster, written into the folder -o names")
    p.add_argument("--author", metavar="NAME", help="only this forecaster (a part of the name, any case)")
    p.add_argument("--today", metavar="DATE", help="score as of this day (default: today)")
    p.add_argument("-o", "--output", metavar="FILE|DIR",
                   help="markdown: a file (default: standard output); html: the folder to write")


def emit(data: bytes, output: str | None, db_path: Path, what: str) -> None:
    """Write ``data`` to ``output`` (a file, or standard output for none or ``-``)."""
    if output == "":
        from tracker.cli.console import UsageError

        raise UsageError("-o: an empty path; give a file name, or - for standard output")
    if not output or output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    import os

    from tracker.domain.errors import ActionError
    from tracker.exchange.output import write_output
    from tracker.domain.text import visible

    out = Path(output)
    if os.path.lexists(out) and os.path.lexists(db_path) and same_file(out, db_path):
        raise ActionError(f"{out}: refusing to write the {what} over the database itself")
    write_output(out, data)  # a device, FIFO or symlink is written in place, never renamed over
    print(f"{visible(str(out))}: {what} written", file=sys.stderr)


def cmd_report(args: argparse.Namespace, path: Path) -> int:
    from tracker.cli.review import today_arg
    from tracker.exchange.markdown import markdown_report
    from tracker.store.store import Store

    from tracker.scoring.scores import require_forecaster

    today = today_arg(args.today)
    if args.format == "html" and (not args.output or args.output == "-"):
        from tracker.cli.console import UsageError

        raise UsageError("report --format html: -o DIR names the folder to write the pages into")
    from tracker.domain.review import database_as_of

    db = Store(path).load()
    require_forecaster(db, args.author)  # refused before anything is written
    db = database_as_of(db, today)  # judged after that day: pending in the report
    if args.format == "html":
        return _html_report(args, db, today, path)
    text = markdown_report(db, today, args.author, source=path.name)
    emit(text.encode("utf-8"), args.output, path, "report")
    return 0


def _html_report(args: argparse.Namespace, db, today, path: Path) -> int:
    from tracker.exchange.html import write_site
    from tracker.domain.text import plural, visible

    written = write_site(db, Path(args.output), today, args.author, database=path)
    print(visible(f"{Path(args.output) / 'index.html'}: {plural(len(written), 'page')}"), file=sys.stderr)
    return 0


def cmd_export_ics(args: argparse.Namespace, path: Path) -> int:
    from tracker.cli.review import today_arg
    from tracker.exchange.ics import calendar_bytes, pending
    from tracker.domain.text import plural, visible
    from tracker.store.store import Store

    today = today_arg(getattr(args, "today", None))
    db = Store(path).load()
    left_out: list[str] = []
    data = calendar_bytes(db, today, left_out)
    if left_out:
        shown = ", ".join(left_out[:3]) + (", …" if len(left_out) > 3 else "")
        print(visible(f"tracker: warning: {plural(len(left_out), 'article URL')} not usable as a link "
                      f"(control, white-space or invisible characters, or not http(s)) left out of the "
                      f"events' URL field: {shown}; fix with `tracker edit ID --url ...`"), file=sys.stderr)
    emit(data, args.output, path, f"calendar ({plural(len(pending(db)), 'event')})")
    return 0


HANDLERS = {"report": cmd_report}
