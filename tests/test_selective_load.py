"""`list` and `review` decode only the records they may show, and show exactly what a full
read would (issue 18: decode what a command shows, not the whole file).

The tests compare, on generated databases, the result of the command's selection over every
record with its result over only the records the stored-document test keeps; then, through
the CLI, that a record the command cannot show is never decoded, and that one it can show is
still checked.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given

from tracker.domain.codec import decode_fields
from tracker.domain.encoding import encode_fields
from tracker.domain.model import KINDS, Database
from tracker.domain.query import Filter, select, stored_test
from tracker.domain.review import review_queue, stored_candidates
from tracker.cli.main import main
from tracker.store import transaction
from tracker.store.layout import empty_tables

from test_fast_selection import SETTINGS, databases, days, dense_database, filters, outcome


def kept(db: Database, keep) -> Database:
    """``db`` written out as stored documents and read back through ``keep``."""
    out = Database()
    for kind in KINDS:
        for record_id, record in db.table(kind).items():
            doc = encode_fields(record)
            if keep is None or keep(kind, doc):
                out.table(kind)[record_id] = decode_fields(kind, record_id, doc, record_id)
    return out


@SETTINGS
@given(databases(), filters, days)
def test_list_over_the_kept_documents_is_list_over_all(db, flt, today):
    whole = kept(db, None)
    assert outcome(lambda: select(kept(db, stored_test(flt)), flt, today)) == \
        outcome(lambda: select(whole, flt, today))


@SETTINGS
@given(databases(), days)
def test_review_over_the_kept_documents_is_review_over_all(db, today):
    assert review_queue(kept(db, stored_candidates(today)), today) == review_queue(kept(db, None), today)


@pytest.mark.parametrize("status", ["", "pending", "confirmed", "void", "overdue"])
@pytest.mark.parametrize("kinds", [set(), {"prediction"}, {"article", "event"}, {"event", "prediction"}])
def test_list_over_the_kept_documents_on_hundreds_of_records(kinds, status):
    db, today = dense_database(3), dt.date(2026, 1, 1)
    flt = Filter(kinds=kinds, status=status, search="t" if "event" in kinds else "")
    want = select(kept(db, None), flt, today)
    assert want or (status and "prediction" not in kinds and kinds)  # each case shows records
    assert select(kept(db, stored_test(flt)), flt, today) == want


@pytest.mark.parametrize("today", [dt.date(2025, 11, 15), dt.date(2026, 1, 1), dt.date(2026, 3, 1)])
def test_review_over_the_kept_documents_on_hundreds_of_records(today):
    db = dense_database(5)
    want = review_queue(kept(db, None), today)
    assert want.due and len(want) > 50
    assert review_queue(kept(db, stored_candidates(today)), today) == want


def test_a_judged_prediction_stays_a_candidate_while_it_may_be_known_after_today():
    test = stored_candidates(dt.date(2026, 3, 10))
    judged = {"status": "confirmed", "history": [
        {"action": "status", "at": "2026-03-09T23:00:00Z", "from": "pending", "to": "confirmed"}]}
    assert test("prediction", judged)  # written yesterday in UTC: perhaps today where the reader is
    judged["history"][0]["at"] = "2026-03-07T23:00:00Z"
    assert not test("prediction", judged)
    judged["history"][0]["known_on"] = "2026-04"  # known in April: after today
    assert test("prediction", judged)
    judged["history"][0]["known_on"] = "2026-03-10"
    assert not test("prediction", judged)
    assert test("prediction", {"status": "pending"}) and test("article", {})


@pytest.fixture
def decoded(monkeypatch) -> list[str]:
    """The ids of every record the store decoded from here on, by either of its decoders."""
    seen: list[str] = []
    clean, careful = transaction.clean_decoder, transaction.decode_fields

    def counting_clean(kind):
        decode = clean(kind)
        return lambda record_id, doc: (seen.append(record_id), decode(record_id, doc))[1]

    def counting_careful(kind, record_id, *args, **kwargs):
        seen.append(record_id)
        return careful(kind, record_id, *args, **kwargs)

    monkeypatch.setattr(transaction, "clean_decoder", counting_clean)
    monkeypatch.setattr(transaction, "decode_fields", counting_careful)
    return seen


def _write(path, predictions):
    tables = {**empty_tables(), "predictions": predictions}
    path.write_text(json.dumps(tables), encoding="utf-8")


def _pred(status, **more):
    return {"claim": "X will happen", "made_on": "2025-01", "resolve_by": "2025-06", "status": status,
            "forecaster": "ann", **more}


def test_list_decoded_only_what_its_filter_may_show(tmp_path, decoded, capsys, monkeypatch):
    db = tmp_path / "p.json"
    judged = {"action": "status", "at": "2025-07-01T00:00:00Z", "from": "pending", "to": "refuted"}
    _write(db, {"p1": _pred("pending"), "p2": _pred("refuted", history=[judged]),
                "bad": _pred("confirmed", probability=7)})  # a record `list --status pending` never shows
    monkeypatch.setattr("sys.argv", ["tracker", "--db", str(db), "list", "--status", "pending", "--json"])
    assert main() == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["p1"]
    assert "p1" in decoded and "p2" not in decoded and "bad" not in decoded
    # The same bad record where the filter may show it: named, nothing shown.
    monkeypatch.setattr("sys.argv", ["tracker", "--db", str(db), "list", "--status", "confirmed"])
    assert main() == 1
    err = capsys.readouterr().err
    assert "predictions[bad]" in err and "probability" in err


def test_review_decoded_no_prediction_judged_before_today(tmp_path, decoded, capsys, monkeypatch):
    db = tmp_path / "p.json"
    judged = {"action": "status", "at": "2025-07-01T00:00:00Z", "from": "pending", "to": "refuted",
              "known_on": "2025-06-30"}
    _write(db, {"due": _pred("pending"), "old": _pred("refuted", history=[judged])})
    monkeypatch.setattr("sys.argv", ["tracker", "--db", str(db), "review", "--today", "2026-01-01", "--json"])
    assert main() == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)["due"]] == ["due"]
    assert "due" in decoded and "old" not in decoded
    # As of a day before it was judged, the same prediction is decoded and due.
    monkeypatch.setattr("sys.argv", ["tracker", "--db", str(db), "review", "--today", "2025-06-15", "--json"])
    decoded.clear()
    assert main() == 0
    assert "old" in decoded
