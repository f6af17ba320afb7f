"""The journal folder: where each file lives, the cross-process lock, and reading the files.

This device's month files are in ``devices/<device id>/`` (``own_directory``, the only ones it writes);
the month files of every device, and an older version's in the folder itself (until ``migration`` moves
them), are read (``month_files``). ``JournalStore`` (store.py) builds the journal's API on this. Reading notes
each file found unusable as a ``JournalProblem`` rather than failing; only a
folder that cannot be listed or a lock that cannot be taken is an error.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from trainer.files import FileReadError, MissingFileError, read_regular_file
from trainer.journal.base import Deletion
from trainer.journal.counts import EntryCounts
from trainer.journal.errors import JournalBusyError, JournalError, JournalProblem, JournalWriteError, lock_error
from trainer.journal.layout import (
    DELETED_TABLE,
    DEVICE_ID,
    DEVICES_DIR,
    DEVICES_VERSION,
    LAYOUT_DOCUMENT,
    PART_BYTES,
    month_parts,
    part_for_writing,
    part_path,
    parts_of,
    source_key,
    sources,
)
from trainer.journal.limits import explain
from trainer.journal.models import JOURNAL_SCHEMA_VERSION, AnyEntry, Entry
from trainer.journal.os_lock import LockTimeout, WaitingLock
from trainer.journal.storage import (
    TEMP_SUFFIX,
    AtomicJSONStorage,
    JournalFileError,
    WriteFile,
    atomic_write,
    parse_json_object,
    read_json_object,
)
from trainer.paths import ensure_private_dir

SESSIONS_DIR = "sessions"
"""Checkpoints and locks of the sessions in progress (``checkpoints``)."""

ENTRIES_TABLE = "entries"
SETTINGS_TABLE = "settings"
SETTINGS_FILE = "settings.json"
LOCK_TIMEOUT = 10.0

ENTRY = TypeAdapter(Entry, config=ConfigDict(defer_build=True))
"""Built at its first use (``defer_build``), so a command that reads no entry does not pay for it."""
DELETION = TypeAdapter(Deletion)


class MonthContent(BaseModel):
    """A month file as TinyDB writes it: table name -> document id -> entry (or deletion)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    entries: dict[str, Entry] = {}
    deleted: dict[str, Deletion] = {}


Versions = tuple[list[AnyEntry], dict[str, datetime]]
"""What a month file holds: its entries, and the ids it records as deleted, with when (``versions``)."""


def month_key(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


class JournalFolder:
    """The journal's folder: where each file is, the lock, and reading the files (with their problems)."""

    def __init__(
        self,
        directory: Path,
        *,
        lock_timeout: float = LOCK_TIMEOUT,
        write_file: WriteFile = atomic_write,
        part_bytes: int = PART_BYTES,
        device: str | None = None,
        counts_cache: Path | None = None,
    ) -> None:
        self.directory = directory
        self._device = device
        self.counts = EntryCounts(directory, counts_cache)
        """How many entries each month file holds, kept in ``counts_cache`` between runs (``counts``)."""
        self.part_bytes = part_bytes
        """From this size a month's part takes no new entries (``layout``); tests pass a small one."""
        self.lock_timeout = lock_timeout
        self.write_file = write_file
        """How each file's new bytes reach the disk (whole, atomically); tests pass one that fails."""
        self._problems: dict[Path, JournalProblem] = {}
        self.every_file_checked = False
        """Whether ``check_every_file`` has run (here, or on another store whose problems were adopted)."""
        self._marked = False
        """Whether settings.json is known to hold the layout document of device files (``migration``)."""
        self.migration_failure: JournalWriteError | None = None
        """Why the last write could not first move an older layout's files (``migration``), if it could not."""
        self._write_checked = False
        """Whether this hold of the lock has checked that the journal may be written (``_refuse_if_newer``):
        nothing else writes while it is held, so the check (settings.json read, older files moved) is done
        once per hold, not once per file a write touches."""
        self._merging: Path | None = None
        """A conflict copy being merged by hand, which ``migration`` leaves to that merge."""
        # One lock object per store: it is re-entrant, so a locked method may call another.
        self._lock = WaitingLock(directory / ".lock", timeout=lock_timeout)

    # --- files and locking -------------------------------------------------

    @property
    def device(self) -> str:
        """This device's id (``journal.device``), found on first use."""
        if self._device is None:
            from trainer.journal.device import device_id

            self._device = device_id(self.directory)
        return self._device

    @property
    def own_directory(self) -> Path:
        """The folder of this device's own files, ``devices/<device id>/``: the only month files it writes
        (``layout``)."""
        return self.directory / DEVICES_DIR / self.device

    def month_file(self, moment: datetime) -> Path:
        """This device's first (often only) part of the month of ``moment`` (``layout``)."""
        return part_path(self.own_directory, moment.year, moment.month)

    def month_parts(self, moment: datetime) -> list[Path]:
        """This device's parts of the month of ``moment`` that exist, in order."""
        return parts_of(self._own_listing(), moment.year, moment.month)

    def own_files(self) -> list[Path]:
        """This device's month files (each part), oldest first."""
        return month_parts(self._own_listing())

    def legacy_parts(self, moment: datetime) -> list[Path]:
        """The parts of the month of ``moment`` still in the journal folder itself (an older layout's: not
        moved yet, or not movable, ``migration``)."""
        return parts_of(self._listing(), moment.year, moment.month)

    def sources_of(self, moment: datetime) -> list[Path]:
        """Every file that holds entries of the month of ``moment``: each device's, and the older layout's."""
        return [
            path for path in self.month_files() if (source_key(path) or (0, 0, 0))[:2] == (moment.year, moment.month)
        ]

    def part_for_writing(self, moment: datetime) -> Path:
        """The part a new entry dated ``moment`` goes to (call it under the lock): the month's last part,
        or a new one when the last is full (``part_bytes``)."""
        parts = self.month_parts(moment)
        try:
            size = parts[-1].lstat().st_size if parts else None
        except OSError:
            size = None  # gone meanwhile, or not reachable: its reading reports it
        return part_for_writing(self.own_directory, moment.year, moment.month, parts, size, self.part_bytes)

    @property
    def settings_file(self) -> Path:
        return self.directory / SETTINGS_FILE

    def month_files(self) -> list[Path]:
        """Every month file (each part of a month) of every device, and of the older layout in the journal
        folder itself, oldest month first; a device's conflict copies count as its files (``layout``)."""
        return sources([*month_parts(self._listing()), *self._device_files()])

    def _device_files(self) -> list[Path]:
        """The files in every device's folder (``layout``); a device folder that cannot be listed is noted."""
        found: list[Path] = []
        devices = self.directory / DEVICES_DIR
        try:
            folders = [folder for folder in devices.iterdir() if DEVICE_ID.fullmatch(folder.name)]
        except FileNotFoundError:
            return found
        except OSError as error:
            self._note(JournalProblem(devices, f"cannot be listed ({error.strerror or error})"))
            return found
        for folder in sorted(folders):
            try:
                if stat.S_ISDIR(folder.lstat().st_mode):
                    found += folder.iterdir()
            except OSError as error:
                self._note(JournalProblem(folder, f"cannot be listed ({error.strerror or error})"))
        return found

    def _own_listing(self) -> list[Path]:
        try:
            return list(self.own_directory.iterdir())
        except FileNotFoundError:
            return []
        except OSError as error:
            raise JournalError(
                f"cannot read this device's journal folder {self.own_directory} ({error.strerror or error}); "
                "check that it is yours and that you may open it"
            ) from None

    def _listing(self) -> list[Path]:
        """Everything in the journal folder (nothing if there is no folder yet)."""
        try:
            if not self.directory.is_dir():
                if self.directory.exists():
                    self._note(JournalProblem(self.directory, "this should be the journal folder, but it is a file"))
                return []
            return list(self.directory.iterdir())
        except OSError as error:
            raise JournalError(
                f"cannot read the journal folder {self.directory} ({error.strerror or error}); "
                "check that it is yours and that you may open it"
            ) from None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            ensure_private_dir(self.directory)
        except OSError as error:
            raise JournalWriteError(
                f"cannot create or use the journal folder {self.directory} ({error.strerror or error})"
            ) from None
        try:
            self._lock.acquire()
        except LockTimeout:
            raise JournalBusyError(
                f"another backtrainer has been writing the journal in {self.directory} for over "
                f"{self.lock_timeout:g} s; try again"
            ) from None
        except OSError as error:  # a lock file left by another user, a folder in its place ...
            raise lock_error(self._lock.path, error) from None
        try:
            if self._lock.count == 1:  # the outermost hold (a locked method may call another)
                self._write_checked = False
                self._remove_stale_temporaries()
            yield
        finally:
            self._lock.release()

    def _remove_stale_temporaries(self) -> None:
        """Temporary files left by a writer that was killed (only writers create them, under the lock)."""
        for folder in dict.fromkeys((self.directory, self.directory / SESSIONS_DIR, self.own_directory)):
            try:
                leftovers = [path for path in folder.glob(f".*{TEMP_SUFFIX}") if stat.S_ISREG(path.lstat().st_mode)]
                for leftover in leftovers:
                    leftover.unlink(missing_ok=True)
            except FileNotFoundError:
                continue
            except OSError as error:
                name = getattr(error, "filename", None) or folder
                raise JournalWriteError(
                    f"cannot remove the temporary file {name} left by an interrupted save "
                    f"({error.strerror or error}); nothing was changed. Remove it by hand and try again"
                ) from None

    # --- problems ------------------------------------------------------------

    @property
    def problems(self) -> list[JournalProblem]:
        """Files found unusable by the reads so far."""
        return sorted(self._problems.values(), key=lambda problem: problem.path)

    @property
    def read_only(self) -> bool:
        return any(problem.newer for problem in self._problems.values())

    def _note(self, problem: JournalProblem) -> JournalProblem:
        self._problems[problem.path] = problem
        return problem

    # --- reading -------------------------------------------------------------

    def _read_documents(self, path: Path, table: str) -> dict[str, dict[str, Any]]:
        """The raw documents of ``table``; raises JournalFileError / newer-version problems."""
        return self._documents(path, read_json_object(path) or {}, table)

    def _documents(self, path: Path, data: dict[str, Any], table: str) -> dict[str, dict[str, Any]]:
        documents: dict[str, dict[str, Any]] = data.get(table, {})
        for doc_id, document in documents.items():
            if not isinstance(document, dict):
                raise JournalFileError(path, f"document {doc_id} in {table!r} is not a JSON object")
            version = document.get("schema_version")
            known = DEVICES_VERSION if doc_id == LAYOUT_DOCUMENT and table == SETTINGS_TABLE else JOURNAL_SCHEMA_VERSION
            if isinstance(version, int) and version > known:
                self._note(
                    JournalProblem(
                        path,
                        f"written by a newer backtrainer (journal version {version}; this one knows "
                        f"{known}); the journal is read-only here",
                        newer=True,
                    )
                )
                raise _NewerFile(path)
        return documents

    def _read_month(self, path: Path) -> list[AnyEntry]:
        """Validated entries of one month file (raises JournalFileError or _NewerFile)."""
        return self._read_versions(path)[0]

    def _read_versions(self, path: Path) -> Versions:
        """Validated entries and deletions of one month file (raises JournalFileError or _NewerFile)."""
        try:
            raw = read_regular_file(path, follow_symlinks=False)
        except MissingFileError:
            return [], {}
        except FileReadError as error:
            raise JournalFileError(path, f"cannot be read: {error.reason}") from None
        try:
            # Fast path: parse and validate in one go (pydantic-core); anything unusual
            # (bad JSON, a wrong or newer document) is looked at below for a precise message.
            content = MonthContent.model_validate_json(raw)
            return list(content.entries.values()), {gone.id: gone.recorded for gone in content.deleted.values()}
        except ValidationError:
            pass
        data = parse_json_object(path, raw)
        entries = []
        for doc_id, document in self._documents(path, data, ENTRIES_TABLE).items():
            try:
                entries.append(ENTRY.validate_python(document))
            except ValidationError as error:
                first = error.errors(include_url=False)[0]
                where = ".".join(str(part) for part in first["loc"])
                raise JournalFileError(
                    path, f"entry {doc_id} does not match the journal format ({where}: {explain(first)})"
                ) from error
        deletions: dict[str, datetime] = {}
        for doc_id, document in self._documents(path, data, DELETED_TABLE).items():
            try:
                gone = DELETION.validate_python(document)
            except ValidationError as error:
                first = error.errors(include_url=False)[0]
                raise JournalFileError(
                    path, f"deletion {doc_id} does not match the journal format ({explain(first)})"
                ) from error
            deletions[gone.id] = max(gone.recorded, deletions.get(gone.id, gone.recorded))
        return entries, deletions

    def _try_read_month(self, path: Path) -> list[AnyEntry]:
        return self._try_read_versions(path)[0]

    def _try_read_versions(self, path: Path) -> Versions:
        try:
            versions = self._read_versions(path)
        except JournalFileError as error:
            self._note(JournalProblem(error.path, error.reason))
            return [], {}
        except _NewerFile:
            return [], {}
        self._problems.pop(path, None)
        return versions

    def _storage(self, path: Path) -> AtomicJSONStorage:
        return AtomicJSONStorage(path, self.write_file)

    def _rename_aside(self, path: Path, label: str, now: Callable[[], datetime]) -> Path:
        """Rename ``path`` to ``<stem>.<label>-<stamp><suffix>.bak`` beside it (never over another file)."""
        stamp = now().strftime("%Y%m%dT%H%M%S")
        kept = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}.bak")
        copy = 1
        try:
            while os.path.lexists(kept):
                copy += 1
                kept = path.with_name(f"{path.stem}.{label}-{stamp}-{copy}{path.suffix}.bak")
            path.rename(kept)
        except OSError as error:
            raise JournalWriteError(
                f"could not rename {path} to {kept.name} ({error.strerror or error}); nothing was changed"
            ) from None
        return kept


class _NewerFile(Exception):
    """Internal: a file from a newer app version was met (already noted as a problem)."""

    def __init__(self, path: Path) -> None:
        self.path = path
