"""Plain-text rendering for the terminal: tables that line up with Japanese text, record details."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable

from rich.cells import cell_len, get_character_cell_size, set_cell_size

from tracker.domain import schema
from tracker.domain.dates import PDate
from tracker.domain.disputes import dispute_summary, is_disputed, side_text
from tracker.domain.model import Article, Database, Event, HistoryEntry, Prediction, Record, Status
from tracker.domain.text import visible, visible_all


def fit(text: str, width: int) -> str:
    """Exactly ``width`` terminal cells, ending in … when cut.

    Cell widths come from rich (which Textual renders with), so the CLI's tables and the
    TUI's timeline line up Japanese (double-width) text the same way.
    """
    if text.isascii() and text.isprintable():  # one cell per character: no table lookups (100k rows)
        if len(text) <= width:
            return text.ljust(width)
        return text[:width - 1] + "…" if width > 0 else ""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…" if width > 0 else ""


def wrap(text: str, width: int) -> list[str]:
    """``text`` as lines of at most ``width`` terminal cells, broken at spaces. A word wider than
    a line is cut where the cells run out only when it holds double-width characters (a run of
    Japanese, which has no spaces); any other (a URL, an id) is never cut, so it can still be
    clicked and copied: it stays on its line, after its label ("evidence: https://…"), and the
    terminal shows its overflow; the text goes on on the next line.
    A line break in ``text`` starts a new line. Nothing is dropped."""
    width = max(width, 2)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used, start = "", 0, len(lines)
        for word in paragraph.split(" "):
            size = cell_len(word)
            gap = 1 if line else 0
            if used + gap + size <= width:
                line, used = line + " " * gap + word, used + gap + size
                continue
            if size == len(word) and size > width:  # a URL wider than any line: whole, where it is
                lines.append(line + " " * gap + word)
                line, used = "", 0
                continue
            if size <= width or used + gap >= width - 1:
                if line:  # the word starts a line of its own
                    lines.append(line)
                line, used, gap = "", 0, 0
            if size == len(word):
                line, used = word, size
                continue
            line += " " * gap
            used += gap
            for char in word:  # double-width text wider than a line: cut by cells
                cells = get_character_cell_size(char)
                if used + cells > width:
                    lines.append(line)
                    line, used = "", 0
                line, used = line + char, used + cells
        if line or len(lines) == start:  # (not after a URL that ended the paragraph)
            lines.append(line)
    return lines


def hanging(text: str, indent: int, width: int | None) -> str:
    """``text`` wrapped to ``width`` cells as the rest of a line that starts ``indent`` cells in,
    every later line indented by ``indent`` spaces (``width=None``: a pipe, nothing wrapped)."""
    if width is None:
        return _hanging(text, indent)
    return ("\n" + " " * indent).join(wrap(text, max(width - indent, 10)))


def fold(text: str) -> str:
    """Runs of white space (line breaks included) as one space: one record, one line."""
    return " ".join(text.split())


def probability_text(p: float | None) -> str:
    return "—" if p is None else f"{round(p * 100):d}%"


def status_text(record: Record, today: _dt.date) -> str:
    """``✓ confirmed``, ``… pending``, ``! overdue`` (pending past its resolve-by): readable without colour."""
    if not isinstance(record, Prediction):
        return ""
    if is_disputed(record):  # two readers judged or edited it differently: settle before trusting it
        return "? disputed"
    label = f"{record.status.symbol} {record.status.value}"
    return "! overdue" if record.is_overdue(today) else label


MIN_CLAIM = 20  # below this many cells for the claim, a row puts its id on a line of its own
ID_INDENT = 16  # the id line starts under the kind column


def table(records: list[Record], today: _dt.date, width: int | None = 120) -> str:
    """One line per record: date, kind, status, probability, id, and the claim or title.

    User text is escaped (:func:`tracker.domain.text.visible`) *before* it is fitted, so a cut
    never splits an escape sequence. ``width=None`` (output into a pipe) cuts nothing.
    Ids are never cut (you type them): when the id column would leave the claim fewer than
    :data:`MIN_CLAIM` cells, each id goes on an indented line under its record instead, so
    no line is wider than ``width`` (unless an id alone is).
    """
    columns = [("date", 14), ("kind", 10), ("status", 11), ("prob", 4)]
    ids = visible_all([r.id for r in records])
    id_width = max(map(len, ids), default=2) if all(map(str.isascii, ids)) else \
        max((cell_len(i) for i in ids), default=2)
    fixed = sum(w for _, w in columns) + 2 * len(columns)
    below = width is not None and fixed + id_width + 2 + MIN_CLAIM > width
    if not below:
        columns.append(("id", id_width))
        fixed += id_width + 2
    text_cols = max(width - fixed, 10) if width is not None else None
    header = "  ".join([fit(name, w) for name, w in columns] + ["claim / title"])
    lines = [header.rstrip()]
    labels = visible_all([fold(r.label) for r in records])
    # The first four cells come from a few values a file repeats (a few thousand dates, three
    # kinds, five statuses, a hundred probabilities): each such start of a line is made once.
    starts: dict[tuple, str] = {}
    for r, rid, label in zip(records, ids, labels):
        probability = r.probability if type(r) is Prediction else None
        key = (r.date, r.kind, status_text(r, today), probability)
        start = starts.get(key)
        if start is None:
            prob = probability_text(probability) if type(r) is Prediction else ""
            start = starts[key] = "  ".join((fit(r.date.human(), 14), fit(r.kind, 10), fit(key[2], 11),
                                             fit(prob.rjust(4), 4)))
        cells = [start]
        if not below:
            cells.append(fit(rid, id_width))
        cells.append((fit(label, text_cols) if text_cols is not None else label).rstrip())
        lines.append("  ".join(cells).rstrip())
        if below:
            room = width - cell_len(rid) - 4
            lines.append(f"{' ' * min(ID_INDENT, room)}id: {rid}" if room >= 0 else rid)
    return "\n".join(lines)


def history_lines(history: list[HistoryEntry]) -> list[str]:
    lines = []
    for h in history:
        by = f"  by {h.by}" if h.by else ""
        if h.action == "snooze":
            lines.append(f"  {h.at}  snoozed until {h.until.human() if h.until else '?'}{by}")
            if h.note:
                lines.append(f"      note: {h.note}")
        elif h.action == "dispute":
            sides = " / ".join(side_text(v.get("value"), str(v.get("by") or "")) for v in h.values)
            lines.append(f"  {h.at}  DISPUTED {h.field}: {sides} (tracker settle to decide){by}")
        elif h.action == "settle":
            lines.append(f"  {h.at}  settled {h.field}: {h.new!r}{by}")
            if h.note:
                lines.append(f"      note: {h.note}")
        elif h.action == "status":
            known = f", known on {h.known_on.human()}" if h.known_on else ""
            lines.append(f"  {h.at}  {h.from_status} → {h.to_status}{known}{by}")
            if h.note:
                lines.append(f"      note: {h.note}")
            for url in h.evidence:
                lines.append(f"      evidence: {url}")
        else:
            lines.append(f"  {h.at}  edit {h.field}: {h.old!r} → {h.new!r}{by}")
            if h.note:
                lines.append(f"      note: {h.note}")
    return lines


def details(record: Record, db: Database, today: _dt.date, width: int | None = None) -> str:
    """Everything about one record, its history included.

    ``width``: the terminal's; each value is wrapped to fit it, under its own column (``None``,
    a pipe or a file: a value is one line, as long as it is)."""
    rows = detail_rows(record, db, today)
    # The values line up in one column, at least one space after the longest label.
    label = max([14, *(len(name) + 2 for name, _ in rows)])
    # A value's own line breaks are kept, its later lines indented under its first: a claim
    # cannot start a line of its own (and fake a "status: ✓ confirmed" row).
    lines = [f"{name + ':':<{label}}{hanging(visible(value, keep_newlines=True), label, width)}" for name, value in rows]
    lines.append("history:" if record.history else "history:      (none)")
    for line in history_lines(record.history):
        shown = visible(line, keep_newlines=True)
        indent = len(shown) - len(shown.lstrip())
        lines.append(" " * indent + hanging(shown.lstrip(), indent + 4, width) if width is not None
                     else _hanging(shown, indent + 4))
    return "\n".join(lines)


def _hanging(text: str, indent: int) -> str:
    """``text`` with every line after the first indented by ``indent`` spaces."""
    return text.replace("\n", "\n" + " " * indent) if "\n" in text else text


def _plain(record: Record, f: schema.Field) -> str:
    """A field's value as `show` writes it, from its type in the field table."""
    value = getattr(record, f.name)
    if isinstance(value, PDate):
        return f"{value.human()} ({value.precision})" if f.precision else value.human()
    if isinstance(value, list):
        return ", ".join(value)
    if f.type == schema.PROBABILITY:
        return probability_text(value)
    return "" if value is None else str(value)


def _prediction_rows(record: Prediction, db: Database, today: _dt.date) -> dict[str, list[tuple[str, str]]]:
    """The rows of a prediction that say more than its fields: by the field they replace."""
    snoozed = record.snoozed_until()
    article = db.articles.get(record.article)
    event = db.events.get(record.event)
    return {
        "status": [("status", status_text(record, today))],
        "hedge": [("hedge", hedge_text(record))],
        # The next review comes after the tags, before the links.
        "tags": [("tags", ", ".join(record.tags)),
                 ("next review", snoozed.human() if snoozed is not None and record.status is Status.PENDING else "")],
        "article": [("article", f"{record.article} — {article.title}" if article else record.article),
                    ("url", article.url if article else "")],
        "event": [("event", f"{record.event} — {event.date.human()}: {event.title}" if event else record.event)],
    }


def hedge_text(record: Prediction) -> str:
    """The hedge, and, for a phrase below even chance, that the claim is its negation: the
    author's "unlikely to X" is stored as the claim "not X" at the complementary probability,
    so ``可能性は低い`` beside ``70%`` is not a contradiction."""
    from tracker.domain.hedges import lookup

    reading = lookup(record.hedge)
    if reading is None or not reading.negates:
        return record.hedge
    return (f"{record.hedge} ({reading.band.label}, about {probability_text(reading.band.point)}: the claim "
            f"is the negation of what it hedges, at {probability_text(record.probability)})")


def linked_predictions(db: Database, field: str, record_id: str) -> list[str]:
    """The ids of the predictions whose ``field`` (event or article) is ``record_id``, in table order."""
    return [p.id for p in db.predictions.values() if getattr(p, field) == record_id]


def detail_rows(record: Record, db: Database, today: _dt.date,
                linked: Callable[[str, str], list[str]] | None = None) -> list[tuple[str, str]]:
    """(label, value) for every field of the record that has a value, and what links to it.
    The fields, their labels and order come from the field table; a few rows are derived.
    ``linked(field, id)``: the predictions whose field names the record, when the caller knows
    them without looking at every prediction (the TUI's digest); else every one is looked at."""
    linked = linked or (lambda field, record_id: linked_predictions(db, field, record_id))
    rows: list[tuple[str, str]] = [("id", record.id), ("kind", record.kind),
                                   ("DISPUTED", dispute_summary(record))]
    derived = _prediction_rows(record, db, today) if isinstance(record, Prediction) else {}
    for f in schema.shown(record.kind):
        rows += derived.get(f.name) or [(f.heading, _plain(record, f))]
    if isinstance(record, Event):
        rows.append(("predictions", ", ".join(linked("event", record.id))))
    elif isinstance(record, Article):
        rows.append(("predictions", str(len(linked("article", record.id)))))
    return [(name, value) for name, value in rows if value]
