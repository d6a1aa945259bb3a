"""Text from articles is data: control characters are shown, never sent to a terminal.

A claim holding ``ESC ] 0 ; … BEL`` would retitle the terminal, ``ESC [ 2 J`` would
blank it, OSC 52 would write the clipboard. Every path that prints or draws user text
(CLI tables, details, errors, notes, history, the TUI, reports) passes it through
:func:`visible`, which shows each such character as a visible escape (``\\x1b``).
"""

from __future__ import annotations

import re

# C0 controls, DEL, C1 controls, and the bidirectional marks, overrides and isolates (U+061C,
# U+200E/F, U+202A-E, U+2066-9) that can make text display in an order other than the one it
# is stored in; the line and paragraph separators (U+2028/9), which some terminals and viewers
# break lines at; and what cannot be seen at all: zero-width spaces and joiners (U+200B-D),
# the word joiner and invisible operators (U+2060-4), deprecated format characters (U+206A-F),
# U+180E, the zero-width no-break space (U+FEFF) and the tag characters (U+E0000-E007F),
# which can hide text inside a claim.
# Lone surrogates are the bytes of an argument or file name that was not UTF-8: they cannot
# even be printed, so they are shown as escapes too.
_INVISIBLE = ("\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
              "\ud800-\udfff\U000e0000-\U000e007f")
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{_INVISIBLE}]")
_CONTROL_KEEP_NEWLINES = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{_INVISIBLE}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a raw byte carried by surrogateescape: show the byte
        return f"\\x{code - 0xDC00:02x}"
    if code > 0xFFFF:
        return f"\\U{code:08x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, keep_newlines: bool = False) -> str:
    """``text`` with every control character shown as an escape such as ``\\x1b``.

    With ``keep_newlines``, line feeds stay line feeds (multi-line notes); tabs and
    carriage returns are always escaped.
    """
    pattern = _CONTROL_KEEP_NEWLINES if keep_newlines else _CONTROL
    return pattern.sub(_escape, text)


def visible_all(texts: list[str]) -> list[str]:
    """:func:`visible` of each text, with one scan of them all for the usual case, where none holds
    a character to escape (a table of 100,000 rows: one search, not 100,000)."""
    if not has_control("".join(texts)):
        return texts
    return [visible(t) for t in texts]


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character :func:`visible` would escape (newlines included)."""
    return _CONTROL.search(text) is not None


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``1 page``, ``2 pages``, ``0 pages`` (``many`` for an irregular plural)."""
    return f"{n} {noun if n == 1 else (many or noun + 's')}"


def a_or_an(word: str) -> str:
    """``an event``, ``a prediction``: the article a word takes (by its first letter)."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"
