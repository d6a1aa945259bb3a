"""How much of a text the TUI lays out, and how: control characters shown, long values cut.

A 10 MB claim would take Textual minutes to wrap and lay out; no one reads that on a
screen. Each field is cut to a bound, the cut is said in place, and `tracker show`
still prints everything.
"""

from __future__ import annotations

from tracker.domain.render import fold
from tracker.domain.text import visible

FIELD_LIMIT = 2_000   # characters of one field in the details pane, a dialog or the review screen
LINE_LIMIT = 400      # characters of one timeline row or palette entry (a row shows one line)


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
