"""A journal of an older version (month files in the journal folder itself) moves into device files when the
app opens it, after the first paint: entries kept, a backup kept, and nothing on screen different from the
same journal written by this version. A move that fails says so and the app goes on."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.conftest import FIXED_NOW
from tests.reliability.journal_files import settings_as_older_app, snapshot, write_as_older_app
from trainer.app import make_app as build_app
from trainer.catalog.validated import Catalog
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord
from trainer.journal.store import JournalStore
from trainer.paths import Paths

ENTRIES: list[AnyEntry] = [
    CheckIn(at=FIXED_NOW - timedelta(days=40), pain_now=6, notes="October"),
    CheckIn(at=FIXED_NOW - timedelta(days=2), pain_now=5),
    SessionRecord(
        at=FIXED_NOW - timedelta(hours=3),
        ended=FIXED_NOW - timedelta(hours=3) + timedelta(minutes=12),
        title="Gentle start",
        completion=1.0,
        ended_how="finished",
    ),
    CheckIn(at=FIXED_NOW - timedelta(hours=1), pain_now=3, notes="after the walk"),
]


def older_journal(paths: Paths) -> dict[str, bytes]:
    """The journal as an older backtrainer left it; returns its files' bytes."""
    write_as_older_app(paths.journal_dir, ENTRIES)
    settings_as_older_app(paths.journal_dir, disclaimer_seen=True)
    return snapshot(paths.journal_dir)


async def screens_shown(app) -> list[str]:
    """Home and the Journal as the person sees them, once the start's move is over."""
    async with app.run_test(size=(100, 30)) as pilot:
        await app.journal_moved.wait()
        await pilot.pause()
        home = app.export_screenshot()
        await pilot.press("j")
        await pilot.pause()
        journal = app.export_screenshot()
        notes = [note.message for note in app._notifications]
    return [home, journal, *notes]


async def test_an_older_journal_moves_when_the_app_opens_and_nothing_shown_changes(
    make_app, paths: Paths, catalog: Catalog, tmp_path: Path
) -> None:
    before = older_journal(paths)
    moved = await screens_shown(make_app(first_run=True))  # (first_run: the fixture writes nothing first)

    store = JournalStore(paths.journal_dir)
    assert sorted(entry.id for entry in store.entries()) == sorted(entry.id for entry in ENTRIES)
    assert not list(paths.journal_dir.glob("entries-*.json"))
    assert sorted(path.name for path in store.own_directory.iterdir()) == [
        "entries-2026-10.json",
        "entries-2026-11.json",
    ]
    (backup,) = (paths.journal_dir / "backups").iterdir()
    assert {path.name: path.read_bytes() for path in backup.iterdir()} == {
        name: content for name, content in before.items() if name.startswith("entries-")
    }

    # the same journal written by this version, on another home: the same screens, the same notices (none)
    other = Paths(tmp_path / "other-data", tmp_path / "other-config")
    written = JournalStore(other.journal_dir)
    written.import_entries(ENTRIES)
    written.update_settings(disclaimer_seen=True)
    same = await screens_shown(build_app(other, catalog=catalog, now=lambda: FIXED_NOW))
    assert moved == same and len(moved) == 2
    assert "2&#160;of&#160;30&#160;days&#160;have&#160;a&#160;check-in" in moved[1]  # (the Journal's trends: read)


async def test_a_move_that_fails_is_named_and_the_app_goes_on(make_app, paths: Paths) -> None:
    before = older_journal(paths)
    (paths.journal_dir / "backups").write_text("a file where the backups folder goes")
    app = make_app(first_run=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.journal_moved.wait()
        await pilot.pause()
        (note,) = [note for note in app._notifications if note.title == "Journal files not moved"]
        assert note.message.startswith("Could not move the journal's month files into ")
        assert "Nothing was lost" in note.message
        await pilot.press("c", "4", "enter")  # a check-in still saves (into this device's folder)
        await pilot.pause()
    after = snapshot(paths.journal_dir)
    assert {name: after[name] for name in before if name.startswith("entries-")} == {
        name: content for name, content in before.items() if name.startswith("entries-")
    }
    assert len(JournalStore(paths.journal_dir).entries()) == len(ENTRIES) + 1
