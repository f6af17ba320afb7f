"""The journal's OS locks (trainer.journal.os_lock): waiting, re-entrant per thread, and the same lock as
the filelock package's (which older versions of the app took on the journal folder)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from trainer.journal.os_lock import ExclusiveLock, LockTimeout, WaitingLock


def test_a_held_lock_makes_another_wait_for_the_timeout_then_give_up(tmp_path: Path) -> None:
    holder = ExclusiveLock(tmp_path / ".lock")
    assert holder.try_acquire()
    waits: list[float] = []

    def time_out(taken: threading.Event, timeout: float) -> bool:
        waits.append(timeout)
        return False

    waiting = WaitingLock(tmp_path / ".lock", timeout=0.12, wait=time_out)
    with pytest.raises(LockTimeout):
        waiting.acquire()
    assert waits == [0.12] and not waiting.held
    holder.release()  # the wait that gave up takes the lock now, and lets go of it at once
    after = WaitingLock(tmp_path / ".lock", timeout=30)
    after.acquire()
    assert after.held
    after.release()


def test_the_waiter_is_woken_when_the_holder_lets_go(tmp_path: Path) -> None:
    holder = ExclusiveLock(tmp_path / ".lock")
    assert holder.try_acquire()

    def let_go_during_the_wait(taken: threading.Event, timeout: float) -> bool:
        assert not taken.is_set()
        holder.release()  # the other process finishes its write
        return taken.wait(timeout)

    waiting = WaitingLock(tmp_path / ".lock", timeout=30, wait=let_go_during_the_wait)
    waiting.acquire()
    assert waiting.held and not ExclusiveLock(tmp_path / ".lock").try_acquire()
    waiting.release()
    assert ExclusiveLock(tmp_path / ".lock").try_acquire()


def test_a_free_lock_is_taken_without_waiting(tmp_path: Path) -> None:
    def no_wait(taken: threading.Event, timeout: float) -> bool:
        raise AssertionError("a free lock needs no wait")

    lock = WaitingLock(tmp_path / ".lock", timeout=30, wait=no_wait)
    lock.acquire()
    assert lock.held


def test_it_is_re_entrant_and_only_the_last_release_lets_go(tmp_path: Path) -> None:
    lock = WaitingLock(tmp_path / ".lock", timeout=0)
    lock.acquire()
    lock.acquire()
    assert lock.count == 2
    lock.release()
    assert lock.held and not ExclusiveLock(tmp_path / ".lock").try_acquire()
    lock.release()
    assert not lock.held
    other = ExclusiveLock(tmp_path / ".lock")
    assert other.try_acquire()
    other.release()
    lock.release()  # one release too many changes nothing
    assert lock.count == 0


def test_another_thread_on_the_same_lock_waits_like_another_process(tmp_path: Path) -> None:
    lock = WaitingLock(tmp_path / ".lock", timeout=0)
    lock.acquire()
    outcome: list[str] = []

    def other_thread() -> None:
        try:
            lock.acquire()
        except LockTimeout:
            outcome.append("busy")
        else:
            outcome.append("taken")
            lock.release()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert outcome == ["busy"] and lock.count == 1
    lock.release()
    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert outcome == ["busy", "taken"]


def test_the_lock_file_is_private_and_a_folder_in_its_place_is_an_os_error(tmp_path: Path) -> None:
    lock = WaitingLock(tmp_path / ".lock", timeout=0)
    lock.acquire()
    assert (tmp_path / ".lock").stat().st_mode & 0o777 == 0o600
    lock.release()
    (tmp_path / "folder.lock").mkdir()
    with pytest.raises(OSError):
        WaitingLock(tmp_path / "folder.lock", timeout=0).acquire()


def test_it_excludes_an_older_app_s_filelock_and_is_excluded_by_it(tmp_path: Path) -> None:
    older = FileLock(tmp_path / ".lock", timeout=0)
    with older:
        with pytest.raises(LockTimeout):
            WaitingLock(tmp_path / ".lock", timeout=0).acquire()
    ours = WaitingLock(tmp_path / ".lock", timeout=0)
    ours.acquire()
    with pytest.raises(Timeout):
        FileLock(tmp_path / ".lock", timeout=0).acquire()
    ours.release()
    with older:
        assert older.is_locked
