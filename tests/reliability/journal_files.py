"""Looking at a journal folder from outside the store (a plain module: import it).

The reliability tests check what is really on disk, not only what the store
says: raw ids (duplicates kept), exact bytes, leftover temporary files. And
the files an older backtrainer left (``older_app_month``, ``write_as_older_app``):
month files in the journal folder itself, which this version moves into
``devices/<id>/`` at its first write or start (``trainer.journal.migration``).
"""

from __future__ import annotations

import errno
import json
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trainer.journal.folder import ENTRIES_TABLE, SETTINGS_TABLE
from trainer.journal.layout import part_path
from trainer.journal.models import AnyEntry, CheckIn, Settings
from trainer.journal.storage import TEMP_SUFFIX, AtomicJSONStorage, atomic_write
from trainer.paths import ensure_private_dir


def check_in(day: str, pain: int = 4, hour: int = 9, **fields: Any) -> CheckIn:
    """A check-in at ``hour`` UTC on ``day`` (YYYY-MM-DD)."""
    return CheckIn(at=datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC), pain_now=pain, **fields)


def day(entry: AnyEntry) -> str:
    """The calendar day of ``at`` in its own time zone."""
    return entry.at.date().isoformat()


def raw_ids(directory: Path) -> Counter[str]:
    """How many times each entry id appears across all month files, read straight from the JSON.

    Files that are not a readable journal are skipped: the store reports those as problems.
    """
    counts: Counter[str] = Counter()
    for path in month_files(directory):
        try:
            documents = json.loads(path.read_bytes())["entries"].values()
            counts.update(document["id"] for document in documents)
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return counts


def month_files(directory: Path) -> list[Path]:
    """The month files of the folder itself (an older layout's) and of every device's folder, not the
    backups."""
    return sorted([*directory.glob("entries-*.json"), *directory.glob("devices/*/entries-*.json")])


def duplicates(directory: Path) -> list[str]:
    return sorted(entry_id for entry_id, count in raw_ids(directory).items() if count > 1)


def temporaries(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.rglob(f".*{TEMP_SUFFIX}"))


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file's bytes except the lock file, by its path in the folder (the device folders included)."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.name != ".lock" and path.is_file() and not path.is_symlink()
    }


def older_app_month(directory: Path, moment: datetime, part: int = 1) -> Path:
    """Where a backtrainer older than device files kept (a part of) the month of ``moment``: in the journal
    folder itself."""
    return part_path(directory, moment.year, moment.month, part)


def write_as_older_app(directory: Path, entries: Iterable[AnyEntry]) -> list[Path]:
    """Add ``entries`` as a backtrainer older than device files did: to one TinyDB file per month in the
    journal folder itself (documents numbered on from the file's last); returns the files written."""
    ensure_private_dir(directory)
    written: list[Path] = []
    for entry in entries:
        path = older_app_month(directory, entry.at)
        storage = AtomicJSONStorage(path)
        data = storage.read() or {}
        table = data.get(ENTRIES_TABLE, {})
        table[str(max((int(doc_id) for doc_id in table), default=0) + 1)] = entry.model_dump(mode="json")
        storage.write({**data, ENTRIES_TABLE: table})
        written += [] if path in written else [path]
    return written


def settings_as_older_app(directory: Path, **changes: Any) -> None:
    """Change settings as a backtrainer older than device files did: settings.json's one document, with no
    layout document."""
    ensure_private_dir(directory)
    storage = AtomicJSONStorage(directory / "settings.json")
    current = (storage.read() or {}).get(SETTINGS_TABLE, {}).get("1", {})
    settings = Settings.model_validate({**current, **changes})
    storage.write({SETTINGS_TABLE: {"1": settings.model_dump(mode="json")}})


class FailingDisk:
    """Writes the first ``allowed`` files, then reports the disk full (the store's ``write_file`` seam)."""

    def __init__(self, allowed: int) -> None:
        self.allowed = allowed

    def __call__(self, path: Path, payload: bytes) -> None:
        if self.allowed == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.allowed -= 1
        atomic_write(path, payload)
