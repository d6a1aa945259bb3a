"""The documents a new user reads first: whole (no merge left half done) and true to the project."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tracked_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:  # not a git checkout (an sdist): the documents at least
        return [ROOT / "README.md", ROOT / "CHANGELOG.md"]
    return [ROOT / name for name in listed.stdout.splitlines()
            if name.endswith((".md", ".py", ".toml", ".cfg", ".txt")) and (ROOT / name).is_file()]


def test_no_file_keeps_the_markers_of_an_unfinished_merge():
    marker = re.compile(r"^(<{7} |>{7} |={7}$)", re.MULTILINE)
    left = [f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}"
            for path in tracked_text_files()
            for text in [path.read_text(encoding="utf-8", errors="replace")]
            for m in marker.finditer(text)]
    assert left == []


def test_the_quick_start_is_two_commands_and_the_ci_runs_the_second():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    commands = [line for line in quick.splitlines() if line.strip()]
    assert len(commands) == 2
    assert commands[0].endswith("python3 -m tracker") and "pytest" in commands[1]
    assert "python3 -m pytest" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
