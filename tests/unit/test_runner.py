"""The session runner: actions, time from the clock, cues, tallies (fake clock, no sleeping).

The plans used here (times in seconds from the start of the session):

- ``lift_plan``: Test lift, 2 sets x 3 reps, tempo Lift 2 / Hold 2 / Lower 2
  (6 s a rep), rest 30: get ready 0-5, set 1 5-23, rest 23-53, set 2 53-71.
- ``stretch_plan``: Test stretch, 1 set of 20 s holds on each side (cue
  "Stretch"): get ready (left) 0-5, hold left 5-25, switch 25-30, hold right 30-50.
- ``routine_plan``: Test lift 1 x 2 reps, then Test stretch 1 set each side,
  transition 10: get ready 0-5, reps 5-17, get ready (left) 17-27,
  hold left 27-47, switch 47-52, hold right 52-72.
"""

from __future__ import annotations

import math
import random
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.clock import FakeClock
from trainer.catalog.models import Exercise
from trainer.engine.plan import Plan, Prescription, StepKind, plan_exercise, plan_routine, swap_exercise
from trainer.engine.runner import Runner
from trainer.engine.snapshot import Snapshot
from trainer.journal.models import PersonalDose

from .runner_builders import Session, planned_step, ready, run_to_end, started

# --- plans ------------------------------------------------------------------------------


@pytest.fixture
def lift(make_exercise) -> Exercise:
    """2-3 x 10-15 reps, tempo Lift 2 / Hold 2 (is_hold) / Lower 2, rest 30, not per side."""
    return make_exercise()


@pytest.fixture
def stretch(make_exercise) -> Exercise:
    """2-3 holds of 20-30 s on each side, cue 'Stretch', rest 20."""
    return make_exercise("hold")


@pytest.fixture
def side_lift(make_exercise) -> Exercise:
    """Per side, 2 x 3 reps (Lift 1 / Lower 1), rest 10."""
    return make_exercise(
        id="side-lift",
        name="Side lift",
        dose={"sets": {"min": 2, "max": 3}, "reps": {"min": 3, "max": 5}, "per_side": True, "rest_seconds": 10},
        tempo=[{"cue": "Lift", "seconds": 1}, {"cue": "Lower", "seconds": 1}],
    )


@pytest.fixture
def lift_plan(lift) -> Plan:
    return plan_exercise(lift, PersonalDose(reps=3))


@pytest.fixture
def five_rep_plan(lift) -> Plan:
    """Get ready 0-5, set 1 of 5 reps 5-35, rest 35-65, set 2 65-95."""
    return plan_exercise(lift, PersonalDose(reps=5))


@pytest.fixture
def self_paced_plan(make_exercise) -> Plan:
    """``lift_plan`` with self-paced reps (the reps steps are still planned at 18 s)."""
    return plan_exercise(make_exercise(rep_mode="self-paced"), PersonalDose(reps=3))


@pytest.fixture
def stretch_plan(stretch) -> Plan:
    return plan_exercise(stretch, PersonalDose(sets=1))


@pytest.fixture
def routine_plan(make_routine, lift, stretch) -> Plan:
    routine = make_routine(
        [{"exercise": "test-lift", "sets": 1, "reps": 2}, {"exercise": "test-stretch", "sets": 1}],
        transition_seconds=10,
    )
    return plan_routine(routine, {lift.id: lift, stretch.id: stretch})


@pytest.fixture
def two_lifts_plan(make_routine, lift, side_lift) -> Plan:
    """Test lift 1 x 2 reps (get ready 0-5, reps 5-17), then Side lift 1 x 3 each side (get ready 17-27, ...)."""
    routine = make_routine(
        [{"exercise": "test-lift", "sets": 1, "reps": 2}, {"exercise": "side-lift", "sets": 1}],
        transition_seconds=10,
    )
    return plan_routine(routine, {lift.id: lift, side_lift.id: side_lift})


def test_the_fixture_plans_have_the_documented_timeline(lift_plan, stretch_plan, routine_plan) -> None:
    assert (lift_plan.starts, lift_plan.total_seconds) == ((0.0, 5.0, 23.0, 53.0), 71.0)
    assert (stretch_plan.starts, stretch_plan.total_seconds) == ((0.0, 5.0, 25.0, 30.0), 50.0)
    assert (routine_plan.starts, routine_plan.total_seconds) == ((0.0, 5.0, 17.0, 27.0, 47.0, 52.0), 72.0)


# --- start, pause, resume ---------------------------------------------------------------


def test_a_new_runner_is_ready_and_time_does_not_move_it(lift_plan) -> None:
    session = ready(lift_plan)
    snapshot = session.at(100)
    assert (snapshot.state, snapshot.step_index, snapshot.countdown) == ("ready", 0, 5)
    assert (snapshot.step_progress, snapshot.session_progress, snapshot.session_remaining) == (0.0, 0.0, 71.0)
    assert snapshot.next_change_in is None
    assert session.runner.started_at is None


def test_start_runs_the_first_step_from_the_moment_of_start(lift_plan) -> None:
    session = ready(lift_plan, at=100)
    session.runner.start()
    snapshot = session.at(102)
    assert (snapshot.state, snapshot.step_index, snapshot.phase_remaining) == ("running", 0, 3.0)
    assert session.runner.started_at == 100
    assert session.at(105.5).step_index == 1


def test_start_can_count_from_a_moment_already_past_but_never_from_the_future(lift_plan) -> None:
    session = ready(lift_plan, at=100)
    session.runner.start(at=99.6)  # the first frame was drawn 0.4 s before the start was handled
    assert session.runner.started_at == 99.6
    assert session.at(104.6).step_index == 1
    later = ready(lift_plan, at=100)
    later.runner.start(at=130)
    assert later.runner.started_at == 100


def test_start_a_second_time_does_not_restart(lift_plan) -> None:
    session = started(lift_plan)
    session.at(3)
    session.runner.start()
    assert session.at(4).phase_remaining == 1.0
    assert session.runner.started_at == 0


def test_a_plan_without_steps_cannot_be_run() -> None:
    with pytest.raises(ValueError, match="no steps"):
        Runner(Plan(title="Empty", routine_id=None, exercises=(), steps=()), FakeClock())


def test_pause_freezes_a_hold_and_resume_continues_where_it_was(stretch_plan) -> None:
    session = started(stretch_plan)
    assert session.at(10).phase_remaining == 15.0  # 5 s into the 20 s left hold
    session.runner.pause()
    paused = session.at(70)
    assert (paused.state, paused.step_index, paused.phase_remaining, paused.countdown) == ("paused", 1, 15.0, 15)
    session.runner.resume()
    assert session.at(70).phase_remaining == 15.0
    assert session.at(80).phase_remaining == 5.0
    switched = session.at(85)
    assert (switched.step_index, switched.phase_remaining) == (2, 5.0)


def test_several_pauses_never_eat_into_a_hold(stretch_plan) -> None:
    session = started(stretch_plan)
    now = 5.0  # the hold starts
    for _ in range(4):
        now += 3
        session.at(now)
        session.runner.pause()
        now += 100
        session.at(now)
        session.runner.resume()
    snapshot = session.at(now + 7.5)
    assert (snapshot.step_index, snapshot.step_elapsed, snapshot.phase_remaining) == (1, 19.5, 0.5)
    assert session.at(now + 8.5).step_index == 2


def test_a_pause_during_get_ready_moves_every_later_step_by_its_length(lift_plan) -> None:
    session = started(lift_plan)
    session.at(2)
    session.runner.pause()
    session.at(12)
    session.runner.resume()
    assert session.at(14.9).step_index == 0
    snapshot = session.at(15.5)
    assert (snapshot.step_index, snapshot.step_elapsed) == (1, 0.5)
    assert session.at(33.5).step_index == 2  # the rest begins 10 s late


def test_toggle_pause_starts_then_pauses_then_resumes(lift_plan) -> None:
    session = ready(lift_plan)
    session.runner.toggle_pause()
    assert session.at(1).state == "running"
    session.runner.toggle_pause()
    assert session.at(50).state == "paused"
    session.runner.toggle_pause()
    snapshot = session.at(51)
    assert (snapshot.state, snapshot.step_elapsed) == ("running", 2.0)


def test_pause_before_start_and_resume_while_running_do_nothing(lift_plan) -> None:
    session = ready(lift_plan)
    session.runner.pause()
    assert session.at(1).state == "ready"
    session.runner.start()
    session.at(3)
    session.runner.resume()
    assert session.at(4).phase_remaining == 2.0


# --- skip, back, stop -------------------------------------------------------------------


def test_skip_step_starts_the_next_step_from_zero(lift_plan) -> None:
    session = started(lift_plan)
    session.at(2)
    session.runner.skip_step()
    snapshot = session.at(2)
    assert (snapshot.step_index, snapshot.step_elapsed, snapshot.rep, snapshot.cue) == (1, 0.0, 1, "Lift")
    assert snapshot.phase_remaining == 2.0
    assert session.at(19.9).step_index == 1
    assert session.at(20).step_index == 2


def test_skip_step_books_partial_reps_but_no_done_set(lift_plan) -> None:
    session = started(lift_plan)
    session.at(12)  # 7 s into set 1: one rep done, the second under way
    session.runner.skip_step()
    assert session.at(12).step_index == 2
    (tally,) = session.runner.tallies()
    assert (tally.sets_done, tally.reps_done) == (0, 1)
    assert session.runner.completion == pytest.approx(7 / 36)


def test_skip_step_on_the_last_step_finishes_the_session(lift_plan) -> None:
    session = started(lift_plan)
    session.at(60)
    session.runner.skip_step()
    snapshot = session.at(61)
    assert (snapshot.state, snapshot.session_progress, snapshot.session_remaining) == ("finished", 1.0, 0.0)
    assert session.runner.ended_at == 60


def test_skip_step_while_paused_stays_paused_at_the_start_of_the_next_step(lift_plan) -> None:
    session = started(lift_plan)
    session.at(2)
    session.runner.pause()
    session.runner.skip_step()
    snapshot = session.at(100)
    assert (snapshot.state, snapshot.step_index, snapshot.step_elapsed) == ("paused", 1, 0.0)


@pytest.mark.parametrize("when", [1.0, 7.0, 16.5])
def test_skip_exercise_jumps_to_the_next_exercises_get_ready(routine_plan, when: float) -> None:
    session = started(routine_plan)
    session.at(when)
    session.runner.skip_exercise()
    snapshot = session.at(when + 1)
    assert (snapshot.step_index, snapshot.exercise_index, snapshot.step_elapsed) == (2, 1, 1.0)
    assert snapshot.cue == "Get ready: Test stretch, left side"


def test_skip_exercise_on_the_last_exercise_finishes(routine_plan) -> None:
    session = started(routine_plan)
    session.at(30)
    session.runner.skip_exercise()
    snapshot = session.at(31)
    assert (snapshot.state, snapshot.session_progress, snapshot.session_remaining) == ("finished", 1.0, 0.0)
    lift_tally, stretch_tally = session.runner.tallies()
    assert (lift_tally.sets_done, stretch_tally.sets_done, stretch_tally.holds_done) == (1, 0, 0)


def test_back_restarts_the_previous_step_from_zero(lift_plan) -> None:
    session = started(lift_plan)
    session.at(57)  # 4 s into set 2
    session.runner.back()
    snapshot = session.at(57)
    assert (snapshot.step_index, snapshot.cue, snapshot.phase_remaining) == (2, "Rest", 30.0)
    assert session.at(86.9).step_index == 2
    assert session.at(87).step_index == 3


def test_back_on_the_first_step_restarts_it(lift_plan) -> None:
    session = started(lift_plan)
    session.at(3)
    session.runner.back()
    snapshot = session.at(3)
    assert (snapshot.step_index, snapshot.phase_remaining, snapshot.countdown) == (0, 5.0, 5)
    assert session.at(7.9).step_index == 0
    assert session.at(8).step_index == 1


def test_back_while_paused_stays_paused_at_zero(lift_plan) -> None:
    session = started(lift_plan)
    session.at(30)
    session.runner.pause()
    session.runner.back()
    snapshot = session.at(99)
    assert (snapshot.state, snapshot.step_index, snapshot.step_elapsed, snapshot.rep) == ("paused", 1, 0.0, 1)


@pytest.mark.parametrize("reason", ["pain", "tired", "out-of-time", "other"])
def test_stop_keeps_the_reason_and_the_end_time(lift_plan, reason) -> None:
    session = started(lift_plan)
    session.at(30)
    session.runner.stop(reason)
    snapshot = session.at(500)
    assert (snapshot.state, snapshot.step_index, snapshot.step_elapsed) == ("stopped", 2, 7.0)
    assert (session.runner.stop_reason, session.runner.ended_at) == (reason, 30)
    assert snapshot.next_change_in is None


def test_stop_before_start_records_nothing_done(lift_plan) -> None:
    session = ready(lift_plan, at=4)
    session.runner.stop("other")
    snapshot = session.at(10)
    assert (snapshot.state, session.runner.ended_at, session.runner.completion) == ("stopped", 4, 0.0)
    assert [(tally.sets_done, tally.reps_done, tally.seconds) for tally in session.runner.tallies()] == [(0, 0, 0.0)]


@pytest.mark.parametrize(
    "action", ["start", "pause", "resume", "toggle_pause", "skip_step", "skip_exercise", "back", "rep_done"]
)
def test_nothing_moves_a_stopped_session(self_paced_plan, action: str) -> None:
    session = started(self_paced_plan)
    session.at(6)
    session.runner.rep_done()
    session.runner.stop("pain")
    before = session.at(7)
    getattr(session.runner, action)()
    assert session.at(100) == before
    assert (session.runner.stop_reason, session.runner.ended_at) == ("pain", 6)


def test_stop_after_the_end_leaves_the_session_finished(lift_plan) -> None:
    session = started(lift_plan)
    session.at(200)
    session.runner.stop("pain")
    assert (session.at(201).state, session.runner.stop_reason, session.runner.ended_at) == ("finished", None, 71)


def test_stop_unobserved_after_the_natural_end_is_still_finished(lift_plan) -> None:
    session = started(lift_plan)
    session.clock.now = 200
    session.runner.stop("tired")
    assert (session.runner.state, session.runner.stop_reason, session.runner.ended_at) == ("finished", None, 71)


# --- self-paced reps and rep modes ------------------------------------------------------


def test_rep_done_counts_self_paced_reps_and_the_last_one_ends_the_step(self_paced_plan) -> None:
    session = started(self_paced_plan)
    first = session.at(5)
    assert (first.step_index, first.self_paced, first.rep, first.reps_total) == (1, True, 1, 3)
    assert first.cue == "Rep 1 at your own pace, then press Enter"
    assert (first.phase_remaining, first.countdown) == (0.0, 0)
    session.runner.rep_done()
    assert (session.at(9).rep, session.runner.snapshot().next_text) == (2, "Next: rep 3 of 3")
    session.runner.rep_done()
    third = session.at(14)
    assert (third.rep, third.next_text, third.step_progress) == (3, "Next: rest 30 s", pytest.approx(2 / 3))
    session.runner.rep_done()
    rest = session.at(15)
    assert (rest.step_index, rest.cue, rest.phase_remaining) == (2, "Rest", 29.0)


def test_each_self_paced_set_starts_again_at_rep_one(self_paced_plan) -> None:
    session = started(self_paced_plan)
    session.at(5)
    for _ in range(3):
        session.runner.rep_done()
    session.at(35)  # the 30 s rest is over
    second = session.runner.snapshot()
    assert (second.step_index, second.rep, second.step_progress, second.step.set_number) == (3, 1, 0.0, 2)
    session.runner.rep_done()
    assert session.at(36).rep == 2


def test_a_self_paced_step_waits_however_long_it_takes(self_paced_plan) -> None:
    session = started(self_paced_plan)
    session.at(6)
    session.runner.rep_done()
    snapshot = session.at(5000)
    assert (snapshot.state, snapshot.step_index, snapshot.rep) == ("running", 1, 2)
    assert snapshot.session_progress == pytest.approx((5 + 6) / 71)


def test_a_self_paced_step_counts_its_time_up_each_second(self_paced_plan) -> None:
    session = started(self_paced_plan)
    first = session.at(5.25)  # 0.25 s into the reps
    assert (first.self_paced, first.step_elapsed, first.next_change_in) == (True, 0.25, pytest.approx(0.75))
    assert session.at(6.0).next_change_in == pytest.approx(1.0)


def test_rep_done_is_ignored_when_paced(lift_plan) -> None:
    session = started(lift_plan)
    session.at(6)
    for _ in range(5):
        session.runner.rep_done()
    snapshot = session.at(6)
    assert (snapshot.step_index, snapshot.rep, snapshot.cue) == (1, 1, "Lift")


def test_rep_done_is_ignored_while_paused(self_paced_plan) -> None:
    session = started(self_paced_plan)
    session.at(6)
    session.runner.pause()
    session.runner.rep_done()
    assert session.at(7).rep == 1
    session.runner.resume()
    session.runner.rep_done()
    assert session.at(8).rep == 2


def test_rep_done_is_ignored_outside_a_reps_step(self_paced_plan) -> None:
    session = started(self_paced_plan)
    session.at(1)
    session.runner.rep_done()
    assert session.at(5).rep == 1


def test_switching_to_self_paced_keeps_the_reps_done(five_rep_plan) -> None:
    session = started(five_rep_plan)
    session.at(25)  # 20 s in: three reps done, the fourth 2 s in
    session.runner.set_rep_mode("self-paced")
    snapshot = session.at(100)
    assert (snapshot.step_index, snapshot.self_paced, snapshot.rep) == (1, True, 4)
    assert snapshot.cue == "Rep 4 at your own pace, then press Enter"
    session.runner.rep_done()
    assert session.at(101).rep == 5
    session.runner.rep_done()
    assert session.at(102).step_index == 2
    assert session.runner.tallies()[0].reps_done == 5


def test_switching_to_paced_continues_at_the_next_reps_timing(make_exercise) -> None:
    plan = plan_exercise(make_exercise(rep_mode="self-paced"), PersonalDose(reps=5))
    session = started(plan)
    session.at(5)
    for _ in range(4):
        session.runner.rep_done()
    session.at(50)
    session.runner.set_rep_mode("paced")
    snapshot = session.at(50)
    assert (snapshot.self_paced, snapshot.rep, snapshot.cue, snapshot.phase_remaining) == (False, 5, "Lift", 2.0)
    assert snapshot.step_progress == pytest.approx(4 / 5)
    assert session.at(55.9).step_index == 1
    assert session.at(56).step_index == 2
    assert session.runner.tallies()[0].reps_done == 5


def test_switching_while_paused_keeps_the_session_paused(five_rep_plan) -> None:
    session = started(five_rep_plan)
    session.at(17)  # two reps done
    session.runner.pause()
    session.runner.set_rep_mode("self-paced")
    session.runner.set_rep_mode("paced")
    snapshot = session.at(300)
    assert (snapshot.state, snapshot.rep, snapshot.step_elapsed) == ("paused", 3, 12.0)


def test_a_rep_mode_set_during_get_ready_applies_to_the_exercises_reps(lift_plan) -> None:
    session = started(lift_plan)
    session.at(2)
    session.runner.set_rep_mode("self-paced")
    snapshot = session.at(500)
    assert (snapshot.step_index, snapshot.self_paced, snapshot.rep) == (1, True, 1)
    assert session.runner.rep_mode() == "self-paced"


def test_rep_mode_belongs_to_one_exercise(two_lifts_plan) -> None:
    session = started(two_lifts_plan)
    session.at(6)
    session.runner.set_rep_mode("self-paced")
    assert (session.runner.rep_mode(0), session.runner.rep_mode(1)) == ("self-paced", "paced")


def test_setting_the_same_rep_mode_changes_nothing(lift_plan) -> None:
    session = started(lift_plan)
    before = session.at(8.5)
    session.runner.set_rep_mode("paced")
    assert session.at(8.5) == before


# --- time -----------------------------------------------------------------------------


def test_a_late_snapshot_carries_the_overflow_into_the_next_step(lift_plan) -> None:
    session = started(lift_plan)
    snapshot = session.at(7.5)  # get ready ended 2.5 s ago
    assert (snapshot.step_index, snapshot.step_elapsed, snapshot.rep) == (1, 2.5, 1)
    assert (snapshot.cue, snapshot.phase_remaining) == ("Hold", 1.5)


def test_one_late_snapshot_carries_across_several_steps(lift_plan) -> None:
    session = started(lift_plan)
    snapshot = session.at(57.25)
    assert (snapshot.step_index, snapshot.step_elapsed, snapshot.cue) == (3, 4.25, "Lower")
    assert session.runner.tallies()[0].sets_done == 1


def test_a_snapshot_far_in_the_future_finishes_the_session(lift_plan) -> None:
    session = started(lift_plan, at=1000)
    snapshot = session.at(1e6)
    assert (snapshot.state, snapshot.session_progress, snapshot.session_remaining) == ("finished", 1.0, 0.0)
    assert (snapshot.step_index, snapshot.countdown, snapshot.next_change_in) == (3, 0, None)
    assert session.runner.ended_at == 1071
    assert session.runner.completion == 1.0


@pytest.mark.parametrize("plan_name", ["lift_plan", "stretch_plan", "routine_plan"])
def test_steps_change_exactly_at_the_planned_starts_whatever_the_snapshot_times(request, plan_name: str) -> None:
    plan: Plan = request.getfixturevalue(plan_name)
    generator = random.Random(plan_name)
    for _ in range(20):
        session = started(plan)
        times = sorted(generator.uniform(0, plan.total_seconds) for _ in range(generator.randint(1, 25)))
        for seconds in times:
            if min(abs(seconds - start) for start in plan.starts) < 1e-6:
                continue
            snapshot = session.at(seconds)
            assert snapshot.step_index == planned_step(plan, seconds), seconds
            assert snapshot.step_elapsed == pytest.approx(seconds - plan.starts[snapshot.step_index], abs=1e-9)


@pytest.mark.parametrize("plan_name", ["lift_plan", "stretch_plan", "routine_plan"])
def test_a_step_begins_exactly_at_its_planned_start(request, plan_name: str) -> None:
    plan: Plan = request.getfixturevalue(plan_name)
    session = started(plan)
    for index, start in enumerate(plan.starts):
        if index:
            assert session.at(start - 1e-6).step_index == index - 1
        snapshot = session.at(start)
        assert (snapshot.step_index, snapshot.step_elapsed) == (index, 0.0)


def test_how_often_the_snapshot_is_taken_changes_nothing(routine_plan) -> None:
    busy = started(routine_plan)
    for tick in range(1, 200):
        a = busy.at(tick * 0.37)  # a UI tick about three times a second
        if tick % 15:
            continue
        b = started(routine_plan).at(busy.clock.now)  # one look, no ticks before it
        assert (a.state, a.step_index, a.rep, a.cue) == (b.state, b.step_index, b.rep, b.cue)
        assert a.change_key == b.change_key
        assert a.step_elapsed == pytest.approx(b.step_elapsed, abs=1e-9)
        assert a.session_progress == pytest.approx(b.session_progress, abs=1e-12)
    assert busy.runner.snapshot().state == "finished"


@pytest.mark.parametrize(
    ("seconds", "countdown"),
    [(5.0, 20), (5.0001, 20), (6.0, 19), (7.4, 18), (7.6, 18), (8.0, 17), (24.0, 1), (24.99, 1)],
)
def test_countdown_is_the_ceiling_of_the_phase_remaining(stretch_plan, seconds: float, countdown: int) -> None:
    snapshot = started(stretch_plan).at(seconds)
    assert snapshot.step_index == 1
    assert snapshot.phase_remaining == pytest.approx(25 - seconds)
    assert snapshot.countdown == countdown == math.ceil(snapshot.phase_remaining - 1e-9)


def test_countdown_restarts_for_each_tempo_phase(lift_plan) -> None:
    session = started(lift_plan)
    shown = [(s.cue, s.countdown) for s in (session.at(5 + 0.5 * half) for half in range(12))]
    assert shown == [(cue, countdown) for cue in ("Lift", "Hold", "Lower") for countdown in (2, 2, 1, 1)]


def _walk_changes(session: Session) -> list[tuple[str, int, int]]:
    """Follow next_change_in to the end; check that nothing changes before it and something does at it."""
    seen = []
    snapshot = session.runner.snapshot()
    while snapshot.next_change_in is not None:
        wait = snapshot.next_change_in
        assert wait > 0
        seen.append((snapshot.cue, snapshot.rep, snapshot.countdown))
        just_before = session.after(wait - 1e-6)
        assert (just_before.countdown, just_before.change_key) == (snapshot.countdown, snapshot.change_key)
        changed = session.after(1e-6)
        assert (changed.countdown, changed.change_key) != (snapshot.countdown, snapshot.change_key)
        assert (
            changed.state == "finished"
            or changed.change_key != snapshot.change_key
            or (changed.countdown == snapshot.countdown - 1)
        )
        snapshot = changed
    assert snapshot.state == "finished"
    return seen


def test_next_change_in_lands_on_every_countdown_and_cue_change(lift_plan) -> None:
    seen = _walk_changes(started(lift_plan))
    assert len(seen) == 71  # one change a second: every phase here is whole seconds
    assert seen[:8] == [
        ("Get ready: Test lift", 0, 5),
        ("Get ready: Test lift", 0, 4),
        ("Get ready: Test lift", 0, 3),
        ("Get ready: Test lift", 0, 2),
        ("Get ready: Test lift", 0, 1),
        ("Lift", 1, 2),
        ("Lift", 1, 1),
        ("Hold", 1, 2),
    ]


def test_next_change_in_follows_fractional_phases(make_exercise) -> None:
    exercise = make_exercise(
        dose={"sets": {"min": 1, "max": 1}, "reps": {"min": 2, "max": 2}, "rest_seconds": 0},
        tempo=[{"cue": "Up", "seconds": 1.5}, {"cue": "Down", "seconds": 0.5}],
    )
    session = started(plan_exercise(exercise, get_ready_seconds=2.5))
    first = session.runner.snapshot()
    assert (first.countdown, first.next_change_in) == (3, 0.5)
    seen = _walk_changes(session)
    assert seen == [
        ("Get ready: Test lift", 0, 3),
        ("Get ready: Test lift", 0, 2),
        ("Get ready: Test lift", 0, 1),
        ("Up", 1, 2),
        ("Up", 1, 1),
        ("Down", 1, 1),
        ("Up", 2, 2),
        ("Up", 2, 1),
        ("Down", 2, 1),
    ]


def test_next_change_in_mid_second(stretch_plan) -> None:
    session = started(stretch_plan)
    assert session.at(7.25).next_change_in == pytest.approx(0.75)
    assert session.at(8.0).next_change_in == pytest.approx(1.0)


def test_nothing_changes_on_its_own_when_ready_paused_or_over(self_paced_plan) -> None:
    session = ready(self_paced_plan)
    assert session.at(0).next_change_in is None
    session.runner.start()
    assert session.at(1).next_change_in == pytest.approx(1.0)
    session.runner.pause()
    assert session.at(2).next_change_in is None
    session.runner.resume()
    session.at(6)
    session.runner.stop("tired")
    assert session.at(7).next_change_in is None


def test_session_elapsed_and_remaining_add_up(lift_plan) -> None:
    snapshot = started(lift_plan).at(30)
    assert snapshot.session_remaining == 41.0
    assert snapshot.session_progress == pytest.approx(30 / 71)
    assert (snapshot.step_elapsed, snapshot.step_remaining, snapshot.step_progress) == (7.0, 23.0, 7 / 30)


# --- cues and texts -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan_name", "seconds", "cue"),
    [
        ("stretch_plan", 0, "Get ready: Test stretch, left side"),
        ("lift_plan", 0, "Get ready: Test lift"),
        ("stretch_plan", 10, "Stretch"),
        ("stretch_plan", 26, "Switch sides: right side"),
        ("stretch_plan", 40, "Stretch"),
        ("lift_plan", 30, "Rest"),
        ("routine_plan", 20, "Get ready: Test stretch, left side"),
    ],
)
def test_cue_for_each_kind_of_step(request, plan_name: str, seconds: float, cue: str) -> None:
    assert started(request.getfixturevalue(plan_name)).at(seconds).cue == cue


def test_tempo_cues_come_in_order_within_each_rep(lift_plan) -> None:
    session = started(lift_plan)
    shown = [(s.rep, s.reps_total, s.cue) for s in (session.at(6 + 2 * phase) for phase in range(9))]
    assert shown == [(rep, 3, cue) for rep in (1, 2, 3) for cue in ("Lift", "Hold", "Lower")]


def test_a_hold_shows_the_exercises_hold_cue_or_hold(make_exercise) -> None:
    plain = make_exercise("hold", hold_cue=...)
    snapshot = started(plan_exercise(plain)).at(6)
    assert (snapshot.step.kind, snapshot.cue, snapshot.rep, snapshot.reps_total) == (StepKind.HOLD, "Hold", 0, 0)


@pytest.mark.parametrize(
    ("plan_name", "seconds", "text"),
    [
        ("lift_plan", 0, "Next: 3 reps, set 1 of 2"),
        ("lift_plan", 6, "Next: rep 2 of 3"),
        ("lift_plan", 12, "Next: rep 3 of 3"),
        ("lift_plan", 18, "Next: rest 30 s"),
        ("lift_plan", 30, "Next: 3 reps, set 2 of 2"),
        ("lift_plan", 70, "Last one: then a few questions about how it went"),
        ("routine_plan", 12, "Next exercise: Test stretch"),
        ("routine_plan", 20, "Next: hold 20 s, left side"),
        ("routine_plan", 30, "Next: switch sides (right side)"),
        ("routine_plan", 50, "Next: hold 20 s, right side"),
        ("routine_plan", 60, "Last one: then a few questions about how it went"),
    ],
)
def test_next_text(request, plan_name: str, seconds: float, text: str) -> None:
    assert started(request.getfixturevalue(plan_name)).at(seconds).next_text == text


def test_change_key_changes_for_a_new_hold_even_with_the_same_cue(make_exercise) -> None:
    exercise = make_exercise(
        "hold", dose={"sets": {"min": 2, "max": 2}, "hold_seconds": {"min": 20, "max": 20}, "rest_seconds": 0}
    )
    session = started(plan_exercise(exercise))
    first, second = session.at(24.5), session.at(25.5)
    assert first.cue == second.cue == "Stretch"
    assert first.change_key != second.change_key
    assert session.at(26).change_key == second.change_key


# --- tallies and completion -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan_name", "expected"),
    [
        ("lift_plan", [(2, 2, 6, 0)]),
        ("self_paced_plan", [(2, 2, 6, 0)]),
        ("stretch_plan", [(1, 1, 0, 2)]),
        ("routine_plan", [(1, 1, 2, 0), (1, 1, 0, 2)]),
        ("two_lifts_plan", [(1, 1, 2, 0), (1, 1, 6, 0)]),
    ],
)
def test_a_full_run_does_every_set_rep_and_hold(request, plan_name: str, expected) -> None:
    session = started(request.getfixturevalue(plan_name))
    assert run_to_end(session).state == "finished"
    tallies = session.runner.tallies()
    assert [(t.sets_planned, t.sets_done, t.reps_done, t.holds_done) for t in tallies] == expected
    assert session.runner.completion == 1.0


def test_the_rest_between_per_side_sets_says_the_left_side_comes_next(side_lift) -> None:
    plan = plan_exercise(side_lift)  # get ready 5, left 6, switch 5, right 6, rest 10, left 6 ...
    session = started(plan)
    rest = session.at(plan.starts[4] + 1)
    assert (rest.step.kind, rest.step.side, rest.cue) == (StepKind.REST, None, "Rest, then: left side")
    assert session.at(plan.starts[5]).step.side == "left"


def test_a_full_run_of_per_side_sets_counts_reps_on_both_sides(side_lift) -> None:
    plan = plan_exercise(side_lift)
    session = started(plan)
    run_to_end(session)
    (tally,) = session.runner.tallies()
    assert (tally.sets_done, tally.reps_done, tally.holds_done) == (2, 2 * 3 * 2, 0)
    assert tally.seconds == plan.total_seconds


def test_a_full_run_of_per_side_holds_counts_every_hold(stretch) -> None:
    session = started(plan_exercise(stretch))
    run_to_end(session)
    (tally,) = session.runner.tallies()
    assert (tally.sets_planned, tally.sets_done, tally.reps_done, tally.holds_done) == (2, 2, 0, 4)


def test_stopping_half_way_through_the_session_gives_half_completion(lift_plan) -> None:
    session = started(lift_plan)
    session.at(lift_plan.total_seconds / 2)  # 35.5 s: in the rest after set 1
    session.runner.stop("out-of-time")
    assert session.runner.completion == 0.5
    (tally,) = session.runner.tallies()
    assert (tally.sets_done, tally.reps_done, tally.seconds) == (1, 3, 35.5)
    assert session.runner.snapshot().session_progress == pytest.approx(35.5 / 71)


def test_stopping_mid_set_books_the_part_done(lift_plan) -> None:
    session = started(lift_plan)
    session.at(59.5)  # 6.5 s into set 2: one rep done
    session.runner.stop("pain")
    assert session.runner.completion == pytest.approx((18 + 6.5) / 36)
    (tally,) = session.runner.tallies()
    assert (tally.sets_done, tally.reps_done) == (1, 4)


def test_skipping_a_set_lowers_sets_done(lift_plan) -> None:
    session = started(lift_plan)
    session.at(8)
    session.runner.skip_step()
    run_to_end(session)
    (tally,) = session.runner.tallies()
    assert (tally.sets_done, tally.reps_done) == (1, 3)
    assert session.runner.completion == pytest.approx((3 + 18) / 36)


def test_a_set_with_one_side_skipped_is_not_done(stretch_plan) -> None:
    session = started(stretch_plan)
    session.at(31)
    session.runner.skip_step()
    assert session.at(32).state == "finished"
    (tally,) = session.runner.tallies()
    assert (tally.sets_done, tally.holds_done) == (0, 1)
    assert session.runner.completion == pytest.approx(21 / 40)


def test_going_back_and_redoing_a_step_is_not_counted_twice(lift_plan) -> None:
    session = started(lift_plan)
    session.at(25)  # set 1 done, 2 s into the rest
    session.runner.back()
    assert session.at(25).step_index == 1
    session.at(43)  # set 1 done again
    session.runner.back()
    session.runner.back()  # back to set 1 from its start, then redo part of it
    session.at(50)
    run_to_end(session)
    (tally,) = session.runner.tallies()
    assert (tally.sets_done, tally.reps_done) == (2, 6)
    assert session.runner.completion == 1.0


def test_a_partial_redo_keeps_the_best_visit(stretch_plan) -> None:
    session = started(stretch_plan)
    session.at(23)  # 18 s of the left hold
    session.runner.back()
    session.runner.skip_step()
    session.at(28)  # 5 s of the left hold again
    session.runner.stop("tired")
    assert session.runner.completion == pytest.approx(18 / 40)
    assert session.runner.tallies()[0].seconds == 23 + 5


def test_tally_seconds_are_the_time_spent_on_each_exercise(routine_plan) -> None:
    session = started(routine_plan)
    session.at(3)
    session.runner.pause()
    session.at(50)
    session.runner.resume()
    session.at(60)  # 13 s of running time: 5 of get ready, 8 of reps
    session.runner.skip_exercise()
    session.at(65)
    session.runner.stop("other")
    assert [tally.seconds for tally in session.runner.tallies()] == [13.0, 5.0]


def test_step_change_listeners_hear_every_step_entered(lift_plan) -> None:
    session = started(lift_plan)
    heard: list[int] = []
    session.runner.on_step_change.append(heard.append)
    session.at(60)
    session.runner.back()
    session.runner.skip_step()
    assert heard == [1, 2, 3, 2, 3]


# --- bugs -------------------------------------------------------------------------------------


def _do(runner: Runner, action: str) -> None:
    if action == "set_rep_mode":
        runner.set_rep_mode("self-paced")
    elif action == "stop":
        runner.stop("tired")
    else:
        getattr(runner, action)()


@pytest.mark.parametrize(
    ("action", "plan_name", "when"),
    [
        ("pause", "lift_plan", 10.0),
        ("back", "lift_plan", 10.0),
        ("skip_exercise", "two_lifts_plan", 18.0),
        ("stop", "lift_plan", 10.0),
        ("skip_step", "lift_plan", 10.0),
        ("rep_done", "self_paced_plan", 6.0),
        ("set_rep_mode", "two_lifts_plan", 18.0),
    ],
)
def test_an_action_does_the_same_whether_or_not_the_last_tick_was_seen(
    request, action: str, plan_name: str, when: float
) -> None:
    """The clock, not the UI's ticks, says where the session is (runner.py docstring)."""
    plan: Plan = request.getfixturevalue(plan_name)
    seen, missed = started(plan), started(plan)
    seen.at(when)  # the UI took a snapshot at the moment of the key press
    missed.clock.now = when  # the UI's last snapshot was at the start (a dropped tick)
    for session in (seen, missed):
        _do(session.runner, action)
    a, b = seen.at(when + 1), missed.at(when + 1)
    assert (a.state, a.step_index, a.rep, a.cue, a.self_paced) == (b.state, b.step_index, b.rep, b.cue, b.self_paced)
    assert a.step_elapsed == pytest.approx(b.step_elapsed)
    assert [seen.runner.rep_mode(i) for i in range(len(plan.exercises))] == [
        missed.runner.rep_mode(i) for i in range(len(plan.exercises))
    ]


def test_a_stopped_snapshot_shows_the_visit_that_was_stopped(stretch_plan) -> None:
    session = started(stretch_plan)
    session.at(23)  # 18 s of the 20 s left hold
    session.runner.back()
    session.runner.skip_step()
    session.at(28)  # 5 s into the left hold again
    session.runner.stop("pain")
    snapshot = session.at(30)
    assert (snapshot.step_index, snapshot.step_elapsed, snapshot.phase_remaining) == (1, 5.0, 15.0)
    assert snapshot.step_progress == 0.25


# --- property: any plan, any actions ---------------------------------------------------------

ACTIONS = ["start", "resume", "pause", "toggle_pause", "skip_step", "skip_exercise", "back", "stop"]
ACTIONS += ["start", "resume", "rep_done", "rep_done", "rep_done", "paced", "self-paced", "self-paced"]
"""Weighted: starting, resuming and pressing Enter come up more often than stopping."""
RESETS = {"back", "skip_step", "skip_exercise", "self-paced"}
"""Actions after which a step's progress may go down (a new visit, or a half-done rep dropped)."""


@st.composite
def exercise_specs(draw) -> dict[str, Any]:
    sets = draw(st.integers(1, 3))
    hold = draw(st.integers(1, 5))
    dose: dict[str, Any] = {
        "sets": {"min": sets, "max": sets},
        "per_side": draw(st.booleans()),
        "rest_seconds": draw(st.integers(0, 20)),
    }
    spec: dict[str, Any] = {"rep_mode": draw(st.sampled_from(["paced", "self-paced"]))}
    if draw(st.booleans()):
        reps = draw(st.integers(1, 4))
        seconds = st.sampled_from([0.5, 1.0, 1.5, 2.0, 3.0])
        tempo = [{"cue": f"Move {n}", "seconds": draw(seconds)} for n in range(draw(st.integers(1, 3)))]
        dose["reps"] = {"min": reps, "max": reps}
        if draw(st.booleans()):
            dose["hold_seconds"] = {"min": hold, "max": hold}
            tempo.insert(1, {"cue": "Hold", "seconds": hold, "is_hold": True})
        return {"kind": "rep", "dose": dose, "tempo": tempo, **spec}
    dose["hold_seconds"] = {"min": hold, "max": hold}
    return {"kind": "hold", "dose": dose, **spec}


plan_specs = st.fixed_dictionaries(
    {
        "exercises": st.lists(exercise_specs(), min_size=1, max_size=3),
        "transition": st.integers(0, 15),
        "get_ready": st.sampled_from([0.0, 1.0, 2.5, 5.0]),
    }
)
waits = st.one_of(st.just(0.0), st.floats(0, 3), st.floats(0, 40))
action_lists = st.lists(st.one_of(st.sampled_from(ACTIONS), st.sampled_from(ACTIONS), waits), max_size=40)


def _build_plan(make_exercise, make_routine, spec: dict[str, Any]) -> Plan:
    exercises = {}
    for number, entry in enumerate(spec["exercises"], start=1):
        fields = {key: value for key, value in entry.items() if key != "kind"}
        exercise = make_exercise(entry["kind"], id=f"ex-{number}", name=f"Exercise {number}", **fields)
        exercises[exercise.id] = exercise
    if len(exercises) == 1:
        return plan_exercise(next(iter(exercises.values())), get_ready_seconds=spec["get_ready"])
    routine = make_routine(list(exercises), transition_seconds=spec["transition"])
    return plan_routine(routine, exercises, get_ready_seconds=spec["get_ready"])


def _check_consistent(snapshot: Snapshot, runner: Runner) -> None:
    plan = runner.plan
    assert 0 <= snapshot.step_index < len(plan.steps)
    assert snapshot.step_remaining >= 0
    assert snapshot.phase_remaining >= 0
    assert snapshot.session_remaining >= 0
    assert 0.0 <= snapshot.step_progress <= 1.0
    assert 0.0 <= snapshot.session_progress <= 1.0
    assert snapshot.countdown >= 0
    assert snapshot.next_change_in is None or snapshot.next_change_in >= 0
    assert snapshot.session_remaining == pytest.approx(plan.total_seconds * (1 - snapshot.session_progress), abs=1e-6)
    if snapshot.state == "running" and not snapshot.self_paced:
        assert snapshot.step_elapsed < snapshot.step.seconds + 1e-9
    if snapshot.state == "finished":
        assert (snapshot.session_progress, snapshot.session_remaining) == (1.0, 0.0)
    if snapshot.state == "stopped":
        assert runner.stop_reason is not None and runner.ended_at is not None
    assert 0.0 <= runner.completion <= 1.0
    for tally in runner.tallies():
        assert 0 <= tally.sets_done <= tally.sets_planned
        assert tally.reps_done >= 0 and tally.holds_done >= 0 and tally.seconds >= 0


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=plan_specs, start=st.sampled_from([True, True, True, False]), actions=action_lists)
def test_any_actions_on_any_plan_keep_the_snapshot_consistent_and_the_plan_ends(
    make_exercise, make_routine, spec: dict[str, Any], start: bool, actions: list[str | float]
) -> None:
    plan = _build_plan(make_exercise, make_routine, spec)
    session = started(plan) if start else ready(plan)
    runner = session.runner
    previous = runner.snapshot()
    _check_consistent(previous, runner)
    for action in actions:
        if isinstance(action, float):
            if runner.state == "paused":
                before = runner.snapshot()
                after = session.after(action)
                assert after == before, "time passing while paused changed the snapshot"
            else:
                session.clock.advance(action)
        elif action in ("paced", "self-paced"):
            runner.set_rep_mode(action)
        else:
            _do(runner, action)
        snapshot = runner.snapshot()
        _check_consistent(snapshot, runner)
        if snapshot.step_index == previous.step_index and action not in RESETS:
            assert snapshot.step_progress >= previous.step_progress - 1e-9, action
            assert snapshot.session_progress >= previous.session_progress - 1e-9, action
        previous = snapshot
    runner.start()
    runner.resume()
    end = run_to_end(session)
    assert end.state in ("finished", "stopped")
    if end.state == "finished":
        assert (end.session_progress, end.session_remaining) == (1.0, 0.0)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=plan_specs, data=st.data())
def test_any_paced_plan_changes_step_exactly_at_its_planned_starts(
    make_exercise, make_routine, spec: dict[str, Any], data: st.DataObject
) -> None:
    for entry in spec["exercises"]:
        entry["rep_mode"] = "paced"
    plan = _build_plan(make_exercise, make_routine, spec)
    session = started(plan)
    times = data.draw(st.lists(st.floats(0, plan.total_seconds - 1e-6), max_size=30).map(sorted))
    for seconds in times:
        if min(abs(seconds - start) for start in plan.starts) < 1e-6:
            continue
        snapshot = session.at(seconds)
        assert snapshot.step_index == planned_step(plan, seconds)
        assert snapshot.step_elapsed == pytest.approx(seconds - plan.starts[snapshot.step_index], abs=1e-6)
    # The runner carries each overflow forward, so float rounding may leave the end ~1e-14 s late.
    assert session.at(plan.total_seconds + 1e-6).state == "finished"


# --- swapping the current exercise for its easier choice -------------------------------------------


def test_a_swap_restarts_the_exercise_as_the_new_one_and_keeps_what_came_before(routine_plan, make_exercise) -> None:
    easier = make_exercise(
        "hold", id="easier-stretch", dose={"sets": {"min": 1, "max": 1}, "hold_seconds": {"min": 5, "max": 5}}
    )
    session = started(routine_plan)
    stretch_ready = next(index for index, step in enumerate(routine_plan.steps) if step.exercise_index == 1)
    session.at(routine_plan.starts[stretch_ready] + 12.0)  # into the stretch (its get-ready is 10 s)
    swapped = swap_exercise(routine_plan, 1, easier, Prescription(1, None, 5, 0, False))
    session.runner.swap(swapped)
    snapshot = session.runner.snapshot()
    assert snapshot.step.kind == StepKind.GET_READY and snapshot.step.exercise.id == "easier-stretch"
    final = run_to_end(session)
    assert final.state == "finished"
    lift, stretch = session.runner.tallies()
    assert (lift.exercise_id, lift.sets_done) == ("test-lift", 1)  # done before the swap: kept
    assert (stretch.exercise_id, stretch.sets_done, stretch.holds_done) == ("easier-stretch", 1, 1)


def test_a_swap_needs_the_same_plan_with_one_exercise_replaced(routine_plan, lift) -> None:
    session = started(routine_plan)
    session.at(1.0)
    with pytest.raises(ValueError, match="one exercise replaced"):
        session.runner.swap(plan_exercise(lift))
