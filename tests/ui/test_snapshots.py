"""Layout snapshots at the two sizes we design for (80x24 and 120x40).

Update after a deliberate UI change with ``pytest tests/ui/test_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.clock import FakeClock
from tests.conftest import FIXED_NOW
from trainer.journal.store import JournalStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from demo_journal import generate  # noqa: E402

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

# name -> keys pressed after start; names starting "journal"/"home-" run on three months of demo data
SCREENS = {
    "home": (),
    "first-run": (),
    "library": ("l",),
    "library-routines": ("l", "r"),
    "library-filter-open": ("l", "slash", "tab", "tab", "enter"),
    "my-dose": ("l", "slash", *"glute bridge", "enter", "enter", "d"),
    "exercise": ("l", "slash", *"bird", "enter", "enter"),
    "routine": ("l", "r", "enter"),
    "tips": ("t",),
    "help": ("h",),
    "home-with-journal": (),
    "journal-trends": ("j",),
    "journal-entries": ("j", "e"),
    "journal-entry-session": ("j", "e", "down", "enter"),
    "journal-check-in": ("c", "4"),
    "journal-weekly-check": ("j", "w"),
}


@pytest.fixture
def demo_journal(paths, catalog) -> JournalStore:
    store = JournalStore(paths.journal_dir)
    store.import_entries(generate(3, seed=7, today=FIXED_NOW.date(), catalog=catalog, zone=FIXED_NOW.tzinfo))
    return store


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_layout(snap_compare, make_app, request, screen: str, size: tuple[int, int]) -> None:
    if screen.startswith(("journal", "home-")):
        request.getfixturevalue("demo_journal")
    app = make_app(first_run=screen == "first-run")
    assert snap_compare(app, press=SCREENS[screen], terminal_size=size)


# The session player at three moments: getting ready, mid-rep, and paused in a hold.
SESSION_MOMENTS = {
    "session-get-ready": ("back-basics", 2.0, ()),
    "session-rep": ("back-basics", 9.3, ()),
    "session-hold-paused": ("desk-break", 150.0, ("space",)),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", list(SESSION_MOMENTS))
def test_session_layout(snap_compare, make_app, moment: str, size: tuple[int, int]) -> None:
    routine, seconds, keys = SESSION_MOMENTS[moment]
    clock = FakeClock(1000.0)
    app = make_app(session_clock=clock, start=routine)

    async def play(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("4", "enter")
        clock.advance(seconds)
        pilot.app.screen.refresh_display()
        await pilot.press(*keys)

    assert snap_compare(app, terminal_size=size, run_before=play)
