"""`tracker ingest` and the proposal commands (`inbox`, `accept`, `reject`, `merge-proposal`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Callable

import orjson
from rich.cells import cell_len

from tracker.domain import schema
from tracker.domain.text import plural, visible


def add_commands(command: Callable[..., argparse.ArgumentParser]) -> None:
    """Register the commands on the main parser (``command`` is cli.build_parser's helper)."""
    p = command("ingest", "Read an article file and propose its dated events and predictions.",
                "tracker ingest ../shared/seeds/000_cb25776d9ac0b15e.txt --dry-run",
                "tracker ingest article.md --author 'Jane Doe' --date 2025-03-01")
    p.add_argument("file", help="the article: a plain text or Markdown file (HTML is refused: save the article as text)")
    p.add_argument("--author", metavar="NAME", help="the author, when the text does not name one")
    p.add_argument("--date", metavar="DATE", help="the article's date, when the text gives none")
    p.add_argument("--dry-run", action="store_true", help="print the candidates, write nothing")
    p.add_argument("--json", action="store_true", help="print {articles, events, predictions} as JSON")

    p = command("inbox", "List the proposals waiting for a decision.",
                "tracker inbox", "tracker inbox --state rejected --json")
    p.add_argument("--state", choices=("proposed", "accepted", "rejected", "merged", "all"), default="proposed",
                   help="which proposals (default: proposed, those waiting)")
    p.add_argument("--json", action="store_true", help="print the proposals as JSON")

    p = command("accept", "Accept a proposal as a record, optionally edited (a Japanese claim needs --claim; "
                          "--claim twice or more makes one record per claim).",
                "tracker accept p-1a2b3c4d5e --claim 'Poland will not accept the proposal' --tag poland",
                "tracker accept p-1a2b3c4d5e --claim 'X will not do A' --claim 'Y will change B'")
    p.add_argument("id", help="the proposal (as `tracker inbox` shows it)")
    headings = {f.name: f.heading for kind in ("prediction", "event") for f in schema.SCHEMA[kind]}
    for name in dict.fromkeys((*schema.accepted("prediction"), *schema.accepted("event"))):
        if name == "claim":  # repeatable: a sentence holding two calls becomes two records
            p.add_argument("--claim", dest="set_claim", metavar="VALUE", action="append",
                           help="the claim; give it more than once to make one record per claim")
        elif name == "probability":
            p.add_argument("--probability", dest="set_probability", metavar="VALUE",
                           help="your reading; outside the hedge's band it is kept as your own reading, "
                                "the hedge stays as written")
        elif name != "tags":  # the fields a reader may set on accepting, from the field table
            p.add_argument("--" + name.replace("_", "-"), dest=f"set_{name}", metavar="VALUE",
                           help=f"{headings.get(name, name)}, in place of the proposal's")
    p.add_argument("--tag", action="append", default=None, metavar="TAG",
                   help="a tag (repeat for more; replaces the proposal's tags)")
    p.add_argument("--as-id", metavar="SLUG", help="the new record's id (default: made from the claim)")
    p.add_argument("--json", action="store_true", help="print the new record as JSON")

    p = command("reject", "Reject a proposal (it is kept, and never proposed again).",
                "tracker reject p-1a2b3c4d5e --note 'a reading, not a forecast'")
    p.add_argument("id", help="the proposal")
    p.add_argument("--note", default="", help="why (kept with the proposal)")

    p = command("merge-proposal", "Merge a proposal into an existing record (its quote and source are added).",
                "tracker merge-proposal p-1a2b3c4d5e trump-keeps-nato-article-5")
    p.add_argument("id", help="the proposal")
    p.add_argument("into", metavar="RECORD_ID", help="the record it repeats")


def _dump(value: object) -> None:
    sys.stdout.buffer.write(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n")
    sys.stdout.flush()


def _record_shape(candidate: Any) -> dict[str, Any]:
    fields = {k: v for k, v in candidate.fields.items() if k != "negated"}
    source = {k: v for k, v in candidate.source.items() if k not in ("window", "text")}
    out = {"id": candidate.id, "kind": candidate.kind, **fields, "history": [], "source": source}
    if candidate.also:
        out["also"] = candidate.also
    if candidate.known:
        out["known"] = candidate.known
    return out


def cmd_ingest(args: argparse.Namespace, path: Path) -> int:
    from tracker.domain.fields import parse_date_field
    from tracker.ingest.run import ingest
    from tracker.store.store import Store

    from tracker.cli.console import output_width
    from tracker.domain.render import hanging

    width = output_width()  # a terminal's: a line's text wraps under its own column
    date = parse_date_field(args.date, "--date") if args.date else None
    result = ingest(Store(path), Path(args.file), author=args.author or "", date=date, dry_run=args.dry_run)
    if args.json:
        _dump({"articles": result.articles,
               "events": [_record_shape(c) for c in result.candidates if c.kind == "event"],
               "predictions": [_record_shape(c) for c in result.candidates if c.kind == "prediction"]})
        return 0
    for article in result.articles:
        state = "new article" if article["new"] else "known article"
        print(hanging(visible(f"{state} {article['id']}: {article['title']} — {article['author']}, "
                              f"{article['published']}  {article['url']}"), 2, width))
        for flag in article["flags"]:
            print("  ! " + hanging(visible(flag), 4, width))
        for c in (c for c in result.candidates if c.article == article["index"]):
            if args.dry_run or not c.known:  # a real run lists what it stored
                start, rest = (visible(part) for part in _line(c))
                print(start + hanging(rest, cell_len(start), width))
    new = len(result.new)
    verb = "would propose" if args.dry_run else "proposed"
    events = sum(c.kind == 'event' for c in result.new)
    print(f"{verb} {new} ({plural(events, 'event')}, {plural(sum(c.kind == 'prediction' for c in result.new), 'prediction')}); "
          f"{len(result.candidates) - new} already known" + ("" if args.dry_run else "; see `tracker inbox`"),
          file=sys.stderr)
    return 0


def _line(c: Any) -> tuple[str, str]:
    """A candidate's line: its start (id, kind, date or probability) and the rest (its text)."""
    f, src = c.fields, c.source
    where = f"[{src['section']} #{src['sentence']}]"
    known = f"  (known: {c.known})" if c.known else ""
    if c.kind == "event":
        return f"  {c.id} event {f['date']:<10} ", f"{f['title']} {where}{known}"
    cond = f" | if: {f['condition']}" if f["condition"] else ""
    who = f" | by {f['forecaster']}" if f["forecaster"] != f["author"] else ""
    return (f"  {c.id} pred  {f['probability']:.2f} ",
            f"{f['hedge']} → {f['resolve_by']}: {f['claim']}{cond}{who} {where}{known}")


def cmd_inbox(args: argparse.Namespace, path: Path) -> int:
    from tracker.ingest.proposals import listing
    from tracker.store.store import Store

    from tracker.cli.console import output_width
    from tracker.domain.render import hanging

    width = output_width()  # a terminal's: a claim or title wraps under its own column
    items = listing(Store(path).read(missing_ok=True), None if args.state == "all" else args.state)
    if args.json:
        _dump([{"id": pid, **doc} for pid, doc in items])
        return 0
    if not items:
        print(f"no {'' if args.state == 'all' else args.state + ' '}proposals", file=sys.stderr)
    details = [f"{doc['fields'].get('probability', 0):.2f} → {doc['fields'].get('resolve_by')}"
               if doc["kind"] == "prediction" else str(doc["fields"].get("date", "")) for _, doc in items]
    column = max([16, *(cell_len(d) for d in details)])  # every text starts in one column
    for (pid, doc), detail in zip(items, details):
        f, src = doc["fields"], doc.get("source", {})
        text = f.get("claim") or f.get("title", "")
        state = "" if args.state == "proposed" else f"{doc['state']:<8} "
        text = " ".join(text.split())  # a claim or title from a wrapped line reads as one line
        start = visible(f"{pid} {state}{doc['kind']:<10} {detail:<{column}} ")
        print(start + hanging(visible(f"{text}  [{src.get('section', '')} #{src.get('sentence', '')}]"),
                              cell_len(start), width))
    return 0


def cmd_accept(args: argparse.Namespace, path: Path) -> int:
    from tracker.domain.encoding import encode_record
    from tracker.ingest.proposals import accept_all
    from tracker.store.store import Store

    changes = {name[4:]: value for name, value in vars(args).items() if name.startswith("set_") and value is not None}
    if isinstance(changes.get("claim"), list) and len(changes["claim"]) == 1:
        changes["claim"] = changes["claim"][0]
    if args.tag is not None:
        changes["tags"] = args.tag
    records = accept_all(Store(path), args.id, changes, record_id=args.as_id)
    if args.json:
        _dump(encode_record(records[0]) if len(records) == 1 else [encode_record(r) for r in records])
    else:
        print(visible(f"{args.id} → {', '.join(r.id for r in records)}"))
    return 0


def cmd_reject(args: argparse.Namespace, path: Path) -> int:
    from tracker.ingest.proposals import reject
    from tracker.store.store import Store

    reject(Store(path), args.id, note=args.note)
    print(visible(f"{args.id}: rejected"))
    return 0


def cmd_merge_proposal(args: argparse.Namespace, path: Path) -> int:
    from tracker.ingest.proposals import merge
    from tracker.store.store import Store

    notes: list[str] = []
    record = merge(Store(path), args.id, args.into, notes)
    print(visible(f"{args.id} → merged into {record.id}"))
    for note in notes:  # most likely the wrong record picked: said, not refused (it only adds history)
        print(visible(f"tracker: warning: {note}"), file=sys.stderr)
    return 0


HANDLERS = {"ingest": cmd_ingest, "inbox": cmd_inbox, "accept": cmd_accept, "reject": cmd_reject,
            "merge-proposal": cmd_merge_proposal}
