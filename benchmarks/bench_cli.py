"""Time CLI commands on a generated 100k-prediction file against Python start-up + json.load.

Run: python3 benchmarks/bench_cli.py [N]. Prints one line per measurement (median of 5 runs).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

RUNS = 5


def timed(args: list[str], runs: int = RUNS, before=None) -> float:
    samples = []
    for i in range(runs):
        if before:
            before(i)
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        db = generate(Path(tmp) / "big.json", n)
        size = db.stat().st_size / 1e6
        print(f"database: {n} predictions, 5,000 events, 500 articles, {size:.1f} MB")
        rows = [
            ("python -c pass", [py, "-c", "pass"]),
            ("python + json.load (baseline)", [py, "-c", f"import json; json.load(open({str(db)!r}, encoding='utf-8'))"]),
            ("tracker --version", [py, "-m", "tracker", "--version"]),
            ("tracker hedges (no file)", [py, "-m", "tracker", "hedges"]),
            ("tracker list --json", [py, "-m", "tracker", "--db", str(db), "list", "--json"]),
            ("tracker list --search 'number 99999'",
             [py, "-m", "tracker", "--db", str(db), "list", "--search", "number 99999"]),
            ("tracker show ID", [py, "-m", "tracker", "--db", str(db), "show", "prediction-050000"]),
            ("tracker validate", [py, "-m", "tracker", "--db", str(db), "validate"]),
        ]
        results = {}
        for label, args in rows:
            results[label] = timed(args)
        statuses = ["confirmed", "pending"]
        results["tracker mark ID STATUS"] = timed(
            [py, "-m", "tracker", "--db", str(db), "mark", "prediction-050000", "confirmed"], runs=1)
        samples = []
        for i in range(RUNS - 1):
            args = [py, "-m", "tracker", "--db", str(db), "mark", "prediction-050000", statuses[(i + 1) % 2]]
            samples.append(timed(args, runs=1))
        results["tracker mark ID STATUS"] = statistics.median(samples)
        base = results["python + json.load (baseline)"]
        for label, seconds in results.items():
            print(f"{label:<55} {seconds * 1000:8.0f} ms   {seconds / base:5.2f}x baseline")


if __name__ == "__main__":
    main()
