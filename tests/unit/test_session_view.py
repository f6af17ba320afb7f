"""The session view model: every text the session screen shows, its bells, its figure, and the end words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.runner_builders import Session, ready, started
from trainer.catalog.models import Exercise
from trainer.catalog.validated import Catalog
from trainer.engine.plan import Plan, StepKind, plan_exercise, plan_routine
from trainer.engine.runner import Runner
from trainer.engine.session_view import (
    BAR_STEPS,
    FIGURE_FRAMES,
    bells,
    clock_text,
    end_words,
    next_frame_in,
    session_view,
)
from trainer.journal.models import PersonalDose, SessionRecord

AT = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


@pytest.fixture
def routine_plan(catalog: Catalog) -> Plan:
    return plan_routine(catalog.routines["desk-break"], catalog.exercises)


@pytest.fixture
def lift_plan(make_exercise) -> Plan:
    """One set of 3 reps of Lift 2 s / Hold 2 s / Lower 2 s, after 5 s of getting ready."""
    lift: Exercise = make_exercise(
        dose={"sets": {"min": 1, "max": 1}, "reps": {"min": 3, "max": 3}, "hold_seconds": {"min": 2, "max": 2}},
    )
    return plan_exercise(lift, PersonalDose(reps=3))


def at_step(plan: Plan, kind: StepKind, into: float = 0.1) -> float:
    index = next(index for index, step in enumerate(plan.steps) if step.kind == kind)
    return plan.starts[index] + into


def test_clock_text_rounds_time_left_up_and_time_spent_down() -> None:
    assert clock_text(2.4) == "0:03"
    assert clock_text(65) == "1:05"
    assert clock_text(2.9, counting_up=True) == "0:02"
    assert clock_text(-1) == "0:00"


def test_getting_ready_says_get_ready_then_the_exercise_and_how_to_start(routine_plan) -> None:
    view = session_view(started(routine_plan).at(0.0), routine_plan)
    first = routine_plan.exercises[0]
    assert (view.cue, view.cue_class) == ("GET READY", "ready")
    assert view.cue_detail.startswith(first.exercise.name) and first.exercise.steps[0] in view.cue_detail
    assert view.exercise_name == f"Exercise 1 of {len(routine_plan.exercises)} · {first.exercise.name}"
    assert view.hint.startswith(first.prescription.describe())
    assert view.key_points == tuple(first.exercise.steps[:2])
    assert view.skip_label == "Start now"
    assert view.figure_t == 0.0


def test_a_rep_shows_the_tempo_cue_in_capitals_with_set_and_rep(lift_plan) -> None:
    view = session_view(started(lift_plan).at(at_step(lift_plan, StepKind.REPS)), lift_plan)
    assert (view.cue, view.cue_detail, view.cue_class) == ("LIFT", "", "work")
    assert view.counts == "Set 1 of 1 · Rep 1 of 3"
    assert view.skip_label == "Skip set"


def test_the_figure_rises_through_the_lift_stays_up_in_the_hold_and_comes_down(lift_plan) -> None:
    start = at_step(lift_plan, StepKind.REPS, into=0.0)
    session = started(lift_plan)
    positions = [session_view(session.at(start + t), lift_plan).figure_t for t in (0.0, 1.0, 1.99, 2.5, 4.0, 5.0)]
    assert positions == [0.0, 0.5, (FIGURE_FRAMES - 1) / FIGURE_FRAMES, 1.0, 1.0, 0.5]
    assert all(value * FIGURE_FRAMES == int(value * FIGURE_FRAMES) for value in positions)  # whole frames


def test_the_screen_wakes_for_each_frame_of_a_movement_and_not_during_a_hold(lift_plan) -> None:
    start = at_step(lift_plan, StepKind.REPS, into=0.0)
    session = started(lift_plan)
    assert next_frame_in(session.at(start + 0.1)) == pytest.approx(2 / FIGURE_FRAMES - 0.1)  # 2 s in its frames
    assert next_frame_in(session.at(start + 3.0)) is None  # the hold: the figure stands still


def test_the_right_side_mirrors_the_figure_and_a_side_says_what_it_means(catalog: Catalog) -> None:
    plan = plan_exercise(catalog.exercises["bird-dog"], PersonalDose(sets=1))
    session = started(plan)
    right = next(index for index, step in enumerate(plan.steps) if step.side == "right" and step.kind == StepKind.REPS)
    view = session_view(session.at(plan.starts[right] + 0.1), plan)
    assert view.mirrored and "right arm and left leg" in view.counts
    assert view.skip_label == "Skip side"
    switch = session_view(session.at(plan.starts[right] + 0.2), plan)  # (still the right side's set)
    assert not bells(view, switch)


def test_a_pause_then_a_3_2_1_before_the_clock_runs_again(lift_plan) -> None:
    clock_session = Session(Runner(lift_plan, (session := ready(lift_plan)).clock, resume_lead_in=3.0), session.clock)
    clock_session.runner.start()
    clock_session.at(1.0)
    clock_session.runner.pause()
    paused = session_view(clock_session.runner.snapshot(), lift_plan)
    assert (paused.cue, paused.cue_class) == ("PAUSED", "paused") and "space" in paused.cue_detail.casefold()
    clock_session.at(30.0)
    clock_session.runner.resume()
    counting = session_view(clock_session.at(30.5), lift_plan)
    assert (counting.cue, counting.countdown) == ("READY", "3")
    assert session_view(clock_session.at(32.5), lift_plan).countdown == "1"
    going = session_view(clock_session.at(33.1), lift_plan)
    assert going.cue == "GET READY" and going.countdown == "0:04"  # 1 s of its 5 s had gone before the pause
    assert bells(counting, going) == 1  # "go"


def test_bells_ring_once_at_a_cue_twice_at_a_new_exercise_or_side_three_times_at_the_end(catalog: Catalog) -> None:
    plan = plan_routine(catalog.routines["desk-break"], catalog.exercises)
    session = started(plan)
    first = session_view(session.at(0.0), plan)
    assert bells(None, first) == 0
    same = session_view(session.at(0.5), plan)
    assert bells(first, same) == 0
    in_work = session_view(session.at(plan.starts[1] + 0.01), plan)
    assert bells(same, in_work) == 1
    next_exercise = next(index for index, step in enumerate(plan.steps) if step.exercise_index == 1)
    assert bells(in_work, session_view(session.at(plan.starts[next_exercise] + 0.01), plan)) == 2
    end = session_view(session.at(plan.total_seconds + 1), plan)
    assert end.state == "finished" and bells(in_work, end) == 3 and bells(end, end) == 0


def test_self_paced_reps_count_up_and_leave_the_step_time_blank(catalog: Catalog) -> None:
    exercise = next(item for item in catalog.exercises.values() if item.dose.reps is not None)
    plan = plan_exercise(exercise)
    session = ready(plan)
    session.runner.start()
    session.runner.set_rep_mode("self-paced")
    view = session_view(session.at(plan.starts[1] + 2.5), plan)
    assert view.cue == "REP 1" and view.countdown == "0:02" and view.step_left == ""
    assert 0 <= view.step_progress <= BAR_STEPS


def record(**changes: object) -> SessionRecord:
    data: dict[str, object] = {
        "at": AT,
        "ended": AT + timedelta(minutes=10),
        "title": "Desk break",
        "completion": 1.0,
        "ended_how": "finished",
    }
    return SessionRecord.model_validate(data | changes)


@pytest.mark.parametrize(
    ("changes", "headline", "summary"),
    [
        ({}, "Well done: session complete", "You did Desk break: 100% of the plan in 10 min."),
        ({"completion": 0.6}, "Session over", "You went through Desk break, skipping parts of it: 60%"),
        (
            {"ended_how": "stopped-pain", "stop_reason": "pain", "completion": 0.2},
            "Session stopped for pain",
            "Stopping was the right call. Saved: 20%",
        ),
        (
            {"ended_how": "stopped-choice", "stop_reason": "tired", "completion": 0.5},
            "Session stopped",
            "Saved: 50% of the plan in 10 min. Any amount of movement counts.",
        ),
    ],
)
def test_the_words_at_the_end_say_how_it_ended(changes: dict[str, object], headline: str, summary: str) -> None:
    shown_headline, shown_summary = end_words(record(**changes))
    assert shown_headline == headline
    assert shown_summary.startswith(summary)
