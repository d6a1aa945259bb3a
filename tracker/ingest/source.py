"""What the readers produce: an article's metadata and its text, with offsets into the file."""

from __future__ import annotations

from dataclasses import dataclass, field

from tracker.domain.errors import ActionError
from tracker.domain.dates import PDate


class IngestError(ActionError):
    """A file that cannot be ingested; the message is one line naming the file and the problem."""


@dataclass(slots=True)
class Paragraph:
    """One paragraph (or bullet line) of an article, where it sits in the file."""

    text: str
    section: str  # "概要", "詳細", "要点", "body", or "概要 (repeated)"...
    offset: int  # character offset of the paragraph in the file


@dataclass(slots=True)
class SourceArticle:
    """One article found in a file: its metadata as read, and its paragraphs."""

    title: str
    author: str
    published: PDate | None
    url: str = ""
    language: str = "en"
    summary_title: str = ""  # the blog's own heading, for a summary or translation
    summary_posted: str = ""  # the blog's posting time, "2025-02-23T20:04"
    summary_language: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # metadata that does not agree, for the reader
    index: int = 0  # position in the file (1-based), for `source`

    def label(self) -> str:
        return self.title or self.summary_title or f"article {self.index}"
