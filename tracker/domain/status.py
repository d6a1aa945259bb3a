"""One status path: every way a prediction's status changes (mark, undo, review, import)
builds its history entry here, so the rules cannot differ between them.

The rules: a void needs a note; the date the outcome became known (``known_on``,
default today) is neither in the future nor before the prediction was made; a move
back to pending records no such date. :func:`history_problems` checks the same rules
on a stored history, plus that each entry moves from the status the one before left.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable
from typing import Any

from tracker.domain.errors import Problem
from tracker.domain.fields import FieldError, check_urls, parse_known_on, split_list
from tracker.domain.model import HistoryEntry, Prediction, Status, utc_now


def status_entry(prediction: Prediction, new_status: Status, *, note: str = "",
                 evidence: Iterable[str] = (), known_on: Any = None, today: _dt.date | None = None,
                 by: str = "", at: str | None = None) -> HistoryEntry:
    """The history entry that moves ``prediction`` to ``new_status``; FieldError names a broken rule."""
    today = today or _dt.date.today()
    note = str(note or "").strip()
    if new_status is Status.VOID and not note:
        raise FieldError("note", "a void needs a note saying why it can never be judged fairly")
    urls = check_urls(split_list(list(evidence), "evidence"))
    known = None if new_status is Status.PENDING else parse_known_on(known_on, today)
    if known is not None and known.last_day() < prediction.made_on.first_day():
        raise FieldError("known_on", f"{known} is before the prediction was made ({prediction.made_on})")
    return HistoryEntry(at=at or utc_now(), action="status", from_status=prediction.status.value,
                        to_status=new_status.value, note=note, evidence=urls, known_on=known, by=by)


def history_problems(p: Prediction, where: str, today: _dt.date | None = None) -> list[str]:
    """What is wrong with the status entries of a stored history: dates and the from/to chain.

    The chain is not checked across a status dispute (a merge keeps both sides' marks
    until a reader settles it), and two sides' identical marks are not a break.
    """
    today = today or _dt.date.today()
    problems = []
    disputed = any(e.action == "dispute" and e.field == "status" for e in p.history)
    previous = Status.PENDING.value
    for i, entry in enumerate(p.history):
        if entry.action != "status":
            continue
        at = f"{where}.history[{i}]"
        if entry.known_on is not None:
            if entry.known_on.first_day() > today:
                problems.append(Problem(at, "known_on", f"{entry.known_on} is in the future"))
            elif entry.known_on.last_day() < p.made_on.first_day():
                problems.append(Problem(at, "known_on", f"{entry.known_on} is before the prediction was made "
                                f"({p.made_on})"))
        # An entry that moves to the status already in force is the other side's identical
        # judgement, kept by a merge (histories merge as a union): not a break in the chain.
        if not disputed and entry.from_status != previous and entry.to_status != previous:
            problems.append(Problem(where, f"history[{i}]", f"moves from {entry.from_status!r}, but the status before it was "
                            f"{previous!r}"))
        previous = entry.to_status
    return problems
