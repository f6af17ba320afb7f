"""At the first run the notice is built alone (Home is composed only once it has been accepted)."""

from __future__ import annotations

import re

from textual.widgets import Static

from tests.conftest import FIXED_NOW
from trainer.app import TrainerApp
from trainer.catalog.notice import read_notice
from trainer.screens.first_run import FirstRunScreen
from trainer.screens.home import HomeScreen
from trainer.services.core import make_services


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


async def test_the_notice_painted_before_the_load_reads_as_the_loaded_one(make_app, paths, catalog) -> None:
    """At a first run from the command line the notice is built from safety.json alone (``catalog.notice``):
    it shows the same text, in the same places, as the one built from the validated content."""

    async def screen_of(app: TrainerApp) -> tuple[str, str]:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen_stack[-1]
            assert isinstance(screen, FirstRunScreen)
            return " ".join(str(widget.render()) for widget in screen.query(Static)), app.export_screenshot()

    loaded = await screen_of(make_app(first_run=True, start="desk-break"))
    painted_first = TrainerApp(
        lambda: make_services(paths, catalog=catalog, now=lambda: FIXED_NOW), notice=read_notice()
    )
    text, picture = await screen_of(painted_first)
    assert text == loaded[0]

    assert _cells(picture) == _cells(loaded[1])


def _cells(svg: str) -> list[str]:
    """The text of an exported screen, line by line (the SVG's ids differ from one export to the next)."""
    return re.findall(r'<text class="[^"]*"[^>]*>([^<]*)</text>', svg)
