"""The key footer every screen shows: Textual's, composed again once per batch of changes.

Textual's footer composes all its keys again (removing and mounting a widget per key) on every
change of bindings: each focus change, each resize, each ``refresh_bindings``, one recompose per
change even when several come before the next paint (eight at start-up). This one queues at most
one: the recompose reads the bindings when it runs, so it shows every change made before it, and
it is skipped when the keys it would show are the ones on show (most focus changes).

Each key Textual's footer composes is bound to the footer's ``compact`` (``data_bind``), which adds
a watcher to the footer's list for it; Textual drops the watchers of removed keys only when
``compact`` changes, which it never does here. So every recompose left its keys alive, with all
they had drawn: 182 dead keys after opening and closing two screens three times. After each
recompose this footer drops the watchers of keys that are gone.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _recompose_queued = False
    _shown: tuple | None = None  # what the keys on show were composed from

    def _showing(self) -> tuple:
        """What the keys depend on: the screen's shown bindings, whether each is enabled, its
        tooltip, and the footer's own settings."""
        keys = tuple((binding.key, binding.action, binding.description, binding.key_display, binding.group,
                      enabled, tooltip)
                     for (_, binding, enabled, tooltip) in self.screen.active_bindings.values() if binding.show)
        return keys, self.compact, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_queued:
            self._recompose_queued = True
            self.call_after_refresh(self._queued_recompose)

    async def _queued_recompose(self) -> None:
        self._recompose_queued = False  # a change from here on queues another
        if not self.is_attached:
            return
        showing = self._showing()
        if showing == self._shown and self.children:  # a focus change that left the same keys
            return
        await self.recompose()
        self._shown = showing

    async def recompose(self) -> None:
        await super().recompose()
        for watchers in getattr(self, "__watchers", {}).values():
            watchers[:] = [(node, callback) for node, callback in watchers
                           if not (getattr(node, "_closing", False) or getattr(node, "_closed", False))]
