"""Command palette (ctrl+p): jump to a record, filter by article, author or tag, open a screen."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider

from tracker.disputes import is_disputed, open_disputes, side_text
from tracker.query import normalise_query
from tracker.text import visible
from tracker.tui.rows import haystack

MAX_JUMP_HITS = 40


def _settle_commands(app) -> list[tuple[str, str, object]]:
    """One command per side of every open dispute: settle it with that side's value."""
    commands = []
    for record in app.database.records():
        if not record.history or not is_disputed(record):
            continue
        for field, entry in open_disputes(record).items():
            for side in entry.values:
                value, by = side.get("value"), str(side.get("by") or "")
                title = visible(f"Settle dispute: {record.id} {field} = {side_text(value, by)}")
                commands.append((title, "as `tracker settle` does; the history keeps both sides",
                                 partial(app.settle_dispute, record.id, field, value)))
    return commands


class TrackerCommands(Provider):
    """Commands built from the database the app has loaded."""

    def _commands(self) -> list[tuple[str, str, object]]:
        app = self.app
        db = app.database
        commands: list[tuple[str, str, object]] = [
            ("Screen: help (keys)", "Show every key and what it does", app.action_help),
            ("Screen: timeline", "Close dialogs and show the timeline", app.action_show_timeline),
            ("Filter: clear all filters", "Show every record again", app.action_clear_filters),
        ]
        for article in sorted(db.articles.values(), key=lambda a: a.published.sort_key()):
            commands.append((f"Filter by article: {article.title}", article.id,
                             partial(app.set_filter, "article", article.id)))
        authors = sorted({p.author for p in db.predictions.values() if p.author})
        for author in authors:
            commands.append((f"Filter by author: {author}", "", partial(app.set_filter, "author", author)))
        tags = sorted({t for r in (*db.events.values(), *db.predictions.values()) for t in r.tags})
        for tag in tags:
            commands.append((f"Filter by tag: {tag}", "", partial(app.set_filter, "tag", tag)))
        return commands + _settle_commands(app)

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands()[:3]:
            yield DiscoveryHit(Text(title), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, Text(title), callback, text=title, help=help_text)  # no markup parsing
        # Jumping to a record: plain word search over what the timeline already indexed.
        needle = normalise_query(query)
        if not needle:
            return
        found = 0
        for row in self.app.all_rows:
            if row.kind not in ("event", "prediction") or needle not in haystack(row, self.app.database):
                continue
            label = f"Go to {row.kind}: {' '.join(row.text.split())}"
            # A record that says the words itself ranks above one that matched through its article.
            score = 0.9 if needle in (row.primary or "") else 0.4
            yield Hit(score, Text(label[:120]), partial(self.app.jump_to, row.record_id), text=label,
                      help=f"{row.date.human() if row.date else ''} · {row.record_id}")
            found += 1
            if found >= MAX_JUMP_HITS:
                break
