"""A journal shared by a sync tool: device files, migration, conflict copies, and two devices converging."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability.journal_files import check_in, settings_as_older_app, write_as_older_app
from tests.unit.sync_builders import device_store, sync, sync_both_ways
from trainer.journal import layout
from trainer.journal.errors import JournalReadOnlyError
from trainer.journal.glance import read_facts
from trainer.journal.models import AnyEntry, CheckIn
from trainer.journal.store import JournalStore

A, B = "aaaa00000001", "bbbb00000002"


def pains(store: JournalStore) -> dict[str, int]:
    return {entry.id: entry.pain_now for entry in store.entries() if isinstance(entry, CheckIn)}


def shown(store: JournalStore) -> list[str]:
    return [entry.model_dump_json() for entry in store.entries()]


@pytest.fixture
def laptop(tmp_path: Path) -> Path:
    return tmp_path / "laptop" / "journal"


@pytest.fixture
def homebox(tmp_path: Path) -> Path:
    return tmp_path / "homebox" / "journal"


def test_each_device_writes_only_its_own_files(laptop: Path) -> None:
    store = device_store(laptop, A)
    entry = store.add(check_in("2026-11-03"))
    store.update(entry, entry.model_copy(update={"pain_now": 7}))
    store.delete(store.add(check_in("2026-11-04")))
    month_files = sorted(str(path.relative_to(laptop)) for path in laptop.rglob("entries-*.json"))
    assert month_files == [f"devices/{A}/entries-2026-11.json"]
    settings_document = json.loads((laptop / "settings.json").read_text())["settings"]
    assert settings_document[layout.LAYOUT_DOCUMENT] == layout.DEVICES_MARK


def test_two_devices_add_edit_and_delete_and_end_with_the_same_journal(laptop: Path, homebox: Path) -> None:
    one, two = device_store(laptop, A), device_store(homebox, B)
    mine = one.add(check_in("2026-11-03", 3))
    gone = one.add(check_in("2026-11-04", 4))
    theirs = two.add(check_in("2026-11-03", 5))  # TinyDB's document "1" in both: never an entry's identity
    sync_both_ways(laptop, homebox)
    assert pains(one) == pains(two) == {mine.id: 3, gone.id: 4, theirs.id: 5}
    two.update(mine, mine.model_copy(update={"pain_now": 8}))  # an edit of the other device's entry
    two.delete(gone)  # and a delete of one
    moved = one.update(theirs, theirs.model_copy(update={"at": theirs.at - timedelta(days=10)}))  # to October
    one.settings_file.write_text(one.settings_file.read_text())
    sync_both_ways(laptop, homebox)
    assert pains(one) == pains(two) == {mine.id: 8, theirs.id: 5}
    assert shown(one) == shown(two)
    assert [entry.at for entry in two.entries(until=datetime(2026, 10, 31, tzinfo=UTC))] == [moved.at]
    assert theirs.id not in {entry.id for entry in two.month_entries(theirs.at)}  # read alone, November
    assert one.newest(1) == two.newest(1) and one.newest(1)[1] == 2


def test_older_journals_on_two_devices_with_a_conflict_copy_merge_into_one(laptop: Path, homebox: Path) -> None:
    """Both devices wrote the same month file before syncing (both as TinyDB document 1): the sync tool kept
    one and left a conflict copy; this version's first write moves and merges them, nothing lost."""
    first, second = check_in("2026-11-03", 2), check_in("2026-11-05", 6)
    write_as_older_app(laptop, [first])
    write_as_older_app(homebox, [second])
    settings_as_older_app(homebox, bell=False)
    settings_as_older_app(laptop, disclaimer_seen=True)
    sync(homebox, laptop)  # the laptop keeps its month file and gets the home box's as a conflict copy
    one = device_store(laptop, A)  # this version, on one device
    assert len(one.conflict_copies()) == 2  # the month file's and the settings'
    assert pains(one) == {first.id: 2}  # the copy is not read until it is merged (or moved)
    third = one.add(check_in("2026-11-06", 1))
    assert pains(one) == {first.id: 2, second.id: 6, third.id: 1}
    assert [copy.original.name for copy in one.conflict_copies()] == ["settings.json"]  # a person's choice
    sync_both_ways(laptop, homebox)
    two = device_store(homebox, B)
    two.add(check_in("2026-11-07", 9))
    sync_both_ways(laptop, homebox)
    assert pains(one) == pains(two) and len(pains(two)) == 4
    one.update_settings(bell=True)  # an older layout's file the sync brought back moves again at a write
    assert not list(laptop.glob("entries-*")) and len(pains(one)) == 4


def test_migration_keeps_a_backup_and_moves_the_files(laptop: Path) -> None:
    entries = [check_in(f"2026-{month:02d}-03") for month in (9, 10, 11)]
    write_as_older_app(laptop, entries)
    before = {path.name: path.read_bytes() for path in laptop.glob("entries-*.json")}
    store = device_store(laptop, A)
    store.update_settings(bell=False)  # any write moves the files first
    (backup,) = (laptop / "backups").iterdir()
    assert backup.name.startswith("before-device-files-") and backup.name.endswith(A)
    assert {path.name: path.read_bytes() for path in backup.iterdir()} == before
    assert {path.name for path in store.own_directory.iterdir()} == set(before)
    assert not list(laptop.glob("entries-*.json"))
    assert sorted(entry.id for entry in store.entries()) == sorted(entry.id for entry in entries)


def test_an_unmovable_month_file_stays_and_refuses_writes_to_its_month(laptop: Path) -> None:
    kept = check_in("2026-10-03")
    write_as_older_app(laptop, [kept])
    damaged = laptop / "entries-2026-11.json"
    damaged.write_text("{cut short")
    store = device_store(laptop, A)
    store.add(check_in("2026-09-03"))
    assert damaged.exists() and kept.id in {entry.id for entry in store.entries()}
    with pytest.raises(Exception, match="entries-2026-11.json"):
        store.add(check_in("2026-11-03"))


def test_an_older_app_meets_the_newer_layout_and_only_reads(laptop: Path) -> None:
    store = device_store(laptop, A)
    store.add(check_in("2026-11-03"))
    mark = json.loads(store.settings_file.read_text())["settings"][layout.LAYOUT_DOCUMENT]
    assert mark["schema_version"] == layout.DEVICES_VERSION > layout.PARTS_VERSION > 1  # every older app refuses
    newer = {**mark, "schema_version": layout.DEVICES_VERSION + 1}  # and this one, the layout after it
    data = json.loads(store.settings_file.read_text())
    data["settings"][layout.LAYOUT_DOCUMENT] = newer
    store.settings_file.write_text(json.dumps(data))
    older = device_store(laptop, A)
    with pytest.raises(JournalReadOnlyError):
        older.add(check_in("2026-11-04"))
    assert len(older.entries()) == 1


def test_a_conflict_copy_in_a_device_folder_is_read_as_that_devices_file(laptop: Path) -> None:
    store = device_store(laptop, A)
    entry = store.add(check_in("2026-11-03", 3))
    own = store.month_file(entry.at)
    copy = own.with_name("entries-2026-11.sync-conflict-20261130-123456-ABCDEFG.json")
    copy.write_bytes(own.read_bytes())
    store.update(entry, entry.model_copy(update={"pain_now": 6}))
    other = check_in("2026-11-04", 1)
    data = json.loads(copy.read_text())
    data["entries"]["2"] = other.model_dump(mode="json")
    copy.write_text(json.dumps(data))
    assert pains(store) == {entry.id: 6, other.id: 1}
    assert store.newest(5)[1] == 2


def test_the_quick_glance_merges_the_devices_too(laptop: Path, homebox: Path) -> None:
    one, two = device_store(laptop, A), device_store(homebox, B)
    kept = one.add(check_in("2026-11-03"))
    gone = one.add(check_in("2026-11-04"))
    sync(laptop, homebox)
    two.delete(gone)
    two.update(kept, kept.model_copy(update={"pain_now": 9}))
    sync(homebox, laptop)
    facts = read_facts(laptop, datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 11, 8, tzinfo=UTC))
    assert facts == read_facts(homebox, datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 11, 8, tzinfo=UTC))
    assert len(one.entries()) == 1 and facts.check_ins == (kept.at,)


OPERATION = st.tuples(st.sampled_from(["add", "edit", "move", "delete", "sync"]), st.integers(0, 1), st.integers(0, 40))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=st.lists(OPERATION, max_size=14))
def test_any_interleaving_merged_both_ways_gives_the_same_entries(
    tmp_path: Path, operations: list[tuple[str, int, int]]
) -> None:
    run = tmp_path / str(len(list(tmp_path.iterdir())))
    folders = [run / "one" / "journal", run / "two" / "journal"]
    stores = [device_store(folders[0], A), device_store(folders[1], B)]
    deleted: set[str] = set()
    added: set[str] = set()
    for action, side, number in operations:
        store = stores[side]
        visible: list[AnyEntry] = store.entries()
        if action == "add":
            added.add(store.add(check_in(f"2026-11-{1 + number % 28:02d}", number % 11)).id)
        elif action == "sync":
            sync(folders[side], folders[1 - side])
        elif visible:
            entry = visible[number % len(visible)]
            if action == "edit" and isinstance(entry, CheckIn):
                store.update(entry, entry.model_copy(update={"pain_now": number % 11}))
            elif action == "move":
                store.update(entry, entry.model_copy(update={"at": entry.at - timedelta(days=31)}))
            elif action == "delete":
                store.delete(entry)
                deleted.add(entry.id)
    sync_both_ways(*folders)
    assert shown(stores[0]) == shown(stores[1])
    ids = {entry.id for entry in stores[0].entries()}
    assert added - deleted <= ids  # nothing lost that no one deleted
