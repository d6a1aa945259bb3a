"""What CLI handlers share for talking to the terminal: the refusal they raise, and its width.

Kept apart from :mod:`tracker.cli.main` (the argument parser and ``main``) so that handlers never
import the module that imports them.
"""

from __future__ import annotations

import shutil
import sys

from tracker.domain.errors import TrackerError


class Refused(TrackerError):
    """A command refused; exit 1 with the message (and any listed problems)."""


def is_terminal() -> bool:
    """Whether standard output is a terminal (not a pipe, a file or cron's mail)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # replaced or closed
        return False


def output_width() -> int | None:
    """The terminal's width (``COLUMNS`` overrides what the terminal says); None when output
    goes to a pipe or a file, whatever ``COLUMNS`` says: there, nothing is cut or padded."""
    if not is_terminal():
        return None
    return shutil.get_terminal_size((120, 24)).columns
