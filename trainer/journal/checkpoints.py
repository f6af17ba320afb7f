"""Sessions in progress: one checkpoint per running session, and the OS lock that says its app is alive.

Layout, inside the journal folder:

- ``sessions/<session-id>.json``: what a running session has done so far,
  replaced at each finished exercise (the record has the session's id, fixed
  when it starts, so the checkpoint and the final record are one entry);
- ``sessions/<session-id>.lock``: held (``flock``) by the app running that
  session for as long as it runs. The OS drops the lock when the process
  ends, however it ends, so a checkpoint whose lock can be taken belongs to
  an app that is gone: that is an unfinished session. A checkpoint whose
  lock is held belongs to a live session (a second app on the same profile,
  a lingering SSH login) and is never offered.

The app at start-up takes the lock of every unfinished session it offers and
holds it while asking, so two new apps never offer the same session. Saving
it adds the record (``add`` of an id already there changes nothing) and
removes its files; finishing a running session removes only its own.

A ``session-checkpoint.json`` from an older version (one per profile) is moved
into ``sessions/`` the first time it is seen, and is then offered like the rest.
"""

from __future__ import annotations

import os
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from trainer.files import FileReadError, MissingFileError, read_regular_file
from trainer.journal.errors import JournalError, JournalProblem, JournalWriteError
from trainer.journal.folder import SESSIONS_DIR
from trainer.journal.models import JOURNAL_SCHEMA_VERSION, SessionRecord, new_id
from trainer.journal.os_lock import ExclusiveLock
from trainer.paths import ensure_private_dir

if TYPE_CHECKING:
    from trainer.journal.store import JournalStore

LEGACY_CHECKPOINT = "session-checkpoint.json"
"""Where versions before per-session checkpoints kept the one session in progress."""


class _Checkpoint(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: Literal[1] = JOURNAL_SCHEMA_VERSION
    session: SessionRecord


def _remove(checkpoint: Path, lock: ExclusiveLock) -> None:
    """The checkpoint first, then the lock file, then the lock itself: a checkpoint never outlives its lock file."""
    try:
        checkpoint.unlink(missing_ok=True)
        lock.path.unlink(missing_ok=True)
    finally:
        lock.release()


class RunningSession:
    """The session this app is running: its checkpoints, then its record in the journal."""

    def __init__(self, store: JournalStore, session_id: str) -> None:
        self.store = store
        self.id = session_id
        self.checkpoint_file = store.directory / SESSIONS_DIR / f"{session_id}.json"
        self._lock = ExclusiveLock(store.directory / SESSIONS_DIR / f"{session_id}.lock")
        self.finished = False

    def _check(self, record: SessionRecord) -> None:
        if record.id != self.id:
            raise ValueError(f"the record {record.id} is not of the running session {self.id}")

    def save(self, record: SessionRecord) -> None:
        """Keep what the session has done so far, so closing or killing the app mid-session loses nothing."""
        self._check(record)
        payload = _Checkpoint(session=record).model_dump_json().encode("utf-8")
        store = self.store
        with store._locked():
            store._refuse_if_newer()
            try:
                ensure_private_dir(self.checkpoint_file.parent)
                if not self._lock.try_acquire():
                    raise JournalError(f"another backtrainer is running this same session ({self._lock.path})")
                store.write_file(self.checkpoint_file, payload)
            except OSError as error:
                raise JournalWriteError(
                    f"could not save the session so far to {self.checkpoint_file} ({error.strerror or error})"
                ) from None

    def finish(self, record: SessionRecord) -> None:
        """Add the session's record to the journal, then remove its checkpoint.

        If the journal refuses the record, it is kept as this session's
        checkpoint (when the disk allows), so the next start offers it.
        """
        self._check(record)
        try:
            self.store.add(record)
        except JournalError:
            with suppress(JournalError):
                self.save(record)
            raise
        self.finished = True
        with suppress(OSError):  # the record is in the journal: a checkpoint left over is removed at the next start
            _remove(self.checkpoint_file, self._lock)

    def abandon(self) -> None:
        """Forget the session: remove its checkpoint; nothing goes into the journal."""
        try:
            _remove(self.checkpoint_file, self._lock)
        except OSError as error:
            raise JournalWriteError(
                f"could not remove {self.checkpoint_file} ({error.strerror or error}); the next start offers it"
            ) from None

    def close(self) -> None:
        """The app is closing mid-session: keep the checkpoint for the next start and let go of the lock."""
        self._lock.release()


class OrphanedSession:
    """An unfinished session whose app is gone; its lock is held until it is saved, discarded or released."""

    def __init__(self, store: JournalStore, record: SessionRecord, checkpoint_file: Path, lock: ExclusiveLock) -> None:
        self.store = store
        self.record = record
        self.checkpoint_file = checkpoint_file
        self._lock = lock

    def save(self) -> None:
        """Add what was done to the journal (once: its id is the session's), then remove the checkpoint."""
        self.store.add(self.record)
        with suppress(OSError):  # saved: a checkpoint left over is removed at the next start
            _remove(self.checkpoint_file, self._lock)

    def discard(self) -> None:
        try:
            _remove(self.checkpoint_file, self._lock)
        except OSError as error:
            raise JournalWriteError(
                f"could not remove {self.checkpoint_file} ({error.strerror or error}); the next start offers it again"
            ) from None

    def release(self) -> None:
        """Decide later: the next start offers it again."""
        self._lock.release()


def _read_checkpoint(path: Path) -> SessionRecord:
    """The record in a checkpoint file; ``MissingFileError`` if it is gone, ``JournalFileError``-like reasons else."""
    raw = read_regular_file(path, follow_symlinks=False)
    try:
        return _Checkpoint.model_validate_json(raw).session
    except ValidationError:
        raise FileReadError(path, "the unfinished session saved here is damaged or from another version") from None


def _migrate_legacy(store: JournalStore) -> None:
    """Move an older version's ``session-checkpoint.json`` into ``sessions/`` (it is then offered once)."""
    legacy = store.directory / LEGACY_CHECKPOINT
    if not os.path.lexists(legacy):
        return
    with store._locked():
        try:
            record = _read_checkpoint(legacy)
        except MissingFileError:
            return
        except FileReadError as error:
            store._note(JournalProblem(legacy, f"cannot be read: {error.reason}"))
            return
        sessions = store.directory / SESSIONS_DIR
        try:
            ensure_private_dir(sessions)
            target = sessions / f"{record.id}.json"
            if target.exists():
                legacy.unlink()
            else:
                os.replace(legacy, target)
        except OSError as error:
            raise JournalWriteError(
                f"could not move {legacy} into {sessions} ({error.strerror or error}); nothing was lost"
            ) from None


def unfinished_sessions(store: JournalStore) -> list[OrphanedSession]:
    """Every unfinished session whose app is no longer running, oldest first, each with its lock held."""
    _migrate_legacy(store)
    sessions = store.directory / SESSIONS_DIR
    try:
        names = sorted(entry.name for entry in os.scandir(sessions) if entry.name.endswith(".json"))
    except FileNotFoundError:
        return []
    except OSError as error:
        raise JournalError(f"cannot look for unfinished sessions in {sessions} ({error.strerror or error})") from None
    found = []
    for name in names:
        checkpoint = sessions / name
        lock = ExclusiveLock(sessions / f"{name.removesuffix('.json')}.lock")
        try:
            if not lock.try_acquire():
                continue  # its app is running
        except OSError as error:
            store._note(JournalProblem(checkpoint, f"its lock cannot be used ({error.strerror or error})"))
            continue
        try:
            record = _read_checkpoint(checkpoint)
        except MissingFileError:  # finished meanwhile
            lock.release()
            continue
        except FileReadError as error:
            lock.release()
            store._note(JournalProblem(checkpoint, f"cannot be read: {error.reason}"))
            continue
        if any(entry.id == record.id for entry in store.month_entries(record.at)):
            with suppress(OSError):  # already in the journal (an app stopped between the two steps of finishing)
                _remove(checkpoint, lock)
            continue
        found.append(OrphanedSession(store, record, checkpoint, lock))
    return sorted(found, key=lambda orphan: orphan.record.at)


def open_session(store: JournalStore, session_id: str | None = None) -> RunningSession:
    """A new running session; nothing is written (and no lock taken) until its first checkpoint."""
    return RunningSession(store, session_id or new_id())
