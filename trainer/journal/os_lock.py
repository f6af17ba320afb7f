"""Locks on a file that the operating system holds for a process (``flock``; ``msvcrt.locking`` on Windows).

- ``ExclusiveLock``: taken without waiting, or not at all. A session holds one while it runs
  (``journal.checkpoints``).
- ``WaitingLock``: the journal folder's write lock (``journal.folder``). It waits up to a timeout, and a
  thread that holds it may take it again (a locked method may call another). A waiter is woken by the
  operating system the moment the holder lets go, rather than trying again now and then: trying every
  50 ms let three busy writers keep a fourth waiting over 10 s on a loaded machine, since a holder that
  let go and took the lock again at once nearly always beat the next try.

The OS drops the lock when the process ends, however it ends, so a lock is never left stale. These are the
same ``flock`` locks the ``filelock`` package takes, which this app's older versions used: an older and a
newer app on one journal still exclude each other. (Written here because importing ``filelock`` cost about
20 ms of every launch and every ``backtrainer log``.)
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path

POLL_SECONDS = 0.05
"""How often a waiting lock tries again where the OS cannot wait for it (Windows)."""


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

    def _open(self) -> int:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        return os.open(self.path, flags, 0o600)

    def try_acquire(self) -> bool:
        """Take the lock: False if another process (or another lock object) holds it; OSError if it cannot be used."""
        if self._descriptor is not None:
            return True
        descriptor = self._open()
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

    def wait_acquire(self) -> None:
        """Take the lock, blocking for as long as another holds it; OSError if it cannot be used."""
        if sys.platform == "win32":
            import time

            while not self.try_acquire():
                time.sleep(POLL_SECONDS)
            return
        import fcntl

        descriptor = self._open()
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        except BaseException:
            os.close(descriptor)
            raise
        self._descriptor = descriptor

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


class _Handover:
    """One wait for the lock, run on a thread of its own: the OS wakes it when the holder lets go.

    The caller waits for ``taken`` up to its timeout. If it gives up first (``abandon``), the thread lets
    go of the lock as soon as it gets it, so nothing is held for a caller that has gone."""

    def __init__(self, path: Path) -> None:
        self.lock = ExclusiveLock(path)
        self.taken = threading.Event()
        self.error: OSError | None = None
        self._mutex = threading.Lock()
        self._abandoned = False

    def wait_on_thread(self) -> None:
        threading.Thread(target=self._take, name=f"waiting for {self.lock.path}", daemon=True).start()

    def _take(self) -> None:
        try:
            self.lock.wait_acquire()
        except OSError as error:
            self.error = error
        with self._mutex:
            if self._abandoned:
                self.lock.release()
            self.taken.set()

    def abandon(self) -> bool:
        """Give up the wait: False if the lock was taken (or the wait failed) first, so it is the caller's."""
        with self._mutex:
            if self.taken.is_set():
                return False
            self._abandoned = True
            return True


def _wait_for_event(event: threading.Event, timeout: float) -> bool:
    return event.wait(timeout)


class WaitingLock:
    """An OS lock on ``path`` that waits up to ``timeout`` seconds for another holder to let go.

    Re-entrant within a thread (``count`` says how many times this thread holds it; only the last
    ``release`` lets go); another thread using the same object waits as another process would.
    ``wait(event, timeout)`` is how the caller waits for the OS to hand the lock over (a test seam)."""

    def __init__(
        self,
        path: Path,
        *,
        timeout: float,
        wait: Callable[[threading.Event, float], bool] = _wait_for_event,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self._wait = wait
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
        if hold.count == 0 and not hold.lock.try_acquire():
            hold.lock = self._wait_for_holder()
        hold.count += 1

    def _wait_for_holder(self) -> ExclusiveLock:
        handover = _Handover(self.path)
        if self.timeout > 0:
            handover.wait_on_thread()
            self._wait(handover.taken, self.timeout)
        if handover.abandon():
            raise LockTimeout(str(self.path))
        if handover.error is not None:
            raise handover.error
        return handover.lock

    def release(self) -> None:
        """Give back one hold; the last one lets go of the OS lock."""
        hold = self._hold
        if hold.count == 0:
            return
        hold.count -= 1
        if hold.count == 0:
            hold.lock.release()
