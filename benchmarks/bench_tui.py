"""Time the TUI on a generated 100k-prediction file, headless (App.run_test).

Run: python3 benchmarks/bench_tui.py [N]. Prints: an empty Textual app's start, the tracker's first
screen (before the file is read), the time until the timeline is filled, and search keystrokes.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402
from textual.app import App  # noqa: E402

from tracker.tui.app import TrackerApp  # noqa: E402
from tracker.tui.timeline import Timeline  # noqa: E402


async def empty_app_start() -> float:
    start = time.perf_counter()
    async with App().run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        return time.perf_counter() - start


class TimedTrackerApp(TrackerApp):
    """The tracker, noting when loading starts: the app starts it after its first paint."""

    first_paint: float | None = None

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        load = self.session.load

        def timed_load(*args, **kwargs):
            if self.first_paint is None:
                self.first_paint = time.perf_counter()
            return load(*args, **kwargs)

        self.session.load = timed_load


async def input_keystroke() -> float:
    """A key typed into an Input in an otherwise empty app: the floor for a keystroke."""
    from textual.widgets import Input

    class One(App):
        def compose(self):
            yield Input()

    app = One()
    async with app.run_test(size=(160, 45)) as pilot:
        keys = []
        for ch in "number":
            t = time.perf_counter()
            await pilot.press(ch)
            keys.append(time.perf_counter() - t)
        return statistics.median(keys)


async def tracker_run(path: Path) -> dict[str, float]:
    figures: dict[str, float] = {}
    start = time.perf_counter()
    app = TimedTrackerApp(path)
    async with app.run_test(size=(160, 45)) as pilot:
        while app.first_paint is None:
            await asyncio.sleep(0.005)
        figures["first screen (Loading…)"] = app.first_paint - start
        while not app.query_one(Timeline).rows:  # read in one worker, rows built in another
            await asyncio.sleep(0.005)
        figures["timeline filled"] = time.perf_counter() - start
        figures["rows"] = len(app.query_one(Timeline).rows)
        await pilot.press("slash")
        keys = []
        for ch in "number 4242":
            t = time.perf_counter()
            await pilot.press(ch if ch != " " else "space")
            keys.append(time.perf_counter() - t)
        figures["keystroke handled (median)"] = statistics.median(keys)
        figures["keystroke handled (max)"] = max(keys)
        t = time.perf_counter()
        while len(app.query_one(Timeline).rows) > 1000:
            await asyncio.sleep(0.005)
        figures["search result after last key"] = time.perf_counter() - t
        figures["rows matching"] = len(app.query_one(Timeline).rows)
        t = time.perf_counter()
        await pilot.press("escape")
        while len(app.query_one(Timeline).rows) < 1000:
            await asyncio.sleep(0.005)
        figures["clear search"] = time.perf_counter() - t
    return figures


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        db = generate(Path(tmp) / "big.json", n)
        empty = statistics.median(asyncio.run(empty_app_start()) for _ in range(3))
        print(f"database: {n} predictions, {db.stat().st_size / 1e6:.1f} MB")
        print(f"{'empty Textual app, first screen':<40} {empty * 1000:8.0f} ms")
        key_floor = asyncio.run(input_keystroke())
        print(f"{'keystroke into an Input, empty app':<40} {key_floor * 1000:8.0f} ms")
        figures = asyncio.run(tracker_run(db))
        for label, value in figures.items():
            if label.startswith("rows"):
                print(f"{label:<40} {int(value):8d}")
            else:
                ratio = f"   {value / empty:5.1f}x empty app" if "screen" in label or "filled" in label else ""
                print(f"{label:<40} {value * 1000:8.0f} ms{ratio}")


if __name__ == "__main__":
    main()
