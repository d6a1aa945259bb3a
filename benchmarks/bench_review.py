"""Time review, score, report and the calendar on a generated 100k-prediction file, half of it
resolved, against Python start-up + json.load of the same file.

Run: python3 benchmarks/bench_review.py [N]. Prints one line per measurement (median of 3 runs).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time
import tempfile
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

from tracker.store.layout import encode_file  # noqa: E402



def timed(args: list[str], runs: int = 3) -> float:
    """The median wall time of ``args`` as a whole process over ``runs`` runs."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)

def resolve_half(path: Path, seed: int = 11) -> None:
    """Mark every other prediction confirmed or refuted, with a status entry, hedges varied."""
    rng = random.Random(seed)
    tables = orjson.loads(path.read_bytes())
    readings = [("可能性が高い", 0.7), ("可能性がある", 0.5), ("確実", 0.97), ("可能性は低い", 0.7)]
    for i, doc in enumerate(tables["predictions"].values()):
        doc["hedge"], doc["probability"] = readings[i % len(readings)]
        if i % 2:
            status = "confirmed" if rng.random() < 0.6 else "refuted"
            doc["status"] = status
            doc["history"] = [{"at": "2026-01-01T00:00:00Z", "action": "status", "from": "pending",
                               "to": status, "note": "", "evidence": [], "known_on": doc["resolve_by"]}]
    path.write_bytes(encode_file(tables))


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        db = generate(Path(tmp) / "big.json", n)
        resolve_half(db)
        print(f"database: {n} predictions (half resolved), {db.stat().st_size / 1e6:.1f} MB")
        cli = [py, "-m", "tracker", "--db", str(db)]
        rows = [
            ("python + json.load (baseline)",
             [py, "-c", f"import json; json.load(open({str(db)!r}, encoding='utf-8'))"]),
            ("tracker validate", [*cli, "validate"]),
            ("tracker review --json", [*cli, "review", "--today", "2026-11-24", "--json"]),
            ("tracker score", [*cli, "score"]),
            ("tracker score --by article (500 groups)", [*cli, "score", "--by", "article"]),
            ("tracker score --by tag --json (30 groups)", [*cli, "score", "--by", "tag", "--json"]),
            ("tracker report", [*cli, "report"]),
            ("tracker export --format ics", [*cli, "export", "--format", "ics"]),
        ]
        results = {label: timed(args, runs=3) for label, args in rows}
        base = results["python + json.load (baseline)"]
        for label, seconds in results.items():
            print(f"{label:<55} {seconds * 1000:8.0f} ms   {seconds / base:5.2f}x baseline")


if __name__ == "__main__":
    main()
