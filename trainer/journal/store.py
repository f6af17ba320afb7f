"""The journal store: the one way in and out of the person's journal.

Layout of the journal folder (private, 0700):

- ``entries-YYYY-MM.json``: one TinyDB file per calendar month of ``at``,
  so a write costs the same with ten years of history as with one month;
- ``settings.json``: a TinyDB file with the settings document;
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

from pydantic import ValidationError
from tinydb import Query, TinyDB
from tinydb.table import Document

from trainer.files import FileReadError, read_regular_file
from trainer.journal import checkpoints, conflicts
from trainer.journal.errors import (
    JournalBusyError,
    JournalError,
    JournalLockError,
    JournalProblem,
    JournalReadOnlyError,
    JournalUnreadableError,
    JournalWriteError,
)
from trainer.journal.folder import (
    ENTRIES_TABLE,
    MONTH_FILE,
    SETTINGS_TABLE,
    JournalFolder,
    _NewerFile,
    month_key,
)
from trainer.journal.limits import SettingsError, explain, settings_error_text
from trainer.journal.models import AnyEntry, EntryKind, Settings, utc_now
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


def _month_of(moment: datetime) -> tuple[int, int]:
    return moment.year, moment.month


ZONE_SLACK = timedelta(days=2)


class JournalStore(JournalFolder):
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

    # --- reading -------------------------------------------------------------

    def entries(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        kinds: Iterable[EntryKind] | None = None,
    ) -> list[AnyEntry]:
        """Entries with ``since <= at <= until``, newest first.

        Only the month files that can hold such entries are read. Unreadable
        files are skipped and listed in ``problems``.
        """
        return self._entries_of(self.month_files(), since, until, kinds)

    def _entries_of(
        self,
        paths: Iterable[Path],
        since: datetime | None,
        until: datetime | None,
        kinds: Iterable[EntryKind] | None = None,
        already_read: dict[Path, list[AnyEntry]] | None = None,
    ) -> list[AnyEntry]:
        """``entries`` from these month files; ``already_read`` spares reading a file twice."""
        wanted = set(kinds) if kinds is not None else None
        found: dict[str, AnyEntry] = {}
        # Files are named by the month of ``at`` in its own time zone: widen by a
        # couple of days so an entry near a month's edge in another zone is not missed.
        first = _month_of(since - ZONE_SLACK) if since is not None and since.year > 1 else None
        last = _month_of(until + ZONE_SLACK) if until is not None and until.year < 9999 else None
        for path in paths:
            year, month = (int(part) for part in MONTH_FILE.match(path.name).groups())  # type: ignore[union-attr]
            if (first is not None and (year, month) < first) or (last is not None and (year, month) > last):
                continue
            read = (already_read or {}).get(path)
            for entry in read if read is not None else self._try_read_month(path):
                if since is not None and entry.at < since:
                    continue
                if until is not None and entry.at > until:
                    continue
                if wanted is not None and entry.kind not in wanted:
                    continue
                known = found.get(entry.id)  # two copies: a move was interrupted; the newer one counts
                if known is None or entry.recorded > known.recorded:
                    found[entry.id] = entry
        return sorted(found.values(), key=lambda entry: entry.at, reverse=True)

    def first_entries(self, days: int = 14, starting_with: EntryKind | None = None) -> list[AnyEntry]:
        """Entries (of every kind) in the ``days`` days from the first entry of the journal.

        With ``starting_with``, the days start at the first entry of that kind:
        "change since you started" compares with the first week of check-ins,
        which may begin after a session or a weekly check.
        """
        paths = self.month_files()
        read: dict[Path, list[AnyEntry]] = {}
        for path in paths:
            read[path] = self._try_read_month(path)
            starts = [entry.at for entry in read[path] if starting_with in (None, entry.kind)]
            if starts:
                first = min(starts)
                return self._entries_of(paths, first, first + timedelta(days=days), already_read=read)
        return []

    def get(self, entry_id: str) -> AnyEntry | None:
        return next((entry for entry in self.entries() if entry.id == entry_id), None)

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
        store that has not read the other files yet (a shell ``log``).
        """
        self.load_settings()
        if self.read_only:
            raise JournalReadOnlyError(
                "this journal was written by a newer version of backtrainer, so this version only reads it: "
                + "; ".join(str(problem) for problem in self._problems.values() if problem.newer)
            )

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

    def add(self, entry: AnyEntry) -> AnyEntry:
        """Write a new entry; adding an entry whose id is already there changes nothing."""
        path = self.month_file(entry.at)
        with self._locked():
            existing = self._writable(path)
            if any(known.id == entry.id for known in existing):
                return entry
            with self._table(path) as table:
                table.insert(self._document(entry))
        return entry

    def update(self, old: AnyEntry, new: AnyEntry) -> AnyEntry:
        """Replace ``old`` by ``new`` (same id); moves it if its month changed."""
        if old.id != new.id or old.kind != new.kind:
            raise ValueError("an edit keeps the entry's id and kind")
        new = new.model_copy(update={"recorded": utc_now()})
        source, target = self.month_file(old.at), self.month_file(new.at)
        same_id = Query().id == old.id
        with self._locked():
            if not any(entry.id == old.id for entry in self._writable(source)):
                raise JournalError(
                    "this entry is no longer in the journal (was it deleted in another window?); nothing was changed"
                )
            if target == source:
                with self._table(source) as table:
                    table.update(self._document(new), same_id)
            else:
                self._move(source, target, new)
            self._remove_stray_copies(new.id, keep=target)
        return new

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
            with self._table(source) as table:
                table.remove(same_id)
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

    def _files_mentioning(self, entry_id: str) -> set[Path]:
        """Month files whose bytes contain the id: a scan of raw bytes, cheap even for years of history."""
        needle = entry_id.encode("ascii")
        found = set()
        for path in self.month_files():
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
        """Remove the entry (and any copy an interrupted move left in another month)."""
        path = self.month_file(entry.at)
        with self._locked():
            self._writable(path)
            with self._table(path) as table:
                table.remove(Query().id == entry.id)
            self._remove_stray_copies(entry.id, keep=None)

    def import_entries(self, entries: Iterable[AnyEntry]) -> tuple[int, int]:
        """Add entries not already present (by id). Returns (added, already there)."""
        by_month: dict[Path, list[AnyEntry]] = {}
        for entry in entries:
            by_month.setdefault(self.month_file(entry.at), []).append(entry)
        added = skipped = 0
        with self._locked():
            for path in by_month:
                self._writable(path)
            known = {entry.id for path in self.month_files() for entry in self._try_read_month(path)}
            for path, batch in sorted(by_month.items()):
                fresh = []
                for entry in batch:
                    if entry.id in known:
                        skipped += 1
                    else:
                        known.add(entry.id)
                        fresh.append(self._document(entry))
                if fresh:
                    with self._table(path) as table:
                        table.insert_multiple(fresh)
                    added += len(fresh)
        return added, skipped

    def set_aside(self, path: Path, now: Callable[[], datetime] = utc_now) -> Path:
        """Rename an unreadable file so a fresh one can start; returns the new name (never overwrites)."""
        with self._locked():
            kept = self._rename_aside(path, "unreadable", now)
            self._problems.pop(path, None)
        return kept

    # --- settings ------------------------------------------------------------

    def load_settings(self) -> Settings:
        """The settings; defaults when there are none or they cannot be read."""
        try:
            documents = self._read_documents(self.settings_file, SETTINGS_TABLE)
            settings = Settings.model_validate(next(iter(documents.values()), {}))
        except JournalFileError as error:
            self._note(JournalProblem(error.path, error.reason))
            return Settings()
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            self._note(JournalProblem(self.settings_file, f"settings do not match the format ({explain(first)})"))
            return Settings()
        except _NewerFile:
            return Settings()
        self._problems.pop(self.settings_file, None)
        return settings

    def save_settings(self, settings: Settings) -> Settings:
        with self._locked():
            self.load_settings()
            problem = self._problems.get(self.settings_file)
            if problem is not None and not problem.newer:
                raise JournalUnreadableError(problem)
            self._refuse_if_newer()
            database = TinyDB(self.settings_file, storage=self._storage)
            try:
                # one document with a fixed id, replaced in a single write
                database.table(SETTINGS_TABLE).upsert(Document(settings.model_dump(mode="json"), doc_id=1))
            except OSError as error:
                raise JournalWriteError(
                    f"could not save settings to {self.settings_file} ({error.strerror or error})"
                ) from error
            finally:
                database.close()
        return settings

    def update_settings(self, **changes: Any) -> Settings:
        """Change some settings, re-reading the others under the lock.

        The changed settings are validated before anything is written: an unknown name or a value out of
        range raises ``SettingsError`` and the file is left as it was (a file the next start would refuse
        would bring back the defaults: the first-run screen, and no personal doses).
        """
        unknown = sorted(set(changes) - set(Settings.model_fields))
        if unknown:
            raise SettingsError(f"there is no setting called {', '.join(map(repr, unknown))}")
        with self._locked():
            current = self.load_settings()
            try:
                updated = Settings.model_validate({**current.model_dump(), **changes})
            except ValidationError as error:
                raise SettingsError(settings_error_text(error)) from None
            return self.save_settings(updated)

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

    def _rewrite_month(self, path: Path, put: Sequence[AnyEntry], remove: Collection[str] = ()) -> None:
        """One write of a month file: entries with ids in ``remove`` go, ``put`` replaces or joins the rest."""
        storage = self._storage(path)
        data = storage.read() or {}
        table = data.get(ENTRIES_TABLE, {})
        gone = set(remove) | {entry.id for entry in put}
        kept = {doc_id: document for doc_id, document in table.items() if document.get("id") not in gone}
        next_id = max((int(doc_id) for doc_id in table if doc_id.isdigit()), default=0) + 1
        for number, entry in enumerate(put, start=next_id):
            kept[str(number)] = self._document(entry)
        try:
            storage.write({**data, ENTRIES_TABLE: kept})
        except OSError as error:
            raise JournalWriteError(
                f"could not save to {path} ({error.strerror or error}); that file is unchanged"
            ) from error
