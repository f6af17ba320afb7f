"""Every journal in device files: a new one written there from its first write, an older version's moved
there on first open (``JournalStore.migrate``) or first write, a copy kept; reads never move anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import TEST_DEVICE
from tests.reliability.journal_files import (
    FailingDisk,
    check_in,
    duplicates,
    older_app_month,
    settings_as_older_app,
    snapshot,
    write_as_older_app,
)
from trainer.cli import main
from trainer.journal import layout
from trainer.journal.models import AnyEntry
from trainer.journal.store import JournalStore, JournalWriteError
from trainer.paths import HOME_ENV

OLDER = [check_in("2026-09-03", 2), check_in("2026-10-03", 5), check_in("2026-11-03", 7), check_in("2026-11-04", 3)]


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "home" / "journal"


def ids(entries: list[AnyEntry]) -> list[str]:
    return sorted(entry.id for entry in entries)


def older_journal(journal: Path) -> dict[str, bytes]:
    """An older version's journal (three month files in the folder itself, and settings); its bytes."""
    write_as_older_app(journal, OLDER)
    settings_as_older_app(journal, disclaimer_seen=True, bell=False)
    return snapshot(journal)


def month_names(before: dict[str, bytes]) -> dict[str, bytes]:
    return {name: content for name, content in before.items() if name.startswith("entries-")}


def test_a_new_journals_first_write_goes_into_its_device_folder_with_the_layout_document(journal: Path) -> None:
    store = JournalStore(journal)
    entry = store.add(check_in("2026-11-03"))
    assert store.month_file(entry.at) == journal / "devices" / TEST_DEVICE / "entries-2026-11.json"
    assert sorted(str(path.relative_to(journal)) for path in journal.rglob("entries-*")) == [
        f"devices/{TEST_DEVICE}/entries-2026-11.json"
    ]
    assert sorted(path.name for path in journal.iterdir()) == [".lock", "devices", "settings.json"]
    settings = json.loads(store.settings_file.read_bytes())["settings"]
    assert settings == {layout.LAYOUT_DOCUMENT: layout.DEVICES_MARK}  # no settings saved yet: only the layout
    assert JournalStore(journal).entries() == [entry]


def test_opening_moves_an_older_journal_into_device_files_and_keeps_a_copy(journal: Path) -> None:
    before = older_journal(journal)
    store = JournalStore(journal)
    backup = store.migrate()

    assert backup is not None and backup.parent == journal / "backups"
    assert backup.name.startswith("before-device-files-") and backup.name.endswith(TEST_DEVICE)
    assert {path.name: path.read_bytes() for path in backup.iterdir()} == month_names(before)
    assert {path.name: path.read_bytes() for path in store.own_directory.iterdir()} == month_names(before)
    assert not list(journal.glob("entries-*"))
    assert ids(JournalStore(journal).entries()) == ids(OLDER)
    settings = json.loads(store.settings_file.read_bytes())["settings"]
    assert settings[layout.LAYOUT_DOCUMENT] == layout.DEVICES_MARK  # an older app now only reads
    assert settings["1"] == json.loads(before["settings.json"])["settings"]["1"]  # the settings as they were
    assert JournalStore(journal).migrate() is None  # once: nothing left to move, no second backup
    assert len(list((journal / "backups").iterdir())) == 1


def test_opening_a_new_or_moved_journal_changes_nothing(journal: Path) -> None:
    assert JournalStore(journal).migrate() is None
    assert not journal.exists()  # nothing made for a journal not yet written
    JournalStore(journal).add(check_in("2026-11-03"))
    before = snapshot(journal)
    assert JournalStore(journal).migrate() is None
    assert snapshot(journal) == before


@pytest.mark.parametrize("newer", ["settings", "month file"])
def test_a_journal_a_newer_version_has_used_is_never_moved(journal: Path, newer: str) -> None:
    older_journal(journal)
    if newer == "settings":
        data = json.loads((journal / "settings.json").read_bytes())
        data["settings"][layout.LAYOUT_DOCUMENT] = {"schema_version": layout.DEVICES_VERSION + 1}
        (journal / "settings.json").write_text(json.dumps(data))
    else:
        path = older_app_month(journal, OLDER[1].at)
        data = json.loads(path.read_bytes())
        data["entries"]["1"]["schema_version"] = 9
        path.write_text(json.dumps(data))
    before = snapshot(journal)
    assert JournalStore(journal).migrate() is None
    assert snapshot(journal) == before


@pytest.mark.parametrize("allowed", [0, 1, 2, 3])
def test_a_move_that_fails_part_way_loses_nothing_and_the_next_open_finishes_it(journal: Path, allowed: int) -> None:
    """Four writes: the backup's three copies, then November merged into this device's own November (which
    it already has: another device's older app synced that file in after this device's first write)."""
    mine = JournalStore(journal).add(check_in("2026-11-20", 1))
    before = older_journal(journal)
    expected = ids([*OLDER, mine])

    with pytest.raises(JournalWriteError) as raised:
        JournalStore(journal, write_file=FailingDisk(allowed)).migrate()
    message = str(raised.value)
    assert "No space left on device" in message and "Nothing was lost" in message and "tried again" in message
    assert ids(JournalStore(journal).entries()) == expected and duplicates(journal) == []  # nothing lost or twice
    if allowed < 3:  # the backup could not be made whole: it is not kept, and nothing moved
        assert not list((journal / "backups").iterdir())
        assert month_names(snapshot(journal)) == month_names(before)

    JournalStore(journal).migrate()  # the next open
    assert not list(journal.glob("entries-*"))
    assert ids(JournalStore(journal).entries()) == expected and duplicates(journal) == []
    kept = {path.name: path.read_bytes() for backup in (journal / "backups").iterdir() for path in backup.iterdir()}
    assert kept == month_names(before)  # every file's bytes as they were, in a backup


def test_a_write_goes_on_when_the_move_fails_and_the_command_line_says_so(journal: Path) -> None:
    before = older_journal(journal)
    (journal / "backups").write_text("a file where the backups folder goes")
    result = CliRunner().invoke(main, ["log", "4"], env={HOME_ENV: str(journal.parent)})
    assert result.exit_code == 0, result.output
    assert "Note: could not move the journal's month files into " in result.stderr
    assert "Nothing was lost" in result.stderr
    assert month_names(snapshot(journal)) == month_names(before)  # the older files are where they were
    assert len(JournalStore(journal).entries()) == len(OLDER) + 1  # and the new one is with them
    (journal / "backups").unlink()
    result = CliRunner().invoke(main, ["log", "5"], env={HOME_ENV: str(journal.parent)})
    assert result.exit_code == 0 and "Note:" not in result.stderr
    assert not list(journal.glob("entries-*")) and len(JournalStore(journal).entries()) == len(OLDER) + 2


@pytest.mark.parametrize("command", [["journal", "--limit", "10"], ["stats"], ["export", "--format", "json"]])
def test_a_reading_command_shows_an_older_journal_and_moves_nothing(journal: Path, command: list[str]) -> None:
    before = older_journal(journal)
    result = CliRunner().invoke(main, command, env={HOME_ENV: str(journal.parent)})
    assert result.exit_code == 0, result.output
    if command[0] == "export":
        assert sorted(entry["id"] for entry in json.loads(result.stdout)["entries"]) == ids(OLDER)
    elif command[0] == "journal":
        assert len(result.stdout.splitlines()) == 1 + len(OLDER)  # the heading and every entry
    else:
        assert result.stdout.startswith("Last 30 days (")
    assert snapshot(journal) == before
    assert sorted(path.name for path in journal.iterdir()) == sorted(before)  # no devices or backups folder
