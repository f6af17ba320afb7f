"""Two devices sharing a journal folder, with a sync tool's part played by plain file copies."""

from __future__ import annotations

import shutil
from pathlib import Path

from trainer.journal.layout import DEVICES_DIR, part_key
from trainer.journal.store import JournalStore

NOT_SYNCED = {".lock", "sessions"}
"""What the README says not to sync: the lock, and the checkpoints of the sessions in progress."""


def device_store(folder: Path, device: str) -> JournalStore:
    return JournalStore(folder, device=device)


def sync(source: Path, target: Path, stamp: str = "20261130-120000-ABCDEFG") -> None:
    """What a sync tool does, one way: every file of ``source`` that ``target`` lacks, or holds in an older
    version (its modification time, kept by the copy), is copied over; where both hold a shared file
    (settings.json, a root month file) with other bytes, ``target`` keeps its own and gets ``source``'s as
    a conflict copy beside it. A device's files have one writer, so the newer is always its own latest."""
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if relative.parts[0] in NOT_SYNCED or not path.is_file():
            continue
        there = target / relative
        if there.exists() and there.read_bytes() == path.read_bytes():
            continue
        if there.exists() and relative.parts[0] == DEVICES_DIR and there.stat().st_mtime_ns >= path.stat().st_mtime_ns:
            continue  # the target's copy is the later one: it goes the other way
        there.parent.mkdir(parents=True, exist_ok=True)
        shared = relative.parts[0] != DEVICES_DIR and (relative.name == "settings.json" or part_key(path))
        if there.exists() and shared:
            there = there.with_name(f"{there.stem}.sync-conflict-{stamp}{there.suffix}")
        shutil.copy2(path, there)


def sync_both_ways(first: Path, second: Path) -> None:
    sync(first, second)
    sync(second, first)
