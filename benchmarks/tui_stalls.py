"""How long the TUI's event loop is blocked while a reader works on a large file.

Run: python3 benchmarks/tui_stalls.py [N]  (default 100,000 predictions).
With TUI_STALLS_TRACE=FILE, every gap over 100 ms writes the stack of each thread to FILE
(faulthandler: it needs no GIL, so it also names a worker holding the GIL in a C call).

A ticker coroutine wakes every 5 ms; the longest gap between two ticks while a step runs
is the longest time the screen could not repaint or take a key. Each step is measured
until its workers are done. The floor is the same ticker in an empty Textual app, idle.
"""

from __future__ import annotations

import asyncio
import faulthandler
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate  # noqa: E402
from textual.app import App  # noqa: E402

TICK = 0.005
TRACE = open(os.environ["TUI_STALLS_TRACE"], "w") if os.environ.get("TUI_STALLS_TRACE") else None  # noqa: SIM115


class Stalls:
    """The longest gap between ticks since the last reset."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self._task = asyncio.get_running_loop().create_task(self._tick())

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(TICK)
            now = time.perf_counter()
            self.longest = max(self.longest, now - self._last - TICK)
            self._last = now
            if TRACE is not None:
                faulthandler.dump_traceback_later(0.1, file=TRACE)

    def reset(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()

    def stop(self) -> None:
        self._task.cancel()


async def settle(app, pilot, seconds: float = 0.3) -> None:
    from textual.worker import WorkerCancelled

    for _ in range(3):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:  # a newer worker of its group replaced it (a reload after a write)
            pass
        await pilot.pause(seconds)


async def floor() -> float:
    async with App().run_test(size=(160, 45)) as pilot:
        stalls = Stalls()
        await pilot.pause(1.0)
        stalls.stop()
        return stalls.longest


def _loaded(app) -> bool:
    """The rows shown and every record checked (filters and search wait for the check)."""
    return app.session.loaded and app.session.digest is not None and len(app.screen.query_one("#timeline").rows) > 1


async def opening(db: Path) -> float:
    """The longest gap from the app's start until its file is loaded, its rows shown and it is idle."""
    from tracker.tui.app import TrackerApp

    app = TrackerApp(db)
    async with app.run_test(size=(160, 45)) as pilot:
        stalls = Stalls()
        while not _loaded(app):
            await asyncio.sleep(0.01)
        await settle(app, pilot)
        stalls.stop()
        return stalls.longest


async def steps(db: Path) -> list[tuple[str, float]]:
    from tracker.tui.app import TrackerApp

    out: list[tuple[str, float]] = []
    app = TrackerApp(db)
    async with app.run_test(size=(160, 45)) as pilot:
        stalls = Stalls()

        async def step(label: str, *keys: str, wait: float = 0.3) -> None:
            stalls.reset()
            if keys:
                await pilot.press(*keys)
            await settle(app, pilot, wait)
            out.append((label, stalls.longest))

        while not _loaded(app):
            await asyncio.sleep(0.01)
        await step("load and first rows (until idle)")
        await step("cursor down x5", "down", "down", "down", "down", "down")
        await step("status filter (f)", "f")
        await step("status filter back to all", "f", "f", "f", "f", "f")
        timeline = app.screen.query_one("#timeline")
        published = {a.id: a.published for a in app.session.database.articles.values()}
        # A pending prediction an edit may change (generated ones may be dated before their article).
        pending = next(i for i, r in enumerate(timeline.rows) if r.kind == "prediction"
                       and r.record.status.value == "pending" and r.record.made_on.year < 2026
                       and r.record.made_on.first_day() >= published[r.record.article].last_day())
        timeline.move_to(pending)
        await step("mark dialog opens (r)", "r")
        await step("mark written, file reloaded (enter)", "enter", wait=1.0)
        await step("undo written, file reloaded (u)", "u", wait=1.0)
        await step("edit form opens (e)", "e")
        await step("edit written, file reloaded (end, x, ctrl+s)", "end", "x", "ctrl+s", wait=1.0)
        edited = timeline.current.record  # between steps: not measured
        if not edited.claim.endswith("x"):
            raise SystemExit(f"the edit step did not write: {edited.id}'s claim is {edited.claim!r}")
        await step("add form opens (a)", "a")
        await step("add form closes (escape)", "escape")
        await step("search box, typing 'number 4' (/)", "slash", *"number 4", wait=1.0)
        await step("search cleared, every row back (escape)", "escape", wait=1.0)
        await step("palette opens, first search (ctrl+p, 'number 4')", "ctrl+p", *"number 4", wait=1.0)
        await step("palette closes", "escape")
        await step("review screen (R)", "R", wait=1.0)
        await step("review: skip (n)", "n")
        await step("back (escape x2)", "escape", "escape")
        await step("scores screen (S)", "S", wait=1.0)
        await step("scores: next forecaster", "down")
        await step("back (escape)", "escape")
        stalls.stop()
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        db = generate(Path(tmp) / "big.json", n)
        idle = asyncio.run(floor())
        print(f"database: {n} predictions, {db.stat().st_size / 1e6:.1f} MB")
        print(f"{'floor: empty app, idle (longest gap)':<52} {idle * 1000:7.0f} ms")
        opened = []
        for label in ("open (start to idle)", "open again (start to idle)"):
            opened.append((label, asyncio.run(opening(db))))
            # An app that has quit is garbage in reference cycles, with its 100k records and rows:
            # freed here, between measurements, not by the collector in the middle of a later step
            # (a real session is one app in one process).
            gc.collect()
        for label, longest in opened + asyncio.run(steps(db)):
            print(f"{label:<52} {longest * 1000:7.0f} ms   {longest / max(idle, 1e-3):6.1f}x floor")


if __name__ == "__main__":
    main()
