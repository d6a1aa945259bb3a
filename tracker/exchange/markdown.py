"""A forecaster's track record as Markdown, fit to paste into a blog post.

Text from articles is data: every claim, note, title and name is passed through
:func:`tracker.domain.text.visible` and backslash-escaped (:func:`md_text`), so a ``|`` cannot
break a table, ``*`` cannot emphasise and ``[x](y)`` cannot become a link. Only links
this module builds itself (http/https evidence and article URLs) are markup.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
from urllib.parse import quote, urlsplit

from tracker.scoring import score_format as sf
from tracker.domain.model import Database, Prediction, Status
from tracker.domain.render import fold
from tracker.scoring.scores import forecaster_label, is_inferred, resolved_early, score, score_groups, select
from tracker.domain.text import visible

# Every ASCII punctuation character that means something inline in CommonMark or GFM
# (emphasis, code, links, images, autolinks, HTML, entities, tables, strikethrough, math).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&$])")


# What renderers turn into links with no Markdown syntax at all: GFM's extended autolinks
# (``http://…``, ``www.…``, ``a@b.c``) and linkify's (``example.com``, ``//host/…``,
# ``mailto:…``). Each needs a ``:`` after a scheme, a ``.`` inside a host name, an ``@`` or a
# ``//``; a backslash before that one character (a CommonMark escape, rendered as the character
# itself) leaves nothing for either to match, so a claim never becomes a link.
_AUTOLINK = re.compile(r"(?<=\w)\.(?=\w)|(?<=\w):|@|/(?=/)")


def md_text(text: str) -> str:
    """User text as literal Markdown on one line: control characters shown, specials escaped,
    and nothing an autolinker would turn into a link (``https\\://x\\.org`` renders as text)."""
    return _AUTOLINK.sub(r"\\\g<0>", _SPECIAL.sub(r"\\\1", visible(fold(str(text)))))


def md_lines(text: str) -> str:
    """Multi-line user text (a note) for one table cell: each line as :func:`md_text`, joined by
    ``<br>`` (a table row cannot hold a line break; ``<br>`` is ours, never the text's)."""
    lines = [md_text(line) for line in str(text).splitlines() if line.strip()]
    return "<br>".join(lines)


@functools.lru_cache(maxsize=8192)  # an article's link is made once, not once a prediction (40,000 at 100k)
def md_link(label: str, url: str) -> str:
    """``[label](<url>)`` for an http(s) URL; anything else is shown as escaped text."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in ("http", "https") or not _host(url):  # `//host/x`, `https:x`: text, not a link
        return md_text(url)
    # Percent-encode what could end the link or break the line (<, >, space, |, backslash...).
    safe = quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")
    return f"[{md_text(label)}](<{safe}>)"


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], right: set[int] = frozenset()) -> list[str]:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if i in right else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _probability(p: Prediction) -> str:
    if p.probability is None:
        return "not stated"
    how = f"inferred from “{md_text(p.hedge)}”" if is_inferred(p) else "stated"
    return f"{sf.pct(p.probability)} ({how})"


def _known(p: Prediction) -> str:
    entry = p.last_status_entry()
    if entry is None or entry.known_on is None:
        return "—"
    return entry.known_on.human() + (" (early)" if resolved_early(p) else "")


def _note(p: Prediction) -> str:
    """The judgement's note (why confirmed, refuted or void), its lines kept; ``—`` for none."""
    entry = p.last_status_entry()
    return (md_lines(entry.note) if entry and entry.note else "") or "—"


def _evidence(p: Prediction) -> str:
    entry = p.last_status_entry()
    urls = entry.evidence if entry else []
    return " ".join(md_link(f"[{i}]", url) for i, url in enumerate(urls, 1)) or "—"


def _article(db: Database, p: Prediction) -> str:
    article = db.articles.get(p.article)
    if article is None:
        return md_text(p.article) or "—"
    return md_link(article.title, article.url) if article.url else md_text(article.title)


def markdown_report(db: Database, today: _dt.date, author: str | None = None,
                    source: str = "") -> str:
    """The whole report: scores per forecaster, calibration, resolved and void predictions."""
    chosen = select(db, author)
    total = score(chosen, today)
    names = sorted({p.forecaster for p in chosen})
    who = names[0] if author and len(names) == 1 else (f"forecasters matching “{author}”" if author
                                                        else "all forecasters")
    lines = [f"# Track record: {md_text(who)}", "",
             f"Scored on {today.isoformat()}{f' from {md_text(source)}' if source else ''}. "
             f"{sf.counts_line(total)}.", ""]
    lines += _scores_section(db, today, author, total)
    lines += _calibration_section(total)
    resolved = sorted((p for p in chosen if p.status.resolved), key=lambda p: (p.resolve_by.sort_key(), p.id))
    lines += ["## Resolved predictions", ""]
    if resolved:
        lines += _table(("claim", "forecaster", "probability", "outcome", "known", "note", "evidence", "article"), [
            (md_text(p.claim), md_text(forecaster_label(p)), _probability(p),
             f"{p.status.symbol} {p.status.value}", _known(p), _note(p), _evidence(p), _article(db, p))
            for p in resolved])
    else:
        lines.append("None yet.")
    void = sorted((p for p in chosen if p.status is Status.VOID), key=lambda p: p.id)
    lines += ["", "## Void predictions", ""]
    if void:
        lines.append("Judged unjudgeable (a condition that never happened, a claim made moot or too "
                     "vague); counted in no score.")
        lines.append("")
        lines += _table(("claim", "forecaster", "why void", "article"), [
            (md_text(p.claim), md_text(forecaster_label(p)),
             _note(p), _article(db, p))
            for p in void])
    else:
        lines.append("None.")
    return "\n".join(lines) + "\n"


def _scores_section(db: Database, today: _dt.date, author: str | None, total: dict) -> list[str]:
    groups = score_groups(db, "forecaster", today, author=author)
    lines = ["## Scores", ""]
    lines += _table(
        ("forecaster", "predictions", "resolved", "confirmed", "refuted", "pending", "void", "hit rate (95% CI)",
         "Brier (95% CI)", "Brier, hedge range", "log loss", "baseline score"),
        [(md_text(g["group"]), str(g["n"]), str(g["resolved"]), str(g["confirmed"]), str(g["refuted"]),
          str(g["pending"]), str(g["void"]),
          f"{sf.pct(g['hit_rate'])} ({sf.interval(g['hit_rate_ci95'], sf.pct)})",
          f"{sf.num(g['brier'])} ({sf.interval(g['brier_ci95'])})", sf.interval(g["brier_hedge_range"]),
          sf.num(g["log_loss"]), sf.signed(g["baseline_score"])) for g in groups],
        right=set(range(1, 12)))
    lines.append("")
    empty = sf.nothing_resolved(total)
    if empty:
        lines += [empty, ""]
    lines += [f"- {line}" for line in sf.honesty_lines(total)]
    lines += ["- Hit rate: share of calls (probability above or below 50%) that came out the way "
              "the forecaster leaned. Brier: mean squared error, 0 best, 0.25 for always saying 50%. "
              "Baseline score: 0 for a coin flip, higher is better. Intervals are 95%: Wilson for "
              "rates, a bootstrap for the Brier score from 20 scored predictions (— below that).", ""]
    return lines


def _calibration_section(total: dict) -> list[str]:
    lines = ["## Calibration", ""]
    rows = sf.calibration_rows(total)
    if not rows:
        return lines + ["Nothing is resolved yet, so there is no calibration to show.", ""]
    lines += _table(("forecast", "n", "mean forecast", "observed", "95% interval"), rows, {1, 2, 3})
    lines += ["", f"Reliability {sf.num(total['reliability'])} (0 is perfectly calibrated), "
                  f"resolution {sf.num(total['resolution'])}, uncertainty {sf.num(total['uncertainty'])}. "
                  "A bin of a few forecasts has a wide interval: read it before reading miscalibration.",
              ""]
    if total["trend"]:
        lines += ["Brier score by year made:", ""]
        lines += _table(("made", "n", "Brier"), sf.trend_rows(total), {1, 2})
        lines.append("")
    return lines
