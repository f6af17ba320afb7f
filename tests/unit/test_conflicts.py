"""Copies left by sync tools: found, named by every command and the app, merged by ``backtrainer merge``."""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.reliability.journal_files import FailingDisk, check_in, duplicates, snapshot, write_as_older_app
from trainer.cli import main
from trainer.journal.conflicts import MergeFileError
from trainer.journal.models import AnyEntry, CheckIn
from trainer.journal.store import JournalStore, JournalUnreadableError, JournalWriteError
from trainer.paths import HOME_ENV

SYNCTHING = "entries-2026-11.sync-conflict-20261130-123456-ABCDEFG.json"
DROPBOX = "entries-2026-11 (conflicted copy 2026-11-30).json"
DROPBOX_NAMED = "entries-2026-11 (Alice's conflicted copy 2026-11-30).json"
NEXTCLOUD = "entries-2026-11 (conflicted copy 2026-11-30 123456).json"
SETTINGS_COPY = "settings.sync-conflict-20261130-123456-ABCDEFG.json"
MERGED_AT = datetime(2026, 12, 1, 10, 15, tzinfo=UTC)


def day(number: int, pain: int = 4, recorded: int = 0) -> CheckIn:
    """A check-in on November ``number``, recorded ``recorded`` minutes after a fixed moment."""
    entry = check_in(f"2026-11-{number:02d}", pain)
    return entry.model_copy(update={"recorded": datetime(2026, 11, 30, 12, tzinfo=UTC) + timedelta(minutes=recorded)})


def ids(entries: list[AnyEntry]) -> set[str]:
    return {entry.id for entry in entries}


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "home" / "journal"


def copy_of_month(journal: Path, name: str, entries: list[AnyEntry]) -> Path:
    """A conflict copy as a sync tool leaves it: the other machine's month file, in the journal's format."""
    journal.mkdir(parents=True, exist_ok=True)
    documents = {str(number): entry.model_dump(mode="json") for number, entry in enumerate(entries, start=1)}
    target = journal / name
    target.write_text(json.dumps({"entries": documents}), encoding="utf-8")
    return target


# --- finding them ---------------------------------------------------------------------------


def test_every_kind_of_conflict_copy_is_found_beside_its_file(journal: Path) -> None:
    store = JournalStore(journal)
    store.add(day(3))
    for name in (SYNCTHING, DROPBOX, DROPBOX_NAMED, NEXTCLOUD, SETTINGS_COPY):
        (journal / name).write_text("{}")
    for name in ("notes.json", "entries-2026-11.json.bak", f"{SYNCTHING}.merged-20261201T101500.bak"):
        (journal / name).write_text("{}")  # not copies left by a sync tool
    found = {copy.path.name: copy.original.name for copy in store.conflict_copies()}
    assert found == {
        SYNCTHING: "entries-2026-11.json",
        DROPBOX: "entries-2026-11.json",
        DROPBOX_NAMED: "entries-2026-11.json",
        NEXTCLOUD: "entries-2026-11.json",
        SETTINGS_COPY: "settings.json",
    }
    assert [path.name for path in store.month_files()] == ["entries-2026-11.json"]  # never read as months


def test_the_advice_names_the_copy_and_the_command(journal: Path) -> None:
    (journal).mkdir(parents=True)
    (journal / DROPBOX).write_text("{}")
    (journal / SETTINGS_COPY).write_text("{}")
    month, settings = sorted(JournalStore(journal).conflict_copies(), key=lambda copy: copy.of_settings)
    assert month.advice("alice") == (
        f"{journal / DROPBOX} is a copy of entries-2026-11.json that a sync tool left; its entries are not in "
        f"your journal until you merge it: backtrainer --profile alice merge '{journal / DROPBOX}'"
    )
    assert settings.advice().endswith(f"remove it: rm {journal / SETTINGS_COPY}")


# --- merging -----------------------------------------------------------------------------------


def test_merge_adds_the_new_keeps_the_later_and_moves_the_copy_aside(journal: Path) -> None:
    ours = [day(number) for number in range(1, 14)]  # 13 entries
    store = JournalStore(journal)
    store.import_entries(ours)
    new = [day(20, 1), day(21, 2), day(22, 3)]
    edited_there = ours[0].model_copy(update={"pain_now": 9, "recorded": ours[0].recorded + timedelta(hours=1)})
    edited_here = ours[1].model_copy(update={"pain_now": 7, "recorded": ours[1].recorded + timedelta(hours=2)})
    store.update(ours[1], edited_here)
    older_there = ours[1].model_copy(update={"pain_now": 0})  # the other machine still has the old version
    copy = copy_of_month(journal, SYNCTHING, [edited_there, older_there, *ours[2:], *new])

    result = store.merge(copy, now=lambda: MERGED_AT)

    assert str(result) == (
        "Added 3 entries, updated 1, 11 were already the same; 1 older version kept the journal's newer one"
    )
    merged = {entry.id: entry for entry in JournalStore(journal).entries()}
    assert set(merged) == ids(ours) | ids(new)
    assert merged[ours[0].id].pain_now == 9 and merged[ours[1].id].pain_now == 7
    stem = SYNCTHING.removesuffix(".json")
    assert result.kept_as == journal / f"{stem}.merged-20261201T101500.json.bak"
    assert result.kept_as.exists() and not copy.exists()
    assert store.conflict_copies() == [] and duplicates(journal) == []


def test_a_newer_version_in_another_month_moves_there_once(journal: Path) -> None:
    entry = day(28)
    store = JournalStore(journal)
    store.add(entry)
    later = {"at": entry.at + timedelta(days=5), "recorded": entry.recorded + timedelta(days=1)}
    moved = entry.model_copy(update=later)
    copy = copy_of_month(journal, DROPBOX, [moved])  # (its month file is December's copy; the name says November)
    assert str(store.merge(copy)).startswith("Added 0 entries, updated 1, 0 were already the same")
    assert JournalStore(journal).entries() == [moved]
    assert duplicates(journal) == []
    assert [path.name for path in store.month_files()] == ["entries-2026-11.json", "entries-2026-12.json"]


def test_a_bad_entry_refuses_the_whole_copy_naming_entry_and_field(journal: Path) -> None:
    store = JournalStore(journal)
    store.add(day(3))
    copy = copy_of_month(journal, NEXTCLOUD, [day(4), day(5)])
    data = json.loads(copy.read_bytes())
    data["entries"]["2"]["pain_now"] = 99
    copy.write_text(json.dumps(data))
    bad_id = data["entries"]["2"]["id"]
    before = snapshot(journal)

    with pytest.raises(MergeFileError) as raised:
        store.merge(copy)
    assert str(raised.value) == (
        f"{copy} does not match the journal format; nothing was merged:\n"
        f"  entry 2 (id {bad_id}): pain_now: 99 is above 10"
    )
    assert snapshot(journal) == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"settings": {"1": {}}}', "is a copy of the settings, with no entries in it: nothing to merge"),
        ("[1, 2]", "this is JSON, but not a backtrainer journal file; nothing was merged"),
        ("{cut", "not valid JSON at line 1"),
    ],
)
def test_a_file_that_is_not_a_month_file_is_refused(journal: Path, content: str, expected: str) -> None:
    journal.mkdir(parents=True)
    copy = journal / SETTINGS_COPY
    copy.write_text(content)
    with pytest.raises(MergeFileError, match=expected.replace("(", r"\(").replace(")", r"\)")):
        JournalStore(journal).merge(copy)
    assert copy.read_text() == content


def test_merging_the_journals_own_file_is_refused(journal: Path) -> None:
    store = JournalStore(journal)
    store.add(day(3))
    with pytest.raises(MergeFileError, match="one of the journal's own files"):
        store.merge(store.month_file(day(3).at))


def test_merge_refuses_while_a_month_of_the_journal_cannot_be_read(journal: Path) -> None:
    store = JournalStore(journal)
    third = day(3)
    store.import_entries([third, check_in("2026-04-05", 2)])
    copy = copy_of_month(journal, DROPBOX, [day(4)])
    store.month_file(check_in("2026-04-05").at).write_text("damaged")  # an id in it could be added twice
    with pytest.raises(JournalUnreadableError, match="entries-2026-04.json"):
        store.merge(copy)
    assert copy.exists() and ids(store.entries()) == {third.id}


@pytest.mark.parametrize("allowed", [0, 1, 2])
def test_a_merge_that_fails_half_way_loses_nothing_and_finishes_when_run_again(journal: Path, allowed: int) -> None:
    """Three file writes: November gains two, December gains the moved entry, then November loses its old copy."""
    stays, moves = day(10), day(29)
    store = JournalStore(journal)
    store.import_entries([stays, moves])
    moved = moves.model_copy(update={"at": moves.at + timedelta(days=3), "recorded": moves.recorded + timedelta(1)})
    new = [day(11), day(12)]
    copy = copy_of_month(journal, SYNCTHING, [stays, moved, *new])
    expected = {stays.id, moves.id} | ids(new)

    with pytest.raises(JournalWriteError, match="No space left on device"):
        JournalStore(journal, write_file=FailingDisk(allowed)).merge(copy)
    after_failure = JournalStore(journal).entries()
    assert ids(after_failure) <= expected and {stays.id, moves.id} <= ids(after_failure)  # nothing lost
    assert len(after_failure) == len(ids(after_failure))  # nothing shown twice
    assert copy.exists()  # still reported, so it can be merged again

    result = store.merge(copy)
    assert result.added + result.updated + result.same == 4
    final = {entry.id: entry for entry in JournalStore(journal).entries()}
    assert set(final) == expected and final[moves.id] == moved
    assert duplicates(journal) == [] and not copy.exists()


# --- the command line and the app -----------------------------------------------------------------


@pytest.fixture
def run(tmp_path: Path) -> Callable[..., object]:
    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(main, list(args), env={HOME_ENV: str(tmp_path / "home")})

    return invoke


def test_every_command_names_the_copies_on_standard_error(journal: Path, run) -> None:
    """An older version's journal with a copy beside its month file: each command names the copy until the
    first write moves the journal into device files, merging the copy (its bytes kept in the backup)."""
    write_as_older_app(journal, [day(3)])
    copy = copy_of_month(journal, DROPBOX_NAMED, [day(4)])
    for command in (["journal"], ["stats"], ["export", "--format", "csv"], ["check-content"], ["log", "3"]):
        result = run(*command)
        assert result.exit_code == 0, (command, result.output)
        assert f"Note: {copy} is a copy of entries-2026-11.json that a sync tool left" in result.stderr, command
        assert f"backtrainer merge {shlex.quote(str(copy))}" in result.stderr
        assert str(copy) not in result.stdout
    assert not copy.exists() and "Note:" not in run("journal").stderr
    assert len(JournalStore(journal).entries()) == 3
    (backup,) = (journal / "backups").iterdir()
    assert sorted(path.name for path in backup.iterdir()) == sorted(["entries-2026-11.json", DROPBOX_NAMED])


def test_the_merge_command_says_what_it_did_and_the_note_stops(journal: Path, run) -> None:
    known = [day(3), day(4)]
    JournalStore(journal).import_entries(known)
    copy = copy_of_month(journal, SYNCTHING, [*known, day(5)])
    result = run("merge", str(copy))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Added 1 entry, updated 0, 2 were already the same. The copy is kept as ")
    assert "Note:" not in result.stderr
    assert "Note:" not in run("journal").stderr
    assert len(JournalStore(journal).entries()) == 3


def test_the_merge_command_refuses_a_bad_copy_with_the_message(journal: Path, run) -> None:
    journal.mkdir(parents=True)
    (journal / DROPBOX).write_text('{"entries": {"1": {"kind": "check-in"}}}')
    result = run("merge", str(journal / DROPBOX))
    assert result.exit_code == 1
    assert "does not match the journal format; nothing was merged" in result.stderr
    assert "entry 1: at: it is missing" in result.stderr


async def test_the_app_names_the_copies_in_a_notice(make_app, paths) -> None:
    """Once the app has started: a copy it could not merge as it moved the journal (damaged), and the
    settings' copy (a person's choice), are named; a good copy of a month file is merged, never named."""
    JournalStore(paths.journal_dir).add(day(3))
    merged = copy_of_month(paths.journal_dir, SYNCTHING, [day(5)])
    damaged = copy_of_month(paths.journal_dir, NEXTCLOUD, [day(4)])
    damaged.write_text("{cut short")
    settings_copy = copy_of_month(paths.journal_dir, SETTINGS_COPY, [])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.journal_moved.wait()
        await pilot.pause()  # (the notices are messages)
        notes = [(note.title, note.message) for note in app._notifications]
    copies = JournalStore(paths.journal_dir).conflict_copies()
    assert sorted(copy.path for copy in copies) == sorted([damaged, settings_copy])
    for copy in copies:
        assert ("A copy left by a sync tool", copy.advice()) in notes
    assert any(f"backtrainer merge '{damaged}'" in message for _, message in notes)
    assert not merged.exists() and len(JournalStore(paths.journal_dir).entries()) == 2
