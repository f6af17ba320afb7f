"""Where a person is on the programme: its weeks and phases, and the dose of each ladder's current rung.

Pure (no clock, no journal storage): the day comes in as an argument. A programme week is seven days from
the day the programme started (week 1 is days 0-6), not a calendar week.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from trainer.catalog.models import LEVELS, Exercise
from trainer.catalog.programme import Ladder, Phase, Programme, Rung
from trainer.journal.coach_models import ProgrammeProgress
from trainer.journal.models import PersonalDose
from trainer.wording import dose_change, lower_first, short_dose


def programme_week(started: date, day: date) -> int:
    """The week of the plan ``day`` is in: 1 for the first seven days (0 before the start)."""
    days = (day - started).days
    return 0 if days < 0 else days // 7 + 1


def week_days(started: date, week: int) -> tuple[date, date]:
    """The first and last day of a week of the plan."""
    first = started + timedelta(weeks=week - 1)
    return first, first + timedelta(days=6)


def level_allows(phase: Phase, exercise: Exercise) -> bool:
    return LEVELS.index(exercise.level) <= LEVELS.index(phase.level)


@dataclass(frozen=True)
class RungDose:
    """One rung as it is played: the exercise and its dose."""

    ladder: str
    """The ladder's own exercise id (the key of its rung in the progress)."""
    rung: int
    exercise: Exercise
    sets: int
    reps: int | None
    hold_seconds: int | None

    @property
    def parts(self) -> tuple[int, int | None, int | None, bool]:
        return self.sets, self.reps, self.hold_seconds, self.exercise.dose.per_side

    @property
    def text(self) -> str:
        """``1x6 each side, 3 s hold`` (with the exercise's name first when the rung is a variation)."""
        return short_dose(*self.parts)

    def as_dose(self) -> PersonalDose:
        return PersonalDose(sets=self.sets, reps=self.reps, hold_seconds=self.hold_seconds)


def rung_dose(ladder: Ladder, rung: int, exercises: Mapping[str, Exercise]) -> RungDose:
    step: Rung = ladder.rungs[rung]
    exercise = exercises[ladder.exercise_at(rung)]
    hold = step.hold_seconds
    if hold is None and exercise.dose.hold_seconds is not None:
        hold = exercise.dose.hold_seconds.min  # a rung that leaves the pause alone keeps the starting one
    return RungDose(ladder.exercise, rung, exercise, step.sets, step.reps, hold)


def dose_label(dose: RungDose) -> str:
    """The dose as a decision records it: ``1x6 each side`` on the ladder's own exercise, ``Single-leg glute
    bridge 2x5 each side, 2 s hold`` on a variation."""
    return dose.text if dose.exercise.id == dose.ladder else f"{dose.exercise.name} {dose.text}"


def change_text(before: RungDose, after: RungDose) -> str:
    """``bird-dog 1x6 -> 1x8 each side, 3 s hold``."""
    return dose_change(lower_first(before.exercise.name), before.parts, lower_first(after.exercise.name), after.parts)


@dataclass(frozen=True)
class Standing:
    """A programme with the person's progress in it: which rung each ladder is on, and which exercises the
    person has dosed themselves (their own dose wins, so the coach leaves those ladders alone)."""

    programme: Programme
    exercises: Mapping[str, Exercise]
    progress: ProgrammeProgress
    personal: Mapping[str, PersonalDose] = field(default_factory=dict)

    def rung(self, ladder: Ladder) -> int:
        """The ladder's current rung (its start until a decision moved it), always on the ladder."""
        rung = self.progress.rungs.get(ladder.exercise, ladder.start)
        return max(0, min(rung, len(ladder.rungs) - 1))

    def dose(self, ladder: Ladder, rung: int | None = None) -> RungDose:
        return rung_dose(ladder, self.rung(ladder) if rung is None else rung, self.exercises)

    def week(self, day: date) -> int:
        return programme_week(self.progress.started, day)

    def phase(self, day: date) -> Phase:
        return self.programme.phase_of_week(max(1, self.week(day)))

    def ladders(self) -> tuple[Ladder, ...]:
        """The ladders the coach may move: every exercise they play is known, none dosed by the person."""
        return tuple(
            ladder
            for ladder in self.programme.ladders
            if all(exercise in self.exercises for exercise in ladder.exercises)
            and not any(exercise in self.personal for exercise in ladder.exercises)
        )

    def ladder_of(self, exercise_id: str) -> Ladder | None:
        """The ladder that plays ``exercise_id``, if the coach may move it."""
        return next((ladder for ladder in self.ladders() if exercise_id in ladder.exercises), None)
