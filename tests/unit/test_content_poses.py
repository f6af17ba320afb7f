"""The bundled poses: every exercise has its figure, the figure moves, and it shows the position the steps say."""

from __future__ import annotations

import pytest

from trainer.catalog.loader import load_catalog
from trainer.catalog.models import Exercise, Poses
from trainer.catalog.validated import Catalog
from trainer.engine.figure import render

BUNDLED = load_catalog().exercises
STILL_CATEGORIES = ("relaxation",)
"""Exercises that lie still: their start and end may be the same."""

# The first words of a step that say where the body is, most particular first ("kneel on all fours" is all fours).
POSITION_WORDS = (
    ("face down", "lying-on-front"),
    ("all fours", "all-fours"),
    ("on your back", "lying-on-back"),
    ("on your side", "side-lying"),
    ("kneel", "kneeling"),
    ("sit", "sitting"),
    ("stand", "standing"),
)


def posed(exercise_id: str) -> Poses:
    poses = BUNDLED[exercise_id].poses
    assert poses is not None, f"{exercise_id} has no poses"
    return poses


def position_in_steps(exercise: Exercise) -> str | None:
    """The base position the first step that names one names (None: no step does, or one names two)."""
    for step in exercise.steps:
        text = step.casefold()
        named = [base for words, base in POSITION_WORDS if words in text]
        if "sit" in text and "stand" in text:
            return None  # "sit or stand tall": either will do
        if named:
            return named[0]
    return None


def test_every_bundled_exercise_has_poses(real_catalog: Catalog) -> None:
    assert [exercise.id for exercise in real_catalog.exercises.values() if exercise.poses is None] == []


@pytest.mark.parametrize("exercise_id", list(BUNDLED))
def test_start_and_end_differ_for_every_exercise_that_moves(exercise_id: str) -> None:
    exercise, poses = BUNDLED[exercise_id], posed(exercise_id)
    if exercise.category in STILL_CATEGORIES:
        return
    assert poses.start != poses.end
    # ... and visibly so, at the smallest size the figure is drawn
    assert render(poses.start, 20, 8, fit=(poses.start, poses.end)) != render(
        poses.end, 20, 8, fit=(poses.start, poses.end)
    )


@pytest.mark.parametrize("exercise_id", list(BUNDLED))
def test_the_start_pose_is_the_position_the_steps_name(exercise_id: str) -> None:
    named = position_in_steps(BUNDLED[exercise_id])
    if named is not None:
        assert posed(exercise_id).start.base == named


def test_the_steps_name_the_position_of_most_exercises() -> None:
    """The check above is not vacuous: only a few exercises (walking, a sit-or-stand) name no position."""
    unnamed = [exercise.id for exercise in BUNDLED.values() if position_in_steps(exercise) is None]
    assert len(unnamed) <= 3, unnamed


def test_no_two_exercises_look_the_same() -> None:
    pictures: dict[tuple[tuple[str, ...], ...], str] = {}
    for exercise_id in BUNDLED:
        poses = posed(exercise_id)
        fit = (poses.start, poses.end)
        picture = (render(poses.start, 24, 10, fit=fit), render(poses.end, 24, 10, fit=fit))
        assert picture not in pictures, f"{exercise_id} looks like {pictures.get(picture)}"
        pictures[picture] = exercise_id


def test_the_relaxation_exercises_lie_on_the_back() -> None:
    for exercise in BUNDLED.values():
        if exercise.category == "relaxation":
            assert posed(exercise.id).start.base == "lying-on-back"


def test_the_sit_to_stand_sits_then_stands_on_a_chair() -> None:
    poses = posed("sit-to-stand")
    assert (poses.start.base, poses.end.base) == ("sitting", "standing")
    assert poses.start.prop == poses.end.prop == "chair"
