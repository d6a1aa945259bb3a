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


def test_only_absolute_http_urls_become_links():
    from tracker.exchange.html import link

    assert link("https://example.org/a") == '<a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a>'
    for url in ("javascript:alert(1)", "//evil.example/x", "https:evil.example", "https://[bad"):
        assert "<a" not in link(url), url


def test_a_forecaster_with_nothing_resolved_gets_no_chart(sample_db):
    page = build_site(Store(sample_db).load(), TODAY)[page_names(["山田 太郎"])["山田 太郎"]]
    assert "Nothing resolved with a probability yet: no score." in page and "<svg" not in page


def test_pending_predictions_are_listed_with_their_resolve_by_and_when_due(sample_db):
    pages = build_site(Store(sample_db).load(), TODAY)
    korybko = pages["andrew-korybko.html"]
    assert "Pending predictions (1, 1 overdue)" in korybko
    pending = korybko[korybko.index(f'id="{PENDING}"'):]
    pending = pending[:pending.index("</article>")]
    assert "Poland will not accept the inspections" in pending and "Resolve by</dt><dd>December 2025" in pending
    assert "overdue</span> since 1 Jan 2026 (331 days)" in pending
    later = pages["unattributed.html"]              # FAR_FUTURE: due after 2099
    assert "Pending predictions (1)" in later and "due 1 Jan 2100 (in " in later and "overdue</span> since" not in later
    index = pages["index.html"]
    assert '<td data-label="Pending (overdue)" class="num"><span>1 (1)</span></td>' in index


def test_the_hit_rate_shows_its_raw_count(judged_db):
    pages = build_site(Store(judged_db).load(), TODAY)
    # Korybko: 80% confirmed (a hit) and "probably won't" at 70% refuted (a miss).
    assert '50% <span class="count">(1 of 2)</span>' in pages["andrew-korybko.html"]
    assert '50% <span class="count">(1 of 2)</span>' in pages["index.html"]


def test_reliability_resolution_and_uncertainty_are_labelled_and_explained(judged_db):
    page = build_site(Store(judged_db).load(), TODAY)["andrew-korybko.html"]
    for name, words in (("Reliability", "calibration error"), ("Resolution", "higher is better"),
                        ("Uncertainty", "base rate")):
        row = re.search(rf'<th scope="row">{name}<div class="muted note">([^<]*)</div></th><td class="num">(\d\.\d{{3}})</td>', page)
        assert row and words in row.group(1), name
    assert "Reliability / resolution" not in page


def test_hedges_show_their_english_band_and_a_negated_claim_says_so(sample_db):
    pages = build_site(Store(sample_db).load(), TODAY)
    korybko = pages["andrew-korybko.html"]  # "probably won't": the claim is the hedged statement negated
    assert ('70% (probably won&#x27;t: <span class="band">unlikely, 20%–45%; <span class="negated">claim negated'
            '</span>: the claim is the opposite of the hedged statement, so 55%–80% for this claim</span>)') in korybko
    yamada = pages[page_names(["山田 太郎"])["山田 太郎"]]
    assert '70% (<span lang="ja">だろう</span>: <span class="band">likely, 55%–80%</span>)' in yamada
    assert "claim negated" not in yamada


def test_the_trend_chart_is_sized_to_its_data(judged_db):
    page = build_site(Store(judged_db).load(), TODAY)["andrew-korybko.html"]
    svg = re.search(r'<svg class="chart trend" width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)".*?</svg>', page)
    width, height, view_w, view_h = map(int, svg.groups())
    bar = float(re.search(r'class="bar"', svg.group(0)) and re.search(r'height="([\d.]+)" class="bar"', svg.group(0)).group(1))
    assert width <= 250                     # one year: a narrow chart, not a bar in a wide frame
    assert bar / view_h > 0.4               # Brier 0.265 on a 0–0.30 axis fills most of the height
    assert "0.265" in svg.group(0) and "n=2" in svg.group(0) and 'class="diagonal coin-flip"' in svg.group(0)


def test_a_multi_line_note_keeps_its_lines_and_stays_text(judged_db):
    actions.mark(Store(judged_db), CONFIRMED, "refuted", note="first line\n<b>second</b> line", known_on="2026-02")
    page = build_site(Store(judged_db).load(), TODAY)["andrew-korybko.html"]
    assert '<span class="lines">first line\n&lt;b&gt;second&lt;/b&gt; line</span>' in page


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


# A test-only page (not part of the site, which has no JavaScript) that opens site pages in
# same-origin frames of a given width and, once every frame has loaded, writes what a reader would
# see in each into its own DOM: one browser start measures them all.
MEASURE = """<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head>
<body style="margin:0">FRAMES<script>
window.addEventListener("load", () => {
  const out = {};
  for (const frame of document.querySelectorAll("iframe")) {
    const w = frame.contentWindow, d = w.document;
    const seen = (el) => { if (!el) return null; const r = el.getBoundingClientRect(), st = w.getComputedStyle(el);
      return {left: r.left, right: r.right, width: r.width, text: el.innerText,
              shown: st.display !== "none" && st.visibility !== "hidden" && r.width > 0 && r.height > 0}; };
    const heads = [...d.querySelectorAll("thead th")].map((th) => th.textContent.trim());
    const cell = (i) => { const row = d.querySelector("tbody tr"); return row && i >= 0 ? row.children[i] : null; };
    out[frame.dataset.page] = {scrollWidth: d.documentElement.scrollWidth, innerWidth: w.innerWidth,
      hit: seen(cell(heads.findIndex((h) => h.startsWith("Hit rate")))),
      brier: seen(cell(heads.indexOf("Brier")))};
  }
  const pre = document.createElement("pre"); pre.id = "result"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
});
</script></body></html>"""
FRAME = '<iframe data-page="PAGE" src="PAGE" style="display:block;width:WIDTHpx;height:844px;border:0"></iframe>'


def measure(folder: Path, url: str, tmp_path: Path, pages: list[str], width: int) -> dict:
    """What a reader sees in each of ``pages`` at ``width`` pixels, by page."""
    import json

    name = f"measure-{width}.html"
    frames = "".join(FRAME.replace("PAGE", page).replace("WIDTH", str(width)) for page in pages)
    (folder / name).write_text(MEASURE.replace("FRAMES", frames), encoding="utf-8")
    dom = chromium(tmp_path, "--virtual-time-budget=10000", "--dump-dom", f"{url}/{name}")
    found = re.search(r'<pre id="result">(.*?)</pre>', dom)
    assert found, dom[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
@pytest.mark.parametrize("width", [390, 1280])
def test_on_a_phone_and_a_desktop_nothing_scrolls_sideways_and_hit_rate_and_brier_show(judged_db, served, tmp_path, width):
    folder, url, log = served
    assert main(["--db", str(judged_db), "report", "--format", "html", "-o", str(folder), "--today", "2026-11-28"]) == 0
    seen = measure(folder, url, tmp_path, ["index.html", "andrew-korybko.html"], width)
    index, page = seen["index.html"], seen["andrew-korybko.html"]
    assert index["innerWidth"] == width and index["scrollWidth"] <= index["innerWidth"], index
    for figure in ("hit", "brier"):   # the first forecaster's, on screen without scrolling
        cell = index[figure]
        assert cell["shown"] and 0 <= cell["left"] and cell["right"] <= width, (figure, cell)
    assert "50%" in index["hit"]["text"] and "(1 of 2)" in index["hit"]["text"]
    assert index["brier"]["text"] == "0.265"
    assert page["innerWidth"] == width and page["scrollWidth"] <= page["innerWidth"], page
    assert [entry for entry in log if entry[1] >= 400] == []


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)")
def test_a_missing_resource_would_be_caught(served, tmp_path):
    folder, url, log = served
    (folder / "broken.html").write_text('<!DOCTYPE html><link rel="icon" href="data:,"><img src="gone.png">')
    chromium(tmp_path, "--dump-dom", f"{url}/broken.html")
    assert ("/gone.png", 404) in log


# ---- the output folder: links, pipes and the database ------------------------------------------

def _html_report(db: Path, folder: Path, capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--db", str(db), "report", "--format", "html", "-o", str(folder), "--today", "2026-11-28"])
    return code, capsys.readouterr().err


def test_a_page_planted_as_a_symlink_to_the_database_is_refused_and_the_database_kept(judged_db, tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").symlink_to(judged_db)        # site/index.html -> the database
    before = judged_db.read_bytes()
    code, err = _html_report(judged_db, site, capsys)
    assert code == 1 and judged_db.read_bytes() == before
    assert err.count("\n") == 1 and "index.html: is a symlink" in err and "Traceback" not in err
    assert (site / "index.html").is_symlink() and sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_a_page_symlinked_out_of_the_folder_is_never_written_through(judged_db, tmp_path, capsys):
    site, outside = tmp_path / "site", tmp_path / "someone-elses.txt"
    site.mkdir()
    outside.write_bytes(b"keep me")
    (site / "andrew-korybko.html").symlink_to(outside)
    code, err = _html_report(judged_db, site, capsys)
    assert code == 1 and outside.read_bytes() == b"keep me" and "andrew-korybko.html: is a symlink" in err


def test_a_fifo_planted_as_a_page_is_refused_at_once_not_waited_on(judged_db, tmp_path):
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    site.mkdir()
    os.mkfifo(site / "index.html")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-m", "tracker", "--db", str(judged_db), "report", "--format",
                           "html", "-o", str(site)], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "index.html: is a FIFO" in done.stderr
    assert (site / "index.html").is_fifo() and sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_the_database_inside_the_site_folder_under_a_page_name_is_never_replaced(tmp_path, capsys):
    site = tmp_path / "site"
    site.mkdir()
    db = build_sample(site / "index.html")    # --db site/index.html -o site
    before = db.read_bytes()
    code, err = _html_report(db, site, capsys)
    assert code == 1 and db.read_bytes() == before and "is the database itself" in err
