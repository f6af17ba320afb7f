"""Settings from Home (o): each change saved at once through the validated settings, within its limits."""

from __future__ import annotations

from trainer.journal.store import JournalStore
from trainer.screens.settings import SettingsScreen


async def test_settings_change_the_bell_the_time_to_get_ready_and_the_goal(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("space")  # the bell: off
        await pilot.press("down", "right", "right")  # time to get ready: 10 -> 20 s
        await pilot.press("down", *["left"] * 5)  # the goal: 3 -> 1, and no lower
        await pilot.pause()
    saved = JournalStore(paths.journal_dir).load_settings()
    assert (saved.bell, saved.get_ready_seconds, saved.sessions_per_week_goal) == (False, 20, 1)


async def test_the_time_to_get_ready_is_the_first_step_of_every_session(make_app, paths) -> None:
    JournalStore(paths.journal_dir).update_settings(get_ready_seconds=25)
    app = make_app(start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert app.screen.plan.steps[0].seconds == 25
