"""Turn what the runner did into the journal's session record."""

from __future__ import annotations

from datetime import datetime, timedelta

from trainer.engine.runner import Runner
from trainer.journal.models import ExerciseDone, SessionEnd, SessionRecord

UNFINISHED_NOTE = "Saved from a session that was not finished (the app was closed or stopped during it)."


def session_record(
    runner: Runner,
    *,
    session_id: str,
    title: str,
    routine_id: str | None,
    exercise_id: str | None,
    started: datetime,
    pain_before: int | None,
    unfinished: bool = False,
) -> SessionRecord:
    """The record of ``runner``'s session so far; ``unfinished`` for a checkpoint of one still running.

    Every record of one session (each checkpoint, then the final record) has the same ``session_id``,
    so the journal holds it once whichever of them is saved.
    """
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
        title=title,
        routine_id=routine_id,
        exercise_id=exercise_id,
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
