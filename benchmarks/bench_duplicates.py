"""What the duplicate-key check costs on a generated file, against the floor of parsing it.

Run: python3 benchmarks/bench_duplicates.py [N]   (default 100,000 predictions)

Prints the best of 5 runs of: orjson.loads (the floor), the fast duplicate check on a clean
file (what every write and `validate` pay), and the exact check that names the keys (paid only
when the fast one finds a difference), each with its ratio to the floor.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402

from tracker.store.layout import encode_file  # noqa: E402
from tracker.store.guard import _exact_duplicates  # noqa: E402


def best(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = generate(Path(folder) / "big.json", predictions=n)
        raw = path.read_bytes()
    parsed = orjson.loads(raw)
    floor = best(lambda: orjson.loads(raw))
    fast = best(lambda: encode_file(parsed) == raw)  # what a read does: canonical bytes hold no duplicate
    exact = best(lambda: _exact_duplicates(raw), runs=2)
    print(f"{n:,} predictions, {len(raw) / 1e6:.1f} MB")
    for name, seconds in (("orjson.loads (floor)", floor), ("canonical check, clean file", fast),
                          ("exact check naming keys", exact)):
        print(f"  {name:30} {seconds:7.3f} s  {seconds / floor:5.2f}x floor")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
