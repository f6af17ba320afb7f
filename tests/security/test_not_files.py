"""Files that are not files: FIFOs, devices, folders, links, huge or deeply nested files.

Every file the app reads must be a regular file of a sane size: anything else
gets a clear message naming it, never a hang, a traceback or a silent skip,
and a symbolic link in the journal folder is never replaced by a plain file.
Each case here hung, crashed or went unnoticed before ``trainer.files``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from click.testing import CliRunner

from tests.reliability.journal_files import check_in
from trainer.catalog.loader import load_catalog
from trainer.cli import main
from trainer.files import (
    MAX_FILE_BYTES,
    MAX_JSON_DEPTH,
    FileReadError,
    MissingFileError,
    json_depth,
    read_regular_file,
)
from trainer.journal.export import EXPORT_FORMAT
from trainer.journal.models import Settings
from trainer.journal.store import JournalStore, JournalUnreadableError
from trainer.paths import HOME_ENV

Backtrainer = Callable[..., CompletedProcess[str]]
MEGABYTE = 1024 * 1024
APRIL = "entries-2026-04.json"


def april_file(journal: Path) -> Path:
    """This device's April file, where the store keeps it (``devices/<id>/``)."""
    return JournalStore(journal).month_file(check_in("2026-04-05").at)


def reason(path: Path, **options: object) -> str:
    with pytest.raises(FileReadError) as raised:
        read_regular_file(path, **options)  # type: ignore[arg-type]
    assert raised.value.path == path
    return raised.value.reason


# --- the reader itself ----------------------------------------------------------------------


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"a": 1}')
    assert read_regular_file(path) == b'{"a": 1}'
    assert read_regular_file(path, follow_symlinks=False) == b'{"a": 1}'


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    assert reason(fifo) == "it is a named pipe (FIFO), not a file"  # returns: no writer is waited for


def test_a_device_is_refused_and_never_read() -> None:
    assert reason(Path("/dev/zero")) == "it is a device, not a file"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert reason(tmp_path) == "it is a folder, not a file"


def test_a_dangling_link_is_named_as_one(tmp_path: Path) -> None:
    link = tmp_path / "pack.json"
    link.symlink_to(tmp_path / "gone.json")
    assert reason(link) == f"it is a symbolic link to {tmp_path / 'gone.json'}, which does not exist"


def test_nothing_there_is_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError):
        read_regular_file(tmp_path / "missing.json")


def test_a_link_is_refused_where_links_are_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    target.write_bytes(b"{}")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert read_regular_file(link) == b"{}"
    why = reason(link, follow_symlinks=False)
    assert why.startswith(f"it is a symbolic link (to {target}), not a file")
    assert f"rm {link}" in why


def test_a_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + MEGABYTE)  # sparse: costs no disk
    assert reason(big) == "it is 65 MB, more than the 64 MB backtrainer reads"
    small = tmp_path / "small.json"
    small.write_bytes(b"x" * 11)
    assert reason(small, max_bytes=10) == "it is 11 bytes, more than the 10 bytes backtrainer reads"


def test_a_name_too_long_for_the_system_is_named(tmp_path: Path) -> None:
    assert "too long" in reason(tmp_path / ("a" * 300))


def test_json_depth_counts_nesting_outside_strings() -> None:
    assert json_depth('{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert json_depth("5") == 0
    assert json_depth("[" * 70 + "]" * 70) == 70


# --- the journal --------------------------------------------------------------------------------


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    directory = tmp_path / "home" / "journal"
    store = JournalStore(directory)
    store.import_entries([check_in("2026-03-10", 3), check_in("2026-04-05", 5), check_in("2026-05-02", 2)])
    store.save_settings(Settings(disclaimer_seen=True, sessions_per_week_goal=2))
    return directory


@pytest.mark.parametrize(
    ("name", "naming_it"),
    [(APRIL, {"stats", "journal", "log"}), ("settings.json", {"stats"})],  # (log and journal need no settings)
)
def test_a_fifo_in_the_journal_never_hangs_a_command(
    journal: Path, backtrainer: Backtrainer, name: str, naming_it: set[str]
) -> None:
    path = april_file(journal) if name == APRIL else journal / name
    path.unlink()
    os.mkfifo(path)
    for command in (["stats"], ["journal"], ["log", "4", "--at", "2026-04-20 10:00"]):
        result = backtrainer(*command, home=journal.parent)  # before: hung until the timeout
        assert "Traceback" not in result.stderr
        if command[0] in naming_it:
            assert f"{path}" in result.stderr and "named pipe (FIFO)" in result.stderr, command
    assert path.is_fifo()


def test_a_symlinked_month_file_is_reported_and_never_replaced(journal: Path, tmp_path: Path) -> None:
    april = april_file(journal)
    elsewhere = tmp_path / "synced-april.json"
    april.rename(elsewhere)
    april.symlink_to(elsewhere)
    before = elsewhere.read_bytes()
    store = JournalStore(journal)

    assert len(store.entries()) == 2  # March and May still read
    (problem,) = store.problems
    assert problem.path == april and "symbolic link" in problem.reason
    with pytest.raises(JournalUnreadableError) as raised:
        store.add(check_in("2026-04-20", 1))
    message = str(raised.value)
    assert f"{april} cannot be read" in message and "nothing was written to it" in message
    assert f"rm {april}" in message  # says how to fix it
    assert april.is_symlink() and elsewhere.read_bytes() == before


def test_a_symlinked_settings_file_is_reported_and_never_replaced(journal: Path, tmp_path: Path) -> None:
    settings = journal / "settings.json"
    elsewhere = tmp_path / "settings-elsewhere.json"
    settings.rename(elsewhere)
    settings.symlink_to(elsewhere)
    store = JournalStore(journal)
    assert store.load_settings() == Settings()
    assert "symbolic link" in store.problems[0].reason
    with pytest.raises(JournalUnreadableError, match="symbolic link"):
        store.update_settings(sessions_per_week_goal=5)
    assert settings.is_symlink() and json.loads(elsewhere.read_bytes())["settings"]["1"]["sessions_per_week_goal"] == 2


def test_a_dangling_link_in_place_of_a_month_file_is_not_taken_for_an_empty_month(journal: Path) -> None:
    april = april_file(journal)
    april.unlink()
    april.symlink_to(journal / "nowhere.json")
    store = JournalStore(journal)
    store.entries()
    assert "symbolic link" in store.problems[0].reason
    with pytest.raises(JournalUnreadableError):
        store.add(check_in("2026-04-20", 1))
    assert april.is_symlink() and not (journal / "nowhere.json").exists()


# --- import ----------------------------------------------------------------------------------------


def export_with(entries: str) -> str:
    """An export whose ``entries`` is the JSON text given."""
    return f'{{"format": "{EXPORT_FORMAT}", "schema_version": 1, "exported_at": "x", "entries": {entries}}}'


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: Path("/dev/zero"), "cannot be read: it is a device, not a file"),
        (lambda tmp: _fifo(tmp / "pipe.json"), "cannot be read: it is a named pipe (FIFO), not a file"),
        (lambda tmp: _sparse(tmp / "huge.json", MAX_FILE_BYTES + MEGABYTE), "it is 65 MB, more than the 64 MB"),
        (
            lambda tmp: _text(tmp / "deep.json", export_with("[" * 100_000 + "]" * 100_000)),
            "nested too deeply to read",
        ),
        (
            lambda tmp: _text(tmp / "deeper.json", export_with("[" * 80 + "]" * 80)),
            f"nested too deeply: 81 levels, and backtrainer reads at most {MAX_JSON_DEPTH}",
        ),
    ],
    ids=["dev-zero", "fifo", "over-64-MB", "nested-100000", "nested-81"],
)
def test_import_refuses_what_it_cannot_take(
    tmp_path: Path, backtrainer: Backtrainer, make: Callable[[Path], Path], expected: str
) -> None:
    home = tmp_path / "home"
    path = make(tmp_path)
    result = backtrainer("import", str(path), home=home)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"Error: {path}: " in result.stderr and expected in result.stderr
    assert "nothing was imported" in result.stderr
    assert not (home / "journal").exists() or list((home / "journal").glob("entries-*")) == []


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _sparse(path: Path, size: int) -> Path:
    with path.open("wb") as stream:
        stream.truncate(size)
    return path


def _text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- content packs ------------------------------------------------------------------------------

PACK_CASES: dict[str, tuple[Callable[[Path], None], str]] = {
    "folder": (lambda packs: (packs / "folder.json").mkdir(), "cannot be read: it is a folder, not a file"),
    "dangling-link": (
        lambda packs: (packs / "gone.json").symlink_to(packs / "elsewhere.json"),
        "which does not exist",
    ),
    "fifo": (lambda packs: os.mkfifo(packs / "pipe.json"), "cannot be read: it is a named pipe (FIFO), not a file"),
    # as root or not, reading this gives an I/O error: the file exists, is "regular", and cannot be read
    "unreadable": (lambda packs: (packs / "unreadable.json").symlink_to("/proc/self/mem"), "cannot be read: "),
    "nested-too-deep": (
        lambda packs: (packs / "deep.json").write_text('{"exercises": ' + "[" * 70 + "]" * 70 + "}"),
        "nested too deeply: 71 levels",
    ),
}


@pytest.mark.parametrize("case", list(PACK_CASES))
def test_a_pack_that_cannot_be_read_is_reported_by_check_content(
    tmp_path: Path, backtrainer: Backtrainer, case: str
) -> None:
    home = tmp_path / "home"
    packs = home / "content"
    packs.mkdir(parents=True)
    make, expected = PACK_CASES[case]
    make(packs)
    (name,) = [entry.name for entry in os.scandir(packs)]

    result = backtrainer("check-content", home=home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Found 1 problem:" in result.stderr
    assert str(packs / name) in result.stderr and expected in result.stderr
    assert "Traceback" not in result.stderr

    catalog = load_catalog(packs_dir=packs)  # what the app loads, and shows as a notice
    (problem,) = catalog.pack_problems
    assert problem.file == packs / name and expected in problem.reason
    assert catalog.packs == ()


def test_a_packs_folder_that_cannot_be_listed_is_reported(tmp_path: Path, backtrainer: Backtrainer) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "content").symlink_to(home / "content")  # a loop: cannot be listed, as root or not
    result = backtrainer("check-content", home=home)
    assert result.returncode == 1
    assert f"{home / 'content'}: the content packs folder cannot be read" in result.stderr
    (problem,) = load_catalog(packs_dir=home / "content").pack_problems
    assert "the content packs folder cannot be read" in problem.reason


async def test_the_app_shows_a_pack_that_cannot_be_read(make_app, home: Path) -> None:
    (home / "content").mkdir()
    (home / "content" / "folder.json").mkdir()
    app = make_app(catalog=None)  # the app loads the content itself, packs included
    async with app.run_test(size=(80, 24)):
        shown = [note.message for note in app._notifications]
    assert any("folder.json" in message and "it is a folder, not a file" in message for message in shown), shown


# --- a name too long for the system --------------------------------------------------------------


@pytest.mark.parametrize("command", [["check-content"], ["journal"], ["log", "3"], ["stats"]])
def test_a_folder_name_too_long_gives_a_message_not_a_traceback(tmp_path: Path, command: list[str]) -> None:
    home = tmp_path / ("a" * 300)
    result = CliRunner().invoke(main, command, env={HOME_ENV: str(home)})
    assert result.exit_code == 1, result.output
    assert not isinstance(result.exception, OSError), result.exception
    assert "is 300 bytes long, and this system allows at most 255" in result.stderr
    assert "Choose a folder with shorter names" in result.stderr
