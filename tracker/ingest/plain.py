"""Plain text or Markdown articles: a title line, optional metadata lines, then paragraphs.

Recognised metadata (each optional, before the first paragraph): ``By NAME``,
``Author: NAME``, ``Date: DATE`` / ``Published: DATE`` / a line that is only a date,
``URL: https://...`` or a bare URL, and YAML-style front matter between ``---`` lines
with the same keys. Markdown headings (``## Outlook``) name the section of what follows.
"""

from __future__ import annotations

import re
from pathlib import Path

from tracker.domain.dates import DateError, PDate, parse_date
from tracker.ingest.source import IngestError, Paragraph, SourceArticle
from tracker.domain.text import plural

_KEY = re.compile(r"^(?P<key>title|by|author|date|published|url|source|タイトル|著者|筆者|日付|公開日)\s*[:：]\s*"
                  r"(?P<value>.+)$", re.IGNORECASE)
_KEYS = {"タイトル": "title", "著者": "author", "筆者": "author", "日付": "date", "公開日": "published"}
# "By Jo Doe", a one-word handle with digits ("By kanzeon_2040"), words that start with a letter ("By MQL5
# News"), a number after a word that is no year ("By Civics 307"); never "By 2025, …" nor "By March 2025"
_BY = re.compile(r"^by\s+(?P<name>[^\d,;]{2,80}|@?[\w.-]*[A-Za-z][\w.-]*\d[\w.-]*|"
                 r"[A-Za-z][\w.'-]*(?:\s+(?:[A-Za-z][\w.'-]*|(?!(?:19|20)\d{2}\b)\d{1,4}\b)){1,5})$", re.IGNORECASE)
# "By Jane Doe, Reuters", "By Jane Doe; Senior Fellow": a name of capitalised words, then the outlet or post
_BY_AFFILIATION = re.compile(r"^by\s+(?P<name>(?!(?:The|This|That|Then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                             r"Sunday|January|February|March|April|May|June|July|August|September|October|November|"
                             r"December|Next|Last|Early|Late|Mid)\b)[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|de|van|von|der|"
                             r"da|di|del|la|le|bin|al)){0,4})\s*[,;|]\s*(?P<rest>[^.!?]{2,80})$")
# control and format characters (a bell, an escape, a zero-width space): invisible, so no part of the line's shape
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u2060\ufeff]")
_URL = re.compile(r"^<?(https?://\S+?)>?$")
_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.+?)\s*#*$")
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
MAX_TITLE = 300


def language_of(text: str) -> str:
    """'ja' when a fair share of the letters are Japanese, else 'en'."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "en"
    return "ja" if sum(1 for c in letters if _CJK.match(c)) / len(letters) > 0.2 else "en"


def read_article(text: str, path: Path, author: str = "", date: PDate | None = None) -> SourceArticle:
    """One article; metadata in the text wins over nothing, --author/--date over nothing too."""
    article = SourceArticle(title="", author="", published=None, language=language_of(text), index=1)
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    i = _skip_blank(lines, 0)
    if i < len(lines) and lines[i][1].strip() == "---":  # front matter
        j = i + 1
        while j < len(lines) and lines[j][1].strip() != "---":
            _read_meta(article, lines[j][1].strip(), path)
            j += 1
        i = _skip_blank(lines, j + 1)
    if i < len(lines) and not article.title:
        heading = _HEADING.match(lines[i][1].strip())
        article.title = heading["text"] if heading else lines[i][1].strip()
        i += 1
    if len(article.title) > MAX_TITLE:
        raise IngestError(f"{path}: the first line is {plural(len(article.title), 'character')} long; an article "
                          "starts with its title line")
    while i < len(lines) and (not lines[i][1].strip() or _read_meta(article, lines[i][1].strip(), path)
                              or _header_line(article, lines, i, path)):
        i += 1
    _read_paragraphs(article, lines[i:])
    if not article.paragraphs:
        raise IngestError(f"{path}: no article text after the title line")
    article.author = article.author or author
    if author and article.author != author:
        article.flags.append(f"the text names {article.author!r} as author, --author says {author!r}")
        article.author = author
    if date is not None and article.published is not None and date != article.published:
        article.flags.append(f"the text is dated {article.published}, --date says {date}")
        article.published = date
    return article


def _skip_blank(lines: list[tuple[int, str]], i: int) -> int:
    while i < len(lines) and not lines[i][1].strip():
        i += 1
    return i


def _header_line(article: SourceArticle, lines: list[tuple[int, str]], i: int, path: Path) -> bool:
    """A line of the header that is no metadata of its own but stands before a keyed one ("Date: …", "URL: …"):
    a byline the reader cannot take apart, or a subtitle. It is kept out of the text, so the date after it is read."""
    j = _skip_blank(lines, i + 1)
    if article.published is not None or j >= len(lines) or j > i + 2 or len(lines[i][1]) > MAX_TITLE:
        return False
    scratch = SourceArticle(title="", author="", published=None, language=article.language, index=0)
    k = j
    try:  # the metadata after it must give the date the article still lacks ("By …", then "Date: …")
        while k < len(lines) and scratch.published is None and not scratch.title and \
                _read_meta(scratch, lines[k][1].strip(), path):
            k = _skip_blank(lines, k + 1)
    except IngestError:
        return False
    if scratch.published is None or scratch.title:
        return False
    line = _visible_shape(lines[i][1])
    if re.match(r"^by\s+\S", line, re.IGNORECASE) and not article.author:
        article.author = re.split(r"\s*[,;|(]\s*", lines[i][1].strip("*_ \t")[2:].strip(), maxsplit=1)[0]
        article.flags.append(f"byline {lines[i][1].strip()!r} read as author {article.author!r}")
    else:
        article.flags.append(f"header line {lines[i][1].strip()!r} (before {lines[j][1].strip()!r}) is no article text; "
                             "read as a subtitle")
    return True


def _visible_shape(line: str) -> str:
    """The line without invisible characters, for telling what kind of line it is."""
    return _INVISIBLE.sub("", line).strip("*_ \t")


def _raw_name(raw: str, name: str) -> str:
    """``name`` (found in the line without its invisible characters) as the line writes it, control characters kept,
    so that they are shown escaped where the author is displayed."""
    out, k = [], 0
    for ch in raw:
        if k >= len(name):
            break
        if ch == name[k]:
            out.append(ch)
            k += 1
        elif out and _INVISIBLE.match(ch):
            out.append(ch)
    return "".join(out).strip() if k == len(name) else name


def _read_meta(article: SourceArticle, line: str, path: Path) -> bool:
    """Read one metadata line into the article; False when the line is not metadata."""
    raw = line.strip("*_ ")
    line = _visible_shape(line)  # "By Jane\x07 Doe", "\x07By Jane Doe": a byline all the same
    keyed = _KEY.match(line)
    key, value = (keyed["key"].lower(), keyed["value"].strip()) if keyed else ("", line)
    key = _KEYS.get(key, key)
    if key == "title":
        article.title = _raw_name(raw, value)
        return True
    by = None if key else (_BY.match(line) or _BY_AFFILIATION.match(line))
    if key in ("by", "author") or by:
        article.author = _raw_name(raw, value if key else by["name"].strip())
        return True
    if key in ("url", "source") or (not key and _URL.match(line)):
        article.url = _URL.match(value)[1] if _URL.match(value) else value
        return True
    if key in ("date", "published") or (not key and len(line) <= 40):
        try:
            article.published = parse_date(value)
            return True
        except DateError as exc:
            if key:
                raise IngestError(f"{path}: {key}: {exc}") from None
    return False


def _read_paragraphs(article: SourceArticle, lines: list[tuple[int, str]]) -> None:
    section, buffer, start = "body", [], 0
    for offset, line in [*lines, (-1, "")]:
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if not stripped or heading:
            if buffer:
                article.paragraphs.extend(Paragraph(text, section, at) for at, text in _lines_apart(buffer, start))
                buffer = []
            if heading:
                section = heading["text"]
            continue
        if not buffer:
            start = offset + line.index(stripped)
        buffer.append((offset + line.index(stripped), stripped))


# round 19: "Florida: Trump" over "Ohio: Kasich" (a list of labelled lines, with no bullets): each line an item of its own
_LABELLED = re.compile(r"^[^\s:][^:]{0,40}:\s+\S[^.!?]*$")


def _lines_apart(buffer: list[tuple[int, str]], start: int) -> list[tuple[int, str]]:
    """A paragraph's text, or its lines one by one when each is a short labelled line ("Ohio: Kasich")."""
    if len(buffer) >= 3 and all(_LABELLED.match(text) and len(text.split()) <= 8 for _, text in buffer):
        return buffer
    return [(start, "\n".join(text for _, text in buffer))]
