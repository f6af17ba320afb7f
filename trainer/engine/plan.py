"""Turn a routine (or one exercise) into an ordered list of timed steps.

The plan is pure data: the runner walks it against a clock, the Library
shows its duration, ``check-content`` prints it. A routine's length is
always computed here, never typed into the content.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Literal

from trainer.catalog.models import Exercise, IntRange, Routine, RoutineItem
from trainer.journal.models import PersonalDose
from trainer.wording import format_seconds

Side = Literal["left", "right"]

GET_READY_SECONDS = 5.0
POSITION_CHANGE_SECONDS = 10.0
"""Extra time to get ready when the next exercise is down on the floor after standing or sitting (or the
other way round): the first of a session counts, since a person starts it from a chair or standing."""
UPRIGHT: frozenset[str] = frozenset({"standing", "sitting"})
SWITCH_SIDE_SECONDS = 5.0


class StepKind(StrEnum):
    GET_READY = "get-ready"
    REPS = "reps"
    HOLD = "hold"
    REST = "rest"
    SWITCH_SIDE = "switch-side"


@dataclass(frozen=True)
class Phase:
    cue: str
    seconds: float
    is_hold: bool = False
    """The phase held at the end of the movement (the figure stays in its end pose)."""


@dataclass(frozen=True)
class Prescription:
    """The dose actually used for one exercise in one session."""

    sets: int
    reps: int | None
    hold_seconds: int | None
    rest_seconds: int
    per_side: bool

    def describe(self) -> str:
        """Short text such as ``2 x 10 reps, hold 2 s, each side``."""
        if self.reps is not None:
            text = f"{self.sets} x {self.reps} reps"
            if self.hold_seconds:
                text += f", hold {self.hold_seconds} s"
        else:
            text = f"{self.sets} x {format_seconds(self.hold_seconds or 0)}"
        if self.per_side:
            text += ", each side"
        return text


def changes_position(before: Exercise | None, after: Exercise) -> bool:
    """Between the floor and upright (standing or sitting), going by the exercises' poses."""
    if after.poses is None:
        return False
    was_upright = True if before is None or before.poses is None else before.poses.end.base in UPRIGHT
    return was_upright != (after.poses.start.base in UPRIGHT)


def prescribe(exercise: Exercise, item: RoutineItem | None = None, change: PersonalDose | None = None) -> Prescription:
    """Starting suggestion (low end of each range) <- routine item <- personal change."""
    dose = exercise.dose
    sets = dose.sets.min
    reps = dose.reps.min if dose.reps else None
    hold = dose.hold_seconds.min if dose.hold_seconds else None
    rest = dose.rest_seconds
    for source in (item, change):
        if source is None:
            continue
        sets = source.sets or sets
        if reps is not None and source.reps:
            reps = source.reps
        if hold is not None and source.hold_seconds:
            hold = source.hold_seconds
        if isinstance(source, RoutineItem) and source.rest_seconds is not None:
            rest = source.rest_seconds
    return Prescription(sets=sets, reps=reps, hold_seconds=hold, rest_seconds=rest, per_side=dose.per_side)


def rep_phases(exercise: Exercise, prescription: Prescription) -> tuple[Phase, ...]:
    """The tempo of one rep, with the hold phase set to the prescribed hold."""
    return tuple(
        Phase(
            phase.cue,
            float(prescription.hold_seconds) if phase.is_hold and prescription.hold_seconds else phase.seconds,
            phase.is_hold,
        )
        for phase in exercise.tempo or ()
    )


@dataclass(frozen=True)
class Step:
    kind: StepKind
    seconds: float
    """Planned length; for self-paced reps, the estimate from the tempo."""
    exercise_index: int
    exercise: Exercise
    prescription: Prescription
    set_number: int = 1
    side: Side | None = None
    phases: tuple[Phase, ...] = ()
    """For REPS: the phases of one rep; for HOLD: the single hold phase."""
    reps: int = 0
    """For REPS: how many reps this step holds."""

    @property
    def sets_total(self) -> int:
        return self.prescription.sets

    @property
    def seconds_per_rep(self) -> float:
        return sum(phase.seconds for phase in self.phases)


@dataclass(frozen=True)
class PlannedExercise:
    exercise: Exercise
    prescription: Prescription
    note: str | None = None
    """The routine's note for this item: shown with the exercise in the routine and in the session."""
    instead: Exercise | None = None
    """What the session offers in its place when it does not suit today (the item's ``instead``, else the
    exercise's first easier variation)."""


@dataclass(frozen=True)
class Plan:
    title: str
    routine_id: str | None
    exercises: tuple[PlannedExercise, ...]
    steps: tuple[Step, ...]
    starts: tuple[float, ...] = field(repr=False, default=())
    """Planned start of each step, in seconds from the start of the session."""
    transition_seconds: float = 0.0
    """Getting ready between exercises (the first one gets ``get_ready_seconds``)."""
    get_ready_seconds: float = GET_READY_SECONDS

    @property
    def total_seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    @property
    def minutes(self) -> float:
        return self.total_seconds / 60


def _exercise_steps(index: int, exercise: Exercise, prescription: Prescription, get_ready_seconds: float) -> list[Step]:
    """Get ready, then each set (left then right when per side), with rests between sets."""
    first_side: Side | None = "left" if prescription.per_side else None
    ready = Step(StepKind.GET_READY, get_ready_seconds, index, exercise, prescription, side=first_side)
    if prescription.reps is not None:
        phases = rep_phases(exercise, prescription)
        seconds = prescription.reps * sum(phase.seconds for phase in phases)
        work = replace(ready, kind=StepKind.REPS, seconds=seconds, phases=phases, reps=prescription.reps)
    else:
        hold = float(prescription.hold_seconds or 0)
        work = replace(ready, kind=StepKind.HOLD, seconds=hold, phases=(Phase(exercise.hold_cue, hold),))
    sides: tuple[Side | None, ...] = ("left", "right") if prescription.per_side else (None,)
    resting = prescription.rest_seconds > 0
    steps = [ready]
    for set_number in range(1, prescription.sets + 1):
        for side in sides:
            # Each change of side is told: right after left, and left again after a set's right side
            # (a rest before it says "then the LEFT side" instead).
            if side == "right" or (side == "left" and set_number > 1 and not resting):
                switch = replace(ready, kind=StepKind.SWITCH_SIDE, seconds=SWITCH_SIDE_SECONDS, set_number=set_number)
                steps.append(replace(switch, side=side))
            steps.append(replace(work, set_number=set_number, side=side))
        if set_number < prescription.sets and resting:
            rest = float(prescription.rest_seconds)
            steps.append(replace(ready, kind=StepKind.REST, seconds=rest, set_number=set_number, side=None))
    return steps


def _build(
    title: str, routine_id: str | None, planned: list[PlannedExercise], transition: float, get_ready: float
) -> Plan:
    steps: list[Step] = []
    for index, entry in enumerate(planned):
        ready = get_ready if index == 0 else max(transition, get_ready)
        before = planned[index - 1].exercise if index else None
        if changes_position(before, entry.exercise):
            ready += POSITION_CHANGE_SECONDS
        steps += _exercise_steps(index, entry.exercise, entry.prescription, ready)
    starts = []
    clock = 0.0
    for step in steps:
        starts.append(clock)
        clock += step.seconds
    return Plan(
        title=title,
        routine_id=routine_id,
        exercises=tuple(planned),
        steps=tuple(steps),
        starts=tuple(starts),
        transition_seconds=transition,
        get_ready_seconds=get_ready,
    )


def _instead(exercise: Exercise, item: RoutineItem | None, exercises: Mapping[str, Exercise]) -> Exercise | None:
    for candidate in ([item.instead] if item is not None and item.instead else []) + list(exercise.easier):
        if candidate in exercises:
            return exercises[candidate]
    return None


def plan_routine(
    routine: Routine,
    exercises: Mapping[str, Exercise],
    changes: Mapping[str, PersonalDose] | None = None,
    get_ready_seconds: float = GET_READY_SECONDS,
) -> Plan:
    """The steps of ``routine``; ``changes`` are the person's own doses by exercise id."""
    planned = []
    for item in routine.items:
        exercise = exercises[item.exercise]
        change = (changes or {}).get(exercise.id)
        planned.append(
            PlannedExercise(exercise, prescribe(exercise, item, change), item.note, _instead(exercise, item, exercises))
        )
    return _build(routine.name, routine.id, planned, float(routine.transition_seconds), get_ready_seconds)


def plan_exercise(
    exercise: Exercise,
    change: PersonalDose | None = None,
    get_ready_seconds: float = GET_READY_SECONDS,
    exercises: Mapping[str, Exercise] | None = None,
) -> Plan:
    """A session of just one exercise (started from its detail view)."""
    planned = [
        PlannedExercise(exercise, prescribe(exercise, None, change), None, _instead(exercise, None, exercises or {}))
    ]
    return _build(exercise.name, None, planned, 0.0, get_ready_seconds)


def _same_share(value: int, old: IntRange, new: IntRange) -> int:
    """``value`` moved from the range ``old`` to the same share of the range ``new``."""
    share = (value - old.min) / (old.max - old.min) if old.max > old.min else 0.0
    return round(new.min + max(0.0, min(1.0, share)) * (new.max - new.min))


def scaled_prescription(
    planned: PlannedExercise, replacement: Exercise, change: PersonalDose | None = None
) -> Prescription:
    """The dose for ``replacement`` in ``planned``'s place: as far up its own ranges as the planned dose was in
    the planned exercise's (a person's own dose for the replacement wins)."""
    old, new = planned.exercise.dose, replacement.dose
    current = planned.prescription
    sets = _same_share(current.sets, old.sets, new.sets)
    reps = hold = None
    if new.reps is not None:
        reps = new.reps.min
        if current.reps is not None and old.reps is not None:
            reps = _same_share(current.reps, old.reps, new.reps)
    if new.hold_seconds is not None:
        hold = new.hold_seconds.min
        if current.hold_seconds is not None and old.hold_seconds is not None:
            hold = _same_share(current.hold_seconds, old.hold_seconds, new.hold_seconds)
    scaled = Prescription(sets, reps, hold, current.rest_seconds, new.per_side)
    if change is None:
        return scaled
    return Prescription(
        change.sets or sets,
        (change.reps or reps) if reps is not None else None,
        (change.hold_seconds or hold) if hold is not None else None,
        current.rest_seconds,
        new.per_side,
    )


def swap_exercise(plan: Plan, index: int, replacement: Exercise, prescription: Prescription) -> Plan:
    """``plan`` with exercise ``index`` replaced (its note stays: it says why one would swap)."""
    planned = list(plan.exercises)
    planned[index] = PlannedExercise(replacement, prescription, plan.exercises[index].note, None)
    return _build(plan.title, plan.routine_id, planned, plan.transition_seconds, plan.get_ready_seconds)
