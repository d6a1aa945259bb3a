"""`tracker git-setup`: make git merge the database record by record (tracker.sharing.driver).

Two things are needed, and this writes both, idempotently:

* a ``.gitattributes`` line at the top of the repository naming the database file and the
  ``tracker`` merge driver (commit it: it tells every clone which file the driver is for);
* the driver itself in the repository's own config (``.git/config``, never committed):
  ``merge.tracker.driver``. Each reader runs ``tracker git-setup`` once in their clone.

The driver command is the absolute path of the Python running this command with
``-m tracker``: it works in git's hooks and pulls whether or not a virtual environment is
active, which a bare ``tracker`` on PATH does not. Moving or recreating that environment
means running ``tracker git-setup`` again (it then says it changed the command).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from tracker.store.layout import StoreError
from tracker.store.guard import UnsafeFileError, check_writable, read_regular, resolve_path
from tracker.store.store import atomic_write

DRIVER = "tracker"
DRIVER_NAME = "tracker: merge a predictions file record by record"


class GitSetupError(StoreError):
    """git-setup cannot do its work (no git, not in a repository); nothing was written."""


def driver_command(python: str | None = None) -> str:
    """What git runs to merge the database: this Python, `-m tracker merge-file BASE OURS THEIRS`."""
    # -P: git runs the driver in the repository, whose own files must not shadow the installed tracker.
    return f"{shlex.quote(python or sys.executable)} -P -m tracker merge-file %O %A %B"


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """git's answer, its output as text decoded as file names are (a repository whose path is
    not UTF-8 comes back as the same path, its odd bytes carried as surrogate escapes)."""
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True, timeout=30)
        done.stdout, done.stderr = os.fsdecode(done.stdout), os.fsdecode(done.stderr)
        return done
    except FileNotFoundError:
        raise GitSetupError("git is not installed (or not on PATH); nothing was written") from None
    except subprocess.TimeoutExpired:
        raise GitSetupError(f"git {args[0]} did not answer within 30 s; nothing was written") from None


def attributes_line(relative: str) -> str:
    """The .gitattributes line for the database at ``relative`` (to the repository's top)."""
    pattern = "/" + relative
    if any(c.isspace() or c in '"\\' for c in pattern):  # git reads a C-quoted pattern
        pattern = '"' + pattern.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{pattern} merge={DRIVER}"


def setup(database: Path, python: str | None = None) -> list[str]:
    """Register the merge driver for ``database`` in its repository; returns what was done, one line each."""
    database = database.resolve() if database.exists() else database.absolute()
    folder = database.parent
    if not folder.is_dir():
        raise GitSetupError(f"{database}: folder {folder} does not exist")
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise GitSetupError(f"{folder} is not inside a git repository (run `git init` or clone one first); "
                            "nothing was written")
    root = Path(top.stdout.strip()).resolve()
    try:
        relative = database.relative_to(root).as_posix()
    except ValueError:
        raise GitSetupError(f"{database} is outside the repository at {root}; nothing was written") from None
    done = [_write_attributes(root / ".gitattributes", attributes_line(relative))]
    for key, value in ((f"merge.{DRIVER}.name", DRIVER_NAME), (f"merge.{DRIVER}.driver", driver_command(python))):
        current = _git(root, "config", "--local", "--get", key)
        if current.returncode == 0 and current.stdout.rstrip("\n") == value:
            done.append(f"git config {key}: already {value!r}")
            continue
        written = _git(root, "config", "--local", key, value)
        if written.returncode != 0:
            raise GitSetupError(f"git config {key} failed: {written.stderr.strip() or written.returncode}")
        verb = "changed to" if current.returncode == 0 else "set to"
        done.append(f"git config {key}: {verb} {value!r}")
    return done


def _write_attributes(path: Path, line: str) -> str:
    # A regular file only, capped (a FIFO put there would hang the read, /dev/zero fill memory);
    # through a symlink its target is written and the link kept; a read-only one is not replaced.
    try:
        target = resolve_path(path) if path.is_symlink() else path
        try:
            text = read_regular(target).decode("utf-8")
        except FileNotFoundError:
            text = ""
        check_writable(target)
    except UnsafeFileError as exc:
        raise GitSetupError(f"{exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GitSetupError(f"{path}: cannot read: {exc}") from None
    path = target
    if line in text.splitlines():
        return f"{path}: already has {line!r}"
    if any("\udc80" <= c <= "\udcff" for c in line):  # .gitattributes is UTF-8 text
        raise GitSetupError(f"{line.split(' merge=')[0]}: the database's path inside the repository is not "
                            "UTF-8, so .gitattributes cannot name it; rename it; nothing was written")
    prefix = "" if not text or text.endswith("\n") else "\n"
    atomic_write(path, (text + prefix + line + "\n").encode("utf-8"))
    return f"{path}: added {line!r} (commit it so every clone merges the file this way)"
