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
    while i < len(lines) and (not lines[i][1].strip() or _read_meta(article, lines[i][1].strip(), path)):
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


def _read_meta(article: SourceArticle, line: str, path: Path) -> bool:
    """Read one metadata line into the article; False when the line is not metadata."""
    line = line.strip("*_ ")
    keyed = _KEY.match(line)
    key, value = (keyed["key"].lower(), keyed["value"].strip()) if keyed else ("", line)
    key = _KEYS.get(key, key)
    if key == "title":
        article.title = value
        return True
    if key in ("by", "author") or (not key and _BY.match(line)):
        article.author = value if key else _BY.match(line)["name"].strip()
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
                article.paragraphs.append(Paragraph("\n".join(buffer), section, start))
                buffer = []
            if heading:
                section = heading["text"]
            continue
        if not buffer:
            start = offset + line.index(stripped)
        buffer.append(stripped)
