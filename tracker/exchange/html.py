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
from tracker.domain.hedges import lookup as hedge_reading
from tracker.domain.review import as_of, due_date
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
.disputed, .overdue { color: var(--bad); font-weight: 600; } .pending { color: var(--muted); }
.lines { white-space: pre-line; } .negated { font-weight: 600; }
blockquote { margin: .3rem 0; padding-left: .8rem; border-left: 3px solid var(--line); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0; }
dt { color: var(--muted); } dd { margin: 0; }
@media (max-width: 30rem) { body { padding: .6rem; font-size: 15px; } dl { grid-template-columns: 1fr; }
  dt { margin-top: .3rem; } }
table.index th[scope="col"] { white-space: normal; vertical-align: bottom; }
table.index .ci { display: block; }
/* The index on a narrow screen: each forecaster a card of label-value rows, nothing off-screen. */
@media (max-width: 60rem) {
  table.index thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.index, table.index tbody, table.index tr, table.index th, table.index td { display: block; width: 100%; }
  table.index tbody { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .8rem; }
  table.index tr { border: 1px solid var(--line); border-radius: .5rem; padding: .3rem .7rem; }
  table.index th[scope="row"] { font-size: 1.05rem; border-bottom: 1px solid var(--line); padding: .3rem 0; }
  table.index td { display: flex; justify-content: space-between; gap: 1rem; border: 0; padding: .15rem 0;
    text-align: right; white-space: normal; }
  table.index td::before { content: attr(data-label); color: var(--muted); text-align: left; }
  table.index .ci { display: inline; }
}
"""


def esc(text: object) -> str:
    """Record text as HTML text: control characters shown, markup characters escaped."""
    return escape(visible(str(text)), quote=True)


def esc_lines(text: object) -> str:
    """:func:`esc` keeping line feeds (a multi-line note), shown by CSS ``white-space: pre-line``."""
    return escape(visible(str(text), keep_newlines=True), quote=True)


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
    try:
        parts = urlparse(url)
        absolute = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:
        absolute = False
    if not absolute:  # `javascript:`, `//host/x`, `https:host`: shown as text, never followed
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


def hit_count(predictions: list[Prediction], today: _dt.date) -> tuple[int, int]:
    """(calls that came out the way the forecaster leaned, calls not at 50%): the hit rate's
    numerator and denominator, over the same predictions :func:`scoring.score` scores."""
    current = [q for q in (as_of(p, today) for p in predictions) if q is not None]
    right = calls = 0
    for p in scoring.scorable(current):
        if p.probability != 0.5:
            calls += 1
            right += (p.probability > 0.5) == (p.status is Status.CONFIRMED)
    return right, calls


def hit_rate_text(s: dict, hits: tuple[int, int]) -> str:
    """``80% (4 of 5)``: the rate and the raw count it comes from; ``—`` with no calls."""
    if s["hit_rate"] is None:
        return "—"
    return f'{pct(s["hit_rate"])} <span class="count">({hits[0]} of {hits[1]})</span>'


def _pending_now(predictions: list[Prediction], today: _dt.date) -> list[Prediction]:
    current = [q for q in (as_of(p, today) for p in predictions) if q is not None]
    return [p for p in current if p.status is Status.PENDING]


_NUM = ' class="num"'


def _index_cell(i: int, name: str, cell: str) -> str:
    """One cell of the index: the forecaster as the row's header, the figures as numbers;
    ``data-label`` names the column for the phone layout, where each row is a card."""
    if i == 0:
        return f'<th scope="row" data-label="{name}">{cell}</th>'
    return f'<td data-label="{name}"{_NUM}><span>{cell}</span></td>'


def index_page(groups: dict[str, list[Prediction]], names: dict[str, str], today: _dt.date) -> str:
    columns = ("Forecaster", "Predictions", "Resolved", "Pending (overdue)", "Void", "Disputed",
               "Hit rate (95%)", "Brier", "Brier, hedge range")
    rows = []
    for who in sorted(groups, key=lambda w: (-len(groups[w]), w)):
        s = scoring.score(groups[who], today)
        waiting = _pending_now(groups[who], today)
        overdue = sum(1 for p in waiting if due_date(p) <= today)
        ci = interval(s["hit_rate_ci95"])
        cells = (f'<a href="{esc(names[who])}">{esc(who)}</a>', str(s["n"]), str(s["resolved"]),
                 f"{len(waiting)} ({overdue})", str(s["void"]), str(sum(map(is_disputed, groups[who]))),
                 hit_rate_text(s, hit_count(groups[who], today)) + (f' <span class="muted ci">{ci}</span>' if ci else ""),
                 num(s["brier"]), interval(s["brier_hedge_range"], "num") or "—")
        rows.append("<tr>" + "".join(_index_cell(i, name, cell) for i, (name, cell) in enumerate(zip(columns, cells)))
                    + "</tr>")
    head = "".join(f'<th scope="col"{_NUM if i else ""}>{name}</th>' for i, name in enumerate(columns))
    body = ("<h1>Track records</h1><p class=\"meta\">Every forecaster in the record: predictions made, "
            "how many are resolved or still waiting (and how many of those are overdue, their resolve-by "
            "date past), and how good the resolved calls were: the hit rate with its raw count, and "
            "the Brier score (0 is perfect, 0.25 is always saying 50%).</p>"
            f'<div class="scroll"><table class="index"><thead><tr>{head}</tr></thead><tbody>'
            + "".join(rows) + "</tbody></table></div>")
    return _page("Track records", body, today)


def forecaster_page(who: str, predictions: list[Prediction], db: Database, today: _dt.date) -> str:
    s = scoring.score(predictions, today)
    s["hits"] = hit_count(predictions, today)
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
        parts += ["<h2>Trend</h2>", '<p class="muted">The Brier score of the resolved predictions made '
                  "in each year (lower is better); the dashed line is 0.25, what always saying 50% scores.</p>",
                  trend_svg(s["trend"])]
    resolved = sorted((p for p in predictions if p.status.resolved and not is_disputed(p)), key=_known_key)
    voided = [p for p in predictions if p.status is Status.VOID and not is_disputed(p)]
    parts.append(f"<h2>Resolved predictions ({len(resolved)})</h2>")
    parts += [_prediction(p, db, today) for p in resolved] or ['<p class="muted">Nothing resolved yet.</p>']
    waiting = sorted((p for p in _pending_now(predictions, today) if not is_disputed(p)),
                     key=lambda p: (due_date(p), p.id))
    overdue = sum(1 for p in waiting if due_date(p) <= today)
    parts.append(f"<h2 id=\"pending\">Pending predictions ({len(waiting)}{f', {overdue} overdue' if overdue else ''})</h2>")
    if waiting:
        parts += ['<p class="muted">Not judged yet, soonest due first. A prediction falls due the day after '
                  "its whole resolve-by period; an overdue one is waiting to be judged.</p>",
                  *(_prediction(p, db, today) for p in waiting)]
    else:
        parts.append('<p class="muted">Nothing pending.</p>')
    if voided:
        parts += [f"<h2>Void ({len(voided)})</h2>", '<p class="muted">Judged unjudgeable: '
                  "counted in no score, each with the reason.</p>", *(_prediction(p, db, today) for p in voided)]
    if disputed:
        parts += [f"<h2>Disputed ({len(disputed)})</h2>", '<p class="muted">Readers disagree; counted '
                  "in no score until settled.</p>", *(_prediction(p, db, today) for p in disputed)]
    return _page(f"{who}: track record", "".join(parts), today)


def _score_table(s: dict) -> str:
    if s["brier"] is None:
        return ('<p>Nothing resolved with a probability yet: no score. '
                f'{s["resolved"]} resolved, {s["void"]} void, {s["pending"]} pending.</p>')
    rows = [
        ("Hit rate", hit_rate_text(s, s.get("hits", (0, 0))), interval(s["hit_rate_ci95"]),
         "calls above 50% confirmed or below 50% refuted, of calls not at 50%"),
        ("Brier score", num(s["brier"]), interval(s["brier_ci95"], "num"), "0 is perfect, 0.25 a coin flip"),
        ("Brier, hedge range", "", interval(s["brier_hedge_range"], "num"),
         "every inferred probability read at the low and at the high end of its hedge's band"),
        ("Log loss", num(s["log_loss"]), "", "natural log, probabilities clipped to 1–99%"),
        ("Baseline score", num(s["baseline_score"], 1), "", "0 for a coin flip, higher is better"),
        ("Reliability", num(s["reliability"]), "",
         "calibration error: how far each bin's forecasts are from how often they came true; "
         "0 is perfect, lower is better"),
        ("Resolution", num(s["resolution"]), "",
         "how far the bins' outcomes differ from the overall rate: forecasts that sort what "
         "happens from what does not; higher is better"),
        ("Uncertainty", num(s["uncertainty"]), "",
         "how unpredictable the outcomes were (the base rate's variance), not the forecaster's doing. "
         "Murphy: Brier = reliability − resolution + uncertainty"),
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


def called_text(p: Prediction, language: str = "") -> str:
    """The probability and the hedge it was read from, with the hedge's English band:
    ``70% (可能性が高い: likely, 55–80%)``; for a phrase below even chance, whose claim is stored
    as the negation of the hedged statement, ``(可能性は低い: unlikely, 20–45%; claim negated, so
    55–80% for this claim)``."""
    text = pct(p.probability)
    if not p.hedge:
        return text
    reading = hedge_reading(p.hedge)
    lang = reading.language if reading is not None else language
    phrase = f'<span lang="{esc(lang)}">{esc(p.hedge)}</span>' if lang and lang != "en" else esc(p.hedge)
    if reading is None:
        return f"{text} ({phrase}: not in the hedge table)"
    band = reading.band
    meaning = f"{band.label}, {band.low:.0%}–{band.high:.0%}"
    if reading.negates:
        low, high = reading.call_range
        meaning += (f'; <span class="negated">claim negated</span>: the claim is the opposite of the '
                    f"hedged statement, so {low:.0%}–{high:.0%} for this claim")
    return f'{text} ({phrase}: <span class="band">{meaning}</span>)'


def due_text(p: Prediction, today: _dt.date) -> str:
    """``overdue since 1 Jan 2026 (340 days)`` or ``due 1 Jan 2029 (in 755 days)``."""
    due = due_date(p)
    days = (today - due).days
    if days >= 0:
        return f'<span class="overdue">overdue</span> since {due.day} {due:%b %Y} ({plural(days, "day")})'
    return f"due {due.day} {due:%b %Y} (in {plural(-days, 'day')})"


def _prediction(p: Prediction, db: Database, today: _dt.date | None = None) -> str:
    entry = p.last_status_entry()
    article = db.articles.get(p.article)
    lang = article.language if article is not None else ""
    overdue = p.status is Status.PENDING and today is not None and due_date(p) <= today
    label = "overdue" if overdue else p.status.value
    symbol = "!" if overdue else p.status.symbol
    status = f'<span class="badge {label}">{symbol} {label}</span>'
    if is_disputed(p):
        status += f' <span class="badge disputed">disputed: {esc(dispute_summary(p))}</span>'
    rows = [("Called", called_text(p, lang)),
            ("Made", esc(p.made_on.human())), ("Resolve by", esc(p.resolve_by.human()))]
    if p.status is Status.PENDING and today is not None:
        rows.append(("Due", due_text(p, today)))
    if p.condition:
        rows.append(("If", esc(p.condition)))
    if entry is not None and entry.known_on:
        rows.append(("Known on", esc(entry.known_on.human())))
    if entry is not None and entry.note:
        rows.append(("Note", f'<span class="lines">{esc_lines(entry.note)}</span>'))
    if entry is not None and entry.evidence:
        rows.append(("Evidence", "<br>".join(link(url) for url in entry.evidence)))
    if entry is not None and entry.by:
        rows.append(("Judged by", esc(entry.by)))
    if article is not None:
        rows.append(("Article", link(article.url, article.title) if article.url else esc(article.title)))
    quote = ""
    if p.quote:
        attribute = f' lang="{esc(lang)}"' if lang else ""
        quote = f"<blockquote{attribute}>{esc(p.quote)}</blockquote>"
    facts = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (f'<article class="prediction" id="{esc(p.id)}"><h3>{esc(p.claim)}</h3><p>{status}</p>'
            f"{quote}<dl>{facts}</dl></article>")


def write_site(db: Database, folder: Path, today: _dt.date, author: str | None = None,
               database: Path | None = None) -> list[Path]:
    """Write the scorecard into ``folder`` (created if missing); returns the files written.

    Every page is checked before any is written (:func:`check_page`): a symlink, FIFO, device or
    socket planted under a page's name, or the database itself, refuses the whole site with one
    line and nothing written. Each page is then a new regular file renamed into the folder, so a
    link planted after the check is replaced, never followed.
    """
    from tracker.exchange.output import OutputError, check_folder_entry, replace_in_folder

    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    pages = build_site(db, today, author)
    if folder.is_dir():
        for name in pages:
            check_folder_entry(folder / name, database)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(folder, f"cannot create the folder: {exc.strerror or exc}") from None
    written = []
    for name, html in pages.items():
        replace_in_folder(folder / name, html.encode("utf-8"), database)
        written.append(folder / name)
    return written

