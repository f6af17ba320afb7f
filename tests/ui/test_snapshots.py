"""Layout snapshots at the two sizes we design for (80x24 and 120x40).

Update after a deliberate UI change with ``pytest tests/ui/test_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

SCREENS = {
    "home": (),
    "first-run": (),
    "library": ("l",),
    "library-routines": ("l", "r"),
    "exercise": ("l", "slash", *"bird", "enter", "enter"),
    "routine": ("l", "r", "enter"),
    "tips": ("t",),
    "help": ("h",),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_layout(snap_compare, make_app, screen: str, size: tuple[int, int]) -> None:
    app = make_app(first_run=screen == "first-run")
    assert snap_compare(app, press=SCREENS[screen], terminal_size=size)
