"""predictions.json through TinyDB: atomic, locked, validated.

The file is one JSON object of TinyDB tables keyed by record id (its shape:
:mod:`tracker.store.layout`); :mod:`tracker.store.storage` is the TinyDB storage, middleware and
table classes. This module is the door every command goes through:

* :meth:`Store.read` opens a TinyDB over the file as it is now (read once, shape, schema and
  duplicate keys checked) and returns a :class:`Transaction` to read records from;
  :meth:`Store.load` decodes every record of it.
* :meth:`Store.transaction` takes an exclusive lock on the folder, reads the file *inside* the
  lock, lets the caller change records through TinyDB, and writes once at the end, atomically
  (temp file, fsync, rename): two processes never lose each other's updates, a crash leaves the
  old file or the new one, and a file that could not be read is never written.

Nothing is kept between commands: no cache, no derived copy of the file on disk.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tracker.domain.model import Database, Record
from tracker.domain.progress import Tick
from tracker.store.guard import UnsafeFileError, check_writable, clean_stale_temps, replace_file, resolve_path
from tracker.store.layout import StoreError
from tracker.store.locking import folder_lock
from tracker.store.shelf import shelved
from tracker.store.storage import Signature, collector_paused, file_signature, open_db
from tracker.store.transaction import Keep, Transaction


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old file or the new one (keeping
    its mode, and its owner and group where allowed). For files beside the database that are
    ours to replace (git's merge result, .gitattributes)."""
    try:
        old = path.stat()
    except FileNotFoundError:
        old = None
    replace_file(path, data, old)


# A file past this size (about 10,000 predictions) is worth one full collection after its read; a
# smaller one's records are too few to matter, and the collection would cost more than they do.
SETTLE_BYTES = 8_000_000


@dataclass(frozen=True)
class Written:
    """What the last transaction through a :class:`Store` wrote: the file it read (its
    signature, None if the file moved under the read), the file it left, and the records it put
    (None when it changed more than records: the inbox's proposals).

    A reader that holds the records of ``read`` (the TUI) can put ``records`` into them and hold
    the records of ``wrote``, without reading the whole file again."""

    read: Signature | None
    wrote: Signature | None  # None when another program replaced the file right after the write
    records: tuple[Record, ...] | None


class Store:
    """One predictions file."""

    def __init__(self, path: str | os.PathLike[str], tick: Tick | None = None, beside_screen: bool = False):
        self.path = Path(path)
        self.tick = tick  # told how decoding a file goes (a progress bar), when given
        # Read and written by a thread beside a live screen (the TUI's): what a read or write is
        # done with is let go a record at a time, so the screen keeps drawing (Transaction.let_go).
        self.beside_screen = beside_screen
        self.last_write: Written | None = None  # set by each transaction that writes
        if self.path.is_symlink():  # write (and lock) where the link points, keeping the link
            try:
                self.path = resolve_path(self.path)
            except UnsafeFileError as exc:
                raise StoreError(str(exc)) from None

    def signature(self) -> Signature | None:
        """Changes whenever the file may have (see :func:`tracker.store.storage.file_signature`)."""
        return file_signature(self.path)

    def _large(self) -> bool:
        try:
            return os.stat(self.path).st_size > SETTLE_BYTES
        except OSError:  # no file (or none to stat): the read says what is wrong
            return False

    def _still_ours(self, written: os.stat_result | None) -> Signature | None:
        """The file's signature now, if it is still the file this process just wrote (another
        program may have replaced it since the rename); else None."""
        now = file_signature(self.path)
        if written is None or now is None or (now[0], now[1], now[3]) != (
                written.st_size, written.st_mtime_ns, written.st_ino):
            return None
        return now

    def exists(self) -> bool:
        return self.path.exists()

    def read(self, missing_ok: bool = False, keep_values: bool = False) -> Transaction:
        """The file as it is now, to read records from (nothing it holds is ever written).
        ``keep_values``: keep each record's bytes as well (:meth:`shelve`)."""
        db = open_db(self.path, missing_ok=missing_ok, keep_values=keep_values)
        db.storage.read()  # read and checked now: a bad file is refused here, not mid-command
        return Transaction(self.path, db, self.beside_screen)

    @contextlib.contextmanager
    def reading(self, missing_ok: bool = False, settle: bool = False,
                keep_values: bool = False) -> Iterator[Transaction]:
        """:meth:`read`, for a command that reads what it needs and is done: the collector stays
        paused until the block ends and the file's documents are let go, so it never scans them
        (at 100k predictions a scan is 0.2-0.3 s, longer than finding the records). ``settle``:
        see :func:`tracker.store.storage.collector_paused`."""
        with collector_paused(settle=settle):
            transaction = self.read(missing_ok, keep_values)
            try:
                yield transaction
            finally:
                transaction.let_go()

    def load(self, missing_ok: bool = False, keep: Keep | None = None) -> Database:
        """Every record in the file, decoded; StoreError if the file is unusable. ``keep``: only
        the records a command needs (see :meth:`Transaction.database`).

        The parsed documents are let go as soon as the records are built (the transaction is
        not kept), so a command holds one copy of the file in memory, not two. The collector is
        paused over the parse and the decode together, and comes back when only the records are
        left: it never walks the parsed documents, which are garbage by then. A large file's
        records stay: the collector looks at them once, as it comes back."""
        with self.reading(missing_ok, settle=self._large()) as transaction:
            return transaction.database(self.tick, keep)

    def shelve(self) -> Database:
        """Every record on a shelf (:mod:`tracker.store.shelf`): kept as its bytes, decoded when
        asked for; nothing is decoded here. For a reader that stays open (the TUI). The file's
        shape is checked, its records are not: :func:`tracker.store.shelf.checked_chunks` decodes
        each once, and names a bad one."""
        with self.reading(keep_values=True) as transaction:
            return shelved(transaction.tables(), transaction.batch.storage.values)  # type: ignore[attr-defined]

    def inspect(self) -> tuple[Transaction, list[str]]:
        """The file read without refusing keys given twice, and those keys (for `validate`)."""
        db = open_db(self.path, refuse_duplicates=False)
        db.storage.read()
        return Transaction(self.path, db, self.beside_screen), list(db.storage.storage.duplicates)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Lock, read the file, let the caller change it, and write it once, atomically.

        Nothing is written if the body raises, or if it changed nothing (a missing file is
        created). The lock is on the folder, so it survives the rename that replaces the file.
        """
        folder = self.path.parent if str(self.path.parent) else Path(".")
        if not folder.is_dir():
            raise StoreError(f"{self.path}: folder {folder} does not exist")
        # The collector is paused until the file's documents and records are let go (see
        # collector_paused): a write at 100k predictions then costs no rescan of them at all.
        with collector_paused(), folder_lock(folder):
            try:
                check_writable(self.path)
            except UnsafeFileError as exc:
                raise StoreError(str(exc)) from None
            clean_stale_temps(self.path)
            before = file_signature(self.path)
            db = open_db(self.path, missing_ok=True)
            db.storage.read()
            # The file this transaction read and changed: the same bytes as ``before`` said, unless
            # another program (not tracker: the lock keeps tracker out) rewrote it during the read.
            read = before if file_signature(self.path) == before else None
            transaction = Transaction(self.path, db, self.beside_screen)
            try:
                # Every record is decoded before anything changes: a file that does not fit the
                # schema is never written (a write would carry its bad records on, or drop them).
                transaction.decoded(self.tick)
                yield transaction
                if db.storage.flush(force=db.storage.storage.missing):
                    self.last_write = Written(read, self._still_ours(db.storage.storage.written),
                                              None if transaction.proposals_put else tuple(transaction.changed))
            finally:
                transaction.let_go()
