"""The inbox: proposals from `tracker ingest`, one at a time, with the sentence in its paragraph.

Accept as is (`a`), edit and accept (`e`), merge into an existing record picked from a list
(`m`) or reject (`r`). Proposals that an `ingest` in another terminal adds appear by
themselves: the screen listens to the session, which rereads the file when it changes. Every decision runs in a worker thread through tracker.ingest.proposals, the
functions the CLI's `accept`/`reject`/`merge-proposal` call, so the screen never waits on
the file and the two paths cannot differ.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tracker.ingest import proposals
from tracker.domain.model import Database
from tracker.domain.errors import error_message
from tracker.domain.text import visible
from tracker.store.layout import StoreError
from tracker.tui.footer import Footer
from tracker.tui.proposal_dialog import AcceptDialog, MergeDialog
from tracker.tui.session import DatabaseLoaded, Session
from tracker.store.storage import collector_paused
from tracker.tui.workers import releasing


class InboxScreen(Screen[None]):
    """Every proposal waiting for a decision."""

    DEFAULT_CSS = """
    InboxScreen #inbox-list { width: 45%; }
    InboxScreen #inbox-details { width: 55%; padding: 0 1; }
    InboxScreen #inbox-top { height: 1; }
    """
    BINDINGS = [
        Binding("a", "accept", "Accept", id="inbox-accept"),
        Binding("e", "edit", "Edit+accept", id="inbox-edit"),
        Binding("m", "merge", "Merge", id="inbox-merge"),
        Binding("r", "reject", "Reject", id="inbox-reject"),
        Binding("escape,q", "close", "Back", id="inbox-close"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.store = session.store
        self.items: list[tuple[str, dict[str, Any]]] = []
        self.decided = 0

    def compose(self) -> ComposeResult:
        yield Static("Inbox: loading…", id="inbox-top", markup=False)
        with Horizontal():
            yield OptionList(id="inbox-list")
            with VerticalScroll(id="inbox-details"):
                yield Static("", id="inbox-body", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.session.subscribe(self)  # another terminal's `tracker ingest` changes the file: read it again
        self.reload()

    def on_unmount(self) -> None:
        self.session.unsubscribe(self)

    def on_database_loaded(self, message: DatabaseLoaded) -> None:
        current = self.current()
        self.reload(keep_id=current[0] if current else None)

    @work(thread=True, exclusive=True, group="inbox-load")
    @releasing
    def reload(self, keep: int = 0, keep_id: str | None = None) -> None:
        try:
            items = proposals.listing(self.store.read(missing_ok=True))
        except StoreError as exc:  # unreadable now (a hand edit, a merge conflict): said, never a crash
            self.app.call_from_thread(self._unreadable, str(exc))
            return
        if keep_id is not None:
            keep = next((i for i, (pid, _) in enumerate(items) if pid == keep_id), keep)
        self.app.call_from_thread(self._show, items, keep)

    def _unreadable(self, message: str) -> None:
        """The file cannot be read: the proposals shown stay, and the top line says why."""
        self.query_one("#inbox-top", Static).update(visible(f"Inbox: cannot read the database: {message}"))
        if not self.items:
            self.query_one("#inbox-body", Static).update("Nothing can be decided until the file reads again.")

    def _show(self, items: list[tuple[str, dict[str, Any]]], keep: int) -> None:
        self.items = items
        listing = self.query_one("#inbox-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(Text(visible(_label(pid, doc))), id=pid) for pid, doc in items])
        top = f"Inbox: {len(items)} proposal{'s' if len(items) != 1 else ''} waiting"
        if self.decided:
            top += f" · {self.decided} decided in this session"
        self.query_one("#inbox-top", Static).update(top + " · a accept · e edit · m merge · r reject")
        if items:
            listing.highlighted = min(keep, len(items) - 1)
            listing.focus()
        else:
            self.query_one("#inbox-body", Static).update("Nothing to decide. `tracker ingest FILE` proposes more.")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        current = self.current()
        if current is not None:
            self.query_one("#inbox-body", Static).update(_details(*current))

    def current(self) -> tuple[str, dict[str, Any]] | None:
        index = self.query_one("#inbox-list", OptionList).highlighted
        if index is None or not 0 <= index < len(self.items):
            return None
        return self.items[index]

    def action_accept(self) -> None:
        current = self.current()
        if current is None or not self.session.writable():
            return
        pid, doc = current
        if proposals.needs_english(doc):
            self.action_edit()  # a Japanese claim needs its English wording first
            return
        self._decide("accept", pid, {})

    def action_edit(self) -> None:
        current = self.current()
        if current is None or not self.session.writable():
            return
        pid, doc = current
        self.app.push_screen(AcceptDialog(doc), lambda changes: changes is not None and
                             self._decide("accept", pid, changes))

    def action_merge(self) -> None:
        current = self.current()
        if current is None or not self.session.writable():
            return
        pid, doc = current
        self._suggest_and_merge(pid, doc, self.session.database)

    @work(thread=True, exclusive=True, group="inbox-suggest", description="merge suggestion")  # no repr of the Database
    @releasing
    def _suggest_and_merge(self, pid: str, doc: dict[str, Any], database: Database) -> None:
        try:
            with collector_paused():  # every record of the kind decoded, ranked and let go
                choices = merge_candidates(database, doc)
        except StoreError as exc:  # a record the check of the file has not reached yet, and refuses
            self.app.call_from_thread(self.session.say, str(exc), title="Cannot read the database",
                                      severity="error")
            return
        self.app.call_from_thread(self.app.push_screen, MergeDialog(doc, choices),
                                  lambda into: into is not None and self._decide("merge", pid, into))

    def action_reject(self) -> None:
        current = self.current()
        if current is not None and self.session.writable():
            self._decide("reject", current[0], None)

    def _decide(self, verb: str, pid: str, payload: Any) -> None:
        self._write(verb, pid, payload, self.query_one("#inbox-list", OptionList).highlighted or 0)

    @work(thread=True, group="inbox-write")
    @releasing
    def _write(self, verb: str, pid: str, payload: Any, index: int) -> None:
        try:
            if verb == "accept":
                record = proposals.accept(self.store, pid, payload)
                message = f"{pid} accepted as {record.id}"
            elif verb == "merge":
                notes: list[str] = []
                record = proposals.merge(self.store, pid, payload, notes)
                message = f"{pid} merged into {record.id}" + "".join(f"; note: {n}" for n in notes)
            else:
                proposals.reject(self.store, pid)
                message = f"{pid} rejected"
        except Exception as exc:  # a refused decision is shown, never a crash
            text = error_message(exc)
            if text is None:
                raise
            self.app.call_from_thread(self.session.say, text, severity="error")
            return
        self.app.call_from_thread(self._done, message, index)

    def _done(self, message: str, index: int) -> None:
        self.decided += 1
        self.session.say(message, timeout=3)
        self.session.load()  # the timeline shows an accepted record at once
        self.reload(index)

    def action_close(self) -> None:
        self.dismiss(None)


def _flat(text: str) -> str:
    """A paragraph's wrapped lines as one line: a line break reads as a space, never as ``\\x0a``."""
    return " ".join(str(text).split())


def _label(pid: str, doc: dict[str, Any]) -> str:
    f = doc["fields"]
    if doc["kind"] == "prediction":
        return _flat(f"P {f.get('probability', 0):.2f} {f.get('claim', '')}")
    return _flat(f"E {f.get('date', '')} {f.get('title', '')}")


def _details(pid: str, doc: dict[str, Any]) -> Group:
    """The proposal's fields, each value wrapped under its own column, then its sentence in its
    paragraph."""
    f, src = doc["fields"], doc.get("source", {})
    text = Text()
    rows = [("proposal", pid), ("kind", doc["kind"])]
    if doc["kind"] == "prediction":
        rows += [("claim", f.get("claim", "")), ("hedge", f"{f.get('hedge', '')} → {f.get('probability')}"),
                 ("condition", f.get("condition", "")), ("forecaster", f.get("forecaster", "")),
                 ("resolve by", f"{f.get('resolve_by', '')}  {f.get('horizon_note', '')}")]
    else:
        rows += [("date", f.get("date", "")), ("title", f.get("title", ""))]
    rows += [("source", f"{src.get('file', '')} · article {src.get('article', '')} · {src.get('section', '')} "
                        f"· sentence {src.get('sentence', '')}")]
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in rows:
        if value:
            grid.add_row(name, Text(visible(_flat(value))))
    text.append("in its paragraph\n", style="bold")
    paragraph, sentence = visible(_flat(src.get("paragraph", ""))), visible(_flat(src.get("text", f.get("quote", ""))))
    start = paragraph.find(sentence) if sentence else -1
    if start < 0:
        text.append(paragraph or sentence)
    else:  # the sentence stands out inside its paragraph
        text.append(paragraph[:start])
        text.append(sentence, style="reverse")
        text.append(paragraph[start + len(sentence):])
    for also in doc.get("also", []):
        text.append(f"\n\nalso in {also.get('section', '')} (sentence {also.get('sentence', '')}): ", style="bold")
        text.append(visible(_flat(also.get("quote", ""))))
    return Group(grid, Text(""), text)


MERGE_CHOICES = 40


def merge_candidates(database: Database, doc: dict[str, Any]) -> list[tuple[str, str]]:
    """(id, label) of the records a proposal may be merged into, the likeliest first: every record
    of its kind, ranked by the words it shares with the proposal, then (a prediction) the same
    article or (an event) the nearest date; not only events of the same date."""
    from tracker.domain.dates import parse_stored
    from tracker.ingest.similarity import bigrams

    f = doc["fields"]
    text = f"{f.get('quote', '')} {f.get('claim', '')}" if doc["kind"] == "prediction" else \
        f"{f.get('title', '')} {f.get('summary', '')}"
    mine = bigrams(text)

    def overlap(other: str) -> float:
        theirs = bigrams(other)
        return len(mine & theirs) / max(1, min(len(mine), len(theirs)))

    scored: list[tuple[float, str, str]] = []
    if doc["kind"] == "prediction":
        for p in database.predictions.values():
            score = overlap(f"{p.quote} {p.claim}") + (0.3 if f.get("article") and p.article == f.get("article") else 0)
            scored.append((score, p.id, f"{p.resolve_by.iso()}  {p.claim}"))
    else:
        try:
            day = parse_stored(f.get("date", "")).first_day()
        except Exception:  # a proposal with no readable date still gets the list, by words only
            day = None
        for e in database.events.values():
            near = 0.0 if day is None else 0.3 / (1 + abs((e.date.first_day() - day).days) / 30)
            scored.append((overlap(f"{e.title} {e.summary}") + near, e.id, f"{e.date.iso()}  {e.title}"))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [(rid, _flat(label)) for _, rid, label in scored[:MERGE_CHOICES]]
