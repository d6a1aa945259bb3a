"""Round 36 (after heldout42's first run): possibilities set side by side, or raised only to be dismissed, are no calls.

- "Sandberg may be thrown under the bus by Zuckerberg, or she may be allowed to resign gracefully, but she will go":
  two ways it may come about, then the call; the first was read as "Sandberg will be thrown under the bus…", the "may"
  of an alternative dropped. The alternatives are taken off, the clause after "but" kept;
- "Apple could run it on September 11, but nobody launches anything on that date, and it could be September 13, but
  few launch anything on any 13th": each possibility is dismissed by what follows its "but" ("nobody", "few", "no one");
  they were read as "Apple will run it on September 11" and "It will be September 13".

Applied by :func:`tracker.ingest.frames_en.prepare` before a sentence is read; a sentence of nothing else is left empty.
"""

from __future__ import annotations

import re

_MAYBE = r"\b(?:may|might|could)\b"
# "…, but nobody knows how much" doubts the amount, not the possibility: no dismissal
_NOT_KNOWING = r"(?!\s+(?:\w+ly\s+)?(?:knows?|can|could|will|would|is|are|seems?|expects?|believes?|thinks?|doubts?)\b)"
# "A may X, or B may Y, but C will Z" (the last part optional): the alternatives, then what the author expects
_EITHER_WAY = re.compile(r"^(?P<lead>(?:\w+,\s+)?)(?P<a>[^,;]{3,160}?" + _MAYBE + r"[^,;]{3,160}?),\s+or\s+(?:else\s+)?"
                         r"(?P<b>[^,;]{3,160}?" + _MAYBE + r"[^,;]{3,160}?)(?:,\s+but\s+(?P<c>[^;]+))?$", re.IGNORECASE)
# "X could V (on D), but nobody (few, no one, hardly anyone) … that (any, then, such) …": what is said of the possibility
_DISMISSED = re.compile(r"(?:^|(?<=,\s)(?:and\s+)?)[^,;]{3,120}?" + _MAYBE + r"[^,;]{2,120}?,\s+but\s+(?:nobody|no\s+one|few|"
                        r"hardly\s+anyone|hardly\s+anybody|none|no\s+company|no\s+firm)\b" + _NOT_KNOWING +
                        r"(?=[^,;]*\b(?:that|then|such|any|this|those)\b)[^,;]*(?:,\s*|(?=[.;]|$))",
                        re.IGNORECASE)


def reword(text: str) -> str:
    """``text`` without alternatives or dismissed possibilities (see the module's docstring)."""
    either = _EITHER_WAY.match(text.strip())
    if either:
        rest = (either["c"] or "").strip()
        return f"{either['lead']}{rest[:1].upper() + rest[1:] if not either['lead'] else rest}" if rest else ""
    if not _DISMISSED.search(text):
        return text
    left = re.sub(r"^(?:and|but)\s+", "", _DISMISSED.sub("", text).strip(), flags=re.IGNORECASE)
    left = left[:1].upper() + left[1:]
    return "" if not re.search(r"[A-Za-z]{3}", left) else left
