"""Moving a journal of an older layout into device files (``layout``), and the layout document that says so.

Every journal keeps its month files in ``devices/<device id>/``; those of an older version (the month files
``entries-YYYY-MM[.N].json`` in the journal folder itself, and the sync tools' conflict copies of them)
move there when this version first opens the journal: when the app starts (``migrate``, after its first
paint, on a store of its own) and before any write (``prepare``, which every write calls under the lock).
Reading never moves anything: a read-only command, a read-only medium and a journal a newer app has used
are read where their files are. Under the journal's lock:

1. every month file still in the journal folder itself and every conflict copy of one is read and
   validated; one that cannot be used (damaged, not a regular file) stays where it is, reported as before,
   and a write to its month is refused as it always was; a file from a newer app makes the journal
   read-only, and nothing moves;
2. the usable ones are copied into ``backups/before-device-files-<stamp>-<device>/`` (the bytes as they
   were; a backup that cannot be written whole is removed, and nothing moves);
3. ``settings.json`` gets the layout document of ``DEVICES_VERSION`` (an older app meets a newer version
   and only reads; one that cannot be written leaves the journal as it is, the files are still moved:
   an older app's later writes to the folder itself are moved again at the next write);
4. each month file moves into this device's folder (a rename; merged into this device's file of the same
   name if there is one, the later-recorded version of an id kept), then each conflict copy is merged into
   this device's file of its original (the later-recorded version kept) and removed (its copy is in the
   backup).

A failure (a full disk ...) is a ``JournalWriteError`` that says nothing was lost. A crash or failure
part-way leaves files in both places, and reads merge both (``versions``): nothing is lost or shown
twice, and the next start or write finishes the move. Two devices that each migrate the same synced
files write the same entries (same ids, same times) into their own folders: reads show each once.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from trainer.files import FileReadError, fsync_directory, read_regular_file
from trainer.journal.conflicts import MergeFileError, find_copies, read_copy
from trainer.journal.errors import JournalWriteError
from trainer.journal.folder import SETTINGS_TABLE, _NewerFile
from trainer.journal.layout import DEVICES_MARK, LAYOUT_DOCUMENT, month_parts
from trainer.journal.models import AnyEntry
from trainer.journal.storage import JournalFileError
from trainer.paths import ensure_private_dir

if TYPE_CHECKING:
    from trainer.journal.store import JournalStore

BACKUPS_DIR = "backups"


def pending(store: JournalStore) -> bool:
    """Whether the journal folder itself holds month files or conflict copies of them (an older layout's)."""
    listing = store._listing()
    return bool(month_parts(listing)) or any(not copy.of_settings for copy in find_copies(listing))


def migrate(store: JournalStore) -> Path | None:
    """Move an older layout's files into this device's folder now (``JournalStore.migrate``); returns the
    backup folder, or None when there was nothing to move (or the journal is read-only here)."""
    if not pending(store):
        return None  # (no lock taken, nothing written: a new journal stays as it is until its first write)
    with store._locked():
        store.load_settings()
        return None if store.read_only else prepare(store)


def before_write(store: JournalStore) -> None:
    """Under the lock, before any write: ``prepare``. A failure to move is kept in ``migration_failure``
    (the command line names it after the command) and the write goes on: reads merge both places, so the
    journal is whole either way, and a full disk refuses the write itself with its own message."""
    try:
        prepare(store)
    except JournalWriteError as error:
        store.migration_failure = error
    else:
        store.migration_failure = None


def prepare(store: JournalStore) -> Path | None:
    """Under the lock, before this device writes: move the older layout's files (see the module's notes)
    and make sure the layout document is there. Returns the backup folder if files moved."""
    listing = store._listing()
    movable: dict[Path, list[AnyEntry]] = {}
    for path in month_parts(listing):
        try:
            movable[path] = store._read_month(path)
        except JournalFileError:
            store._try_read_month(path)  # noted as a problem; left where it is
        except _NewerFile:
            continue
    if store.read_only:
        return None  # a newer app's file: this version only reads (the write that called is refused)
    copies: dict[Path, tuple[str, list[AnyEntry]]] = {}
    for copy in find_copies(listing):
        if not copy.of_settings and copy.path != store._merging:
            try:
                copies[copy.path] = (copy.original.name, read_copy(copy.path))
            except MergeFileError:
                continue  # left where it is; reported as a copy, as before
    try:
        if not store._marked:
            store._marked = mark_devices(store)
        ensure_private_dir(store.own_directory)
        if not movable and not copies:
            return None
        backup = back_up(store, [*movable, *copies])
        _move(store, movable, copies)
    except (OSError, JournalWriteError) as error:
        cause = error if isinstance(error, OSError) else error.__cause__
        why = (cause.strerror if isinstance(cause, OSError) else None) or str(cause or error)
        raise JournalWriteError(
            f"could not move the journal's month files into {store.own_directory} ({why}). Nothing was lost: "
            "every entry is read from where it is, and the move is tried again when the app next starts or saves"
        ) from None
    return backup


def _move(
    store: JournalStore, movable: dict[Path, list[AnyEntry]], copies: dict[Path, tuple[str, list[AnyEntry]]]
) -> None:
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
    try:
        for path in paths:
            try:
                store.write_file(folder / path.name, read_regular_file(path, follow_symlinks=False))
            except FileReadError:
                continue  # validated a moment ago; gone meanwhile, so there is nothing to move either
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)  # only copies, and not all of them: not a backup
        raise
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
    storage = store._storage(store.settings_file)  # one write, whole (the settings, if any, kept as read)
    try:
        data = storage.read() or {}
        storage.write({**data, SETTINGS_TABLE: {**data.get(SETTINGS_TABLE, {}), LAYOUT_DOCUMENT: dict(layout)}})
    except (OSError, JournalFileError):
        return False
    return True
