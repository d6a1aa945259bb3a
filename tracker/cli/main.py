"""The `tracker` command: parse arguments, call the library, print, map errors to exit codes.

Exit codes: 0 success, 1 refused (not found, invalid input, bad file), 2 usage error.
Textual is imported only when the TUI opens, so scripted commands start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path

from tracker import __version__

from tracker.domain import schema
from tracker.cli.console import Refused
from tracker.cli.helptext import HelpFormatter, examples as _examples
from tracker.domain.errors import error_message

DEFAULT_DB = "predictions.json"


# `add` spells these fields' flags in the singular: one value a flag, repeatable.
_ADD_SPELLED = {"tags": "tag", "articles": "article"}


def _other_field_flags(p: argparse.ArgumentParser, kind: str) -> None:
    """`add KIND` takes every field the field table lets `edit` set: those it does not name
    itself get a plain flag (``--summary-title``), so a new field can be given from the start."""
    named = {action.dest for action in p._actions}
    for field in schema.SCHEMA[kind]:
        if field.editable and _ADD_SPELLED.get(field.name, field.name) not in named:
            p.add_argument(field.flag, dest=f"set_{field.name}", metavar="VALUE",
                           help=_field_help(field, form_hint=True))


_TYPE_HELP = {schema.DATE: "a date: 2025-05-02, 2025-05, May 2025, 2025", schema.LIST: "separated by ;",
              schema.PROBABILITY: "0.7 or 70%", schema.URL: "a web address"}


def _field_help(field: schema.Field, form_hint: bool = False) -> str:
    """A flag's help, from the field table: what the field is, and how to write its value
    (``form_hint``: the add form's hint, which also says what a blank means)."""
    hint = (field.placeholder if form_hint else None) or _TYPE_HELP.get(field.type)
    return (f"{field.heading}: {hint}" if hint else field.heading).replace("%", "%%")


def build_parser() -> argparse.ArgumentParser:
    fmt = HelpFormatter
    parser = argparse.ArgumentParser(
        prog="tracker", formatter_class=fmt,
        description="Keep a pundit's dated events and predictions, mark them, score them. "
                    "With no command, opens the TUI.",
        epilog=_examples("tracker                      # open the TUI on ./predictions.json",
                         "tracker --db my.json list --status pending"))
    parser.add_argument("--version", action="version", version=f"tracker {__version__}")
    parser.add_argument("--db", metavar="PATH",
                        help="database file (default: $TRACKER_DB, else ./predictions.json)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help_text: str, *examples: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text, formatter_class=fmt,
                           epilog=_examples(*examples))
        _db_option(p)
        return p

    p = command("list", "List records in date order.",
                "tracker list --kind prediction --status pending --due-before 2026-01",
                "tracker list --search 'Article 5' --json")
    p.add_argument("--kind", choices=("event", "prediction", "article"), help="only records of this kind")
    p.add_argument("--status", choices=("pending", "confirmed", "refuted", "void", "overdue"),
                   help="only predictions with this status (overdue: pending past its resolve-by)")
    p.add_argument("--tag", help="only records with this tag")
    p.add_argument("--article", metavar="ID", help="only the article ID and the records that cite it")
    p.add_argument("--author", metavar="NAME", help="whose call: a prediction's forecaster, an article's author")
    p.add_argument("--due-before", metavar="DATE", help="predictions whose resolve-by ends before DATE")
    p.add_argument("--search", metavar="TEXT", help="text that must occur, ignoring case (claim, quote, title, summary, tags, article title)")
    p.add_argument("--disputed", action="store_true",
                   help="only records a merge found two readers disagreeing on (see `tracker settle`)")
    p.add_argument("--json", action="store_true", help="a JSON array of records")

    p = command("show", "Show everything about one record, history included.",
                "tracker show trump-keeps-nato-article-5")
    p.add_argument("id", help="the record's id (as `tracker list` shows it)")
    p.add_argument("--json", action="store_true", help=_JSON_RECORD)

    p = command("add", "Add a prediction, event or article; prints the new id.",
                "tracker add prediction --claim 'X will happen' --hedge likely --resolve-by 2025-12",
                "tracker add event --date 2025-05 --title 'Polish presidential election'",
                "tracker add article --title 'Title' --author 'Andrew Korybko' --published 2025-02-23")
    kinds = p.add_subparsers(dest="kind", metavar="KIND", required=True)
    ap = _db_option(kinds.add_parser("prediction", help="a prediction", formatter_class=fmt, epilog=_examples(
        "tracker add prediction --claim 'Poland will not accept the inspections' \\",
        "    --hedge \"probably won't\" --resolve-by 2025-12 --article korybko-2025-02-22-poland-belarus-inspections")))
    ap.add_argument("--claim", required=True, help="English, in the author's direction, judgeable")
    ap.add_argument("--probability", metavar="P", help="0.7 or 70%%; with --hedge, must agree with it")
    ap.add_argument("--hedge", metavar="PHRASE",
                    help="the phrase carrying the author's confidence; one from `tracker hedges` sets "
                         "the probability (give --probability for any other phrase)")
    ap.add_argument("--resolve-by", required=True, metavar="DATE",
                    help="by when it should have happened: 2025-12-31, 2025-12 or 2025 (the whole period)")
    ap.add_argument("--made-on", metavar="DATE", help="default: the article's date, else today")
    ap.add_argument("--author", metavar="NAME", help="default: the article's author")
    ap.add_argument("--forecaster", metavar="NAME",
                    help="whose call it is (default: the author); e.g. who announced a schedule")
    ap.add_argument("--article", metavar="ID", help="the article it was made in")
    ap.add_argument("--event", metavar="ID", help="the event it is about")
    ap.add_argument("--quote", metavar="TEXT", help="the author's words it comes from")
    ap.add_argument("--condition", metavar="TEXT", help="for 'if X then Y': the X")
    ap.add_argument("--horizon-note", metavar="TEXT", help="why this resolve-by date")
    ap.add_argument("--tag", action="append", default=[], metavar="TAG", help=_TAG_HELP)
    ap.add_argument("--id", metavar="SLUG", help="default: made from the claim")
    ap.add_argument("--json", action="store_true", help=_JSON_NEW)
    ep = _db_option(kinds.add_parser("event", help="an event", formatter_class=fmt, epilog=_examples(
        "tracker add event --date 2025-03-15 --title 'First Russia-Pakistan freight train' --tag trade")))
    ep.add_argument("--date", required=True, help="when it happened: 2025-03-15, 2025-03 or 2025")
    ep.add_argument("--title", required=True, help="what happened, in a line")
    ep.add_argument("--summary", default="", help="more about it")
    ep.add_argument("--article", action="append", default=[], metavar="ID",
                    help="an article that reports it (repeat for more)")
    ep.add_argument("--tag", action="append", default=[], metavar="TAG", help=_TAG_HELP)
    ep.add_argument("--id", metavar="SLUG", help="default: made from the date and title")
    ep.add_argument("--json", action="store_true", help=_JSON_NEW)
    arp = _db_option(kinds.add_parser("article", help="an article", formatter_class=fmt, epilog=_examples(
        "tracker add article --title 'Title' --author 'Andrew Korybko' --published 2025-02-23 --url https://...")))
    arp.add_argument("--title", required=True, help="the article's title")
    arp.add_argument("--author", required=True, help="who wrote it (the forecaster of its predictions)")
    arp.add_argument("--published", required=True, metavar="DATE", help="when it was published")
    arp.add_argument("--url", default="", help="where it is (http or https)")
    arp.add_argument("--language", default="en", help="its language: en, ja, … (default: en)")
    arp.add_argument("--id", metavar="SLUG", help="default: made from the author, date and title")
    arp.add_argument("--json", action="store_true", help=_JSON_NEW)
    for kind, kind_parser in (("prediction", ap), ("event", ep), ("article", arp)):
        _other_field_flags(kind_parser, kind)

    p = command("edit", "Change fields of a record; each change is recorded in its history.",
                "tracker edit my-prediction --resolve-by 2026-06 --horizon-note 'extended: talks delayed'",
                "tracker edit my-prediction --tags 'nato;poland'")
    p.add_argument("id", help="the record to change")
    for field in schema.editable():  # every field the table says `edit` may set
        p.add_argument(field.flag, dest=f"set_{field.name}", metavar="VALUE", help=_field_help(field))
    p.add_argument("--status", action=_UseMark, help=argparse.SUPPRESS)
    p.add_argument("--note", default="", help="why the change was made (kept in history)")
    p.add_argument("--force", action="store_true",
                   help="allow changing claim, probability or resolve-by of a resolved prediction")
    p.add_argument("--json", action="store_true", help=_JSON_CHANGED)

    p = command("mark", "Mark a prediction confirmed, refuted, pending or void (void needs --note).",
                "tracker mark trump-keeps-nato-article-5 confirmed --on 2026-01 \\",
                "    --note 'Article 5 still in force' --evidence https://example.org/report",
                "tracker mark some-conditional-claim void --note 'the condition never happened'")
    p.add_argument("id", help="the prediction to mark")
    p.add_argument("status", choices=("pending", "confirmed", "refuted", "void"), help="its outcome")
    p.add_argument("--note", default="", help="why; required for void")
    p.add_argument("--evidence", action="append", default=[], metavar="URL",
                   help="a web address showing the outcome (http or https; repeat for more)")
    p.add_argument("--on", metavar="DATE", help="when the outcome became known (default: today)")
    p.add_argument("--json", action="store_true", help=_JSON_CHANGED)

    command("validate", "Check the database and report every problem found.", "tracker validate")

    p = command("export", "Write every record as JSON or CSV, or pending predictions as a calendar (ics).",
                "tracker export --format csv -o predictions.csv",
                "tracker export --format ics -o predictions.ics")
    p.add_argument("--format", choices=("json", "csv", "ics"), default="json",
                   help="json (default) or csv: every record; ics: a calendar of pending predictions")
    p.add_argument("-o", "--output", metavar="FILE", help="default: standard output")
    p.add_argument("--today", metavar="DATE",
                   help="ics: an overdue prediction's reminder falls the day after this (default: today)")

    p = command("import", "Add or update records from a CSV or JSON file (all or nothing).",
                "tracker import predictions.csv")
    p.add_argument("file", help="a .csv or .json file (as `tracker export` writes)")
    p.add_argument("--force", action="store_true",
                   help="allow changing claim, probability or resolve-by of resolved predictions")

    from tracker.cli import report as cmd_report

    from tracker.cli import review as cmd_review

    from tracker.cli import score as cmd_score
    cmd_review.register(command)
    cmd_score.register(command)
    cmd_report.register(_report_command(command))
    _sharing_commands(command)
    command("hedges", "Print the hedge-phrase table (ICD 203 bands).", "tracker hedges")
    from tracker.cli import ingest as commands_ingest
    commands_ingest.add_commands(command)
    command("tui", "Open the TUI (the same as `tracker` with no command).", "tracker tui")
    return parser


_TAG_HELP = "a tag (repeat for more)"
_JSON_RECORD = "print the record as JSON (as `tracker export` writes it)"
_JSON_NEW = "print the new record as JSON instead of its id"
_JSON_CHANGED = "print the changed record as JSON"
REPORT_HELP = ("Write a forecaster's track record as Markdown (standard output or -o FILE), or as an "
               "HTML scorecard site (--format html -o DIR).")


def _report_command(command):
    """`report` registers itself; its one-line help says it writes HTML as well as Markdown."""
    def report_command(name: str, help_text: str, *examples: str) -> argparse.ArgumentParser:
        return command(name, REPORT_HELP if name == "report" else help_text, *examples)
    return report_command


def _db_option(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """`--db PATH` after the command too; SUPPRESS keeps a --db given before it when absent here."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: $TRACKER_DB, else ./predictions.json)")
    return parser


class _UseMark(argparse.Action):
    """`edit --status`: a judgement is not a field edit; the error names `tracker edit` and `mark`."""

    def __call__(self, parser, namespace, values, option_string=None):
        parser.error("--status: a status is not edited; use `tracker mark ID STATUS` "
                     "(pending, confirmed, refuted or void)")


def _sharing_commands(command) -> None:
    """Commands for a record shared through git: settle, merge-file, git-setup."""
    p = command("settle", "Settle a dispute: set a field two readers disagreed on (see list --disputed).",
                "tracker settle some-prediction --field status --value refuted --note 'the deal fell through'",
                "tracker settle some-prediction --field probability --value 0.7")
    p.add_argument("id", help="the disputed record")
    p.add_argument("--field", required=True, metavar="FIELD", help="the disputed field (status for a judgement)")
    p.add_argument("--value", required=True, metavar="VALUE", help="either side's value, or another")
    p.add_argument("--note", default="", help="why (kept in history)")
    p.add_argument("--json", action="store_true", help=_JSON_CHANGED)
    p = command("merge-file", "git's merge driver: merge THEIRS into OURS record by record "
                "(`tracker git-setup` registers it).",
                "tracker merge-file base.json ours.json theirs.json   # git runs: %O %A %B")
    p.add_argument("base", help="the common ancestor's database")
    p.add_argument("ours", help="written with the result")
    p.add_argument("theirs", help="the other side's database")
    command("git-setup", "Make git merge the database record by record in this repository "
            "(.gitattributes and git config; safe to run again).", "tracker git-setup",
            "tracker --db data/predictions.json git-setup")


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db or os.environ.get("TRACKER_DB") or DEFAULT_DB)


# Commands that may create the database (or do not read it); every other one needs it to exist.
_MAY_CREATE = {"add", "import", "ingest", "merge-file", "git-setup", "hedges", "inbox"}


def _missing_database(command: str, path: Path) -> str | None:
    """The refusal for a command that needs a database when there is none at ``path``."""
    if command in _MAY_CREATE or os.path.lexists(path):
        return None
    return f"{path}: no such file (`tracker add` or `tracker import` creates one)"


# The commands that read the file and print what they found. Each runs with the cyclic collector
# paused (tracker.store.storage.collector_paused): it builds its records and its output, and they are
# garbage when it returns, freed by their reference counts; nothing it makes is a cycle worth looking
# for. Left on, the collector walks the records again and again while the command works (at 100k
# predictions 0.15-0.4 s of each command, a tenth of `list --json`).
_READS = frozenset(("list", "show", "score", "review", "export", "report", "validate"))


def handlers() -> dict:
    """The command registry: each command's name and its handler, from the modules that hold them
    (imported only once a command is run: `tracker --help` needs none of them)."""
    from tracker.cli import commands, ingest, report, review, score

    return {**commands.HANDLERS, **ingest.HANDLERS, **review.HANDLERS, **score.HANDLERS, **report.HANDLERS}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from tracker.cli import commands
    from tracker.cli.console import UsageError

    bad = _not_utf8(args)
    if bad:
        parser.print_usage(sys.stderr)
        print(f"tracker: error: {bad}", file=sys.stderr)
        return 2

    if args.command in (None, "tui"):
        return commands.open_tui(db_path(args))
    missing = _missing_database(args.command, db_path(args))
    if missing:  # not "no record with id X" when the whole file is missing
        return _refuse(missing, [])
    try:
        handler = handlers()[args.command]
        if args.command not in _READS:
            return handler(args, db_path(args))
        from tracker.store.storage import collector_paused

        with collector_paused():
            return handler(args, db_path(args))
    except UsageError as exc:  # the usage of the command that was run, not of `tracker`
        _chosen_parser(parser, args).print_usage(sys.stderr)
        from tracker.domain.text import visible

        print(f"tracker: error: {visible(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `tracker list | head`: the reader has what it wanted
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Refused as exc:
        return _refuse(str(exc), exc.problems)
    except Exception as exc:  # library errors become one clean line, never a traceback
        message = error_message(exc)
        if message is None:
            raise
        flags = _flags_typed(parser, args)
        problems = getattr(exc, "problems", [])
        typed = {p: _as_typed(p, flags) for p in problems}
        return _refuse(typed.get(message, message), [typed[p] for p in problems])
    except KeyboardInterrupt:
        return 130


# Fields whose flag is not spelled from the field's name.
_FLAG_OF_FIELD = {"mark": {"known_on": "--on"}, "add": {"tags": "--tag", "articles": "--article"}}


def _chosen_parser(parser: argparse.ArgumentParser, args: argparse.Namespace) -> argparse.ArgumentParser:
    """The parser of the command that was run (`add prediction`'s for `tracker add prediction`)."""
    chosen = parser
    for name in (args.command, getattr(args, "kind", None)):
        sub = next((a for a in chosen._actions if isinstance(a, argparse._SubParsersAction)), None)
        if sub is None or name not in sub.choices:
            break
        chosen = sub.choices[name]
    return chosen


def _flags_typed(parser: argparse.ArgumentParser, args: argparse.Namespace) -> dict[str, str]:
    """field name -> the flag that sets it in the command the user ran (``resolve_by`` ->
    ``--resolve-by``, for `mark` ``known_on`` -> ``--on``), so refusals name what was typed."""
    chosen, flags = _chosen_parser(parser, args), {}
    for action in chosen._actions:
        longs = [o for o in action.option_strings if o.startswith("--")]
        if longs and action.dest not in ("db", "help", "json"):
            flags[action.dest.removeprefix("set_")] = longs[0]
    flags.update(_FLAG_OF_FIELD.get(args.command, {}))
    if args.command == "settle":  # the disputed field's value is what --value gave
        flags[str(args.field).strip().replace("-", "_")] = "--value"
    return flags


def _as_typed(problem: str, flags: dict[str, str]) -> str:
    """``known_on: 2027-01 is in the future`` as ``--on: 2027-01 is in the future``: a problem
    that names a field (and no record) names the flag the user typed for it instead."""
    from tracker.domain.errors import Problem

    if isinstance(problem, Problem) and not problem.where and problem.field in flags:
        return f"{flags[problem.field]}: {problem.message}"
    return problem


def _refuse(message: str, problems: list[str]) -> int:
    from tracker.domain.text import visible

    # Messages quote what the user or a file gave: shown, never sent to the terminal.
    if problems != [message]:
        for problem in problems:
            print(visible(problem), file=sys.stderr)
    print(f"tracker: error: {visible(message)}", file=sys.stderr)
    return 1


# Paths may be any bytes the file system allows; every other argument is text and must be UTF-8.
_PATH_ARGUMENTS = {"db", "output", "file"}


def _not_utf8(args: argparse.Namespace) -> str | None:
    """What to say about an argument that is not valid UTF-8 (the shell passed raw bytes)."""
    from tracker.domain.text import visible

    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and any("\udc80" <= ch <= "\udcff" for ch in item):
                flag = "--" + name.removeprefix("set_").replace("_", "-")
                return f"{flag}: {visible(item)!s} is not valid UTF-8 text"
    return None
