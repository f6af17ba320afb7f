"""Getting started (p on Home, Programme answers in Settings, offered after the first-run notice): the
questions, the tailored start with its reasons, the programme started and saved; skipping; changing the
answers later; a goal's date or text refused with a message naming the field; leaving the programme."""

from __future__ import annotations

from datetime import date

from tests.conftest import FIXED_NOW
from trainer.journal.coach_models import Goal, ProgrammeProgress, StartAnswers
from trainer.journal.store import JournalStore
from trainer.screens.dialogs import ConfirmScreen
from trainer.screens.first_run import FirstRunScreen
from trainer.screens.getting_started import GettingStartedScreen
from trainer.screens.home import HomeScreen
from trainer.screens.settings import SettingsScreen
from trainer.widgets.toggle_row import ToggleRow
from trainer.widgets.yes_no import YesNo


def saved_programme(paths) -> ProgrammeProgress | None:
    return JournalStore(paths.journal_dir).load_settings().programme


def start_programme(paths, started: date, **answers: object) -> None:
    progress = ProgrammeProgress(
        programme_id="twelve-weeks",
        started=started,
        answers=StartAnswers.model_validate(answers),
        rungs={"pelvic-tilt": 3, "bird-dog": 2},
    )
    JournalStore(paths.journal_dir).update_settings(programme=progress.model_dump(mode="json"))


def plan_text(screen: GettingStartedScreen) -> str:
    return " ".join(str(widget.render()) for widget in screen.query("#plan-view Static"))


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def to_goals(pilot) -> None:
    """From Home: begin, bending backwards makes it worse, no leg pain, the floor is fine, 20 minutes a day,
    a 15-minute walk, then the goals page."""
    await pilot.press("p", "enter")  # the introduction, then question 1
    await pilot.press("right", "space", "enter")  # bending backwards
    await pilot.press("n", "y")  # no leg pain; the floor is all right (each answer moves on)
    await pilot.press("right", "enter")  # 15 -> 20 minutes a day
    await pilot.press("right", "right", "right", "enter")  # not sure -> 5 -> 10 -> 15 minutes of walking
    await pilot.pause()


async def test_the_answers_give_a_tailored_start_with_reasons_and_start_the_programme(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_goals(pilot)
        screen = app.screen
        assert isinstance(screen, GettingStartedScreen) and screen.page == "goals"
        await pilot.press(*"Carry the shopping home", "tab", *"20 Feb", "enter", "enter")
        await pilot.pause()
        assert screen.page == "plan"
        shown = plan_text(screen)
        assert "Weeks 1-2" in shown and "Get moving" in shown and "Gentle start" in shown
        assert "No back extensions at first: you said bending backwards makes it worse." in shown
        assert "you said bending backwards makes it worse" in shown.split("Left out for now")[1]
        assert "Carry the shopping home, by Sat 20 Feb 2027" in shown
        assert saved_programme(paths) is None  # nothing starts before the person says so
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Your programme has started: week 1 of 12" in message for message in messages(app))
        assert "week 1 of 12" in str(app.screen.query_one("#today").border_title)
    progress = saved_programme(paths)
    assert progress is not None and progress.started == FIXED_NOW.date() and progress.rungs == {}
    assert progress.answers == StartAnswers(
        worse_with=["bending-back"],
        leg_pain=False,
        floor_ok=True,
        minutes_a_day=20,
        walk_minutes=15,
        goals=[Goal(text="Carry the shopping home", target=date(2027, 2, 20))],
    )


async def test_every_reason_of_the_start_is_on_the_summary(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "enter", "space", "enter", "y", "n", "enter", "enter", "enter")
        await pilot.pause()
        screen = app.screen
        assert screen.page == "plan"
        shown = " ".join(plan_text(screen).split())
        answers = StartAnswers(worse_with=["bending-forward"], leg_pain=True, floor_ok=False)
        reasons = app.services.coach.preview(answers).choices
        assert any(choice.kind == "leave-out" for choice in reasons) and any(c.kind == "bed" for c in reasons)
        for choice in reasons:
            if choice.kind != "routines":  # (a phase's sentence shows under its weeks, after its name)
                assert " ".join(choice.text.removeprefix("Walking: ").split()) in shown, choice.text


async def test_skip_for_now_starts_nothing_and_says_how_to_come_back(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, GettingStartedScreen)
        assert "Skip for now" in str(app.screen.query_one("#skip").label)
        await pilot.press("escape")  # nothing answered: no question
        assert isinstance(app.screen, HomeScreen)
        assert any("No programme started" in message and "press p on Home" in message for message in messages(app))
        assert app.screen.query_one("#today").display is False
        assert app.screen.query_one("#suggestion").display is True
    assert saved_programme(paths) is None


async def test_esc_mid_way_asks_and_keeps_every_answer(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "enter", "space", "enter", "y")  # bending forwards; pain into a leg
        screen = app.screen
        assert screen.page == "floor"
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep answering
        assert app.screen is screen and screen.page == "floor"
        await pilot.press("pageup", "pageup")
        assert screen.query_one("#worse-with", ToggleRow).values == ["bending-forward"]
        assert screen.query_one("#leg-pain", YesNo).value is True
        await pilot.press("escape", "y")  # skip after all
        assert isinstance(app.screen, HomeScreen)
    assert saved_programme(paths) is None


async def test_a_goal_date_that_cannot_be_read_is_named_and_nothing_is_lost(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_goals(pilot)
        screen = app.screen
        await pilot.press(*"Sit through a film", "tab", *"30 Feb", "enter", "enter")  # on to goal 2, then on
        await pilot.pause()
        assert screen.page == "goals"
        error = str(screen.query_one("#goal-error-1").render())
        assert error == "⚠ Goal 1, by when: There is no day '30 Feb'."
        assert screen.query_one("#goal-error-1").display is True
        assert app.focused is screen.query_one("#target-1")
        assert screen.query_one("#goal-1").value == "Sit through a film"
        assert screen.query_one("#target-1").value == "30 Feb"
        await pilot.press(*"30 Mar", "enter", "enter")  # (the field's text is selected: typing replaces it)
        await pilot.pause()
        assert screen.page == "plan"
        assert "Sit through a film, by Tue 30 Mar 2027" in plan_text(screen)
        assert screen.query_one("#goal-error-1").display is False


async def test_a_goal_date_that_has_passed_is_refused(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_goals(pilot)
        await pilot.press(*"Walk to work", "tab", *"2026-11-01", "enter")
        await pilot.press("enter", "enter")
        error = str(app.screen.query_one("#goal-error-1").render())
        assert "Goal 1, by when: 1 Nov 2026 has passed" in error


async def test_a_control_character_in_a_goal_shows_the_models_message(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_goals(pilot)
        screen = app.screen
        screen.query_one("#goal-2").value = "Dance\x1b[31m again"  # pasted: a key press cannot type it
        await pilot.press("enter")  # goal 1 is empty: on to the summary, which the model refuses
        await pilot.pause()
        assert screen.page == "goals"
        assert str(screen.query_one("#goal-error-2").render()) == ("⚠ Goal 2: Control character U+001B is not allowed.")
        assert app.focused is screen.query_one("#goal-2")
    assert saved_programme(paths) is None


async def test_the_same_goal_twice_is_refused(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await to_goals(pilot)
        await pilot.press(*"Garden", "enter", "enter", *"garden", "enter", "enter")
        await pilot.pause()
        assert app.screen.page == "goals"
        assert "Goal 2 is the same as goal 1" in str(app.screen.query_one("#goal-error-2").render())


async def test_changing_the_answers_later_keeps_the_start_date_and_the_rungs(make_app, paths) -> None:
    started = date(2026, 11, 2)  # a Monday: FIXED_NOW is in week 4
    start_programme(
        paths,
        started,
        worse_with=["sitting"],
        minutes_a_day=10,
        goals=[{"text": "Carry the shopping home", "target": "2026-11-20"}],  # has passed since
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        assert "running" in str(app.screen.query_one("#choices").get_option_at_index(0).prompt)
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, GettingStartedScreen)
        intro = " ".join(str(widget.render()) for widget in screen.query("#page-intro Static"))
        assert "week 4 of 12, started Mon 2 Nov" in intro
        await pilot.press("enter")
        assert screen.query_one("#worse-with", ToggleRow).values == ["sitting"]  # filled in
        await pilot.press("right", "space", "enter")  # and bending backwards
        await pilot.press("enter", "enter", "enter", "enter")  # leg, floor, minutes, walk as they were
        assert screen.query_one("#goal-1").value == "Carry the shopping home"
        assert screen.query_one("#target-1").value == "20 Nov 2026"  # left as it was, it stands
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert screen.page == "plan"
        assert "Your start date (Mon 2 Nov)" in plan_text(screen)
        assert "Save my answers" in str(screen.query_one("#next").label)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    progress = saved_programme(paths)
    assert progress is not None
    assert progress.started == started and progress.rungs == {"pelvic-tilt": 3, "bird-dog": 2}
    assert progress.answers.worse_with == ["bending-back", "sitting"] and progress.answers.minutes_a_day == 10
    assert progress.answers.goals == [Goal(text="Carry the shopping home", target=date(2026, 11, 20))]


async def test_leaving_the_programme_asks_first(make_app, paths) -> None:
    start_programme(paths, date(2026, 11, 16))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, GettingStartedScreen)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert saved_programme(paths) is not None
        await pilot.press("x", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#today").display is False
        assert any("You have left the programme" in message for message in messages(app))
    assert saved_programme(paths) is None


async def test_x_does_nothing_without_a_programme(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "x")
        assert isinstance(app.screen, GettingStartedScreen) and app.screen.page == "intro"


async def test_the_first_run_offers_getting_started_after_the_notice(make_app, paths) -> None:
    app = make_app(first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GettingStartedScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert saved_programme(paths) is None


async def test_a_session_asked_for_on_the_command_line_comes_before_the_offer(make_app) -> None:
    app = make_app(first_run=True, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, GettingStartedScreen)
        assert type(app.screen).__name__ == "PainBeforeScreen"


async def test_home_invites_a_returning_user_to_start(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        menu = app.screen.query_one("#menu")
        row = str(menu.get_option("programme").prompt)
        assert "12-week programme" in row
        shown = {key: binding.binding.description for key, binding in app.screen.active_bindings.items()}
        assert shown["p"] == "Get started"
        await pilot.press("down", "enter")  # the row itself opens it too
        assert isinstance(app.screen, GettingStartedScreen)
