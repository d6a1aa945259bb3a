"""A team judging one file through real git: two clones, git-setup, marks and edits, pulls both ways."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CONFIRMED, FAR_FUTURE, JA_PENDING, PENDING, build_sample, run_tracker
from tracker.cli.main import main
from tracker.domain.disputes import is_disputed, open_disputes
from tracker.store.store import Store

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

DB = "predictions.json"


@pytest.fixture
def git_env(tmp_path, monkeypatch):
    """No global or system git config, and no TRACKER_USER: names come from each clone's user.name."""
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),
           "GIT_TERMINAL_PROMPT": "0"}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TRACKER_USER", raising=False)
    return env


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def tracker(repo: Path, *args: str) -> str:
    """`tracker --db REPO/predictions.json ARGS`, called in this process; what it printed. (git runs
    the merge driver, `tracker merge-file`, as a real process of its own.)"""
    out, err = (io.TextIOWrapper(io.BytesIO(), encoding="utf-8") for _ in range(2))
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(repo / DB), *args])
    out.flush(), err.flush()
    assert code == 0, err.buffer.getvalue().decode("utf-8")
    return out.buffer.getvalue().decode("utf-8")


def clone(origin: Path, where: Path, name: str) -> Path:
    git(where.parent, "clone", "-q", str(origin), where.name)
    git(where, "config", "user.name", name)
    git(where, "config", "user.email", f"{name.lower()}@example.org")
    git(where, "config", "pull.rebase", "false")
    return where


@pytest.fixture
def team(tmp_path, git_env):
    """An origin holding the sample database, and two clones (Alice's, Bob's), each set up."""
    seed = tmp_path / "seed"
    seed.mkdir()
    git(seed, "init", "-q", "-b", "main")
    git(seed, "config", "user.name", "Seeder")
    git(seed, "config", "user.email", "seed@example.org")
    build_sample(seed / DB)
    git(seed, "add", DB)
    git(seed, "commit", "-q", "-m", "the record")
    origin = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(seed), origin.name)
    alice = clone(origin, tmp_path / "alice", "Alice")
    bob = clone(origin, tmp_path / "bob", "Bob")
    for repo in (alice, bob):
        tracker(repo, "git-setup")
    return alice, bob


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def assert_clean(repo: Path) -> None:
    """No conflict: nothing unmerged, no markers, and the file validates."""
    assert git(repo, "diff", "--name-only", "--diff-filter=U") == ""
    text = (repo / DB).read_text(encoding="utf-8")
    assert "<<<<<<<" not in text and ">>>>>>>" not in text
    run = run_tracker("--db", str(repo / DB), "validate", cwd=repo)
    assert run.returncode == 0, run.stderr


def disputed(repo: Path) -> dict[str, set[str]]:
    db = Store(repo / DB).load()
    return {r.id: set(open_disputes(r)) for r in db.records() if is_disputed(r)}


def test_git_setup_writes_attributes_and_driver_once(team):
    alice, _ = team
    assert (alice / ".gitattributes").read_text() == "/predictions.json merge=tracker\n"
    assert "-P -m tracker merge-file %O %A %B" in git(alice, "config", "merge.tracker.driver")
    again = tracker(alice, "git-setup")
    assert "already" in again and "added" not in again
    assert (alice / ".gitattributes").read_text() == "/predictions.json merge=tracker\n"


def test_git_setup_refuses_outside_a_repository(tmp_path, git_env):
    folder = tmp_path / "plain"
    folder.mkdir()
    run = run_tracker("--db", str(folder / DB), "git-setup", cwd=folder)
    assert run.returncode == 1
    assert "not inside a git repository" in run.stderr and "Traceback" not in run.stderr
    assert list(folder.iterdir()) == []



def test_git_setup_refuses_a_fifo_attributes_file_and_writes_through_a_symlink(tmp_path, git_env):
    import os

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q")
    build_sample(repo / DB)
    os.mkfifo(repo / ".gitattributes")  # read_text() waited for a writer forever
    run = run_tracker("--db", str(repo / DB), "git-setup", cwd=repo, timeout=60)
    assert run.returncode == 1 and "FIFO" in run.stderr and "Traceback" not in run.stderr
    (repo / ".gitattributes").unlink()
    (repo / "attrs").write_text("*.txt text\n")
    (repo / ".gitattributes").symlink_to("attrs")
    assert run_tracker("--db", str(repo / DB), "git-setup", cwd=repo).returncode == 0
    assert (repo / ".gitattributes").is_symlink()
    assert (repo / "attrs").read_text() == "*.txt text\n/predictions.json merge=tracker\n"

def test_two_readers_pull_both_ways_and_disagreements_are_disputed(team):
    alice, bob = team
    # Overlapping judgements: both judge PENDING (differently) and FAR_FUTURE (the same way).
    tracker(alice, "mark", PENDING, "confirmed", "--note", "Warsaw accepted nothing")
    tracker(alice, "mark", FAR_FUTURE, "refuted", "--note", "no base")
    tracker(alice, "edit", CONFIRMED, "--tags", "nato;alliances")
    tracker(alice, "add", "prediction", "--id", "same-slug", "--claim", "Alice's claim",
            "--probability", "0.6", "--resolve-by", "2030")
    tracker(alice, "add", "prediction", "--claim", "Both readers add this", "--probability", "0.7",
            "--resolve-by", "2031")
    commit(alice, "Alice judges")
    tracker(bob, "mark", PENDING, "refuted", "--note", "inspections accepted")
    tracker(bob, "mark", FAR_FUTURE, "refuted", "--note", "no base either")
    tracker(bob, "edit", JA_PENDING, "--resolve-by", "2026-09")
    tracker(bob, "add", "prediction", "--id", "same-slug", "--claim", "Bob's different claim",
            "--probability", "0.4", "--resolve-by", "2030")
    tracker(bob, "add", "prediction", "--claim", "Both readers add this", "--probability", "0.8",
            "--resolve-by", "2031")
    commit(bob, "Bob judges")

    git(bob, "fetch", "-q", str(alice), "main:alice-main")   # Bob sees Alice's commit before her merge
    git(alice, "pull", "-q", "--no-edit", str(bob), "main")
    git(bob, "merge", "-q", "--no-edit", "alice-main")
    for repo in (alice, bob):
        assert_clean(repo)
    # Both merges made the same file: the merge does not depend on whose side is "ours".
    assert (alice / DB).read_text() == (bob / DB).read_text()

    db = Store(alice / DB).load()
    assert disputed(alice) == {PENDING: {"status"}, "both-readers-add-this": {"probability"}}
    sides = {v["value"]: v["by"] for v in open_disputes(db.predictions[PENDING])["status"].values}
    assert sides == {"confirmed": "Alice", "refuted": "Bob"}
    assert db.predictions[FAR_FUTURE].status.value == "refuted"           # agreed: not disputed
    assert db.predictions[CONFIRMED].tags == ["nato", "alliances"]         # one side's edit kept
    assert db.predictions[JA_PENDING].resolve_by.iso() == "2026-09"        # the other side's too
    claims = {p.claim for p in db.predictions.values()}
    assert {"Alice's claim", "Bob's different claim"} <= claims            # same slug, both kept
    renamed = [p for p in db.predictions.values() if p.id.startswith("same-slug-")]
    assert len(renamed) == 1 and renamed[0].history[-1].field == "id"
    assert {e.by for e in db.predictions[PENDING].history if e.action == "status"} == {"Alice", "Bob"}

    listed = tracker(alice, "list", "--disputed")
    assert PENDING in listed and "both-readers-add-this" in listed and FAR_FUTURE not in listed

    # A reader settles; after pulling, the other clone has it settled too.
    tracker(bob, "settle", PENDING, "--field", "status", "--value", "refuted")
    tracker(bob, "settle", "both-readers-add-this", "--field", "probability", "--value", "0.75")
    commit(bob, "Bob settles")
    git(alice, "pull", "-q", "--no-edit", str(bob), "main")
    assert_clean(alice)
    assert disputed(alice) == {}
    assert Store(alice / DB).load().predictions[PENDING].status.value == "refuted"


def test_pull_rebase_replays_each_change_without_conflict(team):
    alice, bob = team
    tracker(alice, "mark", JA_PENDING, "confirmed", "--note", "rates rose")
    commit(alice, "Alice confirms")
    git(alice, "push", "-q", "origin", "main")
    tracker(bob, "edit", PENDING, "--quote", "a plainer quote")
    commit(bob, "Bob edits a quote")
    tracker(bob, "mark", FAR_FUTURE, "void", "--note", "moot")
    commit(bob, "Bob voids")
    git(bob, "pull", "-q", "--rebase", "origin", "main")
    assert_clean(bob)
    assert disputed(bob) == {}
    db = Store(bob / DB).load()
    assert db.predictions[JA_PENDING].status.value == "confirmed"
    assert db.predictions[PENDING].quote == "a plainer quote"
    assert db.predictions[FAR_FUTURE].status.value == "void"
    assert [e.by for e in db.predictions[JA_PENDING].history] == ["Alice"]
    assert len(git(bob, "log", "--oneline").splitlines()) == 4   # linear: seed, Alice's, Bob's two


def test_an_unreadable_side_leaves_gits_conflict(team):
    alice, bob = team
    tracker(alice, "mark", PENDING, "confirmed", "--note", "n")
    commit(alice, "Alice judges")
    (bob / DB).write_text("{ not json", encoding="utf-8")
    commit(bob, "Bob breaks the file")
    done = subprocess.run(["git", "pull", "--no-edit", str(alice), "main"], cwd=bob,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert DB in git(bob, "diff", "--name-only", "--diff-filter=U")
    assert (bob / DB).read_text(encoding="utf-8") == "{ not json"    # ours left as it was
    assert "theirs" in done.stderr or "ours" in done.stderr or "not valid JSON" in done.stderr + done.stdout


def test_the_merge_driver_runs_the_installed_tracker_not_a_file_in_the_repository(team, tmp_path):
    alice, bob = team
    tracker(alice, "mark", PENDING, "confirmed", "--note", "Warsaw accepted nothing")
    commit(alice, "Alice judges")
    git(alice, "push", "-q")
    tracker(bob, "edit", JA_PENDING, "--resolve-by", "2026-09")
    commit(bob, "Bob edits")
    ran = tmp_path / "ran"
    planted = bob / "tracker.py"  # (planted after Bob's commands: `python -m tracker` there would run it)
    planted.write_text(f"open({str(ran)!r}, 'w').write('planted code ran')\n")
    git(bob, "pull", "-q", "--no-rebase")
    assert not ran.exists()
    planted.unlink()
    assert_clean(bob)
    merged = Store(bob / DB).load().predictions
    assert merged[PENDING].status.value == "confirmed" and merged[JA_PENDING].resolve_by.human() == "September 2026"


def test_a_hand_resolved_conflict_with_two_copies_is_never_merged_silently(team):
    """Bob has no driver: git's text merge conflicts, and he resolves it by keeping both copies of the
    prediction, his judgement first. Alice's next pull, with the driver, must not keep only the last
    copy (dropping his judgement): the driver refuses and git's conflict stays."""
    import orjson

    alice, bob = team
    git(bob, "config", "--remove-section", "merge.tracker")
    tracker(alice, "mark", PENDING, "confirmed", "--note", "Warsaw accepted nothing")
    commit(alice, "Alice judges")
    git(alice, "push", "-q")
    tracker(bob, "mark", PENDING, "refuted", "--note", "Bob's judgement")
    commit(bob, "Bob judges")
    pulled = subprocess.run(["git", "pull", "--no-edit", "-q"], cwd=bob, capture_output=True, text=True, timeout=60)
    assert pulled.returncode != 0, pulled.stdout + pulled.stderr   # a text conflict, with no driver
    mine = orjson.loads(subprocess.run(["git", "show", ":2:" + DB], cwd=bob, capture_output=True,
                                       timeout=60).stdout)
    theirs = orjson.loads(subprocess.run(["git", "show", ":3:" + DB], cwd=bob, capture_output=True,
                                         timeout=60).stdout)
    pairs = [(PENDING, mine["predictions"][PENDING]), *theirs["predictions"].items()]
    theirs["predictions"] = "@"
    body = "{" + ", ".join(f"{orjson.dumps(k).decode()}: {orjson.dumps(v).decode()}" for k, v in pairs) + "}"
    (bob / DB).write_text(orjson.dumps(theirs).decode().replace('"@"', body), encoding="utf-8")
    commit(bob, "Bob keeps both copies")
    git(bob, "push", "-q")

    tracker(alice, "edit", JA_PENDING, "--resolve-by", "2026-09")
    commit(alice, "Alice edits")
    before = (alice / DB).read_bytes()
    done = subprocess.run(["git", "pull", "--no-edit", "--no-rebase"], cwd=alice, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert DB in git(alice, "diff", "--name-only", "--diff-filter=U")
    assert f"key predictions[{PENDING}] appears more than once" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert (alice / DB).read_bytes() == before   # ours left as it was: nothing dropped
