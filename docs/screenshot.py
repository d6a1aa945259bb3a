"""Draw docs/images/tui.svg: the TUI's timeline on the bundled predictions.json.

    python3 docs/screenshot.py [OUTPUT.svg]

The app runs headless (Textual's pilot) on a copy of the file, with its own cache folder and a
fixed "today" (15 June 2025: the two scheduled predictions are overdue, the rest pending), so the
picture only changes when the screen does. Nothing outside a temporary folder is written but the
SVG.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2025, 6, 15)
SIZE = (140, 36)


async def draw(output: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp, "cache"))
        os.environ.setdefault("TRACKER_USER", "reader")
        db = Path(tmp, "predictions.json")
        shutil.copyfile(ROOT / "predictions.json", db)
        from tracker.tui.app import TrackerApp

        app = TrackerApp(db, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.3)
            for _ in range(200):  # the file is read after the first paint
                if app.session.loaded:
                    break
                await pilot.pause(0.05)
            for _ in range(2):
                await app.workers.wait_for_complete()
                await pilot.pause()
            app.sub_title = "predictions.json"  # not the temporary folder's path
            await pilot.pause()
            svg = app.export_screenshot(title="tracker")
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(svg, encoding="utf-8")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images" / "tui.svg"
    asyncio.run(draw(target))
    print(target)
