"""Generate a large tracker database for benchmarks (not for tests: it takes seconds)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from tracker.storage import SCHEMA_VERSION, encode_file


def generate(path: Path, predictions: int = 100_000, seed: int = 7) -> Path:
    rng = random.Random(seed)
    articles = {
        f"article-{i}": {
            "title": f"Article {i} [with brackets]", "author": f"Author {i % 20}",
            "published": f"{2020 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", "url": f"https://example.org/{i}",
            "language": "en", "summary_title": f"記事{i}", "summary_language": "ja", "summary_posted": "",
            "summary_source": "", "source_note": "", "history": [],
        }
        for i in range(500)
    }
    events = {
        f"event-{i}": {
            "date": f"{2020 + i % 8}-{1 + i % 12:02d}", "title": f"Event {i}", "summary": "要約 " * 5,
            "articles": [f"article-{i % 500}"], "tags": ["tag%d" % (i % 30)], "history": [],
        }
        for i in range(5_000)
    }
    preds = {}
    for i in range(predictions):
        year = 2018 + rng.randrange(8)  # made before today, so a mark "known today" is valid
        made = f"{year}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        preds[f"prediction-{i:06d}"] = {
            "claim": f"Claim number {i}: country {rng.randrange(200)} will sign treaty {rng.randrange(1000)}",
            "condition": "", "quote": f"第{i}の予測は実現する可能性が高い。", "hedge": "可能性が高い",
            "probability": 0.7, "made_on": made, "resolve_by": f"{year + 1 + rng.randrange(3)}",
            "horizon_note": "generated", "author": f"Author {i % 20}", "article": f"article-{i % 500}",
            "event": "", "tags": [f"tag{i % 30}"], "status": "pending", "history": [],
        }
    tables = {"meta": {"schema": {"schema_version": SCHEMA_VERSION}}, "articles": articles,
              "events": events, "predictions": preds}
    path.write_bytes(encode_file(tables))
    return path


if __name__ == "__main__":
    out = generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
    print(f"{out}: {out.stat().st_size / 1e6:.1f} MB")
