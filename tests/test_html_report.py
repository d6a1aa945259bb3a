"""The HTML scorecard: what is on its pages, escaped text, and the pages opened in real Chromium."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import shutil
import subprocess
import threading
from pathlib import Path

import orjson
import pytest

from conftest import CONFIRMED, FAR_FUTURE, JA_PENDING, PENDING, build_sample
from tracker.actions import records as actions
from tracker.cli.main import main
from tracker.exchange.html import build_site, page_names
from tracker.store.store import Store

TODAY = dt.date(2026, 11, 28)
HOSTILE = "<script>alert('x')</script> & </blockquote>"


@pytest.fixture
def judged_db(tmp_path) -> Path:
    """The sample database with three resolved predictions, a void one and hostile text."""
    path = build_sample(tmp_path / "db.json")
    store = Store(path)
    actions.mark(store, PENDING, "refuted", note=f"they accepted {HOSTILE}", known_on="2026-01",
                 evidence=["https://example.org/a?x=1&y=<2>"])
    actions.mark(store, JA_PENDING, "confirmed", note="rates rose", known_on="2026-06", today=TODAY)
    actions.mark(store, FAR_FUTURE, "void", note="moot")
    actions.edit_record(store, CONFIRMED, {"quote": HOSTILE})
    tables = orjson.loads(path.read_bytes())   # a hand-edited file: the CLI would refuse this URL
    tables["articles"]["korybko-poland-and-belarus"]["url"] = "javascript:alert(1)"
    path.write_bytes(orjson.dumps(tables))
    return path


def test_one_page_per_forecaster_and_an_index(judged_db):
    pages = build_site(Store(judged_db).load(), TODAY)
    assert set(pages) == {"index.html", "andrew-korybko.html", page_names(["山田 太郎"])["山田 太郎"],
                          "unattributed.html"}   # FAR_FUTURE names no forecaster
    index = pages["index.html"]
    assert 'href="andrew-korybko.html"' in index and "山田 太郎" in index
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in index
    page = pages["andrew-korybko.html"]
    assert "Resolved predictions (2)" in page and "Void (1)" in pages["unattributed.html"] and "moot" in pages["unattributed.html"]
    assert "<svg" in page and page.count('class="dot"') == 2       # two non-empty calibration bins
    assert "Brier, hedge range" in page and "Known on" in page and "January 2026" in page


def test_text_from_the_record_is_escaped_never_markup(judged_db):
    page = build_site(Store(judged_db).load(), TODAY)["andrew-korybko.html"]
    assert "<script>" not in page and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert 'href="https://example.org/a?x=1&amp;y=&lt;2&gt;"' in page
    assert 'href="javascript' not in page


def test_a_forecaster_with_nothing_resolved_gets_no_chart(sample_db):
    page = build_site(Store(sample_db).load(), TODAY)[page_names(["山田 太郎"])["山田 太郎"]]
    assert "Nothing resolved with a probability yet: no score." in page and "<svg" not in page


def test_report_refuses_without_a_folder(judged_db, tmp_path, capsys):
    assert main(["--db", str(judged_db), "report", "--format", "html"]) == 2
    (tmp_path / "afile").write_text("x")
    assert main(["--db", str(judged_db), "report", "--format", "html", "-o", str(tmp_path / "afile")]) == 1
    assert "not a folder" in capsys.readouterr().err


# ---- in a real browser ----------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Recorder(http.server.SimpleHTTPRequestHandler):
    """Serves the site and remembers every request and its status."""

    log: list[tuple[str, int]]

    def log_request(self, code="-", size="-"):
        self.log.append((self.path, int(code) if str(code).isdigit() else 0))

    def log_message(self, *args):
        pass


@pytest.fixture
def served(tmp_path):
    """A localhost server for a folder; yields (base URL, request log)."""
    folder = tmp_path / "site"
    folder.mkdir()
    log: list[tuple[str, int]] = []
    handler = functools.partial(type("H", (_Recorder,), {"log": log}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{server.server_address[1]}", log
    server.shutdown()
    server.server_close()


def chromium(tmp_path: Path, *args: str) -> str:
    profile = tmp_path / f"chromium-profile-{len(list(tmp_path.glob('chromium-profile-*')))}"
    done = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                           "--disable-background-networking", "--disable-component-update", "--disable-sync",
                           "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_the_scorecard_opens_in_chromium(judged_db, served, tmp_path):
    folder, url, log = served
    assert main(["--db", str(judged_db), "report", "--format", "html", "-o", str(folder), "--today", "2026-11-28"]) == 0
    index = chromium(tmp_path, "--dump-dom", f"{url}/index.html")
    assert "Track records" in index and "Andrew Korybko" in index
    links = re.findall(r'href="([a-z0-9-]+\.html)"', index)
    assert links and all((folder / name).is_file() for name in links)
    page = chromium(tmp_path, "--dump-dom", f"{url}/andrew-korybko.html")
    assert page.count("<circle") == 2 and "n=1" in page
    assert "they accepted <script>" not in page and "they accepted &lt;script&gt;" in page
    shot = tmp_path / "scorecard-phone.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=390,1800", f"{url}/andrew-korybko.html")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    print(f"screenshot: {shot}")
    requested = {path for path, _ in log}
    assert {"/index.html", "/andrew-korybko.html"} <= requested
    assert [entry for entry in log if entry[1] >= 400] == []      # nothing failed to load


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_a_missing_resource_would_be_caught(served, tmp_path):
    folder, url, log = served
    (folder / "broken.html").write_text('<!DOCTYPE html><link rel="icon" href="data:,"><img src="gone.png">')
    chromium(tmp_path, "--dump-dom", f"{url}/broken.html")
    assert ("/gone.png", 404) in log
