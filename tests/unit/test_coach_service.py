"""The coach service (trainer.services.coach) against a real journal on disk, with a fixed clock; and the plan
builder following the programme (trainer.services.plans)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.unit.coach_builders import session_of
from trainer.catalog.validated import Catalog
from trainer.journal.coach_models import Decision, Goal, Review, StartAnswers
from trainer.journal.limits import SettingsError
from trainer.journal.models import CheckIn, PersonalDose, SessionRecord
from trainer.journal.store import JournalStore
from trainer.paths import Paths
from trainer.services.core import Services, make_services

MONDAY = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


@dataclass
class Clock:
    now: datetime = MONDAY

    def __call__(self) -> datetime:
        return self.now

    def set(self, day_offset: int, hour: int) -> datetime:
        self.now = (MONDAY + timedelta(days=day_offset)).replace(hour=hour)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def services(tmp_path: Path, real_catalog: Catalog, clock: Clock) -> Services:
    return make_services(Paths(tmp_path / "data", tmp_path / "config"), catalog=real_catalog, now=clock)


def play(services: Services, routine_id: str, *, peak: int = 4, after: int = 4, how: str = "finished") -> SessionRecord:
    """A session of the routine as the plan builder plans it, every set done, saved to the journal."""
    plan = services.plans.for_routine(services.catalog.routines[routine_id])
    record = session_of(plan, services.now(), peak=peak, after=after, ended_how=how)  # type: ignore[arg-type]
    services.journal.add(record)
    return record


def answer_morning(services: Services, worse: bool) -> SessionRecord | None:
    """The first check-in of the morning, with the morning question when there is one."""
    asked = services.coach.morning_question()
    services.journal.add(
        CheckIn(
            at=services.now(),
            pain_now=3,
            session_worse=worse if asked else None,
            about_session=asked.id if asked else None,
        )
    )
    return asked


def decisions(services: Services) -> list[Decision]:
    return [entry for entry in services.journal.entries() if isinstance(entry, Decision)]


# --- with no programme -------------------------------------------------------------------------------------------


def test_everything_works_with_no_programme(services: Services, clock: Clock) -> None:
    coach = services.coach
    assert coach.progress is None and coach.programme is None and coach.start_plan() is None
    assert coach.today() is None and coach.review_due() is None and coach.morning_question() is None
    record = play(services, "back-basics", peak=9)
    assert coach.after_session(record) is None
    assert coach.after_morning_answer(record, worse=True) is None
    assert coach.dose_history() == []
    coach.stop()
    assert services.settings.current.programme is None


def test_the_coach_is_built_with_the_services(services: Services) -> None:
    assert services.coach_service is not None and services.coach is services.coach_service


def test_the_plan_is_unchanged_with_no_programme(services: Services, real_catalog: Catalog) -> None:
    plan = services.plans.for_routine(real_catalog.routines["back-basics"])
    bird = next(planned for planned in plan.exercises if planned.exercise.id == "bird-dog")
    assert (bird.prescription.sets, bird.prescription.reps) == (1, 5)  # the routine's own dose


# --- getting started ----------------------------------------------------------------------------------------


def test_start_tailors_and_saves_the_progress(services: Services, tmp_path: Path) -> None:
    answers = StartAnswers(worse_with=["bending-back"], goals=[Goal(text="Carry the shopping home")])
    plan = services.coach.start(answers)
    assert "No back extensions at first: you said bending backwards makes it worse." in plan.reasons
    progress = services.settings.current.programme
    assert progress is not None
    assert (progress.programme_id, progress.started, progress.rungs) == ("twelve-weeks", date(2026, 11, 2), {})
    saved = JournalStore(tmp_path / "data" / "journal").load_settings().programme
    assert saved == progress
    assert services.coach.start_plan() == plan


def test_changing_the_answers_keeps_the_start_and_the_rungs(services: Services, clock: Clock) -> None:
    services.coach.start(StartAnswers())
    services.settings.set_rungs({"bird-dog": 5})
    clock.set(10, 9)
    services.coach.start(StartAnswers(floor_ok=False))
    progress = services.settings.current.programme
    assert progress is not None and progress.started == date(2026, 11, 2) and progress.rungs == {"bird-dog": 5}
    assert progress.answers.floor_ok is False


def test_preview_tailors_like_start_and_saves_nothing(services: Services, tmp_path: Path, clock: Clock) -> None:
    answers = StartAnswers(worse_with=["bending-back"], floor_ok=False)
    preview = services.coach.preview(answers)
    assert "No back extensions at first: you said bending backwards makes it worse." in preview.reasons
    assert services.settings.current.programme is None
    assert JournalStore(tmp_path / "data" / "journal").load_settings().programme is None
    assert services.coach.start(answers) == preview


def test_preview_of_changed_answers_keeps_the_running_start(services: Services, clock: Clock) -> None:
    services.coach.start(StartAnswers())
    services.settings.set_rungs({"bird-dog": 5})
    clock.set(10, 9)
    preview = services.coach.preview(StartAnswers(leg_pain=True))
    progress = services.settings.current.programme
    assert progress is not None and progress.answers == StartAnswers()  # unchanged until start
    assert any("down into a leg" in reason for reason in preview.reasons)
    assert not any("down into a leg" in reason for reason in services.coach.start_plan().reasons)  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="no programme called 'nope'"):
        services.coach.preview(StartAnswers(), programme_id="nope")


def test_an_unknown_programme_is_refused(services: Services) -> None:
    with pytest.raises(ValueError, match="no programme called 'nope'"):
        services.coach.start(StartAnswers(), programme_id="nope")
    assert services.settings.current.programme is None


def test_rungs_change_only_through_the_settings_with_a_programme(services: Services) -> None:
    with pytest.raises(SettingsError, match="start one first"):
        services.settings.set_rungs({"bird-dog": 3})
    services.coach.start(StartAnswers())
    with pytest.raises(SettingsError, match="the coach's programme"):
        services.settings.set_rungs({"bird-dog": 99})
    assert services.settings.current.programme.rungs == {}  # type: ignore[union-attr]


# --- a week of sessions ---------------------------------------------------------------------------------------


def test_two_greens_propose_a_step_up_applied_only_when_accepted(services: Services, clock: Clock) -> None:
    coach = services.coach
    coach.start(StartAnswers())
    clock.set(0, 18)
    first = play(services, coach.today().routine.id)  # type: ignore[union-attr]
    assert coach.after_session(first) is None  # green: the morning decides
    clock.set(1, 8)
    assert answer_morning(services, worse=False) == first
    assert coach.after_morning_answer(first, worse=False) is None  # one green so far
    assert coach.morning_question() is None  # the first check-in of the day was made
    clock.set(1, 18)
    second = play(services, coach.today().routine.id)  # type: ignore[union-attr]
    clock.set(2, 8)
    assert answer_morning(services, worse=False) == second
    proposal = coach.after_morning_answer(second, worse=False)
    assert proposal is not None and proposal.direction == "up"
    assert proposal.reason.startswith("Your last two sessions were green: pelvic tilt 1x6 -> 1x8")
    assert services.settings.current.programme.rungs == {}  # type: ignore[union-attr]
    assert decisions(services) == []
    recorded = coach.accept(proposal)
    assert {decision.exercise_id for decision in recorded} == {step.ladder.exercise for step in proposal.steps}
    assert all(decision.reason == proposal.reason and decision.choice == "accepted" for decision in recorded)
    assert services.settings.current.programme.rungs["pelvic-tilt"] == 2  # type: ignore[union-attr]
    assert sorted(decisions(services), key=lambda d: d.exercise_id) == sorted(recorded, key=lambda d: d.exercise_id)
    assert coach.dose_history() == sorted(recorded, key=lambda decision: decision.at)
    assert coach.after_morning_answer(second, worse=False) is None  # already decided


def test_keeping_the_dose_records_the_decision_and_moves_nothing(services: Services, clock: Clock) -> None:
    coach = services.coach
    coach.start(StartAnswers())
    clock.set(0, 18)
    record = play(services, "gentle-start", peak=6)  # amber
    proposal = coach.after_session(record)
    assert proposal is not None and proposal.direction == "hold"
    kept = coach.keep(proposal)
    assert kept and all(decision.choice == "kept" and not decision.changed for decision in kept)
    assert services.settings.current.programme.rungs == {}  # type: ignore[union-attr]


def test_red_proposes_a_step_down_and_going_easier_drops_two(services: Services, clock: Clock) -> None:
    coach = services.coach
    coach.start(StartAnswers())
    services.settings.set_rungs({"pelvic-tilt": 4})
    clock.set(0, 18)
    record = play(services, "gentle-start", how="stopped-pain")
    proposal = coach.after_session(record)
    assert proposal is not None and proposal.direction == "down" and proposal.flare_plan
    assert services.settings.current.programme.rungs["pelvic-tilt"] == 4  # type: ignore[union-attr]
    coach.easier(proposal)
    assert services.settings.current.programme.rungs["pelvic-tilt"] == 2  # type: ignore[union-attr]
    today = coach.today()
    assert today is not None and today.routine is not None and today.routine.id == "flare-up-gentle"


def test_a_proposal_for_another_programme_changes_nothing(services: Services, clock: Clock) -> None:
    coach = services.coach
    coach.start(StartAnswers())
    clock.set(0, 18)
    proposal = coach.after_session(play(services, "gentle-start", peak=6))
    assert proposal is not None
    coach.stop()
    assert coach.accept(proposal) == [] and decisions(services) == []


# --- the plan builder follows the programme --------------------------------------------------------------------


def test_plans_use_the_current_rung(services: Services, real_catalog: Catalog) -> None:
    services.coach.start(StartAnswers())
    services.settings.set_rungs({"bird-dog": 4, "glute-bridge": 10})
    plan = services.plans.for_routine(real_catalog.routines["back-basics"])
    by_id = {planned.exercise.id: planned.prescription for planned in plan.exercises}
    assert (by_id["bird-dog"].sets, by_id["bird-dog"].reps, by_id["bird-dog"].hold_seconds) == (1, 8, 3)
    assert "glute-bridge" not in by_id  # rung 10 is the single-leg bridge
    single = by_id["single-leg-glute-bridge"]
    assert (single.sets, single.reps, single.hold_seconds, single.per_side) == (2, 8, 2, True)


def test_the_persons_own_dose_wins(services: Services, real_catalog: Catalog) -> None:
    services.coach.start(StartAnswers())
    services.settings.set_rungs({"bird-dog": 4})
    services.settings.set_dose("bird-dog", PersonalDose(sets=2, reps=7))
    plan = services.plans.for_routine(real_catalog.routines["back-basics"])
    bird = next(planned for planned in plan.exercises if planned.exercise.id == "bird-dog")
    assert (bird.prescription.sets, bird.prescription.reps) == (2, 7)
    single = services.plans.for_exercise(real_catalog.exercises["bird-dog"])
    assert (single.exercises[0].prescription.sets, single.exercises[0].prescription.reps) == (2, 7)


def test_a_single_exercise_plays_its_rung_when_the_rung_plays_it(services: Services, real_catalog: Catalog) -> None:
    services.coach.start(StartAnswers())
    services.settings.set_rungs({"bird-dog": 5, "glute-bridge": 10})
    bird = services.plans.for_exercise(real_catalog.exercises["bird-dog"]).exercises[0].prescription
    assert (bird.sets, bird.reps) == (1, 10)
    bridge = services.plans.for_exercise(real_catalog.exercises["glute-bridge"]).exercises[0].prescription
    assert (bridge.sets, bridge.reps) == (1, 5)  # its ladder is on the single-leg bridge: the starting dose


def test_tailoring_applies_to_every_routine_and_ladders_to_the_programmes(services: Services, real_catalog) -> None:
    services.coach.start(StartAnswers(worse_with=["bending-forward"]))
    services.settings.set_rungs({"pelvic-tilt": 5})
    flare = services.plans.for_routine(real_catalog.routines["flare-up-gentle"])
    ids = [planned.exercise.id for planned in flare.exercises]
    assert "knee-to-chest" not in ids  # left out for bending forwards, in any routine
    tilt = next(planned for planned in flare.exercises if planned.exercise.id == "pelvic-tilt")
    assert tilt.prescription.reps == 6  # the flare-up routine is not the programme's: its own dose


# --- reviews ------------------------------------------------------------------------------------------------------


def test_a_review_is_due_then_saved_with_the_goal_ratings(services: Services, clock: Clock) -> None:
    coach = services.coach
    coach.start(StartAnswers(goals=[Goal(text="Carry the shopping home", target=date(2027, 1, 31))]))
    services.settings.set_rungs({"bird-dog": 5})
    for offset in range(14):
        clock.set(offset, 8)
        services.journal.add(CheckIn(at=services.now(), pain_now=4))
    clock.set(12, 20)
    assert coach.review_due() is None
    clock.set(13, 20)
    questions = coach.review_due()
    assert questions is not None and questions.week == 2
    assert [goal.text for goal in questions.goals] == ["Carry the shopping home"]
    today = coach.today()
    assert today is not None and today.review_due and today.next_review is not None
    saved = coach.save_review(questions, {"Carry the shopping home": 4}, "ease-off", notes="Tired this week.")
    assert isinstance(saved, Review) and saved.goals[0].rating == 4 and saved.outcome == "ease-off"
    assert saved.suggested == questions.suggested and saved.trend == questions.trend
    assert coach.review_due() is None
    assert services.settings.current.programme.rungs["bird-dog"] == 4  # type: ignore[union-attr]
    eased = [decision for decision in decisions(services) if decision.source == "review"]
    assert eased and all(decision.choice == "easier" for decision in eased)
    later = coach.today()
    assert later is not None and later.goals[0].last_rating == 4


def test_after_session_judges_the_record_as_given(services: Services, clock: Clock) -> None:
    """The screen passes the record with the answers after the session: that one counts, not an older copy."""
    coach = services.coach
    coach.start(StartAnswers())
    clock.set(0, 18)
    quiet = play(services, "gentle-start", peak=4, after=4)
    answered = quiet.model_copy(update={"pain_peak": 9})
    proposal = coach.after_session(answered)
    assert proposal is not None and proposal.direction == "down"
    clock.set(1, 8)
    assert coach.morning_question_text(quiet) == "Is your back worse than before yesterday's session?"


def test_the_walking_baseline_is_the_walks_logged_before_the_start(services: Services, clock: Clock) -> None:
    for offset, minutes in ((-3, 10), (-2, 14), (-1, 12)):
        services.journal.add(CheckIn(at=MONDAY + timedelta(days=offset), pain_now=3, walked_minutes=minutes))
    plan = services.coach.start(StartAnswers())
    assert plan.walking.minutes == 10  # 80% of the 12 minutes walked on ordinary days
    clock.set(3, 9)
    services.journal.add(CheckIn(at=services.now(), pain_now=3, walked_minutes=40))  # a long walk since
    today = services.coach.today()
    assert today is not None and today.walking.minutes == 10 and today.walking.walked_this_week == 40
    assert services.coach.usual_pain() == 3.0
