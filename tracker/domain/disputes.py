"""Disputes: fields two readers set to different values, found when their files were merged.

A dispute lives in a record's history (an ``action: "dispute"`` entry naming the field and
each side's value and who set it) until a reader settles it (an ``action: "settle"`` entry for
that field). So nothing new is stored on the record, and the history says who judged what.
"""

from __future__ import annotations

from tracker.domain.model import HistoryEntry, Record


def open_disputes(record: Record) -> dict[str, HistoryEntry]:
    """Per field, the latest dispute entry not followed by a settle entry for that field."""
    found: dict[str, HistoryEntry] = {}
    for entry in record.history:
        if entry.action == "dispute" and entry.field:
            found[entry.field] = entry
        elif entry.action == "settle" and entry.field:
            found.pop(entry.field, None)
    return found


def is_disputed(record: Record) -> bool:
    """True while any field of the record is disputed (a disputed prediction counts in no score)."""
    return any(entry.action == "dispute" for entry in record.history) and bool(open_disputes(record))


def side_text(value: object, by: str) -> str:
    """One side of a dispute as it is shown: ``'refuted' (Bob)``."""
    return f"{value!r} ({by})" if by else repr(value)


def dispute_summary(record: Record) -> str:
    """``status: 'confirmed' (Alice) / 'refuted' (Bob)``, one part per disputed field; '' if none."""
    parts = []
    for name, entry in open_disputes(record).items():
        sides = " / ".join(side_text(v.get("value"), str(v.get("by") or "")) for v in entry.values)
        parts.append(f"{name}: {sides}")
    return "; ".join(parts)
