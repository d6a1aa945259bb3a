"""Round 36 (after heldout42's first run): what the text itself will do, told in a clause that hangs on a statement,
is no call. "The arguments … leave out the strategic side of Russia's oil exports, which the present piece will explain"
and "…, which will now be explained" were proposed as the author's calls; round 32 left out a clause whose subject is
the text ("… will conclude this analysis"), round 33 "It will be shown that…", not such a trailing clause. The clause is
taken off before the sentence is read (by :func:`tracker.ingest.frames_en.prepare`), so what is left is read as usual.
"""

from __future__ import annotations

import re

_TEXT = (r"(?:(?:the\s+present|this|the\s+following|the\s+next|my|our)\s+(?:piece|article|analysis|post|essay|column|report|"
         r"section|paragraphs?|part|chapter|note|briefing|newsletter|thread|commentary)|I|we)")
_SHOW = r"(?:explain|show|examine|explore|discuss|describe|detail|elaborate\s+on|address|unpack|look\s+at|set\s+out|clarify)"
# ", which the present piece will explain", ", which I will show below", ", as this article will show"
_WHICH_TEXT_WILL = re.compile(r",?\s+(?:which|as|something|a\s+point)\s+(?:which\s+)?" + _TEXT + r"\s+(?:will|shall|is\s+going\s+to)\s+"
                              r"(?:\w+ly\s+)?(?:now\s+|next\s+|soon\s+|later\s+|briefly\s+)?" + _SHOW + r"\b[^,;.]*(?=[,;.]|$)",
                              re.IGNORECASE)
# ", which will now be explained", ", as will be shown below"
_WHICH_WILL_BE = re.compile(r",?\s+(?:which|as)\s+will\s+(?:now\s+|next\s+|soon\s+|later\s+|briefly\s+)?be\s+(?:explained|shown|"
                            r"examined|explored|discussed|described|detailed|elaborated(?:\s+(?:on|upon))?|addressed|set\s+out|"
                            r"clarified)\b[^,;.]*(?=[,;.]|$)", re.IGNORECASE)


def reword(text: str) -> str:
    """``text`` without a trailing clause that tells what the text will do (see the module's docstring)."""
    return _WHICH_WILL_BE.sub("", _WHICH_TEXT_WILL.sub("", text))
