"""A three-way merge of two versions of a database at the level of records (git's merge driver
runs it: :mod:`tracker.sharing.driver`).

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
  decision (``decided_at``); the records either decision made are kept like any other;
* one proposal accepted on both sides (its ``proposal`` field names it) is one call, whatever
  wording and id each reader gave it: the two records become one (the smaller id), and the fields
  they differ on are disputed;
* a record deleted on one side but cited by a record of the other side's is kept (the merge says so).

The files (reading each side, checking the result, writing ``ours``) are
:mod:`tracker.sharing.driver`'s; this module merges documents and holds no I/O.

Everything here is deterministic (a dispute is dated by the later of the two changes, and an
entry with nothing to date it by takes the latest time in any of the three files, not the
clock), so merging A into B and B into A produce the same records.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from tracker.domain import schema
from tracker.domain.encoding import FIELDS
from tracker.domain.model import KINDS, utc_now
from tracker.store.layout import TABLES, empty_tables

Doc = dict[str, Any]   # a record's stored fields plus "kind" (and "id")
LABEL = {"prediction": "claim", "event": "title", "article": "title"}
# The fields naming another record by id, and the kind each names, from the field table:
# a renamed id is followed, a deleted record still named is kept.
CITES = {kind: tuple((f.name, f.refers) for f in fields if f.refers) for kind, fields in schema.SCHEMA.items()}
_MISSING = object()


@dataclass
class MergeResult:
    tables: dict[str, Any]
    disputes: list[tuple[str, str]] = field(default_factory=list)  # (id, field) newly disputed
    renamed: list[tuple[str, str]] = field(default_factory=list)   # (id, new id)
    unified: list[tuple[str, str, str]] = field(default_factory=list)  # (proposal, id dropped, id kept)
    kept: list[tuple[str, str]] = field(default_factory=list)       # (id deleted on a side, id citing it)

    def notes(self) -> list[str]:
        """What the merge did that a reader should hear of, besides renames and disputes: one line each."""
        lines = [f"tracker: both readers accepted proposal {proposal}: one record {keep!r} (was also {dropped!r}); "
                 "see `tracker list --disputed`" for proposal, dropped, keep in self.unified]
        lines += [f"tracker: kept {rid}: deleted on one side, but {by} cites it" for rid, by in self.kept]
        return lines


def _key(entry: Doc) -> bytes:
    return orjson.dumps(entry, option=orjson.OPT_SORT_KEYS)


def merge_documents(base: dict[str, Doc], ours: dict[str, Doc], theirs: dict[str, Doc],
                    meta: Any = None) -> MergeResult:
    """Merge three versions of a database, each given as its records' documents by id."""
    out: dict[str, Doc] = {}
    result = MergeResult({})
    latest = max((_last_at(d["history"]) for side in (base, ours, theirs) for d in side.values()),
                 default="") or utc_now()
    ours, theirs = _same_proposals(base, ours, theirs, result, latest)
    taken = set(base) | set(ours) | set(theirs)
    moved: list[tuple[str, str, dict[str, Doc]]] = []   # (id, new id, the side that moved)
    owner: dict[str, tuple[dict[str, Doc], str]] = {}   # merged id -> (the one side it is from, its id there)
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
        elif o["kind"] == t["kind"] and (o[LABEL[o["kind"]]] == t[LABEL[t["kind"]]] or _one_proposal(o, t)):
            out[rid] = _merge_record(None, o, t, result, latest)   # both added the same call: one record
        else:
            keep, move, side = (o, t, theirs) if _key(_strip(o)) <= _key(_strip(t)) else (t, o, ours)
            new = _fresh_id(rid, taken)
            taken.add(new)
            out[rid] = keep
            out[new] = _renamed(move, new, latest)
            moved.append((rid, new, side))
            result.renamed.append((rid, new))
            # Under these ids the merged records are each one side's record of the old id.
            owner[rid], owner[new] = (ours if side is theirs else theirs, rid), (side, rid)
    for old, new, side in moved:
        # The moving side's references to it follow it; the other side's are to the record kept,
        # unless that is of another kind (so they cannot be). A reference made on both sides alike
        # to a record of that kind is left alone.
        other, kind = (ours if side is theirs else theirs), out[new]["kind"]
        same_kind = out[old]["kind"] == kind

        def cites(rid: str, name: str, old: str = old, side: dict[str, Doc] = side, other: dict[str, Doc] = other,
                  same_kind: bool = same_kind) -> bool:
            mine = _names(_version(side, rid, owner).get(name), old)
            theirs_too = _names(_version(other, rid, owner).get(name), old)
            return mine and not (same_kind and theirs_too)

        _follow(out, old, new, kind, latest, cites)
    _keep_cited(out, base, ours, theirs, result)
    tables: dict[str, Any] = {"meta": meta if meta is not None else empty_tables()["meta"]}
    for kind in KINDS:
        tables[TABLES[kind]] = {rid: {k: v for k, v in doc.items() if k not in ("id", "kind")}
                                for rid, doc in sorted(out.items()) if doc["kind"] == kind}
    result.tables = tables
    return result


def _one_proposal(o: Doc, t: Doc) -> bool:
    """Both records were made by accepting the same proposal: the same call, however worded."""
    return bool(o.get("proposal")) and o.get("proposal") == t.get("proposal")


def _same_proposals(base: dict[str, Doc], ours: dict[str, Doc], theirs: dict[str, Doc], result: MergeResult,
                    latest: str) -> tuple[dict[str, Doc], dict[str, Doc]]:
    """Both sides accepted one proposal, each under its own id: both sides' records go under the
    smaller id (a history entry on the moved one says why; records citing it follow), so the
    merge makes them one record and disputes what the readers worded differently."""
    def added(side: dict[str, Doc], other: dict[str, Doc]) -> dict[tuple[str, str], list[str]]:
        found: dict[tuple[str, str], list[str]] = {}
        for rid, doc in side.items():
            if doc.get("proposal") and rid not in base and rid not in other:
                found.setdefault((doc["kind"], doc["proposal"]), []).append(rid)
        return found

    in_ours, in_theirs = added(ours, theirs), added(theirs, ours)
    for (kind, proposal), o_ids in sorted(in_ours.items()):
        t_ids = in_theirs.get((kind, proposal), [])
        if len(o_ids) != 1 or len(t_ids) != 1:
            continue   # not one record on each side: nothing to pair them by
        keep = min(o_ids[0], t_ids[0])
        for rid in (o_ids[0], t_ids[0]):
            if rid == keep:
                continue
            side = dict(ours if rid == o_ids[0] else theirs)
            doc = side.pop(rid)
            note = (f"the same proposal {proposal} was accepted by another reader as {keep!r}: "
                    f"one {kind}, merged on merge")
            side[keep] = {**doc, "id": keep, "history": [*doc["history"], {
                "at": _last_at(doc["history"]) or latest, "action": "edit", "field": "id",
                "old": rid, "new": keep, "note": note}]}
            _follow(side, rid, keep, kind, latest, lambda _rid, _name: True)
            if rid == o_ids[0]:
                ours = side
            else:
                theirs = side
            result.unified.append((proposal, rid, keep))
    return ours, theirs


def _keep_cited(out: dict[str, Doc], base: dict[str, Doc], ours: dict[str, Doc], theirs: dict[str, Doc],
                result: MergeResult) -> None:
    """A record deleted on one side and still cited (by a record the other side added or changed)
    is kept as the side that did not delete it has it: a deletion never leaves a reference dangling."""
    changed = True
    while changed:
        changed = False
        for rid in sorted(out):
            for name, kind in CITES[out[rid]["kind"]]:
                value = out[rid].get(name)
                for cited in value if isinstance(value, list) else [value] if value else []:
                    if cited in out or cited not in base:
                        continue
                    present = ours.get(cited) or theirs.get(cited)
                    if present is not None and present["kind"] == kind:
                        out[cited] = present
                        result.kept.append((cited, rid))
                        changed = True


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


def _follow(out: dict[str, Doc], old: str, new: str, kind: str, latest: str,
            cites: Callable[[str, str], bool]) -> None:
    """Records whose reference to the {kind} ``old`` is to the record now called ``new`` (``cites``
    says which: record id, field) point at ``new``, with a history entry saying why."""
    for rid in sorted(out):
        doc = out[rid]
        for name, refers in CITES[doc["kind"]]:
            value = doc.get(name)
            if refers != kind or not _names(value, old) or not cites(rid, name):
                continue
            changed = new if value == old else [new if v == old else v for v in value]
            entry = {"at": _last_at(doc["history"]) or latest, "action": "edit", "field": name,
                     "old": value, "new": changed, "note": f"{old!r} was renamed {new!r} on merge"}
            out[rid] = doc = {**doc, name: changed, "history": [*doc["history"], entry]}


def _version(side: dict[str, Doc], rid: str, owner: dict[str, tuple[dict[str, Doc], str]]) -> Doc:
    """The side's version of the merged record ``rid`` ({} when it has none): a record renamed
    on merge, or kept under an id the other side's record left, is only its own side's."""
    if rid in owner:
        from_side, at = owner[rid]
        return side.get(at, {}) if from_side is side else {}
    return side.get(rid, {})


def _names(value: Any, rid: str) -> bool:
    """A reference field's value names the record ``rid``."""
    return value == rid or (isinstance(value, list) and rid in value)


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
    if kind == "prediction" and not any(d["field"] == "status" for d in disputes) \
            and _path_breaks([*base_hist, *fresh]):
        # Both sides judged, and their marks in time order make no one path (confirmed here;
        # refuted, then confirmed there): the union of histories would not validate, so the
        # judgement is disputed, for a reader to settle, like marks that end differently.
        (at_o, by_o), (at_t, by_t) = _last_change(new_o, "status"), _last_change(new_t, "status")
        sides = sorted([{"value": o["status"], "by": by_o}, {"value": t["status"], "by": by_t}], key=_key)
        disputes.append({"at": max(at_o, at_t) or latest, "action": "dispute", "field": "status", "values": sides})
        result.disputes.append((o["id"], "status"))
    fresh += [d for d in disputes if _key(d) not in {_key(e) for e in fresh}]
    merged["history"] = [*base_hist, *fresh]
    if kind == "prediction":
        statuses = [e for e in merged["history"] if e["action"] == "status"]
        if statuses:   # equal times can order the sides' entries either way: the last one rules
            merged["status"] = statuses[-1]["to"]
    return merged


def _path_breaks(history: list[Doc]) -> bool:
    """A status entry moves from a status other than the one in force, and not to it (the check
    of tracker.domain.status.history_problems, which a status dispute lifts)."""
    if any(e["action"] == "dispute" and e.get("field") == "status" for e in history):
        return False
    previous = "pending"
    for entry in history:
        if entry["action"] == "status":
            if entry.get("from") != previous and entry.get("to") != previous:
                return True
            previous = entry.get("to")
    return False


def _interleave(left: list[Doc], right: list[Doc], seen: set[bytes]) -> list[Doc]:
    """Both sides' new entries in time order, each side's own order kept, duplicates once.

    Ties are broken by content, and the two lists are taken in an order of their own content,
    so the result is the same whichever side is ours: with ties alone, keeping each side's order
    could still give two orders (an entry both sides made, one second, then refuted on one side
    and void on the other).
    """
    if [_key(e) for e in right] < [_key(e) for e in left]:
        left, right = right, left
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
