"""Looking at a journal folder from outside the store (a plain module: import it).

The reliability tests check what is really on disk, not only what the store
says: raw ids (duplicates kept), exact bytes, leftover temporary files.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from trainer.journal.models import AnyEntry, CheckIn
from trainer.journal.storage import TEMP_SUFFIX


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
