"""The key footer every screen shows: Textual's, composed again once per batch of changes.

Textual's footer composes all its keys again (removing and mounting a widget per key) on every
change of bindings: each focus change, each resize, each ``refresh_bindings``, one recompose per
change even when several come before the next paint (eight at start-up). This one queues at most
one: the recompose reads the bindings when it runs, so it shows every change made before it.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _recompose_queued = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_queued:
            self._recompose_queued = True
            self.call_after_refresh(self._queued_recompose)

    async def _queued_recompose(self) -> None:
        self._recompose_queued = False  # a change from here on queues another
        await self.recompose()
