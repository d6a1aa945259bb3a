"""Guards around the files tracker reads and writes: what a careless user or an attacker can hand us.

* :func:`read_regular` reads only a regular file (after following symlinks), up to
  :data:`MAX_READ_BYTES`: ``/dev/zero`` would read until memory runs out, a FIFO or
  ``/dev/urandom`` would hang, a symlink loop would raise deep inside pathlib.
* :func:`duplicate_keys` finds keys given twice in one JSON object (what a hand-merged
  git conflict produces): orjson, like every JSON parser, silently keeps the last one,
  so the next write would drop the other copy.
* :func:`clean_stale_temps` removes temp files a killed writer left behind.
* :func:`check_writable` refuses a database the user could not write in place.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any


from tracker.domain.errors import TrackerError

# Far above any real database (100k predictions are about 55 MB), far below what
# would exhaust memory on a laptop when decoded.
MAX_READ_BYTES = 1 << 30
# A temp file of ours older than this is a killed writer's: no write takes this long
# (100k records are written in well under a second), and a live writer's temp file is younger.
STALE_TEMP_SECONDS = 600.0


class UnsafeFileError(TrackerError):
    """A file tracker refuses to read or write; the message names it and says why."""


def resolve_path(path: Path) -> Path:
    """``path`` with symlinks followed; a loop is one clear error, not a traceback."""
    try:
        return path.resolve(strict=False)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        raise UnsafeFileError(f"{path}: symlink loop") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(f"{path}: symlink loop") from None
        raise UnsafeFileError(f"{path}: {exc.strerror or exc}") from None


def file_kind(mode: int) -> str:
    """What a file that is not a regular one is, for a message: "a FIFO (named pipe)", …"""
    if stat.S_ISLNK(mode):
        return "a symlink"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (False when either cannot be reached)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_regular(path: Path, limit: int | None = None) -> None:
    """Refuse (UnsafeFileError) what :func:`read_regular` would, without reading it.

    Raises FileNotFoundError when there is no file.
    """
    limit = MAX_READ_BYTES if limit is None else limit
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnsafeFileError(f"{path}: a symlink to nothing ({os.readlink(path)})") from None
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnsafeFileError(f"{path}: symlink loop") from None
        raise UnsafeFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeFileError(f"{path}: is {file_kind(st.st_mode)}, not a regular file; nothing read")
    if st.st_size > limit:
        raise UnsafeFileError(f"{path}: {st.st_size:,} bytes is over the {_human(limit)} "
                              "tracker reads; nothing read")


class NotRegularFile(OSError):
    """What :func:`open_regular` found is a FIFO, a device or a folder, not a regular file."""


def open_regular(path: Path) -> Any:
    """``path`` opened for reading, only if it is a regular file. O_NONBLOCK: opening a FIFO
    (put there by someone, or swapped in since a stat) returns at once instead of waiting for a
    writer forever; raises NotRegularFile then, OSError when it cannot be opened at all."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    handle = os.fdopen(fd, "rb")
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        handle.close()
        raise NotRegularFile(f"{path}: not a regular file")
    return handle


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, which must be a regular file of at most ``limit`` bytes.

    Raises FileNotFoundError when there is no file, UnsafeFileError for anything refused.
    """
    limit = MAX_READ_BYTES if limit is None else limit
    check_regular(path, limit)
    try:
        handle = open_regular(path)  # if the path was swapped for a FIFO since the stat, no hang
    except NotRegularFile:
        raise UnsafeFileError(f"{path}: is not a regular file; nothing read") from None
    except OSError as exc:
        raise UnsafeFileError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with handle:
        data = handle.read(limit + 1)
    if len(data) > limit:  # it grew while we read
        raise UnsafeFileError(f"{path}: more than the {_human(limit)} tracker reads; nothing read")
    return data


def _human(size: int) -> str:
    return f"{size >> 30} GiB" if size >= 1 << 30 else f"{size >> 20} MiB" if size >= 1 << 20 else f"{size} bytes"


# ---- duplicate keys ---------------------------------------------------------

def duplicate_keys(raw: bytes, canonical: bool = False) -> list[str]:
    """Every key given twice in one object of the JSON text ``raw``, as a path such as
    ``predictions[some-id]`` or ``predictions[some-id].claim``; [] when there is none.

    ``canonical`` says ``raw`` is exactly what encoding its parse gives (``layout.encode_file``):
    such bytes hold each key once (a parse keeps one copy of a key, and encoding that copy gave
    these very bytes), so nothing needs reading again. Any other bytes are read once more as
    object pairs, which sees every key as written, whatever the strings around it hold.
    """
    return [] if canonical else _exact_duplicates(raw)


class UncheckableJSON(TrackerError):
    """JSON that a parser accepted but the exact reader cannot go through (nested more deeply
    than it can follow): its keys cannot be checked, so it is refused rather than let through."""


class _Seen(dict):
    """An object as read by the exact reader, remembering the keys it was given twice."""

    duplicates: list[str]
    dropped: list[tuple[str, Any]]  # the copies a plain reading loses, searched too


def _pairs(pairs: list[tuple[str, Any]]) -> dict:
    obj = _Seen()
    dups: list[str] = []
    dropped: list[tuple[str, Any]] = []
    for key, value in pairs:
        if key in obj:
            if key not in dups:
                dups.append(key)
            dropped.append((key, obj[key]))
        obj[key] = value
    obj.duplicates, obj.dropped = dups, dropped
    return obj


def _exact_duplicates(raw: bytes) -> list[str]:
    try:
        return _walk_duplicates(json.loads(raw, object_pairs_hook=_pairs))
    except RecursionError:
        # orjson reads up to 1024 levels, the object-pairs reader (and the walk) fewer: a key given
        # twice down there would go unseen, so such a file is refused, not let through.
        raise UncheckableJSON("nested too deeply to check for keys given twice") from None
    except ValueError as exc:  # bytes another parser took: unchecked keys are not let through
        raise UncheckableJSON(f"cannot be checked for keys given twice ({exc})") from None


def _walk_duplicates(data: Any) -> list[str]:
    found: list[str] = []

    def walk(value: Any, where: str, depth: int) -> None:
        if isinstance(value, _Seen):
            for key in value.duplicates:
                found.append(_join(where, key, depth))
            for key, item in [*value.dropped, *value.items()]:
                walk(item, _join(where, key, depth), depth + 1)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{where}[{i}]", depth + 1)

    walk(data, "", 0)
    return found


def _join(where: str, key: str, depth: int) -> str:
    # Depth 1 is a table's record ids: shown as predictions[id], like every other message.
    if depth == 0:
        return key
    if depth == 1 and not where.endswith("]"):
        return f"{where}[{key}]"
    return f"{where}.{key}"


# ---- writing the database ---------------------------------------------------

def clean_stale_temps(path: Path, max_age: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove ``.NAME.*.tmp`` files next to ``path`` older than ``max_age`` seconds.

    Call it under the database lock: a live writer's temp file is younger than
    ``max_age``, so it is never removed. Returns what was removed.
    """
    removed = []
    prefix, now = f".{path.name}.", time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent if str(path.parent) else "."):
            if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime > max_age:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def check_writable(path: Path) -> None:
    """Refuse a file the user could not write in place.

    The database is replaced by rename, which needs only the folder to be writable, so
    without this a user could replace root's 0644 file in a shared folder.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeFileError(f"{path}: is {file_kind(st.st_mode)}, not a regular file; nothing written")
    # Mode bits too, not only os.access: root may write anything, but a file made
    # read-only says "don't".
    if st.st_mode & 0o222 == 0 or not os.access(path, os.W_OK):
        raise UnsafeFileError(f"{path}: the file is read-only for you; nothing was changed")


def keep_owner(tmp_name: str | os.PathLike[str], st: os.stat_result) -> None:
    """Give a replacement file the old file's owner and group where the writer may."""
    if (st.st_uid, st.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(tmp_name, st.st_uid, st.st_gid)
    except PermissionError:
        # Not allowed to give the file away; keep at least the group if we are in it.
        with contextlib.suppress(OSError):
            os.chown(tmp_name, -1, st.st_gid)


def replace_file(path: Path, data: bytes | list[Any], old: os.stat_result | None,
                 mode_mask: int = 0o777) -> os.stat_result:
    """Replace ``path`` with ``data`` (bytes, or buffers written one after the other) so that a
    crash leaves the old file or the new one; the stat of what was written, taken just before
    the rename (a later stat of ``path`` that differs in inode, size or mtime is someone else's).

    A temp file in the same folder is written, fsynced, given the old file's mode (and owner
    and group where the writer may; a new file gets the usual permissions, not mkstemp's
    0600), renamed over ``path``, and the folder fsynced. The temp file never outlives a failure.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if old is not None:
        mode = old.st_mode & mode_mask
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as tmp:
            for part in [data] if isinstance(data, bytes) else data:
                tmp.write(part)
            tmp.flush()
            os.fsync(tmp.fileno())
        if old is not None:
            keep_owner(tmp_name, old)
        os.chmod(tmp_name, mode)
        written = os.stat(tmp_name)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_folder(folder)
    return written


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (best effort: some file systems refuse)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
