"""One handler per `tracker` command: a thin call into the library, then print."""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import sys
from pathlib import Path


from tracker.domain.encoding import encode_record
from tracker.domain.errors import ActionError
from tracker.domain.fields import parse_date_field
from tracker.store.layout import StoreError
from tracker.store.guard import UnsafeFileError, check_regular, same_file
from tracker.domain.model import Database, Prediction
from tracker.cli.console import UsageError, print_json, print_record, say
from tracker.domain.text import plural, visible


def cmd_list(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store
    from tracker.store.storage import collector_paused
    from tracker.cli.console import output_width
    from tracker.domain.query import Filter, select, stored_test
    from tracker.domain.render import table

    flt = Filter(kinds={args.kind} if args.kind else set(), status=args.status or "",
                 tag=args.tag or "", article=args.article or "", author=args.author or "",
                 due_before=parse_date_field(args.due_before, "--due-before") if args.due_before is not None else None,
                 search=args.search or "", disputed=args.disputed)
    db = Store(path).load(keep=stored_test(flt))  # only what the filter may show is decoded
    today = _dt.date.today()
    records = select(db, flt, today)
    if args.json:
        with collector_paused():  # 60,000 new dicts at 100k: no rescans of the records meanwhile
            print_json([encode_record(r) for r in records])
    elif records:
        print(table(records, today, output_width()))
    else:
        print("no records match", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace, path: Path) -> int:
    from tracker.cli.console import output_width
    from tracker.domain.render import details
    from tracker.store.store import Store

    # One prediction is decoded with only its article and event; an article or event lists
    # the predictions that cite it, so it needs them all.
    with Store(path).reading() as read:
        record = read.find(args.id)
        if record is None:
            from tracker.domain.ids import no_such_id
            from tracker.domain.model import KINDS

            raise ActionError(no_such_id(args.id, set().union(*(read.ids(kind) for kind in KINDS))))
        if isinstance(record, Prediction):
            article = read.get("article", record.article) if record.article else None
            event = read.get("event", record.event) if record.event else None
            db = Database(articles={article.id: article} if article else {},
                          events={event.id: event} if event else {},
                          predictions={record.id: record})
        else:
            db = read.database()
    return print_record(record, args.json, details(record, db, _dt.date.today(), output_width()))


def cmd_add(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store
    from tracker.actions import records as actions
    store = Store(path)
    if args.kind == "prediction" and args.probability is None and not args.hedge:
        raise UsageError("add prediction: give --probability, --hedge, or both")
    # The fields `add` has no flag of its own for (the field table's others): as given.
    other = {name.removeprefix("set_"): value for name, value in vars(args).items()
             if name.startswith("set_") and value is not None}
    if args.kind == "prediction":
        record = actions.add_prediction(
            store, claim=args.claim, resolve_by=args.resolve_by, probability=args.probability,
            hedge=args.hedge or "", made_on=args.made_on, author=args.author or "",
            article=args.article or "", event=args.event or "", quote=args.quote or "",
            tags=args.tag, condition=args.condition or "", horizon_note=args.horizon_note or "",
            record_id=args.id, forecaster=args.forecaster or "", **other)
    elif args.kind == "event":
        record = actions.add_event(store, date=args.date, title=args.title, summary=args.summary,
                                   articles=args.article, tags=args.tag, record_id=args.id, **other)
    else:
        record = actions.add_article(store, title=args.title, author=args.author,
                                     published=args.published, url=args.url,
                                     language=args.language, record_id=args.id, **other)
    print_record(record, args.json, record.id)
    if args.kind == "prediction":
        sys.stdout.flush()
        _note_negating_hedge(record.hedge, record.claim)
    return 0


def _note_negating_hedge(phrase: str, claim: str) -> None:
    """The claim is the author's call: a phrase below even chance means the claim is its negation."""
    from tracker.domain.hedges import looks_negated, lookup

    reading = lookup(phrase)
    if reading is not None and reading.negates and not looks_negated(claim):
        print(f"note: {phrase!r} reads as {reading.band.label}; the claim is stored at "
              f"{reading.probability:.0%} as the author's call, so word it as the negation "
              "(\"X will not happen\"). `tracker edit ID --claim ...` fixes it.", file=sys.stderr)


def cmd_edit(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store
    from tracker.actions import records as actions
    changes = {name[4:]: value for name, value in vars(args).items()
               if name.startswith("set_") and value is not None}
    record, entries = actions.edit_record(Store(path), args.id, changes, force=args.force,
                                          note=args.note)
    lines = [f"{record.id}: {e.field}: {e.old!r} → {e.new!r}" for e in entries]
    return print_record(record, args.json, "\n".join(lines))


def cmd_mark(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store
    from tracker.actions import records as actions
    record = actions.mark(Store(path), args.id, args.status, note=args.note,
                          evidence=args.evidence, known_on=args.on)
    entry = record.history[-1]
    return print_record(record, args.json, f"{record.id}: {entry.from_status} → {entry.to_status}")


def cmd_settle(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store
    from tracker.sharing.settle import settle

    record, entries = settle(Store(path), args.id, args.field, args.value, note=args.note)
    return print_record(record, args.json, f"{record.id}: {args.field} settled as {entries[-1].new!r}")


def cmd_merge_file(args: argparse.Namespace, path: Path) -> int:
    from tracker.ingest.proposals import proposal_problems
    from tracker.sharing.driver import merge_files

    # The merged result validates as `validate` checks it, the inbox's proposals too (issue 21).
    result = merge_files(Path(args.base), Path(args.ours), Path(args.theirs), checks=[proposal_problems])
    for old, new in result.renamed:
        say(f"tracker: two readers added different records as {old!r}; the other is now {new!r}",
            file=sys.stderr)
    for line in result.notes():   # issue 21: one proposal accepted twice, a deleted record still cited
        say(line, file=sys.stderr)
    if result.disputes:
        fields = ", ".join(f"{rid} ({name})" for rid, name in result.disputes)
        say(f"tracker: {len(result.disputes)} disputed: {fields}; see `tracker list --disputed`, "
            "decide with `tracker settle`", file=sys.stderr)
    return 0


def cmd_git_setup(args: argparse.Namespace, path: Path) -> int:
    from tracker.sharing.gitsetup import setup

    for line in setup(path):
        say(line)
    return 0


def cmd_validate(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store
    from tracker.cli.console import Refused
    from tracker.ingest.proposals import proposal_problems
    from tracker.domain.validate import database_problems

    from tracker.domain.progress import bar

    store = Store(path)
    session, duplicates = store.inspect()
    with bar(f"checking {path.name}") as tick:
        db, problems = session.decode_all(tick)
    problems = [f"{key}: appears more than once (a copy would be lost on the next write)"
                for key in duplicates] + problems
    problems += database_problems(db) + proposal_problems(session)
    if problems:
        raise Refused(f"{path}: {len(problems)} problem{'s' if len(problems) != 1 else ''} found",
                      [f"{path}: {p}" for p in problems])
    say(f"{path}: ok ({plural(len(db.articles), 'article')}, {plural(len(db.events), 'event')}, "
        f"{plural(len(db.predictions), 'prediction')})")
    return 0


def cmd_export(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store

    if args.format == "ics":
        from tracker.cli.report import cmd_export_ics
        return cmd_export_ics(args, path)
    from tracker.exchange.tabular import export_csv, export_json
    from tracker.exchange.output import write_output
    from tracker.store.storage import collector_paused
    from tracker.domain.query import timeline_sorted

    from tracker.domain.progress import bar

    with bar(f"reading {path.name}") as tick:
        store = Store(path, tick)
        db = store.load()
    records = timeline_sorted(db.records())  # sorted(key=timeline_key), without a tuple per record
    with bar("exporting") as tick, collector_paused():
        data = export_csv(records, tick) if args.format == "csv" else export_json(records)
    if args.output == "":
        raise UsageError("-o: an empty path; give a file name, or - for standard output")
    if args.output and args.output != "-":
        out = Path(args.output)
        if same_file(out, path):
            raise ActionError(f"{out}: refusing to export over the database itself")
        write_output(out, data)
        print(f"{visible(str(out))}: {plural(len(records), 'record')}", file=sys.stderr)
    elif sys.stdout.isatty():  # for reading, not for a file: nothing in it may act on the terminal
        say(data.decode("utf-8"))
    else:
        write_output("-", data)
    return 0


def cmd_import(args: argparse.Namespace, path: Path) -> int:
    from tracker.store.store import Store
    from tracker.exchange import importing
    from tracker.exchange.tabular import read_import_file
    from tracker.domain.progress import bar
    from tracker.actions.who import current_user

    with bar(f"reading {path.name}") as tick:
        store = Store(path, tick)
        current = store.load() if store.exists() else Database()
    store.tick = None

    def existing(record_id: str) -> dict | None:
        record = current.find(record_id)
        return encode_record(record) if record is not None else None

    with bar(f"reading {Path(args.file).name}") as tick:
        batch = read_import_file(Path(args.file), existing, by=current_user(path.parent), tick=tick)
    result = importing.import_records(store, list(batch), note=f"imported from {Path(args.file).name}",
                                      fresh_ids=batch.fresh_ids, given=batch.given,
                                      force=args.force, as_read=batch)
    say(f"{path}: added {len(result.added)}, updated {len(result.updated)}, "
        f"unchanged {len(result.unchanged)}")
    return 0


def cmd_hedges(args: argparse.Namespace, path: Path) -> int:
    from tracker.cli.console import output_width
    from tracker.domain.hedges import BANDS, all_hedges
    from rich.cells import cell_len

    from tracker.domain.render import hanging, wrap

    width = output_width()  # a terminal's: a phrase and its note wrap under the phrase column
    intro = ("ICD 203 bands; a phrase below even chance is stored as the negated claim "
             "with the complementary probability.")
    print("\n".join(wrap(intro, width) if width is not None else [intro]) + "\n")
    print(f"{'band':<20} {'range':<9} {'claim p':>7}  {'lang':<4} phrase")
    for band in BANDS:
        for hedge in (h for h in all_hedges() if h.band is band):
            low, high = hedge.call_range
            rng = f"{round(band.low * 100)}-{round(band.high * 100)}%"
            note = f"(claim negated: {round(low * 100)}-{round(high * 100)}%)" if hedge.negates else ""
            start = f"{band.label:<20} {rng:<9} {round(hedge.probability * 100):>6}%  {hedge.language:<4} "
            line = f"{visible(hedge.phrase)}   {note}".rstrip()
            if width is not None and len(start) + cell_len(line) > width:  # the note under the phrase
                line = visible(hedge.phrase) + (f"\n{note}" if note else "")
            print(start + hanging(line, len(start), width))
    return 0


def open_tui(path: Path) -> int:
    try:  # a symlink loop or a device as the database: one line, not a traceback in the TUI
        if os.path.lexists(path):
            check_regular(path)
    except (StoreError, UnsafeFileError) as exc:
        print(f"tracker: error: {visible(str(exc))}", file=sys.stderr)
        return 1
    try:
        from tracker.tui.app import run
    except ImportError as exc:  # the TUI package failed to import: say so, do not crash
        print(f"tracker: error: the TUI cannot start: {exc}", file=sys.stderr)
        return 1
    return run(path)


HANDLERS = {
    "list": cmd_list, "show": cmd_show, "add": cmd_add, "edit": cmd_edit, "mark": cmd_mark,
    "validate": cmd_validate, "export": cmd_export, "import": cmd_import, "hedges": cmd_hedges,
    "settle": cmd_settle, "merge-file": cmd_merge_file, "git-setup": cmd_git_setup,
}
