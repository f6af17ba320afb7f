"""What can go wrong with the journal, in words a person can act on.

Every fault of the journal's files (a lock that cannot be taken, a file that
cannot be read or written, a folder that cannot be listed) reaches the CLI
and the app as a ``JournalError`` whose message says which file, what went
wrong and what to do; never as a bare ``OSError``.
"""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class JournalError(Exception):
    """Something the person needs to know about; the message says what and where."""


class JournalReadOnlyError(JournalError):
    """The journal was written by a newer version of backtrainer."""


@dataclass(frozen=True)
class JournalProblem:
    path: Path
    reason: str
    newer: bool = False
    """True when the file comes from a newer version (read-only, not damaged)."""

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class JournalUnreadableError(JournalError):
    def __init__(self, problem: JournalProblem) -> None:
        self.problem = problem
        if "symbolic link" in problem.reason:  # the reason says how to put the file back
            advice = "nothing was written to it"
        else:
            advice = "nothing was written to it. Open the Journal in the app to set it aside and start a fresh file"
        reason = problem.reason.removeprefix("cannot be read: ")
        super().__init__(f"{problem.path} cannot be read ({reason}); {advice}.")


class JournalBusyError(JournalError):
    """Another backtrainer held the lock for too long."""


class JournalWriteError(JournalError):
    """The disk refused the write (full, read-only ...); the journal is as it was."""


class JournalLockError(JournalError):
    """The lock file cannot be opened (left by another user, a folder in its place ...)."""


def _owner_name(uid: int) -> str:
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"user {uid}"


def _my_uid() -> int | None:
    geteuid: Callable[[], int] | None = getattr(os, "geteuid", None)
    return geteuid() if geteuid is not None else None


def lock_error(
    lock: Path,
    error: OSError,
    *,
    my_uid: int | None = None,
    owner_name: Callable[[int], str] = _owner_name,
) -> JournalLockError:
    """The message for a lock file that could not be opened or locked: which file, why, what to do."""
    quoted = shlex.quote(str(lock))
    why = error.strerror or str(error)
    try:
        info = lock.lstat()
    except OSError:
        info = None
    me = _my_uid() if my_uid is None else my_uid
    if info is not None and os.path.isdir(lock) and not os.path.islink(lock):
        return JournalLockError(
            f"cannot use the journal's lock file {lock}: it is a folder; nothing was changed. "
            f"Remove the folder (rmdir {quoted}) and try again"
        )
    if info is not None and me is not None and info.st_uid != me:
        return JournalLockError(
            f"cannot use the journal's lock file {lock} ({why}); nothing was changed. It was left by another "
            f"user (it belongs to {owner_name(info.st_uid)}), perhaps by running backtrainer with sudo; "
            f"remove it: sudo rm {quoted}"
        )
    return JournalLockError(
        f"cannot use the journal's lock file {lock} ({why}); nothing was changed. Check that you may write "
        f"to {lock.parent}; if the lock file itself is the trouble, remove it (rm {quoted}) and try again"
    )
