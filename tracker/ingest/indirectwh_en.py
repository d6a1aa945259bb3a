"""Round 36 (after heldout42's first run): a clause of "when", "what", "how"… that a text, an outlet or a study sets out to
answer is an indirect question, no call. "AppleInsider pins down when that is most likely to be, along with what you can
and should not expect to see there" was proposed as "AppleInsider pins down when that will be" (round 33 read such a
question under "whether" only). A sentence whose subject (not the author: "I wonder whether…" is read elsewhere) pins down,
explains or looks at a question of this kind is left empty before it is read (by :func:`tracker.ingest.frames_en.prepare`).
"""

from __future__ import annotations

import re

_ANSWERS_WH = re.compile(r"^(?:\w+,\s+)?(?!(?:I|we|you)\b)(?P<subj>[A-Z][\w'.&-]*(?:\s+(?!(?:will|would|to|may|might|could|should|can|must|be|been)\b)[\w'.&-]+){0,4}?)\s+(?:(?:also|now|then|here)\s+)?"
                         r"(?:pins?\s+down|explains?|examines?|looks?\s+(?:at|into)|considers?|explores?|sets?\s+out|works?\s+out|"
                         r"figures?\s+out|spells?\s+out|lays?\s+out|tells?\s+(?:you|readers|us)|shows?\s+(?:you|readers|us))\s+"
                         r"(?:exactly\s+|precisely\s+)?(?:when|what|where|how|which|who|whether)\b", re.IGNORECASE)


def reword(text: str) -> str:
    """``text``, or "" when it only sets out a question to answer (see the module's docstring)."""
    return "" if _ANSWERS_WH.match(text.strip()) else text
