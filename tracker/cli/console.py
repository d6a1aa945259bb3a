"""What CLI handlers share for talking to the terminal: the refusal they raise, its width, and
JSON output that is safe to print.

Kept apart from :mod:`tracker.cli.main` (the argument parser and ``main``) so that handlers never
import the module that imports them.
"""

from __future__ import annotations

import re
import shutil
import sys

import orjson

from tracker.domain.encoding import encode_record
from tracker.domain.errors import TrackerError
from tracker.domain.model import Record
from tracker.domain.text import visible


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


# JSON escapes C0 controls but leaves DEL, C1 controls (U+0080-U+009F, which a terminal may
# read as ESC [ and friends), bidirectional marks and overrides, the line and paragraph
# separators U+2028/9 (line breaks to some viewers, and not allowed raw in older JavaScript),
# zero-width characters and tag characters raw: \u-escape them too (still JSON), as
# :func:`tracker.domain.text.visible` shows them.
_UNSAFE_LEADS = (b"\x7f", b"\xc2", b"\xd8", b"\xe1", b"\xe2", b"\xef", b"\xf3")  # first bytes below
_JSON_UNSAFE = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xd8\x9c|\xe1\xa0\x8e|\xe2\x80[\x8b-\x8f\xa8-\xae]"
                          rb"|\xe2\x81[\xa0-\xa4\xa6-\xaf]|\xef\xbb\xbf|\xf3\xa0[\x80\x81][\x80-\xbf]")


def _json_escape(match: re.Match[bytes]) -> bytes:
    code = ord(match.group().decode())
    if code > 0xFFFF:  # a tag character: JSON writes it as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}".encode()
    return f"\\u{code:04x}".encode()


def safe_json(data: bytes) -> bytes:
    """orjson output with every character a terminal could act on written as a \\u escape."""
    if not any(lead in data for lead in _UNSAFE_LEADS):  # memchr scans: most output has none
        return data
    return _JSON_UNSAFE.sub(_json_escape, data)


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
