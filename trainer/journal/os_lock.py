"""Locks on a file that the operating system holds for a process (``flock``; ``msvcrt.locking`` on Windows).

- ``ExclusiveLock``: taken without waiting, or not at all. A session holds one while it runs
  (``journal.checkpoints``).
- ``WaitingLock``: the journal folder's write lock (``journal.folder``). It waits up to a timeout, and a
  thread that holds it may take it again (a locked method may call another).

The OS drops the lock when the process ends, however it ends, so a lock is never left stale. These are the
same ``flock`` locks the ``filelock`` package takes, which this app's older versions used: an older and a
newer app on one journal still exclude each other. (Written here because importing ``filelock`` cost about
20 ms of every launch and every ``backtrainer log``.)
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.05
"""How often a waiting lock tries again."""


class LockTimeout(Exception):
    """Another process held the lock for the whole timeout."""


class ExclusiveLock:
    """An exclusive OS lock on one file, taken without waiting; it ends with the process that holds it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._descriptor: int | None = None

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def try_acquire(self) -> bool:
        """Take the lock: False if another process (or another lock object) holds it; OSError if it cannot be used."""
        if self._descriptor is not None:
            return True
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        descriptor = os.open(self.path, flags, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except (BlockingIOError, PermissionError):
            os.close(descriptor)
            return False
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor
        return True

    def release(self) -> None:
        """Let go of the lock (closing the file is what releases it)."""
        if self._descriptor is not None:
            descriptor, self._descriptor = self._descriptor, None
            os.close(descriptor)


class _Hold(threading.local):
    """One thread's hold of a ``WaitingLock``: its OS lock and how many times the thread has taken it."""

    def __init__(self, path: Path) -> None:
        self.lock = ExclusiveLock(path)
        self.count = 0


class WaitingLock:
    """An OS lock on ``path`` that waits up to ``timeout`` seconds for another holder to let go.

    Re-entrant within a thread (``count`` says how many times this thread holds it; only the last
    ``release`` lets go); another thread using the same object waits as another process would."""

    def __init__(
        self,
        path: Path,
        *,
        timeout: float,
        clock: Callable[[], float] = time.monotonic,
        pause: Callable[[float], None] = time.sleep,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self._clock = clock
        self._pause = pause
        self._hold = _Hold(path)

    @property
    def count(self) -> int:
        """How many times this thread holds the lock (0: not at all)."""
        return self._hold.count

    @property
    def held(self) -> bool:
        """Whether this thread holds the lock."""
        return self._hold.count > 0

    def acquire(self) -> None:
        """Take the lock, waiting while another holds it: ``LockTimeout`` after ``timeout`` seconds, OSError
        if the lock file cannot be opened (a folder in its place, another user's file)."""
        hold = self._hold
        if hold.count == 0:
            deadline = self._clock() + self.timeout
            while not hold.lock.try_acquire():
                left = deadline - self._clock()
                if left <= 0:
                    raise LockTimeout(str(self.path))
                self._pause(min(POLL_SECONDS, left))
        hold.count += 1

    def release(self) -> None:
        """Give back one hold; the last one lets go of the OS lock."""
        hold = self._hold
        if hold.count == 0:
            return
        hold.count -= 1
        if hold.count == 0:
            hold.lock.release()
