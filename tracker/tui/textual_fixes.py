"""Two fixes to Textual that this app would otherwise live with.

**A leak.** Textual's ``StylesCache.get_inner_outer`` (textual/_styles_cache.py, up to at least 8.2) is an
instance method under ``functools.lru_cache(1024)``: the cache's key holds ``self``, so the
styles cache of every widget that ever drew a line stays alive after the widget is gone, with
every line it rendered (a ``Strip`` and its seven small caches per line). Upstream:
https://github.com/Textualize/textual/issues/6665 (open). Here: a screen the reader opened and
closed left its tables' rendered lines behind, up to 1,024 widgets' worth.

The method's result depends only on its two colours, so the fix caches on those alone. It is
applied when the app's module is imported; if Textual changes the method's shape, it is left
as Textual wrote it.

**Seven caches per line drawn.** Every ``Strip`` (one line of a widget, as drawn) is made with
seven ``FIFOCache`` objects, each with its dict, though most lines never use one (textual/strip.py,
up to at least 8.2). A screen holds a few thousand lines, so these are about a fifth of the app's
heap: each full collection of the collector walks them (the longest pauses of a keypress), and
making them is a twentieth of the time spent drawing. Here a cache is made when a line first uses
it: the same caches, the same sizes, the same results. If ``Strip`` no longer has these slots,
or builds itself otherwise, it is left as Textual wrote it.
"""

from __future__ import annotations

from functools import lru_cache

import ast
import inspect
import textwrap

from textual._styles_cache import StylesCache
from textual.cache import FIFOCache
from textual.color import Color
from textual.strip import Strip
from textual.style import Style


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """What ``StylesCache.get_inner_outer`` returns, cached on the colours only."""
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def apply() -> bool:
    """Both fixes; True when the leaking method was replaced (Textual still has the defect)."""
    _lazy_strip_caches()
    return _mend_inner_outer()


# Strip's caches and their sizes, as textual/strip.py makes them in Strip.__init__.
_STRIP_CACHES = {"_divide_cache": 4, "_crop_cache": 16, "_style_cache": 16, "_filter_cache": 4,
                 "_line_length_cache": 4, "_crop_extend_cache": 4, "_offsets_cache": 4}
_STRIP_INIT = {**{f"self.{name}": f"FIFOCache({size})" for name, size in _STRIP_CACHES.items()},
               "self._segments": "list(segments)", "self._cell_length": "cell_length",
               "self._render_cache": "None", "self._link_ids": "None", "self._cell_count": "None"}


def _strip_init(self: Strip, segments, cell_length: int | None = None) -> None:
    self._segments = list(segments)
    self._cell_length = cell_length
    self._render_cache = None
    self._link_ids = None
    self._cell_count = None


def _lazy_cache(slot, size: int) -> property:
    """A property over ``slot`` (the member's storage) that makes its FIFOCache on first use."""

    def get(strip: Strip) -> FIFOCache:
        try:
            return slot.__get__(strip, Strip)
        except AttributeError:
            cache = FIFOCache(size)
            slot.__set__(strip, cache)
            return cache

    return property(get, slot.__set__)


def _strip_as_written() -> bool:
    """Whether Strip.__init__ makes exactly the members of _STRIP_INIT (and its slots hold them)."""
    if Strip.__init__ is _strip_init:
        return False
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(Strip.__init__)))
    except (OSError, TypeError, SyntaxError):
        return False
    made = {}
    for node in ast.walk(tree.body[0]):
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                made[ast.unparse(target)] = ast.unparse(node.value)
    slots = all(type(Strip.__dict__.get(name)).__name__ == "member_descriptor" for name in _STRIP_CACHES)
    return slots and made == _STRIP_INIT


def _lazy_strip_caches() -> bool:
    """Make Strip's caches when first used; True when done (now or before)."""
    if Strip.__init__ is _strip_init:
        return True
    if not _strip_as_written():
        return False
    for name, size in _STRIP_CACHES.items():
        setattr(Strip, name, _lazy_cache(Strip.__dict__[name], size))
    Strip.__init__ = _strip_init  # type: ignore[method-assign]
    return True


def _mend_inner_outer() -> bool:
    """Replace the leaking method; True when it was replaced (Textual still has the defect)."""
    method = StylesCache.__dict__.get("get_inner_outer")
    if method is _get_inner_outer:
        return True
    if not hasattr(method, "cache_clear"):  # fixed upstream, or reshaped: nothing to mend
        return False
    method.cache_clear()
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign]
    return True


apply()
