"""`tracker report --format html`: a static scorecard site, one page per forecaster and an index.

No server and no JavaScript: each page is one HTML file with its CSS and its charts (inline
SVG) inside, so it opens from a folder, a USB stick or any static host, and reads on a phone.
Everything from the record (claims, quotes, notes, names, URLs) is data: passed through
:func:`tracker.domain.text.visible` and HTML-escaped, never markup; links are only http(s).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from html import escape
from pathlib import Path
from urllib.parse import urlparse

from tracker.scoring import scores as scoring
from tracker.domain.disputes import dispute_summary, is_disputed
from tracker.domain.ids import slugify
from tracker.domain.model import Database, Prediction, Status
from tracker.exchange.svgchart import calibration_svg, trend_svg
from tracker.domain.text import plural, visible

CSS = """
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfdfc; --muted: #666; --line: #d8d8d8;
  --ok: #1a7f37; --bad: #b42318; --void: #6e6e73; --accent: #2557a7; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8ea; --bg: #161618; --muted: #a0a0a6;
  --line: #3a3a3e; --ok: #5cc97a; --bad: #ff7b72; --void: #a0a0a6; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 16px/1.5 system-ui, sans-serif;
  color: var(--fg); background: var(--bg); }
.prediction, dd { overflow-wrap: anywhere; }   /* long URLs and unbroken Japanese lines wrap */
h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.2rem; margin-top: 2rem; }
a { color: var(--accent); } .muted, .meta { color: var(--muted); } .note { font-size: .85rem; font-weight: normal; }
.scroll { overflow-x: auto; } table { border-collapse: collapse; width: 100%; }
th { font-weight: 600; } th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.chart { width: 100%; max-width: 26rem; height: auto; display: block; }
.chart.trend { width: auto; max-width: 100%; }
.chart .frame { fill: none; stroke: var(--line); } .chart .axis { stroke: var(--muted); }
.chart .diagonal { stroke: var(--muted); stroke-dasharray: 4 4; }
.chart .dot { fill: var(--accent); fill-opacity: .75; } .chart .interval { stroke: var(--accent); stroke-width: 2; }
.chart .bar { fill: var(--accent); fill-opacity: .75; }
.chart text { fill: var(--fg); font-size: 11px; } .chart .label { font-size: 12px; }
.prediction { border-top: 1px solid var(--line); padding: .6rem 0; }
.prediction h3 { font-size: 1rem; margin: 0 0 .3rem; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: .6rem; font-size: .85rem;
  border: 1px solid currentColor; white-space: nowrap; }
.confirmed { color: var(--ok); } .refuted { color: var(--bad); } .void { color: var(--void); }
.disputed { color: var(--bad); font-weight: 600; }
blockquote { margin: .3rem 0; padding-left: .8rem; border-left: 3px solid var(--line); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
dt { color: var(--muted); } dd { margin: 0; }
@media (max-width: 30rem) { body { padding: .6rem; font-size: 15px; } dl { grid-template-columns: 1fr; }
  dt { margin-top: .3rem; } }
"""


def esc(text: object) -> str:
    """Record text as HTML text: control characters shown, markup characters escaped."""
    return escape(visible(str(text)), quote=True)


def pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def interval(pair: list[float] | None, fmt: str = "pct") -> str:
    if pair is None:
        return ""
    low, high = pair
    return f"{low:.0%}–{high:.0%}" if fmt == "pct" else f"{low:.3f}–{high:.3f}"


def num(value: float | None, places: int = 3) -> str:
    return "—" if value is None else f"{value:.{places}f}"


def link(url: str, text: str | None = None) -> str:
    """A link for an http(s) URL; anything else is shown as text, never followed."""
    if urlparse(url).scheme not in ("http", "https"):
        return esc(text or url)
    return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(text or url)}</a>'


def page_names(forecasters: list[str]) -> dict[str, str]:
    """A stable, distinct file name per forecaster (a hash for names with no ASCII letters)."""
    names: dict[str, str] = {}
    for who in forecasters:
        base = slugify(who) or "f-" + hashlib.sha1(who.encode()).hexdigest()[:8]
        name, n = f"{base}.html", 2
        while name in names.values() or name == "index.html":
            name, n = f"{base}-{n}.html", n + 1
        names[who] = name
    return names


def _page(title: str, body: str, today: _dt.date) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<link rel=\"icon\" href=\"data:,\">"  # no favicon request: the site is these files only
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>{body}"
            f"<footer class=\"muted\"><p>Made by tracker on {today.isoformat()}. Scores count confirmed and "
            "refuted predictions with a probability; void and disputed ones count in none.</p></footer>"
            "</body></html>\n")


def build_site(db: Database, today: _dt.date, author: str | None = None) -> dict[str, str]:
    """Every page of the scorecard, by file name: ``index.html`` and one per forecaster."""
    groups: dict[str, list[Prediction]] = {}
    for p in scoring.select(db, author):
        groups.setdefault(scoring.forecaster_label(p), []).append(p)
    names = page_names(sorted(groups))
    pages = {names[who]: forecaster_page(who, groups[who], db, today) for who in sorted(groups)}
    pages["index.html"] = index_page(groups, names, today)
    return pages


def index_page(groups: dict[str, list[Prediction]], names: dict[str, str], today: _dt.date) -> str:
    rows = []
    for who in sorted(groups, key=lambda w: (-len(groups[w]), w)):
        s = scoring.score(groups[who], today)
        rows.append(f'<tr><td><a href="{esc(names[who])}">{esc(who)}</a></td><td class="num">{s["n"]}</td>'
                    f'<td class="num">{s["resolved"]}</td><td class="num">{s["void"]}</td>'
                    f'<td class="num">{sum(map(is_disputed, groups[who]))}</td>'
                    f'<td class="num">{pct(s["hit_rate"])} <span class="muted">{interval(s["hit_rate_ci95"])}</span></td>'
                    f'<td class="num">{num(s["brier"])}</td>'
                    f'<td class="num">{interval(s["brier_hedge_range"], "num")}</td></tr>')
    body = ("<h1>Track records</h1><p class=\"meta\">Every forecaster in the record: predictions made, "
            "how many are resolved, and how good the resolved calls were.</p><div class=\"scroll\"><table>"
            "<thead><tr><th>Forecaster</th><th class=\"num\">Predictions</th><th class=\"num\">Resolved</th>"
            "<th class=\"num\">Void</th><th class=\"num\">Disputed</th><th class=\"num\">Hit rate (95%)</th>"
            "<th class=\"num\">Brier</th><th class=\"num\">Brier, hedge range</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></div>")
    return _page("Track records", body, today)


def forecaster_page(who: str, predictions: list[Prediction], db: Database, today: _dt.date) -> str:
    s = scoring.score(predictions, today)
    disputed = [p for p in predictions if is_disputed(p)]
    parts = ['<p><a href="index.html">← All forecasters</a></p>', f"<h1>{esc(who)}</h1>",
             f'<p class="meta">{plural(s["n"], "prediction")}: {s["confirmed"]} confirmed, {s["refuted"]} refuted, '
             f'{s["void"]} void, {s["pending"]} pending; {len(disputed)} disputed. As of {today.isoformat()}.</p>',
             "<h2>Score</h2>", _score_table(s)]
    if any(row["n"] for row in s["calibration"]):
        parts += ["<h2>Calibration</h2>", '<p class="muted">Each dot is a bin of forecasts: how often '
                  "they came true against how likely they were called; the bar is its 95% interval, the "
                  "dashed line perfect calibration. A bin of two is not evidence of much.</p>",
                  calibration_svg(s["calibration"]), _calibration_table(s["calibration"])]
    if s["trend"]:
        parts += ["<h2>Trend</h2>", trend_svg(s["trend"])]
    resolved = sorted((p for p in predictions if p.status.resolved and not is_disputed(p)), key=_known_key)
    voided = [p for p in predictions if p.status is Status.VOID and not is_disputed(p)]
    parts.append(f"<h2>Resolved predictions ({len(resolved)})</h2>")
    parts += [_prediction(p, db) for p in resolved] or ['<p class="muted">Nothing resolved yet.</p>']
    if voided:
        parts += [f"<h2>Void ({len(voided)})</h2>", '<p class="muted">Judged unjudgeable: '
                  "counted in no score, each with the reason.</p>", *(_prediction(p, db) for p in voided)]
    if disputed:
        parts += [f"<h2>Disputed ({len(disputed)})</h2>", '<p class="muted">Readers disagree; counted '
                  "in no score until settled.</p>", *(_prediction(p, db) for p in disputed)]
    return _page(f"{who}: track record", "".join(parts), today)


def _score_table(s: dict) -> str:
    if s["brier"] is None:
        return ('<p>Nothing resolved with a probability yet: no score. '
                f'{s["resolved"]} resolved, {s["void"]} void, {s["pending"]} pending.</p>')
    rows = [
        ("Hit rate", f'{pct(s["hit_rate"])}', interval(s["hit_rate_ci95"]),
         "calls above 50% confirmed or below 50% refuted, of calls not at 50%"),
        ("Brier score", num(s["brier"]), interval(s["brier_ci95"], "num"), "0 is perfect, 0.25 a coin flip"),
        ("Brier, hedge range", "", interval(s["brier_hedge_range"], "num"),
         "every inferred probability read at the low and at the high end of its hedge's band"),
        ("Log loss", num(s["log_loss"]), "", "natural log, probabilities clipped to 1–99%"),
        ("Baseline score", num(s["baseline_score"], 1), "", "0 for a coin flip, higher is better"),
        ("Reliability / resolution / uncertainty",
         "<br>".join(num(s[k]) for k in ("reliability", "resolution", "uncertainty")), "", "Murphy decomposition"),
        ("Probabilities stated / inferred", f'{s["stated"]} / {s["inferred"]}', "",
         "inferred: read from a hedge phrase, not given as a number"),
        ("Calls at exactly 50%", pct(s["even_share"]), "", "no hit rate can count them"),
        ("Resolved early", str(s["early_resolved"]), "", "known before the resolve-by date"),
    ]
    body = ""
    for name, value, ci, note in rows:
        ci_line = f'<div class="muted">{ci}</div>' if ci else ""
        body += (f'<tr><th scope="row">{name}<div class="muted note">{note}</div></th>'
                 f'<td class="num">{value}{ci_line}</td></tr>')
    return ('<div class="scroll"><table class="score"><thead><tr><th></th><th class="num">Value '
            f'<span class="muted">(95% interval)</span></th></tr></thead><tbody>{body}</tbody></table></div>')


def _calibration_table(bins: list[dict]) -> str:
    rows = "".join(f'<tr><td>{b["low"]:.0%}–{b["high"]:.0%}</td><td class="num">{b["n"]}</td>'
                   f'<td class="num">{pct(b["mean_forecast"])}</td><td class="num">{pct(b["observed"])}</td>'
                   f'<td class="num">{interval(b["observed_ci95"])}</td></tr>' for b in bins if b["n"])
    return ('<div class="scroll"><table><thead><tr><th>Bin</th><th class="num">n</th>'
            '<th class="num">Mean</th><th class="num">Observed</th><th class="num">95% interval</th>'
            f"</tr></thead><tbody>{rows}</tbody></table></div>")


def _known_key(p: Prediction) -> tuple:
    entry = p.last_status_entry()
    return (entry.known_on.sort_key() if entry and entry.known_on else p.resolve_by.sort_key(), p.id)


def _prediction(p: Prediction, db: Database) -> str:
    entry = p.last_status_entry()
    article = db.articles.get(p.article)
    status = f'<span class="badge {p.status.value}">{p.status.symbol} {p.status.value}</span>'
    if is_disputed(p):
        status += f' <span class="badge disputed">disputed: {esc(dispute_summary(p))}</span>'
    rows = [("Called", f"{pct(p.probability)}" + (f" ({esc(p.hedge)})" if p.hedge else "")),
            ("Made", esc(p.made_on.human())), ("Resolve by", esc(p.resolve_by.human()))]
    if p.condition:
        rows.append(("If", esc(p.condition)))
    if entry is not None and entry.known_on:
        rows.append(("Known on", esc(entry.known_on.human())))
    if entry is not None and entry.note:
        rows.append(("Note", esc(entry.note)))
    if entry is not None and entry.evidence:
        rows.append(("Evidence", "<br>".join(link(url) for url in entry.evidence)))
    if entry is not None and entry.by:
        rows.append(("Judged by", esc(entry.by)))
    if article is not None:
        rows.append(("Article", link(article.url, article.title) if article.url else esc(article.title)))
    quote = ""
    if p.quote:
        lang = article.language if article is not None else ""
        attribute = f' lang="{esc(lang)}"' if lang else ""
        quote = f"<blockquote{attribute}>{esc(p.quote)}</blockquote>"
    facts = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (f'<article class="prediction" id="{esc(p.id)}"><h3>{esc(p.claim)}</h3><p>{status}</p>'
            f"{quote}<dl>{facts}</dl></article>")


def write_site(db: Database, folder: Path, today: _dt.date, author: str | None = None) -> list[Path]:
    """Write the scorecard into ``folder`` (created if missing); returns the files written."""
    from tracker.exchange.output import write_output

    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in build_site(db, today, author).items():
        write_output(folder / name, html.encode("utf-8"))  # a symlinked page is written through
        written.append(folder / name)
    return written
