"""`--json` and export print a record's stored document as it is when it is already in the form
tracker writes; the result must be exactly what encoding the decoded record gives."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from tracker.cli.main import main
from tracker.domain import schema
from tracker.domain.codec import clean_decoder
from tracker.domain.encoding import encode_fields, encode_record, shown_as_stored
from tracker.store.layout import empty_tables
from tracker.store.store import Store

MISSING = object()
texts = st.sampled_from(["", "x", "Andrew Korybko", "日本語の文", "a\u0085b"])
stored_dates = st.sampled_from(["2025", "2025-05", "2025-05-23", "2027-12"])
STATUSES = ["pending", "confirmed", "refuted", "void"]


def _value(f: schema.Field):
    if f.type == schema.DATE:
        return stored_dates | st.none() if not f.required else stored_dates
    if f.type == schema.LIST:
        return st.lists(texts, max_size=3)
    if f.type == schema.PROBABILITY:
        return st.none() | st.floats(0.01, 0.99)
    if f.type == schema.STATUS:
        return st.sampled_from(STATUSES)
    return texts


def _maybe(value):
    return st.just(MISSING) | value


status_entries = st.fixed_dictionaries(
    {"at": st.just("2026-01-02T03:04:05Z"), "action": st.just("status"),
     "from": st.sampled_from(STATUSES), "to": st.sampled_from(STATUSES)},
    optional={"note": st.none() | texts, "evidence": st.none() | st.lists(texts, max_size=2),
              "known_on": st.none() | stored_dates, "by": st.none() | texts})


@st.composite
def documents(draw):
    kind = draw(st.sampled_from(["article", "event", "prediction"]))
    doc = {}
    for f in schema.SCHEMA[kind]:
        value = draw(_maybe(_value(f)))
        if value is not MISSING:
            doc[f.name] = value
    history = draw(_maybe(st.none() | st.lists(status_entries, max_size=3)))
    if history is not MISSING:
        doc["history"] = history
    return kind, doc


@given(documents())
def test_a_stored_document_shown_as_it_is_is_the_encoded_record(drawn):
    kind, doc = drawn
    record = clean_decoder(kind)("r-1", doc)
    if record is None:
        return  # the careful decoder reads it (or refuses it); shown is never asked of it
    shown = shown_as_stored(kind, "r-1", doc)
    if shown is not None:
        expected = encode_record(record)
        assert shown == expected
        assert list(shown) == list(expected)  # the same keys in the same order
    # What tracker writes of the record is always shown as it is.
    written = encode_fields(record)
    assert shown_as_stored(kind, "r-1", written) == encode_record(record)


def _file(path, predictions):
    path.write_text(json.dumps({**empty_tables(), "predictions": predictions}), encoding="utf-8")


def test_list_json_of_a_hand_written_file_is_the_encoded_records(tmp_path, capsys):
    # Fields left out, a forecaster left to its author, a history entry without its empty keys:
    # none of these is in the written form, so each is encoded; the others are shown as stored.
    path = tmp_path / "p.json"
    full = {f.name: (f.default.value if f.type == schema.STATUS else [] if f.type == schema.LIST
                     else None if f.type in (schema.DATE, schema.PROBABILITY) else "")
            for f in schema.SCHEMA["prediction"]}
    written = {**full, "claim": "It will rain", "author": "A", "forecaster": "A", "made_on": "2025-01", "resolve_by": "2027",
               "history": [{"at": "2026-01-02T03:04:05Z", "action": "status", "from": "pending",
                            "to": "refuted", "note": "", "evidence": ["https://e.org/1"], "known_on": "2026-01"}]}
    _file(path, {
        "written": written,
        "no-tags": {k: v for k, v in written.items() if k != "tags"},
        "no-forecaster": {**written, "forecaster": ""},
        "short-entry": {**written, "history": [{"at": "2026-01-02T03:04:05Z", "action": "status",
                                                "from": "pending", "to": "refuted"}]},
    })
    assert main(["--db", str(path), "list", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    expected = [encode_record(r) for r in sorted(Store(path).load().predictions.values(), key=lambda r: r.id)]
    assert sorted(printed, key=lambda r: r["id"]) == expected
    by_id = {r["id"]: r for r in printed}
    assert by_id["no-tags"]["tags"] == [] and by_id["no-forecaster"]["forecaster"] == "A"
    assert by_id["short-entry"]["history"][0]["evidence"] == [] and by_id["short-entry"]["history"][0]["note"] == ""


def test_a_file_tracker_wrote_is_printed_without_encoding_its_records_again(tmp_path, capsys, monkeypatch):
    from tracker.actions import records as actions
    from tracker.store import transaction

    path = tmp_path / "p.json"
    store = Store(path)
    actions.add_article(store, title="An article", author="Andrew Korybko", published="2025-01-10", record_id="art")
    for n in range(5):
        actions.add_prediction(store, claim=f"Claim {n}", probability="0.7", resolve_by="2026", article="art",
                               record_id=f"p{n}")
    actions.mark(store, "p1", "refuted", known_on="2025-06")
    encoded = []
    monkeypatch.setattr(transaction, "encode_record", lambda r: encoded.append(r.id) or encode_record(r))
    for argv in (["list", "--json"], ["review", "--json", "--today", "2027-01-01"], ["export", "--format", "json"]):
        assert main(["--db", str(path), *argv]) == 0
        assert "p3" in capsys.readouterr().out
    assert encoded == []
