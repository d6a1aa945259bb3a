"""How much of a text the TUI lays out, and how: control characters shown, long values cut.

A 10 MB claim would take Textual minutes to wrap and lay out; no one reads that on a
screen. Each field is cut to a bound, the cut is said in place, and `tracker show`
still prints everything.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text

from tracker.domain.render import fold
from tracker.domain.text import visible

FIELD_LIMIT = 2_000   # characters of one field in the details pane, a dialog or the review screen
LINE_LIMIT = 400      # characters of one timeline row or palette entry (a row shows one line)
HISTORY_LIMIT = 50    # history entries laid out in the details pane or the review card (the latest)


def latest(history: list, record_id: str, limit: int = HISTORY_LIMIT) -> tuple[list, str]:
    """The last ``limit`` entries of a history, and a line saying how many earlier ones are left out
    ("" when none are): a record marked 60,000 times would take a minute to lay out."""
    if len(history) <= limit:
        return history, ""
    earlier = len(history) - limit
    noun = "entry" if earlier == 1 else "entries"
    return history[-limit:], f"… {earlier:,} earlier {noun}: `tracker show {visible(record_id)}` prints all"


def bounded(text: str, limit: int = FIELD_LIMIT) -> str:
    """``text`` for a multi-line pane: control characters shown, cut after ``limit`` characters
    with a note saying how much was left out."""
    if len(text) <= limit:
        return visible(text, keep_newlines=True)
    rest = len(text) - limit
    return (visible(text[:limit], keep_newlines=True)
            + f" … [{rest:,} more characters not shown; `tracker show` prints all]")


def one_line(text: str, limit: int = LINE_LIMIT) -> str:
    """``text`` as one line of at most about ``limit`` characters, control characters shown."""
    cut = len(text) > limit
    line = visible(fold(text[:limit]))
    return line + "…" if cut else line


# A break may come after white space or after a hyphen: an id such as
# "baltics-provoke-conflict-with-russia" wraps at its hyphens, not in the middle of a word.
_PIECE = re.compile(r"[^\s-]*-+|[^\s-]+\s*|\s+")


def wrap_at_hyphens(text: str, width: int) -> str:
    """``text`` with line breaks so that no line is wider than ``width`` cells where a space or a
    hyphen allows (a longer piece is left for the renderer to fold)."""
    if width <= 0:
        return text
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for piece in _PIECE.findall(paragraph):
            if line and cell_len(line + piece.rstrip()) > width:
                lines.append(line.rstrip())
                line = piece.lstrip()
            else:
                line += piece
        lines.append(line.rstrip())
    return "\n".join(lines)


class Wrapped:
    """A value for a grid cell (plain text, never markup) that wraps at spaces and hyphens."""

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        pieces = _PIECE.findall(self.text) or [""]
        longest = max(cell_len(line) for line in self.text.split("\n"))
        return Measurement(min(max(cell_len(p.rstrip()) for p in pieces), longest), longest).with_maximum(
            options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(wrap_at_hyphens(self.text, options.max_width), style=self.style, overflow="fold")
