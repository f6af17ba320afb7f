"""Content rules for programmes: each part against the exercises and routines it names.

Checked for the bundled ``programme.json`` and for every programme in a physiotherapist's pack
(``rules.check_bundled`` and ``rules.check_pack`` call ``check_programmes``):

- every routine a phase plays exists, and is not above the phase's level; phases never get easier;
- every ladder's exercise and every variation a rung names exist; an exercise is on one ladder at most;
- each rung is a dose the exercise can take: reps for a rep exercise, a hold only where it has one, and
  never more than the exercise's own dose allows (the top of its ranges is where a ladder ends);
- each rung asks for more than the one below it on the same exercise, and a change of exercise moves to
  the next harder variation (the lower one lists the upper as harder, or the upper lists the lower as
  easier), whose level is never below the one before; no rung is above the last phase's level;
- some phase plays each ladder, and no routine a phase plays holds two items of the same ladder.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from trainer.catalog.models import LEVELS, Exercise, Routine, RoutinesFile
from trainer.catalog.problems import ContentProblem
from trainer.catalog.programme import Ladder, Programme, Rung


def rung_work(exercise: Exercise, rung: Rung) -> float:
    """How much a rung asks: seconds of work in all its sets (one side)."""
    hold = rung.hold_seconds
    if rung.reps is None:
        return rung.sets * float(hold or 0)
    per_rep = sum(float(hold if phase.is_hold and hold else phase.seconds) for phase in exercise.tempo or ()) or 1.0
    return rung.sets * rung.reps * per_rep


def _dose_problems(exercise: Exercise, rung: Rung) -> Iterator[str]:
    dose = exercise.dose
    if dose.reps is None and rung.reps is not None:
        yield f"{exercise.id!r} is a hold exercise: a rung gives it hold_seconds, not reps"
    if dose.reps is not None and rung.reps is None:
        yield f"{exercise.id!r} is a rep exercise: a rung needs reps"
    if dose.hold_seconds is None and rung.hold_seconds is not None:
        yield f"{exercise.id!r} has no hold to set"
    if dose.reps is None and rung.hold_seconds is None:
        yield f"{exercise.id!r} is a hold exercise: a rung needs hold_seconds"
    if rung.sets > dose.sets.max:
        yield f"{rung.sets} sets is more than {exercise.id!r} allows ({dose.sets})"
    if rung.reps is not None and dose.reps is not None and rung.reps > dose.reps.max:
        yield f"{rung.reps} reps is more than {exercise.id!r} allows ({dose.reps})"
    if rung.hold_seconds is not None and dose.hold_seconds is not None and rung.hold_seconds > dose.hold_seconds.max:
        yield f"a {rung.hold_seconds} s hold is longer than {exercise.id!r} allows ({dose.hold_seconds} s)"


def _step_problem(lower: Exercise, lower_rung: Rung, upper: Exercise, upper_rung: Rung) -> str | None:
    if lower.id == upper.id:
        if rung_work(upper, upper_rung) <= rung_work(lower, lower_rung):
            return "asks for no more than the rung below it (more reps, a longer hold or more sets, one at a time)"
        return None
    if upper.id not in lower.harder and lower.id not in upper.easier:
        return f"{upper.id!r} is not a harder variation of {lower.id!r} (neither lists the other)"
    if LEVELS.index(upper.level) < LEVELS.index(lower.level):
        return f"{upper.id!r} ({upper.level}) is easier than the rung below it ({lower.id!r}, {lower.level})"
    return None


def _ladder_problems(
    file: Path, where: str, ladder: Ladder, exercises: Mapping[str, Exercise], top_level: str
) -> list[ContentProblem]:
    problems = []
    if ladder.exercise not in exercises:
        return [ContentProblem(file, f"{where}.exercise", f"unknown exercise id {ladder.exercise!r}")]
    previous: tuple[Exercise, Rung] | None = None
    for index, rung in enumerate(ladder.rungs):
        at = f"{where}.rungs[{index}] (in the {ladder.exercise!r} ladder)"
        exercise = exercises.get(ladder.exercise_at(index))
        if exercise is None:
            problems.append(ContentProblem(file, f"{at}.exercise", f"unknown exercise id {rung.exercise!r}"))
            previous = None
            continue
        problems += [ContentProblem(file, at, text) for text in _dose_problems(exercise, rung)]
        if LEVELS.index(exercise.level) > LEVELS.index(top_level):
            problems.append(
                ContentProblem(file, at, f"{exercise.id!r} is {exercise.level}, above the last phase ({top_level})")
            )
        if previous is not None:
            step = _step_problem(previous[0], previous[1], exercise, rung)
            if step is not None:
                problems.append(ContentProblem(file, at, step))
        previous = (exercise, rung)
    return problems


def _phase_problems(
    file: Path, where: str, programme: Programme, routines: Mapping[str, Routine]
) -> list[ContentProblem]:
    problems = []
    for index, phase in enumerate(programme.phases):
        at = f"{where}.phases[{index}]"
        if index and LEVELS.index(phase.level) < LEVELS.index(programme.phases[index - 1].level):
            problems.append(ContentProblem(file, f"{at}.level", "a phase is easier than the one before it"))
        for position, routine_id in enumerate(phase.routines):
            routine = routines.get(routine_id)
            if routine is None:
                problems.append(
                    ContentProblem(file, f"{at}.routines[{position}]", f"unknown routine id {routine_id!r}")
                )
            elif LEVELS.index(routine.level) > LEVELS.index(phase.level):
                problems.append(
                    ContentProblem(
                        file,
                        f"{at}.routines[{position}]",
                        f"{routine_id!r} is {routine.level}, above the phase's level ({phase.level})",
                    )
                )
    return problems


def _family_problems(
    file: Path, where: str, programme: Programme, routines: Mapping[str, Routine]
) -> list[ContentProblem]:
    """One ladder per exercise; each ladder played by some phase, never twice in one routine."""
    problems = []
    owner: dict[str, int] = {}
    for index, ladder in enumerate(programme.ladders):
        for exercise_id in ladder.exercises:
            if exercise_id in owner and owner[exercise_id] != index:
                problems.append(
                    ContentProblem(
                        file,
                        f"{where}.ladders[{index}] (in the {ladder.exercise!r} ladder)",
                        f"{exercise_id!r} is already on ladders[{owner[exercise_id]}]: an exercise is on one ladder",
                    )
                )
            owner.setdefault(exercise_id, index)
    played = [routines[routine_id] for routine_id in programme.routine_ids if routine_id in routines]
    used = {item.exercise for routine in played for item in routine.items}
    for index, ladder in enumerate(programme.ladders):
        if not used & set(ladder.exercises):
            problems.append(
                ContentProblem(
                    file,
                    f"{where}.ladders[{index}] (in the {ladder.exercise!r} ladder)",
                    "no routine of the programme plays this ladder's exercises",
                )
            )
    for routine in played:
        seen: dict[int, str] = {}
        for item in routine.items:
            ladder_index = owner.get(item.exercise)
            if ladder_index is None:
                continue
            if ladder_index in seen:
                problems.append(
                    ContentProblem(
                        file,
                        f"{where}.ladders[{ladder_index}]",
                        f"routine {routine.id!r} plays {seen[ladder_index]!r} and {item.exercise!r}, both on this "
                        "ladder (the ladder gives each item the same dose)",
                    )
                )
            seen.setdefault(ladder_index, item.exercise)
    return problems


def check_programmes(
    file: Path,
    programmes: Sequence[Programme],
    exercises: Mapping[str, Exercise],
    routines: Mapping[str, Routine],
    taken: Mapping[str, Path] | None = None,
) -> list[ContentProblem]:
    """Every rule for the programmes of one file; ``taken`` holds the programme ids already loaded."""
    problems = []
    seen: set[str] = set()
    for index, programme in enumerate(programmes):
        where = f"programmes[{index}]"
        if programme.id in seen:
            problems.append(ContentProblem(file, f"{where}.id", f"duplicate id {programme.id!r}"))
        seen.add(programme.id)
        if taken and programme.id in taken:
            problems.append(
                ContentProblem(
                    file, f"{where}.id", f"id {programme.id!r} is already used by {taken[programme.id]}; choose another"
                )
            )
        problems += _phase_problems(file, where, programme, routines)
        top = programme.phases[-1].level
        for position, ladder in enumerate(programme.ladders):
            problems += _ladder_problems(file, f"{where}.ladders[{position}]", ladder, exercises, top)
        problems += _family_problems(file, where, programme, routines)
    return problems


def check_default(file: Path, default: str, programmes: Sequence[Programme]) -> list[ContentProblem]:
    if default in {programme.id for programme in programmes}:
        return []
    return [ContentProblem(file, "default", f"unknown programme id {default!r}")]


def routines_of(routines_file: RoutinesFile | None) -> dict[str, Routine]:
    return {routine.id: routine for routine in routines_file.routines} if routines_file else {}
