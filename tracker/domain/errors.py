"""What the user can be told: one exception base, and problems as values.

A :class:`Problem` says where (``predictions[x]``, ``row 3``), which field, and what is
wrong. It is also the one-line text the CLI prints (it is a ``str``), so code that lists
problems keeps working, while code that needs the field reads ``problem.field`` instead of
parsing the text back.
"""

from __future__ import annotations


class Problem(str):
    """``where.field: message`` as text, with ``where``, ``field`` and ``message`` as values."""

    where: str
    field: str
    message: str

    def __new__(cls, where: str, field: str, message: str) -> Problem:
        head = f"{where}.{field}" if where and field else (where or field)
        self = super().__new__(cls, f"{head}: {message}" if head else message)
        self.where, self.field, self.message = where, field, message
        return self

    def __reduce__(self):  # pickles (and copies) as a Problem, not a bare str
        return (Problem, (self.where, self.field, self.message))


class TrackerError(Exception):
    """Anything the user can cause and be told about in one line (exit 1, no traceback).

    ``problems`` lists every reason when there are several (an import names every bad row).
    """

    def __init__(self, message: str = "", problems: list[str] | None = None):
        super().__init__(message)
        self.problems: list[str] = list(problems or [])


class ActionError(TrackerError):
    """A refused action; the message is one line for the user."""


def error_message(exc: Exception) -> str | None:
    """The one-line message for an error the user can cause; None for a bug."""
    if isinstance(exc, TrackerError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{getattr(exc, 'filename', '') or ''}: {exc.strerror or exc}".lstrip(": ")
    return None
