"""Content rules beyond what one model can check on its own.

The models check each item; these rules check items against each other and
against plain-language limits: a routine's level is true to the exercises
it holds, every id a routine or the suggestions name is known, and every
safety text is short and easy to read. They run on the bundled content (a
problem there is a ``ContentError``) and on each user pack (the pack is
skipped with its problems), and report file, JSON path and reason like the
loader does.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from trainer.catalog.models import (
    LEVELS,
    ContentPack,
    Exercise,
    ExercisesFile,
    ProgrammesFile,
    Routine,
    RoutinesFile,
    Safety,
    SafetyFile,
)
from trainer.catalog.problems import ContentProblem
from trainer.catalog.programme_rules import check_default, check_programmes, routines_of
from trainer.catalog.readability import readability

MAX_SAFETY_GRADE = 7.0
"""Safety text must be readable at about age 12 (Flesch-Kincaid grade 7) or easier."""
MAX_SAFETY_WORDS = 25
"""About 20 words is the aim for a safety item; more than this is too long to take in at a glance."""


def check_levels(file: Path, routines: Sequence[Routine], exercises: Mapping[str, Exercise]) -> list[ContentProblem]:
    """A routine's level is not below the level of the hardest exercise it holds."""
    problems = []
    for index, routine in enumerate(routines):
        known = [
            (position, exercises[item.exercise])
            for position, item in enumerate(routine.items)
            if item.exercise in exercises
        ]
        if not known:
            continue
        position, hardest = max(known, key=lambda pair: LEVELS.index(pair[1].level))
        if LEVELS.index(hardest.level) > LEVELS.index(routine.level):
            problems.append(
                ContentProblem(
                    file,
                    f"routines[{index}].level (in {routine.id!r})",
                    f"level {routine.level!r} is below the level of its exercises: items[{position}] "
                    f"{hardest.id!r} is {hardest.level!r} "
                    f"(make the routine {hardest.level!r} or use an easier exercise)",
                )
            )
    return problems


def check_instead(
    file: Path, routines: Sequence[Routine], known_exercises: Mapping[str, Exercise]
) -> list[ContentProblem]:
    """Every ``instead`` names a known exercise other than the item's own."""
    problems = []
    for index, routine in enumerate(routines):
        for position, item in enumerate(routine.items):
            if item.instead is None:
                continue
            where = f"routines[{index}].items[{position}].instead (in {routine.id!r})"
            if item.instead not in known_exercises:
                problems.append(ContentProblem(file, where, f"unknown exercise id {item.instead!r}"))
            elif item.instead == item.exercise:
                problems.append(ContentProblem(file, where, f"{item.instead!r} cannot be offered instead of itself"))
    return problems


def check_suggestions(file: Path, routines_file: RoutinesFile) -> list[ContentProblem]:
    """The routines Home suggests all exist."""
    known = {routine.id for routine in routines_file.routines}
    suggestions = routines_file.suggestions
    named = [
        ("suggestions.start_with", suggestions.start_with),
        ("suggestions.flare_up", suggestions.flare_up),
        *(
            (f"suggestions.rotation[{position}]", routine_id)
            for position, routine_id in enumerate(suggestions.rotation)
        ),
    ]
    return [
        ContentProblem(file, where, f"unknown routine id {routine_id!r}")
        for where, routine_id in named
        if routine_id not in known
    ]


def safety_texts(safety: Safety) -> Iterator[tuple[str, str]]:
    """(JSON path, text) of every safety item a person must be able to read at a glance."""
    yield "safety.stop_rule_short", safety.stop_rule_short
    for position, text in enumerate(safety.stop_rules):
        yield f"safety.stop_rules[{position}]", text
    for position, text in enumerate(safety.check_first):
        yield f"safety.check_first[{position}]", text
    for name in ("summary", "green", "amber", "red", "why"):
        yield f"safety.pain_rule.{name}", getattr(safety.pain_rule, name)
    for index, help_list in enumerate(safety.help_lists):
        for position, text in enumerate(help_list.items):
            yield f"safety.help_lists[{index}].items[{position}] (in {help_list.id!r})", text


def check_readability(file: Path, safety: Safety) -> list[ContentProblem]:
    """Each safety item is at most grade 7 and at most about 25 words."""
    problems = []
    for where, text in safety_texts(safety):
        score = readability(text)
        if score.grade > MAX_SAFETY_GRADE or score.words > MAX_SAFETY_WORDS:
            problems.append(
                ContentProblem(
                    file,
                    where,
                    f"too hard to read at a glance: grade {score.grade:.1f}, {score.words} words "
                    f"(a safety item may have grade {MAX_SAFETY_GRADE:g} and {MAX_SAFETY_WORDS} words at most)",
                )
            )
    return problems


def check_bundled(
    files: Mapping[str, Path],
    exercises_file: ExercisesFile | None,
    routines_file: RoutinesFile | None,
    safety_file: SafetyFile | None,
    programmes_file: ProgrammesFile | None = None,
) -> list[ContentProblem]:
    """All content rules for the bundled files that could be read (the others are already reported)."""
    problems: list[ContentProblem] = []
    if programmes_file is not None and exercises_file is not None and routines_file is not None:
        exercises_by_id = {exercise.id: exercise for exercise in exercises_file.exercises}
        programme_file = files["programme.json"]
        problems += check_programmes(
            programme_file, programmes_file.programmes, exercises_by_id, routines_of(routines_file)
        )
        problems += check_default(programme_file, programmes_file.default, programmes_file.programmes)
    if routines_file is not None:
        problems += check_suggestions(files["routines.json"], routines_file)
        if exercises_file is not None:
            exercises = {exercise.id: exercise for exercise in exercises_file.exercises}
            problems += check_levels(files["routines.json"], routines_file.routines, exercises)
            problems += check_instead(files["routines.json"], routines_file.routines, exercises)
    if safety_file is not None:
        problems += check_readability(files["safety.json"], safety_file.safety)
    return problems


def check_pack(
    path: Path,
    pack: ContentPack,
    known_exercises: Mapping[str, Exercise],
    known_routines: Mapping[str, Routine] | None = None,
    taken_programmes: Mapping[str, Path] | None = None,
) -> list[ContentProblem]:
    """Content rules for one user pack; ``known_exercises`` and ``known_routines`` hold the bundled and the
    pack's own, ``taken_programmes`` the programme ids already loaded (and the file of each)."""
    problems = check_levels(path, pack.routines, known_exercises) + check_instead(path, pack.routines, known_exercises)
    if pack.programmes:
        routines = {**(known_routines or {}), **{routine.id: routine for routine in pack.routines}}
        problems += check_programmes(path, pack.programmes, known_exercises, routines, taken_programmes)
    return problems
