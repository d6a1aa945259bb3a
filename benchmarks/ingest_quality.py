"""Ingest quality: on the seed against the bundled file, and on the hand-annotated evaluation
set (tests/fixtures/ingest_eval/: dev/ and the held-out splits), article by article.

    python3 benchmarks/ingest_quality.py [SEED] [REFERENCE_DB] [-v]

On the evaluation set a prediction proposal is right when it is one of the author's own calls
(credited to the author) or a reported forecast naming who made it; a proposal for an "optional"
item counts neither way; a call whose claim says the opposite of the annotation is "reversed".

A prediction matches when a proposal quotes the same sentence (see tracker.ingest.evaluate);
an event when a proposal of the same article has the same date (the closest text if several).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import json  # noqa: E402

from tracker.ingest.evaluate import GoldScore, compare, score_gold  # noqa: E402
from tracker.ingest.extract import extract  # noqa: E402
from tracker.ingest.reader import read_articles  # noqa: E402
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
    dev_only = "--dev" in argv  # details of dev/ only: held-out articles are not for tuning
    args = [a for a in argv if a not in ("-v", "--dev")]
    seed = Path(args[0]) if args else ROOT.parent / "shared" / "seeds" / "000_cb25776d9ac0b15e.txt"
    ref_path = Path(args[1]) if len(args) > 1 else ROOT / "predictions.json"
    scores, duplicates, result = seed_scores(seed, ref_path)
    print(f"articles: {len(result.articles)} proposed; flagged: "
          f"{sum(1 for a in result.articles if a['flags'])}")
    for kind, s in scores.items():
        print(f"{kind:<12} reference {s.reference:>3}  found {len(s.found):>3} (recall {s.recall:.0%})  "
              f"proposals {s.candidates:>3}  not in reference {len(s.unmatched):>3} "
              f"(precision {s.precision:.0%})")
        if verbose and not dev_only:
            for item in s.missed:
                print(f"    missed: {item}")
            for item in s.unmatched:
                print(f"    extra:  {item[:70]}")
    print(f"duplicate proposals (same kind, article, text and date): {duplicates}")
    real = scores["predictions"].reference
    print(f"seed prediction candidates: {scores['predictions'].candidates} for {real} real predictions "
          f"({scores['predictions'].candidates / real:.2f}x; target <= 1.3x)")
    print()
    eval_table(ROOT / "tests" / "fixtures" / "ingest_eval", verbose, dev_only)
    return 0


SPLITS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8",
          "heldout9", "heldout10", "heldout11", "heldout12", "heldout13",
          "heldout14", "heldout15", "heldout16", "heldout17", "heldout18",
          "heldout19", "heldout20", "heldout21", "heldout22", "heldout23", "heldout24",
          "heldout25", "heldout26", "heldout27", "heldout28", "heldout29", "heldout30",
          "heldout31", "heldout32", "heldout33", "heldout34", "heldout35", "heldout36", "heldout37", "heldout38", "heldout39",
          "heldout40", "heldout41", "heldout42", "heldout43")
# The splits written last: unseen until their first run, which is kept with every held-out split's first run
# (benchmarks/ingest_eval_heldout*_first_run.txt); later runs include what was fixed after it.
UNSEEN = ("heldout40", "heldout41", "heldout42", "heldout43")


def eval_scores(folder: Path) -> dict[str, list[tuple[str, GoldScore]]]:
    """Each split's articles with their scores."""
    out: dict[str, list[tuple[str, GoldScore]]] = {}
    for split in SPLITS:
        rows = []
        for path in sorted((folder / split).glob("*.txt")):
            gold = json.loads(path.with_suffix(".json").read_text())
            articles = read_articles(path)
            rows.append((path.stem, score_gold(extract(articles, path.name), gold, articles[0].author)))
        out[split] = rows
    return out


def _total(rows: list[GoldScore]) -> GoldScore:
    t = GoldScore()
    for s in rows:
        t.gold += s.gold
        t.found += s.found
        t.right += s.right
        t.wrong += s.wrong
        t.neutral += s.neutral
        t.proposals += s.proposals
        t.reversed += s.reversed
        t.events_gold += s.events_gold
        t.events_found += s.events_found
        t.events_date_right += s.events_date_right
        t.events_proposed += s.events_proposed
    return t


def _row(name: str, s: GoldScore) -> str:
    dates = f"{s.events_date_right}/{s.events_found}" if s.events_found else "-"
    return (f"| {name} | {len(s.found)}/{s.gold} | {s.recall:.0%} | {s.proposals} | {s.right}/{s.right + len(s.wrong)} "
            f"| {s.precision:.0%} | {len(s.reversed)} | {s.events_found}/{s.events_gold} | {dates} |")


def eval_table(folder: Path, verbose: bool = False, dev_only: bool = False) -> None:
    print("| article | calls found | recall | proposals | right | precision | reversed | events found | dates right |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    splits = eval_scores(folder)
    for split, rows in splits.items():
        for name, s in rows:
            print(_row(f"{split}/{name}", s))
            if verbose and not (dev_only and split != "dev"):
                for item in s.missed:
                    print(f"|   missed: {item}")
                for item in s.wrong:
                    print(f"|   wrong:  {item}")
                for item in s.reversed:
                    print(f"|   REVERSED: {item}")
                for item in s.events_missed + s.events_wrong_date:
                    print(f"|   event:  {item}")
                for item in s.events_extra:
                    print(f"|   extra event: {item}")
    for split, rows in splits.items():
        print(_row(f"**{split} overall**", _total([s for _, s in rows])))
    print(_row("**held out (all but dev) overall**",
               _total([s for split, rows in splits.items() if split != "dev" for _, s in rows])))
    print(_row(f"**newest split ({', '.join(UNSEEN)}; unseen until their first run) overall**",
               _total([s for split, rows in splits.items() if split in UNSEEN for _, s in rows])))
    print(_row("**all overall**", _total([s for rows in splits.values() for _, s in rows])))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
