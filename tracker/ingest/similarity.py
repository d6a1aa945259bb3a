"""When two sentences or claims say the same thing: normalised text and character bigrams.

Bigrams work for Japanese (no spaces) and English alike; the blog format says one claim in
three summaries with small changes of wording, which bigram overlap survives.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^\w\u3040-\u30ff\u4e00-\u9fff]+")
_BULLET = re.compile(r"^(?:[・\-*•]|\d+[.．)])\s*")


def normalise(text: str) -> str:
    """Lower-case NFKC text without punctuation, spaces or a leading bullet."""
    text = unicodedata.normalize("NFKC", text).strip()
    return _NOT_WORD.sub("", _BULLET.sub("", text)).casefold()


_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("the a an of to in on at and or for with by from that this is are was were be will not no".split())


def bigrams(text: str) -> set[str]:
    """Character bigrams for Japanese; for other text its content words (English letter
    bigrams are shared by almost any two sentences)."""
    if not _CJK.search(text):
        words = {w for w in _WORD.findall(unicodedata.normalize("NFKC", text).casefold()) if w not in _STOP}
        return words or {normalise(text)}
    norm = normalise(text)
    return {norm[i:i + 2] for i in range(len(norm) - 1)} or {norm}


def similar(a: str, b: str, dice: float = 0.5, overlap: float = 0.75) -> bool:
    """Close enough to be the same sentence or claim said twice."""
    x, y = bigrams(a), bigrams(b)
    if not x or not y:
        return False
    common = len(x & y)
    if not _CJK.search(a + b) and min(len(x), len(y)) < 3 and x != y:
        return False  # "An NDP majority." shares two words with any claim about the NDP's majority
    if 2 * common / (len(x) + len(y)) >= dice:
        return True
    return min(len(x), len(y)) >= (6 if _CJK.search(a + b) else 3) and common / min(len(x), len(y)) >= overlap
