"""Journal faults are journal errors: a message naming the file and what to do, never a bare OSError.

Before, a lock file the user could not open (left by ``sudo backtrainer log``,
mode 000, a folder in its place) escaped ``JournalStore._locked`` as an
``OSError``: the CLI said only "Is a directory" and the TUI crashed, losing the
check-in being typed. These cases work as root and as any user: a folder in
place of the lock file stops root too, and the other owner is given to the
message builder instead of being made with chown.
"""

from __future__ import annotations

import errno
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, TextArea

from tests.conftest import FIXED_NOW
from tests.reliability.journal_files import check_in
from trainer.app import make_app
from trainer.cli import main
from trainer.journal.errors import JournalLockError, lock_error
from trainer.journal.store import JournalError, JournalStore, JournalWriteError
from trainer.paths import HOME_ENV, Paths
from trainer.screens.journal import JournalScreen
from trainer.widgets.pain_scale import NumberScale


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    directory = tmp_path / "journal"
    JournalStore(directory).add(check_in("2026-03-10", 3))
    return directory


def lock_is_a_folder(journal: Path) -> Path:
    lock = journal / ".lock"
    lock.unlink()
    lock.mkdir()
    return lock


def test_a_folder_in_place_of_the_lock_file_is_a_journal_error(journal: Path) -> None:
    lock = lock_is_a_folder(journal)
    store = JournalStore(journal)
    for write in (
        lambda: store.add(check_in("2026-03-11", 4)),
        lambda: store.update_settings(bell=False),
        lambda: store.import_entries([check_in("2026-03-12", 4)]),
    ):
        with pytest.raises(JournalLockError) as raised:
            write()
        message = str(raised.value)
        assert f"cannot use the journal's lock file {lock}: it is a folder; nothing was changed" in message
        assert f"rmdir {lock}" in message
    assert len(store.entries()) == 1  # reading needs no lock


def test_a_lock_file_left_by_another_user_says_whose_and_how_to_remove_it(tmp_path: Path) -> None:
    lock = tmp_path / "journal" / ".lock"
    lock.parent.mkdir()
    lock.touch()
    error = lock_error(lock, PermissionError(errno.EACCES, "Permission denied"), my_uid=-5, owner_name=lambda _: "root")
    assert str(error) == (
        f"cannot use the journal's lock file {lock} (Permission denied); nothing was changed. It was left by "
        f"another user (it belongs to root), perhaps by running backtrainer with sudo; remove it: sudo rm {lock}"
    )


def test_a_lock_file_of_ones_own_that_cannot_be_opened_says_what_to_check(tmp_path: Path) -> None:
    lock = tmp_path / ".lock"
    lock.touch()
    mine = lock.stat().st_uid
    message = str(lock_error(lock, PermissionError(errno.EACCES, "Permission denied"), my_uid=mine))
    assert message.startswith(f"cannot use the journal's lock file {lock} (Permission denied); nothing was changed")
    assert f"Check that you may write to {tmp_path}" in message and f"rm {lock}" in message


def test_the_cli_names_the_lock_file_and_the_fix(tmp_path: Path) -> None:
    home = tmp_path / "home"
    JournalStore(home / "journal").add(check_in("2026-03-10", 3))
    lock = lock_is_a_folder(home / "journal")
    result = CliRunner().invoke(main, ["log", "4"], env={HOME_ENV: str(home)})
    assert result.exit_code == 1
    assert f"Error: cannot use the journal's lock file {lock}: it is a folder" in result.stderr
    assert f"rmdir {lock}" in result.stderr


def test_a_folder_left_where_a_temporary_file_goes_does_not_stop_writes(journal: Path) -> None:
    """Cleaning up a killed writer's temporary files removes files only (unlink of a folder raised before)."""
    odd = journal / ".entries-2026-03.json.abc.tmp"
    odd.mkdir()
    store = JournalStore(journal)
    store.add(check_in("2026-03-11", 4))
    assert odd.is_dir() and len(store.entries()) == 2


def test_setting_aside_a_file_that_is_gone_is_a_journal_error(journal: Path) -> None:
    store = JournalStore(journal)
    with pytest.raises(JournalWriteError, match=r"could not rename .*entries-2026-04\.json.*nothing was changed"):
        store.set_aside(journal / "entries-2026-04.json", now=lambda: datetime(2026, 5, 1, tzinfo=UTC))


def test_a_journal_folder_that_cannot_be_listed_is_a_journal_error(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / ("x" * 300))  # ENAMETOOLONG, as root or not
    with pytest.raises(JournalError, match="cannot read the journal folder"):
        store.entries()
    with pytest.raises(JournalError):
        store.add(check_in("2026-03-10", 3))


# --- the app: a notice, never a crash, and the form keeps what was typed --------------------------


async def test_a_check_in_the_lock_refuses_gives_a_notice_and_keeps_the_form(make_app, paths: Paths) -> None:
    app = make_app()
    lock = lock_is_a_folder(paths.journal_dir)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("c", "6")
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        screen.query_one("#walked", Input).value = "25"
        screen.query_one("#notes", TextArea).text = "Stiff after the drive"
        await pilot.press("ctrl+s")
        await pilot.pause()

        messages = [note.message for note in app._notifications]
        assert any(f"cannot use the journal's lock file {lock}" in message for message in messages), messages
        assert app.is_running and app.screen is screen  # no traceback, still on the form
        assert screen.query_one("#pain", NumberScale).value == 6
        assert screen.query_one("#walked", Input).value == "25"
        assert screen.query_one("#notes", TextArea).text == "Stiff after the drive"

        lock.rmdir()  # fixed as the message says: the same form saves
        await pilot.press("ctrl+s")
        await pilot.pause()
    (entry,) = JournalStore(paths.journal_dir).entries()
    assert (entry.pain_now, entry.walked_minutes, entry.notes, entry.at) == (6, 25, "Stiff after the drive", FIXED_NOW)


async def test_a_journal_folder_that_cannot_be_read_gives_a_notice_not_a_crash(catalog, tmp_path: Path) -> None:
    unreadable = Paths(data_dir=tmp_path / ("x" * 300), config_dir=tmp_path / "config")  # ENAMETOOLONG
    app = make_app(unreadable, catalog=catalog, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.push_screen(JournalScreen("entries"))  # reads entries as it opens
        await pilot.pause()
        messages = [note.message for note in app._notifications]
        assert app.is_running and isinstance(app.screen, JournalScreen)
    failures = [m for m in messages if m.startswith("Could not read the journal: cannot read the journal folder")]
    assert len(failures) >= 2, messages  # Home's week, then the Journal screen
