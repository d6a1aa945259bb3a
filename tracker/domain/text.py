"""Text from articles is data: control characters are shown, never sent to a terminal.

A claim holding ``ESC ] 0 ; … BEL`` would retitle the terminal, ``ESC [ 2 J`` would
blank it, OSC 52 would write the clipboard. Every path that prints or draws user text
(CLI tables, details, errors, notes, history, the TUI, reports) passes it through
:func:`visible`, which shows each such character as a visible escape (``\\x1b``).
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and the bidirectional overrides and isolates that can
# make text display in an order other than the one it is stored in.
# Lone surrogates are the bytes of an argument or file name that was not UTF-8: they cannot
# even be printed, so they are shown as escapes too.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_CONTROL_KEEP_NEWLINES = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a raw byte carried by surrogateescape: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, keep_newlines: bool = False) -> str:
    """``text`` with every control character shown as an escape such as ``\\x1b``.

    With ``keep_newlines``, line feeds stay line feeds (multi-line notes); tabs and
    carriage returns are always escaped.
    """
    pattern = _CONTROL_KEEP_NEWLINES if keep_newlines else _CONTROL
    return pattern.sub(_escape, text)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character :func:`visible` would escape (newlines included)."""
    return _CONTROL.search(text) is not None


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``1 page``, ``2 pages``, ``0 pages`` (``many`` for an irregular plural)."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


def a_or_an(word: str) -> str:
    """``an event``, ``a prediction``: the article a word takes (by its first letter)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
