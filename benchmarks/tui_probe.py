"""One headless TUI measurement, run as a child of benchmarks/run.py (so its memory is its own).

``tui_probe.py OUT``: an empty Textual app's start (to its first screen), written to OUT as JSON.
``tui_probe.py OUT DB``: the tracker on DB: seconds to its first frame (the top line saying how
far the read has got), to the rows of the timeline (the file parsed, its records on shelves and
its rows built: the reader scrolls, opens and marks records), to every record checked (each
decoded once: the counts come, and search and filters work), and from the last key typed
in the search box to the filtered list (the search waits for a pause in typing first, see
SEARCH_DEBOUNCE_SECONDS in tracker/tui/screens/timeline.py).
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's tracker, as run.py's other children

from textual.app import App

SIZE = (160, 45)


async def empty_app() -> dict[str, float]:
    start = time.perf_counter()
    async with App().run_test(size=SIZE) as pilot:
        await pilot.pause()
        return {"empty": time.perf_counter() - start}


def _timeline(app):
    return app.screen.query_one("#timeline")


async def _wait(condition, timeout: float = 600) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the TUI did not get there")
        await asyncio.sleep(0.002)


async def tracker_app(db: Path) -> dict[str, float]:
    from tracker.tui.app import TrackerApp

    start = time.perf_counter()
    app = TrackerApp(db)
    async with app.run_test(size=SIZE) as pilot:
        await _wait(lambda: bool(app.screen.query("#counts")) and "Loading" in str(app.screen.query_one("#counts").content))
        first = time.perf_counter() - start
        await _wait(lambda: app.screen._built_from is not None and len(_timeline(app).rows) > 1)
        loaded = time.perf_counter() - start
        await _wait(lambda: app.session.digest is not None and app.screen.counts is not None)
        checked = time.perf_counter() - start
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        for ch in "number 1":
            await pilot.press("space" if ch == " " else ch)
        before = _timeline(app).rows
        await _wait(lambda: _timeline(app).rows is not before)
        await app.workers.wait_for_complete()
        before = _timeline(app).rows
        t = time.perf_counter()
        await pilot.press("2")
        await _wait(lambda: _timeline(app).rows is not before)
        search = time.perf_counter() - t
        await app.workers.wait_for_complete()
        await pilot.pause()  # let the highlight of the new list settle before the app closes
    return {"first": first, "loaded": loaded, "checked": checked, "search": search}


def main() -> None:
    out = Path(sys.argv[1])
    figures = asyncio.run(tracker_app(Path(sys.argv[2])) if len(sys.argv) > 2 else empty_app())
    out.write_text(json.dumps(figures))


if __name__ == "__main__":
    main()
