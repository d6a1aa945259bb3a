"""Who is making a change: the name every new history entry records in ``by``.

``$TRACKER_USER``, else git's ``user.name`` (as git would sign a commit made next to the
database), else the login name. Asking git costs a process, so it is asked once per folder
per process, and a machine without git (or a folder outside any repository) just falls
through to the login name.
"""

from __future__ import annotations

import functools
import getpass
import os
import subprocess
from pathlib import Path


def current_user(folder: str | os.PathLike[str] | None = None) -> str:
    """The name to record for a change made now to the database in ``folder``."""
    override = os.environ.get("TRACKER_USER", "").strip()
    if override:
        return override
    return _git_user(str(Path(folder or ".").resolve())) or _login_name()


@functools.lru_cache(maxsize=8)
def _git_user(folder: str) -> str:
    try:
        done = subprocess.run(["git", "config", "user.name"], cwd=folder, capture_output=True,
                              text=True, timeout=5, check=False)
    except (OSError, subprocess.SubprocessError):  # no git, no such folder, a hung git
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name at all (a container with an unnamed uid): say nothing
        return ""
