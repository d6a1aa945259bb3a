"""A screen that is closed is freed: nothing pins the screens the reader opened and left, nor the
lines their widgets drew (tracker.tui.textual_fixes, and the footer's keys: tracker.tui.footer)."""

from __future__ import annotations

import gc
import weakref

from textual._styles_cache import StylesCache

from tracker.tui.screens.review import ReviewScreen
from tracker.tui.screens.scores import ScoresScreen

from test_tui import app_for, db_path, settle  # noqa: F401 (db_path: a fixture)


async def test_review_and_scores_screens_and_what_they_drew_are_freed_after_closing(db_path):  # noqa: F811
    app = app_for(db_path)
    opened: list[weakref.ref] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for _ in range(5):  # five times each, as the issue asks: a screen kept from one opening to the next is caught
            for key, kind in (("R", ReviewScreen), ("S", ScoresScreen)):
                await pilot.press(key)
                await pilot.pause(0.05)
                await app.workers.wait_for_complete()
                await pilot.pause(0.05)
                assert isinstance(app.screen, kind)
                opened.append(weakref.ref(app.screen))
                await pilot.press("escape")
                if isinstance(app.screen, kind):  # the review screen's first Escape shows its summary
                    await pilot.press("escape")
                await pilot.pause(0.05)
                assert not isinstance(app.screen, kind)
            await pilot.press("slash")  # into the search box and out: the footer shows other keys, then these
            await pilot.pause(0.05)
            await pilot.press("escape")
            await pilot.pause(0.05)
        await app.workers.wait_for_complete()
        await pilot.pause(0.1)
        gc.collect()
        alive = [ref() for ref in opened if ref() is not None]
        assert alive == [], f"{len(alive)} of {len(opened)} closed screens are still alive"
        # Each widget keeps the lines it drew in a styles cache, which must go with its widget.
        # (a live widget's scroll bars are no children of it, but they are its own)
        live = [node for screen in app.screen_stack for node in screen.walk_children(with_self=True)]
        live += [bar for node in live for bar in (getattr(node, "_vertical_scrollbar", None),
                                                  getattr(node, "_horizontal_scrollbar", None),
                                                  getattr(node, "_scrollbar_corner", None)) if bar is not None]
        owned = {id(node._styles_cache) for node in live}
        orphans = [cache for cache in gc.get_objects()
                   if isinstance(cache, StylesCache) and id(cache) not in owned]
        assert orphans == [], f"{len(orphans)} styles caches of widgets that are gone are still alive"

