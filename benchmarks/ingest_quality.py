"""Ingest quality on the seed: how many of the bundled file's events and predictions
`tracker ingest` proposes, and how many of its proposals the bundled file does not have.

    python3 benchmarks/ingest_quality.py [SEED] [REFERENCE_DB] [-v]

A prediction matches when a proposal quotes the same sentence (see tracker.ingest.evaluate);
an event when a proposal of the same article has the same date (the closest text if several).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tracker.ingest.evaluate import compare  # noqa: E402
from tracker.ingest.run import ingest  # noqa: E402
from tracker.store.store import Store  # noqa: E402


def seed_scores(seed: Path, ref_path: Path):
    """Scores of a dry-run ingest of ``seed`` (into an empty database) against ``ref_path``,
    and the number of duplicate proposals (same kind, article, text and date)."""
    reference = Store(ref_path).load()
    result = ingest(Store(ref_path.parent / "no-such-database.json"), seed, dry_run=True)  # empty
    url_to_ref = {a.url: a.id for a in reference.articles.values()}
    article_of = {a["id"]: url_to_ref.get(a["url"], a["id"]) for a in result.articles}
    for c in result.candidates:  # compare on the reference's article ids
        if c.kind == "prediction":
            c.fields["article"] = article_of[c.fields["article"]]
        else:
            c.fields["articles"] = [article_of[x] for x in c.fields["articles"]]
    preds = [{"id": p.id, "article": p.article, "quote": p.quote, "hedge": p.hedge}
             for p in reference.predictions.values()]
    events = [{"id": e.id, "article": e.articles[0] if e.articles else "", "date": e.date.iso(),
               "title": e.title, "summary": e.summary} for e in reference.events.values()]
    keys = [(c.kind, c.article, c.text, c.fields.get("date")) for c in result.candidates]
    return compare(result.candidates, preds, events), len(keys) - len(set(keys)), result


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    seed = Path(args[0]) if args else ROOT.parent / "shared" / "seeds" / "000_cb25776d9ac0b15e.txt"
    ref_path = Path(args[1]) if len(args) > 1 else ROOT / "predictions.json"
    scores, duplicates, result = seed_scores(seed, ref_path)
    print(f"articles: {len(result.articles)} proposed; flagged: "
          f"{sum(1 for a in result.articles if a['flags'])}")
    for kind, s in scores.items():
        print(f"{kind:<12} reference {s.reference:>3}  found {len(s.found):>3} (recall {s.recall:.0%})  "
              f"proposals {s.candidates:>3}  not in reference {len(s.unmatched):>3} "
              f"(precision {s.precision:.0%})")
        if verbose:
            for item in s.missed:
                print(f"    missed: {item}")
            for item in s.unmatched:
                print(f"    extra:  {item[:70]}")
    print(f"duplicate proposals (same kind, article, text and date): {duplicates}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
