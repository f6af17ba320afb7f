"""Reviews (trainer.engine.review), the walking plan (trainer.engine.walking) and what the programme says for
today (trainer.engine.today), on fixed dates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.unit.coach_builders import START, at_hour, morning, played_session, review, standing
from tests.unit.journal_builders import check_in, weekly
from trainer.catalog.validated import Catalog
from trainer.engine.decisions import History, verdict_of
from trainer.engine.insights import pain_change
from trainer.engine.ladders import Standing
from trainer.engine.pain_rule import SessionVerdict
from trainer.engine.review import (
    ease_off_decisions,
    next_review,
    review_day,
    review_due,
    review_questions,
    suggest_outcome,
)
from trainer.engine.tailoring import start_plan
from trainer.engine.today import today_plan
from trainer.engine.walking import walking_weeks, week_colour
from trainer.journal.coach_models import Goal, StartAnswers


def day(offset: int) -> date:
    return START + timedelta(days=offset)


def verdicts(where: Standing, entries) -> list[SessionVerdict]:
    history = History.of(entries, where.progress.started, where.programme.id)
    return [verdict_of(session, history, where) for session in history.sessions]


# --- walking ------------------------------------------------------------------------------------------------


def test_walking_adds_a_little_each_green_week_holds_on_amber_and_steps_back_on_red(real_catalog: Catalog) -> None:
    plan = real_catalog.programmes["twelve-weeks"].walking
    weeks = walking_weeks(plan, 8, ["green", "green", "amber", "red", None, "green"])
    assert [week.minutes for week in weeks] == [8, 10, 12, 12, 10, 10, 12]
    assert [week.week for week in weeks] == [1, 2, 3, 4, 5, 6, 7]
    assert weeks[1].reason == "Up 2 minutes a day: last week was green."
    assert weeks[3].reason == "The same as last week: last week had an amber session."
    assert weeks[4].reason == "Down 2 minutes a day: last week had a red session."
    assert weeks[5].reason == "The same as last week: there were no sessions to go by."
    assert weeks[1].week_minutes == 50


def test_walking_stops_at_the_target_and_never_goes_below_the_shortest_walk(real_catalog: Catalog) -> None:
    plan = real_catalog.programmes["twelve-weeks"].walking
    up = walking_weeks(plan, 28, ["green"] * 3)
    assert [week.minutes for week in up] == [28, 30, 30, 30] and up[-1].week_minutes == 150
    down = walking_weeks(plan, 6, ["red"] * 3)
    assert [week.minutes for week in down] == [6, 5, 5, 5]


def test_a_weeks_colour_is_its_worst_session() -> None:
    assert week_colour(["green", "amber", None]) == "amber"
    assert week_colour(["green", "red"]) == "red"
    assert week_colour(["green", None]) == "green"
    assert week_colour([None]) is None and week_colour([]) is None


# --- reviews -----------------------------------------------------------------------------------------------


def test_a_review_is_due_from_the_last_day_of_its_week_until_done(real_catalog: Catalog) -> None:
    where = standing(real_catalog)
    week_two = where.programme.reviews[0]
    assert review_day(START, week_two) == date(2026, 11, 15)
    assert review_due(where, [], date(2026, 11, 14)) is None
    assert review_due(where, [], date(2026, 11, 15)) == week_two
    done = review(at_hour(date(2026, 11, 15), 20), week=2)
    assert review_due(where, [done], date(2026, 11, 20)) is None
    assert review_due(where, [], date(2026, 12, 13)).week == 6  # the latest one due, when one was missed
    assert review_due(where, [done], date(2026, 12, 13)).week == 6


def test_the_next_review(real_catalog: Catalog) -> None:
    where = standing(real_catalog)
    assert next_review(where, [], day(1)).week == 2
    done = review(at_hour(date(2026, 11, 15), 20), week=2)
    assert next_review(where, [done], date(2026, 11, 16)).week == 6
    last = review(at_hour(date(2027, 1, 24), 20), week=12)
    assert next_review(where, [last], date(2027, 1, 25)) is None


def change_with(first: list[int], last: list[int], today: date):
    entries = [check_in(START + timedelta(days=offset), pain) for offset, pain in enumerate(first)]
    entries += [check_in(today - timedelta(days=offset), pain) for offset, pain in enumerate(last)]
    return pain_change(entries, today)


@pytest.mark.parametrize(
    ("colours", "outcome"),
    [
        (["green", "green", "green"], "keep-going"),
        (["green", "red", "green"], "ease-off"),
        (["amber", "green", "amber", "green"], "ease-off"),
        (["green", "red", "red"], "see-professional"),
    ],
)
def test_the_suggestion_follows_the_sessions(real_catalog: Catalog, colours: list[str], outcome: str) -> None:
    where = standing(real_catalog)
    change = change_with([5, 5, 5, 5], [5, 5, 5, 5], day(20))
    sessions = [played_session(real_catalog, where, day(offset), routine_id="gentle-start") for offset in range(4)]
    recent = [
        SessionVerdict(session, colour, True, 3.0, 4, f"{colour}.")  # type: ignore[arg-type]
        for session, colour in zip(sessions, colours, strict=False)
    ]
    counts = {colour: colours.count(colour) for colour in ("green", "amber", "red")}
    suggested, reasons = suggest_outcome(change, None, recent, counts, last=False)
    assert suggested == outcome and reasons
    first = suggest_outcome(change, None, recent, counts, last=False, first=True)[1]
    if outcome != "see-professional":
        assert "since the last review" in reasons[0] and "since the start" in first[0]  # the first review's words


def test_see_a_professional_when_pain_rises_or_the_week_is_worse_or_nothing_helped() -> None:
    rising = change_with([3, 3, 3, 3], [5, 5, 4, 5], day(20))
    assert suggest_outcome(rising, None, [], {}, last=False)[0] == "see-professional"
    same = change_with([5, 5, 5, 5], [5, 5, 5, 5], day(20))
    worse = weekly(day(19), change="worse")
    assert suggest_outcome(same, worse, [], {}, last=False)[0] == "see-professional"
    outcome, reasons = suggest_outcome(same, None, [], {}, last=True)
    assert outcome == "see-professional" and "no clear improvement" in reasons[0]
    outcome, reasons = suggest_outcome(same, None, [], {}, last=False)
    assert outcome == "keep-going" and "if it is still so at the next review" in reasons[-1]
    better = change_with([6, 6, 6, 6], [3, 3, 3, 3], day(20))
    assert suggest_outcome(better, None, [], {}, last=True) == (
        "keep-going",
        ["Your pain has come down by a meaningful amount."],
    )


def test_review_questions(real_catalog: Catalog) -> None:
    goals = [Goal(text="Carry the shopping home", target=date(2027, 1, 31))]
    where = standing(real_catalog, StartAnswers(goals=goals))
    entries = [check_in(day(offset), 4) for offset in range(14)]
    entries += [played_session(real_catalog, where, day(offset), routine_id="gentle-start") for offset in (0, 2, 4)]
    entries += [morning(day(offset), worse=False, hour=7) for offset in (1, 3, 5)]
    point = where.programme.reviews[0]
    questions = review_questions(point, where, entries, verdicts(where, entries), day(13))
    assert (questions.week, questions.due_since) == (2, date(2026, 11, 15))
    assert questions.goals == tuple(goals) and questions.last_ratings == {}
    assert (questions.sessions_done, questions.sessions_planned) == (3, 10)
    assert questions.colours == {"green": 3, "amber": 0, "red": 0}
    assert questions.weekly_check_due
    assert questions.suggested == "keep-going"
    assert questions.trend == questions.change.describe()


def test_easing_off_at_a_review_steps_every_ladder_down_one(real_catalog: Catalog) -> None:
    where = standing(real_catalog, rungs={"bird-dog": 5, "pelvic-tilt": 0})
    found = {
        decision.exercise_id: decision for decision in ease_off_decisions(where, 6, datetime(2026, 12, 13, tzinfo=UTC))
    }
    assert "pelvic-tilt" not in found  # already at its first rung
    bird = found["bird-dog"]
    assert (bird.from_rung, bird.to_rung, bird.choice, bird.source) == (5, 4, "easier", "review")
    assert bird.reason == "At the week 6 review you chose to ease off: one rung down on each exercise."


# --- today ----------------------------------------------------------------------------------------------


def today_of(catalog: Catalog, where: Standing, entries, now: datetime):
    plan = start_plan(where, catalog.routines, 10)
    return today_plan(
        where,
        plan,
        catalog.routines,
        entries,
        verdicts(where, entries),
        now,
        get_ready_seconds=10,
        flare_routine=catalog.suggestions.flare_up,
    )


def test_the_first_day(real_catalog: Catalog) -> None:
    goals = [Goal(text="Sit through a film", target=date(2026, 12, 24))]
    where = standing(real_catalog, StartAnswers(goals=goals))
    today = today_of(real_catalog, where, [], at_hour(START, 9))
    assert (today.week, today.weeks, today.phase.id, today.finished) == (1, 12, "get-moving", False)
    assert today.routine is not None and today.routine.id == "gentle-start"
    assert today.routine_reason == "Get moving: the first routine of this phase."
    assert today.minutes == 10
    assert (today.sessions_done, today.sessions_planned, today.done_today) == (0, 5, False)
    assert (today.walking.minutes, today.walking.days, today.walking.week_minutes) == (8, 5, 40)
    assert today.walking.target_per_week == 150
    assert today.goals[0].text == "Sit through a film" and today.goals[0].days_left == 52
    assert (today.next_review.week, today.next_review_day, today.review_due) == (2, date(2026, 11, 15), False)


def test_the_routines_take_turns_and_the_week_counts_sessions(real_catalog: Catalog) -> None:
    where = standing(real_catalog)
    entries = [played_session(real_catalog, where, START, routine_id="gentle-start", hour=9)]
    today = today_of(real_catalog, where, entries, at_hour(START, 20))
    assert today.routine is not None and today.routine.id == "bedtime-unwind"
    assert today.routine_reason == "Get moving: next in this phase."
    assert (today.sessions_done, today.done_today) == (1, True)


def test_a_bad_day_or_a_red_session_brings_the_flare_up_routine(real_catalog: Catalog) -> None:
    where = standing(real_catalog)
    sore = [check_in(day(1), 8, hour=8)]
    today = today_of(real_catalog, where, sore, at_hour(day(1), 10))
    assert today.routine is not None and today.routine.id == "flare-up-gentle"
    assert today.routine_reason == "Your pain was 8/10 at your last check-in: gentle moves today."
    red = [played_session(real_catalog, where, day(0), routine_id="gentle-start", peak=9, after=8)]
    today = today_of(real_catalog, where, red, at_hour(day(1), 10))
    assert today.routine is not None and today.routine.id == "flare-up-gentle"
    assert today.routine_reason.startswith("Your last session was red")
    assert today.last_verdict is not None and today.last_verdict.colour == "red"


def test_the_walk_grows_after_a_green_week_and_the_phases_follow_the_weeks(real_catalog: Catalog) -> None:
    where = standing(real_catalog)
    entries = []
    for offset in (0, 2, 4):
        entries.append(played_session(real_catalog, where, day(offset), routine_id="gentle-start"))
        entries.append(morning(day(offset + 1), worse=False, walked_minutes=8))
    today = today_of(real_catalog, where, entries, at_hour(day(7), 9))
    assert today.week == 2 and today.walking.minutes == 10
    assert today.walking.reason == "Up 2 minutes a day: last week was green."
    assert today_of(real_catalog, where, entries, at_hour(day(1), 9)).walking.walked_this_week == 8
    assert today_of(real_catalog, where, entries, at_hour(day(14), 9)).phase.id == "build"
    assert today_of(real_catalog, where, entries, at_hour(day(84), 9)).finished
