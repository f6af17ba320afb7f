"""Damaged, foreign and newer journal files: reported, read around, never written, set aside on request.

Each case damages the April file (in this device's folder) of a journal that also has March and May; and
an older version's journal, its April file damaged in the journal folder itself, moves all but April.
The other months must still read; ``problems`` must name the file and say
what is wrong in words; every write that would touch April must refuse with
the right error; April's bytes must be exactly as they were.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.journal_files import check_in, older_app_month, snapshot, temporaries, write_as_older_app
from trainer.journal.models import AnyEntry, Settings
from trainer.journal.store import (
    JournalProblem,
    JournalReadOnlyError,
    JournalStore,
    JournalUnreadableError,
)

APRIL = "entries-2026-04.json"


def edit_first_document(change: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def damage(valid: bytes) -> bytes:
        data = json.loads(valid)
        change(next(iter(data["entries"].values())))
        return json.dumps(data).encode()

    return damage


def set_pain_99(document: dict[str, Any]) -> None:
    document["pain_now"] = 99


def drop_pain(document: dict[str, Any]) -> None:
    del document["pain_now"]


def unknown_kind(document: dict[str, Any]) -> None:
    document["kind"] = "mood"


def bad_time(document: dict[str, Any]) -> None:
    document["at"] = "last tuesday"


# name -> (what becomes of the valid April file, words the reason must contain)
DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated": (lambda valid: valid[: len(valid) // 2], "cut short or damaged"),
    "garbage-bytes": (lambda valid: bytes(random.Random(5).randrange(256) for _ in range(2000)), "not text"),
    "zero-filled": (lambda valid: b"\0" * len(valid), "damaged"),  # what a power cut can leave on some disks
    "empty": (lambda valid: b"", "the file is empty"),
    "only-whitespace": (lambda valid: b" \n\n", "the file is empty"),
    "text-not-json": (lambda valid: b"remember to buy milk\n", "not valid JSON at line 1"),
    "json-list": (lambda valid: b"[1, 2, 3]", "this is JSON, but not a backtrainer journal file"),
    "nested-too-deep": (lambda valid: b"[" * 100_000, "nested too deeply"),
    "json-not-a-journal": (
        lambda valid: b'{"name": "shopping", "items": ["milk", "eggs"]}',
        "this is JSON, but not a backtrainer journal file",
    ),
    "document-not-an-object": (lambda valid: b'{"entries": {"1": 5}}', "document 1 in 'entries' is not a JSON object"),
    "pain-99": (edit_first_document(set_pain_99), "does not match the journal format (check-in.pain_now"),
    "missing-field": (edit_first_document(drop_pain), "check-in.pain_now: it is missing"),
    "unknown-kind": (edit_first_document(unknown_kind), "does not match the journal format"),
    "unreadable-time": (edit_first_document(bad_time), "check-in.at"),
}


class Journal:
    """A journal with entries in March, April and May, and settings."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        store = JournalStore(directory)
        self.march = [check_in("2026-03-10", 3), check_in("2026-03-20", 4)]
        self.april = [check_in("2026-04-05", 5), check_in("2026-04-15", 6)]
        self.may = [check_in("2026-05-02", 2)]
        store.import_entries(self.march + self.april + self.may)
        store.save_settings(Settings(disclaimer_seen=True, bell=False))
        self.april_file = store.month_file(self.april[0].at)
        self.april_name = str(self.april_file.relative_to(directory))
        """The April file's name in ``snapshot``."""

    def others(self) -> set[str]:
        return {entry.id for entry in self.march + self.may}


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal")


def ids(entries: list[AnyEntry]) -> set[str]:
    return {entry.id for entry in entries}


def only_problem(store: JournalStore) -> JournalProblem:
    assert len(store.problems) == 1, store.problems
    return store.problems[0]


def assert_refused(write: Callable[[], object], error: type[Exception], path: Path) -> None:
    with pytest.raises(error) as raised:
        write()
    assert str(path) in str(raised.value)


@pytest.mark.parametrize("case", list(DAMAGE))
def test_a_bad_month_file_is_reported_read_around_and_never_written(journal: Journal, case: str) -> None:
    damage, reason = DAMAGE[case]
    journal.april_file.write_bytes(damage(journal.april_file.read_bytes()))
    before = snapshot(journal.directory)
    store = JournalStore(journal.directory)

    assert ids(store.entries()) == journal.others()
    problem = only_problem(store)
    assert problem.path == journal.april_file
    assert reason in problem.reason
    assert not problem.newer and not store.read_only
    assert APRIL in str(problem) and "Traceback" not in str(problem) and "\n" not in str(problem)

    # every write that touches April refuses, names the file and says nothing was written
    with pytest.raises(JournalUnreadableError, match="nothing was written to it") as raised:
        store.add(check_in("2026-04-25", 1))
    assert raised.value.problem.path == journal.april_file
    assert APRIL in str(raised.value)
    april_entry, march_entry = journal.april[0], journal.march[0]
    assert_refused(
        lambda: store.update(april_entry, april_entry.model_copy(update={"pain_now": 0})),
        JournalUnreadableError,
        journal.april_file,
    )
    assert_refused(lambda: store.delete(april_entry), JournalUnreadableError, journal.april_file)
    moved = march_entry.model_copy(update={"at": march_entry.at + timedelta(days=30)})  # into April
    assert_refused(lambda: store.update(march_entry, moved), JournalUnreadableError, journal.april_file)
    # an import that touches April writes no month at all
    batch = [check_in("2026-03-28", 1), check_in("2026-04-28", 1), check_in("2026-06-01", 1)]
    assert_refused(lambda: store.import_entries(batch), JournalUnreadableError, journal.april_file)
    assert snapshot(journal.directory) == before
    assert temporaries(journal.directory) == []

    # the rest of the journal stays usable
    june = store.add(check_in("2026-06-03", 2))
    store.update(march_entry, march_entry.model_copy(update={"pain_now": 9}))
    store.update_settings(bell=False)
    assert ids(store.entries()) == journal.others() | {june.id}
    assert journal.april_file.read_bytes() == before[journal.april_name]
    assert only_problem(store).path == journal.april_file


@pytest.mark.parametrize("case", ["truncated", "pain-99"])
def test_an_older_versions_damaged_month_file_stays_where_it_is_and_its_month_refuses_writes(
    tmp_path: Path, case: str
) -> None:
    directory = tmp_path / "journal"
    march, april, may = check_in("2026-03-10", 3), check_in("2026-04-05", 5), check_in("2026-05-02", 2)
    write_as_older_app(directory, [march, april, may])
    damaged = older_app_month(directory, april.at)
    damage, reason = DAMAGE[case]
    damaged.write_bytes(damage(damaged.read_bytes()))
    bad = damaged.read_bytes()
    store = JournalStore(directory)
    assert ids(store.entries()) == {march.id, may.id}
    assert only_problem(store).path == damaged and reason in only_problem(store).reason

    june = store.add(check_in("2026-06-03", 2))  # the first write moves the others, a copy kept
    assert sorted(path.name for path in store.own_directory.iterdir()) == [
        "entries-2026-03.json",
        "entries-2026-05.json",
        "entries-2026-06.json",
    ]
    (backup,) = (directory / "backups").iterdir()
    assert sorted(path.name for path in backup.iterdir()) == ["entries-2026-03.json", "entries-2026-05.json"]
    assert damaged.read_bytes() == bad and older_app_month(directory, march.at) not in store.month_files()
    assert_refused(lambda: store.add(check_in("2026-04-25", 1)), JournalUnreadableError, damaged)
    assert_refused(lambda: store.delete(march.model_copy(update={"at": april.at})), JournalUnreadableError, damaged)
    assert ids(JournalStore(directory).entries()) == {march.id, may.id, june.id}
    assert damaged.read_bytes() == bad and only_problem(store).path == damaged
    assert JournalStore(directory).migrate() is None  # nothing left it can move: April stays, as it is
    assert damaged.read_bytes() == bad


@pytest.mark.parametrize("case", ["truncated", "garbage-bytes", "pain-99"])
def test_setting_aside_keeps_the_old_bytes_and_a_fresh_file_starts(journal: Journal, case: str) -> None:
    damage, _ = DAMAGE[case]
    journal.april_file.write_bytes(damage(journal.april_file.read_bytes()))
    bad = journal.april_file.read_bytes()
    store = JournalStore(journal.directory)
    store.entries()
    when = datetime(2026, 6, 1, 8, 15, 0, tzinfo=UTC)

    kept = store.set_aside(journal.april_file, now=lambda: when)

    assert kept == journal.april_file.with_name("entries-2026-04.unreadable-20260601T081500.json.bak")
    assert kept.read_bytes() == bad
    assert not journal.april_file.exists()
    assert store.problems == []
    assert ids(store.entries()) == journal.others()
    fresh = store.add(check_in("2026-04-25", 1))
    assert ids(store.entries()) == journal.others() | {fresh.id}
    assert json.loads(journal.april_file.read_bytes())["entries"]["1"]["id"] == fresh.id
    assert JournalStore(journal.directory).problems == []
    assert kept.read_bytes() == bad  # still there, untouched, and never read as a month
    assert kept not in store.month_files()


def test_a_folder_where_a_month_file_should_be(journal: Journal) -> None:
    journal.april_file.unlink()
    journal.april_file.mkdir()
    store = JournalStore(journal.directory)
    assert ids(store.entries()) == journal.others()
    assert "cannot be read" in only_problem(store).reason
    assert_refused(lambda: store.add(check_in("2026-04-25", 1)), JournalUnreadableError, journal.april_file)
    assert journal.april_file.is_dir()


# --- a file from a newer version ----------------------------------------------------------


def make_newer(journal: Journal) -> None:
    data = json.loads(journal.april_file.read_bytes())
    data["entries"]["1"] |= {"schema_version": 2, "mood": "new in version 2"}
    journal.april_file.write_bytes(json.dumps(data).encode())


def test_a_newer_file_makes_the_journal_read_only(journal: Journal) -> None:
    make_newer(journal)
    before = snapshot(journal.directory)
    store = JournalStore(journal.directory)

    assert ids(store.entries()) == journal.others()
    problem = only_problem(store)
    assert problem.newer and problem.path == journal.april_file
    assert "newer backtrainer" in problem.reason and "journal version 2" in problem.reason
    assert store.read_only
    assert store.load_settings() == Settings(disclaimer_seen=True, bell=False)  # still readable

    march_entry = journal.march[0]
    writes: dict[str, Callable[[], object]] = {
        "add to another month": lambda: store.add(check_in("2026-06-03", 2)),
        "add to that month": lambda: store.add(check_in("2026-04-25", 2)),
        "update": lambda: store.update(march_entry, march_entry.model_copy(update={"pain_now": 0})),
        "delete": lambda: store.delete(march_entry),
        "import": lambda: store.import_entries([check_in("2026-07-01", 1)]),
    }
    for name, write in writes.items():
        with pytest.raises(JournalReadOnlyError, match="newer") as raised:
            write()
        assert APRIL in str(raised.value), name
    assert snapshot(journal.directory) == before
    assert temporaries(journal.directory) == []


def test_a_newer_month_file_also_stops_settings_writes(journal: Journal) -> None:
    make_newer(journal)
    before = snapshot(journal.directory)
    store = JournalStore(journal.directory)
    store.entries()
    assert store.read_only
    try:
        with pytest.raises(JournalReadOnlyError, match="newer"):
            store.update_settings(bell=False)
        with pytest.raises(JournalReadOnlyError, match="newer"):
            store.save_settings(Settings(sessions_per_week_goal=5))
    finally:
        assert snapshot(journal.directory) == before


def test_a_fresh_store_refuses_to_write_into_a_newer_file(journal: Journal) -> None:
    make_newer(journal)
    before = journal.april_file.read_bytes()
    store = JournalStore(journal.directory)  # like `backtrainer log`: writes before reading anything
    with pytest.raises(JournalReadOnlyError, match="newer"):
        store.add(check_in("2026-04-25", 2))
    assert store.read_only
    with pytest.raises(JournalReadOnlyError):
        store.add(check_in("2026-03-25", 2))
    assert journal.april_file.read_bytes() == before


def test_newer_settings_make_the_journal_read_only(journal: Journal) -> None:
    data = json.loads(journal.directory.joinpath("settings.json").read_bytes())
    data["settings"]["1"]["schema_version"] = 2
    journal.directory.joinpath("settings.json").write_bytes(json.dumps(data).encode())
    before = snapshot(journal.directory)
    store = JournalStore(journal.directory)
    assert store.load_settings() == Settings()
    assert store.read_only and only_problem(store).path.name == "settings.json"
    with pytest.raises(JournalReadOnlyError):
        store.update_settings(sessions_per_week_goal=4)
    with pytest.raises(JournalReadOnlyError):
        store.add(check_in("2026-03-25", 2))
    assert snapshot(journal.directory) == before


# --- settings.json ----------------------------------------------------------------------------

SETTINGS_DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated": (lambda valid: valid[: len(valid) // 2], "cut short or damaged"),
    "garbage-bytes": (lambda valid: bytes(random.Random(9).randrange(256) for _ in range(300)), "not text"),
    "empty": (lambda valid: b"", "the file is empty"),
    "not-settings": (lambda valid: b"[true]", "not a backtrainer journal file"),
    "goal-99": (
        lambda valid: valid.replace(b'"sessions_per_week_goal":3', b'"sessions_per_week_goal":99'),
        "settings do not match the format",
    ),
}


@pytest.mark.parametrize("case", list(SETTINGS_DAMAGE))
def test_unreadable_settings_give_defaults_and_are_never_overwritten(journal: Journal, case: str) -> None:
    damage, reason = SETTINGS_DAMAGE[case]
    settings_file = journal.directory / "settings.json"
    bad = damage(settings_file.read_bytes())
    assert bad != settings_file.read_bytes()
    settings_file.write_bytes(bad)
    store = JournalStore(journal.directory)

    assert store.load_settings() == Settings()
    problem = only_problem(store)
    assert problem.path == settings_file and reason in problem.reason and not problem.newer
    assert_refused(
        lambda: store.save_settings(Settings(sessions_per_week_goal=5)), JournalUnreadableError, settings_file
    )
    assert_refused(lambda: store.update_settings(disclaimer_seen=True), JournalUnreadableError, settings_file)
    assert settings_file.read_bytes() == bad
    assert temporaries(journal.directory) == []

    # entries are not held up by it
    added = store.add(check_in("2026-05-20", 3))
    assert added.id in ids(store.entries())

    # set aside, the next save starts fresh settings
    kept = store.set_aside(settings_file)
    assert kept.read_bytes() == bad and "unreadable" in kept.name and kept.parent == journal.directory
    assert store.update_settings(sessions_per_week_goal=6) == Settings(sessions_per_week_goal=6)
    assert JournalStore(journal.directory).load_settings() == Settings(sessions_per_week_goal=6)
