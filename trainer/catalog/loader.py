"""Load and cross-check the bundled content and the user's content packs.

Every problem names the file, the JSON path inside it and the reason. The
bundled content must be perfect (a problem there is a ``ContentError``); a
broken user pack is skipped as a whole and reported, so one bad file from a
physiotherapist never stops the app or mixes half a pack into the library.

Every ``*.json`` in the packs folder is a pack: one that cannot be read (a
folder, a dangling symbolic link, a FIFO, a device, a file over 64 MB or
nested over 64 levels, an unreadable file) is reported like any other broken
pack, and so is a packs folder that cannot be listed; none is skipped without
a word. Files are read with ``trainer.files.read_regular_file``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from trainer.catalog import rules
from trainer.catalog.bundled import bundled_content_dir
from trainer.catalog.models import (
    ContentPack,
    Exercise,
    ExercisesFile,
    PainMessage,
    ProgrammesFile,
    Routine,
    RoutinesFile,
    SafetyFile,
    Tip,
    TipsFile,
)
from trainer.catalog.problems import (
    ContentError,
    ContentProblem,
    json_type_name,
    problem_from_json_error,
    problems_from_validation,
)
from trainer.catalog.validated import BUNDLED_FILES, Catalog, find_packs
from trainer.files import FileReadError, MissingFileError, read_regular_file, too_deep

ModelT = TypeVar("ModelT", bound=BaseModel)


def read_model(path: Path, model: type[ModelT]) -> tuple[ModelT | None, list[ContentProblem]]:
    """Read one JSON file into ``model``; never raises for bad input."""
    try:
        text = read_regular_file(path).decode("utf-8")
    except MissingFileError:
        return None, [ContentProblem(path, "", "file not found")]
    except FileReadError as error:
        return None, [ContentProblem(path, "", f"cannot be read: {error.reason}")]
    except UnicodeDecodeError as error:
        return None, [ContentProblem(path, "", f"cannot be read: {error}")]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [problem_from_json_error(path, text, error)]
    except RecursionError:
        return None, [ContentProblem(path, "", "the JSON is nested too deeply to read")]
    deep = too_deep(text)
    if deep is not None:
        return None, [ContentProblem(path, "", deep)]
    if not isinstance(data, dict):
        return None, [ContentProblem(path, "(top level)", f"expected a JSON object, found {json_type_name(data)}")]
    try:
        # strict: "2" is not a number and "yes" is not true; say so instead of guessing
        return model.model_validate(data, strict=True), []
    except ValidationError as error:
        return None, problems_from_validation(path, data, error)


def _duplicates(file: Path, kind: str, items: Sequence[Exercise | Routine | Tip | PainMessage]) -> list[ContentProblem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(items):
        if item.id in seen:
            problems.append(
                ContentProblem(
                    file, f"{kind}[{index}].id", f"duplicate id {item.id!r} (first used at {kind}[{seen[item.id]}])"
                )
            )
        else:
            seen[item.id] = index
    return problems


def _check_variations(file: Path, exercises: Sequence[Exercise], known: Iterable[str]) -> list[ContentProblem]:
    known_ids = set(known)
    problems = []
    for index, exercise in enumerate(exercises):
        for kind in ("easier", "harder"):
            for position, variation in enumerate(getattr(exercise, kind)):
                if variation not in known_ids:
                    problems.append(
                        ContentProblem(
                            file,
                            f"exercises[{index}].{kind}[{position}] (in {exercise.id!r})",
                            f"unknown exercise id {variation!r}",
                        )
                    )
    return problems


def _check_routine_items(
    file: Path, routines: Sequence[Routine], exercises: Mapping[str, Exercise]
) -> list[ContentProblem]:
    """Every item names a known exercise and only changes what that exercise has."""
    problems = []
    for index, routine in enumerate(routines):
        for position, item in enumerate(routine.items):
            where = f"routines[{index}].items[{position}]"
            exercise = exercises.get(item.exercise)
            if exercise is None:
                problems.append(
                    ContentProblem(
                        file, f"{where}.exercise (in {routine.id!r})", f"unknown exercise id {item.exercise!r}"
                    )
                )
                continue
            if item.reps is not None and exercise.dose.reps is None:
                problems.append(
                    ContentProblem(
                        file, f"{where}.reps (in {routine.id!r})", f"{exercise.id!r} is a hold exercise: it has no reps"
                    )
                )
            if item.hold_seconds is not None and exercise.dose.hold_seconds is None:
                problems.append(
                    ContentProblem(
                        file, f"{where}.hold_seconds (in {routine.id!r})", f"{exercise.id!r} has no hold to change"
                    )
                )
    return problems


def _check_clashes(
    file: Path, kind: str, items: Sequence[Exercise | Routine], taken: Mapping[str, Path]
) -> list[ContentProblem]:
    return [
        ContentProblem(
            file,
            f"{kind}[{index}].id",
            f"id {item.id!r} is already used by {taken[item.id]}; choose another id (content is never merged)",
        )
        for index, item in enumerate(items)
        if item.id in taken
    ]


def _load_pack(
    path: Path,
    exercises: Mapping[str, Exercise],
    origin: Mapping[str, Path],
    routines: Mapping[str, Routine] | None = None,
    programme_origin: Mapping[str, Path] | None = None,
) -> tuple[ContentPack | None, list[ContentProblem]]:
    pack, problems = read_model(path, ContentPack)
    if pack is None:
        return None, problems
    problems += _duplicates(path, "exercises", pack.exercises)
    problems += _duplicates(path, "routines", pack.routines)
    problems += _check_clashes(path, "exercises", pack.exercises, origin)
    problems += _check_clashes(path, "routines", pack.routines, origin)
    known = {**exercises, **{exercise.id: exercise for exercise in pack.exercises}}
    problems += _check_variations(path, pack.exercises, known)
    problems += _check_routine_items(path, pack.routines, known)
    problems += rules.check_pack(path, pack, known, routines, programme_origin)
    return (None, problems) if problems else (pack, [])


def load_catalog(
    content_dir: Path | None = None,
    packs: Sequence[Path] = (),
    replacements: Mapping[str, Path] | None = None,
    *,
    packs_dir: Path | None = None,
) -> Catalog:
    """Load the bundled content and then each user pack in order.

    ``replacements`` maps a bundled file name (``exercises.json`` ...) to a
    file to check in its place (``backtrainer check-content``). The packs
    in ``packs_dir`` (the user's content folder) come after ``packs``.

    Raises ``ContentError`` when the bundled content has any problem.
    Broken packs are skipped and listed in ``Catalog.pack_problems``, with
    a packs folder that cannot be read.
    """
    directory = content_dir or bundled_content_dir()
    files = {name: (replacements or {}).get(name, directory / name) for name in BUNDLED_FILES}
    problems: list[ContentProblem] = []

    exercises_file, found = read_model(files["exercises.json"], ExercisesFile)
    problems += found
    routines_file, found = read_model(files["routines.json"], RoutinesFile)
    problems += found
    tips_file, found = read_model(files["tips.json"], TipsFile)
    problems += found
    safety_file, found = read_model(files["safety.json"], SafetyFile)
    problems += found
    programmes_file, found = read_model(files["programme.json"], ProgrammesFile)
    problems += found

    exercise_list = exercises_file.exercises if exercises_file else []
    routine_list = routines_file.routines if routines_file else []
    if exercises_file:
        problems += _duplicates(files["exercises.json"], "exercises", exercise_list)
        problems += _check_variations(files["exercises.json"], exercise_list, (e.id for e in exercise_list))
    if routines_file and exercises_file:
        problems += _duplicates(files["routines.json"], "routines", routine_list)
        by_id = {exercise.id: exercise for exercise in exercise_list}
        problems += _check_routine_items(files["routines.json"], routine_list, by_id)
    if tips_file:
        problems += _duplicates(files["tips.json"], "topics", tips_file.topics)
        problems += _duplicates(files["tips.json"], "messages", tips_file.messages)
    problems += rules.check_bundled(files, exercises_file, routines_file, safety_file, programmes_file)
    if problems:
        raise ContentError(problems)
    assert exercises_file and routines_file and tips_file and safety_file and programmes_file

    exercises = {exercise.id: exercise for exercise in exercise_list}
    routines = {routine.id: routine for routine in routine_list}
    origin = {item_id: files["exercises.json"] for item_id in exercises}
    origin.update({item_id: files["routines.json"] for item_id in routines})
    programmes = {programme.id: programme for programme in programmes_file.programmes}
    programme_origin = {programme_id: files["programme.json"] for programme_id in programmes}

    found_packs, pack_problems = find_packs(packs_dir)
    loaded: list[Path] = []
    for path in [*packs, *found_packs]:
        pack, found = _load_pack(path, exercises, origin, routines, programme_origin)
        if pack is None:
            pack_problems += found
            continue
        loaded.append(path)
        for exercise in pack.exercises:
            exercises[exercise.id] = exercise
            origin[exercise.id] = path
        for routine in pack.routines:
            routines[routine.id] = routine
            origin[routine.id] = path
        for programme in pack.programmes:
            programmes[programme.id] = programme
            programme_origin[programme.id] = path

    return Catalog(
        exercises=exercises,
        routines=routines,
        tips=tuple(tips_file.topics),
        messages=tuple(tips_file.messages),
        safety=safety_file.safety,
        suggestions=routines_file.suggestions,
        origin=origin,
        packs=tuple(loaded),
        pack_problems=tuple(pack_problems),
        programmes=programmes,
        default_programme=programmes_file.default,
        programme_origin=programme_origin,
    )
