"""The week 2 review on a fake clock: Home's v only while it is due, what it shows, ratings and the outcome
saved, easing off stepping every ladder down, see a professional with the help lists, the weekly check from
inside it, leaving with answers, and the offer after a check-in or a session (once a run)."""

from __future__ import annotations

import pytest
from textual.widgets import RadioButton, RadioSet

from tests.clock import FakeClock
from tests.ui.coach_app import GOAL, Now, coach_app, decisions, reviews, rungs, two_weeks
from trainer.journal.coach_models import Goal, StartAnswers
from trainer.journal.errors import JournalError
from trainer.screens.coach_steps import ReviewDueScreen
from trainer.screens.dialogs import ConfirmScreen, NoticeScreen
from trainer.screens.getting_started import GettingStartedScreen
from trainer.screens.home import HomeScreen
from trainer.screens.journal import JournalScreen
from trainer.screens.review import ReviewScreen
from trainer.screens.session_dialogs import AfterSessionScreen
from trainer.screens.tips import TipsScreen
from trainer.screens.weekly_check import WeeklyCheckScreen

RISING = (3, 3, 4, 5, 5, 6, 6)
"""Pain going up through the two weeks: the coach suggests seeing a professional."""


@pytest.fixture
def now() -> Now:
    return Now()


def offered(app) -> set[str]:
    """The actions the footer offers now."""
    return {binding.action for _, binding, enabled, _ in app.active_bindings.values() if enabled and binding.show}


def shown(screen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query("Static") if widget.display)


async def choose_outcome(pilot, outcome: str) -> None:
    radio = pilot.app.screen.query_one("#outcome", RadioSet)
    radio.focus()
    await pilot.pause()
    names = [button.name for button in radio.query("RadioButton")]
    for _ in range(names.index(outcome) - radio.pressed_index):
        await pilot.press("down")
    await pilot.press("enter")
    assert radio.pressed_button is not None and radio.pressed_button.name == outcome


async def test_v_on_home_shows_only_while_a_review_is_due(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now)
    now.set(12, 21)  # the day before it is due (from the last day of week 2, Sun 15 Nov)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "review" not in offered(app)
        await pilot.press("v")
        assert isinstance(app.screen, HomeScreen)
        now.set(13, 9)
        await pilot.press("j", "q")  # back on Home, it looks again
        assert "review" in offered(app)
        keys = list(app.screen.query("FooterKey"))
        assert "h Get help" in [f"{key.key_display} {key.description}" for key in keys]
        assert all(key.region.right <= 80 for key in keys)  # v in place of p: the footer fits 80 columns
        assert "open('programme')" not in offered(app)
        await pilot.press("t")
        assert isinstance(app.screen, TipsScreen)  # t still opens Tips (the menu shows it)
        await pilot.press("q", "p")
        assert isinstance(app.screen, GettingStartedScreen)  # and p your programme
        await pilot.press("escape", "v")
        assert isinstance(app.screen, ReviewScreen)


async def test_no_review_key_without_a_programme(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now, programme=False)
    now.set(14, 9)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "review" not in offered(app)
        await pilot.press("v")
        assert isinstance(app.screen, HomeScreen)


async def test_the_week_2_review_saves_ratings_and_easing_off_steps_every_ladder_down(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now)
    app.services.settings.set_rungs({"bird-dog": 4})
    before = rungs(app.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        text = shown(screen)
        assert "Two weeks in: how is it going?" in text
        assert "Your average pain over the last 7 days is 3.5, down 0.9 points (21%)" in text
        assert "You did 7 of the 10 sessions planned for weeks 1 to 2." in text
        assert "● 6 green" in text and "▲ 1 amber" in text and "■ 0 red" in text
        assert "Sun 8 Nov: activities 4/10, enjoyment 3/10, overall a little better" in text
        assert GOAL in text and "✓ Keep going" in text
        assert "Your sessions since the start were mostly green." in text
        assert not screen.query_one("#help-lists").display  # not suggested, not chosen
        await pilot.press("tab", "6")  # the goal's rating
        await choose_outcome(pilot, "ease-off")
        above_the_first = sum(1 for rung in before.values() if rung)
        assert f"Each of your {above_the_first} exercises goes one step easier from your next session" in shown(screen)
        assert reviews(paths) == [] and rungs(app.services) == before  # nothing until saved
        await pilot.press("ctrl+s")
        await pilot.pause()
        notice = app.screen
        assert isinstance(notice, NoticeScreen)
        assert notice.title_text == "Review saved: easing off (week 2)"
        assert any(item.startswith("Bird-dog: 1x8 each side") for item in notice.items)
        ok = notice.query_one("#ok")
        assert ok.region.height == 1 and ok.region.bottom <= 24  # a long list scrolls; OK stays in view
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "review" not in offered(app)  # done
    (review,) = reviews(paths)
    assert (review.week, review.suggested, review.outcome) == (2, "keep-going", "ease-off")
    assert [(rating.goal, rating.rating) for rating in review.goals] == [(GOAL, 6)]
    after = rungs(app.services)
    assert all(after[ladder] == max(0, rung - 1) for ladder, rung in before.items())
    stepped = [decision for decision in decisions(paths) if decision.source == "review"]
    assert {decision.exercise_id for decision in stepped} == {ladder for ladder, rung in before.items() if rung}
    assert len(notice.items) == len(stepped)


async def test_see_a_professional_shows_the_help_lists_and_keeps_the_doses(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now, pains=RISING)
    before = rungs(app.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        screen = app.screen
        text = shown(screen)
        assert "! See a professional" in text and "Your pain has gone up since the start" in text
        assert screen.query_one("#help-lists").display
        safety = catalog.safety
        assert all(help_list.items[0] in text for help_list in safety.help_lists)
        labels = [str(button.label) for button in screen.query(RadioButton)]
        assert labels == ["Keep going", "Ease off", "See a professional (suggested)"]
        assert screen.query_one(RadioSet).pressed_button.name == "see-professional"  # the suggestion, chosen
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoticeScreen)
        assert "backtrainer export --format md --out back-report.md" in app.screen.message
        await pilot.press("enter")
    (review,) = reviews(paths)
    assert review.outcome == review.suggested == "see-professional"
    assert review.goals == []  # not rated: left out
    assert rungs(app.services) == before


async def test_the_weekly_check_can_be_answered_from_the_review(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        assert "weekly_check" in offered(app)
        await pilot.press("w")
        assert isinstance(app.screen, WeeklyCheckScreen)
        await pilot.press("5", "tab", "4", "tab")
        await pilot.press("down", "down", "enter", "ctrl+s")  # overall: better (two below 'much better')
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert "Mon 16 Nov: activities 5/10, enjoyment 4/10" in shown(screen)
        assert "No weekly check in the last 7 days" not in shown(screen)
        assert "weekly_check" not in offered(app)


async def test_leaving_a_review_with_answers_asks_first(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen)  # nothing typed: leaves at once
        await pilot.press("v", "tab", "7", "q")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("q", "y")
        assert isinstance(app.screen, HomeScreen)
        assert "review" in offered(app)  # still due
    assert reviews(paths) == []


async def test_a_due_review_is_offered_once_after_a_check_in(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewDueScreen)
        assert "Your week 2 review is due" in shown(app.screen)
        await pilot.press("n")
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("4", "enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)  # once a run
    assert reviews(paths) == []


async def test_a_due_review_is_offered_after_a_session_and_opens_on_y(paths, catalog, now) -> None:
    clock = FakeClock(1000.0)
    app = coach_app(paths, catalog, now, clock=clock, start="gentle-start")
    two_weeks(app.services, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")  # no pain question: nothing for the coach to judge
        clock.advance(app.screen.plan.total_seconds + 1)
        app.screen.refresh_display()
        await pilot.pause()
        assert isinstance(app.screen, AfterSessionScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewDueScreen)
        await pilot.press("y")
        assert isinstance(app.screen, ReviewScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_review_the_journal_refuses_stays_on_screen_and_says_why(paths, catalog, now, monkeypatch) -> None:
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v", "tab", "6")

        def refuse(entry) -> None:
            raise JournalError("the disk is full")

        monkeypatch.setattr(app.services.journal, "add", refuse)  # this app's own store: its next write fails
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)  # the answers are still there to save again
        assert "Could not save the review: the disk is full" in shown(app.screen)
        assert app.screen.ratings() == {GOAL: 6}
    assert reviews(paths) == []


async def test_a_goal_in_the_persons_own_words_shows_exactly_as_typed(paths, catalog, now) -> None:
    typed = "[@click=app.quit]Carry[/] the [b]shopping[/b] home"
    app = coach_app(paths, catalog, now)
    app.services.coach.start(StartAnswers(goals=[Goal(text=typed)]))
    two_weeks(app.services, now)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v")
        goal = app.screen.query_one(".goal-text")
        assert str(goal.render()) == typed  # markup is never parsed: shown, not run
        await pilot.press("tab", "5", "ctrl+s")
        await pilot.pause()
        assert app.is_running
    (review,) = reviews(paths)
    assert [(rating.goal, rating.rating) for rating in review.goals] == [(typed, 5)]
