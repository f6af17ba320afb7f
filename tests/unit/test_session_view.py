"""The session view model: every text the session screen shows, its bell, and the words at the end."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.unit.runner_builders import ready, started
from trainer.catalog.loader import Catalog
from trainer.engine.plan import StepKind, plan_exercise, plan_routine
from trainer.engine.session_view import BAR_STEPS, big_cue, clock_text, end_words, rings, session_view
from trainer.journal.models import SessionRecord

AT = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)


@pytest.fixture
def routine_plan(catalog: Catalog):
    return plan_routine(catalog.routines["desk-break"], catalog.exercises)


def test_clock_text_rounds_time_left_up_and_time_spent_down() -> None:
    assert clock_text(2.4) == "0:03"
    assert clock_text(65) == "1:05"
    assert clock_text(2.9, counting_up=True) == "0:02"
    assert clock_text(-1) == "0:00"


def test_short_cues_are_spaced_out_and_long_ones_kept() -> None:
    assert big_cue("Lift") == "L I F T"
    assert big_cue("Switch to the LEFT side") == "Switch to the LEFT side"


def test_the_first_view_gets_ready_with_the_exercise_and_its_dose(routine_plan) -> None:
    session = started(routine_plan)
    view = session_view(session.at(0.0), routine_plan)
    first = routine_plan.exercises[0]
    assert view.exercise_name == f"Exercise 1 of {len(routine_plan.exercises)} · {first.exercise.name}"
    assert view.cue.startswith("Get ready") and view.cue_class == "ready"
    assert view.hint.startswith(first.prescription.describe())
    assert view.how_title == f"How: {first.exercise.name}" and view.how_steps == tuple(first.exercise.steps)
    assert view.step_progress == 0 and view.session_progress == 0
    assert view.session_left == f"{clock_text(routine_plan.total_seconds)} left"


def test_a_rep_shows_set_rep_and_the_tempo_cue(routine_plan) -> None:
    session = started(routine_plan)
    reps = next(step for step in routine_plan.steps if step.kind == StepKind.REPS)
    start = routine_plan.starts[routine_plan.steps.index(reps)]
    view = session_view(session.at(start + 0.1), routine_plan)
    assert view.cue == big_cue(reps.phases[0].cue) and view.cue_class == "work"
    assert view.counts.startswith(f"Set 1 of {reps.sets_total} · Rep 1 of {reps.reps}")
    assert view.hint == "r: go at your own pace instead"


def test_paused_and_the_end_have_their_own_cues(routine_plan) -> None:
    session = started(routine_plan)
    session.at(1.0)
    session.runner.pause()
    paused = session_view(session.runner.snapshot(), routine_plan)
    assert (paused.cue, paused.cue_class, paused.hint) == ("Paused", "paused", "Space to carry on")
    session.runner.stop("tired")
    assert session_view(session.runner.snapshot(), routine_plan).cue == "Stopped"


def test_the_bell_rings_at_each_change_of_cue_while_running_only(routine_plan) -> None:
    session = started(routine_plan)
    first = session_view(session.at(0.0), routine_plan)
    assert not rings(None, first)
    same = session_view(session.at(1.0), routine_plan)
    assert not rings(first, same)
    later = session_view(session.at(routine_plan.starts[1] + 0.01), routine_plan)
    assert rings(same, later)
    session.runner.pause()
    assert not rings(same, session_view(session.runner.snapshot(), routine_plan))


def test_self_paced_reps_count_up_and_leave_the_step_time_blank(catalog: Catalog) -> None:
    exercise = next(item for item in catalog.exercises.values() if item.dose.reps is not None)
    plan = plan_exercise(exercise)
    session = ready(plan)
    session.runner.start()
    session.runner.set_rep_mode("self-paced")
    view = session_view(session.at(plan.starts[1] + 2.5), plan)
    assert view.countdown == "0:02" and view.step_left == ""
    assert view.hint.startswith("At your own pace")
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
