"""What CLI handlers share for talking to the terminal: the refusal they raise, and its width.

Kept apart from :mod:`tracker.cli.main` (the argument parser and ``main``) so that handlers never
import the module that imports them.
"""

from __future__ import annotations

import os
import shutil
import sys

from tracker.domain.errors import TrackerError


class Refused(TrackerError):
    """A command refused; exit 1 with the message (and any listed problems)."""


def terminal_width() -> int:
    """The terminal's width; very wide when output goes to a pipe or file."""
    return output_width() or 1_000_000_000


def output_width() -> int | None:
    """The terminal's width; None (cut nothing) when output goes to a pipe or file."""
    if not sys.stdout.isatty() and "COLUMNS" not in os.environ:
        return None
    return shutil.get_terminal_size((120, 24)).columns
