"""The journal store: the one way in and out of the person's journal.

Layout of the journal folder (private, 0700):

- ``devices/<device id>/entries-YYYY-MM.json``: every journal's month files,
  one TinyDB file per calendar month of ``at`` and device (``device``), so a
  write costs the same with ten years of history as with one month, and a
  sync tool never sees two writers of one file; a month past
  ``layout.PART_BYTES`` goes on in parts (``layout``), so a write costs the
  same in a month of thousands of entries. An edit writes a new version in
  this device's files, a delete a deletion; reads merge every device's files
  (``versions``). An older version's month files, in the folder itself, are
  read where they are and move into this device's folder on first open
  (``migrate``, which the app calls once it shows) or before the first write,
  a copy kept in ``backups/`` (``migration``);
- ``settings.json``: a TinyDB file with the settings document (shared by
  every device) and the layout document (version 3: device files);
- ``.lock``: the cross-process lock held around every read-modify-write;
- ``sessions/``: a checkpoint and a lock per running session (``checkpoints``).

Every write happens under the lock and re-reads the file it changes, so two
running copies (two SSH logins, the app and a shell ``log``) never lose each
other's entries. A file that cannot be read is reported, never written to,
and can be set aside under a clear name so a fresh one starts beside it.
A file written by a newer version of the app turns the store read-only.
Files are read only if they are regular files (``trainer.files``): a FIFO, a
device, a folder or a symbolic link in place of one is reported, never read
or replaced. Copies that sync tools leave beside a month file are reported
and merged on request (``conflicts``). Every fault of the files is a
``JournalError`` (``errors``) with a message that says what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB

from trainer.files import FileReadError, read_regular_file
from trainer.journal import checkpoints, conflicts, importing, migration
from trainer.journal.base import Deletion
from trainer.journal.errors import (
    JournalBusyError,
    JournalError,
    JournalLockError,
    JournalProblem,
    JournalReadOnlyError,
    JournalUnreadableError,
    JournalWriteError,
)
from trainer.journal.folder import ENTRIES_TABLE, _NewerFile, month_key
from trainer.journal.layout import DELETED_TABLE
from trainer.journal.models import AnyEntry, utc_now
from trainer.journal.settings_file import SettingsFile
from trainer.journal.storage import JournalFileError

__all__ = [
    "JournalBusyError",
    "JournalError",
    "JournalLockError",
    "JournalProblem",
    "JournalReadOnlyError",
    "JournalStore",
    "JournalUnreadableError",
    "JournalWriteError",
    "month_key",
]


class JournalStore(SettingsFile):
    """The journal: entries, settings, sessions in progress, and copies left by sync tools."""

    # --- problems ------------------------------------------------------------

    def check_every_file(self) -> list[JournalProblem]:
        """Read every file of the journal and return the problems found.

        Reads stay cheap by touching only the months they need, so a damaged or
        newer file from years ago is otherwise never seen. This reads it all: for
        a long history, run it in the background (on a store of its own) and hand
        the result to ``adopt_problems``.
        """
        self.load_settings()
        for path in self.month_files():
            self._try_read_month(path)
        self.every_file_checked = True
        return self.problems

    def adopt_problems(self, problems: Iterable[JournalProblem]) -> None:
        """Take the result of ``check_every_file`` run by another store on the same folder."""
        for problem in problems:
            self._note(problem)
        self.every_file_checked = True

    # --- writing -------------------------------------------------------------

    def _writable(self, path: Path) -> list[AnyEntry]:
        """Check, under the lock, that ``path`` may be written; return its entries."""
        self._refuse_if_newer()
        try:
            entries = self._read_month(path)
        except JournalFileError as error:
            raise JournalUnreadableError(self._note(JournalProblem(error.path, error.reason))) from None
        except _NewerFile:
            raise JournalReadOnlyError(str(self._problems[path])) from None
        self._problems.pop(path, None)
        return entries

    def _refuse_if_newer(self) -> None:
        """Refuse writes to a journal a newer backtrainer has used.

        settings.json carries the journal's version, so this holds even for a
        store that has not read the other files yet (a shell ``log``). Under the lock it is done once per
        hold (``_write_checked``), however many files the write touches.
        """
        if self._write_checked and self._lock.held:
            return
        self.load_settings()
        if self.read_only:
            raise JournalReadOnlyError(
                "this journal was written by a newer version of backtrainer, so this version only reads it: "
                + "; ".join(str(problem) for problem in self._problems.values() if problem.newer)
            )
        migration.before_write(self)
        self._write_checked = self._lock.held

    @contextmanager
    def _table(self, path: Path) -> Iterator[Any]:
        database = TinyDB(path, storage=self._storage)
        try:
            yield database.table(ENTRIES_TABLE)
        except OSError as error:
            raise JournalWriteError(
                f"could not save to {path} ({error.strerror or error}); the journal is unchanged"
            ) from error
        finally:
            database.close()

    @staticmethod
    def _document(entry: AnyEntry) -> dict[str, Any]:
        return entry.model_dump(mode="json")

    def _target_part(self, moment: datetime) -> Path:
        """Under the lock: this device's part a new entry dated ``moment`` goes to (``layout``). A month
        file of the older layout that is still in the journal folder (it could not be moved: damaged, or
        not a regular file) refuses the write, as it always did."""
        self._refuse_if_newer()
        for legacy in self.legacy_parts(moment):
            self._writable(legacy)
        target = self.part_for_writing(moment)
        parts = self.month_parts(moment)
        if parts and target != parts[-1]:
            self._writable(parts[-1])  # a damaged month is refused, as it always was (this once a full part)
        return target

    def _part_holding(self, entry_id: str, moment: datetime) -> Path | None:
        """Under the lock: this device's part of the month of ``moment`` that holds the entry (every part
        is checked to be writable, as the month's one file always was)."""
        self._refuse_if_newer()
        holder = None
        for path in [*self.legacy_parts(moment), *self.month_parts(moment)]:
            if any(entry.id == entry_id for entry in self._writable(path)) and holder is None:
                holder = path if path.parent == self.own_directory else None
        return holder

    def _visible(self, entry: AnyEntry) -> AnyEntry | None:
        """The version of ``entry`` the journal shows now (any device's), or None if it is gone."""
        return next((known for known in self.month_entries(entry.at) if known.id == entry.id), None)

    def _later_than(self, shown: AnyEntry | None) -> datetime:
        """Now, or just after the version changed if this device's clock is behind the one that wrote it:
        a change always wins over the version it changes (``versions``)."""
        now = utc_now()
        return now if shown is None or now > shown.recorded else shown.recorded + timedelta(microseconds=1)

    def add(self, entry: AnyEntry) -> AnyEntry:
        """Write a new entry; adding an entry whose id is already there changes nothing.

        Only the part written is read and validated; the month's other parts are only scanned for the id.
        """
        with self._locked():
            path = self._target_part(entry.at)
            existing = self._writable(path)
            if any(known.id == entry.id for known in existing):
                return entry
            mentioning = self._files_mentioning(entry.id, {path, *self.sources_of(entry.at)})
            if any(known.id == entry.id for part in mentioning - {path} for known in self._try_read_month(part)):
                return entry
            deleted_here = {part for part in mentioning if self._deletes_here(part, entry.id)}
            for part in sorted(deleted_here - {path}):  # this device deleted it: an undo, or an import
                self._rewrite_month(part, [], undelete={entry.id})
            if path in deleted_here:
                self._rewrite_month(path, [entry], undelete={entry.id})
                return entry
            with self._table(path) as table:
                table.insert(self._document(entry))
        return entry

    def _deletes_here(self, path: Path, entry_id: str) -> bool:
        """Whether ``path`` is this device's and records ``entry_id`` as deleted."""
        return path.parent == self.own_directory and entry_id in self._try_read_versions(path)[1]

    def update(self, old: AnyEntry, new: AnyEntry) -> AnyEntry:
        """Replace ``old`` by ``new`` (same id); moves it if its month changed."""
        if old.id != new.id or old.kind != new.kind:
            raise ValueError("an edit keeps the entry's id and kind")
        same_id = Query().id == old.id
        with self._locked():
            source = self._part_holding(old.id, old.at)
            shown = self._visible(old)
            if shown is None:
                raise JournalError(
                    "this entry is no longer in the journal (was it deleted in another window?); nothing was changed"
                )
            new = new.model_copy(update={"recorded": self._later_than(shown)})
            same_month = (old.at.year, old.at.month) == (new.at.year, new.at.month)
            if source is not None and same_month:
                target = source
                with self._table(source) as table:
                    table.update(self._document(new), same_id)
            elif source is not None:
                target = self._target_part(new.at)
                self._move(source, target, new)
            else:  # another device's entry: this device's version of it, in its own file
                target = self._target_part(new.at)
                self._writable(target)
                self._rewrite_month(target, [new])
                if not same_month:  # the old month, read alone, no longer shows it
                    self._record_deletion(old.at, new.id, new.recorded)
            self._remove_stray_copies(new.id, keep=target)
        return new

    def _record_deletion(self, moment: datetime, entry_id: str, when: datetime, unchanged: str = "that file") -> None:
        """Write a deletion of ``entry_id`` into this device's part of the month of ``moment`` (``unchanged``:
        what a failure leaves as it was)."""
        holder = self._part_holding(entry_id, moment)
        path = holder or self._target_part(moment)
        self._writable(path)
        self._rewrite_month(path, [], {entry_id}, {entry_id: when}, unchanged)

    def _move(self, source: Path, target: Path, new: AnyEntry) -> None:
        """Write the new copy first (a crash leaves two copies, never none), then remove the old."""
        same_id = Query().id == new.id
        already_there = any(entry.id == new.id for entry in self._writable(target))  # a retried move
        with self._table(target) as table:
            if already_there:
                table.update(self._document(new), same_id)
            else:
                table.insert(self._document(new))
        try:
            self._rewrite_month(source, [], {new.id}, {new.id: new.recorded})  # the old month, read alone
        except JournalWriteError:
            try:
                with self._table(target) as table:
                    table.remove(same_id)  # undo: the journal is as it was
            except JournalWriteError:
                raise JournalWriteError(
                    f"the change was saved, but the old copy could not be removed from {source} "
                    "(the app shows the new one; deleting the entry removes both)"
                ) from None
            raise

    def _files_mentioning(self, entry_id: str, paths: Iterable[Path] | None = None) -> set[Path]:
        """Month files (of ``paths``, or all) whose bytes contain the id: a scan of raw bytes, cheap even
        for years of history."""
        needle = entry_id.encode("ascii")
        found = set()
        for path in self.own_files() if paths is None else paths:
            try:
                if needle in read_regular_file(path, follow_symlinks=False):
                    found.add(path)
            except FileReadError:
                continue  # an unreadable file is reported by the reads, and never written
        return found

    def _remove_stray_copies(self, entry_id: str, keep: Path | None) -> None:
        """Remove copies an interrupted move left in other months, whether or not this store has read them."""
        for path in sorted(self._files_mentioning(entry_id) - {keep}):
            try:
                holds_it = any(entry.id == entry_id for entry in self._writable(path))
            except JournalUnreadableError:
                continue  # reported by the reads; its copy is not shown, and the file is never written
            if not holds_it:
                continue  # the id is only mentioned (in a note, say): nothing to remove
            with self._table(path) as table:
                table.remove(Query().id == entry_id)

    def delete(self, entry: AnyEntry) -> None:
        """Remove the entry (and any copy an interrupted move left in another month), and record the
        deletion so that it reaches the other devices (``versions``)."""
        with self._locked():
            self._part_holding(entry.id, entry.at)
            self._record_deletion(entry.at, entry.id, self._later_than(self._visible(entry)), "the journal")
            self._remove_stray_copies(entry.id, keep=None)

    def import_entries(self, entries: Iterable[AnyEntry]) -> tuple[int, int]:
        """Add entries not already present (by id); returns (added, already there) (``importing``)."""
        return importing.import_entries(self, entries)

    def migrate(self) -> Path | None:
        """Move the month files of an older version into this device's folder, a backup kept (``migration``:
        the app calls this once it has started; every write does it first). Returns the backup folder, or
        None if nothing moved; a journal that is read-only here is never moved. Raises JournalWriteError
        (nothing lost) if the files cannot be moved."""
        return migration.migrate(self)

    def set_aside(self, path: Path, now: Callable[[], datetime] = utc_now) -> Path:
        """Rename an unreadable file so a fresh one can start; returns the new name (never overwrites)."""
        with self._locked():
            kept = self._rename_aside(path, "unreadable", now)
            self._problems.pop(path, None)
        return kept

    # --- sessions in progress (checkpoints) and copies left by sync tools (conflicts) ---------

    def open_session(self, session_id: str | None = None) -> checkpoints.RunningSession:
        """A session starting now; its id (new if not given) is the id of its checkpoints and its record."""
        return checkpoints.open_session(self, session_id)

    def unfinished_sessions(self) -> list[checkpoints.OrphanedSession]:
        """Sessions whose app is gone before they finished, each locked for this store until decided."""
        return checkpoints.unfinished_sessions(self)

    def conflict_copies(self) -> list[conflicts.ConflictCopy]:
        """Copies of month files or settings that a sync tool left in the journal folder."""
        return conflicts.find_copies(self._listing())

    def merge(self, path: Path, now: Callable[[], datetime] = utc_now) -> conflicts.MergeResult:
        """Bring the entries of a copy of a month file into the journal (``conflicts.merge_copy``)."""
        return conflicts.merge_copy(self, path, now)

    def _rewrite_month(
        self,
        path: Path,
        put: Sequence[AnyEntry],
        remove: Collection[str] = (),
        deleted: dict[str, datetime] | None = None,
        unchanged: str = "that file",
        undelete: Collection[str] = (),
    ) -> None:
        """One write of a month file: entries with ids in ``remove`` go, ``put`` replaces or joins the rest;
        ``deleted`` are recorded as deletions (``versions``), one per id; those of ``undelete`` go."""
        storage = self._storage(path)
        data = storage.read() or {}
        table = data.get(ENTRIES_TABLE, {})
        gone = set(remove) | {entry.id for entry in put}
        kept = {doc_id: document for doc_id, document in table.items() if document.get("id") not in gone}
        next_id = max((int(doc_id) for doc_id in table if doc_id.isdigit()), default=0) + 1
        for number, entry in enumerate(put, start=next_id):
            kept[str(number)] = self._document(entry)
        tables = {**data, ENTRIES_TABLE: kept}
        if deleted or undelete:
            deletions = {
                doc_id: document
                for doc_id, document in data.get(DELETED_TABLE, {}).items()
                if document.get("id") not in {*(deleted or ()), *undelete}
            }
            next_id = max((int(doc_id) for doc_id in data.get(DELETED_TABLE, {}) if doc_id.isdigit()), default=0) + 1
            for number, (entry_id, when) in enumerate(sorted((deleted or {}).items()), start=next_id):
                deletions[str(number)] = Deletion(id=entry_id, recorded=when).model_dump(mode="json")
            tables[DELETED_TABLE] = deletions
        try:
            storage.write(tables)
        except OSError as error:
            raise JournalWriteError(
                f"could not save to {path} ({error.strerror or error}); {unchanged} is unchanged"
            ) from error
