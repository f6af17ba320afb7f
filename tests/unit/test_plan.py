"""Session plans: doses, step sequences and durations (small made-up content only)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.catalog.models import Exercise, RoutineItem
from trainer.engine.plan import (
    GET_READY_SECONDS,
    SWITCH_SIDE_SECONDS,
    Phase,
    PlannedExercise,
    Prescription,
    StepKind,
    plan_exercise,
    plan_routine,
    prescribe,
    scaled_prescription,
    swap_exercise,
)
from trainer.journal.models import PersonalDose
from trainer.wording import format_minutes, format_seconds

G, R, H, S, P = StepKind.GET_READY, StepKind.REPS, StepKind.HOLD, StepKind.REST, StepKind.SWITCH_SIDE


@pytest.fixture
def side_reps(make_exercise) -> Exercise:
    """Per side, 2-3 sets of 3-5 reps, 3 s per rep (Lift 2 + Lower 1), rest 20 s."""
    return make_exercise(
        id="side-reps",
        dose={"sets": {"min": 2, "max": 3}, "reps": {"min": 3, "max": 5}, "per_side": True, "rest_seconds": 20},
        tempo=[{"cue": "Lift", "seconds": 2}, {"cue": "Lower", "seconds": 1}],
    )


@pytest.fixture
def plain_hold(make_exercise) -> Exercise:
    """Both sides at once, 2-3 holds of 30-40 s, rest 10 s."""
    return make_exercise(
        "hold",
        id="plain-hold",
        hold_cue="Stretch",
        dose={"sets": {"min": 2, "max": 3}, "hold_seconds": {"min": 30, "max": 40}, "rest_seconds": 10},
    )


@pytest.fixture
def library(side_reps, plain_hold) -> dict[str, Exercise]:
    return {side_reps.id: side_reps, plain_hold.id: plain_hold}


# --- prescribe ------------------------------------------------------------------------


def test_prescribe_starts_at_the_low_end(make_exercise) -> None:
    assert prescribe(make_exercise()) == Prescription(sets=2, reps=10, hold_seconds=2, rest_seconds=30, per_side=False)
    assert prescribe(make_exercise("hold")) == Prescription(
        sets=2, reps=None, hold_seconds=20, rest_seconds=20, per_side=True
    )


def test_routine_item_overrides_the_dose(make_exercise) -> None:
    item = RoutineItem(exercise="test-lift", sets=3, reps=12, hold_seconds=3, rest_seconds=15)
    assert prescribe(make_exercise(), item) == Prescription(3, 12, 3, 15, False)


def test_personal_change_goes_on_top_of_the_routine_item(make_exercise) -> None:
    item = RoutineItem(exercise="test-lift", sets=3, reps=12, rest_seconds=15)
    change = PersonalDose(reps=14, hold_seconds=3)
    assert prescribe(make_exercise(), item, change) == Prescription(3, 14, 3, 15, False)


def test_personal_change_without_routine_item(make_exercise) -> None:
    assert prescribe(make_exercise("hold"), None, PersonalDose(sets=1, hold_seconds=45)) == Prescription(
        1, None, 45, 20, True
    )


def test_reps_never_added_to_a_hold_and_hold_never_added_to_plain_reps(make_exercise, side_reps) -> None:
    hold = prescribe(make_exercise("hold"), RoutineItem(exercise="test-stretch", reps=10))
    reps = prescribe(side_reps, RoutineItem(exercise="side-reps", hold_seconds=5))
    assert (hold.reps, reps.hold_seconds) == (None, None)


def test_zero_rest_override_is_used_and_plans_no_rest(side_reps, make_routine, library) -> None:
    item = RoutineItem(exercise="side-reps", part="warm-up", rest_seconds=0)
    assert prescribe(side_reps, item).rest_seconds == 0
    plan = plan_routine(make_routine([{"exercise": "side-reps", "rest_seconds": 0}]), library)
    assert S not in [step.kind for step in plan.steps]


# --- plan_routine: step sequences -------------------------------------------------------


def test_per_side_rep_exercise_steps(make_routine, library) -> None:
    plan = plan_routine(make_routine([{"exercise": "side-reps", "sets": 2, "reps": 3}]), library)
    assert [(step.kind, step.set_number, step.side, step.seconds) for step in plan.steps] == [
        (G, 1, "left", GET_READY_SECONDS),
        (R, 1, "left", 9.0),
        (P, 1, "right", SWITCH_SIDE_SECONDS),
        (R, 1, "right", 9.0),
        (S, 1, None, 20.0),
        (R, 2, "left", 9.0),
        (P, 2, "right", SWITCH_SIDE_SECONDS),
        (R, 2, "right", 9.0),
    ]


def test_without_a_rest_the_way_back_to_the_left_side_is_a_switch(make_routine, library) -> None:
    plan = plan_routine(make_routine([{"exercise": "side-reps", "sets": 2, "reps": 3, "rest_seconds": 0}]), library)
    assert [(step.kind, step.set_number, step.side) for step in plan.steps] == [
        (G, 1, "left"),
        (R, 1, "left"),
        (P, 1, "right"),
        (R, 1, "right"),
        (P, 2, "left"),
        (R, 2, "left"),
        (P, 2, "right"),
        (R, 2, "right"),
    ]


def test_rep_step_carries_reps_and_tempo(make_routine, library) -> None:
    reps_step = plan_routine(make_routine([{"exercise": "side-reps", "reps": 4}]), library).steps[1]
    assert reps_step.reps == 4
    assert reps_step.phases == (Phase("Lift", 2.0), Phase("Lower", 1.0))
    assert reps_step.seconds_per_rep == 3.0
    assert reps_step.sets_total == 2


def test_hold_phase_follows_the_prescribed_hold(make_exercise, make_routine) -> None:
    lift = make_exercise()
    plan = plan_routine(make_routine([{"exercise": "test-lift", "reps": 5, "hold_seconds": 3}]), {lift.id: lift})
    reps_step = plan.steps[1]
    assert [phase.seconds for phase in reps_step.phases] == [2.0, 3.0, 2.0]
    assert reps_step.seconds == 5 * 7.0


def test_hold_exercise_steps(make_routine, library) -> None:
    plan = plan_routine(make_routine(["plain-hold"]), library)
    assert [(step.kind, step.set_number, step.side, step.seconds) for step in plan.steps] == [
        (G, 1, None, GET_READY_SECONDS),
        (H, 1, None, 30.0),
        (S, 1, None, 10.0),
        (H, 2, None, 30.0),
    ]
    assert plan.steps[1].phases == (Phase("Stretch", 30.0),)


def test_per_side_hold_switches_sides(make_exercise, make_routine) -> None:
    stretch = make_exercise("hold")
    plan = plan_routine(make_routine([{"exercise": "test-stretch", "sets": 1}]), {stretch.id: stretch})
    assert [(step.kind, step.side) for step in plan.steps] == [(G, "left"), (H, "left"), (P, "right"), (H, "right")]


# --- durations ------------------------------------------------------------------------


@pytest.fixture
def small_plan(make_routine, library):
    routine = make_routine(
        [{"exercise": "side-reps", "sets": 2, "reps": 3}, {"exercise": "plain-hold"}], transition_seconds=15
    )
    return plan_routine(routine, library)


def test_total_seconds_matches_a_hand_computed_figure(small_plan) -> None:
    # side-reps: ready 5 + 9 + switch 5 + 9 + rest 20 + 9 + switch 5 + 9 = 71
    # plain-hold: transition 15 + 30 + rest 10 + 30 = 85
    assert small_plan.total_seconds == 156.0
    assert small_plan.total_seconds == sum(step.seconds for step in small_plan.steps)
    assert small_plan.minutes == pytest.approx(2.6)


def test_starts_are_cumulative(small_plan) -> None:
    assert len(small_plan.starts) == len(small_plan.steps)
    assert small_plan.starts[:3] == (0.0, 5.0, 14.0)
    for index in range(1, len(small_plan.steps)):
        assert small_plan.starts[index] == small_plan.starts[index - 1] + small_plan.steps[index - 1].seconds
    assert small_plan.starts[-1] + small_plan.steps[-1].seconds == small_plan.total_seconds


def test_transition_is_used_before_the_second_exercise(small_plan) -> None:
    ready = [(step.exercise_index, step.seconds) for step in small_plan.steps if step.kind == G]
    assert ready == [(0, GET_READY_SECONDS), (1, 15.0)]
    assert small_plan.starts[8] == 71.0


def test_short_transition_never_cuts_get_ready(make_routine, library) -> None:
    plan = plan_routine(make_routine(["side-reps", "plain-hold"], transition_seconds=2), library, get_ready_seconds=4)
    assert [step.seconds for step in plan.steps if step.kind == G] == [4.0, 4.0]


def test_plan_routine_applies_personal_changes_by_exercise_id(make_routine, library) -> None:
    plan = plan_routine(
        make_routine(["side-reps", "plain-hold"]), library, changes={"plain-hold": PersonalDose(sets=1)}
    )
    assert [planned.prescription.sets for planned in plan.exercises] == [2, 1]
    assert (plan.title, plan.routine_id) == ("Test routine", "test-routine")


def test_plan_exercise_is_a_one_exercise_session(plain_hold) -> None:
    plan = plan_exercise(plain_hold, get_ready_seconds=3)
    assert (plan.title, plan.routine_id) == (plain_hold.name, None)
    assert plan.total_seconds == 3 + 30 + 10 + 30


@settings(max_examples=40, deadline=None)
@given(sets=st.integers(1, 5), reps=st.integers(1, 20), per_side=st.booleans(), rest=st.integers(0, 60))
def test_step_counts_and_total_for_any_rep_dose(sets: int, reps: int, per_side: bool, rest: int) -> None:
    exercise = Exercise.model_validate(
        {
            "id": "any-reps",
            "name": "Any",
            "category": "strength",
            "body_areas": ["core"],
            "purpose": "For a property test.",
            "steps": ["One step.", "Two steps."],
            "level": "beginner",
            "evidence": "common advice",
            "tempo": [{"cue": "Up", "seconds": 1.5}, {"cue": "Down", "seconds": 2}],
            "dose": {
                "sets": {"min": sets, "max": sets},
                "reps": {"min": reps, "max": reps},
                "per_side": per_side,
                "rest_seconds": rest,
            },
            **({"sides": {"left": "left side", "right": "right side"}} if per_side else {}),
        }
    )
    plan = plan_exercise(exercise)
    kinds = [step.kind for step in plan.steps]
    sides = 2 if per_side else 1
    assert kinds.count(R) == sets * sides
    assert kinds.count(P) == ((sets if rest else 2 * sets - 1) if per_side else 0)  # no rest: also back to left
    assert kinds.count(S) == (sets - 1 if rest else 0)
    assert kinds[-1] == R
    expected = (
        GET_READY_SECONDS + sets * sides * reps * 3.5 + kinds.count(P) * SWITCH_SIDE_SECONDS + kinds.count(S) * rest
    )
    assert plan.total_seconds == pytest.approx(expected)


# --- text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prescription", "text"),
    [
        (Prescription(2, 10, 2, 30, True), "2 x 10 reps, hold 2 s, each side"),
        (Prescription(1, 12, None, 0, False), "1 x 12 reps"),
        (Prescription(3, None, 90, 20, False), "3 x 1 min 30 s"),
        (Prescription(2, None, 20, 20, True), "2 x 20 s, each side"),
    ],
)
def test_prescription_describe(prescription: Prescription, text: str) -> None:
    assert prescription.describe() == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (45, "45 s"),
        (59.4, "59 s"),
        (59.6, "1 min"),
        (90, "1 min 30 s"),
        (600, "10 min"),
        (3725, "62 min 5 s"),
    ],
)
def test_format_seconds(seconds: float, text: str) -> None:
    assert format_seconds(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [(0, "1 min"), (20, "1 min"), (100, "2 min"), (1080, "18 min")])
def test_format_minutes_never_says_zero(seconds: float, text: str) -> None:
    assert format_minutes(seconds) == text


# --- an easier choice, swapped in during a session ----------------------------------------------------


@pytest.fixture
def easier_hold(make_exercise) -> Exercise:
    """Both sides at once, 1-2 holds of 10-30 s: the easier choice for ``side-reps`` in the routine below."""
    return make_exercise(
        "hold",
        id="easier-hold",
        dose={"sets": {"min": 1, "max": 2}, "hold_seconds": {"min": 10, "max": 30}, "rest_seconds": 10},
    )


def test_a_routine_item_names_what_to_offer_instead_else_the_first_easier_variation(
    make_routine, make_exercise, side_reps, plain_hold, easier_hold
) -> None:
    with_easier = make_exercise(id="with-easier", easier=["plain-hold"])
    library = {exercise.id: exercise for exercise in (side_reps, plain_hold, easier_hold, with_easier)}
    routine = make_routine(
        [
            {"exercise": "side-reps", "instead": "easier-hold", "note": "Swap if it pinches."},
            "with-easier",
            "plain-hold",
        ]
    )
    plan = plan_routine(routine, library)
    assert [planned.instead.id if planned.instead else None for planned in plan.exercises] == [
        "easier-hold",
        "plain-hold",
        None,
    ]
    assert plan.exercises[0].note == "Swap if it pinches."


def test_a_swapped_exercise_gets_the_same_share_of_its_own_ranges(side_reps, plain_hold, easier_hold) -> None:
    top = PlannedExercise(plain_hold, Prescription(3, None, 40, 10, False))  # the top of 2-3 x 30-40 s
    assert scaled_prescription(top, easier_hold) == Prescription(2, None, 30, 10, False)
    bottom = PlannedExercise(plain_hold, Prescription(2, None, 30, 10, False))
    assert scaled_prescription(bottom, easier_hold) == Prescription(1, None, 10, 10, False)
    reps = PlannedExercise(side_reps, Prescription(2, 5, None, 20, True))  # reps to a hold: its starting hold
    assert scaled_prescription(reps, easier_hold) == Prescription(1, None, 10, 20, False)
    mine = PersonalDose(hold_seconds=25)
    assert scaled_prescription(bottom, easier_hold, mine).hold_seconds == 25  # the person's own dose wins


def test_swapping_rebuilds_the_steps_and_times_of_that_exercise_only(make_routine, library, easier_hold) -> None:
    plan = plan_routine(make_routine(["plain-hold", "side-reps", "plain-hold"]), library)
    prescription = Prescription(1, None, 10, 10, False)
    swapped = swap_exercise(plan, 1, easier_hold, prescription)
    assert [planned.exercise.id for planned in swapped.exercises] == ["plain-hold", "easier-hold", "plain-hold"]
    before = [step for step in plan.steps if step.exercise_index == 0]
    assert [step for step in swapped.steps if step.exercise_index == 0] == before
    assert [step.kind for step in swapped.steps if step.exercise_index == 1] == [G, H]
    assert swapped.total_seconds < plan.total_seconds
    assert swapped.starts[-1] + swapped.steps[-1].seconds == pytest.approx(swapped.total_seconds)


def test_getting_down_to_the_floor_or_up_from_it_gets_more_time(catalog) -> None:
    """The first exercise counts as a change when it is on the floor: a person starts from a chair or standing."""
    from trainer.engine.plan import GET_READY_SECONDS, POSITION_CHANGE_SECONDS

    exercises = catalog.exercises
    routine = catalog.routines["gentle-start"]  # walking (standing), then the floor, then standing again
    plan = plan_routine(routine, exercises)
    readies = [step for step in plan.steps if step.kind == StepKind.GET_READY]
    bases = [(planned.exercise.poses.start.base, planned.exercise.poses.end.base) for planned in plan.exercises]
    upright = {"standing", "sitting"}
    for index, (ready, (start, _)) in enumerate(zip(readies, bases, strict=True)):
        before = bases[index - 1][1] if index else "standing"
        changed = (before in upright) != (start in upright)
        base = GET_READY_SECONDS if index == 0 else max(routine.transition_seconds, GET_READY_SECONDS)
        assert ready.seconds == base + (POSITION_CHANGE_SECONDS if changed else 0), (index, before, start)
    assert any(step.seconds > max(routine.transition_seconds, GET_READY_SECONDS) for step in readies[1:])
