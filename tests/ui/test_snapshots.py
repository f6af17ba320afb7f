"""Layout snapshots at the two sizes we design for (80x24 and 120x40).

Update after a deliberate UI change with ``pytest tests/ui/test_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

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
    "exercise": ("l", "slash", *"bird", "enter", "enter"),
    "routine": ("l", "r", "enter"),
    "tips": ("t",),
    "help": ("h",),
    "home-with-journal": (),
    "journal-trends": ("j",),
    "journal-entries": ("j", "e"),
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
