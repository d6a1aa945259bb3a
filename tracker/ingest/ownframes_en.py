"""Round 27 of issue 22 (after heldout33's first run): whose frame a speaker-like phrase is, for
:func:`tracker.ingest.speakers_en.clause_speaker`.

- "My gut says that X might…", "my instinct tells me X", "Our model says X": a faculty or tool of the author's, so his
  own frame (a person of his, "my colleague", "our economists", is someone else);
- "The market may anticipate a big drop", "Investors might expect that the Fed will cut": a modal on a verb of
  foreseeing hedges the subject's expectation, so what follows is theirs, not the author's call.
"""

from __future__ import annotations

import re

# "my gut", "our model", "my reading of the polls": the author's own faculty or tool, not someone else (a person
# of his is someone else: "my colleague", "our correspondent")
OWN = re.compile(r"^(?:my|our)\s+(?!(?:\w+\s+)?(?:colleagues?|friends?|correspondents?|reporters?|editors?|readers?|"
                 r"sources?|wife|husband|partners?|father|mother|brother|sister|son|daughter|family|boss|team|"
                 r"analysts?|economists?|strategists?|guests?|panel|panelists|contacts?|clients?|neighbou?rs?)\b)\w",
                 re.IGNORECASE)

# round 27: "The market may anticipate a big drop", "Investors might expect the Fed to cut": a modal on a verb of
# foreseeing hedges the subject's expectation; the forecast (if any) is theirs, not the author's
MODAL_WORDS = ("may", "might", "could", "would", "will", "can")
MODAL_FORESEE = re.compile(r"\s+(?:well\s+|also\s+|still\s+)?(?:anticipate|expect|predict|forecast|foresee|project|price\s+in)"
                           r"\b(?:\s+that)?\s*", re.IGNORECASE)
