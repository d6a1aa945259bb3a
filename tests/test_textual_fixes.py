"""tracker.tui.textual_fixes: a line Textual draws (a ``Strip``) makes its caches only when it uses
one, and gives the same results, cached the same way; a Strip built otherwise is left alone."""

from __future__ import annotations

import gc

from rich.segment import Segment
from rich.style import Style
from textual.cache import FIFOCache
from textual.strip import Strip

from tracker.tui import textual_fixes


def caches_of(strip: Strip) -> list[FIFOCache]:
    return [r for r in gc.get_referents(strip) if isinstance(r, FIFOCache)]


def test_a_line_drawn_holds_no_cache_until_it_uses_one():
    assert textual_fixes.apply() in (True, False)  # applied on import; applying again changes nothing
    strip = Strip([Segment("hello "), Segment("world", Style(bold=True))], 11)
    assert caches_of(strip) == []
    assert strip.crop(0, 5).text == "hello" and strip.crop(0, 5) is strip.crop(0, 5)  # cached as Textual caches
    assert [s.text for s in strip.divide([3, 6, 11])] == ["hel", "lo ", "world"]
    assert strip.apply_style(Style(italic=True)) is strip.apply_style(Style(italic=True))
    assert len(caches_of(strip)) == 3  # crop, divide, style: only the caches used
    assert strip.crop(0, 5).cell_length == 5 and strip.cell_length == 11


def test_a_strip_built_otherwise_is_left_as_textual_wrote_it(monkeypatch):
    class Other(Strip):  # an __init__ that is not Textual's as the fix knows it
        def __init__(self, segments, cell_length=None):
            Strip.__init__(self, segments, cell_length)
    monkeypatch.setattr(Strip, "__init__", Other.__init__)
    assert textual_fixes._strip_as_written() is False
    assert textual_fixes._lazy_strip_caches() is False
