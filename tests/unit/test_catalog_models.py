"""Rules the content models enforce (each one is a mistake an author can make)."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from trainer.catalog.describe import cautions_with_stop_rule, describe_dose, describe_tempo
from trainer.catalog.models import ContentPack, Dose, Exercise, IntRange, Routine, RoutineItem, Safety


def error_messages(raised: pytest.ExceptionInfo[ValidationError]) -> str:
    return " | ".join(detail["msg"] for detail in raised.value.errors())


# --- IntRange ---------------------------------------------------------------


def test_int_range_rejects_min_above_max() -> None:
    with pytest.raises(ValidationError) as raised:
        IntRange(min=5, max=3)
    assert "min (5) is larger than max (3)" in error_messages(raised)


def test_int_range_allows_equal_ends_and_prints_one_number() -> None:
    assert str(IntRange(min=3, max=3)) == "3"
    assert str(IntRange(min=2, max=3)) == "2-3"


def test_int_range_rejects_negative_numbers() -> None:
    with pytest.raises(ValidationError):
        IntRange(min=-1, max=3)


# --- Dose ---------------------------------------------------------------------


def test_dose_needs_reps_or_hold() -> None:
    with pytest.raises(ValidationError) as raised:
        Dose(sets=IntRange(min=1, max=2))
    assert "a dose needs reps, hold_seconds, or both" in error_messages(raised)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("sets", "sets must be at least 1"),
        ("reps", "reps must be at least 1"),
        ("hold_seconds", "hold_seconds must be at least 1"),
    ],
)
def test_dose_rejects_zero_at_the_low_end(field: str, message: str) -> None:
    data = {"sets": {"min": 1, "max": 2}, "reps": {"min": 5, "max": 8}, "hold_seconds": {"min": 2, "max": 3}}
    data[field] = {"min": 0, "max": 2}
    with pytest.raises(ValidationError) as raised:
        Dose.model_validate(data)
    assert message in error_messages(raised)


def test_dose_without_reps_is_a_hold() -> None:
    assert Dose(sets=IntRange(min=1, max=1), hold_seconds=IntRange(min=20, max=30)).is_hold
    assert not Dose(sets=IntRange(min=1, max=1), reps=IntRange(min=5, max=5)).is_hold


# --- Exercise: tempo and dose agree -----------------------------------------------


def test_rep_exercise_needs_a_tempo(rep_exercise_data) -> None:
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(rep_exercise_data(tempo=...))
    assert "an exercise with reps needs a tempo" in error_messages(raised)


def test_hold_exercise_must_not_have_a_tempo(hold_exercise_data) -> None:
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(hold_exercise_data(tempo=[{"cue": "Hold", "seconds": 20, "is_hold": True}]))
    assert "a hold exercise (no reps) must not have a tempo" in error_messages(raised)


def test_reps_with_hold_seconds_need_a_hold_phase(rep_exercise_data) -> None:
    tempo = [{"cue": "Lift", "seconds": 2}, {"cue": "Lower", "seconds": 2}]
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(rep_exercise_data(tempo=tempo))
    assert "the dose has hold_seconds, so the tempo needs an is_hold phase" in error_messages(raised)


def test_hold_phase_needs_hold_seconds_in_the_dose(rep_exercise_data) -> None:
    data = rep_exercise_data()
    del data["dose"]["hold_seconds"]
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(data)
    assert "the tempo has an is_hold phase, so the dose needs hold_seconds" in error_messages(raised)


@pytest.mark.parametrize("seconds", [1, 3.5, 4])
def test_hold_phase_outside_hold_range_is_rejected(rep_exercise_data, seconds: float) -> None:
    data = rep_exercise_data()
    data["tempo"][1]["seconds"] = seconds
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(data)
    assert f"the tempo's hold ({seconds:g} s) is outside the dose's hold_seconds (2-3)" in error_messages(raised)


@pytest.mark.parametrize("seconds", [2, 2.5, 3])
def test_hold_phase_inside_hold_range_is_accepted(rep_exercise_data, seconds: float) -> None:
    data = rep_exercise_data()
    data["tempo"][1]["seconds"] = seconds
    assert Exercise.model_validate(data).seconds_per_rep == 4 + seconds


def test_tempo_allows_at_most_one_hold_phase(rep_exercise_data) -> None:
    data = rep_exercise_data()
    data["tempo"][2]["is_hold"] = True
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(data)
    assert "a tempo may have at most one is_hold phase" in error_messages(raised)


def test_exercise_cannot_be_its_own_variation(rep_exercise_data) -> None:
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(rep_exercise_data(harder=["test-lift"]))
    assert "an exercise cannot be its own variation" in error_messages(raised)


# --- ids and unknown keys --------------------------------------------------------


@pytest.mark.parametrize("slug", ["bird-dog", "a1", "step-2-up", "x" * 60])
def test_slug_ids_accepted(rep_exercise_data, slug: str) -> None:
    assert Exercise.model_validate(rep_exercise_data(id=slug)).id == slug


@pytest.mark.parametrize("slug", ["Bird-Dog", "bird_dog", "bird dog", "bird--dog", "a", "x" * 61])
def test_non_slug_ids_rejected(rep_exercise_data, slug: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(rep_exercise_data(id=slug))
    assert [detail["loc"] for detail in raised.value.errors()] == [("id",)]


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (RoutineItem, {"exercise": "bird-dog", "rest": 10}),
        (IntRange, {"min": 1, "max": 2, "step": 1}),
    ],
)
def test_unknown_keys_rejected(model, data) -> None:
    with pytest.raises(ValidationError) as raised:
        model.model_validate(data)
    assert [detail["type"] for detail in raised.value.errors()] == ["extra_forbidden"]


def test_misspelt_exercise_field_is_named(rep_exercise_data) -> None:
    with pytest.raises(ValidationError) as raised:
        Exercise.model_validate(rep_exercise_data(equipmnet=["mat"]))
    details = raised.value.errors()
    assert [(detail["type"], detail["loc"]) for detail in details] == [("extra_forbidden", ("equipmnet",))]


# --- Routine -------------------------------------------------------------------


def _routine_data(items: list[dict]) -> dict:
    return {
        "id": "r-one",
        "name": "R",
        "summary": "A routine.",
        "when_to_use": "Any time.",
        "level": "gentle",
        "items": items,
    }


def test_routine_must_start_with_a_warm_up() -> None:
    data = _routine_data([{"exercise": "cat-cow", "part": "main"}, {"exercise": "bird-dog", "part": "warm-up"}])
    with pytest.raises(ValidationError) as raised:
        Routine.model_validate(data)
    assert "a routine must start with a warm-up item (part: warm-up)" in error_messages(raised)


def test_routine_item_part_defaults_to_main_so_first_item_needs_it_spelt_out() -> None:
    with pytest.raises(ValidationError):
        Routine.model_validate(_routine_data([{"exercise": "cat-cow"}]))
    items = [{"exercise": "cat-cow", "part": "warm-up"}, {"exercise": "bird-dog"}]
    routine = Routine.model_validate(_routine_data(items))
    assert [item.part for item in routine.items] == ["warm-up", "main"]
    assert routine.transition_seconds == 10


def test_routine_needs_items() -> None:
    with pytest.raises(ValidationError):
        Routine.model_validate(_routine_data([]))


# --- Safety ----------------------------------------------------------------------


@pytest.fixture
def safety_data(repo_content_dir) -> dict:
    return json.loads((repo_content_dir / "safety.json").read_text(encoding="utf-8"))["safety"]


def test_real_safety_data_is_valid_and_lists_are_found_by_id(safety_data) -> None:
    safety = Safety.model_validate(safety_data)
    assert safety.help_list("same-day").id == "same-day"


@pytest.mark.parametrize(
    "order",
    [[1, 0, 2], [2, 1, 0], [0, 0, 2]],
    ids=["swapped", "reversed", "repeated"],
)
def test_help_lists_must_be_emergency_same_day_routine_in_order(safety_data, order: list[int]) -> None:
    lists = safety_data["help_lists"]
    safety_data["help_lists"] = [lists[index] for index in order]
    with pytest.raises(ValidationError) as raised:
        Safety.model_validate(safety_data)
    assert "help_lists must be emergency, same-day and routine, in that order" in error_messages(raised)


def test_help_lists_must_be_exactly_three(safety_data) -> None:
    safety_data["help_lists"] = safety_data["help_lists"][:2]
    with pytest.raises(ValidationError):
        Safety.model_validate(safety_data)


# --- ContentPack ---------------------------------------------------------------


def test_content_pack_must_not_be_empty() -> None:
    with pytest.raises(ValidationError) as raised:
        ContentPack.model_validate({"name": "Nothing here"})
    assert "a content pack needs at least one exercise, routine or programme" in error_messages(raised)


def test_content_pack_with_only_a_routine_is_valid() -> None:
    pack = ContentPack.model_validate(
        {"$schema": "pack.schema.json", "routines": [_routine_data([{"exercise": "cat-cow", "part": "warm-up"}])]}
    )
    assert [routine.id for routine in pack.routines] == ["r-one"]
    assert pack.exercises == []


# --- plain-words descriptions (catalog.describe) --------------------------------


def test_describe_dose_for_reps_with_a_hold(make_exercise) -> None:
    assert describe_dose(make_exercise()) == "2-3 sets of 10-15 reps, holding 2-3 s each time; rest 30 s between sets"


def test_describe_dose_for_holds_on_each_side(make_exercise) -> None:
    assert describe_dose(make_exercise("hold")) == "2-3 holds of 20-30 s on each side; rest 20 s between sets"


def test_describe_dose_uses_minutes_and_skips_rest_for_one_set(hold_exercise_data) -> None:
    data = hold_exercise_data()
    data["dose"] = {"sets": {"min": 1, "max": 1}, "hold_seconds": {"min": 120, "max": 600}, "rest_seconds": 0}
    del data["sides"]
    assert describe_dose(Exercise.model_validate(data)) == "1 hold of 2-10 min"


def test_describe_tempo(make_exercise) -> None:
    assert describe_tempo(make_exercise()) == "Lift 2 s · Hold 2 s · Lower 2 s"
    assert describe_tempo(make_exercise("hold")) == ""


def test_the_general_stop_rule_is_added_only_where_the_cautions_do_not_say_it(make_exercise) -> None:
    rule = "Stop if you feel sharp or spreading pain, numbness, tingling or weakness."
    says_it = make_exercise(cautions=["Stop if it brings on numbness or tingling down a leg."])
    silent = make_exercise(cautions=["Keep your neck relaxed."])
    assert cautions_with_stop_rule(says_it, rule) == says_it.cautions
    assert cautions_with_stop_rule(silent, rule) == ["Keep your neck relaxed.", rule]
