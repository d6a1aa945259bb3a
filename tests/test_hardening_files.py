"""Hostile files and paths: outputs that are not files, databases that are not files, duplicate
keys, permissions, stale temp files, the lock (issue 8, items 1, 4, 5, 6, 10, 14)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import orjson
import pytest

from tests.conftest import PENDING, encoded
from tracker.store import guard as fileguard
from tracker.cli.main import main
from tracker.exchange.output import write_output
from tracker.store.locking import LockError, folder_lock
from tracker.store.store import Store, StoreError


def _refused(capsys, argv: list[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 1, err
    lines = err.strip().splitlines()
    assert lines[-1].startswith("tracker: error: ")
    return lines[-1]


# ---- item 1: export -o never renames over what is not a regular file ----------

def test_export_into_a_fifo_writes_into_it_and_keeps_it(sample_db, tmp_path, capsys):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["--db", str(sample_db), "export", "-o", str(fifo)]) == 0
    reader.join(10)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert len(orjson.loads(received[0])) == len(encoded(sample_db))


def test_export_through_a_symlink_writes_its_target_and_keeps_the_link(sample_db, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert main(["--db", str(sample_db), "export", "-o", str(link)]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert len(orjson.loads(target.read_bytes())) == len(encoded(sample_db))


def test_export_into_a_device_writes_in_place(sample_db, tmp_path):
    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # like /dev/null
    except (PermissionError, OSError):
        pytest.skip("cannot make a device node here")
    assert main(["--db", str(sample_db), "export", "-o", str(device)]) == 0
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_export_dash_writes_to_standard_output(sample_db, capsys):
    assert main(["--db", str(sample_db), "export", "--format", "csv", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("id,kind,")


def test_write_output_replaces_a_regular_file_keeping_its_mode(tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old")
    out.chmod(0o640)
    write_output(out, b"new")
    assert out.read_bytes() == b"new" and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_export_to_a_full_device_names_the_file(sample_db, tmp_path, capsys):
    full = tmp_path / "full"  # a private /dev/full: a broken build must not replace the real one
    try:
        os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except OSError:
        pytest.skip("cannot make a device node here")
    line = _refused(capsys, ["--db", str(sample_db), "export", "-o", str(full)])
    assert str(full) in line and "no space" in line
    assert stat.S_ISCHR(os.lstat(full).st_mode)


# ---- items 10 and 14: a database or import file that is not a regular file ------

@pytest.mark.parametrize("argv", [["list"], ["show", PENDING], ["mark", PENDING, "confirmed"], ["validate"],
                                  ["export"]])
def test_a_symlink_loop_as_database_is_one_clear_line(tmp_path, capsys, argv):
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    line = _refused(capsys, ["--db", str(loop), *argv])
    assert "symlink loop" in line


def test_the_tui_on_a_symlink_loop_says_so_and_exits(tmp_path, capsys):
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    assert main(["--db", str(loop)]) == 1
    assert "symlink loop" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--db", "/dev/zero", "list"], ["--db", "/dev/zero", "mark", PENDING, "void",
                                                                   "--note", "x"], ["import", "/dev/zero"]])
def test_a_device_is_refused_not_read(tmp_path, capsys, argv):
    argv = [*argv] if argv[0] == "--db" else ["--db", str(tmp_path / "db.json"), *argv]
    line = _refused(capsys, argv)
    assert "/dev/zero" in line and "not a regular file" in line


def test_a_fifo_as_database_or_import_file_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "db.fifo"
    os.mkfifo(fifo)
    for argv in (["--db", str(fifo), "list"], ["--db", str(tmp_path / "x.json"), "import", str(fifo)]):
        proc = subprocess.run([sys.executable, "-m", "tracker", *argv], capture_output=True, text=True,
                              timeout=20, cwd=tmp_path)
        assert proc.returncode == 1 and "FIFO" in proc.stderr, proc.stderr


def test_a_file_over_the_read_cap_is_refused_with_the_cap(sample_db, capsys, monkeypatch):
    monkeypatch.setattr(fileguard, "MAX_READ_BYTES", 100)
    before = sample_db.read_bytes()
    line = _refused(capsys, ["--db", str(sample_db), "mark", PENDING, "confirmed"])
    assert "over the 100 bytes tracker reads" in line
    assert sample_db.read_bytes() == before


# ---- item 5: duplicate keys --------------------------------------------------

def _with_duplicate(sample_db: Path, key: str = PENDING) -> bytes:
    """The sample file with the record ``key`` given twice, as a hand-merged conflict leaves it."""
    text = sample_db.read_text(encoding="utf-8")
    tables = orjson.loads(text)
    copy = orjson.dumps({**tables["predictions"][key], "claim": "the other side's claim"}).decode()
    text = text.replace('"predictions": {', f'"predictions": {{\n    "{key}": {copy},', 1)
    sample_db.write_text(text, encoding="utf-8")
    return sample_db.read_bytes()


def test_a_write_to_a_file_with_a_duplicate_record_is_refused_naming_it(sample_db, capsys):
    before = _with_duplicate(sample_db)
    line = _refused(capsys, ["--db", str(sample_db), "mark", PENDING, "confirmed"])
    assert f"predictions[{PENDING}]" in line and "more than once" in line
    assert sample_db.read_bytes() == before


def test_validate_lists_duplicate_keys_at_every_level(sample_db, capsys):
    _with_duplicate(sample_db)
    text = sample_db.read_text(encoding="utf-8").replace('"claim":"the other side\'s claim"',
                                                         '"claim":"x", "claim": "y"', 1)
    sample_db.write_text(text, encoding="utf-8")
    assert main(["--db", str(sample_db), "validate"]) == 1
    err = capsys.readouterr().err
    assert f"predictions[{PENDING}]: appears more than once" in err
    assert f"predictions[{PENDING}].claim: appears more than once" in err


def test_duplicate_keys_found_whatever_the_spacing_and_none_in_text(tmp_path):
    assert fileguard.duplicate_keys(b'{"a" : 1, "b": "x\\":"}') == []
    assert fileguard.duplicate_keys(b'{"a": 1, "a" :2}') == ["a"]


def test_escaped_quotes_in_text_cannot_hide_a_duplicate(sample_db, capsys):
    """A string of `\\u0022:` sequences once balanced a count of `":` against a re-encoding:
    the hidden copy passed `validate` and the next `mark` dropped it. Keys are found by parsing."""
    text = sample_db.read_text("utf-8")
    twin = '"predictions": {\n    "twin": {"claim": "\\u0022:\\u0022:", "made_on": "2025-01", "resolve_by": "2025-12"},\n'
    doubled = text.replace('"predictions": {\n', twin + '    "twin": {"claim": "x", "made_on": "2025-01", "resolve_by": "2025-12"},\n', 1)
    assert doubled != text
    sample_db.write_text(doubled, "utf-8")
    before = sample_db.read_bytes()
    assert fileguard.duplicate_keys(before) == ["predictions[twin]"]
    assert main(["--db", str(sample_db), "validate"]) == 1
    assert "predictions[twin]: appears more than once" in capsys.readouterr().err
    assert main(["--db", str(sample_db), "mark", PENDING, "confirmed", "--note", "x"]) == 1
    assert "more than once" in capsys.readouterr().err
    assert sample_db.read_bytes() == before


# ---- item 4: permissions and ownership -----------------------------------------

def test_a_file_the_user_cannot_write_is_not_replaced(sample_db, capsys, monkeypatch):
    before = sample_db.read_bytes()
    real_access = os.access

    def access(path, mode, **kw):  # as a user other than the owner of a 0644 file would see it
        if mode & os.W_OK and Path(path) == sample_db:
            return False
        return real_access(path, mode, **kw)

    monkeypatch.setattr(os, "access", access)
    line = _refused(capsys, ["--db", str(sample_db), "mark", PENDING, "confirmed"])
    assert "read-only for you" in line
    assert sample_db.read_bytes() == before


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_a_write_keeps_the_owner_and_group(sample_db):
    os.chown(sample_db, 1234, 2345)
    assert main(["--db", str(sample_db), "mark", PENDING, "confirmed"]) == 0
    st = sample_db.stat()
    assert (st.st_uid, st.st_gid) == (1234, 2345)


# ---- item 6: stale temp files ------------------------------------------------

def test_stale_temp_files_are_removed_and_a_live_one_kept(sample_db):
    stale = sample_db.parent / f".{sample_db.name}.abc123.tmp"
    live = sample_db.parent / f".{sample_db.name}.def456.tmp"
    other = sample_db.parent / ".someone-else.json.abc.tmp"
    for p in (stale, live, other):
        p.write_bytes(b"partial")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert main(["--db", str(sample_db), "mark", PENDING, "confirmed"]) == 0
    assert not stale.exists() and live.exists() and other.exists()


def test_git_ignores_the_temp_files():
    ignore = (Path(__file__).resolve().parents[1] / ".gitignore").read_text()
    assert ".*.tmp" in ignore.split()


# ---- the lock ------------------------------------------------------------------

def test_a_lock_wait_that_times_out_says_so_and_leaves_the_lock_free(tmp_path):
    held, release = threading.Event(), threading.Event()

    def holder():
        with folder_lock(tmp_path):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    with pytest.raises(LockError, match="timed out after 0 s waiting for the database lock"):
        with folder_lock(tmp_path, timeout=0.2):
            pass
    release.set()
    thread.join(5)
    with folder_lock(tmp_path, timeout=2):  # the abandoned wait does not keep the lock
        pass


def test_a_waiting_writer_gets_the_lock_as_soon_as_it_is_released(tmp_path):
    held = threading.Event()

    def holder():
        with folder_lock(tmp_path):
            held.set()
            time.sleep(0.3)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    start = time.monotonic()
    with folder_lock(tmp_path, timeout=5):
        waited = time.monotonic() - start
    thread.join()
    assert waited < 2


# ---- schema version ------------------------------------------------------------

@pytest.mark.parametrize("version", [True, 1.0, "1"])
def test_a_schema_version_that_only_looks_like_1_is_refused(sample_db, version):
    tables = orjson.loads(sample_db.read_bytes())
    tables["meta"]["schema"]["schema_version"] = version
    sample_db.write_bytes(orjson.dumps(tables))
    with pytest.raises(StoreError, match="schema_version"):
        Store(sample_db).load()


def test_text_with_a_quote_spaces_and_a_colon_is_not_a_duplicate():
    raw = b'{"claim": "he said \\"no\\"  : twice", "quote" : "x"}'
    assert fileguard.duplicate_keys(raw) == []


def test_export_to_dev_stdout_appends_where_standard_output_goes(sample_db, tmp_path):
    log = tmp_path / "log.txt"
    log.write_text("earlier line\n")
    with open(log, "ab") as out:
        proc = subprocess.run([sys.executable, "-m", "tracker", "--db", str(sample_db), "export", "--format",
                               "csv", "-o", "/dev/stdout"], stdout=out, stderr=subprocess.PIPE, timeout=30,
                              cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = log.read_text()
    assert text.startswith("earlier line\nid,kind,")
