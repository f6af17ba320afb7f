"""What a session writes to the journal: its checkpoints while it runs, its record, the answers after it.

The session screen only shows and forwards keys; this recorder owns every journal write of one session.
Every checkpoint and the final record share one id, fixed when the recorder is made, so the journal
holds the session once whichever of them is saved (a checkpoint offered after a crash, or the end).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from trainer.engine.runner import Runner
from trainer.journal.checkpoints import RunningSession
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

    def __init__(self, journal: JournalStore, *, pain_before: int | None, now: Callable[[], datetime]) -> None:
        self.journal = journal
        self.pain_before = pain_before
        self.now = now
        self.session_id = new_id()
        self.started: datetime | None = None
        self.record: SessionRecord | None = None
        """The saved record, once the session has ended."""
        self._running: RunningSession | None = None

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
        """Keep what was done so far, so a closed app or a dropped connection loses nothing."""
        self._session().save(self._record(runner, unfinished=True))

    def finish(self, runner: Runner) -> SessionRecord:
        """Save the record of the ended session (once: a second call returns the same record)."""
        if self.record is None:
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
        if self._running is not None:
            self._running.close()
