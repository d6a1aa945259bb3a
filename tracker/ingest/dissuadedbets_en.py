"""Round 36 (after heldout42's first run): a bet the author talks the reader out of is the author's call that the thing
bet on will not happen. "If you are thinking of betting that Apple will push it all back to October or later, don't"
was proposed as written, a claim whose "will push it all back" reads the other way; "Don't bet on X V-ing" and
"I wouldn't bet on X V-ing" likewise. Applied by :func:`tracker.ingest.frames_en.prepare` before a sentence is read:
the sentence becomes "Apple will not push it all back to October or later.", read by the usual negation rules.
"""

from __future__ import annotations

import re

from tracker.ingest.wording_en import base_of

# "(However,) if you're (thinking of|planning on|tempted to) bet(ting) (that) X will V, don't (do it)."
_IF_BETTING = re.compile(r"^(?P<lead>(?:\w+,\s+)?)(?:if|should)\s+(?:you|anyone|anybody|investors|readers)(?:'re|\s+are|\s+were)?\s+"
                         r"(?:(?:\w+ly\s+)?(?:thinking\s+(?:of|about)|planning\s+(?:on|to)|tempted\s+to|considering|about\s+to|"
                         r"going\s+to)\s+)?bet(?:ting)?\s+(?:\w+\s+)?(?:that\s+)?(?P<subj>[^,;]{1,80}?)\s+will\s+(?!not\b)"
                         r"(?P<rest>[^,;]{2,160}?),\s*(?:then\s+)?(?:don't|do\s+not)(?:\s+do\s+it|\s+bother)?\s*[.!]?$",
                         re.IGNORECASE)
# "Don't bet on X V-ing (anytime soon)." / "I wouldn't bet on X V-ing": X will not V
_DONT_BET_ON = re.compile(r"^(?P<lead>(?:\w+,\s+)?)(?i:(?:but\s+)?(?:don't|do\s+not|never)|(?:I|we)\s+(?:wouldn't|would\s+not))\s+"
                          r"bet\s+on\s+(?P<subj>(?:the\s+|a\s+)?[A-Z][\w'.&-]*(?:\s+[A-Z][\w'.&-]*){0,3}|it|that|this|him|her|them)\s+"
                          r"(?P<ing>[a-z]+ing)\b(?P<rest>[^;]*?)\s*[.!]?$")


def reword(text: str) -> str:
    """``text`` with a dissuaded bet told as the call it denies (see the module's docstring)."""
    found = _IF_BETTING.match(text.strip())
    if found:
        return f"{found['lead']}{found['subj'][:1].upper() + found['subj'][1:] if not found['lead'] else found['subj']} " \
               f"will not {found['rest'].strip()}."
    found = _DONT_BET_ON.match(text.strip())
    if found:
        subj = {"him": "he", "her": "she", "them": "they"}.get(found["subj"].lower(), found["subj"])
        return f"{found['lead']}{subj[:1].upper() + subj[1:] if not found['lead'] else subj} will not " \
               f"{base_of(found['ing'])}{found['rest']}."
    return text
