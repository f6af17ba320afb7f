"""The content fields added for clinical review: sides, sources, sensitivities, swaps, the pain rule, suggestions."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from trainer.catalog.models import (
    CATEGORIES,
    Exercise,
    PainMessage,
    RoutineItem,
    RoutinesFile,
    Safety,
    SourceRef,
    Suggestions,
)


def messages(raised: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(detail["msg"] for detail in raised.value.errors())


# --- sides -----------------------------------------------------------------------


def test_a_per_side_exercise_needs_sides(hold_exercise_data) -> None:
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(hold_exercise_data(sides=...))
    assert "a per-side exercise needs sides (what left and right mean)" in messages(raised)


def test_sides_say_what_each_side_means(hold_exercise_data) -> None:
    exercise = Exercise.model_validate(
        hold_exercise_data(sides={"left": "left arm and right leg", "right": "right arm and left leg"})
    )
    assert exercise.sides is not None and exercise.sides.left == "left arm and right leg"


def test_sides_are_forbidden_when_the_exercise_is_not_per_side(rep_exercise_data) -> None:
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(rep_exercise_data(sides={"left": "left knee bent", "right": "right knee bent"}))
    assert "sides are only for a per-side exercise (dose.per_side is false)" in messages(raised)


@pytest.mark.parametrize("sides", [{"left": "left leg"}, {"left": "", "right": "right leg"}])
def test_sides_need_both_texts(hold_exercise_data, sides: dict) -> None:
    with pytest.raises(ValidationError):
        Exercise.model_validate(hold_exercise_data(sides=sides))


# --- dose source, sensitivities, categories -----------------------------------------------


def test_dose_source_is_optional_and_a_full_source(rep_exercise_data) -> None:
    assert Exercise.model_validate(rep_exercise_data()).dose_source is None
    source = {"author": "NHS inform", "title": "Exercises for back pain", "year": 2020}
    assert Exercise.model_validate(rep_exercise_data(dose_source=source)).dose_source == SourceRef(**source)


@pytest.mark.parametrize("value", [["bending-back-hurts", "leg-pain"], ["bending-forward-hurts"], []])
def test_avoid_if_takes_the_three_sensitivities(rep_exercise_data, value: list[str]) -> None:
    assert Exercise.model_validate(rep_exercise_data(avoid_if=value)).avoid_if == value


def test_avoid_if_rejects_anything_else(rep_exercise_data) -> None:
    with pytest.raises(ValidationError):
        Exercise.model_validate(rep_exercise_data(avoid_if=["back-hurts"]))


def test_new_categories_are_allowed(rep_exercise_data) -> None:
    assert {"balance", "relaxation", "technique"} <= set(CATEGORIES)
    assert Exercise.model_validate(rep_exercise_data(category="technique")).category == "technique"


# --- sources and pain messages ------------------------------------------------------------


def test_a_source_needs_its_first_author() -> None:
    with pytest.raises(ValidationError):
        SourceRef.model_validate({"title": "Exercise therapy for chronic low back pain", "year": 2021})


def test_a_source_title_may_be_long_as_published() -> None:
    title = "A title as published " * 12
    assert len(SourceRef(author="Cherkin DC", title=title, year=2016).title) > 200


def test_a_pain_message_needs_an_evidence_label() -> None:
    source = {"author": "Foster NE", "title": "A review", "year": 2018}
    with pytest.raises(ValidationError):
        PainMessage.model_validate({"id": "m-one", "text": "Backs are strong.", "sources": [source]})
    message = PainMessage.model_validate(
        {"id": "m-one", "text": "Backs are strong.", "evidence": "some evidence", "sources": [source]}
    )
    assert message.evidence == "some evidence"


# --- routine items and suggestions -------------------------------------------------------


def test_routine_item_instead_is_an_id() -> None:
    assert RoutineItem(exercise="superman", instead="diagonal-superman").instead == "diagonal-superman"
    assert RoutineItem(exercise="superman").instead is None
    with pytest.raises(ValidationError):
        RoutineItem(exercise="superman", instead="Diagonal superman")


def test_suggestions_default_to_three_start_sessions_and_need_a_rotation() -> None:
    suggestions = Suggestions(start_with="gentle-start", flare_up="flare-up-gentle", rotation=["back-basics"])
    assert suggestions.start_sessions == 3
    with pytest.raises(ValidationError):
        Suggestions(start_with="gentle-start", flare_up="flare-up-gentle", rotation=[])
    with pytest.raises(ValidationError):
        Suggestions(start_with="gentle-start", flare_up="flare-up-gentle", rotation=["a-b"], start_sessions=0)


def test_routines_file_needs_suggestions(repo_content_dir) -> None:
    data = json.loads((repo_content_dir / "routines.json").read_text(encoding="utf-8"))
    assert RoutinesFile.model_validate(data).suggestions.start_with
    del data["suggestions"]
    with pytest.raises(ValidationError):
        RoutinesFile.model_validate(data)


# --- the pain rule ------------------------------------------------------------------------


@pytest.fixture
def safety_data(repo_content_dir) -> dict:
    return json.loads((repo_content_dir / "safety.json").read_text(encoding="utf-8"))["safety"]


@pytest.mark.parametrize("part", ["summary", "green", "amber", "red", "why"])
def test_the_pain_rule_has_every_part(safety_data, part: str) -> None:
    del safety_data["pain_rule"][part]
    with pytest.raises(ValidationError):
        Safety.model_validate(safety_data)


def test_safety_needs_the_pain_rule(safety_data) -> None:
    assert Safety.model_validate(safety_data).pain_rule.summary
    del safety_data["pain_rule"]
    with pytest.raises(ValidationError):
        Safety.model_validate(safety_data)
