"""Writing an output file (`export -o`, reports): never rename over something that is not ours.

Only the database is replaced by rename. An output path may be a terminal, a pipe, a
device such as ``/dev/full``, or a symlink into someone's folder; renaming a new file
over any of those destroys what was there (as root it replaced a real ``/dev/full``).
So :func:`write_output` writes

* ``-`` to standard output;
* through a symlink, to the file it points at (the link stays);
* into an existing non-regular file (device, FIFO, socket) in place: opened for
  writing, never truncated, never renamed over;
* a regular file or a new path atomically: temp file in the same folder, fsync, rename,
  keeping the old file's permission bits.

A file written *into* an output folder (the HTML scorecard's pages) has no such choices to
honour: the user named the folder, not the file. :func:`replace_in_folder` writes only a
regular file or a new name there; a symlink (which could point at the database or out of the
folder), a FIFO (which would block the command until someone reads it), a device or a
socket under that name is refused with one line, as is the database itself.
"""

from __future__ import annotations

import errno
import io
import os
import stat
import sys
from pathlib import Path

from tracker.domain.errors import TrackerError
from tracker.store.guard import UnsafeFileError, file_kind, replace_file, resolve_path, same_file


class OutputError(TrackerError, OSError):
    """An output path that cannot be written; the message names it."""

    def __init__(self, path: str | os.PathLike[str], problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)

    def __str__(self) -> str:
        return self.args[0]


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENOSPC:
        return "cannot write: no space left on the device"
    return f"cannot write: {exc.strerror or exc}"


def resolve_output(path: str | os.PathLike[str]) -> Path:
    """Where writing ``path`` lands: a symlink's final target (a loop is refused)."""
    out = Path(path)
    if not out.is_symlink():
        return out
    try:
        return resolve_path(out)
    except UnsafeFileError as exc:
        raise OutputError(out, f"{str(exc).split(': ', 1)[-1]}; nothing written") from None


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` (``-`` for standard output) without replacing what is not a file.

    Raises :class:`OutputError` (an OSError naming the path) when it cannot be written.
    """
    if str(path) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:  # os.stat follows links the kernel's way: /dev/stdout -> /proc/self/fd/1 -> a pipe
        first = os.stat(path)
    except OSError:
        first = None
    if first is not None and not (stat.S_ISREG(first.st_mode) or stat.S_ISDIR(first.st_mode)):
        # A pipe, terminal or device: written through the path as given. Resolving it by hand
        # would turn /proc/self/fd/1 into "pipe:[N]", a name that does not exist.
        if _is_our_stdout(Path(path)):
            write_output("-", data)
        else:
            _write_in_place(Path(path), data, display=path)
        return
    target = resolve_output(path)
    if _is_our_stdout(target):  # `-o /dev/stdout >> log`: write where our stdout writes (appending)
        write_output("-", data)
        return
    try:
        st = target.stat()
    except FileNotFoundError:
        st = None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(path, "symlink loop; nothing written") from None
        raise OutputError(path, _reason(exc)) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OutputError(path, "is a folder; give a file name")
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_in_place(target, data, display=path)
        return
    # Mode bits too, as for the database (guard.check_writable): root may write anything, but a
    # file made read-only says "don't".
    if st is not None and (st.st_mode & 0o222 == 0 or not os.access(target, os.W_OK)):
        raise OutputError(path, "the file is not writable; nothing written")
    _write_replacing(target, data, st, display=path)


def _is_our_stdout(target: Path) -> bool:
    """Whether ``target`` is the file our standard output already writes to."""
    try:
        ours = os.fstat(sys.stdout.fileno())
        st = target.stat()
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return False
    return (st.st_dev, st.st_ino) == (ours.st_dev, ours.st_ino)


def _write_in_place(target: Path, data: bytes, display: str | os.PathLike[str]) -> None:
    """A device, FIFO or socket: open it for writing and write, no truncation, no rename."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise OutputError(display, _reason(exc)) from None
    try:
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
    except OSError as exc:
        raise OutputError(display, _reason(exc)) from None
    finally:
        os.close(fd)


def _write_replacing(target: Path, data: bytes, st: os.stat_result | None,
                     display: str | os.PathLike[str]) -> None:
    """A regular file or a new path: temp file, fsync, rename; the old mode (and owner if allowed) kept."""
    try:
        replace_file(target, data, st, mode_mask=0o7777)
    except OSError as exc:
        raise OutputError(display, _reason(exc)) from None




def check_folder_entry(path: Path, database: str | os.PathLike[str] | None = None) -> os.stat_result | None:
    """What is at ``path`` now (None: nothing), or :class:`OutputError` when a file written into
    an output folder must not replace it: anything but a regular file, or the database."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(path, _reason(exc)) from None
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(path, f"is {file_kind(st.st_mode)}, not a regular file; files written into an "
                                "output folder never go through links, pipes or devices: remove it or "
                                "choose another folder; nothing written")
    if database is not None and same_file(path, database):
        raise OutputError(path, "is the database itself; refusing to write over it; nothing written")
    return st


def replace_in_folder(path: Path, data: bytes, database: str | os.PathLike[str] | None = None) -> None:
    """Write ``data`` as the regular file ``path`` inside an output folder (temp file, rename).

    Checked again just before writing (:func:`check_folder_entry`); the rename replaces the
    directory entry itself, so a link planted between the check and the rename is replaced,
    never written through.
    """
    st = check_folder_entry(path, database)
    _write_replacing(path, data, st, display=path)
