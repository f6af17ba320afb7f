"""Tailoring: from the getting-started answers to the routines a person starts with and what they leave out.

Pure (no clock, no storage). The rules, each shown to the person with its reason:

- **Direction of sensitivity** (content brief C.1): bending backwards makes it worse (or walking makes it
  worse and the pain goes into a leg) -> leave out the exercises with ``avoid_if: bending-back-hurts``;
  bending forwards -> ``bending-forward-hurts``; pain into a leg -> ``leg-pain``. An item left out is
  replaced by its routine's ``instead`` or the exercise's first easier variation that suits, else dropped.
- **The floor**: when getting down to the floor is not all right, exercises done on a mat are replaced the
  same way, except those lying on the back from start to end, which a bed does as well (said in a note).
- **Minutes a day**: each phase keeps the routines that take at most about a quarter more than the minutes
  given (``FIT_SLACK``); when a longer one fits, those under a third of the time are dropped
  (``SHORT_SHARE``); when none fits, the shortest is kept with a note.

Ladders (``trainer.engine.ladders``) apply first: an item on a ladder plays its current rung, and the
tailoring then looks at the exercise that rung plays. An item swapped by tailoring plays the alternative at
its starting dose.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from trainer.catalog.models import Exercise, Routine, RoutineItem, Sensitivity
from trainer.catalog.programme import Phase
from trainer.engine.ladders import Standing
from trainer.engine.plan import plan_routine
from trainer.engine.walking import WalkingWeek, walking_start
from trainer.journal.coach_models import StartAnswers
from trainer.wording import lower_first

FIT_SLACK = 1.25
"""A routine fits the minutes a day when it takes at most this much more (about a quarter more)."""
SHORT_SHARE = 1 / 3
"""Routines shorter than this share of the minutes a day are dropped when a longer one fits."""
BED_POSITIONS = frozenset({"lying-on-back"})
"""Floor exercises that start and end in these positions can be done on a bed."""

SENSITIVITY_REASONS: dict[Sensitivity, str] = {
    "bending-back-hurts": "you said bending backwards makes it worse",
    "bending-forward-hurts": "you said bending forwards makes it worse",
    "leg-pain": "you said your pain goes down into a leg",
}
WALKING_LEG_REASON = "you said walking makes it worse and your pain goes into a leg"
FLOOR_REASON = "you said getting down to the floor is not easy"

ChoiceKind = Literal["routines", "leave-out", "swap", "bed", "walking", "note"]


@dataclass(frozen=True)
class Choice:
    """One thing tailoring decided, with its reason in plain words."""

    kind: ChoiceKind
    text: str
    exercise_id: str | None = None
    instead_id: str | None = None


def sensitivities(answers: StartAnswers) -> dict[Sensitivity, str]:
    """Each direction of sensitivity the answers show, with the reason to give."""
    found: dict[Sensitivity, str] = {}
    if "bending-back" in answers.worse_with:
        found["bending-back-hurts"] = SENSITIVITY_REASONS["bending-back-hurts"]
    elif "walking" in answers.worse_with and answers.leg_pain:
        found["bending-back-hurts"] = WALKING_LEG_REASON
    if "bending-forward" in answers.worse_with:
        found["bending-forward-hurts"] = SENSITIVITY_REASONS["bending-forward-hurts"]
    if answers.leg_pain:
        found["leg-pain"] = SENSITIVITY_REASONS["leg-pain"]
    return found


def needs_floor(exercise: Exercise) -> bool:
    return "mat" in exercise.equipment


def on_a_bed(exercise: Exercise) -> bool:
    poses = exercise.poses
    return poses is not None and poses.start.base in BED_POSITIONS and poses.end.base in BED_POSITIONS


def plural_name(name: str) -> str:
    """``back extensions``, ``knee-to-chest stretches``, ``knee rolls`` (already plural)."""
    lowered = lower_first(name)
    if lowered.endswith("s"):
        return lowered
    return lowered + ("es" if lowered.endswith(("ch", "sh", "x")) else "s")


def unsuitable(exercise: Exercise, answers: StartAnswers) -> str | None:
    """Why ``exercise`` does not suit at first (a reason clause), or None when it does."""
    found = sensitivities(answers)
    for sensitivity in exercise.avoid_if:
        if sensitivity in found:
            return found[sensitivity]
    if not answers.floor_ok and needs_floor(exercise) and not on_a_bed(exercise):
        return FLOOR_REASON
    return None


def _bed_note(exercise: Exercise, answers: StartAnswers) -> str | None:
    if not answers.floor_ok and needs_floor(exercise) and on_a_bed(exercise):
        return f"Your bed is fine for {plural_name(exercise.name)}: {FLOOR_REASON}."
    return None


def _item_choice(
    item: RoutineItem, exercise: Exercise, exercises: Mapping[str, Exercise], answers: StartAnswers
) -> tuple[RoutineItem | None, Choice | None]:
    """The item as it suits the person (None: left out), and the choice made, if any."""
    reason = unsuitable(exercise, answers)
    if reason is None:
        note = _bed_note(exercise, answers)
        if note is None:
            return item, None
        return item.model_copy(update={"note": note}), Choice("bed", note, exercise.id)
    candidates = ([item.instead] if item.instead else []) + list(exercise.easier)
    later = "" if reason == FLOOR_REASON else " at first"
    for candidate in candidates:
        alternative = exercises.get(candidate)
        if alternative is None or alternative.id == exercise.id or unsuitable(alternative, answers) is not None:
            continue
        text = f"{alternative.name} instead of {lower_first(exercise.name)}{later}: {reason}."
        bed = _bed_note(alternative, answers)
        swapped = RoutineItem(exercise=alternative.id, part=item.part, note=text + (f" {bed}" if bed else ""))
        return swapped, Choice("swap", text, exercise.id, alternative.id)
    return None, Choice("leave-out", f"No {plural_name(exercise.name)}{later}: {reason}.", exercise.id)


def play_routine(
    routine: Routine, standing: Standing | None, answers: StartAnswers, *, ladders: bool = True
) -> tuple[Routine, tuple[Choice, ...]]:
    """``routine`` as this person plays it: each item on a ladder at its current rung (when ``ladders``),
    then anything that does not suit swapped or left out. The choices say why (one per exercise)."""
    exercises = standing.exercises if standing is not None else {}
    items: list[RoutineItem] = []
    choices: dict[str, Choice] = {}
    for item in routine.items:
        played = _on_ladder(item, standing) if ladders and standing is not None else item
        exercise = exercises.get(played.exercise)
        if exercise is None:
            items.append(played)
            continue
        kept, choice = _item_choice(played, exercise, exercises, answers)
        if kept is not None:
            items.append(kept)
        if choice is not None:
            choices.setdefault(exercise.id, choice)
    return routine.model_copy(update={"items": items}), tuple(choices.values())


def _on_ladder(item: RoutineItem, standing: Standing) -> RoutineItem:
    ladder = standing.ladder_of(item.exercise)
    if ladder is None:
        return item
    dose = standing.dose(ladder)
    same = dose.exercise.id == item.exercise
    return item.model_copy(
        update={
            "exercise": dose.exercise.id,
            "sets": dose.sets,
            "reps": dose.reps,
            "hold_seconds": dose.hold_seconds,
            "note": item.note if same else None,
            "instead": item.instead if item.instead != dose.exercise.id else None,
        }
    )


def routine_minutes(routine: Routine, exercises: Mapping[str, Exercise], get_ready_seconds: float) -> float:
    if not routine.items:
        return 0.0
    return plan_routine(routine, exercises, get_ready_seconds=get_ready_seconds).minutes


def pick_routines(
    minutes_by_routine: Mapping[str, float], order: tuple[str, ...], minutes_a_day: int
) -> tuple[tuple[str, ...], bool]:
    """The routines of a phase that fit the time, in the phase's order; and whether any truly fits (when
    none does, the shortest alone)."""
    playable = [routine for routine in order if minutes_by_routine.get(routine, 0) > 0]
    if not playable:
        return (), False
    fits = [routine for routine in playable if minutes_by_routine[routine] <= minutes_a_day * FIT_SLACK]
    if not fits:
        return (min(playable, key=lambda routine: minutes_by_routine[routine]),), False
    longer = [routine for routine in fits if minutes_by_routine[routine] >= minutes_a_day * SHORT_SHARE]
    return tuple(longer or fits), True


# --- the start: routines for each phase, and every choice with its reason ------------------------------


@dataclass(frozen=True)
class PhaseRoutines:
    phase: Phase
    routines: tuple[str, ...]
    """Played in turn, in the phase's order."""
    minutes: Mapping[str, float]
    """Each of the phase's routines as the person plays it at the start, in minutes."""
    fits: bool
    """Some routine fits the minutes a day (otherwise the shortest is kept)."""


@dataclass(frozen=True)
class StartPlan:
    """The tailored start: what each phase plays, and why everything was chosen or left out."""

    programme_id: str
    phases: tuple[PhaseRoutines, ...]
    choices: tuple[Choice, ...]
    walking: WalkingWeek

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(choice.text for choice in self.choices)

    @property
    def first_routine(self) -> str | None:
        return next((phase.routines[0] for phase in self.phases if phase.routines), None)

    def routines_for(self, phase_id: str) -> tuple[str, ...]:
        return next((phase.routines for phase in self.phases if phase.phase.id == phase_id), ())

    @property
    def left_out(self) -> frozenset[str]:
        return frozenset(choice.exercise_id or "" for choice in self.choices if choice.kind == "leave-out")

    @property
    def swaps(self) -> Mapping[str, str]:
        return {
            choice.exercise_id: choice.instead_id
            for choice in self.choices
            if choice.kind == "swap" and choice.exercise_id and choice.instead_id
        }


WORSE_WITH_NOTES = {
    "sitting": "You said sitting makes it worse: stand up and move for a minute or two every 30 to 60 minutes. "
    "The Desk break routine is one quick way.",
    "standing": "You said standing makes it worse: break up long spells on your feet by sitting, walking about "
    "or shifting your weight for a minute.",
    "walking": "You said walking makes it worse: split your walks into two or three shorter ones, on flat "
    "ground, if that is easier.",
}
COME_BACK_NOTE = (
    "What was left out can come back a little at a time as things settle: change your answers at a review, "
    "or whenever you like."
)


def start_plan(
    standing: Standing,
    routines: Mapping[str, Routine],
    get_ready_seconds: float,
    baseline_walk: int | None = None,
) -> StartPlan:
    """The tailored start from ``standing``'s answers, with every ladder on its starting rung (so the choice of
    routines stays the same as the doses grow). ``baseline_walk``: minutes walked on ordinary days, from the
    journal, when the answers do not say."""
    answers = standing.progress.answers
    at_start = replace(standing, progress=standing.progress.model_copy(update={"rungs": {}}))
    phases: list[PhaseRoutines] = []
    picked_choices: dict[str, Choice] = {}
    texts: list[Choice] = []
    for phase in standing.programme.phases:
        minutes: dict[str, float] = {}
        by_routine: dict[str, tuple[Choice, ...]] = {}
        for routine_id in phase.routines:
            routine = routines.get(routine_id)
            if routine is None:
                continue
            played, choices = play_routine(routine, at_start, answers)
            minutes[routine_id] = routine_minutes(played, standing.exercises, get_ready_seconds)
            by_routine[routine_id] = choices
        picked, fits = pick_routines(minutes, tuple(phase.routines), answers.minutes_a_day)
        phases.append(PhaseRoutines(phase, picked, minutes, fits))
        texts.append(Choice("routines", _phase_text(phase, picked, minutes, fits, answers.minutes_a_day, routines)))
        for routine_id in picked:
            for choice in by_routine[routine_id]:
                picked_choices.setdefault(choice.text, choice)
    items = list(picked_choices.values())
    walk = walking_start(
        standing.programme.walking, answers.walk_minutes if answers.walk_minutes is not None else baseline_walk
    )
    walking = WalkingWeek(1, walk, standing.programme.walking.days_per_week, "")
    notes = [Choice("note", WORSE_WITH_NOTES[answer]) for answer in answers.worse_with if answer in WORSE_WITH_NOTES]
    if any(choice.kind in ("leave-out", "swap") and FLOOR_REASON not in choice.text for choice in items):
        notes.append(Choice("note", COME_BACK_NOTE))
    walking_text = _walking_text(standing, walk, answers.walk_minutes or baseline_walk)
    walking = replace(walking, reason=walking_text)
    choices = (*texts, *items, Choice("walking", walking_text), *notes)
    return StartPlan(standing.programme.id, tuple(phases), choices, walking)


def _listed(words: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _names(routine_ids: tuple[str, ...], routines: Mapping[str, Routine]) -> str:
    return _listed([routines[routine_id].name for routine_id in routine_ids])


def _phase_text(
    phase: Phase,
    picked: tuple[str, ...],
    minutes: Mapping[str, float],
    fits: bool,
    minutes_a_day: int,
    routines: Mapping[str, Routine],
) -> str:
    weeks = f"{phase.name}, weeks {phase.first_week} to {phase.last_week}"
    often = f"{phase.sessions_per_week} sessions a week"
    if not picked:
        return f"{weeks}: none of its routines suits your answers, so use the Library on these days."
    lengths = _listed([f"{round(minutes[routine_id])}" for routine_id in picked])
    if not fits:
        return (
            f"{weeks}: {_names(picked, routines)}, about {lengths} minutes, is the shortest and a little more than "
            f"the {minutes_a_day} minutes a day you have; do what you can of it, {often}."
        )
    turn = " in turn" if len(picked) > 1 else ""
    return (
        f"{weeks}: {_names(picked, routines)}{turn} (about {lengths} minutes), {often}; "
        f"{'they fit' if len(picked) > 1 else 'it fits'} the {minutes_a_day} minutes a day you have."
    )


def _walking_text(standing: Standing, start: int, baseline: int | None) -> str:
    plan = standing.programme.walking
    first = f"Walking: {start} minutes on {plan.days_per_week} days a week to begin with"
    if baseline is not None:
        first += f", a little below the {baseline} minutes you can walk now"
    return (
        f"{first}. It goes up {plan.weekly_step_minutes} minutes a day after each green week, towards "
        f"{plan.target_minutes_per_week} minutes a week."
    )
