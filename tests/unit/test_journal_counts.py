"""The counts of entries per month file kept between runs: faster, never different."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from tests.unit.test_journal_scale import check_in, session
from trainer.journal.counts import EntryCounts
from trainer.journal.store import JournalStore


def a_month(tmp_path: Path) -> tuple[JournalStore, Path]:
    store = JournalStore(tmp_path / "journal")
    store.add(check_in(datetime(2025, 1, 2, tzinfo=UTC)))
    store.add(session(datetime(2025, 1, 3, tzinfo=UTC)))
    return store, store.month_file(datetime(2025, 1, 2, tzinfo=UTC))


def counted_and_kept(store: JournalStore, path: Path, cache: Path) -> None:
    """Count ``path`` once and keep the count in ``cache``, as a ``journal`` command does at its end."""
    counts = EntryCounts(store.directory, cache)
    counts.count(path)
    counts.save()


def test_kept_counts_are_used_while_the_file_is_unchanged(tmp_path: Path) -> None:
    store, path = a_month(tmp_path)
    cache = tmp_path / "cache"
    first = EntryCounts(store.directory, cache)
    assert (first.count(path), first.count(path, ["session"])) == (2, 1)
    first.save()
    [kept] = (cache / "journal-counts").iterdir()
    document = json.loads(kept.read_text())
    document["files"][path.name][1] = {"check-in": 40, "session": 2}  # a count it would never make itself
    kept.write_text(json.dumps(document))
    assert EntryCounts(store.directory, cache).count(path) == 42  # the file is the same: the kept count


def test_a_changed_file_is_counted_again(tmp_path: Path) -> None:
    store, path = a_month(tmp_path)
    cache = tmp_path / "cache"
    counted_and_kept(store, path, cache)
    store.add(check_in(datetime(2025, 1, 4, tzinfo=UTC)))
    assert EntryCounts(store.directory, cache).count(path) == 3


def test_a_damaged_or_foreign_cache_file_is_ignored(tmp_path: Path) -> None:
    store, path = a_month(tmp_path)
    cache = tmp_path / "cache"
    counted_and_kept(store, path, cache)
    [kept] = (cache / "journal-counts").iterdir()
    for text in ("not json", '{"format": 9, "files": {}}', '{"format": 1, "files": {"x": [[1], {}]}}', "[]"):
        kept.write_text(text)
        assert EntryCounts(store.directory, cache).count(path) == 2


def test_an_unwritable_cache_folder_only_costs_the_saving(tmp_path: Path) -> None:
    store, path = a_month(tmp_path)
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the folder would be")
    counts = EntryCounts(store.directory, blocked)
    assert counts.count(path) == 2
    counts.save()  # nothing raised
    assert blocked.read_text() == "a file where the folder would be"


def test_the_journal_command_count_is_the_same_with_kept_counts(tmp_path: Path) -> None:
    store, _ = a_month(tmp_path)
    for day in range(1, 28):
        store.add(check_in(datetime(2025, 3, day, tzinfo=UTC)))
    cache = tmp_path / "cache"
    fresh = JournalStore(store.directory).newest(5)
    kept = JournalStore(store.directory, counts_cache=cache).newest(5)
    again = JournalStore(store.directory, counts_cache=cache).newest(5)
    assert fresh[1] == kept[1] == again[1] == 29
    assert os.listdir(cache / "journal-counts")


def test_a_file_that_may_record_deletions_is_left_to_the_merged_count(tmp_path: Path) -> None:
    store, path = a_month(tmp_path)
    counts = EntryCounts(store.directory, tmp_path / "cache")
    assert counts.plain_count(path) == 2
    device_file = tmp_path / "device-month.json"
    device_file.write_bytes(path.read_bytes().rstrip(b"}") + b', "deleted": {}}')
    assert counts.plain_count(device_file) is None
    assert counts.count(device_file) == 2
