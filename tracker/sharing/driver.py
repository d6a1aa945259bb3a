"""git's merge driver: read the three versions, merge them record by record, check, write ours.

The merge itself is :mod:`tracker.sharing.merge` (documents in, documents out). Here is what
touches files. Nothing is written unless the merge is sure of it (git's own conflict stays in
place, and the driver says why): a side that cannot be read, or that gives a key twice (a
hand-resolved conflict left two copies: reading it would keep one and drop the other), an
``ours`` file the user may not write, or a result that ``tracker validate`` would reject.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from tracker.domain.codec import RecordError, decode_fields
from tracker.domain.encoding import encode_fields
from tracker.domain.errors import TrackerError
from tracker.domain.model import KINDS, Database
from tracker.domain.validate import database_problems
from tracker.sharing.merge import Doc, MergeResult, merge_documents, merge_plain_table
from tracker.store.guard import UnsafeFileError, check_writable, resolve_path
from tracker.store.layout import PROPOSALS_TABLE, TABLES, StoreError, empty_tables, encode_file
from tracker.store.locking import folder_lock
from tracker.store.store import Store, atomic_write


class MergeError(StoreError):
    """The merge cannot be made safely (a side unreadable or giving a key twice, ours not the user's
    to write, a result that would not validate); nothing is written and git's own conflict stays."""


def read_side(path: Path, label: str, empty_ok: bool = False) -> tuple[dict[str, Any], dict[str, Doc]]:
    """One side's tables and its records as canonical documents; MergeError if unreadable.

    git passes an empty file as the base when both sides added the database. A side giving a
    key twice is refused: any reading keeps one copy, so the merge would drop the other.
    """
    try:
        if empty_ok and path.stat().st_size == 0 and path.is_file():  # a FIFO or device: refused below
            return empty_tables(), {}
        tables, database, problems, duplicates = _inspect(path)
    except StoreError as exc:
        raise MergeError(f"{label}: {exc}") from None
    except OSError as exc:
        raise MergeError(f"{label}: {path}: cannot read: {exc.strerror or exc}") from None
    if duplicates:
        more = f" (and {len(duplicates) - 1} more)" if len(duplicates) > 1 else ""
        raise MergeError(f"{label}: {path}: key {duplicates[0]} appears more than once{more}, as a hand-resolved "
                         "conflict leaves it; merging would keep one copy and drop the other, so nothing was "
                         "merged: keep one copy by hand (`tracker validate` lists them), then merge again")
    if problems:
        raise MergeError(f"{label}: {path}: {problems[0]}")
    return tables, _documents(database)


def _inspect(path: Path) -> tuple[dict[str, Any], Database, list[str], list[str]]:
    """The store's reading of a side without refusing keys given twice (its object-pairs parse
    finds them): its tables, its records that decode, the problems of those that do not, and
    the keys given twice. The one place this module reads through the store."""
    transaction, duplicates = Store(path).inspect()
    database, problems = transaction.decode_all()
    return transaction.tables(), database, problems, duplicates


def _documents(database: Database) -> dict[str, Doc]:
    return {r.id: {"id": r.id, "kind": r.kind, **encode_fields(r)} for r in database.records()}


def merge_files(base: Path, ours: Path, theirs: Path, checks: Iterable[Check] = ()) -> MergeResult:
    """git's merge driver: merge THEIRS and BASE into OURS and write OURS canonically.

    Raises MergeError (and writes nothing) when a side cannot be read or gives a key twice, when
    OURS is not the user's to write, or when the result would not validate: its records and the
    checks across them, and ``checks`` from the layers above (the inbox's, which this layer may
    not import: the CLI passes them).
    """
    try:
        ours = resolve_path(ours) if ours.is_symlink() else ours   # through a link: its target, the link kept
        check_writable(ours)   # as every other writer: rename would replace a file the user may not write
    except UnsafeFileError as exc:
        raise MergeError(f"ours: {exc}") from None
    base_tables, base_docs = read_side(base, "base", empty_ok=True)
    their_tables, their_docs = read_side(theirs, "theirs")
    folder = ours.parent if str(ours.parent) else Path(".")
    try:
        with folder_lock(folder):   # ours may be a live database: no tracker write in between is lost
            our_tables, our_docs = read_side(ours, "ours")
            result = merge_documents(base_docs, our_docs, their_docs, our_tables.get("meta"))
            record_tables = {"meta", *TABLES.values()}
            for name in sorted((set(our_tables) | set(their_tables)) - record_tables):
                result.tables[name] = merge_plain_table(*(t.get(name) or {}
                                                          for t in (base_tables, our_tables, their_tables)))
            _point_proposals(result)
            problems = result_problems(result.tables, checks)
            if problems:
                more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
                raise MergeError(f"merged result would not validate: {problems[0]}{more}; nothing was merged, "
                                 "git's conflict is left to resolve by hand")
            try:
                check_writable(ours)
            except UnsafeFileError as exc:
                raise MergeError(f"ours: {exc}") from None
            atomic_write(ours, encode_file(result.tables))
    except MergeError:
        raise
    except OSError as exc:
        raise MergeError(f"ours: {ours}: cannot write: {exc.strerror or exc}") from None
    except TrackerError as exc:   # the lock timed out
        raise MergeError(f"ours: {exc}") from None
    return result


def _point_proposals(result: MergeResult) -> None:
    """A proposal accepted on both sides names the one record its two acceptances became."""
    proposals = result.tables.get(PROPOSALS_TABLE)
    for proposal, dropped, keep in result.unified:
        doc = proposals.get(proposal) if isinstance(proposals, dict) else None
        if not isinstance(doc, dict):
            continue
        if doc.get("record") == dropped:
            doc = {**doc, "record": keep}
        if isinstance(doc.get("records"), list) and dropped in doc["records"]:   # accepted with several claims
            doc = {**doc, "records": list(dict.fromkeys(keep if r == dropped else r for r in doc["records"]))}
        proposals[proposal] = doc


class MergedView:
    """What a check of the stored proposals asks of a transaction (``proposals``, ``find``,
    ``exists``), over the merged result."""

    def __init__(self, database: Database, proposals: dict[str, Any]):
        self.database, self._proposals = database, proposals

    def proposals(self, checked: bool = True) -> dict[str, Any]:
        return self._proposals  # the merged table as it will be written; the checks name its problems

    def find(self, record_id: str) -> Any:
        return self.database.find(record_id)

    def exists(self, kind: str, record_id: str) -> bool:
        return record_id in self.database.table(kind)


Check = Callable[[MergedView], list[str]]


def result_problems(tables: dict[str, Any], checks: Iterable[Check] = ()) -> list[str]:
    """What `tracker validate` would say of the merged tables: every record decodes, then the
    checks across records, then ``checks`` (`validate` runs the inbox's own)."""
    database = Database()
    problems: list[str] = []
    for kind in KINDS:
        for rid, doc in tables[TABLES[kind]].items():
            try:
                database.table(kind)[rid] = decode_fields(kind, rid, doc, f"{TABLES[kind]}[{rid}]")
            except RecordError as exc:
                problems += exc.problems
    if problems:
        return problems
    problems = database_problems(database)
    proposals = tables.get(PROPOSALS_TABLE)
    view = MergedView(database, proposals if isinstance(proposals, dict) else {})
    for check in checks:
        problems += check(view)
    return problems
