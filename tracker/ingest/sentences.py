"""Sentence splitting: Japanese by rule, English with pysbd (imported only when needed).

Japanese ends a sentence at 。！？ and at a line break, but never inside 「」 or 『』 or
brackets, so a quoted sentence stays part of the sentence that quotes it. English goes
to pysbd, whose rules know "U.S.", "Mr." and "e.g." are not the end of a sentence.
"""

from __future__ import annotations

import functools
import re

_OPEN, _CLOSE = "「『（(［[", "」』）)］]"
_ENDS = "。！？!?"
# pysbd's time grows with the square of the text it is given: a paragraph is handed to it in
# pieces of at most this many characters, cut where a sentence very likely ends (or, in text
# with no such place, anywhere), so splitting stays linear in the article's length.
CHUNK = 2_000
_LIKELY_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]*[A-Z0-9])")


def split(text: str, language: str) -> list[tuple[int, str]]:
    """(offset in text, sentence) for every sentence, stripped, in order."""
    if language == "ja":
        return _split_japanese(text)
    return _split_english(text)


def _split_japanese(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        if ch == "\n" or (ch in _ENDS and depth == 0):
            end = i if ch == "\n" else i + 1
            _add(out, text, start, end)
            start = i + 1
            if ch == "\n":
                depth = 0  # an unclosed bracket never swallows the next line
    _add(out, text, start, len(text))
    return out


def _add(out: list[tuple[int, str]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        out.append((start + piece.index(stripped), stripped))


@functools.lru_cache(maxsize=1)
def _segmenter():
    import pysbd  # a few ms to import; only English articles need it
    from pysbd import abbreviation_replacer, between_punctuation, exclamation_words, lists_item_replacer, \
        processor, punctuation_replacer, utils

    # pysbd calls re.search/re.sub with a pattern string made per abbreviation (about 600 of them, built
    # again for every text): more than Python's cache of 512 compiled patterns holds, so every article
    # compiled them all again and pushed every other module's patterns out (3,600 compilations over the
    # evaluation set, a fifth of ingest's time). Its modules get a `re` of their own with a cache big enough.
    for module in (abbreviation_replacer, between_punctuation, exclamation_words, lists_item_replacer,
                   processor, punctuation_replacer, utils):
        if getattr(module, "re", None) is re:
            module.re = _CachedRe()
    return pysbd.Segmenter(language="en", clean=False)


class _CachedRe:
    """``re`` for pysbd's modules: the same functions, over compiled patterns kept in a cache of their own."""

    compile = staticmethod(functools.lru_cache(maxsize=4096)(re.compile))

    def __getattr__(self, name: str):
        return getattr(re, name)

    def search(self, pattern, string, flags=0):
        return self.compile(pattern, flags).search(string)

    def match(self, pattern, string, flags=0):
        return self.compile(pattern, flags).match(string)

    def sub(self, pattern, repl, string, count=0, flags=0):
        return self.compile(pattern, flags).sub(repl, string, count)

    def split(self, pattern, string, maxsplit=0, flags=0):
        return self.compile(pattern, flags).split(string, maxsplit)

    def findall(self, pattern, string, flags=0):
        return self.compile(pattern, flags).findall(string)

    def finditer(self, pattern, string, flags=0):
        return self.compile(pattern, flags).finditer(string)


def _segments(chunk: str) -> list[tuple[int, str]]:
    """pysbd's sentences of ``chunk`` with where each starts, as its ``char_span=True`` gives them.

    pysbd finds each sentence's place with a regular expression made of the sentence itself: one
    new pattern per sentence, which also pushed every other pattern out of Python's cache of 512
    (ingesting the evaluation set compiled 12,900 patterns, half of its time). The same search is
    done here with ``str.find``: the first place, scanning as ``re.finditer`` does, whose end (with
    the white space after it) is past the end of the sentence before."""
    if not chunk:
        return []
    out: list[tuple[int, str]] = []
    prior = 0
    for sentence in _segmenter().processor(chunk).process():
        at = 0
        while True:
            at = chunk.find(sentence, at)
            if at < 0:
                break
            end = at + len(sentence)
            while end < len(chunk) and chunk[end].isspace():
                end += 1
            if end > prior:
                out.append((at, chunk[at:end]))
                prior = end
                break
            at = end if end > at else at + 1  # finditer goes on after a match (after an empty one, one on)
    return out


def _split_english(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for line_start, line in _lines(text):
        for chunk_start, chunk in _chunks(line):
            for start, piece in _segments(chunk):
                stripped = piece.strip()
                if stripped:
                    at = line_start + chunk_start + start + piece.index(stripped)
                    if out and _name_goes_on(out[-1][1], stripped):  # "Martin Luther King Jr. Day holiday"
                        out[-1] = (out[-1][0], text[out[-1][0]:at + len(stripped)])
                    else:
                        out.append((at, stripped))
    return out


_TITLE_END = re.compile(r"\b(?:Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Adm|Dr|Prof|Rev|Hon|Mt|Ft|St)\.$")  # before a name
_SUFFIX_END = re.compile(r"\b(?:Jr|Sr)\.$")  # after one: "King Jr. Day", but "said Robert Downey Jr. He left."
_STARTS = re.compile(r"^(?:He|She|It|They|We|I|You|The|A|An|This|That|These|Those|There|In|On|At|But|And|So|Yet|His|Her|"
                     r"Their|Its|Our|My|If|When|While|As|After|Before|Then|Now|Still|However)\b")


def _name_goes_on(before: str, after: str) -> bool:
    """A piece cut after an abbreviation inside a name: a title before one ("Gov. Newsom"), or "Jr."/"Sr."
    before a capitalised word that does not open a sentence ("Martin Luther King Jr. Day")."""
    if not after[:1].isupper():
        return False
    return bool(_TITLE_END.search(before) or (_SUFFIX_END.search(before) and not _STARTS.match(after)))


def _chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """(offset, piece) of ``text`` in pieces of about ``size`` characters at most, each ending
    where a sentence very likely ends; a stretch with no such place is cut every ``size``."""
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        cut = None
        for m in _LIKELY_END.finditer(text, start + 1, start + size):
            cut = m.end()
        if cut is None or cut <= start:
            cut = start + size
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?)"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_HEADING_LINE = re.compile(r"^\s*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,?\s+(?:" + _DAY + r"(?:\s+"
                           + _MONTHS + r")?|" + _MONTHS + r"\s+" + _DAY + r"))?|" + _MONTHS + r"\s+" + _DAY + r"|"
                           r"(?=(?:\S+\s+){0,5}\S+\s*$)[^.!?;]*:)(?:,?\s+\d{4})?\s*:?\s*$")


def _lines(text: str) -> list[tuple[int, str]]:
    # A paragraph's lines were joined with "\n": a Markdown bullet line is its own sentence,
    # a wrapped line is not, so only lines that start a list item break the flow.
    # A short line that is a heading ("Monday", "Wednesday, March 8:") over the line below it is its own too.
    pieces, start, current = [], 0, []
    pos = 0
    for line in text.split("\n"):
        if current and (re.match(r"^\s*(?:[-*•・]|\d+[.)])\s+", line) or (len(current) == 1 and _HEADING_LINE.match(current[0]))
                        or (_HEADING_LINE.match(line) and re.search(r"[.!?]\s*$", current[-1]))):
            pieces.append((start, " ".join(current)))
            current, start = [], pos
        if not current:
            start = pos
        current.append(line)
        pos += len(line) + 1
    if current:
        pieces.append((start, " ".join(current)))
    return pieces
