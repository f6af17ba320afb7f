"""Home's Today while a programme runs: the week and phase, today's routine with its minutes and reason, the
walk, the sessions of the week, the goals with their dates and the next review; s plays today's routine
the programme's way. The fixed clock is Tuesday 24 November 2026, 18:30."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.content import Content

from tests.conftest import FIXED_NOW
from trainer.journal.coach_models import ProgrammeProgress, StartAnswers
from trainer.journal.models import CheckIn, SessionRecord
from trainer.journal.store import JournalStore
from trainer.screens.home import HomeScreen
from trainer.screens.session import SessionScreen


def start_programme(paths, started: date, rungs: dict[str, int] | None = None, **answers: object) -> None:
    progress = ProgrammeProgress(
        programme_id="twelve-weeks",
        started=started,
        answers=StartAnswers.model_validate(answers),
        rungs=rungs or {},
    )
    JournalStore(paths.journal_dir).update_settings(programme=progress.model_dump(mode="json"))


def today_text(app) -> str:
    return str(app.screen.query_one("#today").render())


GOALS = [
    {"text": "Carry the shopping home", "target": "2027-01-20"},
    {"text": "Sit through a film"},
]


async def test_today_shows_the_week_the_routine_the_walk_the_goals_and_the_next_review(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    start_programme(paths, date(2026, 11, 16), goals=GOALS, walk_minutes=20)  # a Monday: today is in week 2
    store.add(CheckIn(at=FIXED_NOW - timedelta(days=1), pain_now=3, walked_minutes=12))
    app = make_app()
    async with app.run_test(size=(80, 24)):
        box = app.screen.query_one("#today")
        assert box.display is True and app.screen.query_one("#suggestion").display is False
        assert str(box.border_title) == "Today · week 2 of 12 · Get moving"
        shown = today_text(app)
        today = app.services.coach.today()
        assert today is not None and today.routine is not None and today.routine.id == "gentle-start"
        assert f"Gentle start, about {today.minutes} min. Get moving: the first routine of this phase." in shown
        assert today.minutes >= 5
        assert "Walk 16 min on 5 days: 12 of 80 min this week; building to 150 a week." in shown  # 80% of 20 minutes
        assert "Sessions in week 2: 0 of 5. Next review: week 2, Sun 29 Nov." in shown
        assert "Goal: Carry the shopping home, by Wed 20 Jan 2027 (57 days to go)." in shown
        assert "Goal: Sit through a film." in shown
        assert Content.from_markup(str(box.border_subtitle)).plain == "s starts it"


async def test_a_review_due_is_said_in_words_with_its_key(make_app, paths) -> None:
    start_programme(paths, date(2026, 11, 9))  # week 2 ended on Sun 22 Nov: its review is due
    app = make_app()
    async with app.run_test(size=(80, 24)):
        shown = today_text(app)
        assert "Week 2 review is due: v opens it." in shown
        assert "Next review" not in shown
        assert any(active.binding.action == "review" and active.enabled for active in app.active_bindings.values())


async def test_sessions_done_this_week_of_the_plan_are_counted(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    start_programme(paths, date(2026, 11, 17))  # a Tuesday: week 2 began today
    for days_ago in (0, 2):  # today (week 2) and last Sunday (week 1)
        at = FIXED_NOW - timedelta(days=days_ago, hours=2)
        store.add(
            SessionRecord(
                at=at,
                ended=at + timedelta(minutes=10),
                title="Gentle start",
                routine_id="gentle-start",
                completion=1.0,
                ended_how="finished",
            )
        )
    app = make_app()
    async with app.run_test(size=(80, 24)):
        shown = today_text(app)
        assert "Sessions in week 2: 1 of 5." in shown
        assert "Done today." in shown
        assert "Bedtime unwind" in shown  # the next routine of the phase, in turn


async def test_s_starts_todays_routine_with_the_programmes_doses(make_app, paths) -> None:
    start_programme(paths, date(2026, 11, 16), rungs={"pelvic-tilt": 3})  # rung 3: 1x10 (the routine says 6)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert type(app.screen).__name__ == "PainBeforeScreen"
        await pilot.press("3", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.plan.title == "Gentle start"
        tilt = next(planned for planned in screen.plan.exercises if planned.exercise.id == "pelvic-tilt")
        assert (tilt.prescription.sets, tilt.prescription.reps) == (1, 10)


async def test_the_programmes_answers_leave_out_what_does_not_suit_in_todays_session(make_app, paths) -> None:
    start_programme(paths, date(2026, 11, 2), floor_ok=False)  # week 4: Build up, Back basics first
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Back basics" in today_text(app)
        await pilot.press("s", "3", "enter")
        await pilot.pause()
        played = {planned.exercise.id for planned in app.screen.plan.exercises}
        assert "bird-dog" not in played  # done on all fours on the floor: left out for this person
        assert "cat-cow" not in played and "seated-cat-cow" in played  # swapped for the chair's


async def test_without_a_programme_home_keeps_its_suggestion(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert app.screen.query_one("#today").display is False
        assert "Suggested:" in str(app.screen.query_one("#suggestion").render())
        assert app.screen.query_one("#week").display is True


async def test_today_fits_80x24_with_nothing_cut(make_app, paths) -> None:
    start_programme(paths, date(2026, 11, 9), goals=GOALS)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        box, stop_rule, menu = (screen.query_one(selector) for selector in ("#today", "#stop-rule", "#menu"))
        lines = str(box.render()).split("\n")
        assert len(lines) == 5  # routine, walk, sessions and review, two goals
        assert box.region.height >= box.content_region.height >= len(lines)
        assert box.content_region.height == box.get_content_height(box.size, box.size, box.content_region.width)
        assert menu.region.bottom <= box.region.y and box.region.bottom <= stop_rule.region.y
        assert stop_rule.region.bottom <= screen.query_one("Footer").region.y
        assert len(menu.options) == 8 and menu.region.height == 8


@pytest.mark.parametrize("size", [(80, 24), (80, 30), (100, 30), (100, 36), (120, 40), (76, 22)])
async def test_with_a_programme_every_box_home_shows_is_whole(make_app, paths, size: tuple[int, int]) -> None:
    start_programme(paths, date(2026, 11, 9), goals=GOALS)  # (the review due: Home's longest Today)
    store = JournalStore(paths.journal_dir)
    for days_ago in range(8):  # a week of check-ins, none of them a weekly check: that notice shows too
        store.add(CheckIn(at=FIXED_NOW - timedelta(days=days_ago, hours=1), pain_now=3, walked_minutes=10))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        stop_rule = screen.query_one("#stop-rule")
        shown = [box for box in screen.query("#home > *") if box.display and box is not stop_rule]
        assert screen.query_one("#today") in shown
        assert "weekly check is due" in str(screen.query_one("#today").render())
        menu = screen.query_one("#menu")
        for box in shown:
            assert box.region.bottom <= stop_rule.region.y, f"{box.id} runs under the stop rule at {size}"
            if box is menu and size[1] < 24:
                assert menu.max_scroll_y > 0  # the smallest terminal: the menu scrolls, the footer names the keys
                continue
            assert box.content_region.height >= box.get_content_height(box.size, box.size, box.content_region.width)


async def test_with_a_programme_at_120x40_home_shows_your_week_and_the_introduction_too(make_app, paths) -> None:
    start_programme(paths, date(2026, 11, 9), goals=GOALS)
    app = make_app()
    async with app.run_test(size=(120, 40)):
        screen = app.screen
        assert screen.query_one("#today").display and screen.query_one("#week").display
        assert screen.query_one("#intro").region.height > 0
        assert screen.query_one("#week").region.y > screen.query_one("#today").region.bottom - 1
