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
from tracker.store.store import Store

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
    doc = {"claim": "X will happen", "made_on": "2025-01", "resolve_by": "2025-06", "forecaster": "ann", **more}
    doc["status"] = status
    return doc


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


# From an adversarial review: what the stored test cannot read is decoded, as a full read does.

def _run(monkeypatch, capsys, *argv):
    monkeypatch.setattr("sys.argv", ["tracker", *map(str, argv)])
    code = main()
    out = capsys.readouterr()
    return code, out.out, out.err


# ---- 1. a stored status that is not a status value: skipped unread, not refused -----------------

@pytest.mark.parametrize("status", ["Pending", None, 1, "pending "])
@pytest.mark.parametrize("wanted", ["pending", "overdue"])
def test_list_by_status_refuses_a_prediction_whose_stored_status_it_cannot_read(
        tmp_path, monkeypatch, capsys, status, wanted):
    db = tmp_path / "p.json"
    _write(db, {"ok": _pred("pending"), "odd": _pred(status)})
    code, _, err = _run(monkeypatch, capsys, "--db", db, "list")
    assert code == 1 and "predictions[odd].status" in err  # a full read refuses the file
    # The filter cannot tell whether `odd` is pending: it must be decoded (and refused), as
    # `list` does, not silently left out of the listing.
    code, out, err = _run(monkeypatch, capsys, "--db", db, "list", "--status", wanted, "--json")
    assert (code, out) == (1, "") and "predictions[odd].status" in err


@pytest.mark.parametrize("status", ["Pending", None, 1])
def test_review_refuses_a_prediction_whose_stored_status_it_cannot_read(tmp_path, monkeypatch, capsys, status):
    db = tmp_path / "p.json"
    judged = {"action": "status", "at": "2025-07-01T00:00:00Z", "from": "pending", "to": "confirmed",
              "known_on": "2025-06-30"}
    _write(db, {"ok": _pred("pending"), "odd": _pred(status, history=[judged])})
    code, out, err = _run(monkeypatch, capsys, "--db", db, "review", "--today", "2026-01-01", "--json")
    assert (code, out) == (1, "") and "predictions[odd].status" in err


# ---- 2. an ISO week-date timestamp: its first ten characters are not its day ---------------------

WEEK_STAMPED = _pred("confirmed", made_on="2020-06", resolve_by="2020-12",
                     history=[{"action": "status", "at": "2020-W53-7T12:00:00", "from": "pending",
                               "to": "confirmed"}])  # 2021-01-03 (naive: that day wherever it is read)


def test_a_judgement_stamped_as_an_iso_week_date_stays_a_candidate_until_its_day():
    assert dt.datetime.fromisoformat(WEEK_STAMPED["history"][0]["at"]).date() == dt.date(2021, 1, 3)
    assert stored_candidates(dt.date(2021, 1, 2))("prediction", WEEK_STAMPED)


def test_review_shows_what_a_full_read_shows_for_a_week_date_stamp(tmp_path, monkeypatch, capsys):
    db = tmp_path / "p.json"
    _write(db, {"wk": WEEK_STAMPED})
    today = dt.date(2021, 1, 2)
    full = review_queue(Store(db).load(), today)
    assert [p.id for p in full.due] == ["wk"]  # judged only on 3 January: still pending on the 2nd
    code, out, _ = _run(monkeypatch, capsys, "--db", db, "review", "--today", today.isoformat(), "--json")
    assert code == 0 and [p["id"] for p in json.loads(out)["due"]] == ["wk"]


# ---- score --author: one forecaster's predictions decoded ---------------------------------------

def test_score_by_author_over_the_kept_documents_is_over_all():
    from tracker.scoring.scores import select as choose, stored_test as author_test
    from tracker.domain.model import Prediction
    from tracker.domain.dates import PDate

    people = [("Ann Lee", ""), ("", "Ann Lee"), ("", ""), ("Bob", "Ann Lee"), ("ANNA", "x"), ("Zed", "")]
    db = Database(predictions={f"p{i}": Prediction(id=f"p{i}", claim="X will happen", made_on=PDate(2025),
                                                   resolve_by=PDate(2026), forecaster=f, author=a)
                               for i, (f, a) in enumerate(people)})
    for author in ["ann", "ANN LEE", " lee ", "bob", "zz", "a"]:
        want = choose(kept(db, None), author, dt.date(2026, 6, 1))
        assert choose(kept(db, author_test(author)), author, dt.date(2026, 6, 1)) == want
        assert want or author == "zz"


def test_score_by_author_decodes_only_that_forecasters_predictions(tmp_path, decoded, capsys, monkeypatch):
    db = tmp_path / "p.json"
    _write(db, {"ann1": _pred("confirmed", probability=0.7), "ann2": _pred("pending", forecaster="", author="ann"),
                "bob": _pred("refuted", forecaster="bob", probability=7)})  # bad, and not ann's
    code, out, err = _run(monkeypatch, capsys, "--db", db, "score", "--author", "ANN", "--json")
    assert code == 0 and json.loads(out)["n"] == 2
    assert {"ann1", "ann2"} <= set(decoded) and "bob" not in decoded
    # A name that matches nobody still lists every forecaster there is (all read, the bad one named).
    code, out, err = _run(monkeypatch, capsys, "--db", db, "score", "--author", "carol")
    assert code == 1 and "predictions[bob]" in err
    _write(db, {"ann1": _pred("confirmed", probability=0.7), "bob": _pred("refuted", forecaster="bob")})
    code, out, err = _run(monkeypatch, capsys, "--db", db, "score", "--author", "carol")
    assert code == 1 and "no forecaster matches 'carol'" in err and "ann" in err and "bob" in err


@pytest.mark.parametrize("name", [{"forecaster": 0}, {"forecaster": []}, {"forecaster": "", "author": 0}])
def test_score_by_author_refuses_a_name_that_is_not_text_as_a_full_read_does(tmp_path, capsys, monkeypatch, name):
    db = tmp_path / "p.json"
    _write(db, {"ann1": _pred("confirmed", probability=0.7), "odd": _pred("pending", **name)})
    code, out, err = _run(monkeypatch, capsys, "--db", db, "score", "--author", "ann", "--json")
    assert (code, out) == (1, "") and "predictions[odd]" in err
