"""Sessions in progress across real processes: a live one is never offered, killed ones are all offered.

Each session runs in a process of its own (session_worker.py) and holds its
checkpoint's lock; the "second app" is the real TrainerApp, driven by Pilot,
on the same profile. Nothing may be lost and nothing doubled: every session
ends up in the journal exactly once, and no checkpoint is left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.journal_files import duplicates
from trainer.journal.models import SessionRecord
from trainer.journal.store import JournalStore
from trainer.paths import Paths
from trainer.screens.home import HomeScreen
from trainer.screens.session_dialogs import UnfinishedSessionScreen

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]

HERE = Path(__file__).resolve().parent


class Session:
    """A session running in its own process."""

    def __init__(self, journal: Path, title: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "session_worker.py"), str(journal), title],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        first = self._line()
        assert first.startswith("ready "), first + self._errors()
        self.id = first.split()[1]

    def _line(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline()

    def _errors(self) -> str:
        return self.process.stderr.read() if self.process.stderr and self.process.poll() is not None else ""

    def tell(self, command: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self._line()

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        assert self.process.wait(timeout=10) == -signal.SIGKILL

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=10)


@pytest.fixture
def sessions(paths: Paths) -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for session in started:
        session.stop()


def in_journal(paths: Paths) -> list[SessionRecord]:
    return [entry for entry in JournalStore(paths.journal_dir).entries() if isinstance(entry, SessionRecord)]


def left_behind(paths: Paths) -> list[str]:
    folder = paths.journal_dir / "sessions"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


async def test_a_second_app_does_not_offer_a_live_session(make_app, paths: Paths, sessions: list[Session]) -> None:
    live = Session(paths.journal_dir, "Desk break")
    sessions.append(live)
    assert live.tell("step") == "saved 2\n"

    second_app = make_app()
    async with second_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(second_app.screen, HomeScreen)  # no "unfinished session" offer
        assert not any(isinstance(screen, UnfinishedSessionScreen) for screen in second_app.screen_stack)
    assert JournalStore(paths.journal_dir).unfinished_sessions() == []

    assert live.tell("finish") == "finished\n"
    (saved,) = in_journal(paths)
    assert saved.id == live.id and saved.ended_how == "finished"
    assert left_behind(paths) == []


async def test_two_sessions_killed_at_once_are_both_offered_and_saved_once(
    make_app, paths: Paths, sessions: list[Session]
) -> None:
    first, second = Session(paths.journal_dir, "Desk break"), Session(paths.journal_dir, "Back basics")
    sessions += [first, second]
    assert second.tell("step") == "saved 2\n"
    first.kill()
    second.kill()

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        offers = []
        for _ in range(2):
            await pilot.pause()
            assert isinstance(app.screen, UnfinishedSessionScreen)
            offers.append(app.screen.description)
            await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert offers[0].startswith("Unfinished session 1 of 2: ") and offers[1].startswith("Unfinished session 2 of 2: ")
    titles = ("Desk break", "Back basics")
    assert sorted(title for offer in offers for title in titles if title in offer) == sorted(titles)  # each named

    saved = {entry.id: entry for entry in in_journal(paths)}
    assert set(saved) == {first.id, second.id}
    assert saved[first.id].exercises[0].sets_done == 1 and saved[second.id].exercises[0].sets_done == 2
    assert duplicates(paths.journal_dir) == []
    assert left_behind(paths) == []

    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)  # nothing offered twice
    assert len(in_journal(paths)) == 2


async def test_an_unfinished_session_is_kept_when_the_app_closes_while_offering_it(
    make_app, paths: Paths, sessions: list[Session]
) -> None:
    killed = Session(paths.journal_dir, "Desk break")
    sessions.append(killed)
    killed.kill()
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, UnfinishedSessionScreen)
        await app.action_quit()  # closed before answering
    (orphan,) = JournalStore(paths.journal_dir).unfinished_sessions()  # still there, and free to take
    assert orphan.record.id == killed.id
    orphan.release()
    assert in_journal(paths) == []
