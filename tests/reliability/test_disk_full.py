"""A write the disk refuses (full, read-only, I/O error) leaves the journal exactly as it was.

The failure is injected through the store's ``write_file`` (an atomic write on a
file system that fails): creating the temporary file, writing it (half written,
then ENOSPC), syncing it, renaming it. One test lets the kernel refuse the
write for real (a file size limit in a child process).
"""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.journal_files import check_in, day, snapshot, temporaries
from trainer.journal import storage
from trainer.journal.models import Settings
from trainer.journal.store import JournalStore, JournalWriteError

NO_SPACE = "No space left on device"


def no_space() -> OSError:
    return OSError(errno.ENOSPC, NO_SPACE)


class HalfThenFull:
    """A file that takes half of what it is given, then reports the disk full."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def __enter__(self) -> HalfThenFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stream.close()

    def write(self, payload: bytes) -> int:
        self.stream.write(payload[: len(payload) // 2])
        self.stream.flush()
        raise no_space()


class Disk(storage.FileSystem):
    """The file system an atomic write uses; ``fail_at`` picks what breaks."""

    def __init__(self) -> None:
        self.fail_at: str | None = None
        self.fail_on_write = 1  # which file write of an operation fails (1 = the first)
        self.writes = 0

    def _failing(self, point: str) -> bool:
        return self.fail_at == point and self.writes == self.fail_on_write

    def mkstemp(self, *, dir: Path, prefix: str, suffix: str) -> tuple[int, str]:
        self.writes += 1
        if self._failing("create"):
            raise no_space()
        return super().mkstemp(dir=dir, prefix=prefix, suffix=suffix)

    def open_for_writing(self, descriptor: int) -> Any:
        stream = super().open_for_writing(descriptor)
        return HalfThenFull(stream) if self._failing("write") else stream

    def fsync(self, descriptor: int) -> None:
        if self._failing("sync"):
            raise no_space()
        super().fsync(descriptor)

    def replace(self, source: str, target: Path) -> None:
        if self._failing("rename"):
            raise no_space()
        super().replace(source, target)

    def space_returns(self) -> None:
        self.fail_at = None


@pytest.fixture
def disk() -> Disk:
    return Disk()


@pytest.fixture
def store(tmp_path: Path, disk: Disk) -> JournalStore:
    store = JournalStore(tmp_path / "journal", write_file=partial(storage.atomic_write, fs=disk))
    store.import_entries([check_in("2026-03-10", 3), check_in("2026-03-20", 4), check_in("2026-04-02", 5)])
    store.save_settings(Settings(disclaimer_seen=True, sessions_per_week_goal=2))
    disk.writes = 0  # count the writes of the test, not of setting it up
    return store


FAILURES = ["create", "write", "sync", "rename"]


def operations(store: JournalStore) -> dict[str, Callable[[], object]]:
    march = next(entry for entry in store.entries() if day(entry) == "2026-03-10")
    return {
        "add": lambda: store.add(check_in("2026-03-25", 7)),
        "add-new-month": lambda: store.add(check_in("2026-05-01", 7)),
        "update": lambda: store.update(march, march.model_copy(update={"pain_now": 9})),
        "move": lambda: store.update(march, march.model_copy(update={"at": march.at.replace(month=4)})),
        "delete": lambda: store.delete(march),
        "import": lambda: store.import_entries([check_in("2026-03-26", 1), check_in("2026-06-01", 1)]),
    }


@pytest.mark.parametrize("failure", FAILURES)
@pytest.mark.parametrize("operation", ["add", "add-new-month", "update", "move", "delete", "import"])
def test_a_refused_write_changes_nothing_and_the_next_one_works(
    store: JournalStore, disk: Disk, failure: str, operation: str
) -> None:
    before = snapshot(store.directory)
    shown = store.entries()
    disk.fail_at = failure

    with pytest.raises(JournalWriteError) as raised:
        operations(store)[operation]()

    message = str(raised.value)
    assert "the journal is unchanged" in message
    assert NO_SPACE in message and str(store.directory) in message
    assert "Traceback" not in message
    assert snapshot(store.directory) == before
    assert temporaries(store.directory) == []
    assert JournalStore(store.directory).entries() == shown

    disk.space_returns()
    operations(store)[operation]()
    assert snapshot(store.directory) != before
    assert temporaries(store.directory) == []
    assert JournalStore(store.directory).problems == []


@pytest.mark.parametrize("failure", FAILURES)
def test_refused_settings_change_nothing_and_the_next_save_works(store: JournalStore, disk: Disk, failure: str) -> None:
    before = snapshot(store.directory)
    disk.fail_at = failure
    with pytest.raises(JournalWriteError, match=NO_SPACE) as raised:
        store.update_settings(sessions_per_week_goal=5)
    assert "settings.json" in str(raised.value)
    assert snapshot(store.directory) == before
    assert temporaries(store.directory) == []
    assert store.load_settings().sessions_per_week_goal == 2
    disk.space_returns()
    assert store.update_settings(sessions_per_week_goal=5).sessions_per_week_goal == 5
    assert JournalStore(store.directory).load_settings() == Settings(disclaimer_seen=True, sessions_per_week_goal=5)


# --- a move is two writes: what if only the second one fails? ----------------------------------


def fail_the_second_write_of_a_move(store: JournalStore, disk: Disk) -> str:
    march = next(entry for entry in store.entries() if day(entry) == "2026-03-10")
    disk.fail_at, disk.fail_on_write = "rename", 2  # April gets its copy; removing it from March fails
    with pytest.raises(JournalWriteError):
        store.update(march, march.model_copy(update={"at": march.at.replace(month=4), "pain_now": 9}))
    disk.space_returns()
    return march.id


def test_a_move_whose_second_write_fails_loses_nothing(store: JournalStore, disk: Disk) -> None:
    entry_id = fail_the_second_write_of_a_move(store, disk)
    fresh = JournalStore(store.directory)
    assert [entry.id for entry in fresh.entries()].count(entry_id) == 1
    assert fresh.problems == []
    assert temporaries(store.directory) == []


def test_a_move_whose_second_write_fails_leaves_the_journal_as_it_was(store: JournalStore, disk: Disk) -> None:
    before = store.entries()
    fail_the_second_write_of_a_move(store, disk)
    assert JournalStore(store.directory).entries() == before


def test_deleting_an_entry_whose_move_was_interrupted_removes_every_copy(store: JournalStore) -> None:
    march = next(entry for entry in store.entries() if day(entry) == "2026-03-10")
    moved = march.model_copy(update={"at": march.at.replace(month=4), "recorded": march.recorded + timedelta(hours=1)})
    # what a kill between the two writes of a move leaves: the new copy in April, the old one still in March
    april = store.month_file(moved.at)
    april.write_text(json.dumps({"entries": {"1": moved.model_dump(mode="json")}}))
    visible = store.get(march.id)
    assert visible is not None and day(visible).startswith("2026-04")
    store.delete(visible)
    assert store.get(march.id) is None
    assert JournalStore(store.directory).get(march.id) is None


# --- the kernel refusing for real ---------------------------------------------------------------

SIZE_LIMITED_ADD = """
import resource, signal, sys
from datetime import UTC, datetime
from pathlib import Path
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore, JournalWriteError
store = JournalStore(Path(sys.argv[1]))
target = store.month_file(datetime(2026, 3, 25, tzinfo=UTC))
limit = target.stat().st_size + 64  # room for part of the new file only
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
try:
    store.add(CheckIn(at=datetime(2026, 3, 25, tzinfo=UTC), pain_now=7, notes="x" * 500))
except JournalWriteError as error:
    print(error)
else:
    print("written")
"""


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE and SIGXFSZ as on Linux")
def test_a_write_the_kernel_cuts_short_changes_nothing(store: JournalStore) -> None:
    before = snapshot(store.directory)
    child = subprocess.run(
        [sys.executable, "-c", SIZE_LIMITED_ADD, str(store.directory)], capture_output=True, text=True, timeout=60
    )
    assert child.returncode == 0, child.stderr
    assert "File too large" in child.stdout and "the journal is unchanged" in child.stdout
    assert snapshot(store.directory) == before
    assert temporaries(store.directory) == []
    store.add(check_in("2026-03-25", 7))
    assert len(store.entries()) == 4
