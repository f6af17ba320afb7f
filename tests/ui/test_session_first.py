"""A session asked for on the command line (``backtrainer start``): Home is not built beneath it, only once
it is over (``LaunchScreen(session_first=True)`` keeps Home's place), and keys typed before its first screen
showed reach that screen."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App
from textual.screen import ModalScreen, Screen

from tests.clock import FakeClock
from tests.ui.test_launch import keys_handed_on
from trainer.screens.home import HomeScreen
from trainer.screens.launch import LaunchScreen
from trainer.screens.session import SessionScreen
from trainer.screens.session_dialogs import PainBefore, PainBeforeScreen


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


def stack(app: App[None]) -> list[type[Screen[object]]]:
    return [type(screen) for screen in app.screen_stack]


async def until_shown(pilot, kind: type[Screen[object]]) -> None:  # type: ignore[no-untyped-def]
    """Until a ``kind`` screen is on top (the start-up worker pushes the pain question, and Home is built
    over the launch screen, a frame or more after they are asked for: how many depends on the load)."""
    for _ in range(100):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause()


async def test_home_is_built_once_the_session_is_over_not_beneath_it(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="cat-cow")
    async with app.run_test(size=(80, 24)) as pilot:
        await until_shown(pilot, PainBeforeScreen)
        assert stack(app) == [LaunchScreen, PainBeforeScreen]
        await pilot.press("s")
        await pilot.pause()
        assert stack(app) == [LaunchScreen, SessionScreen]  # no Home beneath the session
        await pilot.press("p", "q")  # a pain stop ends it: the stop rules, then the questions
        await pilot.pause()
        await pilot.press("ctrl+s")
        await until_shown(pilot, HomeScreen)
        assert stack(app) == [LaunchScreen, HomeScreen]
        assert "Your week" in app.export_screenshot().replace("&#160;", " ")  # Home as it always is
        await pilot.press("l")  # and its keys work
        await pilot.pause()
        assert type(app.screen).__name__ == "LibraryScreen"


def note_frames(app: App[None]) -> list[tuple[list[type[Screen[object]]], int]]:
    """Each frame handed to the terminal from now on: the screens then stacked, and how many widgets the
    screen at the bottom (the launch screen) held."""
    frames: list[tuple[list[type[Screen[object]]], int]] = []

    def note() -> None:
        frames.append((stack(app), len(app.screen_stack[0].children)))
        app.after_next_frame(note)

    app.after_next_frame(note)
    return frames


@pytest.mark.parametrize(
    "leave",
    [("p", "q", "ctrl+s"), ("s", "y", "2", "ctrl+s"), ("end", "ctrl+s")],
    ids=["pain-stop", "stopped-tired", "finished"],
)
async def test_the_launch_screen_lets_its_rows_go_beneath_the_session_and_no_frame_shows_it_empty(
    make_app, clock, leave
) -> None:
    app = make_app(session_clock=clock, start="cat-cow")
    async with app.run_test(size=(80, 24)) as pilot:
        frames = note_frames(app)
        await until_shown(pilot, PainBeforeScreen)
        launch = app.screen_stack[0]
        assert launch.children  # (Home's rows, behind the question)
        await pilot.press("s")
        await pilot.pause()
        assert stack(app) == [LaunchScreen, SessionScreen] and not launch.children
        for key in leave:  # (a dialog over the session brings the rows back: it may end from there)
            if key == "end":  # (the whole session's time goes by)
                clock.advance(app.screen.plan.total_seconds + 1)
                app.screen.refresh_display()
            else:
                await pilot.press(key)
            await pilot.pause()
        await until_shown(pilot, HomeScreen)
        await pilot.pause()
    assert any(screens[-1] is SessionScreen for screens, _ in frames)
    assert any(screens[-1] is HomeScreen for screens, _ in frames)
    for screens, rows in frames:
        covered = any(not issubclass(screen, ModalScreen) for screen in screens[1:])
        assert rows or covered, f"a frame showed the launch screen without its rows: {screens}"


async def test_going_back_from_the_pain_question_opens_home(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await until_shown(pilot, HomeScreen)
        assert stack(app) == [LaunchScreen, HomeScreen]


async def test_an_id_that_is_not_there_opens_home_and_says_so(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="no-such-routine")
    async with app.run_test(size=(80, 24)) as pilot:
        await until_shown(pilot, HomeScreen)
        assert stack(app) == [LaunchScreen, HomeScreen]
        assert any("no-such-routine" in notice.message for notice in app._notifications)


class SessionFirst(App[None]):
    """The launch screen beneath a session's first screen, alone."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[PainBefore | None] = []

    def get_default_screen(self) -> Screen[None]:
        return LaunchScreen(session_first=True)

    def ask(self) -> None:
        self.push_screen(PainBeforeScreen("Desk break"), callback=self.answers.append)


def typed_early(app: App[None], *keys: tuple[str, str | None]) -> None:
    """Keys typed while the launch screen was still on top (before the session's first screen showed)."""
    for key, character in keys:
        app.screen.on_key(events.Key(key, character))


async def test_a_number_and_enter_typed_before_the_question_showed_answer_it() -> None:
    app = SessionFirst()
    async with app.run_test(size=(80, 24)) as pilot:
        typed_early(app, ("4", "4"), ("enter", None))
        app.ask()
        await keys_handed_on(app)
        await pilot.pause()
        assert app.answers == [PainBefore(4)]


async def test_a_key_bound_on_the_question_typed_before_it_showed_does_its_work() -> None:
    app = SessionFirst()
    async with app.run_test(size=(80, 24)) as pilot:
        typed_early(app, ("s", "s"))  # skip the question
        app.ask()
        await keys_handed_on(app)
        await pilot.pause()
        assert app.answers == [PainBefore(None)]


async def test_once_the_keys_are_handed_on_a_key_on_the_launch_screen_is_left_alone() -> None:
    app = SessionFirst()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask()
        await pilot.press("q")  # back from the question: nothing is on its way now
        await keys_handed_on(app)
        key = events.Key("x", "x")
        app.screen.on_key(key)
        assert not key._stop_propagation  # (not kept for a screen that is not coming)
