"""Tailoring (trainer.engine.tailoring) and the ladders it plays (trainer.engine.ladders), on the real content."""

from __future__ import annotations

from datetime import date

import pytest

from tests.unit.coach_builders import standing
from trainer.catalog.validated import Catalog
from trainer.engine.ladders import change_text, dose_label, programme_week, week_days
from trainer.engine.tailoring import (
    FLOOR_REASON,
    pick_routines,
    play_routine,
    plural_name,
    sensitivities,
    start_plan,
    unsuitable,
)
from trainer.engine.walking import walking_start
from trainer.journal.coach_models import Goal, StartAnswers
from trainer.journal.models import PersonalDose
from trainer.wording import dose_change, lower_first, short_dose


def exercises_of(routine) -> list[str]:
    return [item.exercise for item in routine.items]


# --- the answers -----------------------------------------------------------------------------------------


def test_each_answer_maps_to_its_direction_of_sensitivity() -> None:
    assert sensitivities(StartAnswers()) == {}
    found = sensitivities(StartAnswers(worse_with=["bending-back", "bending-forward"], leg_pain=True))
    assert set(found) == {"bending-back-hurts", "bending-forward-hurts", "leg-pain"}
    assert found["bending-back-hurts"] == "you said bending backwards makes it worse"


def test_walking_that_brings_on_leg_pain_counts_as_bending_back() -> None:
    """Content brief C.1: walking that brings on leg pain is treated like the backward-bending direction."""
    found = sensitivities(StartAnswers(worse_with=["walking"], leg_pain=True))
    assert found["bending-back-hurts"] == "you said walking makes it worse and your pain goes into a leg"
    assert "bending-back-hurts" not in sensitivities(StartAnswers(worse_with=["walking"]))


def test_what_suits_and_why(real_catalog: Catalog) -> None:
    extension = real_catalog.exercises["back-extension"]
    assert unsuitable(extension, StartAnswers()) is None
    assert unsuitable(extension, StartAnswers(worse_with=["bending-back"])) == (
        "you said bending backwards makes it worse"
    )
    bird = real_catalog.exercises["bird-dog"]
    assert unsuitable(bird, StartAnswers(floor_ok=False)) == FLOOR_REASON
    assert unsuitable(real_catalog.exercises["pelvic-tilt"], StartAnswers(floor_ok=False)) is None  # on a bed


@pytest.mark.parametrize(
    ("name", "plural"),
    [
        ("Back extension", "back extensions"),
        ("Knee-to-chest stretch", "knee-to-chest stretches"),
        ("Knee rolls", "knee rolls"),
    ],
)
def test_plural_names(name: str, plural: str) -> None:
    assert plural_name(name) == plural


# --- one routine as the person plays it ----------------------------------------------------------------------


def test_no_back_extensions_at_first_when_bending_backwards_hurts(real_catalog: Catalog) -> None:
    where = standing(real_catalog, StartAnswers(worse_with=["bending-back"]))
    routine, choices = play_routine(real_catalog.routines["stronger-back"], where, where.progress.answers)
    assert "back-extension" not in exercises_of(routine) and "superman" not in exercises_of(routine)
    assert "No back extensions at first: you said bending backwards makes it worse." in [c.text for c in choices]


def test_an_unsuitable_item_takes_the_routines_instead(real_catalog: Catalog) -> None:
    where = standing(real_catalog, StartAnswers(worse_with=["bending-back"]))
    routine, choices = play_routine(real_catalog.routines["back-basics"], where, where.progress.answers)
    assert "back-extension" not in exercises_of(routine)
    assert "bird-dog-leg-only" in exercises_of(routine)
    swap = next(choice for choice in choices if choice.exercise_id == "back-extension")
    assert (swap.kind, swap.instead_id) == ("swap", "bird-dog-leg-only")
    assert (
        swap.text
        == "Leg reach on all fours instead of back extension at first: you said bending backwards makes it worse."
    )
    item = routine.items[exercises_of(routine).index("bird-dog-leg-only")]
    assert item.note is not None and item.note.startswith("Leg reach on all fours instead of back extension")


def test_bending_forwards_leaves_out_knee_to_chest_and_curl_ups(real_catalog: Catalog) -> None:
    where = standing(real_catalog, StartAnswers(worse_with=["bending-forward"]))
    core, choices = play_routine(real_catalog.routines["core-and-back-strength"], where, where.progress.answers)
    assert "curl-up" not in exercises_of(core)
    assert "No curl-ups at first: you said bending forwards makes it worse." in [c.text for c in choices]
    gentle, _ = play_routine(real_catalog.routines["gentle-start"], where, where.progress.answers)
    assert "knee-to-chest" not in exercises_of(gentle) and "lumbar-rotation" in exercises_of(gentle)


def test_no_floor_work_when_the_floor_is_not_all_right(real_catalog: Catalog) -> None:
    where = standing(real_catalog, StartAnswers(floor_ok=False))
    routine, choices = play_routine(real_catalog.routines["back-basics"], where, where.progress.answers)
    texts = {choice.exercise_id: choice.text for choice in choices}
    assert exercises_of(routine)[0] == "seated-cat-cow"  # the cat-cow's easier variation, on a chair
    assert "bird-dog" not in exercises_of(routine)
    assert texts["bird-dog"] == f"No bird-dogs: {FLOOR_REASON}."
    assert texts["glute-bridge"] == f"Your bed is fine for glute bridges: {FLOOR_REASON}."
    assert "glute-bridge" in exercises_of(routine)


def test_leg_pain_leaves_out_the_twists_and_knee_rolls(real_catalog: Catalog) -> None:
    where = standing(real_catalog, StartAnswers(leg_pain=True))
    routine, _ = play_routine(real_catalog.routines["back-basics"], where, where.progress.answers)
    assert "seated-spinal-twist" not in exercises_of(routine)
    assert "lumbar-rotation" not in exercises_of(routine)


def test_an_item_on_a_ladder_plays_its_current_rung(real_catalog: Catalog) -> None:
    where = standing(real_catalog, rungs={"bird-dog": 4, "glute-bridge": 9})
    routine, _ = play_routine(real_catalog.routines["back-basics"], where, where.progress.answers)
    bird = next(item for item in routine.items if item.exercise == "bird-dog")
    assert (bird.sets, bird.reps, bird.hold_seconds) == (1, 8, 3)
    # the glute bridge's rung 9 is the harder variation: the item swaps to it
    assert "single-leg-glute-bridge" in exercises_of(routine) and "glute-bridge" not in exercises_of(routine)


def test_an_easier_rung_swaps_down_to_the_easier_variation(real_catalog: Catalog) -> None:
    where = standing(real_catalog, rungs={"bird-dog": 0})
    routine, _ = play_routine(real_catalog.routines["core-and-back-strength"], where, where.progress.answers)
    assert "bird-dog-leg-only" in exercises_of(routine) and "bird-dog" not in exercises_of(routine)


def test_the_persons_own_dose_wins_over_the_ladder(real_catalog: Catalog) -> None:
    where = standing(real_catalog, rungs={"bird-dog": 6}, personal={"bird-dog": PersonalDose(reps=7)})
    routine, _ = play_routine(real_catalog.routines["back-basics"], where, where.progress.answers)
    bird = next(item for item in routine.items if item.exercise == "bird-dog")
    assert (bird.sets, bird.reps) == (1, 5)  # the routine's own dose: the plan then applies the person's 7 reps
    assert where.ladder_of("bird-dog") is None


def test_ladders_can_be_left_alone(real_catalog: Catalog) -> None:
    where = standing(real_catalog, rungs={"bird-dog": 6})
    routine, _ = play_routine(real_catalog.routines["back-basics"], where, where.progress.answers, ladders=False)
    assert routine.items == real_catalog.routines["back-basics"].items


# --- the start --------------------------------------------------------------------------------------------


def test_minutes_a_day_pick_shorter_or_longer_routines(real_catalog: Catalog) -> None:
    def routines(minutes: int) -> tuple[str, ...]:
        plan = start_plan(standing(real_catalog, StartAnswers(minutes_a_day=minutes)), real_catalog.routines, 10)
        return plan.routines_for("get-moving")

    assert routines(5) == ("bedtime-unwind", "desk-break")
    assert routines(15) == ("gentle-start", "bedtime-unwind")
    assert routines(30) == ("gentle-start",)


def test_pick_routines_keeps_the_shortest_when_none_fits() -> None:
    assert pick_routines({"a": 20.0, "b": 12.0}, ("a", "b"), 5) == (("b",), False)
    assert pick_routines({"a": 20.0, "b": 4.0}, ("a", "b"), 20) == (("a",), True)
    assert pick_routines({}, ("a",), 20) == ((), False)


def test_the_start_plan_says_why_for_everything(real_catalog: Catalog) -> None:
    answers = StartAnswers(
        worse_with=["bending-back", "sitting"],
        minutes_a_day=15,
        walk_minutes=12,
        goals=[Goal(text="Carry the shopping home", target=date(2027, 1, 31))],
    )
    plan = start_plan(standing(real_catalog, answers), real_catalog.routines, 10)
    kinds = [choice.kind for choice in plan.choices]
    assert kinds[:3] == ["routines", "routines", "routines"]
    assert plan.reasons[0] == (
        "Get moving, weeks 1 to 2: Gentle start and Bedtime unwind in turn (about 10 and 6 minutes), "
        "5 sessions a week; they fit the 15 minutes a day you have."
    )
    assert "No back extensions at first: you said bending backwards makes it worse." in plan.reasons
    assert plan.swaps["back-extension"] == "bird-dog-leg-only"
    assert "back-extension" in plan.left_out  # stronger-back has no suitable alternative for it
    assert plan.walking.minutes == 10
    assert (
        "Walking: 10 minutes on 5 days a week to begin with, a little below the 12 minutes you can walk now. "
        "It goes up 2 minutes a day after each green week, towards 150 minutes a week."
    ) in plan.reasons
    assert any("sitting makes it worse" in text for text in plan.reasons)
    assert plan.reasons[-1].startswith("What was left out can come back")
    assert plan.first_routine == "gentle-start"


def test_with_no_answers_nothing_is_left_out(real_catalog: Catalog) -> None:
    plan = start_plan(standing(real_catalog), real_catalog.routines, 10)
    assert {choice.kind for choice in plan.choices} == {"routines", "walking"}
    assert plan.walking.minutes == 8  # a little below the plan's default of 10


def test_the_start_plan_uses_starting_doses_whatever_the_rungs(real_catalog: Catalog) -> None:
    fresh = start_plan(standing(real_catalog), real_catalog.routines, 10)
    later = start_plan(standing(real_catalog, rungs={"bird-dog": 9, "glute-bridge": 12}), real_catalog.routines, 10)
    assert fresh.phases == later.phases


@pytest.mark.parametrize(("baseline", "minutes"), [(None, 8), (12, 10), (3, 5), (60, 30), (6, 5)])
def test_walking_starts_a_little_below_the_baseline(real_catalog: Catalog, baseline: int | None, minutes: int) -> None:
    assert walking_start(real_catalog.programmes["twelve-weeks"].walking, baseline) == minutes


# --- weeks, doses and their words ------------------------------------------------------------------------------


def test_programme_weeks_count_from_the_start_day() -> None:
    start = date(2026, 11, 4)  # a Wednesday: weeks of the plan are not calendar weeks
    assert [programme_week(start, date(2026, 11, day)) for day in (3, 4, 10, 11)] == [0, 1, 1, 2]
    assert week_days(start, 2) == (date(2026, 11, 11), date(2026, 11, 17))


def test_dose_words(real_catalog: Catalog) -> None:
    where = standing(real_catalog)
    bird = where.programme.ladder("bird-dog")
    glute = where.programme.ladder("glute-bridge")
    assert bird is not None and glute is not None
    assert change_text(where.dose(bird, 3), where.dose(bird, 4)) == "bird-dog 1x6 -> 1x8 each side, 3 s hold"
    assert change_text(where.dose(glute, 8), where.dose(glute, 9)) == (
        "glute bridge 3x15, 5 s hold -> single-leg glute bridge 2x5 each side, 2 s hold"
    )
    assert dose_label(where.dose(glute, 9)) == "Single-leg glute bridge 2x5 each side, 2 s hold"
    assert dose_label(where.dose(bird, 2)) == "1x5 each side, 3 s hold"
    assert short_dose(3, None, 20, True) == "3x20 s each side"
    assert (
        dose_change("front plank", (3, None, 5, False), "front plank", (3, None, 8, False))
        == "front plank 3x5 s -> 3x8 s"
    )
    assert lower_first("Bird-dog") == "bird-dog" and lower_first("NHS walk") == "NHS walk"
