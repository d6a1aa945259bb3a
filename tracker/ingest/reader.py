"""Read a file into articles: check it is text at all, then pick the blog or the plain reader."""

from __future__ import annotations

from pathlib import Path

from tracker.domain.dates import PDate
from tracker.ingest import blog, plain
from tracker.ingest.source import IngestError, SourceArticle


MAX_ARTICLE_BYTES = 2 * 1024 * 1024  # about 300,000 words: far past any article, and ingest stays quick


def read_text(path: Path) -> str:
    """The file's text; one-line IngestError for a missing, empty, binary or oversized file."""
    from tracker.store.guard import UnsafeFileError, read_regular

    try:
        raw = read_regular(path)  # a device or FIFO would never end; a regular file only, capped
    except UnsafeFileError as exc:
        raise IngestError(str(exc)) from None
    except FileNotFoundError:
        raise IngestError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise IngestError(f"{path}: is a folder, not an article file") from None
    except OSError as exc:
        raise IngestError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise IngestError(f"{path}: {len(raw) / 1048576:.1f} MB is too long for an article (at most "
                          f"{MAX_ARTICLE_BYTES // 1048576} MB); ingest one article or a few at a time")
    if not raw.strip():
        raise IngestError(f"{path}: the file is empty")
    if b"\x00" in raw[:65536]:
        raise IngestError(f"{path}: a binary file, not an article (text or Markdown)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{path}: not UTF-8 text (byte {exc.start}); save the article as UTF-8") from None
    if not text.strip():  # a byte-order mark and nothing else (or only white space after it)
        raise IngestError(f"{path}: the file is empty (only a byte-order mark)")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_articles(path: Path, author: str = "", date: PDate | None = None) -> list[SourceArticle]:
    """Every article in the file, with its metadata; refuses what it cannot read.

    ``author`` and ``date`` fill what the text lacks (and, for the blog format, are
    compared with what its sources say).
    """
    text = read_text(path)
    stripped = text.lstrip()
    if stripped[:1] and stripped[:1] in "{[<":
        kind = "JSON" if stripped[:1] in "{[" else "HTML/XML"
        raise IngestError(f"{path}: looks like {kind}, not an article (plain text or Markdown, "
                          "or the blog format of the seed file)" + ("; save the article as text" if kind != "JSON" else ""))
    if blog.looks_like_blog(text):
        articles = blog.read_posts(text, path, author=author)
    else:
        articles = [plain.read_article(text, path, author=author, date=date)]
    for article in articles:
        if article.published is None and date is not None:
            article.published = date
        if article.published is None:
            raise IngestError(f"{path}: {article.label()!r} has no date; give one with --date")
        if not article.author:
            raise IngestError(f"{path}: {article.label()!r} names no author; give one with --author")
    return articles
