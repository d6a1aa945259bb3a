"""Acting on proposals: accept (as is or edited), reject, merge into an existing record.

Every decision runs in one transaction: the record is written and the proposal's state
changes together, or neither. A decided proposal stays in the table (rejected ones too),
so ingesting the same article again never proposes it again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from tracker.actions import records as actions

from tracker.domain import hedges

from tracker.domain import schema
from tracker.domain.errors import ActionError
from tracker.domain.codec import RecordError
from tracker.domain.fields import FieldError, parse_field, resolve_probability, split_list
from tracker.domain.ids import new_id
from tracker.domain.model import KINDS, Event, HistoryEntry, Prediction, Record, utc_now
from tracker.store.layout import proposal_shape_problems
from tracker.store.store import Store
from tracker.store.transaction import Transaction
from tracker.domain.text import a_or_an
from tracker.actions.who import current_user

STATES = ("proposed", "accepted", "rejected", "merged")
# What a reader may set on accepting, from the field table (not what the proposal took from its source).
EDITABLE = tuple(dict.fromkeys(name for kind in ("prediction", "event") for name in schema.accepted(kind)))
_JAPANESE = __import__("re").compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


class ProposalError(ActionError):
    """A refused decision on a proposal (unknown id, already decided, missing English claim)."""


def listing(session: Transaction, state: str | None = "proposed") -> list[tuple[str, dict[str, Any]]]:
    """Proposals in reading order (article, then sentence), optionally of one state."""
    items = [(pid, doc) for pid, doc in session.proposals().items() if state is None or doc.get("state") == state]
    return sorted(items, key=lambda item: (item[1].get("source", {}).get("file", ""),
                                           item[1].get("source", {}).get("article", 0),
                                           item[1].get("source", {}).get("sentence", 0), item[0]))


def needs_english(doc: dict[str, Any]) -> bool:
    """A prediction whose proposed claim is Japanese: accepting it asks for an English wording."""
    return doc.get("kind") == "prediction" and bool(_JAPANESE.search(doc["fields"].get("claim", "")))


def _open(session: Transaction, pid: str) -> dict[str, Any]:
    doc = session.proposals().get(pid)
    if doc is None:
        raise ProposalError(f"no proposal {pid!r} (see `tracker inbox`)")
    if doc.get("state") != "proposed":
        raise ProposalError(f"proposal {pid} is already {doc.get('state')}"
                            + (f" ({doc['record']})" if doc.get("record") else ""))
    return doc


def _decide(session: Transaction, pid: str, doc: dict[str, Any], state: str, record: str = "", note: str = "") -> None:
    session.put_proposal(pid, {**doc, "state": state, "record": record, "note": note, "decided_at": utc_now()})


def accept(store: Store, pid: str, changes: dict[str, Any] | None = None, record_id: str | None = None) -> Record:
    """Make the proposal a record (with the reader's changes); returns the new record (the first,
    when ``changes["claim"]`` is a list of claims: one record each, see :func:`accept_all`)."""
    return accept_all(store, pid, changes, record_id)[0]


def accept_all(store: Store, pid: str, changes: dict[str, Any] | None = None,
               record_id: str | None = None) -> list[Record]:
    """Make the proposal one record, or one per claim when ``changes["claim"]`` is a list (a
    sentence holding several calls: each record keeps the quote, hedge and source)."""
    changes = {k: v for k, v in (changes or {}).items() if v is not None}
    claims = changes.pop("claim", None)
    if isinstance(claims, (list, tuple)):
        claims = [c for c in claims if str(c).strip()]
        if len(claims) == 1:
            claims = claims[0]
    if isinstance(claims, list) and claims:
        return _accept(store, pid, changes, record_id, claims)
    if claims is not None:
        changes["claim"] = claims
    return _accept(store, pid, changes, record_id, None)


def _accept(store: Store, pid: str, changes: dict[str, Any], record_id: str | None,
            claims: list[str] | None) -> list[Record]:
    by = current_user(store.path.parent) if "probability" in changes else ""  # before the lock: it may start git
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise ProposalError(f"cannot set {unknown[0]!r} on a proposal; fields: {', '.join(EDITABLE)}")
    actions.refuse_empty_forecaster(changes)
    with store.transaction() as session:
        doc = _open(session, pid)
        other_kind = sorted(set(changes) - set(schema.accepted(doc["kind"])))
        if other_kind:
            raise ProposalError(f"{a_or_an(doc['kind'])} has no {other_kind[0]!r} to set "
                                f"(fields: {', '.join(schema.accepted(doc['kind']))})")
        if claims is not None and doc["kind"] != "prediction":
            raise ProposalError(f"proposal {pid} is an event: it has no claims to split (give --title)")
        made: list[Record] = []
        for claim in claims or [None]:
            fields = {**doc["fields"], **changes, **({"claim": claim} if claim is not None else {})}
            if doc["kind"] == "prediction":
                if _JAPANESE.search(fields.get("claim", "")):
                    raise FieldError("claim", f"proposal {pid}'s claim is Japanese: give the English wording "
                                              "(--claim 'X will ...'); the quote keeps the original")
                record = _prediction(session, doc, fields, changes, record_id if not made else None, by=by)
            else:
                record = _event(session, fields, changes, record_id)
            # Issue 21 (sharing): the record keeps the proposal's identity, so a git merge knows two
            # readers' acceptances of it, however worded, are one call (tracker.sharing.merge).
            record = replace(record, proposal=pid)
            actions.insert(session, record)
            made.append(record)
        _decide(session, pid, {**doc, "records": [r.id for r in made]}, "accepted", made[0].id)
    return made


def _prediction(session: Transaction, doc: dict, fields: dict, changes: dict, record_id: str | None,
                by: str = "") -> Prediction:
    hedge = parse_field("hedge", fields.get("hedge", ""))
    history: list[HistoryEntry] = []
    if "probability" in changes and "hedge" not in changes and hedges.lookup(hedge) is not None and \
            not hedges.probability_agrees(hedge, parse_field("probability", changes["probability"])):
        # The reader reads the author differently: the hedge stays as written, the probability is
        # the reader's, and the history says so (validate accepts the pair).
        probability = parse_field("probability", changes["probability"])
        reading = hedges.lookup(hedge)
        history.append(HistoryEntry(at=utc_now(), action="edit", field="probability", old=reading.probability,
                                    new=probability, note=f"{hedges.READER_READING}: the hedge {hedge!r} reads "
                                    f"{reading.probability}", by=by))
    elif "probability" in changes:
        probability = resolve_probability(changes["probability"], hedge)
    elif "hedge" in changes and hedges.lookup(hedge) is not None:
        probability = hedges.lookup(hedge).probability
    else:
        probability = resolve_probability(fields.get("probability"), "")
    claim = parse_field("claim", fields["claim"])
    note = fields.get("horizon_note", "")
    if "resolve_by" in changes and "horizon_note" not in changes:
        # the proposal's note explained its own date; the reader's date replaces it
        note = f"set on accepting: {parse_field('resolve_by', changes['resolve_by']).iso()} (was {fields_date(doc)})"
    alt = next((a["hedge"] for a in doc.get("also", []) if a.get("hedge") and a["hedge"] != hedge
                and hedges.lookup(a["hedge"]) is not None), "")
    values = dict(
        claim=claim, probability=probability,
        made_on=parse_field("made_on", fields["made_on"]), resolve_by=parse_field("resolve_by", fields["resolve_by"]),
        quote=fields.get("quote", ""), hedge=hedge, alt_hedge=alt,
        condition=parse_field("condition", fields.get("condition", "")),
        horizon_note=parse_field("horizon_note", note),
        author=fields.get("author", ""), forecaster=parse_field("forecaster", fields.get("forecaster", ""))
        or fields.get("author", ""), article=fields.get("article", ""), tags=split_list(fields.get("tags", [])))
    return Prediction(id=record_id or new_id("prediction", claim, _all_ids(session)), **values,
                      **_the_others(changes, values), history=history)


def fields_date(doc: dict) -> str:
    """The resolve-by the proposal had, and why (its first sentence)."""
    f = doc["fields"]
    why = (f.get("horizon_note") or "").split(";")[0].split(":")[0].strip()
    return f"{f.get('resolve_by', '')}, {why.lower()}" if why else str(f.get("resolve_by", ""))


def _the_others(changes: dict[str, Any], built: dict[str, Any]) -> dict[str, Any]:
    """The reader's values for fields a proposal does not carry (any other field of the table)."""
    return {name: parse_field(name, value) for name, value in changes.items() if name not in built}


def _event(session: Transaction, fields: dict, changes: dict, record_id: str | None) -> Event:
    date = parse_field("date", fields["date"])
    title = parse_field("title", fields["title"])
    values = dict(date=date, title=title, summary=parse_field("summary", fields.get("summary", "")),
                  articles=split_list(fields.get("articles", []), "articles"), tags=split_list(fields.get("tags", [])))
    return Event(id=record_id or new_id("event", title, _all_ids(session), prefix=date.iso()), **values,
                 **_the_others(changes, values))


def _all_ids(session: Transaction) -> set[str]:
    return set().union(*(session.ids(kind) for kind in KINDS))


def reject(store: Store, pid: str, note: str = "") -> None:
    """Mark the proposal rejected (kept, so it is never proposed again)."""
    with store.transaction() as session:
        _decide(session, pid, _open(session, pid), "rejected", note=note)


def merge(store: Store, pid: str, into: str, notes: list[str] | None = None) -> Record:
    """Fold the proposal into an existing record of its kind: its quote and source go into the
    record's history (and an event gains the proposal's article); the proposal becomes merged.

    ``notes`` gets what the proposal says differently from the record (whose call it is, which
    article: :func:`merge_differences`), for the caller to tell the reader."""
    by = current_user(store.path.parent)  # asked before taking the lock: it may start git
    with store.transaction() as session:
        doc = _open(session, pid)
        target = session.find(into)
        if target is None:
            raise ProposalError(f"no record {into!r} to merge proposal {pid} into")
        if target.kind != doc["kind"]:
            raise ProposalError(f"proposal {pid} is {a_or_an(doc['kind'])}; {into} is {a_or_an(target.kind)}")
        updated = _merged(target, doc, pid, by)
        try:
            session.put(updated)
        except RecordError as exc:
            raise ProposalError(exc.problems[0]) from None
        _decide(session, pid, doc, "merged", into)
    if notes is not None:
        notes += merge_differences(target, doc)
    return updated


def merge_differences(target: Record, doc: dict) -> list[str]:
    """What a prediction proposal says differently from the prediction it is merged into: whose
    call it is and which article it is from. One forecaster's sentence merged into another's call
    is most likely the wrong record picked, so the reader is told (the merge stands: it only adds
    to the record's history)."""
    if not isinstance(target, Prediction):
        return []
    fields = doc.get("fields", {})
    out = []
    forecaster = fields.get("forecaster") or fields.get("author") or ""
    if forecaster and forecaster != target.forecaster:
        out.append(f"the proposal is the call of {forecaster}; {target.id} is the call of {target.forecaster}")
    article = fields.get("article") or ""
    if article and target.article and article != target.article:
        out.append(f"the proposal is from article {article}; {target.id} from {target.article}")
    return out


def _merged(target: Record, doc: dict, pid: str, by: str = "") -> Record:
    now, src = utc_now(), doc.get("source", {})
    quote = doc["fields"].get("quote") or doc["fields"].get("summary", "")
    where = f"{src.get('file', '')}, article {src.get('article', '')}, {src.get('section', '')}, " \
            f"sentence {src.get('sentence', '')}"
    history = [*target.history, HistoryEntry(at=now, action="edit", field="source", old=None, new=quote,
                                             note=f"merged proposal {pid} ({where})", by=by)]
    if isinstance(target, Prediction):
        hedge = doc["fields"].get("hedge", "")
        if not target.alt_hedge and hedge and hedge != target.hedge and hedges.lookup(hedge) is not None:
            history.append(HistoryEntry(at=now, action="edit", field="alt_hedge", old="", new=hedge,
                                        note=f"the hedge of merged proposal {pid}", by=by))
            return replace(target, alt_hedge=hedge, history=history)
        return replace(target, history=history)
    articles = list(target.articles)
    for article in doc["fields"].get("articles", []):
        if article not in articles:
            history.append(HistoryEntry(at=now, action="edit", field="articles", old=list(articles),
                                        new=[*articles, article], note=f"merged proposal {pid}", by=by))
            articles.append(article)
    return replace(target, articles=articles, history=history)


def proposal_problems(session: Transaction) -> list[str]:
    """What is wrong with the stored proposals (for `tracker validate`)."""
    problems = []
    for pid, doc in session.proposals(checked=False).items():
        where = f"proposals[{pid}]"
        shape = proposal_shape_problems(pid, doc)
        if shape:  # what the checks below rely on is not there
            problems += shape
            continue
        if doc.get("kind") not in ("event", "prediction"):
            problems.append(f"{where}.kind: {doc.get('kind')!r} is not event or prediction")
        if doc.get("state") not in STATES:
            problems.append(f"{where}.state: {doc.get('state')!r} is not one of {', '.join(STATES)}")
        if doc.get("state") in ("accepted", "merged") and doc.get("record") \
                and not any(session.exists(kind, doc["record"]) for kind in KINDS):
            problems.append(f"{where}.record: no record {doc['record']!r}")
        fields = doc.get("fields") if isinstance(doc.get("fields"), dict) else {}
        for article in [fields.get("article", ""), *fields.get("articles", [])]:
            if article and not session.exists("article", article):
                problems.append(f"{where}: no article {article!r}")
    return problems
