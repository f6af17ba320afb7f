"""Builders for the coach's journal entries in tests (a plain module: import it)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from trainer.catalog.validated import Catalog
from trainer.engine.ladders import Standing
from trainer.engine.plan import Plan, plan_routine
from trainer.engine.tailoring import play_routine
from trainer.journal.coach_models import Decision, GoalRating, ProgrammeProgress, Review, StartAnswers
from trainer.journal.models import CheckIn, ExerciseDone, PersonalDose, SessionEnd, SessionRecord

RECORDED = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)


def decision(at: datetime, **fields: Any) -> Decision:
    data: dict[str, Any] = {
        "at": at,
        "recorded": RECORDED,
        "programme_id": "twelve-weeks",
        "exercise_id": "bird-dog",
        "name": "Bird-dog",
        "source": "morning",
        "verdict": "green",
        "from_rung": 3,
        "from_dose": "1x6 each side, 3 s hold",
        "proposed_rung": 4,
        "proposed_dose": "1x8 each side, 3 s hold",
        "to_rung": 4,
        "to_dose": "1x8 each side, 3 s hold",
        "choice": "accepted",
        "reason": "Your last two sessions were green: bird-dog 1x6 -> 1x8 each side, 3 s hold.",
    }
    return Decision.model_validate(data | fields)


def review(at: datetime, **fields: Any) -> Review:
    data: dict[str, Any] = {
        "at": at,
        "recorded": RECORDED,
        "programme_id": "twelve-weeks",
        "week": 2,
        "first_week_average": 5.0,
        "last_week_average": 4.2,
        "trend": "Your average pain over the last 7 days is 4.2, down 0.8 points (16%) from your first week (5.0).",
        "goals": [GoalRating(goal="Carry the shopping home", rating=4)],
        "suggested": "keep-going",
        "outcome": "keep-going",
        "reasons": ["Most sessions were green."],
    }
    return Review.model_validate(data | fields)


# --- a programme in memory, and sessions played the programme's way -------------------------------------

START = date(2026, 11, 2)  # a Monday


def standing(
    catalog: Catalog,
    answers: StartAnswers | None = None,
    rungs: dict[str, int] | None = None,
    started: date = START,
    personal: dict[str, PersonalDose] | None = None,
) -> Standing:
    progress = ProgrammeProgress(
        programme_id="twelve-weeks", started=started, answers=answers or StartAnswers(), rungs=rungs or {}
    )
    return Standing(catalog.programmes["twelve-weeks"], catalog.exercises, progress, personal or {})


def at_hour(day: date, hour: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def played_session(
    catalog: Catalog,
    where: Standing,
    day: date,
    *,
    routine_id: str = "back-basics",
    before: int | None = 3,
    peak: int | None = 4,
    after: int | None = 4,
    ended_how: SessionEnd = "finished",
    hour: int = 18,
    sets_short: tuple[str, ...] = (),
) -> SessionRecord:
    """A session of ``routine_id`` as the programme plays it at ``where``'s rungs, every set done (except the
    exercises in ``sets_short``, one set short)."""
    routine, _ = play_routine(catalog.routines[routine_id], where, where.progress.answers)
    plan = plan_routine(routine, catalog.exercises, where.personal, get_ready_seconds=10)
    return session_of(
        plan, at_hour(day, hour), before=before, peak=peak, after=after, ended_how=ended_how, sets_short=sets_short
    )


def session_of(
    plan: Plan,
    start: datetime,
    *,
    before: int | None = 3,
    peak: int | None = 4,
    after: int | None = 4,
    ended_how: SessionEnd = "finished",
    sets_short: tuple[str, ...] = (),
    recorded: datetime | None = RECORDED,
) -> SessionRecord:
    """The record of ``plan`` played from ``start``: every set done (except the exercises in ``sets_short``,
    one set short), a minute an exercise; recorded at ``recorded`` (None: now)."""
    done = [
        ExerciseDone(
            exercise_id=planned.exercise.id,
            name=planned.exercise.name,
            sets_planned=planned.prescription.sets,
            sets_done=planned.prescription.sets - (planned.exercise.id in sets_short),
            seconds=60.0,
        )
        for planned in plan.exercises
    ]
    return SessionRecord(
        at=start,
        ended=start + timedelta(minutes=max(1, round(plan.minutes))),
        title=plan.title,
        routine_id=plan.routine_id,
        exercises=done,
        pain_before=before,
        pain_peak=peak,
        pain_after=after,
        completion=1.0 if ended_how == "finished" else 0.6,
        ended_how=ended_how,
        stop_reason={"finished": None, "stopped-pain": "pain", "stopped-choice": "tired"}[ended_how],
        **({"recorded": recorded} if recorded is not None else {}),
    )


def morning(day: date, worse: bool | None, pain: int = 3, hour: int = 8, **fields: Any) -> CheckIn:
    return CheckIn(at=at_hour(day, hour), recorded=RECORDED, pain_now=pain, session_worse=worse, **fields)
