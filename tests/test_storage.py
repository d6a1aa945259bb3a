"""The predictions file: atomic writes, locking across processes, refusing corrupt files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

from conftest import CONFIRMED, PENDING, build_sample, run_tracker
from tracker.actions import records as actions
from tracker.domain.dates import PDate
from tracker.domain.fields import FieldError
from tracker.domain.model import Event, Status
from tracker.store.layout import StoreError
from tracker.store.store import Store, atomic_write


def _files_in(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---- atomic writes --------------------------------------------------------------

def test_crash_before_rename_keeps_the_old_file_intact(sample_db, monkeypatch):
    before = sample_db.read_bytes()
    files_before = _files_in(sample_db.parent)

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(StoreError) as caught:
        actions.mark(Store(sample_db), PENDING, "refuted", known_on="2025-06")
    monkeypatch.undo()

    assert str(sample_db) in str(caught.value)
    assert sample_db.read_bytes() == before
    assert _files_in(sample_db.parent) == files_before   # no temp file left behind
    assert Store(sample_db).load().predictions[PENDING].status is Status.PENDING


def test_interrupted_write_removes_its_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "data.json"
    target.write_bytes(b"old contents\n")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, b"new contents\n")
    monkeypatch.undo()

    assert target.read_bytes() == b"old contents\n"
    assert _files_in(tmp_path) == ["data.json"]


def test_successful_write_leaves_only_the_database(sample_db):
    actions.mark(Store(sample_db), PENDING, "refuted", known_on="2025-06")
    assert _files_in(sample_db.parent) == [sample_db.name]   # no temp or lock file


def test_write_keeps_the_file_permissions(sample_db):
    os.chmod(sample_db, 0o600)
    actions.mark(Store(sample_db), PENDING, "refuted", known_on="2025-06")
    assert sample_db.stat().st_mode & 0o777 == 0o600


# ---- concurrency ----------------------------------------------------------------

def _db_with_predictions(path, count: int) -> list[str]:
    store = Store(path)
    ids = [f"p{i:02d}" for i in range(count)]
    for record_id in ids:
        actions.add_prediction(store, record_id=record_id, claim=f"Claim {record_id}",
                               probability="0.6", made_on="2025-01", resolve_by="2025-12")
    return ids


# Each worker imports everything, says it is ready, then waits for the gate: without the gate
# one worker would finish before the other started and a missing lock would go unnoticed.
WORKER = textwrap.dedent("""
    import os, sys, time
    from tracker.cli.main import main
    db, gate, ids = sys.argv[1], sys.argv[2], sys.argv[3:]
    open(gate + ".ready." + ids[0], "w").close()
    deadline = time.monotonic() + 30
    while not os.path.exists(gate) and time.monotonic() < deadline:
        time.sleep(0.001)
    for record_id in ids:
        code = main(["--db", db, "mark", record_id, "confirmed", "--on", "2025-06",
                     "--note", "by worker " + record_id])
        if code != 0:
            sys.exit(code)
""")


def test_two_processes_marking_different_predictions_lose_nothing(tmp_path):
    path = tmp_path / "shared.json"
    ids = _db_with_predictions(path, 20)
    gate = tmp_path / "gate"
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(path), str(gate), *ids[half::2]],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for half in (0, 1)]
    deadline = time.monotonic() + 30
    while len(list(tmp_path.glob("gate.ready.*"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.005)
    gate.touch()
    for worker in workers:
        _, err = worker.communicate(timeout=60)
        assert worker.returncode == 0, err

    db = Store(path).load()
    for record_id in ids:
        prediction = db.predictions[record_id]
        assert prediction.status is Status.CONFIRMED, record_id
        assert [(h.from_status, h.to_status, h.note) for h in prediction.history] == [
            ("pending", "confirmed", f"by worker {record_id}")]


def test_many_cli_marks_at_once_are_all_kept(tmp_path):
    path = tmp_path / "shared.json"
    ids = _db_with_predictions(path, 10)
    procs = [subprocess.Popen([sys.executable, "-m", "tracker", "--db", str(path), "mark", record_id,
                               "refuted", "--on", "2025-07"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for record_id in ids]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    db = Store(path).load()
    assert {p.id for p in db.predictions.values() if p.status is Status.REFUTED} == set(ids)
    assert all(len(db.predictions[i].history) == 1 for i in ids)


# ---- corrupt files ----------------------------------------------------------------

GOOD_META = {"schema": {"schema_version": 1}}
BAD_FIELD = {"meta": GOOD_META, "predictions": {"x": {
    "claim": "X", "probability": "very", "made_on": "2025-01", "resolve_by": "2025-12"}}}

CORRUPT_FILES = {
    "not JSON": b"{this is not json",
    "empty file": b"",
    "top level is a list": b"[]",
    "wrong schema_version": json.dumps({"meta": {"schema": {"schema_version": 2}}}).encode(),
    "no schema_version": json.dumps({"predictions": {}}).encode(),
    "unknown table": json.dumps({"meta": GOOD_META, "_default": {}}).encode(),
    "table is not an object": json.dumps({"meta": GOOD_META, "events": []}).encode(),
    "record with a bad field": json.dumps(BAD_FIELD).encode(),
}

SCHEMA_NOT_AN_OBJECT = pytest.param(
    json.dumps({"meta": {"schema": 1}}).encode(), id="meta.schema is not an object")


@pytest.mark.parametrize("content", [*CORRUPT_FILES.values(), SCHEMA_NOT_AN_OBJECT],
                         ids=[*CORRUPT_FILES, "meta.schema is not an object"])
def test_loading_a_corrupt_file_names_the_file(tmp_path, content):
    path = tmp_path / "corrupt.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as caught:
        Store(path).load()
    assert str(path) in str(caught.value)




@pytest.mark.parametrize(
    "name",
    list(CORRUPT_FILES),
)
def test_a_transaction_on_a_corrupt_file_never_writes(tmp_path, name):
    path = tmp_path / "corrupt.json"
    path.write_bytes(CORRUPT_FILES[name])
    new_event = Event(id="e1", date=PDate(2025, 5), title="Something happened")
    with pytest.raises(StoreError) as caught:
        with Store(path).transaction() as session:
            session.put(new_event)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == CORRUPT_FILES[name]
    assert _files_in(tmp_path) == ["corrupt.json"]


def test_marking_an_invalid_record_is_refused_and_writes_nothing(tmp_path):
    path = tmp_path / "corrupt.json"
    path.write_bytes(json.dumps(BAD_FIELD).encode())
    before = path.read_bytes()
    with pytest.raises(StoreError, match="probability"):
        actions.mark(Store(path), "x", "confirmed", known_on="2025-06")
    assert path.read_bytes() == before


@pytest.mark.parametrize("value", [2025, None])
def test_a_stored_date_that_is_not_text_is_named(tmp_path, value):
    path = tmp_path / "corrupt.json"
    doc = {**BAD_FIELD["predictions"]["x"], "probability": 0.6, "made_on": value}
    path.write_text(json.dumps({"meta": GOOD_META, "predictions": {"x": doc}}), "utf-8")
    with pytest.raises(StoreError, match=r"predictions\[x\]\.made_on"):
        Store(path).load()


@pytest.mark.parametrize("value", [["2025"], {"y": 2025}], ids=["list", "object"])
def test_a_stored_date_that_is_a_list_or_object_is_named(tmp_path, value):
    path = tmp_path / "corrupt.json"
    doc = {**BAD_FIELD["predictions"]["x"], "probability": 0.6, "made_on": value}
    path.write_text(json.dumps({"meta": GOOD_META, "predictions": {"x": doc}}), "utf-8")
    with pytest.raises(StoreError, match=r"predictions\[x\]\.made_on"):
        Store(path).load()


def test_validate_names_the_bad_field_of_a_corrupt_record(tmp_path):
    path = tmp_path / "corrupt.json"
    path.write_bytes(json.dumps(BAD_FIELD).encode())
    _, problems = Store(path).read().decode_all()
    assert problems == ["predictions[x].probability: must be a number, not 'very'"]


# ---- the file format ---------------------------------------------------------

def test_written_file_is_readable_utf8_sorted_and_indented(sample_db):
    raw = sample_db.read_bytes()
    text = raw.decode("utf-8")
    assert "山田 太郎" in text and "日銀" in text          # Japanese unescaped
    assert "\\u" not in text
    assert text.startswith("{\n  \"")                       # indented
    assert text.endswith("}\n")

    def check_sorted(pairs):
        keys = [k for k, _ in pairs]
        assert keys == sorted(keys)
        return dict(pairs)

    json.loads(text, object_pairs_hook=check_sorted)       # keys sorted at every level


def test_writing_the_same_records_in_any_order_gives_identical_bytes(tmp_path):
    source = Store(build_sample(tmp_path / "source.json")).load()
    records = source.records()
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    with Store(first).transaction() as session:
        for record in records:
            session.put(record)
    with Store(second).transaction() as session:
        for record in reversed(records):
            session.put(record)
    assert first.read_bytes() == second.read_bytes()
    assert first.read_bytes() == (tmp_path / "source.json").read_bytes()


def test_rewriting_unchanged_records_keeps_the_bytes(sample_db):
    before = sample_db.read_bytes()
    db = Store(sample_db).load()
    with Store(sample_db).transaction() as session:
        session.put(db.predictions[CONFIRMED])
    assert sample_db.read_bytes() == before


def test_adding_to_a_path_with_no_file_creates_it(missing_db):
    actions.add_event(Store(missing_db), record_id="e1", date="2025-05", title="Election")
    assert missing_db.exists()
    stored = json.loads(missing_db.read_text("utf-8"))
    assert stored["meta"] == {"schema": {"schema_version": 1}}
    assert Store(missing_db).load().events["e1"].date == PDate(2025, 5)


def test_adding_into_a_missing_folder_is_refused(tmp_path):
    path = tmp_path / "no-such-folder" / "db.json"
    with pytest.raises(StoreError, match="does not exist"):
        actions.add_event(Store(path), record_id="e1", date="2025-05", title="Election")
    assert not path.parent.exists()


def test_refused_action_on_a_new_path_creates_no_file(missing_db):
    # The refusal is an ActionError or (since the TUI forms) a FieldError naming the field.
    with pytest.raises((actions.ActionError, FieldError), match="no article 'missing'"):
        actions.add_event(Store(missing_db), date="2025-05", title="Election", articles=["missing"])
    assert not missing_db.exists()


def test_loading_a_missing_file_says_how_to_create_one(missing_db):
    with pytest.raises(StoreError, match="tracker add"):
        Store(missing_db).load()


def test_cli_mark_on_a_corrupt_file_leaves_it_untouched(tmp_path):
    path = tmp_path / "corrupt.json"
    path.write_bytes(CORRUPT_FILES["wrong schema_version"])
    result = run_tracker("--db", str(path), "mark", "x", "confirmed", cwd=tmp_path)
    assert result.returncode == 1
    assert "schema_version" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == CORRUPT_FILES["wrong schema_version"]


# ---- TinyDB is the engine --------------------------------------------------------

def test_reads_and_writes_go_through_tinydb_and_write_once(tmp_path, monkeypatch):
    """A transaction is a TinyDB over the file (the records' ids are its document ids), and
    however many records a command changes, the file is written once, at the end."""
    from tinydb import TinyDB

    from tracker.exchange import importing
    from tracker.store.storage import FileStorage

    path = tmp_path / "db.json"
    build_sample(path)
    with Store(path).transaction() as transaction:
        assert isinstance(transaction.db, TinyDB)
        assert transaction.table("prediction").get(doc_id=PENDING) is not None
        assert transaction.find(PENDING).id == PENDING
    writes = []
    real = FileStorage.write
    monkeypatch.setattr(FileStorage, "write", lambda self, data: (writes.append(1), real(self, data)))
    events = [Event(id=f"event-{i}", date=PDate(2025, 5), title=f"Event {i}") for i in range(50)]
    importing.import_records(Store(path), events, note="fifty at once")
    assert len(writes) == 1
    assert len(Store(path).load().events) >= 50


def test_a_read_never_writes_and_leaves_no_file_behind(sample_db):
    before, files = sample_db.read_bytes(), _files_in(sample_db.parent)
    read = Store(sample_db).read()
    read.database()
    assert sample_db.read_bytes() == before and _files_in(sample_db.parent) == files


def test_a_transaction_that_changes_nothing_writes_nothing(sample_db):
    stat = os.stat(sample_db)
    with Store(sample_db).transaction() as transaction:
        transaction.find(PENDING)
    assert os.stat(sample_db).st_mtime_ns == stat.st_mtime_ns and os.stat(sample_db).st_ino == stat.st_ino


def test_the_collector_is_back_on_after_a_read_even_when_it_fails(tmp_path):
    import gc

    bad = tmp_path / "bad.json"
    bad.write_text("{ not json", "utf-8")
    assert gc.isenabled()
    with pytest.raises(StoreError):
        Store(bad).load()
    assert gc.isenabled()


def test_a_value_that_cannot_be_encoded_is_one_clear_error_and_the_file_is_unchanged(tmp_path):
    from tracker.store.layout import StoreError
    from tracker.store.store import Store
    from tracker.actions import records as actions
    import pytest

    path = tmp_path / "db.json"
    actions.add_article(Store(path), title="T", author="A B", published="2024-01-01", record_id="a")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="cannot be stored as JSON"):
        with Store(path).transaction() as session:
            session.table("article").put_many({"b": {"title": "bad \udcff"}})
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.json"]


def test_the_collector_comes_back_only_when_the_last_of_several_threads_is_done():
    """The TUI reads in one thread while it writes in another: the first to finish must not turn
    the collector back on in the middle of the other's read."""
    import gc
    import threading

    from tracker.store.storage import collector_paused

    assert gc.isenabled()
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)
            seen["during"] = gc.isenabled()
        seen["after"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"during": False, "after": True}


@pytest.mark.parametrize("beside_screen", [False, True])  # a table at a time, or a record at a time
def test_a_database_taken_from_a_transaction_keeps_its_records_after_it(sample_db, beside_screen):
    with Store(sample_db, beside_screen=beside_screen).transaction() as transaction:
        held = transaction.database()
        predictions = transaction.database().predictions  # a table of it, kept on its own
        documents = transaction.table("prediction").raw()
        count, some = len(held), len(predictions)
    assert count and len(held) == count  # the transaction let go of its copy, not of this one
    assert some and len(predictions) == some
    assert not documents  # the file's documents it did let go of
    with Store(sample_db, beside_screen=beside_screen).reading() as read:
        table = read.database().predictions
    assert len(table) == some


def test_the_tuis_store_lets_go_a_record_at_a_time(tmp_path, sample_db):
    from tracker.tui.app import TrackerApp

    assert TrackerApp(sample_db).session.store.beside_screen


def test_the_collector_is_back_on_after_a_transaction_that_fails(tmp_path, sample_db):
    import gc

    with pytest.raises(RuntimeError):
        with Store(sample_db).transaction():
            assert not gc.isenabled()
            raise RuntimeError("the body failed")
    assert gc.isenabled()


@pytest.mark.parametrize("command", [["list", "--json"], ["review", "--json"], ["export", "--format", "json"],
                                     ["export", "--format", "csv"]])
def test_the_collector_is_on_again_after_a_command_writes_its_output(sample_db, command, monkeypatch, capsys):
    """A read command runs with the collector paused once, from its read to its output (no
    rescans of the records it holds while it builds a dict per record), and only for that long."""
    import gc

    from tracker.cli.main import main

    seen = []
    real = gc.disable
    monkeypatch.setattr(gc, "disable", lambda: (seen.append("off"), real())[1])
    monkeypatch.setattr("sys.argv", ["tracker", "--db", str(sample_db), *command])
    assert main() == 0
    assert capsys.readouterr().out
    assert gc.isenabled() and seen == ["off"]  # paused once: the read and the output inside it
