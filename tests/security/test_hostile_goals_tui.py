"""Goals are typed by the person: markup in one shows character for character on the getting-started
summary and in Home's Today, and clicking it runs nothing; a control character is refused by the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.hostile import CLICK_QUIT, CLICK_SCREENSHOT, HIDDEN, SCREENSHOT_FOLDER
from trainer.journal.store import JournalStore
from trainer.screens.getting_started import GettingStartedScreen
from trainer.screens.home import HomeScreen

GOAL_ONE = f"Garden {CLICK_QUIT}"
GOAL_TWO = f"{CLICK_SCREENSHOT} {HIDDEN}"[:120]


async def test_markup_in_a_goal_shows_literally_and_never_acts(
    make_app, paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where [@click=app.screenshot(..., 'evil-folder')] would write
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p", "enter", "enter", "n", "y", "enter", "enter")
        screen = app.screen
        assert isinstance(screen, GettingStartedScreen) and screen.page == "goals"
        screen.query_one("#goal-1").value = GOAL_ONE
        screen.query_one("#goal-2").value = GOAL_TWO
        await pilot.press("enter", "enter", "enter")  # goal 1 -> its date -> goal 2 -> its date
        await pilot.press("enter")
        await pilot.pause()
        assert screen.page == "plan"
        summary = " ".join(str(widget.render()) for widget in screen.query("#plan-view Static"))
        assert f"{GOAL_ONE} (no date)" in summary and f"{GOAL_TWO} (no date)" in summary
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        box = app.screen.query_one("#today")
        shown = str(box.render())
        assert f"Goal: {GOAL_ONE}." in shown and f"Goal: {GOAL_TWO}." in shown
        for y in (box.size.height - 3, box.size.height - 2):  # the two goals' lines, above the bottom border
            for x in range(0, box.size.width, 3):
                await pilot.click(box, offset=(x, y))
        assert app.is_running, "an action quit the app"
        assert not (tmp_path / SCREENSHOT_FOLDER).exists(), "an action wrote a screenshot"
    saved = JournalStore(paths.journal_dir).load_settings().programme
    assert saved is not None and [goal.text for goal in saved.answers.goals] == [GOAL_ONE, GOAL_TWO]
