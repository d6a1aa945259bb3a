"""A three-way merge of two versions of a database at the level of records: git's merge driver.

Rules (each so that nothing either reader did is lost, and both readers' merges agree):

* a record added on one side is kept; the same id added on both sides is one record when its
  claim (or title) is the same, and two records when it is not: the one whose content sorts
  later gets a fresh id, noted in its history, and the records added with it follow it;
* histories are append-only, so they merge as the union of their entries: the common ones in
  their order, then each side's new ones in time order, without duplicates;
* a field changed on one side takes that side's value; changed to different values on both
  sides it is *disputed*: a ``dispute`` entry keeps both values and who set each, and the field
  holds the value set last until a reader settles it (``tracker settle``);
* a prediction judged on both sides to different outcomes is disputed the same way;
* a record deleted on one side and unchanged on the other is deleted; changed on the other, kept;
* other tables (the ingest inbox's proposals) merge entry by entry the same way, and an entry
  changed differently on both sides (a proposal accepted here, rejected there) keeps the later
  decision (``decided_at``); the records either decision made are kept like any other.

Everything here is deterministic (a dispute is dated by the later of the two changes, and an
entry with nothing to date it by takes the latest time in any of the three files, not the
clock), so merging A into B and B into A produce the same records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from tracker.domain import schema
from tracker.domain.codec import FIELDS, RecordError, decode_fields, encode_fields
from tracker.domain.model import KINDS, Database, utc_now
from tracker.store.layout import TABLES, StoreError, empty_tables, encode_file
from tracker.store.store import Store, atomic_write

Doc = dict[str, Any]   # a record's stored fields plus "kind" (and "id")
LABEL = {"prediction": "claim", "event": "title", "article": "title"}
# The fields naming another record by id, from the field table: a renamed id is followed.
REFERENCES = {kind: tuple(f.name for f in fields if f.refers) for kind, fields in schema.SCHEMA.items()}
_MISSING = object()


class MergeError(StoreError):
    """A side of the merge cannot be read; git's own conflict stays in place."""


@dataclass
class MergeResult:
    tables: dict[str, Any]
    disputes: list[tuple[str, str]] = field(default_factory=list)  # (id, field) newly disputed
    renamed: list[tuple[str, str]] = field(default_factory=list)   # (id, new id)


def _key(entry: Doc) -> bytes:
    return orjson.dumps(entry, option=orjson.OPT_SORT_KEYS)


def read_side(path: Path, label: str, empty_ok: bool = False) -> tuple[dict[str, Any], dict[str, Doc]]:
    """One side's tables and its records as canonical documents; MergeError if unreadable.

    git passes an empty file as the base when both sides added the database.
    """
    try:
        if empty_ok and path.stat().st_size == 0:
            return empty_tables(), {}
        read = Store(path).read()  # a side giving a key twice is refused: a copy would be lost
    except StoreError as exc:
        raise MergeError(f"{label}: {exc}") from None
    except OSError as exc:
        raise MergeError(f"{label}: {path}: cannot read: {exc.strerror or exc}") from None
    tables = read.tables()
    database, problems = read.decode_all()
    if problems:
        raise MergeError(f"{label}: {path}: {problems[0]}")
    return tables, _documents(database)


def _documents(database: Database) -> dict[str, Doc]:
    return {r.id: {"id": r.id, "kind": r.kind, **encode_fields(r)} for r in database.records()}


def merge_documents(base: dict[str, Doc], ours: dict[str, Doc], theirs: dict[str, Doc],
                    meta: Any = None) -> MergeResult:
    """Merge three versions of a database, each given as its records' documents by id."""
    out: dict[str, Doc] = {}
    result = MergeResult({})
    latest = max((_last_at(d["history"]) for side in (base, ours, theirs) for d in side.values()),
                 default="") or utc_now()
    taken = set(base) | set(ours) | set(theirs)
    moved: list[tuple[str, str, dict[str, Doc]]] = []   # (id, new id, the side that moved)
    for rid in sorted(taken):
        b, o, t = base.get(rid), ours.get(rid), theirs.get(rid)
        if o is None or t is None:
            present = o if o is not None else t
            if present is not None and (b is None or _strip(present) != _strip(b)
                                        or present["history"] != b["history"]):
                out[rid] = present   # added on one side, or changed there and deleted here: kept
            continue
        if o == t:
            out[rid] = o
        elif b is not None and b["kind"] == o["kind"] == t["kind"]:
            out[rid] = _merge_record(b, o, t, result, latest)
        elif o["kind"] == t["kind"] and o[LABEL[o["kind"]]] == t[LABEL[t["kind"]]]:
            out[rid] = _merge_record(None, o, t, result, latest)   # both added the same claim: one record
        else:
            keep, move, side = (o, t, theirs) if _key(_strip(o)) <= _key(_strip(t)) else (t, o, ours)
            new = _fresh_id(rid, taken)
            taken.add(new)
            out[rid] = keep
            out[new] = _renamed(move, new, latest)
            moved.append((rid, new, side))
            result.renamed.append((rid, new))
    for old, new, side in moved:
        _follow(out, old, new, latest, {i for i in side if i not in base and i not in (ours if side is theirs else theirs)})
    tables: dict[str, Any] = {"meta": meta if meta is not None else empty_tables()["meta"]}
    for kind in KINDS:
        tables[TABLES[kind]] = {rid: {k: v for k, v in doc.items() if k not in ("id", "kind")}
                                for rid, doc in sorted(out.items()) if doc["kind"] == kind}
    result.tables = tables
    return result


def _strip(doc: Doc) -> Doc:
    """A record's content: everything but its history."""
    return {k: v for k, v in doc.items() if k != "history"}


def _fresh_id(rid: str, taken: set[str]) -> str:
    n = 2
    while f"{rid}-{n}" in taken:
        n += 1
    return f"{rid}-{n}"


def _renamed(doc: Doc, new: str, latest: str) -> Doc:
    note = f"renamed on merge: another reader added a different {doc['kind']} as {doc['id']!r}"
    entry = {"at": _last_at(doc["history"]) or latest, "action": "edit", "field": "id",
             "old": doc["id"], "new": new, "note": note}
    return {**doc, "id": new, "history": [*doc["history"], entry]}


def _follow(out: dict[str, Doc], old: str, new: str, latest: str, added_with_it: set[str]) -> None:
    """Records added on the same side as a renamed article or event point at its new id."""
    for rid in added_with_it:
        doc = out.get(rid)
        if doc is None:
            continue
        for name in REFERENCES[doc["kind"]]:
            value = doc.get(name)
            if value == old or (isinstance(value, list) and old in value):
                changed = new if value == old else [new if v == old else v for v in value]
                entry = {"at": _last_at(doc["history"]) or latest, "action": "edit", "field": name,
                         "old": value, "new": changed, "note": f"{old!r} was renamed {new!r} on merge"}
                out[rid] = doc = {**doc, name: changed, "history": [*doc["history"], entry]}


def _last_at(history: list[Doc]) -> str:
    return max((e.get("at") or "" for e in history), default="")


def _merge_record(b: Doc | None, o: Doc, t: Doc, result: MergeResult, latest: str) -> Doc:
    kind = o["kind"]
    base_hist = b["history"] if b is not None else []
    base_keys = {_key(e) for e in base_hist}
    new_o = [e for e in o["history"] if _key(e) not in base_keys]
    new_t = [e for e in t["history"] if _key(e) not in base_keys]
    merged: Doc = {"id": o["id"], "kind": kind}
    disputes: list[Doc] = []
    for name in FIELDS[kind]:
        bv = b.get(name, _MISSING) if b is not None else _MISSING
        ov, tv = o.get(name), t.get(name)
        if name == "status":
            o_changed = ov != bv or any(e["action"] == "status" for e in new_o)
            t_changed = tv != bv or any(e["action"] == "status" for e in new_t)
            conflict = o_changed and t_changed and ov != tv
            one = tv if not o_changed else ov
        else:
            conflict = ov != tv and ov != bv and tv != bv
            one = tv if ov == bv else ov
        if not conflict:
            merged[name] = one
            continue
        at_o, by_o = _last_change(new_o, name)
        at_t, by_t = _last_change(new_t, name)
        later = max((at_o, _key(ov), ov), (at_t, _key(tv), tv), key=lambda x: x[:2])
        merged[name] = later[2]
        sides = sorted([{"value": ov, "by": by_o}, {"value": tv, "by": by_t}], key=_key)
        disputes.append({"at": max(at_o, at_t) or latest, "action": "dispute", "field": name,
                         "values": sides})
        result.disputes.append((o["id"], name))
    fresh = _interleave(new_o, new_t, set(base_keys))
    fresh += [d for d in disputes if _key(d) not in {_key(e) for e in fresh}]
    merged["history"] = [*base_hist, *fresh]
    if kind == "prediction":
        statuses = [e for e in merged["history"] if e["action"] == "status"]
        if statuses:   # equal times can order the sides' entries either way: the last one rules
            merged["status"] = statuses[-1]["to"]
    return merged


def _interleave(left: list[Doc], right: list[Doc], seen: set[bytes]) -> list[Doc]:
    """Both sides' new entries in time order, each side's own order kept, duplicates once.

    Ties are broken by content, so the result is the same whichever side is ours.
    """
    out: list[Doc] = []
    i = j = 0
    while i < len(left) or j < len(right):
        if j >= len(right) or (i < len(left) and (left[i].get("at") or "", _key(left[i]))
                               <= (right[j].get("at") or "", _key(right[j]))):
            entry, i = left[i], i + 1
        else:
            entry, j = right[j], j + 1
        if _key(entry) not in seen:
            seen.add(_key(entry))
            out.append(entry)
    return out


def _last_change(entries: list[Doc], name: str) -> tuple[str, str]:
    """When and by whom this side last changed the field (empty when its history does not say)."""
    action = "status" if name == "status" else "edit"
    for entry in reversed(entries):
        if entry["action"] == action and (action == "status" or entry.get("field") == name):
            return entry.get("at") or "", entry.get("by") or ""
    return "", ""


def merge_plain_table(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, Any]:
    """A table of plain documents, entry by entry; both changed: the later ``decided_at`` wins."""
    out = {}
    for key in sorted(set(base) | set(ours) | set(theirs)):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o is None or t is None:
            present = o if o is not None else t
            if present is not None and present != b:
                out[key] = present
        elif o == t or t == b:
            out[key] = o
        elif o == b:
            out[key] = t
        else:
            out[key] = max(o, t, key=lambda d: (str(d.get("decided_at") or "") if isinstance(d, dict) else "",
                                                 _key(d)))
    return out


def merge_files(base: Path, ours: Path, theirs: Path) -> MergeResult:
    """git's merge driver: merge THEIRS and BASE into OURS and write OURS canonically.

    Raises MergeError (and writes nothing) when a side cannot be read.
    """
    base_tables, base_docs = read_side(base, "base", empty_ok=True)
    our_tables, our_docs = read_side(ours, "ours")
    their_tables, their_docs = read_side(theirs, "theirs")
    result = merge_documents(base_docs, our_docs, their_docs, our_tables.get("meta"))
    record_tables = {"meta", *TABLES.values()}
    for name in sorted((set(our_tables) | set(their_tables)) - record_tables):
        result.tables[name] = merge_plain_table(*(t.get(name) or {} for t in (base_tables, our_tables, their_tables)))
    for kind in KINDS:   # the merged file must read back, or it is not written
        for rid, doc in result.tables[TABLES[kind]].items():
            try:
                decode_fields(kind, rid, doc, f"{TABLES[kind]}[{rid}]")
            except RecordError as exc:
                raise MergeError(f"merged result: {exc.problems[0]}") from None
    atomic_write(ours, encode_file(result.tables))
    return result
