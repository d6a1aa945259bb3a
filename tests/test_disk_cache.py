"""The decoded-database cache (tracker/diskcache.py): a read of bytes decoded before parses no
JSON, and a cache that does not match the bytes (stale, corrupt, another file's, unreadable,
unwritable) is never used and never an error."""

from __future__ import annotations

import os
import pickle

import pytest

from conftest import ARTICLE, CONFIRMED, PENDING, run_tracker
from tracker.actions import records as actions
from tracker.domain import codec
from tracker.store import diskcache
from tracker.store import store as storage
from tracker.domain.model import Status
from tracker.store.snapshots import forget
from tracker.store.store import Store


@pytest.fixture(autouse=True)
def _cache_every_size(monkeypatch):
    """The sample file is small; cache it anyway (the real threshold only skips tiny files)."""
    monkeypatch.setattr(diskcache, "MIN_BYTES", 0)


def _fresh_load(path):
    """What a new process would read (this process's memory of the file dropped)."""
    forget()
    return Store(path).load()


def _decoded_without_cache(path, monkeypatch):
    with monkeypatch.context() as m:
        m.setattr(diskcache, "load", lambda *args, **kwargs: None)
        return _fresh_load(path)


def test_a_new_process_reads_a_cached_file_without_decoding_it(sample_db, decodes, monkeypatch):
    expected = _decoded_without_cache(sample_db, monkeypatch)
    decodes.clear()
    assert _fresh_load(sample_db) == expected
    assert decodes == []


def test_results_with_and_without_the_cache_are_identical(sample_db, monkeypatch, capsys):
    from tracker.cli.main import main
    _fresh_load(sample_db)  # the cache now holds this file
    outputs = []
    for use_cache in (True, False):
        with monkeypatch.context() as m:
            if not use_cache:
                m.setattr(diskcache, "load", lambda *args, **kwargs: None)
            for args in (["list", "--json"], ["score", "--json"], ["review", "--json"], ["show", PENDING]):
                forget()
                assert main(["--db", str(sample_db), *args]) == 0
            outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] and PENDING in outputs[0]


def test_a_write_refreshes_the_cache_for_the_next_process(sample_db, decodes):
    actions.mark(Store(sample_db), PENDING, "confirmed", known_on="2025-06")
    decodes.clear()
    assert _fresh_load(sample_db).predictions[PENDING].status is Status.CONFIRMED
    assert decodes == []


def test_a_file_changed_by_hand_at_the_same_size_and_time_is_read_again(sample_db):
    _fresh_load(sample_db)
    before = os.stat(sample_db)
    data = sample_db.read_bytes()
    changed = data.replace(b"Poland will not accept the inspections", b"Poland will NOT accept the inspections")
    assert changed != data and len(changed) == len(data)
    with open(sample_db, "r+b") as f:  # in place: same inode, same size
        f.write(changed)
    os.utime(sample_db, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(sample_db).st_mtime_ns == before.st_mtime_ns
    assert _fresh_load(sample_db).predictions[PENDING].claim == "Poland will NOT accept the inspections"


def test_a_change_by_another_process_is_not_hidden_by_the_cache(sample_db):
    _fresh_load(sample_db)
    run = run_tracker("--db", str(sample_db), "mark", PENDING, "refuted", "--on", "2025-06",
                      cwd=sample_db.parent)
    assert run.returncode == 0, run.stderr
    assert _fresh_load(sample_db).predictions[PENDING].status is Status.REFUTED


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "changed text"])
def test_a_corrupt_cache_is_ignored(sample_db, decodes, damage):
    expected = _fresh_load(sample_db)
    entries = [e for e in (diskcache.entry_path(sample_db), diskcache.entry_path(sample_db, delta=True))
               if e.exists()]
    for entry in entries:  # the full entry, and the delta the last write left over it
        data = entry.read_bytes()
        entry.write_bytes({"truncated": data[: len(data) // 2], "garbage": b"\x80\x05not a pickle",
                           "empty": b"", "changed text": data.replace(b"Trump will not", b"Trump will NOT")}[damage])
    assert entries and (damage != "changed text" or any(b"Trump will NOT" in e.read_bytes() for e in entries))
    decodes.clear()
    assert _fresh_load(sample_db) == expected
    assert len(decodes) == len(expected)  # decoded from the file again


def test_a_cache_of_another_files_content_is_ignored(sample_db, tmp_path):
    _fresh_load(sample_db)
    other = tmp_path / "other.json"
    other.write_bytes(sample_db.read_bytes().replace(b"Poland will not", b"Hungary will not"))
    diskcache.entry_path(other).write_bytes(diskcache.entry_path(sample_db).read_bytes())
    assert _fresh_load(other).predictions[PENDING].claim.startswith("Hungary")


def test_a_cache_entry_is_data_never_code(sample_db, tmp_path):
    _fresh_load(sample_db)
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    diskcache.entry_path(sample_db).write_bytes(pickle.dumps(Evil()))
    assert _fresh_load(sample_db).predictions[PENDING].claim == "Poland will not accept the inspections"
    assert not marker.exists()


def test_an_unwritable_cache_folder_changes_nothing_but_speed(sample_db, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker / "cache"))
    assert _fresh_load(sample_db).predictions[CONFIRMED].status is Status.CONFIRMED
    actions.mark(Store(sample_db), PENDING, "confirmed", known_on="2025-06")
    assert _fresh_load(sample_db).predictions[PENDING].status is Status.CONFIRMED


def test_a_file_in_a_read_only_folder_is_read_and_cached(sample_db, decodes):
    folder = sample_db.parent
    folder.chmod(0o555)
    try:
        _fresh_load(sample_db)
        decodes.clear()
        assert _fresh_load(sample_db).predictions[PENDING].status is Status.PENDING
        assert decodes == []
    finally:
        folder.chmod(0o755)


def test_a_duplicate_key_is_still_refused_when_the_file_was_read_from_the_cache(sample_db):
    data = sample_db.read_text("utf-8")
    start = data.index(f'"{PENDING}": {{')
    sample_db.write_text(data[:start] + f'"{PENDING}": {{}},\n    ' + data[start:], "utf-8")
    _fresh_load(sample_db)  # a read does not look for duplicate keys; the cache records that it did not
    forget()
    with pytest.raises(storage.StoreError, match="appears more than once"):
        actions.mark(Store(sample_db), PENDING, "confirmed", known_on="2025-06")


def test_a_mark_writes_a_small_delta_and_the_next_process_still_decodes_nothing(sample_db, decodes):
    _fresh_load(sample_db)
    full = diskcache.entry_path(sample_db).read_bytes()
    actions.mark(Store(sample_db), PENDING, "confirmed", known_on="2025-06")
    forget()
    actions.mark(Store(sample_db), CONFIRMED, "void", note="moot")
    assert diskcache.entry_path(sample_db).read_bytes() == full  # only the delta was written
    decodes.clear()
    database = _fresh_load(sample_db)
    assert decodes == []
    assert database.predictions[PENDING].status is Status.CONFIRMED
    assert database.predictions[CONFIRMED].status is Status.VOID


def test_a_delta_over_a_replaced_full_entry_is_not_used(sample_db):
    _fresh_load(sample_db)
    actions.mark(Store(sample_db), PENDING, "confirmed", known_on="2025-06")  # a delta over that entry
    wrong = _fresh_load(sample_db)
    wrong.articles[ARTICLE].title = "not what the file says"  # in the full entry (the first write)
    # Another process replaces the full entry (for other bytes): the delta no longer has its base.
    diskcache.save(sample_db, storage.file_signature(sample_db), 12345, wrong, None)
    database = _fresh_load(sample_db)
    assert database.articles[ARTICLE].title == "Poland and Belarus"
    assert database.predictions[PENDING].status is Status.CONFIRMED


def test_a_cached_load_reports_its_progress_chunk_by_chunk(sample_db, monkeypatch):
    monkeypatch.setattr(diskcache, "CHUNK", 2)  # the sample's handful of records in several chunks
    for entry in (diskcache.entry_path(sample_db), diskcache.entry_path(sample_db, delta=True)):
        entry.unlink(missing_ok=True)  # building the sample left a delta: cache the file whole
    expected = _fresh_load(sample_db)
    forget()
    ticks = []
    assert Store(sample_db, tick=lambda done, total: ticks.append((done, total))).load() == expected
    total = len(expected)
    assert len(ticks) >= total // 2 and ticks[-1] == (total, total)
    assert [done for done, _ in ticks] == sorted({done for done, _ in ticks})  # every chunk moves it on


def _entries():
    return sorted(p.name for p in diskcache.cache_folder().iterdir())


def test_entries_of_a_deleted_database_are_pruned_when_another_file_is_cached(sample_db, tmp_path):
    gone = tmp_path / "gone.json"
    gone.write_bytes(sample_db.read_bytes())
    _fresh_load(gone)
    assert diskcache.entry_path(gone).exists()
    gone.unlink()
    kept = diskcache.entry_path(sample_db)
    kept.unlink(missing_ok=True)
    _fresh_load(sample_db)  # writes a full entry, and prunes
    assert not diskcache.entry_path(gone).exists()
    assert kept.exists() and diskcache.prune() == 0  # a live database's entry stays


def test_a_delta_whose_full_entry_was_replaced_is_pruned(sample_db):
    _fresh_load(sample_db)
    actions.mark(Store(sample_db), PENDING, "confirmed", known_on="2025-06")
    delta = diskcache.entry_path(sample_db, delta=True)
    assert delta.exists() and diskcache.prune() == 0  # it builds on the full entry: kept
    diskcache.save(sample_db, storage.file_signature(sample_db), 12345, _fresh_load(sample_db), None)
    assert not delta.exists()  # its base was replaced: no read can use it
    assert _fresh_load(sample_db).predictions[PENDING].status is Status.CONFIRMED


def test_pruning_leaves_a_writers_fresh_temp_file_and_removes_an_abandoned_one(sample_db):
    _fresh_load(sample_db)
    entry = diskcache.entry_path(sample_db)
    fresh = entry.parent / f".{entry.name}.abc123.tmp"
    old = entry.parent / f".{entry.name}.def456.tmp"
    other = entry.parent / "notes.txt"
    for path in (fresh, old, other):
        path.write_bytes(b"partial")
    hour_ago = os.stat(old).st_mtime - diskcache.STALE_TEMP_SECONDS - 60
    os.utime(old, (hour_ago, hour_ago))
    assert diskcache.prune() == 1
    assert fresh.exists() and other.exists() and not old.exists() and entry.exists()


def test_an_entry_of_another_format_is_pruned(sample_db, monkeypatch):
    _fresh_load(sample_db)
    with monkeypatch.context() as m:  # as an older tracker wrote it
        m.setattr(diskcache, "FORMAT", diskcache.FORMAT - 1)
        diskcache.save(sample_db, storage.file_signature(sample_db), 1, _fresh_load(sample_db), None)
    assert diskcache.entry_path(sample_db).exists()
    assert diskcache.prune() >= 1 and not diskcache.entry_path(sample_db).exists()


def test_pruning_never_removes_an_entry_a_writer_put_in_place_after_it_was_judged(sample_db, tmp_path, monkeypatch):
    gone = tmp_path / "gone.json"
    gone.write_bytes(sample_db.read_bytes())
    _fresh_load(gone)
    gone.unlink()
    entry = diskcache.entry_path(gone)
    layout_note = entry.with_suffix(".canonical")  # noted beside the entry; pruned with the database gone
    texts = entry.with_suffix(".json")  # the records' --json text, written with the entry; pruned too
    assert layout_note.exists() and texts.exists()
    judge = diskcache._judge

    def judge_then_a_writer_renames_a_new_entry_in(path):
        verdict = judge(path)
        if path == entry:
            fresh = entry.with_name(".fresh.tmp")
            fresh.write_bytes(entry.read_bytes())
            os.replace(fresh, entry)
        return verdict

    monkeypatch.setattr(diskcache, "_judge", judge_then_a_writer_renames_a_new_entry_in)
    assert diskcache.prune() == 2 and entry.exists() and not layout_note.exists() and not texts.exists()


def test_a_fifo_in_the_cache_folder_is_passed_over_not_waited_on(sample_db, tmp_path):
    import threading

    for entry in (diskcache.entry_path(sample_db), diskcache.entry_path(sample_db, delta=True),
                  diskcache.entry_path(sample_db).with_suffix(".canonical"),
                  diskcache.entry_path(tmp_path / "other.json")):
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.unlink(missing_ok=True)
        os.mkfifo(entry)
    done = {}

    def work():
        done["pending"] = _fresh_load(sample_db).predictions[PENDING].status  # reads, then prunes
        actions.mark(Store(sample_db), PENDING, "confirmed")
        done["after"] = _fresh_load(sample_db).predictions[PENDING].status

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "a FIFO named like a cache entry blocked tracker"
    assert done == {"pending": Status.PENDING, "after": Status.CONFIRMED}


def test_the_first_screen_of_a_deleted_database_is_pruned_with_its_entry(sample_db, tmp_path):
    gone = tmp_path / "gone.json"
    gone.write_bytes(sample_db.read_bytes())
    _fresh_load(gone)
    _fresh_load(sample_db)
    firsts = [diskcache.entry_path(p).with_suffix(".first") for p in (gone, sample_db)]
    for first in firsts:  # as the TUI leaves them (tracker/tui/firstscreen.py)
        first.write_bytes(b'{"key": [], "rows": []}')
    gone.unlink()
    kept = diskcache.entry_path(sample_db)
    kept.unlink()
    _fresh_load(sample_db)  # writes a full entry, and prunes
    assert not firsts[0].exists()
    assert firsts[1].exists() and diskcache.prune() == 0  # a live database's first screen stays


def test_every_kind_of_history_entry_comes_back_from_the_cache_as_it_was(sample_db):
    from tracker.domain.dates import PDate
    from tracker.domain.model import HistoryEntry
    from tracker.store.snapshots import file_signature

    database = _fresh_load(sample_db)
    day, month = PDate(2025, 6, 1), PDate(2025, 7)
    entries = [
        HistoryEntry(at="2025-06-01T00:00:00Z", action="status", from_status="pending", to_status="confirmed",
                     note="記事 [b]x[/b]", evidence=["https://example.org/a", "b"], known_on=month, by="ann"),
        HistoryEntry(at="2025-06-02T00:00:00Z", action="snooze", until=day, note="wait"),
        HistoryEntry(at="2025-06-03T00:00:00Z", action="dispute", field="resolve_by",
                     values=[{"value": month, "by": "ann"}, {"value": day, "by": "bob"}]),
        HistoryEntry(at="2025-06-04T00:00:00Z", action="settle", field="resolve_by", new=day, note="agreed"),
        HistoryEntry(at="2025-06-05T00:00:00Z", action="edit", field="tags", old=["a"], new=["a", "b"]),
    ]
    for table in (database.articles, database.events, database.predictions):
        for record in table.values():
            record.history = list(entries)
    signature = file_signature(sample_db)
    assert diskcache.save(sample_db, signature, 7, database, None) is not None
    loaded, _, _ = diskcache.load(sample_db, signature, 7)
    assert loaded == database
    first = next(iter(loaded.predictions.values()))
    assert type(first.history[0]) is HistoryEntry and first.history[2].values[1]["value"] == day
