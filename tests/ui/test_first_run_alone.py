"""At the first run the notice is built alone (Home is composed only once it has been accepted)."""

from __future__ import annotations

from trainer.screens.first_run import FirstRunScreen
from trainer.screens.home import HomeScreen


async def test_home_is_not_built_beneath_the_first_run_notice(make_app) -> None:
    app = make_app(first_run=True, start="desk-break")  # (a session asked for: no getting-started offer)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        assert not any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen_stack[1], HomeScreen)  # beneath the session asked for
        assert not any(isinstance(screen, FirstRunScreen) for screen in app.screen_stack)


async def test_a_returning_person_gets_home_at_once(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, HomeScreen)
