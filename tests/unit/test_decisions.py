"""The coach's decisions (trainer.engine.decisions): proposals after a session and the next morning, the
person's choices, on fixed dates; and the in-memory replay (trainer.engine.replay)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.unit.coach_builders import morning, played_session, standing
from trainer.catalog.validated import Catalog
from trainer.engine.decisions import (
    GREENS_TO_STEP_UP,
    History,
    after_morning,
    after_session,
    can_play,
    chosen_rung,
    decisions_for,
    morning_question_text,
    session_to_ask,
    with_decisions,
)
from trainer.engine.ladders import Standing
from trainer.engine.replay import Replay
from trainer.journal.coach_models import StartAnswers

BUILD = date(2026, 10, 19)
"""A start two weeks before 2 November, so that 2 November is in week 3 (the build phase: back basics)."""
DAY = date(2026, 11, 2)


def building(catalog: Catalog, **rungs: int) -> Standing:
    return standing(catalog, rungs={name.replace("_", "-"): rung for name, rung in rungs.items()}, started=BUILD)


def history(where: Standing, *entries) -> History:
    return History.of(entries, where.progress.started, where.programme.id)


def day(offset: int) -> date:
    return DAY + timedelta(days=offset)


def test_two_greens_before_a_step_up() -> None:
    assert GREENS_TO_STEP_UP == 2


# --- right after a session ---------------------------------------------------------------------------------


def test_red_proposes_a_step_down_and_the_flare_plan(real_catalog: Catalog) -> None:
    where = building(real_catalog, bird_dog=4)
    record = played_session(real_catalog, where, DAY, peak=8, after=6)
    proposal = after_session(record, history(where, record), where)
    assert proposal is not None and proposal.direction == "down" and proposal.flare_plan
    bird = next(step for step in proposal.steps if step.ladder.exercise == "bird-dog")
    assert (bird.before.rung, bird.proposed.rung) == (4, 3)
    assert proposal.reason.startswith(
        "Red: your pain went about 5 points above your usual (from about 3 to 8). Step down one rung: "
    )
    assert "bird-dog 1x8 -> 1x6 each side, 3 s hold" in proposal.reason
    assert proposal.reason.endswith("Have a look at your flare plan.")
    assert proposal.why == "Red: your pain went about 5 points above your usual (from about 3 to 8)."


def test_red_at_the_bottom_still_offers_the_flare_plan(real_catalog: Catalog) -> None:
    where = building(real_catalog)
    at_the_bottom = building(real_catalog, **{ladder.exercise.replace("-", "_"): 0 for ladder in where.ladders()})
    record = played_session(real_catalog, at_the_bottom, DAY, ended_how="stopped-pain")
    proposal = after_session(record, history(at_the_bottom, record), at_the_bottom)
    assert proposal is not None and proposal.steps == () and proposal.flare_plan
    assert "Your exercises are already on their easiest step." in proposal.reason


def test_a_pain_stop_before_any_exercise_of_the_programme_changes_no_dose(real_catalog: Catalog) -> None:
    where = building(real_catalog, bird_dog=4)
    for record in (
        played_session(real_catalog, where, DAY, routine_id="desk-break", ended_how="stopped-pain"),
        played_session(real_catalog, where, DAY, ended_how="stopped-pain").model_copy(update={"exercises": []}),
    ):
        proposal = after_session(record, history(where, record), where)
        assert proposal is not None and proposal.steps == () and proposal.flare_plan
        assert "No exercise of the programme was done, so no dose changes." in proposal.reason
        assert "easiest step" not in proposal.reason


def test_amber_proposes_the_same_dose(real_catalog: Catalog) -> None:
    where = building(real_catalog, bird_dog=4)
    record = played_session(real_catalog, where, DAY, peak=6, after=5)
    proposal = after_session(record, history(where, record), where)
    assert proposal is not None and proposal.direction == "hold"
    assert all(step.before.rung == step.proposed.rung for step in proposal.steps)
    assert "Keep the same dose next time: " in proposal.reason
    assert "bird-dog stays at 1x8 each side, 3 s hold" in proposal.reason
    assert proposal.why.startswith("Amber: ") and "stays at" not in proposal.why  # the screen lists the doses


def test_green_waits_for_the_morning(real_catalog: Catalog) -> None:
    where = building(real_catalog)
    record = played_session(real_catalog, where, DAY)
    assert after_session(record, history(where, record), where) is None


def test_a_session_before_the_programme_started_proposes_nothing(real_catalog: Catalog) -> None:
    where = building(real_catalog)
    record = played_session(real_catalog, where, BUILD - timedelta(days=1), peak=9)
    assert after_session(record, history(where, record), where) is None


# --- the next morning ----------------------------------------------------------------------------------------


def test_two_settled_greens_propose_the_next_rung_with_the_reason(real_catalog: Catalog) -> None:
    replay = Replay(building(real_catalog))
    replay.session(played_session(real_catalog, replay.standing, day(0)))
    assert replay.check_in(morning(day(1), worse=False)).proposal is None  # one green so far
    replay.session(played_session(real_catalog, replay.standing, day(1)))
    step = replay.check_in(morning(day(2), worse=False))
    assert step is not None and step.proposal is not None and step.proposal.direction == "up"
    assert step.proposal.reason.startswith("Your last two sessions were green: ")
    assert "bird-dog 1x5 -> 1x6 each side, 3 s hold" in step.proposal.reason
    assert step.proposal.why == "Your last two sessions were green."
    assert step.rungs["bird-dog"] == 3  # accepted: from the start (2) one rung up
    assert all(decision.to_rung == decision.from_rung + 1 for decision in step.decisions)


def test_a_worse_morning_turns_green_into_amber(real_catalog: Catalog) -> None:
    replay = Replay(building(real_catalog))
    replay.session(played_session(real_catalog, replay.standing, day(0)))
    step = replay.check_in(morning(day(1), worse=True))
    assert step is not None and step.proposal is not None and step.proposal.direction == "hold"
    assert step.proposal.verdict.reason.startswith("Amber: your pain stayed within 2 points of your usual, but")


def test_a_worse_morning_after_amber_is_red(real_catalog: Catalog) -> None:
    replay = Replay(building(real_catalog, bird_dog=4))
    replay.session(played_session(real_catalog, replay.standing, day(0), peak=6))
    step = replay.check_in(morning(day(1), worse=True))
    assert step is not None and step.proposal is not None and step.proposal.direction == "down"
    assert step.rungs["bird-dog"] == 3


@pytest.mark.parametrize(
    "middle",
    [
        {"peak": 6},  # amber
        {"ended_how": "stopped-choice"},  # stopped early
        {"ended_how": "stopped-pain"},  # stopped for pain
    ],
)
def test_no_step_up_unless_the_greens_are_unbroken(real_catalog: Catalog, middle: dict) -> None:
    replay = Replay(building(real_catalog), choose=lambda proposal: None)  # the person does not answer
    replay.session(played_session(real_catalog, replay.standing, day(0)))
    replay.check_in(morning(day(1), worse=False))
    replay.session(played_session(real_catalog, replay.standing, day(1), **middle))
    replay.check_in(morning(day(2), worse=False))
    replay.session(played_session(real_catalog, replay.standing, day(2)))
    step = replay.check_in(morning(day(3), worse=False))
    assert step is not None and step.proposal is None


def test_the_count_starts_again_after_a_decision(real_catalog: Catalog) -> None:
    replay = Replay(building(real_catalog), choose=lambda proposal: "kept")
    for offset in range(2):
        replay.session(played_session(real_catalog, replay.standing, day(offset)))
        replay.check_in(morning(day(offset + 1), worse=False))
    assert replay.steps[-1].proposal is not None  # kept: the rung stays
    assert replay.steps[-1].rungs["bird-dog"] == 2
    replay.session(played_session(real_catalog, replay.standing, day(2)))
    assert replay.check_in(morning(day(3), worse=False)).proposal is None  # one green since the decision
    replay.session(played_session(real_catalog, replay.standing, day(3)))
    assert replay.check_in(morning(day(4), worse=False)).proposal is not None


def test_an_exercise_not_done_in_full_does_not_step_up(real_catalog: Catalog) -> None:
    replay = Replay(building(real_catalog, glute_bridge=3))
    for offset in range(2):
        replay.session(played_session(real_catalog, replay.standing, day(offset), sets_short=("glute-bridge",)))
        step = replay.check_in(morning(day(offset + 1), worse=False))
    assert step is not None and step.proposal is not None
    ladders = {one.ladder.exercise for one in step.proposal.steps}
    assert "bird-dog" in ladders and "glute-bridge" not in ladders


def test_never_past_the_phase_level_or_the_top(real_catalog: Catalog) -> None:
    # back extension at its own top (rung 8): the next rung is the superman, intermediate, not in week 3
    replay = Replay(building(real_catalog, back_extension=8, diagonal_superman=7))
    for offset in range(2):
        replay.session(played_session(real_catalog, replay.standing, day(offset)))
        step = replay.check_in(morning(day(offset + 1), worse=False))
    assert step is not None and step.proposal is not None
    ladders = {one.ladder.exercise for one in step.proposal.steps}
    assert "back-extension" not in ladders and "diagonal-superman" not in ladders and "bird-dog" in ladders


def test_what_the_answers_or_the_phase_rule_out(real_catalog: Catalog) -> None:
    where = standing(real_catalog, StartAnswers(floor_ok=False), started=BUILD)
    assert not can_play(where, DAY, "side-plank")  # the floor
    assert can_play(where, DAY, "wall-side-plank")
    assert not can_play(building(real_catalog), DAY, "superman")  # intermediate, in the build phase
    assert can_play(building(real_catalog), DAY + timedelta(weeks=4), "superman")
    assert not can_play(where, DAY, "no-such-exercise")


def test_a_second_answer_for_the_same_session_proposes_nothing(real_catalog: Catalog) -> None:
    where = building(real_catalog)
    first = played_session(real_catalog, where, day(0))
    second = played_session(real_catalog, where, day(1))
    entries = [first, morning(day(1), worse=False), second, morning(day(2), worse=False)]
    proposal = after_morning(second, False, history(where, *entries), where)
    assert proposal is not None
    decided = decisions_for(proposal, "accepted", where, second.ended + timedelta(hours=14))
    assert after_morning(second, False, history(where, *entries, *decided), where) is None


# --- the question, the choices ------------------------------------------------------------------------------


def test_the_morning_question_is_about_yesterdays_session_at_the_first_check_in(real_catalog: Catalog) -> None:
    where = building(real_catalog)
    record = played_session(real_catalog, where, day(0))
    assert session_to_ask(history(where, record), where, day(0)) is None  # not the next morning yet
    assert session_to_ask(history(where, record), where, day(1)) == record
    evening = morning(day(0), worse=None, hour=21)  # a check-in the same evening does not count
    assert session_to_ask(history(where, record, evening), where, day(1)) == record
    answered = morning(day(1), worse=False)
    assert session_to_ask(history(where, record, answered), where, day(1)) is None
    assert session_to_ask(history(where, record), where, day(3)) is None  # too long ago


def test_no_question_about_a_session_with_nothing_to_settle(real_catalog: Catalog) -> None:
    where = building(real_catalog)
    quiet = played_session(real_catalog, where, day(0), peak=None, after=None)
    assert session_to_ask(history(where, quiet), where, day(1)) is None


def test_each_choice_moves_the_rung_it_says(real_catalog: Catalog) -> None:
    where = building(real_catalog, bird_dog=4)
    record = played_session(real_catalog, where, DAY, peak=8)
    down = after_session(record, history(where, record), where)
    assert down is not None
    bird = next(step for step in down.steps if step.ladder.exercise == "bird-dog")
    assert [chosen_rung(bird, "down", choice) for choice in ("accepted", "kept", "easier")] == [3, 4, 2]
    assert chosen_rung(bird, "up", "easier") == 3
    bottom = building(real_catalog, bird_dog=0)
    low = after_session(
        played_session(real_catalog, bottom, DAY, peak=6), history(bottom), bottom
    )  # amber at the bottom rung
    assert low is not None
    first = next(step for step in low.steps if step.ladder.exercise == "bird-dog")
    assert chosen_rung(first, "hold", "easier") == 0


def test_decisions_record_the_doses_the_verdict_and_the_reason(real_catalog: Catalog) -> None:
    where = building(real_catalog, bird_dog=4)
    record = played_session(real_catalog, where, DAY, peak=8)
    proposal = after_session(record, history(where, record), where)
    assert proposal is not None
    entries = decisions_for(proposal, "easier", where, record.ended)
    bird = next(entry for entry in entries if entry.exercise_id == "bird-dog")
    assert (bird.from_rung, bird.proposed_rung, bird.to_rung) == (4, 3, 2)
    assert (bird.from_dose, bird.proposed_dose, bird.to_dose) == (
        "1x8 each side, 3 s hold",
        "1x6 each side, 3 s hold",
        "1x5 each side, 3 s hold",
    )
    assert (bird.verdict, bird.source, bird.session_id, bird.choice) == ("red", "session", record.id, "easier")
    assert bird.reason == proposal.reason
    assert with_decisions(where.progress, entries).rungs["bird-dog"] == 2


def test_the_replay_feeds_entries_in_time_order(real_catalog: Catalog) -> None:
    where = building(real_catalog)
    entries = []
    for offset in range(4):
        entries.append(played_session(real_catalog, where, day(offset)))
        entries.append(morning(day(offset + 1), worse=False))
    replay = Replay(where).feed(reversed(entries))
    ups = [step for step in replay.steps if step.proposal is not None and step.proposal.direction == "up"]
    assert [step.at.date() for step in ups] == [day(2), day(4)]
    assert replay.standing.progress.rungs["bird-dog"] == 4


def test_the_morning_question_names_the_day_when_it_was_not_yesterday(real_catalog: Catalog) -> None:
    record = played_session(real_catalog, building(real_catalog), day(0))
    assert morning_question_text(record, day(1)) == "Is your back worse than before yesterday's session?"
    assert morning_question_text(record, day(2)) == "Is your back worse than before your session on Monday?"
