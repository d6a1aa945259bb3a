"""Issue 21: input from files, folders and fields is taken exactly, shown inertly, refused clearly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PENDING

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_git_setup_in_a_repository_whose_path_is_not_utf8(tmp_path):
    repo = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xe9")))
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True, timeout=30)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent.parent),
                                                                      os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "tracker", "--db", "predictions.json", "git-setup"], cwd=repo, env=env,
                          capture_output=True, timeout=30)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 0 and "Traceback" not in err, err
    assert (repo / ".gitattributes").read_text("utf-8") == "/predictions.json merge=tracker\n"
    assert b"caf\\xe9" in done.stdout  # the folder named as it is, its odd byte shown


@needs_git
def test_git_setup_for_a_database_whose_own_name_is_not_utf8_is_one_line(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, timeout=30)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(Path(__file__).parent.parent),
                                                                      os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "tracker", "--db", b"d\xe9.json", "git-setup"], cwd=tmp_path,
                          env=env, capture_output=True, timeout=30)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1 and "Traceback" not in err
    assert err.strip().splitlines() == [err.strip()] and "not UTF-8" in err
    assert not (tmp_path / ".gitattributes").exists()
