"""Moving a journal of an older layout into device files (``layout``), and the layout document that says so.

Before this device first writes, under the journal's lock (``prepare``):

1. every month file still in the journal folder itself (the older layouts' ``entries-YYYY-MM[.N].json``)
   and every sync tool's conflict copy of one is read and validated; one that cannot be used (damaged, not
   a regular file, from a newer app) stays where it is, reported as before, and a write to its month is
   refused as it always was;
2. the usable ones are copied into ``backups/before-device-files-<stamp>-<device>/`` (the bytes as they
   were);
3. ``settings.json`` gets the layout document of ``DEVICES_VERSION`` (an older app meets a newer version
   and only reads; one that cannot be written leaves the journal as it is, the files are still moved:
   an older app's later writes to the folder itself are moved again at the next write);
4. each month file moves into this device's folder (a rename; merged into this device's file of the same
   name if there is one, the later-recorded version of an id kept), then each conflict copy is merged into
   this device's file of its original (the later-recorded version kept) and removed (its copy is in the
   backup).

A crash part-way leaves files in both places, and reads merge both (``versions``): nothing is lost or
shown twice, and the next write goes on. Two devices that each migrate the same synced files write the
same entries (same ids, same times) into their own folders: reads show each once.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tinydb import TinyDB
from tinydb.table import Document

from trainer.files import FileReadError, fsync_directory, read_regular_file
from trainer.journal.conflicts import MergeFileError, find_copies, read_copy
from trainer.journal.folder import SETTINGS_TABLE, _NewerFile
from trainer.journal.layout import DEVICES_MARK, LAYOUT_DOCUMENT, month_parts
from trainer.journal.models import AnyEntry
from trainer.journal.storage import JournalFileError, atomic_write
from trainer.paths import ensure_private_dir

if TYPE_CHECKING:
    from trainer.journal.store import JournalStore

BACKUPS_DIR = "backups"


def prepare(store: JournalStore) -> None:
    """Under the lock, before this device writes in a journal of device files (``JournalFolder.devices``):
    move the older layout's files (see the module's notes) and make sure the layout document is there."""
    if not store.devices:
        return
    listing = store._listing()
    movable: dict[Path, list[AnyEntry]] = {}
    for path in month_parts(listing):
        try:
            movable[path] = store._read_month(path)
        except JournalFileError:
            store._try_read_month(path)  # noted as a problem; left where it is
        except _NewerFile:
            continue
    copies: dict[Path, tuple[str, list[AnyEntry]]] = {}
    for copy in find_copies(listing):
        if not copy.of_settings and copy.path != store._merging:
            try:
                copies[copy.path] = (copy.original.name, read_copy(copy.path))
            except MergeFileError:
                continue  # left where it is; reported as a copy, as before
    if not store._marked:
        store._marked = mark_devices(store)
    ensure_private_dir(store.own_directory)
    if not movable and not copies:
        return
    back_up(store, [*movable, *copies])
    own = store.own_directory
    for path, entries in movable.items():
        target = own / path.name
        if not target.exists():
            path.rename(target)
        else:
            store._rewrite_month(target, _newer(store, target, entries))
            path.unlink()
    for path, (original, entries) in copies.items():
        target = own / original
        store._rewrite_month(target, _newer(store, target, entries))
        path.unlink()
    fsync_directory(own)
    fsync_directory(store.directory)


def _newer(store: JournalStore, target: Path, entries: list[AnyEntry]) -> list[AnyEntry]:
    """Those of ``entries`` that ``target`` does not hold as recorded or later."""
    held = {entry.id: entry.recorded for entry in store._read_month(target)}
    chosen: dict[str, AnyEntry] = {}
    for entry in entries:
        if entry.id in held and held[entry.id] >= entry.recorded:
            continue
        if entry.id not in chosen or entry.recorded > chosen[entry.id].recorded:
            chosen[entry.id] = entry
    return list(chosen.values())


def back_up(store: JournalStore, paths: list[Path], now: datetime | None = None) -> Path:
    """Copy ``paths`` (their bytes) into a new folder under ``backups/``; returns the folder."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S")
    folder = store.directory / BACKUPS_DIR / f"before-device-files-{stamp}-{store.device}"
    number = 1
    while folder.exists():
        number += 1
        folder = folder.with_name(f"before-device-files-{stamp}-{store.device}-{number}")
    ensure_private_dir(folder)
    for path in paths:
        try:
            atomic_write(folder / path.name, read_regular_file(path, follow_symlinks=False))
        except FileReadError:
            continue  # validated a moment ago; gone meanwhile, so there is nothing to move either
    return folder


def mark_devices(store: JournalStore) -> bool:
    """Make sure settings.json holds the layout document of device files; False if it cannot be written."""
    return mark(store, DEVICES_MARK)


def mark(store: JournalStore, layout: dict[str, object]) -> bool:
    """Make sure settings.json holds a layout document of ``layout``'s version or later (``layout``); False
    if it cannot be written."""
    try:
        documents = store._read_documents(store.settings_file, SETTINGS_TABLE)
    except (JournalFileError, _NewerFile):
        return False
    version = documents.get(LAYOUT_DOCUMENT, {}).get("schema_version")
    if isinstance(version, int) and version >= layout["schema_version"]:  # type: ignore[operator]
        return True
    database = TinyDB(store.settings_file, storage=store._storage)
    try:
        database.table(SETTINGS_TABLE).upsert(Document(layout, doc_id=int(LAYOUT_DOCUMENT)))
    except OSError:
        return False
    finally:
        database.close()
    return True
