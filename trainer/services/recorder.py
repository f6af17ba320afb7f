"""What a session writes to the journal: its checkpoints while it runs, its record, the answers after it.

The session screen only shows and forwards keys; this recorder owns every journal write of one session.
Every checkpoint and the final record share one id, fixed when the recorder is made, so the journal
holds the session once whichever of them is saved (a checkpoint offered after a crash, or the end).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from trainer.engine.runner import Runner
from trainer.journal.checkpoints import RunningSession
from trainer.journal.errors import JournalError
from trainer.journal.models import ExerciseDone, SessionEnd, SessionRecord, new_id
from trainer.journal.store import JournalStore

UNFINISHED_NOTE = "Saved from a session that was not finished (the app was closed or stopped during it)."


@dataclass(frozen=True)
class AfterAnswers:
    """How it went, asked after a session; every answer is optional."""

    pain_after: int | None = None
    pain_peak: int | None = None
    effort: int | None = None
    note: str = ""

    @property
    def empty(self) -> bool:
        return self == AfterAnswers()


def session_record(
    runner: Runner, *, session_id: str, started: datetime, pain_before: int | None, unfinished: bool = False
) -> SessionRecord:
    """The record of ``runner``'s session so far; ``unfinished`` for a checkpoint of one still running."""
    plan = runner.plan
    begun = runner.started_at if runner.started_at is not None else runner.clock()
    ended_at = runner.ended_at if runner.ended_at is not None else runner.clock()
    ended_how: SessionEnd
    if runner.state == "finished" and not unfinished:
        ended_how = "finished"
    elif runner.stop_reason == "pain":
        ended_how = "stopped-pain"
    else:
        ended_how = "stopped-choice"
    return SessionRecord(
        id=session_id,
        at=started,
        ended=started + timedelta(seconds=max(0.0, ended_at - begun)),
        title=plan.title,
        routine_id=plan.routine_id,
        exercise_id=plan.exercises[0].exercise.id if plan.routine_id is None else None,
        exercises=[
            ExerciseDone(
                exercise_id=tally.exercise_id,
                name=tally.name,
                sets_planned=tally.sets_planned,
                sets_done=tally.sets_done,
                reps_done=tally.reps_done,
                holds_done=tally.holds_done,
                seconds=round(tally.seconds, 1),
            )
            for tally in runner.tallies()
        ],
        pain_before=pain_before,
        completion=round(runner.completion, 3),
        ended_how=ended_how,
        stop_reason=runner.stop_reason if ended_how != "finished" else None,
        note=UNFINISHED_NOTE if unfinished else "",
    )


class SessionRecorder:
    """The journal side of one session. Its methods raise ``JournalError`` (the screen tells the person)."""

    def __init__(
        self,
        journal: JournalStore,
        *,
        pain_before: int | None,
        now: Callable[[], datetime],
        writer: Executor | None = None,
    ) -> None:
        self.journal = journal
        self.pain_before = pain_before
        self.now = now
        self.session_id = new_id()
        self.started: datetime | None = None
        self.record: SessionRecord | None = None
        """The saved record, once the session has ended."""
        self._running: RunningSession | None = None
        self._writer: Executor = writer or ThreadPoolExecutor(max_workers=1, thread_name_prefix="checkpoint")
        """Writes checkpoints one after another, away from the clock (a slow disk never delays a tick)."""
        self._pending: list[Future[None]] = []

    def begin(self) -> None:
        self.started = self.now()

    def _record(self, runner: Runner, unfinished: bool) -> SessionRecord:
        started = self.started or self.now()
        return session_record(
            runner, session_id=self.session_id, started=started, pain_before=self.pain_before, unfinished=unfinished
        )

    def _session(self) -> RunningSession:
        if self._running is None:
            self._running = self.journal.open_session(self.session_id)
        return self._running

    def checkpoint(self, runner: Runner) -> None:
        """Keep what was done so far, now, so a closed app or a dropped connection loses nothing."""
        self._wait_for_writes()
        self._session().save(self._record(runner, unfinished=True))

    def checkpoint_soon(self, runner: Runner, on_error: Callable[[JournalError], None]) -> None:
        """``checkpoint`` without waiting: the record is taken now, written in the background, in order."""
        record = self._record(runner, unfinished=True)
        session = self._session()

        def write() -> None:
            try:
                session.save(record)
            except JournalError as error:
                on_error(error)

        self._pending = [future for future in self._pending if not future.done()]
        self._pending.append(self._writer.submit(write))

    def _wait_for_writes(self) -> None:
        for future in self._pending:
            future.result()
        self._pending.clear()

    def finish(self, runner: Runner) -> SessionRecord:
        """Save the record of the ended session (once: a second call returns the same record), after any
        checkpoint still being written, so no late checkpoint brings the finished session back."""
        if self.record is None:
            self._wait_for_writes()
            self._writer.shutdown(wait=True)
            self.record = self._record(runner, unfinished=False)
            self._session().finish(self.record)
        return self.record

    def save_answers(self, answers: AfterAnswers) -> SessionRecord | None:
        """Add the answers to the saved record; None when there is no record or nothing was answered."""
        if self.record is None or answers.empty:
            return None
        answered = {
            "pain_after": answers.pain_after,
            "pain_peak": answers.pain_peak,
            "effort": answers.effort,
            "note": answers.note,
        }
        updated = SessionRecord.model_validate({**self.record.model_dump(), **answered})
        self.journal.update(self.record, updated)
        self.record = updated
        return updated

    def close(self) -> None:
        """The screen went away mid-session: the last checkpoint stays, offered at the next start."""
        self._wait_for_writes()
        self._writer.shutdown(wait=True)
        if self._running is not None:
            self._running.close()
