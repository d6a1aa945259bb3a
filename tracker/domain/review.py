"""The periodic review: what has fallen due, what could be settled early, what is snoozed.

Rules (documented in docs/review.md):

- A prediction is **due** on the first day after its whole resolve-by period: a month
  precision date after the month's last day, a year after 31 December.
- A pending prediction not yet due is **checkable early** in one direction, read from how
  its claim's first "will": "X will happen (by D)" can be *confirmed* as soon as X
  happens; "X will not happen", "X will remain / continue / depend on ..." can only be
  *refuted* early, by the opposite happening. A claim without "will" (a Japanese claim)
  falls back to :func:`tracker.domain.hedges.looks_negated`. A claim about a state *at* the
  deadline cannot be settled early: tag it ``at-deadline`` and it is never listed.
- **As of** a day (:func:`as_of`, what ``--today`` means for review, score and report): a
  prediction made after that day does not exist yet, and one whose outcome became known
  after it (its latest status entry's ``known_on``, or that entry's date) is still pending,
  and a snooze written after it had not been asked for.
- A **snooze** sets a next-review date; until that day the prediction leaves the due,
  checkable-early and upcoming lists and waits in ``snoozed``. A status change after a
  snooze ends it (:meth:`Prediction.snoozed_until`).
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Any

from tracker.domain.dates import DateError, parse_date, parse_stored_text
from tracker.domain.fields import FieldError
from tracker.domain.hedges import looks_negated
from tracker.domain.model import Database, HistoryEntry, Prediction, Status

# The first "will" of a claim and the word after it: its main verb, which says whether the
# claim is that something happens (confirmable early) or that something does not or lasts.
_MAIN_VERB = re.compile(r"\b(?:will|shall)\s+(?:(?:again|still|also|then|soon|eventually)\s+)?(\w+)"
                        r"(?:\s+(\w+))?|\bwon[’']t\b", re.IGNORECASE)
_LASTING = {"not", "never", "remain", "stay", "keep", "continue", "persist", "depend", "retain"}
_LASTING_AFTER_BE = {"prolonged", "maintained", "kept", "sustained", "unchanged", "unable"}

# The tag that says a claim is about the state at its deadline, so it cannot be settled early.
AT_DEADLINE_TAG = "at-deadline"

_UNITS = {
    "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "week": "weeks", "weeks": "weeks",
    "m": "months", "mo": "months", "month": "months", "months": "months",
    "y": "years", "yr": "years", "year": "years", "years": "years",
}
_PERIOD = re.compile(r"(\d+)\s*([a-z]+)")  # any count: the century limit below decides, in any unit
_MAX_DAYS = 100 * 366  # a century: anything longer is a typo, not a review date
_BY_ID = attrgetter("id")  # a C-level sort key


def due_date(p: Prediction) -> _dt.date:
    """The first day after the whole resolve-by period (so ``2025-12`` is due on 1 Jan 2026)."""
    last = p.resolve_by.last_day()
    return last + _dt.timedelta(days=1) if last < _dt.date.max else last  # 9999-12-31 has no next day


def known_day(entry: HistoryEntry) -> _dt.date:
    """The day a status entry's outcome was known: the first day of its ``known_on``, or
    (without one: a move back to pending, an old import) the local day it was written."""
    if entry.known_on is not None:
        return entry.known_on.first_day()
    return written_day(entry)


def written_day(entry: HistoryEntry) -> _dt.date:
    """The local day a history entry was written (``date.min`` for an unreadable timestamp:
    written since ever, rather than never)."""
    try:
        written = _dt.datetime.fromisoformat(entry.at.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return _dt.date.min  # an unreadable timestamp: known since ever, rather than never
    return written.astimezone().date() if written.tzinfo else written.date()


def as_of(p: Prediction, today: _dt.date) -> Prediction | None:
    """The prediction as it stood on ``today``; None when it was made after that day.

    A judgement known after ``today`` (see :func:`known_day`) had not happened yet: the
    prediction is returned pending, without that status entry (so a snooze before it
    counts again). Otherwise the prediction itself. Review, scores and reports all read
    predictions through this, so ``--today D`` means "as of D" everywhere.
    """
    made = p.made_on
    if made.year >= today.year and made.first_day() > today:  # (an earlier year: no date to build)
        return None
    p = _without_later_snoozes(p, today)
    if p.status is Status.PENDING:  # nothing to take back (and no history to search: 100k calls a score)
        return p
    entry = p.last_status_entry()
    if entry is None or known_day(entry) <= today:
        return p
    return replace(p, status=Status.PENDING, history=[h for h in p.history if h is not entry])


def _without_later_snoozes(p: Prediction, today: _dt.date) -> Prediction:
    """``p`` without the snoozes written after ``today``: as of that day nobody had asked for
    them yet, so the prediction is due (or listed) as it was then. ``p`` itself when none."""
    history = p.history
    if not history or not any(h.action == "snooze" and written_day(h) > today for h in history):
        return p
    return replace(p, history=[h for h in history if not (h.action == "snooze" and written_day(h) > today)])


def predictions_as_of(db: Database, today: _dt.date) -> list[Prediction]:
    """Every prediction of ``db`` as of ``today`` (:func:`as_of`), those not yet made left out."""
    return _as_of_each(db, today, keep_judged=True)


def database_as_of(db: Database, today: _dt.date) -> Database:
    """A copy of ``db`` whose predictions are as of ``today`` (for a report of that day)."""
    return Database(articles=db.articles, events=db.events,
                    predictions={p.id: p for p in predictions_as_of(db, today)})


def is_due(p: Prediction, today: _dt.date) -> bool:
    """Pending and its resolve-by period is over (snoozing aside)."""
    return p.status is Status.PENDING and due_date(p) <= today


def parse_period(text: str, today: _dt.date, field_name: str = "period") -> _dt.date:
    """A day from now (``30d``, ``2w``, ``3 months``, ``3m``, ``1y``) or a date.

    A date at month or year precision (``2026-03``, ``March 2026``, ``2027``) means its
    first day: "review it in March" brings it back on 1 March. Raises :class:`FieldError`
    with one line for anything else, and for a period of zero length.
    """
    raw = unicodedata.normalize("NFKC", str(text or "")).strip()
    if not raw:
        raise FieldError(field_name, "empty; try 30d, 2w, 3 months, 1y or a date such as 2026-03")
    match = _PERIOD.fullmatch(raw.lower())
    if match and match.group(2) in _UNITS:
        digits, unit = match.group(1).lstrip("0") or "0", _UNITS[match.group(2)]
        if len(digits) > 7:  # more than a century in any unit (and int() of it stays cheap)
            raise FieldError(field_name, f"{text!r} is more than a century away")
        amount = int(digits)
        if amount == 0:
            raise FieldError(field_name, f"{text!r} is no time at all; give a positive period")
        from dateutil.relativedelta import relativedelta

        try:
            result = today + relativedelta(**{unit: amount})
        except (OverflowError, ValueError):
            result = _dt.date.max
        if (result - today).days > _MAX_DAYS:
            raise FieldError(field_name, f"{text!r} is more than a century away")
        return result
    try:
        return parse_date(raw, today).first_day()
    except DateError:
        raise FieldError(field_name, f"{text!r} is neither a period (30d, 2w, 3 months, 1y) "
                                     "nor a date (2026-03-15, 2026-03, March 2026)") from None


def early_direction(p: Prediction) -> str | None:
    """How a pending prediction could be settled before its deadline.

    ``"confirm"``: the claim says something will happen, so it is confirmed as soon as
    it does. ``"refute"``: the claim says something will not happen (or will last), so it
    is refuted as soon as the opposite happens. ``None``: judged, or tagged
    ``at-deadline`` (a claim about the state on the deadline day).
    """
    if p.status is not Status.PENDING:
        return None
    if any(tag.casefold() == AT_DEADLINE_TAG for tag in p.tags):
        return None
    match = _MAIN_VERB.search(p.claim)
    if match is None:
        return "refute" if looks_negated(p.claim) else "confirm"
    verb, following = (match.group(1) or "").casefold(), (match.group(2) or "").casefold()
    if match.group(1) is None or verb in _LASTING or (verb == "be" and following in _LASTING_AFTER_BE):
        return "refute"
    return "confirm"


def snoozed_past(p: Prediction, today: _dt.date) -> _dt.date | None:
    """The next-review day when the prediction is snoozed beyond today, else None."""
    until = p.snoozed_until()
    if until is None or until.first_day() <= today:
        return None
    return until.first_day()


@dataclass
class ReviewQueue:
    """The four parts of a review, each a list of pending predictions (disjoint)."""

    due: list[Prediction] = field(default_factory=list)
    checkable_early: list[Prediction] = field(default_factory=list)
    upcoming: list[Prediction] = field(default_factory=list)
    snoozed: list[Prediction] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.due) + len(self.checkable_early) + len(self.upcoming) + len(self.snoozed)


def _pending_as_of(db: Database, today: _dt.date) -> list[Prediction]:
    """The predictions pending as of ``today``: those of :func:`predictions_as_of` whose status
    is pending, in the same order."""
    return _as_of_each(db, today, keep_judged=False)


def _as_of_each(db: Database, today: _dt.date, keep_judged: bool) -> list[Prediction]:
    """``[as_of(p, today) for p in db.predictions.values()]`` without the Nones (and without the
    judged ones unless ``keep_judged``), with no call per record for the pending ones and each
    ``known_on`` date tested once: 100k calls to as_of were most of a review's time."""
    out = []
    append = out.append
    year = today.year
    pending = Status.PENDING
    later: dict[int, bool] = {}  # id(known_on) -> known after today; the entries keep them alive
    for p in db.predictions.values():
        made = p.made_on
        if made.year >= year and made.first_day() > today:  # as_of's test, as it does it
            continue
        if p.history:
            p = _without_later_snoozes(p, today)
        if p.status is pending:
            append(p)
            continue
        history = p.history
        entry = history[-1] if history and history[-1].action == "status" else p.last_status_entry()
        if entry is None:
            unknown = False
        elif (day := entry.known_on) is None:
            unknown = known_day(entry) > today
        else:
            unknown = later.get(id(day))
            if unknown is None:
                unknown = later[id(day)] = day.first_day() > today
        if unknown:
            append(replace(p, status=pending, history=[h for h in history if h is not entry]))
        elif keep_judged:
            append(p)
    return out


_JUDGED = frozenset(s.value for s in Status if s is not Status.PENDING)
_CALENDAR_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?!\d)")


def stored_candidates(today: _dt.date) -> Callable[[str, Any], bool]:
    """Which stored documents a review on ``today`` may list, read from the document alone:
    ``test(kind, document)`` is false only for a prediction judged before ``today``, whose
    record no part of the review can hold. `review` decodes the others only.

    A judged prediction stays a candidate while its latest status entry may be known after
    ``today`` (:func:`as_of` then takes it as pending): a ``known_on`` that ends later, a
    written-on timestamp within a day of it (its local day may differ from its UTC day), or a
    history that does not end with that entry. A document that is not an object is decoded,
    so its problem is named."""
    written_before = (today - _dt.timedelta(days=1)).isoformat() if today > _dt.date.min else ""

    def test(kind: str, doc: Any) -> bool:
        if kind != "prediction" or type(doc) is not dict:
            return True
        status = doc.get("status", "pending")
        if status == "pending" or type(status) is not str or status not in _JUDGED:
            return True  # pending, or a status the decoder must read (or refuse, naming it)
        history = doc.get("history")
        last = history[-1] if type(history) is list and history else None
        if type(last) is not dict or last.get("action") != "status":
            return True
        known = last.get("known_on")
        if known:
            try:
                return parse_stored_text(known).first_day() > today
            except (DateError, TypeError):
                return True
        at = last.get("at")
        # Only a calendar day (2026-03-09…) is compared as text: a week date ("2020-W53-7" is 3
        # January 2021) or anything else is decoded, and the review reads it as it always does.
        return type(at) is not str or not _CALENDAR_DAY.match(at) or not at[:10] < written_before
    return test


def review_queue(db: Database, today: _dt.date, within: _dt.date | None = None) -> ReviewQueue:
    """What to review on ``today``.

    - ``due``: pending, due on or before today, not snoozed past today; oldest first.
    - ``upcoming``: pending, falling due after today and on or before ``within``; soonest first.
    - ``checkable_early``: the other pending predictions not yet due that can be settled early
      (:func:`early_direction`); soonest deadline first.
    - ``snoozed``: pending predictions snoozed past today, by their next-review day.

    Each prediction is in at most one list; void, confirmed and refuted ones in none.
    Predictions are taken as of ``today`` (:func:`as_of`). Within a list the order is by due
    day, then made-on date (:meth:`PDate.sort_key`), then id; snoozed ones by next-review day
    first.
    """
    today_n = today.toordinal()
    within_n = within.toordinal() if within is not None else None
    # Per distinct date object (a large file shares a few thousand; the predictions keep them
    # alive): the due day's ordinal (below 2**22) and the made-on sort key (below 2**24).
    dues: dict[int, int] = {}
    mades: dict[int, int] = {}
    # Each part: its predictions and, in step, their sort keys as one int each:
    # (next-review day for the snoozed, due day, made-on key), no tuples of dates.
    parts: dict[str, tuple[list[Prediction], list[int]]] = {
        name: ([], []) for name in ("due", "checkable_early", "upcoming", "snoozed")}
    due, early, upcoming, snoozed = parts.values()
    pending = _pending_as_of(db, today)
    pending.sort(key=_BY_ID)  # the last tie-breaker first: the sort below is stable
    for p in pending:
        by, made = p.resolve_by, p.made_on
        due_n = dues.get(id(by))
        if due_n is None:
            due_n = dues[id(by)] = due_date(p).toordinal()
        made_n = mades.get(id(made))
        if made_n is None:
            ordinal, precision = made.sort_key()
            made_n = mades[id(made)] = ordinal * 3 + precision  # precision is 0, 1 or 2
        key = due_n << 24 | made_n
        back_on = snoozed_past(p, today) if p.history else None
        if back_on is not None:
            part = snoozed
            key |= back_on.toordinal() << 46
        elif due_n <= today_n:
            part = due
        elif within_n is not None and due_n <= within_n:
            part = upcoming
        elif early_direction(p) is not None:
            part = early
        else:
            continue
        part[0].append(p)
        part[1].append(key)
    lists = {}
    for name, (records, keys) in parts.items():
        order = sorted(range(len(keys)), key=keys.__getitem__)
        lists[name] = [records[i] for i in order]
    return ReviewQueue(**lists)


def due_count(db: Database, today: _dt.date) -> int:
    """How many predictions are due for review today (what the TUI announces on start-up)."""
    today_n = today.toordinal()
    dues: dict[int, int] = {}  # id(resolve_by) -> due day's ordinal; the predictions keep them alive
    count = 0
    for p in _pending_as_of(db, today):
        by = p.resolve_by
        due_n = dues.get(id(by))
        if due_n is None:
            due_n = dues[id(by)] = due_date(p).toordinal()
        if due_n <= today_n and (not p.history or snoozed_past(p, today) is None):
            count += 1
    return count


_JUDGED_BY = re.compile(r"\bjudged by\s*:\s*", re.IGNORECASE)


def criterion(p: Prediction) -> str:
    """What a reviewer decides by: the "Judged by: confirmed if …; refuted if …" sentence of the
    prediction's horizon note (the text after "Judged by:"), or "" when the note has none."""
    match = _JUDGED_BY.search(p.horizon_note or "")
    return p.horizon_note[match.end():].strip() if match else ""
