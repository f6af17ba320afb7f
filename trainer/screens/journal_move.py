"""The move of an older version's journal into device files, once the app shows (``journal.migration``).

``TrainerApp`` starts it after its first paint (``move_older_journal``) and hears when it ends: why it
failed, if it did, and then the copies a sync tool left in the journal folder, as notifications.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.worker import Worker, WorkerState

from trainer.journal.errors import JournalError, JournalWriteError

if TYPE_CHECKING:
    from trainer.services.core import Services

JOURNAL_MOVE = "journal-move"
"""The worker group of moving an older version's journal into device files, after the first paint."""
MOVE_ENDED = (WorkerState.SUCCESS, WorkerState.ERROR, WorkerState.CANCELLED)


class JournalMoving(App[None]):
    """The app's part of the move: the worker, and what the app says once it is over."""

    def __init__(self) -> None:
        super().__init__()
        self.journal_moved = asyncio.Event()
        """Set once the start's move of an older version's journal is over and its notices are out."""

    @property
    def services(self) -> Services:
        raise NotImplementedError  # (TrainerApp's)

    @work(thread=True, exclusive=True, group=JOURNAL_MOVE, exit_on_error=False)  # (never stops the app)
    def move_older_journal(self) -> str | None:
        """A journal of an older version moves into device files once the app shows (``journal.migration``),
        merging the copies a sync tool left of its month files; returns why it could not, if it could not."""
        try:
            self.services.migrate_journal()
        except JournalWriteError as error:
            return str(error)
        except JournalError:
            pass  # busy, or the folder cannot be read (Home says so): the next save moves the files
        return None

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """After the move (done or not): why it failed, if it did, and the sync tools' copies still left.

        Judged by the state the message carries, not the worker's state now: the move runs on a thread, and
        by the time the app reads its "running" message it may have finished (the failure showed twice)."""
        if event.worker.group != JOURNAL_MOVE or event.state not in MOVE_ENDED:
            return
        failure = event.worker.result
        if isinstance(failure, str):
            title = "Journal files not moved"
            self.notify(failure[:1].upper() + failure[1:], title=title, severity="warning", timeout=30)
        if self.services.loaded is not None:  # (the content's error screen is about the content alone)
            self._notify_conflict_copies()
        self.journal_moved.set()

    def _notify_conflict_copies(self) -> None:
        try:
            copies = self.services.journal.conflict_copies()
        except JournalError:
            return  # Home says the journal cannot be read
        for copy in copies:
            self.notify(
                copy.advice(self.services.paths.profile),
                title="A copy left by a sync tool",
                severity="warning",
                timeout=30,
            )
