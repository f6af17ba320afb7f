"""The journal store: the one way in and out of the person's journal.

Layout of the journal folder (private, 0700):

- ``entries-YYYY-MM.json``: one TinyDB file per calendar month of ``at``,
  so a write costs the same with ten years of history as with one month;
- ``settings.json``: a TinyDB file with the settings document;
- ``.lock``: the cross-process lock held around every read-modify-write.

Every write happens under the lock and re-reads the file it changes, so two
running copies (two SSH logins, the app and a shell ``log``) never lose each
other's entries. A file that cannot be read is reported, never written to,
and can be set aside under a clear name so a fresh one starts beside it.
A file written by a newer version of the app turns the store read-only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

from filelock import FileLock, Timeout
from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError
from tinydb import Query, TinyDB
from tinydb.table import Document

from trainer.journal.models import (
    JOURNAL_SCHEMA_VERSION,
    AnyEntry,
    Entry,
    EntryKind,
    SessionRecord,
    Settings,
    utc_now,
)
from trainer.journal.storage import (
    TEMP_SUFFIX,
    AtomicJSONStorage,
    JournalFileError,
    atomic_write,
    read_json_object,
)
from trainer.paths import ensure_private_dir

ENTRIES_TABLE = "entries"
SETTINGS_TABLE = "settings"
SETTINGS_FILE = "settings.json"
CHECKPOINT_FILE = "session-checkpoint.json"
"""What a session in progress has done so far; replaced at each finished exercise."""
MONTH_FILE = re.compile(r"^entries-(\d{4})-(\d{2})\.json$")
LOCK_TIMEOUT = 10.0

ENTRY = TypeAdapter(Entry)
MONTH_FILE_CONTENT = TypeAdapter(dict[str, dict[str, Entry]])
"""A month file as TinyDB writes it: table name -> document id -> entry."""


class JournalError(Exception):
    """Something the person needs to know about; the message says what and where."""


class JournalReadOnlyError(JournalError):
    """The journal was written by a newer version of backtrainer."""


class JournalUnreadableError(JournalError):
    def __init__(self, problem: JournalProblem) -> None:
        self.problem = problem
        super().__init__(
            f"{problem.path} cannot be read ({problem.reason}); nothing was written to it. "
            "Open the Journal in the app to set it aside and start a fresh file."
        )


class JournalBusyError(JournalError):
    """Another backtrainer held the lock for too long."""


class JournalWriteError(JournalError):
    """The disk refused the write (full, read-only ...); the journal is as it was."""


@dataclass(frozen=True)
class JournalProblem:
    path: Path
    reason: str
    newer: bool = False
    """True when the file comes from a newer version (read-only, not damaged)."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def month_key(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def _month_of(moment: datetime) -> tuple[int, int]:
    return moment.year, moment.month


ZONE_SLACK = timedelta(days=2)


class JournalStore:
    def __init__(self, directory: Path, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        self.directory = directory
        self.lock_timeout = lock_timeout
        self._problems: dict[Path, JournalProblem] = {}
        self.every_file_checked = False
        """Whether ``check_every_file`` has run (here, or on another store whose problems were adopted)."""
        # One lock object per store: it is re-entrant, so a locked method may call another.
        self._lock = FileLock(directory / ".lock", timeout=lock_timeout, mode=0o600)

    # --- files and locking -------------------------------------------------

    def month_file(self, moment: datetime) -> Path:
        return self.directory / f"entries-{month_key(moment)}.json"

    @property
    def settings_file(self) -> Path:
        return self.directory / SETTINGS_FILE

    def month_files(self) -> list[Path]:
        """Every month file, oldest first."""
        if not self.directory.is_dir():
            if self.directory.exists():
                self._note(JournalProblem(self.directory, "this should be the journal folder, but it is a file"))
            return []
        try:
            return sorted(path for path in self.directory.iterdir() if MONTH_FILE.match(path.name))
        except OSError as error:
            raise JournalError(f"cannot read the journal folder {self.directory} ({error.strerror or error})") from None

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            ensure_private_dir(self.directory)
        except OSError as error:
            raise JournalWriteError(
                f"cannot create or use the journal folder {self.directory} ({error.strerror or error})"
            ) from None
        try:
            with self._lock:
                self._remove_stale_temporaries()
                yield
        except Timeout:
            raise JournalBusyError(
                f"another backtrainer has been writing the journal in {self.directory} for over "
                f"{self.lock_timeout:g} s; try again"
            ) from None

    def _remove_stale_temporaries(self) -> None:
        """Temporary files left by a writer that was killed (only writers create them, under the lock)."""
        for leftover in self.directory.glob(f".*{TEMP_SUFFIX}"):
            leftover.unlink(missing_ok=True)

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

    def _read_documents(self, path: Path, table: str) -> dict[str, dict[str, Any]]:
        """The raw documents of ``table``; raises JournalFileError / newer-version problems."""
        data = read_json_object(path) or {}
        documents: dict[str, dict[str, Any]] = data.get(table, {})
        for doc_id, document in documents.items():
            if not isinstance(document, dict):
                raise JournalFileError(path, f"document {doc_id} in {table!r} is not a JSON object")
            version = document.get("schema_version")
            if isinstance(version, int) and version > JOURNAL_SCHEMA_VERSION:
                self._note(
                    JournalProblem(
                        path,
                        f"written by a newer backtrainer (journal version {version}; this one knows "
                        f"{JOURNAL_SCHEMA_VERSION}); the journal is read-only here",
                        newer=True,
                    )
                )
                raise _NewerFile(path)
        return documents

    def _read_month(self, path: Path) -> list[AnyEntry]:
        """Validated entries of one month file (raises JournalFileError or _NewerFile)."""
        try:
            raw = path.read_bytes()
            # Fast path: parse and validate in one go (pydantic-core); anything unusual
            # (bad JSON, a wrong or newer document) is re-read below for a precise message.
            return list(MONTH_FILE_CONTENT.validate_json(raw).get(ENTRIES_TABLE, {}).values())
        except (OSError, ValidationError):
            pass
        entries = []
        for doc_id, document in self._read_documents(path, ENTRIES_TABLE).items():
            try:
                entries.append(ENTRY.validate_python(document))
            except ValidationError as error:
                first = error.errors(include_url=False)[0]
                where = ".".join(str(part) for part in first["loc"])
                raise JournalFileError(
                    path, f"entry {doc_id} does not match the journal format ({where}: {first['msg']})"
                ) from error
        return entries

    def _try_read_month(self, path: Path) -> list[AnyEntry]:
        try:
            entries = self._read_month(path)
        except JournalFileError as error:
            self._note(JournalProblem(error.path, error.reason))
            return []
        except _NewerFile:
            return []
        self._problems.pop(path, None)
        return entries

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
        database = TinyDB(path, storage=AtomicJSONStorage)
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
                if needle in path.read_bytes():
                    found.add(path)
            except OSError:
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
            stamp = now().strftime("%Y%m%dT%H%M%S")
            kept = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}.bak")
            copy = 1
            while kept.exists():
                copy += 1
                kept = path.with_name(f"{path.stem}.unreadable-{stamp}-{copy}{path.suffix}.bak")
            path.rename(kept)
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
            self._note(JournalProblem(self.settings_file, f"settings do not match the format ({first['msg']})"))
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
            database = TinyDB(self.settings_file, storage=AtomicJSONStorage)
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

    # --- the session in progress ------------------------------------------------

    @property
    def checkpoint_file(self) -> Path:
        return self.directory / CHECKPOINT_FILE

    def save_checkpoint(self, session: SessionRecord) -> None:
        """Keep what a running session has done, so closing the app mid-session loses nothing."""
        payload = _Checkpoint(session=session).model_dump_json().encode("utf-8")
        with self._locked():
            self._refuse_if_newer()
            try:
                atomic_write(self.checkpoint_file, payload)
            except OSError as error:
                raise JournalWriteError(f"could not save the session so far ({error.strerror or error})") from error

    def load_checkpoint(self) -> SessionRecord | None:
        """The unfinished session left by a closed or killed app, if any (an unreadable one is reported)."""
        try:
            raw = self.checkpoint_file.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            self._note(JournalProblem(self.checkpoint_file, f"cannot be read ({error.strerror or error})"))
            return None
        try:
            return _Checkpoint.model_validate_json(raw).session
        except ValidationError:
            self._note(JournalProblem(self.checkpoint_file, "the unfinished session saved here cannot be read"))
            return None

    def clear_checkpoint(self) -> None:
        with self._locked():
            self.checkpoint_file.unlink(missing_ok=True)

    def update_settings(self, **changes: Any) -> Settings:
        """Change some settings, re-reading the others under the lock."""
        with self._locked():
            current = self.load_settings()
            return self.save_settings(current.model_copy(update=changes))


class _Checkpoint(BaseModel):
    model_config = ConfigDict(extra="forbid")

    schema_version: Literal[1] = JOURNAL_SCHEMA_VERSION
    session: SessionRecord


class _NewerFile(Exception):
    """Internal: a file from a newer app version was met (already noted as a problem)."""

    def __init__(self, path: Path) -> None:
        self.path = path
