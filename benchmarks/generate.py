"""Generate a large tracker database for benchmarks (not for tests: it takes seconds).

The records look like real ones where it costs time: 300 forecasters, every status
(judged ones with the history entry that says when and why, void with its note),
day/month/year precision, English claims, Japanese quotes, and text that looks like
markup or holds brackets. One prediction in fifty is conditional, one in ten has tags.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import orjson

from tracker.store.layout import SCHEMA_VERSION, encode_file

FORECASTERS = 300
STATUSES = ("pending",) * 6 + ("confirmed",) * 2 + ("refuted",) * 1 + ("void",) * 1
MARKUP = ("[b]bold[/b] ", "[@click=app.quit]x ", "[a=b=c] ", "", "", "", "", "")


def _date(rng: random.Random, year: int, precision: str) -> str:
    if precision == "year":
        return f"{year}"
    month = f"{year}-{1 + rng.randrange(12):02d}"
    return month if precision == "month" else f"{month}-{1 + rng.randrange(28):02d}"


def generate(path: Path, predictions: int = 100_000, seed: int = 7) -> Path:
    """Write a database of ``predictions`` predictions (with articles and events to match)."""
    rng = random.Random(seed)
    n_articles = max(predictions // 50, 20)
    n_events = max(predictions // 20, 50)
    articles = {
        f"article-{i}": {
            "title": f"Article {i} [with brackets]", "author": f"Forecaster {i % FORECASTERS}",
            "published": f"{2018 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", "url": f"https://example.org/{i}",
            "language": "en", "summary_title": f"記事{i}：地政学の見通し", "summary_language": "ja",
            "summary_posted": "", "summary_source": "", "source_note": "", "history": [],
        }
        for i in range(n_articles)
    }
    events = {
        f"event-{i}": {
            "date": _date(rng, 2018 + i % 8, rng.choice(("year", "month", "day"))), "title": f"Event {i}",
            "summary": "要約 " * 5, "articles": [f"article-{i % n_articles}"], "tags": ["tag%d" % (i % 30)],
            "history": [],
        }
        for i in range(n_events)
    }
    preds = {}
    for i in range(predictions):
        year = 2018 + rng.randrange(6)  # made before today, so a mark "known today" is valid
        made = _date(rng, year, "day")
        status = rng.choice(STATUSES)
        history = []
        if status != "pending":
            history.append({
                "at": f"{year + 1}-06-01T12:00:00Z", "action": "status", "from": "pending", "to": status,
                "note": "条件が成立しなかった" if status == "void" else "judged from the record",
                "evidence": [f"https://example.org/evidence/{i}"] if status != "void" else [],
                "known_on": f"{year + 1}-05",
            })
        article = i % n_articles
        hedge, probability = rng.choice((("可能性が高い", 0.7), ("likely", 0.7), ("unlikely", 0.7),
                                         ("almost certainly", 0.95), ("", 0.6)))
        preds[f"prediction-{i:06d}"] = {
            "claim": f"{rng.choice(MARKUP)}Claim number {i}: country {rng.randrange(200)} "
                     f"will sign treaty {rng.randrange(1000)}",
            "condition": "if talks resume" if i % 50 == 0 else "",
            "quote": f"第{i}の予測は実現する{hedge or '見込みだ'}。", "hedge": hedge, "alt_hedge": "",
            "probability": probability, "made_on": made,
            "resolve_by": _date(rng, year + 1 + rng.randrange(3), rng.choice(("year", "month", "day"))),
            "horizon_note": "generated", "author": f"Forecaster {article % FORECASTERS}",
            "forecaster": f"Forecaster {(article + (i % 7 == 0)) % FORECASTERS}",
            "article": f"article-{article}", "event": f"event-{i % n_events}" if i % 3 == 0 else "",
            "tags": [f"tag{i % 30}"] if i % 10 == 0 else [], "status": status, "history": history,
        }
    tables = {"meta": {"schema": {"schema_version": SCHEMA_VERSION}}, "articles": articles,
              "events": events, "predictions": preds}
    path.write_bytes(encode_file(tables))
    return path


def pick(path: Path, runs: int) -> tuple[list[str], str]:
    """Ids to measure on: ``runs`` pending predictions (one per mark) and one in the middle."""
    stored = orjson.loads(path.read_bytes())["predictions"]
    pending = [rid for rid, doc in stored.items() if doc["status"] == "pending"][:runs]
    return pending, sorted(stored)[len(stored) // 2]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("predictions", type=int, nargs="?", default=100_000)
    parser.add_argument("--pick", type=int, metavar="RUNS",
                        help="print, as JSON, RUNS pending ids and a middle id (for benchmarks/run.py)")
    args = parser.parse_args()
    out = generate(args.path, args.predictions)
    if args.pick:
        print(orjson.dumps(pick(out, args.pick)).decode())
    else:
        print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
