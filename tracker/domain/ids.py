"""Readable, stable ids (slugs) for new records."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable

MAX_SLUG = 60


def slugify(text: str) -> str:
    """ASCII words of the text, lower-case, joined by hyphens, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_SLUG:
            break
        slug = candidate
    return slug


def new_id(kind: str, text: str, taken: Container[str], prefix: str = "") -> str:
    """A slug for a new record that no existing record uses.

    Text with no ASCII words (a Japanese-only title) gets a short hash of itself.
    """
    import hashlib  # only for a text with nothing to slug (OpenSSL's start costs every command 5 ms)

    base = slugify(text) or f"{kind}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"
    if prefix:
        base = f"{prefix}-{base}"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def no_such_id(record_id: str, ids: Iterable[str], what: str = "record") -> str:
    """``no record with id 'x'``, with the ids close to it: ``; did you mean: a, b?``.

    Close is an id that starts with what was typed, or one :func:`difflib.get_close_matches`
    finds (a typo, a word left out); at most three, the closest first."""
    import difflib

    ids = list(ids)
    close = sorted((i for i in ids if record_id and i.startswith(record_id) and i != record_id), key=len)
    for match in difflib.get_close_matches(record_id, ids, n=3, cutoff=0.6):
        if match not in close:
            close.append(match)
    hint = f"; did you mean: {', '.join(close[:3])}?" if close else ""
    return f"no {what} with id {record_id!r}{hint}"
