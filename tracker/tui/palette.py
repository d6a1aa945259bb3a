"""Command palette (ctrl+p): open a screen; on the timeline, jump to a record or filter by
article, author or tag.

Every label and help text is built as ``Text``/``Content`` from text shown through
:func:`tracker.domain.text.visible`: an id such as ``[@click=app.quit]x`` is data, never markup
or an action. The first search indexes every record in a thread worker.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tracker.domain.disputes import is_disputed, open_disputes, side_text
from tracker.domain.model import Database
from tracker.domain.query import normalise_query
from tracker.domain.text import visible
from tracker.store.layout import StoreError
from tracker.tui.bounds import one_line
from tracker.tui.cells import RowView
from tracker.tui.digest import DISPUTED, FORECASTER, HAYSTACK, PRIMARY, TAG_NAMES, Digest
from tracker.tui.rows import Row, record_id

MAX_JUMP_HITS = 40


def command_data(db: Database, digest: Digest | None) -> tuple[list[tuple[str, str]], list[str], list[str],
                                                               list[tuple[str, str, object, str]]]:
    """What the filter and settle commands are made of, as plain data (worked out in the
    palette's thread worker: every record is looked at): the articles (id, title)
    by date, the forecasters, the tags, and one (record id, field, value, by) per side of every
    open dispute (only the records the digest says are disputed are decoded)."""
    try:
        decoded = sorted(db.articles.values(), key=lambda a: a.published.sort_key())
    except StoreError:  # the file's check says what is wrong
        decoded = []
    articles = [(a.id, a.title) for a in decoded]
    digest = digest or Digest()
    authors = sorted({f[FORECASTER] for f in digest.predictions.values() if f[FORECASTER]})
    tags = sorted({t for kind in ("event", "prediction") for f in digest.table(kind).values() for t in f[TAG_NAMES]})
    records: list = [a for a in decoded if a.history and is_disputed(a)]
    for kind in ("event", "prediction"):
        table = db.table(kind)
        records += [table[rid] for rid, f in digest.table(kind).items() if f[DISPUTED] and rid in table]
    disputes = [(record.id, field, side.get("value"), str(side.get("by") or ""))
                for record in records for field, entry in open_disputes(record).items() for side in entry.values]
    return articles, authors, tags, disputes


class TrackerCommands(Provider):
    """Commands built from the current screen and the database the app has loaded."""

    async def startup(self) -> None:
        """Build the commands in a thread: on a large file they take longer than a frame."""
        self._commands_cache: list[tuple[str, str, object]] | None = None
        self._rows: Sequence[Row] = ()
        self._digest: Digest | None = None
        screen = self._timeline()
        rows = screen.all_rows if screen is not None else ()
        await self.app.run_worker(self._commands, thread=True, group="palette", name="palette index").wait()
        self._rows = rows
        self._digest = screen.session.digest if screen is not None else None

    def _timeline(self):
        from tracker.tui.screens.timeline import TimelineScreen

        screen = self.screen
        return screen if isinstance(screen, TimelineScreen) else None

    def _commands(self) -> list[tuple[str, str, object]]:
        if getattr(self, "_commands_cache", None) is not None:
            return self._commands_cache
        app = self.app
        commands: list[tuple[str, str, object]] = [
            ("Screen: help (keys)", "Show every key and what it does", app.action_help),
            ("Screen: timeline", "Close dialogs and show the timeline", app.action_show_timeline),
            ("Screen: review what is due", "Mark, snooze or skip each due prediction (R)", app.action_review),
            ("Screen: scores", "Forecaster table, calibration chart, Brier trend (S)", app.action_scores),
            ("Screen: inbox (proposals)", "Accept, edit, merge or reject what `tracker ingest` proposed",
             app.action_inbox),
        ]
        screen = self._timeline()
        if screen is not None:
            db = screen.database
            articles, authors, tags, disputes = command_data(db, screen.session.digest)
            commands.append(("Filter: clear all filters", "Show every record again", screen.action_clear_filters))
            # The timeline's keys the footer leaves out (it shows what matters most).
            commands += [
                ("Filter: next status (f)", "all, pending, overdue, confirmed, refuted, void", screen.action_cycle_filter),
                ("View: show or hide events (k)", "", screen.action_toggle_events),
                ("View: predictions at their made-on date too (m)", "", screen.action_toggle_made),
                ("Go to today (t)", "The cursor on the today line", screen.action_today),
                ("Undo the last mark (u)", "Appends an entry restoring the previous status", screen.action_undo),
            ]
            for article_id, title in articles:
                commands.append((f"Filter by article: {one_line(title)}", visible(article_id),
                                 partial(screen.set_filter, "article", article_id)))
            for author in authors:
                commands.append((f"Filter by author: {one_line(author)}", "",
                                 partial(screen.set_filter, "author", author)))
            for tag in tags:
                commands.append((f"Filter by tag: {one_line(tag)}", "", partial(screen.set_filter, "tag", tag)))
            for record_id, field, value, by in disputes:
                title = one_line(f"Settle dispute: {record_id} {field} = {side_text(value, by)}")
                commands.append((title, "as `tracker settle` does; the history keeps both sides",
                                 partial(screen.session.settle, record_id, field, value)))
        self._commands_cache = commands
        return commands

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands()[:4]:
            yield DiscoveryHit(Text(title), callback, text=title, help=Content(help_text))

    async def search(self, query: str) -> Hits:
        # Matching runs in a thread: thousands of authors, tags and records take longer than a frame.
        # Each key typed starts one; an older one stops at its next step (its hits are not shown),
        # so a fast typist does not leave several threads scanning 100k rows against the screen.
        self._latest = getattr(self, "_latest", 0) + 1
        for hit in await asyncio.to_thread(self._find, self.matcher(query), query, self._latest):
            yield hit

    def _find(self, matcher, query: str, seq: int = 0) -> list[Hit]:
        hits = []
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                # Text and Content: the palette parses a plain str as markup.
                hits.append(Hit(score, Text(title), callback, text=title, help=Content(help_text)))
        screen = self._timeline()
        needle = normalise_query(query)
        if screen is None or not needle:
            return hits
        found, digest = 0, self._digest or Digest()
        for i, row in enumerate(self._rows):  # jumping to a record: plain word search over its search text
            if i % 2048 == 0 and seq and seq != self._latest:
                return []  # a newer search replaced this one
            rid = record_id(row)
            known = digest.of(row[2], rid) if row[2] in ("event", "prediction") else None
            if known is None or needle not in known[HAYSTACK]:
                continue
            view = RowView(row, screen.cells)
            label = f"Go to {row[2]}: {view.text}"[:120]
            # A record that says the words itself ranks above one that matched through its article.
            score = 0.9 if needle in known[PRIMARY] else 0.4
            date = view.date
            help_text = f"{date.human() if date else ''} · {visible(rid)}"
            hits.append(Hit(score, Text(label), partial(screen.jump_to, rid), text=label,
                            help=Content(help_text)))
            found += 1
            if found >= MAX_JUMP_HITS:
                break
        return hits
