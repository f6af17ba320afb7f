"""The journal store: reading, writing, filtering, settings, permissions, locking."""

from __future__ import annotations

import importlib.util
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from filelock import FileLock

from tests.reliability.journal_files import month_files
from trainer.journal.layout import LAYOUT_DOCUMENT
from trainer.journal.limits import SettingsError
from trainer.journal.models import AnyEntry, CheckIn, PersonalDose, SessionRecord, Settings, WeeklyCheck
from trainer.journal.storage import atomic_write
from trainer.journal.store import JournalBusyError, JournalError, JournalStore

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions and signals")


def at(day: str, hour: int = 9, minute: int = 0, zone: timezone = UTC) -> datetime:
    year, month, dom = (int(part) for part in day.split("-"))
    return datetime(year, month, dom, hour, minute, tzinfo=zone)


def check_in(when: datetime, pain: int = 4, **fields: Any) -> CheckIn:
    return CheckIn(at=when, pain_now=pain, **fields)


def weekly(when: datetime) -> WeeklyCheck:
    return WeeklyCheck(at=when, activity_interference=3, enjoyment_interference=2, global_change="better")


def session(when: datetime) -> SessionRecord:
    return SessionRecord(
        at=when, ended=when + timedelta(minutes=15), title="Desk break", completion=1.0, ended_how="finished"
    )


def day_of(entry: AnyEntry) -> str:
    """The calendar day of ``at`` in its own time zone."""
    return entry.at.date().isoformat()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def raw_ids(directory: Path) -> list[str]:
    """Every entry id in every month file (each device's, and an older layout's), read straight from the JSON
    (duplicates kept)."""
    ids = []
    for path in month_files(directory):
        ids += [document["id"] for document in json.loads(path.read_bytes())["entries"].values()]
    return ids


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def store(journal: Path) -> JournalStore:
    return JournalStore(journal, lock_timeout=2)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    yield
    os.umask(previous)


# --- add, get, entries -------------------------------------------------------------------


def test_a_new_journal_is_empty_and_reading_creates_nothing(store: JournalStore, journal: Path) -> None:
    assert store.entries() == []
    assert store.get("0" * 32) is None
    assert store.problems == []
    assert not store.read_only
    assert not journal.exists()


def test_an_added_entry_reads_back_equal(store: JournalStore) -> None:
    entry = check_in(at("2026-03-14"), 6, triggers=["gardening"], notes="Sore after weeding.")
    assert store.add(entry) == entry
    assert store.get(entry.id) == entry
    assert JournalStore(store.directory).get(entry.id) == entry  # from disk, not a cache


def test_every_kind_is_stored(store: JournalStore) -> None:
    entries = [check_in(at("2026-03-14", 8)), weekly(at("2026-03-15", 20)), session(at("2026-03-14", 18))]
    for entry in entries:
        store.add(entry)
    assert {type(entry) for entry in store.entries()} == {CheckIn, WeeklyCheck, SessionRecord}
    assert sorted(entry.id for entry in store.entries()) == sorted(entry.id for entry in entries)


def test_entries_come_newest_first_across_months(store: JournalStore) -> None:
    days = ["2026-02-27", "2026-01-03", "2026-03-01", "2025-12-31", "2026-02-28"]
    added = [store.add(check_in(at(day))) for day in days]
    assert [entry.at for entry in store.entries()] == sorted((entry.at for entry in added), reverse=True)
    assert [path.name for path in store.month_files()] == [
        "entries-2025-12.json",
        "entries-2026-01.json",
        "entries-2026-02.json",
        "entries-2026-03.json",
    ]


def test_the_first_weeks_can_start_at_the_first_check_in(store: JournalStore) -> None:
    """The baseline for "change since you started" is the first week of check-ins, not of any entry."""
    early_session = store.add(session(at("2026-01-02")))
    first_check_ins = [store.add(check_in(at(day), 8)) for day in ("2026-02-10", "2026-02-12", "2026-02-27")]
    store.add(check_in(at("2026-04-01"), 3))
    assert store.first_entries() == [early_session]
    assert store.first_entries(starting_with="check-in") == first_check_ins[1::-1]  # 14 days from 10 Feb
    assert store.first_entries(days=0, starting_with="weekly-check") == []


def test_since_and_until_include_their_ends(store: JournalStore) -> None:
    for day in ["2026-01-31", "2026-02-01", "2026-02-14", "2026-02-28", "2026-03-01"]:
        store.add(check_in(at(day)))
    found = store.entries(since=at("2026-02-01"), until=at("2026-02-28"))
    assert [day_of(entry) for entry in found] == ["2026-02-28", "2026-02-14", "2026-02-01"]
    assert [day_of(entry) for entry in store.entries(since=at("2026-02-28"))] == ["2026-03-01", "2026-02-28"]
    assert [day_of(entry) for entry in store.entries(until=at("2026-01-31"))] == ["2026-01-31"]
    assert store.entries(since=at("2026-02-02"), until=at("2026-02-13")) == []


def test_kinds_filter(store: JournalStore) -> None:
    store.add(check_in(at("2026-03-14", 8)))
    store.add(weekly(at("2026-03-15", 20)))
    store.add(session(at("2026-03-14", 18)))
    assert [entry.kind for entry in store.entries(kinds=["session"])] == ["session"]
    assert {entry.kind for entry in store.entries(kinds={"check-in", "weekly-check"})} == {"check-in", "weekly-check"}
    assert store.entries(kinds=[]) == []


@pytest.mark.parametrize(
    "local",
    [
        # 23:30 on 31 March in New York is 03:30 on 1 April UTC: kept in the March file.
        pytest.param(datetime(2026, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-4))), id="new-york-late"),
        # 00:30 on 1 April in Tokyo is 15:30 on 31 March UTC: kept in the April file.
        pytest.param(datetime(2026, 4, 1, 0, 30, tzinfo=timezone(timedelta(hours=9))), id="tokyo-early"),
        # 23:59 on 31 December at UTC-12 is already 12:59 on 1 January (of the next year) in UTC.
        pytest.param(datetime(2026, 12, 31, 23, 59, tzinfo=timezone(timedelta(hours=-12))), id="new-year-utc-12"),
    ],
)
def test_an_entry_near_a_month_edge_in_another_zone_is_found(store: JournalStore, local: datetime) -> None:
    entry = store.add(check_in(local))
    instant = entry.at.astimezone(UTC)
    assert store.month_file(local).name == f"entries-{local:%Y-%m}.json"
    assert (instant.year, instant.month) != (local.year, local.month)  # the UTC month is another one
    window = store.entries(since=instant - timedelta(minutes=1), until=instant + timedelta(minutes=1))
    assert [found.id for found in window] == [entry.id]
    # asking only for the UTC month it falls in finds it too
    month_start = instant.replace(day=1, hour=0, minute=0)
    assert entry.id in [found.id for found in store.entries(since=month_start, until=instant + timedelta(days=1))]
    assert entry.id in [found.id for found in store.entries(since=instant)]
    assert entry.id in [found.id for found in store.entries(until=instant)]


def test_reading_a_range_skips_months_outside_it(store: JournalStore, journal: Path) -> None:
    store.add(check_in(at("2026-03-14")))
    journal.joinpath("entries-2025-01.json").write_bytes(b"damaged")
    assert len(store.entries(since=at("2026-03-01"))) == 1
    assert store.problems == []  # the far-away damaged month was never opened
    store.entries()
    assert [problem.path.name for problem in store.problems] == ["entries-2025-01.json"]


# --- the same id twice, update, delete ------------------------------------------------------


def test_adding_the_same_entry_twice_changes_nothing(store: JournalStore) -> None:
    entry = store.add(check_in(at("2026-03-14"), 3))
    before = store.month_file(entry.at).read_bytes()
    store.add(entry)
    store.add(entry.model_copy(update={"pain_now": 9}))  # a retried write with another body
    assert store.month_file(entry.at).read_bytes() == before
    assert store.entries() == [entry]
    assert raw_ids(store.directory) == [entry.id]


def test_update_in_place(store: JournalStore) -> None:
    keep = store.add(check_in(at("2026-03-10"), 2))
    old = store.add(check_in(at("2026-03-14"), 3, notes="before"))
    new = store.update(old, old.model_copy(update={"pain_now": 7, "notes": "after"}))
    assert new.recorded > old.recorded
    assert store.get(old.id) == new
    assert isinstance(new, CheckIn) and (new.pain_now, new.notes) == (7, "after")
    assert store.get(keep.id) == keep
    assert sorted(raw_ids(store.directory)) == sorted([keep.id, old.id])


def test_update_moves_an_entry_to_its_new_month(store: JournalStore) -> None:
    old = store.add(check_in(at("2026-03-31", 22), 5))
    new = store.update(old, old.model_copy(update={"at": at("2026-04-01", 7), "pain_now": 4}))
    assert [entry.id for entry in store.entries()] == [old.id]
    assert store.get(old.id) == new
    assert raw_ids(store.directory) == [old.id]  # no copy left in March
    march = json.loads(store.month_file(old.at).read_bytes())
    assert march["entries"] == {}
    assert store.entries(until=at("2026-03-31", 23)) == []


def test_update_keeps_the_id_and_kind(store: JournalStore) -> None:
    old = store.add(check_in(at("2026-03-14")))
    with pytest.raises(ValueError, match="id and kind"):
        store.update(old, check_in(at("2026-03-14")))
    with pytest.raises(ValueError, match="id and kind"):
        store.update(old, weekly(at("2026-03-14")).model_copy(update={"id": old.id}))
    assert store.entries() == [old]


def test_delete(store: JournalStore) -> None:
    first = store.add(check_in(at("2026-03-14")))
    second = store.add(check_in(at("2026-03-15")))
    other_month = store.add(check_in(at("2026-04-02")))
    store.delete(first)
    assert [entry.id for entry in store.entries()] == [other_month.id, second.id]
    assert store.get(first.id) is None
    store.delete(first)  # deleting again is harmless
    assert len(store.entries()) == 2


def test_a_deleted_entry_added_again_comes_back_exactly_as_it_was(store: JournalStore) -> None:
    """The Journal's undo: the deletion this device recorded is taken back (else, recorded later, it wins)."""
    entry = store.add(check_in(at("2026-03-14"), 3, notes="keep me"))
    store.delete(entry)
    assert store.add(entry) == entry
    assert store.entries() == [entry] and JournalStore(store.directory).entries() == [entry]
    assert not json.loads(store.month_file(entry.at).read_bytes()).get("deleted")  # no deletion left behind
    store.delete(entry)
    assert store.import_entries([entry]) == (1, 0)  # an export read back after a delete brings it back too
    assert JournalStore(store.directory).entries() == [entry]
    assert raw_ids(store.directory) == [entry.id]


def test_an_entry_copied_into_two_months_reads_once_as_the_newest(store: JournalStore, journal: Path) -> None:
    """What a crash between the two writes of a move leaves: both copies, the newer one wins."""
    old = check_in(at("2026-03-31", 22), 5)
    new = old.model_copy(update={"at": at("2026-04-01", 7), "pain_now": 2, "recorded": old.recorded + timedelta(1)})
    store.add(old)
    store.import_entries([old])  # a no-op: it is already there
    store.month_file(new.at).write_text(json.dumps({"entries": {"1": new.model_dump(mode="json")}}), encoding="utf-8")
    assert store.entries() == [new]
    assert store.get(old.id) == new
    assert store.problems == []


@pytest.mark.parametrize("change", ["delete", "edit"])
def test_a_stray_copy_in_a_month_never_read_goes_with_a_delete_or_an_edit(
    store: JournalStore, journal: Path, change: str
) -> None:
    """A move killed between its writes left the old copy in January; this store only read April."""
    old = check_in(at("2026-01-10"), 5, notes="old copy")
    new = old.model_copy(update={"at": at("2026-04-01"), "notes": "edited", "recorded": old.recorded + timedelta(1)})
    store.add(old)
    store.month_file(new.at).write_text(json.dumps({"entries": {"1": new.model_dump(mode="json")}}), encoding="utf-8")
    fresh = JournalStore(journal)
    (shown,) = fresh.entries(since=at("2026-03-01"))
    if change == "delete":
        fresh.delete(shown)
        assert JournalStore(journal).entries() == []
    else:
        fresh.update(shown, shown.model_copy(update={"pain_now": 1}))
        assert [entry.pain_now for entry in JournalStore(journal).entries()] == [1]
    assert raw_ids(journal).count(old.id) == (0 if change == "delete" else 1)


# --- import ------------------------------------------------------------------------------


def test_import_counts_added_and_already_there(store: JournalStore) -> None:
    present = store.add(check_in(at("2026-01-05")))
    batch = [check_in(at(f"2026-0{month}-1{day}")) for month in (1, 2, 3) for day in range(3)]
    assert store.import_entries([present, *batch]) == (9, 1)
    assert store.import_entries(batch) == (0, 9)
    assert store.import_entries([]) == (0, 0)
    assert len(store.entries()) == 10
    assert sorted(raw_ids(store.directory)) == sorted(entry.id for entry in [present, *batch])


def test_import_skips_repeats_inside_one_batch(store: JournalStore) -> None:
    entry = check_in(at("2026-02-03"))
    assert store.import_entries([entry, entry, entry]) == (1, 2)
    assert raw_ids(store.directory) == [entry.id]


def test_import_finds_an_id_already_in_another_month(store: JournalStore) -> None:
    entry = store.add(check_in(at("2026-02-03")))
    moved = entry.model_copy(update={"at": at("2026-05-03")})
    assert store.import_entries([moved]) == (0, 1)
    assert raw_ids(store.directory) == [entry.id]


def test_import_writes_each_month_once(journal: Path) -> None:
    written: list[str] = []

    def write(path: Path, payload: bytes) -> None:
        written.append(path.name)
        atomic_write(path, payload)

    store = JournalStore(journal, write_file=write)
    store.import_entries([check_in(at(f"2026-0{month}-{day:02d}")) for month in (1, 2, 3) for day in range(1, 29)])
    months = ["entries-2026-01.json", "entries-2026-02.json", "entries-2026-03.json"]
    assert sorted(written) == [*months, "settings.json"]  # and the layout document, at the journal's first write


def test_demo_data_imports_and_reads_back(store: JournalStore) -> None:
    """The demo generator's realistic entries (every kind and field) go in and come back equal."""
    demo = load_demo_script()
    from trainer.catalog.loader import load_catalog

    entries = demo.generate(months=2, seed=3, today=date(2026, 3, 20), catalog=load_catalog())
    assert entries == demo.generate(months=2, seed=3, today=date(2026, 3, 20), catalog=load_catalog())
    assert {entry.kind for entry in entries} == {"check-in", "weekly-check", "session"}
    assert store.import_entries(entries) == (len(entries), 0)
    read = store.entries()
    assert {entry.id: entry for entry in read} == {entry.id: entry for entry in entries}
    assert [entry.at for entry in read] == sorted((entry.at for entry in entries), reverse=True)
    assert store.problems == []


def load_demo_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("demo_journal", ROOT / "scripts" / "demo_journal.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


# --- settings ----------------------------------------------------------------------------


def test_settings_default_when_there_are_none(store: JournalStore, journal: Path) -> None:
    assert store.load_settings() == Settings()
    assert store.problems == []
    assert not journal.exists()


def test_settings_round_trip(store: JournalStore) -> None:
    settings = Settings(disclaimer_seen=True, sessions_per_week_goal=5, bell=False)
    store.save_settings(settings)
    assert JournalStore(store.directory).load_settings() == settings
    store.save_settings(settings.model_copy(update={"sessions_per_week_goal": 6}))
    assert JournalStore(store.directory).load_settings().sessions_per_week_goal == 6
    document = json.loads(store.settings_file.read_bytes())
    assert sorted(document["settings"]) == sorted(["1", LAYOUT_DOCUMENT])  # one document, replaced in place
    assert document["settings"]["1"] == {**settings.model_dump(mode="json"), "sessions_per_week_goal": 6}


def test_update_settings_keeps_the_other_fields(store: JournalStore) -> None:
    store.save_settings(Settings(disclaimer_seen=True, sessions_per_week_goal=5))
    other_copy = JournalStore(store.directory)  # another running app changes one thing
    other_copy.update_settings(bell=False)
    updated = store.update_settings(sessions_per_week_goal=4)
    assert updated == Settings(disclaimer_seen=True, sessions_per_week_goal=4, bell=False)
    assert JournalStore(store.directory).load_settings() == updated


def test_settings_and_entries_live_in_separate_files(store: JournalStore) -> None:
    store.update_settings(disclaimer_seen=True)
    entry = store.add(check_in(at("2026-03-14")))
    assert store.entries() == [entry]
    assert store.load_settings().disclaimer_seen
    assert "settings" not in json.loads(store.month_file(entry.at).read_bytes())


# --- files on disk -----------------------------------------------------------------------


@posix_only
def test_files_are_private_even_with_a_permissive_umask(store: JournalStore, journal: Path, umask_022: None) -> None:
    store.add(check_in(at("2026-03-14")))
    store.update(store.entries()[0], store.entries()[0].model_copy(update={"at": at("2026-04-14")}))
    store.update_settings(disclaimer_seen=True)
    store.import_entries([check_in(at("2026-05-14"))])
    assert [path.name for path in sorted(journal.iterdir())] == [".lock", "devices", "settings.json"]
    own = sorted(store.own_directory.iterdir())
    assert [path.name for path in own] == ["entries-2026-03.json", "entries-2026-04.json", "entries-2026-05.json"]
    folders = [journal, journal / "devices", store.own_directory]
    assert {str(path): mode(path) for path in folders} == {str(path): 0o700 for path in folders}
    files = [journal / ".lock", store.settings_file, *own]
    assert {path.name: mode(path) for path in files} == {path.name: 0o600 for path in files}


@posix_only
def test_an_existing_open_journal_folder_is_made_private(store: JournalStore, journal: Path, umask_022: None) -> None:
    journal.mkdir(mode=0o755)
    journal.chmod(0o755)
    store.add(check_in(at("2026-03-14")))
    assert mode(journal) == 0o700


def test_no_temporary_files_are_left_behind(store: JournalStore, journal: Path) -> None:
    entries = [store.add(check_in(at(f"2026-0{month}-14"))) for month in (1, 2, 3)]
    store.update(entries[0], entries[0].model_copy(update={"pain_now": 8}))
    store.update(entries[1], entries[1].model_copy(update={"at": at("2026-04-01")}))
    store.delete(entries[2])
    store.import_entries([check_in(at("2026-05-01"))])
    store.update_settings(bell=False)
    assert sorted(path.name for path in journal.iterdir()) == [".lock", "devices", "settings.json"]
    leftovers = [path.name for path in store.own_directory.iterdir()]
    assert all(name.startswith("entries-") and name.endswith(".json") for name in leftovers), leftovers


def test_a_stale_temporary_file_from_a_killed_writer_is_removed_by_the_next_write(
    store: JournalStore, journal: Path
) -> None:
    entry = store.add(check_in(at("2026-03-14")))
    stale = journal / ".entries-2026-03.json.k1ll3d.tmp"
    stale.write_bytes(b'{"entries": {"1": {"id": "half a')
    stale_settings = journal / ".settings.json.x9.tmp"
    stale_settings.write_bytes(b"")
    assert store.entries() == [entry]  # reading ignores it (and leaves it: only writers remove it)
    assert store.problems == []
    assert stale.exists()
    store.add(check_in(at("2026-05-01")))
    assert not stale.exists()
    assert not stale_settings.exists()
    assert len(store.entries()) == 2


def test_other_files_in_the_folder_are_left_alone(store: JournalStore, journal: Path) -> None:
    journal.mkdir()
    keep = {"notes.txt": b"mine", "entries-2026-03.json.bak": b"old", ".hidden": b"x", "entries-26-3.json": b"?"}
    for name, content in keep.items():
        journal.joinpath(name).write_bytes(content)
    store.add(check_in(at("2026-03-14")))
    assert {name: journal.joinpath(name).read_bytes() for name in keep} == keep
    assert [path.name for path in store.month_files()] == ["entries-2026-03.json"]
    assert store.problems == []


# --- locking --------------------------------------------------------------------------------


def test_a_lock_held_by_another_instance_gives_busy(journal: Path) -> None:
    store = JournalStore(journal, lock_timeout=0.2)
    entry = store.add(check_in(at("2026-03-14")))
    before = store.month_file(entry.at).read_bytes()
    with FileLock(journal / ".lock", timeout=0):
        with pytest.raises(JournalBusyError, match=r"over 0\.2 s; try again") as raised:
            store.add(check_in(at("2026-03-15")))
        assert str(journal) in str(raised.value)
        with pytest.raises(JournalBusyError):
            store.update_settings(bell=False)
        with pytest.raises(JournalBusyError):
            store.delete(entry)
        assert store.entries() == [entry]  # reading does not wait for the lock
    assert store.month_file(entry.at).read_bytes() == before
    store.add(check_in(at("2026-03-15")))  # once released, writes go through
    assert len(store.entries()) == 2


HOLD_LOCK = """
import sys
from filelock import FileLock
with FileLock(sys.argv[1], timeout=5):
    print("locked", flush=True)
    sys.stdin.readline()
"""


@posix_only
def test_a_lock_held_by_another_process_gives_busy(journal: Path) -> None:
    store = JournalStore(journal, lock_timeout=0.3)
    store.add(check_in(at("2026-03-14")))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal / ".lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        with pytest.raises(JournalBusyError, match="another backtrainer"):
            store.add(check_in(at("2026-03-15")))
    finally:
        holder.communicate("done\n", timeout=10)
    store.add(check_in(at("2026-03-15")))
    assert len(store.entries()) == 2


def test_a_killed_lock_holder_does_not_block_the_journal(journal: Path) -> None:
    """The lock is an OS lock on .lock: it dies with its holder, the file staying behind does not matter."""
    store = JournalStore(journal, lock_timeout=0.5)
    store.add(check_in(at("2026-03-14")))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(journal / ".lock")], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
    holder.kill()
    holder.communicate(timeout=10)
    assert (journal / ".lock").exists()
    store.add(check_in(at("2026-03-15")))
    assert len(store.entries()) == 2


def test_the_lock_is_reentrant_within_one_store(store: JournalStore) -> None:
    """update_settings calls save_settings under the same lock: it must not wait for itself."""
    assert store.update_settings(bell=False).bell is False


# --- setting aside -----------------------------------------------------------------------------


def test_setting_aside_twice_in_one_second_keeps_both_copies(store: JournalStore, journal: Path) -> None:
    journal.mkdir()
    damaged = journal / "entries-2026-03.json"
    fixed = lambda: datetime(2026, 3, 20, 12, 0, 0, tzinfo=UTC)  # noqa: E731
    damaged.write_bytes(b"first damaged copy")
    first = store.set_aside(damaged, now=fixed)
    damaged.write_bytes(b"second damaged copy")
    second = store.set_aside(damaged, now=fixed)
    assert first != second
    assert first.read_bytes() == b"first damaged copy"
    assert second.read_bytes() == b"second damaged copy"
    assert {first.parent, second.parent} == {journal}


# --- two windows on one journal ---------------------------------------------------------------


def test_editing_an_entry_deleted_in_another_window_is_refused(journal: Path) -> None:
    app, other_window = JournalStore(journal), JournalStore(journal)
    entry = app.add(check_in(at("2026-03-10"), 3))
    other_window.delete(entry)
    with pytest.raises(JournalError):
        app.update(entry, entry.model_copy(update={"pain_now": 5}))
    with pytest.raises(JournalError):
        app.update(entry, entry.model_copy(update={"pain_now": 5, "at": at("2026-04-10")}))
    assert app.get(entry.id) is None


def test_a_setting_out_of_range_or_unknown_is_refused_and_nothing_is_written(store: JournalStore) -> None:
    """``update_settings(sessions_per_week_goal=99)`` once wrote a file the next start refused, so every
    setting fell back to its default (the first-run notice again, the person's doses gone)."""
    store.save_settings(Settings(disclaimer_seen=True, dose_changes={"bird-dog": PersonalDose(sets=2)}))
    before = store.settings_file.read_bytes()
    with pytest.raises(SettingsError, match="the goal of sessions a week: 99 is above 14"):
        store.update_settings(sessions_per_week_goal=99)
    with pytest.raises(SettingsError, match="there is no setting called 'bel'"):
        store.update_settings(bel=False)
    with pytest.raises(SettingsError, match="the bell: 'loud' is not on or off"):
        store.update_settings(bell="loud")
    assert store.settings_file.read_bytes() == before
    assert JournalStore(store.directory).load_settings().dose_changes == {"bird-dog": PersonalDose(sets=2)}
