"""Helpers the ingest rounds' tests share: the claims one English sentence gives, and what a small
article written in a test's temp folder gives."""

from __future__ import annotations

from pathlib import Path

from tracker.ingest.extract import extract
from tracker.ingest.predfind_en import find_calls
from tracker.ingest.reader import read_articles


def claims(sentence: str) -> list[str]:
    """The claims of the calls ``sentence`` gives, in order."""
    return [c.claim for c in find_calls(sentence)]


def extract_article(tmp_path: Path, body: str, date: str) -> tuple[list[tuple[str, str]], list[str]]:
    """A post by Jo Doe dated ``date`` whose text is ``body``: its events as (date, title) and its
    predictions' claims."""
    path = tmp_path / "a.md"
    path.write_text(f"# Notes\n\nBy Jo Doe\nDate: {date}\n\n{body}\n")
    candidates = extract(read_articles(path), "a.md")
    return ([(c.fields["date"], c.fields["title"]) for c in candidates if c.kind == "event"],
            [c.fields["claim"] for c in candidates if c.kind == "prediction"])
