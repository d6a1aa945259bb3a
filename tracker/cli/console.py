"""What CLI handlers share for talking to the terminal: the refusal they raise, its width, and
JSON output that is safe to print.

Kept apart from :mod:`tracker.cli.main` (the argument parser and ``main``) so that handlers never
import the module that imports them.
"""

from __future__ import annotations

import os
import re
import shutil
import sys

import orjson

from tracker.domain.codec import encode_record
from tracker.domain.errors import TrackerError
from tracker.domain.model import Record
from tracker.domain.text import visible


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


# JSON escapes C0 controls but leaves DEL, C1 controls (U+0080-U+009F, which a terminal may
# read as ESC [ and friends) and bidirectional overrides raw: \u-escape them too (still JSON).
_UNSAFE_LEADS = (b"\x7f", b"\xc2", b"\xe2")  # the first byte of every match below
_JSON_UNSAFE = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def safe_json(data: bytes) -> bytes:
    """orjson output with every character a terminal could act on written as a \\u escape."""
    if not any(lead in data for lead in _UNSAFE_LEADS):  # memchr scans: most output has none
        return data
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group().decode()):04x}".encode(), data)


def print_json(value: object) -> None:
    sys.stdout.buffer.write(safe_json(orjson.dumps(value, option=orjson.OPT_INDENT_2) + b"\n"))
    sys.stdout.flush()


class UsageError(Exception):
    """Arguments that do not fit together: exit 2, like argparse's own usage errors."""


def say(text: str, file=None) -> None:
    """Print text that may hold user data: control characters shown, never sent."""
    print(visible(text, keep_newlines=True), file=file or sys.stdout)


def print_record(record: Record, as_json: bool, text: str) -> int:
    if as_json:
        print_json(encode_record(record))
    else:
        say(text)
    return 0
