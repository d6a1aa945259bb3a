"""The timeline's top line: the status counts and what is shown, or why nothing can be yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.domain.query import Counts

if TYPE_CHECKING:
    from tracker.tui.session import Session


def header_text(session: Session, c: Counts | None, shown: int, view: str, progress: str,
                width: int | None = None) -> str:
    """``c``: None while the records are being checked (the rows are shown already; the counts
    come with the check). ``progress``: how far the read has got ("" before it says). ``width``: the
    terminal's; when the line would not fit, the counts drop their words (the symbols stay, and
    help explains them), so what is shown and which filter is on still fit at 80 columns."""
    if c is None:  # the rows are shown; the counts come once every record is checked
        text = f"{shown} shown · {view} │ checking every record… {progress}".rstrip()
    else:
        # Overdue predictions are pending ones: shown inside the pending count, not beside it.
        counts = (f"… pending {c.pending} (! {c.overdue} overdue)  ✓ confirmed {c.confirmed}  "
                  f"✗ refuted {c.refuted}  ⊘ void {c.void}")
        text = f"{counts}  │ {shown} shown · {view}"
        if width is not None and len(text) > width:
            text = f"… {c.pending} (! {c.overdue})  ✓ {c.confirmed}  ✗ {c.refuted}  ⊘ {c.void}  │ {shown} shown · {view}"
    if not session.readable:
        shown_read = "showing the last good read" if session.loaded else "nothing could be read"
        return f"⚠ cannot read {session.store.path.name}: {shown_read}, writing nothing │ {text}"
    if session.missing:
        return f"new file: {session.store.path} does not exist yet; adding a record creates it │ {text}"
    if not session.loaded:
        return f"Loading… {progress}" if progress else "Loading…"
    return text
