"""The bundled record, judged (issue 19): every verdict carries what a stranger needs to check it.

The project judged Andrew Korybko's record as its first reader: each settled prediction names its
sources, says what they say, when the outcome became known and who judged it; each void says why.
The criteria were fixed in one commit before any outcome was researched (a pre-registration):
README's dataset section names that commit, and git, where there is a checkout, shows it is older
than the first judgement.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tracker.domain.model import Status
from tracker.store.store import Store

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "predictions.json"
README = ROOT / "README.md"
DATASET_DOC = ROOT / "docs" / "dataset.md"

# A record voided only because it was renamed (ids cannot change): never judged, so no evidence.
# The successor must exist and name the old id in its history.
RENAMED = {"eucom-hq-moves-to-poland": "eucom-hq-not-moved-to-poland"}
RENAMED_NOTE = "Renamed, not judged"


@pytest.fixture(scope="module")
def db():
    return Store(BUNDLED).load()


def last_status_entry(prediction):
    entries = [e for e in prediction.history if e.action == "status"]
    return entries[-1] if entries else None


def settled(db):
    return [p for p in db.predictions.values() if p.status is not Status.PENDING]


def judgements(db):
    """Status changes that judge an outcome (a rename's void is record-keeping, not a judgement)."""
    return [(p, e) for p in db.predictions.values() for e in p.history
            if e.action == "status" and e.to_status != Status.PENDING.value
            and not e.note.startswith(RENAMED_NOTE)]


def test_the_record_is_judged_not_shipped_pending(db):
    assert len([p for p in settled(db) if p.id not in RENAMED]) >= 15


def test_every_settled_prediction_carries_evidence_a_note_a_date_and_a_judge(db):
    today = dt.date.today()
    for p in settled(db):
        entry = last_status_entry(p)
        assert entry is not None and entry.to_status == p.status.value, f"{p.id}: settled without a status entry"
        assert entry.note.strip(), f"{p.id}: no note saying why"
        assert entry.by.strip(), f"{p.id}: no judge named (by)"
        if p.id in RENAMED:
            continue
        assert entry.evidence, f"{p.id}: no evidence URL"
        assert all(re.match(r"https?://\S+$", url) for url in entry.evidence), p.id
        assert all(url in entry.note for url in entry.evidence), f"{p.id}: the note says what each source says"
        assert entry.known_on is not None, f"{p.id}: no known-on date"
        assert p.made_on.first_day() <= entry.known_on.first_day(), f"{p.id}: known before it was made"
        assert entry.known_on.last_day() <= today, f"{p.id}: known-on in the future"


def test_every_void_says_why(db):
    for p in settled(db):
        if p.status is Status.VOID:
            entry = last_status_entry(p)
            assert len(entry.note.strip()) >= 20, f"{p.id}: a void needs its reason"
            if p.id not in RENAMED:
                assert "void" in entry.note.casefold() or "condition" in entry.note.casefold(), p.id


def test_renamed_records_point_to_their_successor(db):
    for old, new in RENAMED.items():
        assert db.predictions[old].status is Status.VOID
        assert last_status_entry(db.predictions[old]).note.startswith(RENAMED_NOTE)
        assert new in last_status_entry(db.predictions[old]).note
        successor = db.predictions[new]
        assert successor.claim == db.predictions[old].claim
        assert any(old in (e.note or "") for e in successor.history), f"{new}: its history names {old}"


def test_what_is_still_pending_past_its_date_says_what_was_searched(db):
    today = dt.date.today()
    for p in db.predictions.values():
        if p.status is Status.PENDING and p.resolve_by.last_day() < today:
            snoozes = [e for e in p.history if e.action == "snooze"]
            assert snoozes and snoozes[-1].note.strip(), f"{p.id}: overdue, unjudged and no note on what was searched"


def criteria_commit() -> str:
    """The commit README (and the dataset page it links to) names as the one that fixed the criteria."""
    named = []
    for doc in (README, DATASET_DOC):
        if doc.exists():
            named += re.findall(r"criteria (?:were )?fixed in commit\s+`([0-9a-f]{7,40})`", doc.read_text(encoding="utf-8"))
    assert re.search(r"fixed in commit\s+`[0-9a-f]{7,40}`", README.read_text(encoding="utf-8")), \
        "README names the commit that fixed the criteria"
    assert named and len(set(named)) == 1, f"one criteria commit, named alike everywhere: {named}"
    return named[0]


def test_readme_names_the_pre_registration_commit(db):
    assert criteria_commit()
    # every judgement's note points back to it
    short = criteria_commit()[:7]
    assert all(short in e.note for _, e in judgements(db))


def test_criteria_commit_is_older_than_the_first_judgement(db):
    commit = criteria_commit()
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    shown = subprocess.run(["git", "-C", str(ROOT), "show", "-s", "--format=%cI%n%s", commit],
                           capture_output=True, text=True)
    if shown.returncode != 0:
        pytest.skip(f"commit {commit} is not in this checkout (shallow clone?)")
    committed_text, subject = shown.stdout.strip().splitlines()[:2]
    assert "criteria fixed before any outcome is researched" in subject
    committed = dt.datetime.fromisoformat(committed_text).astimezone(dt.timezone.utc)
    first = min(dt.datetime.fromisoformat(e.at.replace("Z", "+00:00")) for _, e in judgements(db))
    assert committed < first, f"the criteria commit ({committed}) must be older than the first judgement ({first})"
