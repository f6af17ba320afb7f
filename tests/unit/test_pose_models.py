"""Poses as content: a base position, the angles that differ from it, validated like every other field."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from trainer.catalog.loader import load_catalog
from trainer.catalog.models import BASE_POSITIONS, Exercise, Pose, Poses
from trainer.catalog.poses import ANGLES, BASE_DEFAULTS, defaults_for
from trainer.catalog.schema import schema_documents

REPO_POSES = {"start": {"base": "all-fours"}, "end": {"base": "all-fours", "shoulder_left": 172, "hip_right": -8}}


def test_a_pose_says_only_what_differs_from_its_base() -> None:
    pose = Pose.model_validate({"base": "all-fours", "shoulder_left": 172, "hip_right": -8})
    assert pose.shoulder_left == 172 and pose.hip_right == -8
    assert pose.shoulder_right == BASE_DEFAULTS["all-fours"]["shoulder"]
    assert pose.knee_left == 90 and pose.trunk == 82
    assert pose.differences() == {"shoulder_left": 172, "hip_right": -8}


@pytest.mark.parametrize("base", BASE_POSITIONS)
def test_every_base_position_has_every_angle(base: str) -> None:
    pose = Pose.model_validate({"base": base})
    assert set(pose.angles()) == set(ANGLES)
    assert pose.angles() == defaults_for(pose.base)
    assert pose.differences() == {}


def test_the_base_positions_look_as_named() -> None:
    def of(base: str) -> Pose:
        return Pose.model_validate({"base": base})

    assert of("standing").trunk == 0 and of("standing").hip_left == 0
    assert of("sitting").hip_left == 90 and of("sitting").knee_left == 90
    assert of("lying-on-back").trunk == -90 and of("lying-on-front").trunk == 90
    assert of("kneeling").knee_left == 90 and of("kneeling").hip_left == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("knee_left", -1),
        ("knee_right", 171),
        ("elbow_left", 200),
        ("trunk", 181),
        ("hip_left", -181),
        ("spine", 46),
        ("head", -91),
        ("twist", 91),
    ],
)
def test_angles_out_of_range_are_refused(field: str, value: int) -> None:
    with pytest.raises(ValidationError) as raised:
        Pose.model_validate({"base": "standing", field: value})
    assert [error["loc"] for error in raised.value.errors()] == [(field,)]


def test_angles_are_whole_degrees() -> None:
    with pytest.raises(ValidationError):
        Pose.model_validate({"base": "standing", "knee_left": 12.5})


def test_an_unknown_base_is_the_one_error_told() -> None:
    with pytest.raises(ValidationError) as raised:
        Pose.model_validate({"base": "handstand", "knee_left": 10})
    assert [error["loc"] for error in raised.value.errors()] == [("base",)]


def test_a_typo_in_an_angle_is_refused() -> None:
    with pytest.raises(ValidationError) as raised:
        Pose.model_validate({"base": "standing", "elbo_left": 10})
    assert "elbo_left" in str(raised.value)


def test_an_unknown_prop_is_refused() -> None:
    with pytest.raises(ValidationError):
        Pose.model_validate({"base": "sitting", "prop": "sofa"})


def test_poses_face_right_unless_told() -> None:
    poses = Poses.model_validate(REPO_POSES)
    assert poses.facing == "right"
    assert Poses.model_validate({**REPO_POSES, "facing": "left"}).facing == "left"
    with pytest.raises(ValidationError):
        Poses.model_validate({**REPO_POSES, "facing": "up"})


def test_an_exercise_may_have_poses_or_none(rep_exercise_data) -> None:
    assert Exercise.model_validate(rep_exercise_data()).poses is None
    exercise = Exercise.model_validate(rep_exercise_data(poses=REPO_POSES))
    assert exercise.poses is not None and exercise.poses.end.shoulder_left == 172


def test_poses_are_hashable_and_equal_by_value() -> None:
    a = Pose.model_validate({"base": "standing", "knee_left": 10})
    b = Pose.model_validate({"base": "standing", "knee_left": 10})
    assert a == b and hash(a) == hash(b)


def test_a_pack_exercise_may_give_poses(write_pack, rep_exercise_data) -> None:
    pack = write_pack("physio.json", exercises=[rep_exercise_data(id="pack-lift", poses=REPO_POSES)])
    catalog = load_catalog(packs=[pack])
    assert catalog.pack_problems == ()
    assert catalog.exercises["pack-lift"].poses == Poses.model_validate(REPO_POSES)


def test_a_pack_with_a_bad_pose_is_skipped_with_the_angle_named(write_pack, rep_exercise_data) -> None:
    poses = {"start": {"base": "standing"}, "end": {"base": "standing", "knee_left": 190}}
    pack = write_pack("physio.json", exercises=[rep_exercise_data(id="pack-lift", poses=poses)])
    catalog = load_catalog(packs=[pack])
    assert "pack-lift" not in catalog.exercises
    assert any("knee_left" in problem.where for problem in catalog.pack_problems)


def test_the_schema_lets_a_pose_give_only_its_base() -> None:
    document = schema_documents()["exercises.schema.json"]
    assert '"required": [\n        "base"\n      ]' in document
