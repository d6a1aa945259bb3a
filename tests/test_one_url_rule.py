"""One rule for web addresses on every path: add, edit, import (JSON and CSV), ingest, validate.

An article URL holding CR/LF (which splits a calendar line) or a `javascript:` address was
refused by `add` and `edit --url` but taken as it was by a JSON import or an ingested file."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from conftest import ARTICLE, CONFIRMED
from tracker.cli.main import main

BAD_URLS = ["javascript:alert(1)", "https://example.org/a\r\nX-Injected: 1", "https://example.org/a\nb",
            "https://...", "https://a..b/x"]  # the last two: a placeholder, an empty label
ENGLISH = Path(__file__).parent / "fixtures" / "ingest" / "en_sahel.md"


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("url", BAD_URLS)
def test_json_import_refuses_an_article_url_add_would_refuse(sample_db, tmp_path, capsys, url):
    before = sample_db.read_bytes()
    code, _, add_err = run(capsys, "--db", sample_db, "add", "article", "--title", "T", "--author", "A",
                           "--published", "2025-01", "--url", url)
    assert code == 1 and "is not an http(s) URL" in add_err
    source = tmp_path / "in.json"
    source.write_text(json.dumps([{"kind": "article", "id": "new-article", "title": "T", "author": "A",
                                   "published": "2025-01", "url": url}]), "utf-8")
    code, _, err = run(capsys, "--db", sample_db, "import", source)
    assert code == 1 and "url: " in err and "is not an http(s) URL" in err and "Traceback" not in err
    assert sample_db.read_bytes() == before


def test_json_import_refuses_bad_evidence_in_a_history(sample_db, tmp_path, capsys):
    before = sample_db.read_bytes()
    tables = orjson.loads(sample_db.read_bytes())
    record = tables["predictions"][CONFIRMED]
    record["history"][-1]["evidence"] = ["javascript:alert(1)"]
    source = tmp_path / "in.json"
    source.write_text(json.dumps([{**record, "kind": "prediction", "id": "a-new-judged-one"}]), "utf-8")
    code, _, err = run(capsys, "--db", sample_db, "import", source)
    assert code == 1 and "is not an http(s) URL" in err
    assert sample_db.read_bytes() == before


@pytest.mark.parametrize("url", BAD_URLS[:2])
def test_validate_reports_a_bad_url_in_the_file(sample_db, capsys, url):
    tables = orjson.loads(sample_db.read_bytes())
    tables["articles"][ARTICLE]["url"] = url
    sample_db.write_bytes(orjson.dumps(tables))
    code, _, err = run(capsys, "--db", sample_db, "validate")
    assert code == 1 and f"articles[{ARTICLE}].url: " in err and "is not an http(s) URL" in err


def test_ingest_refuses_an_article_whose_url_is_javascript(tmp_path, capsys):
    db = tmp_path / "db.json"
    article = tmp_path / "a.md"
    article.write_text(ENGLISH.read_text("utf-8").replace("https://example.org/analysis/niger-uranium",
                                                          "javascript:alert(1)"), "utf-8")
    code, _, err = run(capsys, "--db", db, "ingest", article)
    stored = db.read_text("utf-8") if db.exists() else ""
    assert "javascript:" not in stored
    assert code == 1 and "is not an http(s) URL" in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("url", BAD_URLS)
def test_the_shared_record_check_refuses_what_add_refuses(url):
    from tracker.domain.dates import PDate
    from tracker.domain.fields import FieldError, parse_field
    from tracker.domain.model import Article
    from tracker.domain.validate import record_problems

    with pytest.raises(FieldError):
        parse_field("url", url)  # what add and edit --url apply
    article = Article(id="a", title="T", author="A", published=PDate(2025), url=url)
    problems = record_problems(article, lambda kind, record_id: True)
    assert [(p.field, p.message) for p in problems] == [("url", f"{url!r} is not an http(s) URL")]


def test_a_calendar_from_a_file_holding_a_bad_url_leaves_the_url_out(sample_db, tmp_path, capsys):
    tables = orjson.loads(sample_db.read_bytes())
    tables["articles"][ARTICLE]["url"] = "https://example.org/a\r\nX-Injected: 1"
    sample_db.write_bytes(orjson.dumps(tables))
    code, _, err = run(capsys, "--db", sample_db, "export", "--format", "ics", "-o", tmp_path / "c.ics")
    assert code == 0, err
    calendar = (tmp_path / "c.ics").read_text("utf-8")
    assert "\r\nX-Injected" not in calendar and "URL:https://example.org/a" not in calendar


@pytest.mark.parametrize("url", ["https://example.org/a", "https://例え.jp/パス", "http://[::1]:8080/x",
                                 "https://localhost/", "https://example.org./x", "https://user@host.example/"])
def test_real_addresses_of_every_shape_are_taken(url):
    from tracker.domain.fields import url_problem

    assert url_problem(url) is None
