"""A fix for one defect of Textual that this app would otherwise live with.

Textual's ``StylesCache.get_inner_outer`` (textual/_styles_cache.py, up to at least 8.2) is an
instance method under ``functools.lru_cache(1024)``: the cache's key holds ``self``, so the
styles cache of every widget that ever drew a line stays alive after the widget is gone, with
every line it rendered (a ``Strip`` and its seven small caches per line). Upstream:
https://github.com/Textualize/textual/issues/6665 (open). Here: a screen the reader opened and
closed left its tables' rendered lines behind, up to 1,024 widgets' worth.

The method's result depends only on its two colours, so the fix caches on those alone. It is
applied when the app's module is imported; if Textual changes the method's shape, it is left
as Textual wrote it.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """What ``StylesCache.get_inner_outer`` returns, cached on the colours only."""
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def apply() -> bool:
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
