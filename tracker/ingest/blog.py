"""The blog format of the seed file: several posts, each a Japanese summary of one article.

A post is a heading line (``title ― 2025年02月23日 20:04``), then 【概要】, 【詳細】 and 【要点】
(three summaries of the same article), then 【引用・参照・底本】 with the original's title,
newsletter and date on one line and its URL on the next; after that the blog repeats
earlier passages. The original's metadata comes from the sources section, and is
checked against the URL and the other posts: what does not agree is flagged, not hidden.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tracker.domain.dates import DateError, PDate
from tracker.domain.ids import slugify
from tracker.ingest.source import IngestError, Paragraph, SourceArticle
from tracker.domain.text import plural

HEADING = re.compile(r"^(?P<title>\S.*?)\s*[―—]\s*(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
                     r"\s*(?P<H>\d{1,2}):(?P<M>\d{2})\s*$", re.MULTILINE)
MARKER = re.compile(r"^【(?P<name>[^】]+)】\s*$")
SOURCES = "引用・参照・底本"
_CITATION_DATE = re.compile(r"\s+(?P<y>\d{4})[./-](?P<m>\d{1,2})[./-](?P<d>\d{1,2})\s*$")
_NEWSLETTER = re.compile(r"\s+(?P<name>(?:\S+\s+)?\S+?)['’]s\s+(?:Newsletter|Substack|Blog)\s*$")
_URL = re.compile(r"^https?://\S+$")
_TRACKING = re.compile(r"^(utm_.*|publication_id|post_id|isFreemail|r|triedRedirect|fbclid|gclid|ref)$")


def looks_like_blog(text: str) -> bool:
    """True when the text has at least one post heading and a sources section."""
    return bool(HEADING.search(text)) and f"【{SOURCES}】" in text


def clean_url(url: str) -> str:
    """The URL without its tracking parameters (utm_*, publication_id, ...)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


def read_posts(text: str, path: Path, author: str = "") -> list[SourceArticle]:
    """Every post of a blog-format file, with its original's metadata and flags."""
    heads = list(HEADING.finditer(text))
    if not heads:
        raise IngestError(f"{path}: no post heading ('title ― 2025年02月23日 20:04') found")
    posts = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        posts.append(_read_post(text, head, end, i + 1, author, path))
    _check_against_each_other(posts)
    return posts


def _read_post(text: str, head: re.Match, end: int, index: int, author: str, path: Path) -> SourceArticle:
    posted = f"{int(head['y']):04d}-{int(head['m']):02d}-{int(head['d']):02d}T{int(head['H']):02d}:{head['M']}"
    article = SourceArticle(title="", author="", published=None, language="en", index=index,
                            summary_title=head["title"].strip(), summary_posted=posted, summary_language="ja")
    section, seen_sources, citation = "", False, []
    pos = head.end() + 1
    for line in text[pos:end].split("\n"):
        offset, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        marker = MARKER.match(stripped)
        if marker:
            name = marker["name"]
            if name == SOURCES:
                seen_sources = True
            section = name if not seen_sources or name == SOURCES else f"{name} (repeated)"
            continue
        if not stripped:
            continue
        if section == SOURCES:
            if len(citation) < 2 and (citation or not _URL.match(stripped)):
                citation.append(stripped)
                if _URL.match(stripped):
                    section = "(repeated)"  # what follows the URL repeats earlier passages
                continue
            section = "(repeated)"
        article.paragraphs.append(Paragraph(stripped, section or "body", offset + line.index(stripped)))
    if not seen_sources:
        raise IngestError(f"{path}: post {index} ({article.summary_title!r}) has no 【{SOURCES}】 section")
    _read_citation(article, citation, author)
    return article


def _read_citation(article: SourceArticle, lines: list[str], author: str) -> None:
    line = next((ln for ln in lines if not _URL.match(ln)), "")
    url = next((ln for ln in lines if _URL.match(ln)), "")
    article.url = clean_url(url) if url else ""
    if not url:
        article.flags.append("the sources section gives no URL")
    match = _CITATION_DATE.search(line)
    if match:
        try:
            article.published = PDate(int(match["y"]), int(match["m"]), int(match["d"]))
        except DateError:
            article.flags.append(f"the citation's date {match.group().strip()!r} is not a date")
        line = line[:match.start()]
    else:
        article.flags.append("the citation gives no date")
    named = _NEWSLETTER.search(line)
    if author and author in line:
        line, article.author = line[:line.rindex(author)].rstrip(), author
    elif named:
        line, article.author = line[:named.start()], named["name"].strip()
        if author and author != article.author:
            article.flags.append(f"the citation names {article.author!r}, --author says {author!r}")
            article.author = author
    else:
        article.author = author
    article.title = line.strip()
    _check_citation(article)


def _check_citation(article: SourceArticle) -> None:
    posted = PDate(*map(int, article.summary_posted[:10].split("-")))
    if article.published is not None:
        gap = (posted.first_day() - article.published.first_day()).days
        if gap < 0:
            article.flags.append(f"the original is dated {article.published} after the post ({posted})")
        elif gap > 7:
            article.flags.append(f"the original is dated {plural(gap, 'day')} before the post ({posted})")
    slug = urlsplit(article.url).path.rstrip("/").rsplit("/", 1)[-1] if article.url else ""
    title_slug = slugify(article.title)
    if slug and title_slug and not (title_slug.startswith(slug) or slug.startswith(title_slug[:len(slug)])):
        cited = article.title
        article.title = slug.replace("-", " ").capitalize() + " …"
        article.flags.append(
            f"the citation's title {cited!r} does not match its URL (slug {slug!r}): the title is "
            f"reconstructed from the URL (edit it) and the citation's date {article.published} may "
            "belong to that other article too")


def _check_against_each_other(posts: list[SourceArticle]) -> None:
    for later in posts:
        for earlier in posts:
            if earlier is later or earlier.index > later.index:
                continue
            if earlier.url and earlier.url == later.url:
                later.flags.append(f"cites the same URL as post {earlier.index}")
            elif any(f"{earlier.title!r}" in flag or earlier.title == later.title for flag in later.flags) \
                    and earlier.title:
                later.flags.append(f"its citation repeats post {earlier.index}'s title and date "
                                   f"({earlier.title!r}) with a different URL")
