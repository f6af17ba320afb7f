"""The coach's programme as content: weeks in phases, a walking plan, reviews, and a ladder of doses for each
exercise it builds up.

A programme lives in ``content/programme.json`` (``ProgrammesFile``); a physiotherapist's pack may add its own
(``ContentPack.programmes``). These models check each part on its own; ``trainer.catalog.programme_rules``
checks the parts against the exercises and routines (ids known, doses possible, levels in order).

A **ladder** lists the doses of one exercise from the easiest to the hardest. Each rung changes a little:
more reps first, then longer holds, then more sets, then the harder variation (a rung that names another
exercise). ``start`` is the rung a person begins on; the rungs below it are the way down after a bad patch.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import Field, model_validator

from trainer.catalog.strict import Level, Sentence, ShortText, Slug, Strict

MAX_RUNGS = 20
"""At most this many rungs on a ladder (the journal's rung numbers are limited to match)."""


class Rung(Strict):
    """One dose on a ladder: the exercise (the ladder's own unless named) and how much of it."""

    exercise: Slug | None = Field(
        default=None, description="Another exercise played at this rung (a variation); none: the ladder's own."
    )
    sets: int = Field(ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=100, description="Reps per set (per side when per side).")
    hold_seconds: int | None = Field(default=None, ge=1, le=1800, description="Each hold, or the pause in a rep.")

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Rung:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("a rung needs reps, hold_seconds, or both")
        return self


class Ladder(Strict):
    """The doses of one exercise, easiest first."""

    exercise: Slug = Field(description="The exercise this ladder builds up (as the routines name it).")
    start: int = Field(ge=0, lt=MAX_RUNGS, description="The rung a person begins on (0 is the easiest).")
    rungs: list[Rung] = Field(min_length=2, max_length=MAX_RUNGS, description="Easiest first.")

    @model_validator(mode="after")
    def _start_on_the_ladder(self) -> Ladder:
        if self.start >= len(self.rungs):
            raise ValueError(f"start ({self.start}) is past the last rung ({len(self.rungs) - 1})")
        own = self.rungs[self.start].exercise
        if own is not None and own != self.exercise:
            raise ValueError(f"the starting rung must be {self.exercise!r} itself, not a variation ({own!r})")
        return self

    def exercise_at(self, rung: int) -> str:
        """The exercise played at ``rung``."""
        return self.rungs[rung].exercise or self.exercise

    @cached_property
    def exercises(self) -> tuple[str, ...]:
        """Every exercise the ladder plays, in order of first appearance (worked out once: the coach asks for
        it on every ladder for every session it judges, millions of times in the property tests)."""
        return tuple(dict.fromkeys(self.exercise_at(index) for index in range(len(self.rungs))))


class Phase(Strict):
    """Some weeks of the programme with one aim, the routines they play in turn and how often."""

    id: Slug
    name: ShortText
    summary: Sentence = Field(description="What these weeks are for, in a sentence or two.")
    first_week: int = Field(ge=1, le=52)
    last_week: int = Field(ge=1, le=52)
    level: Level = Field(description="The hardest level these weeks play (routines and ladder rungs).")
    sessions_per_week: int = Field(ge=1, le=14)
    routines: list[Slug] = Field(min_length=1, description="Played in turn; the coach keeps those that fit the time.")

    @model_validator(mode="after")
    def _weeks_in_order(self) -> Phase:
        if self.first_week > self.last_week:
            raise ValueError(f"first_week ({self.first_week}) is after last_week ({self.last_week})")
        if len(set(self.routines)) != len(self.routines):
            raise ValueError("a routine is listed twice")
        return self


class WalkingPlan(Strict):
    """Walking from the person's own baseline towards a weekly target (WalkBack; WHO 150 minutes a week)."""

    target_minutes_per_week: int = Field(ge=30, le=600)
    days_per_week: int = Field(ge=1, le=7)
    default_baseline_minutes: int = Field(
        ge=1, le=120, description="Used when the person has not said how long they can walk."
    )
    start_share: float = Field(ge=0.5, le=1.0, description="Start at this share of the baseline (a little below).")
    weekly_step_minutes: int = Field(ge=1, le=15, description="Added to each walking day after a green week.")
    min_minutes: int = Field(ge=1, le=60, description="The shortest walk the plan asks for.")

    @model_validator(mode="after")
    def _reachable(self) -> WalkingPlan:
        if self.min_minutes > self.daily_target:
            raise ValueError(f"min_minutes ({self.min_minutes}) is more than a day's target ({self.daily_target})")
        return self

    @property
    def daily_target(self) -> int:
        """Minutes on each walking day at the target."""
        return self.target_minutes_per_week // self.days_per_week


class ReviewPoint(Strict):
    """A review at the end of a week: the trend, the goals, and whether to keep going."""

    week: int = Field(ge=1, le=52)
    title: ShortText


class Programme(Strict):
    id: Slug
    name: ShortText
    summary: Sentence
    weeks: int = Field(ge=2, le=52)
    phases: list[Phase] = Field(min_length=1)
    walking: WalkingPlan
    reviews: list[ReviewPoint] = Field(default_factory=list)
    ladders: list[Ladder] = Field(default_factory=list)

    @model_validator(mode="after")
    def _weeks_covered(self) -> Programme:
        week = 1
        for phase in self.phases:
            if phase.first_week != week:
                raise ValueError(f"phase {phase.id!r} starts in week {phase.first_week}; expected week {week}")
            week = phase.last_week + 1
        if week - 1 != self.weeks:
            raise ValueError(f"the phases end in week {week - 1}, but the programme has {self.weeks} weeks")
        if len({phase.id for phase in self.phases}) != len(self.phases):
            raise ValueError("two phases have the same id")
        weeks = [review.week for review in self.reviews]
        if weeks != sorted(set(weeks)):
            raise ValueError("reviews must be in week order, one a week at most")
        if weeks and weeks[-1] > self.weeks:
            raise ValueError(f"a review in week {weeks[-1]} is after the last week ({self.weeks})")
        return self

    def phase_of_week(self, week: int) -> Phase:
        """The phase of a week of the plan (weeks after the end count as the last phase)."""
        for phase in self.phases:
            if phase.first_week <= week <= phase.last_week:
                return phase
        return self.phases[-1] if week > self.weeks else self.phases[0]

    def ladder(self, exercise_id: str) -> Ladder | None:
        """The ladder that plays ``exercise_id`` (its own exercise or one of its rungs), if any."""
        for ladder in self.ladders:
            if exercise_id in ladder.exercises:
                return ladder
        return None

    @property
    def routine_ids(self) -> tuple[str, ...]:
        """Every routine a phase plays, in order of first appearance."""
        return tuple(dict.fromkeys(routine for phase in self.phases for routine in phase.routines))
