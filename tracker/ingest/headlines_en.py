"""A headline read for the author's call (round 24), before :func:`tracker.ingest.extract.title_calls` reads it as a
sentence.

- A short label before a colon is left out ("Korybko To Dutch Media: X Will Y" -> "X Will Y";
  :func:`tracker.ingest.retro_en.headline`).
- A call before a colon whose other side names the author as its speaker ("No Russian 'Misadventure' Is Inevitable:
  Political Analyst, Andrew Korybko On Ukraine Crisis", "X Will Y, Says Jo Doe", "X Will Y: Jo Doe") is the part
  before the colon: the tail tells who says it and about what, no claim of its own.
- A headline says what will happen when it has a hedge or denies a certainty ("No X Is Inevitable";
  :mod:`tracker.ingest.certainty_en`), or (round 28) opens with an imperative of expectation ("Expect X").
"""

from __future__ import annotations

import re

from tracker.ingest import retro_en
from tracker.ingest.certainty_en import denied_certainty
from tracker.ingest.hedgefind_en import has_hedge

# after the author's name: nothing, or what the piece is about ("On Ukraine Crisis", "About X", "Explains")
_ABOUT = re.compile(r"^\s*(?:(?:on|about|explains?|discusses|talks?)\b.*)?$", re.IGNORECASE)
# before the author's name: a role ("Political Analyst,", "Geopolitical expert") or "says"
_ROLE = re.compile(r"^\s*(?:(?:[\w'-]+\s+){0,3}[\w'-]+,?\s+)?$|^\s*says\s+$", re.IGNORECASE)


def headline(title: str, names: tuple[str, ...] = ()) -> str:
    """The part of ``title`` that may hold the author's call (see the module's docstring)."""
    text = retro_en.headline(title)
    for cut in (m for m in re.finditer(r":\s+|,\s+(?=says\s)", text, re.IGNORECASE)):
        head, tail = text[:cut.start()].strip(), text[cut.end():].strip()
        for name in (n for n in names if n):
            at = tail.lower().find(name.lower())
            if at >= 0 and _ROLE.match(tail[:at]) and _ABOUT.match(tail[at + len(name):]):
                return head
    return text


def says_what_will_happen(text: str) -> bool:
    """Whether a headline read as a sentence may hold a call: a hedge, a certainty denied, or (round 28) an imperative of
    expectation ("Expect An Intensification Of X", "Don't Expect X To Y", "Look For X To Y")."""
    return has_hedge(text) or denied_certainty(text.rstrip(".!")) is not None or bool(_EXPECT.match(text))


_EXPECT = re.compile(r"^(?:(?:don't|do\s+not)\s+)?(?:expect|look\s+for|count\s+on|watch\s+for)\s+\S", re.IGNORECASE)
