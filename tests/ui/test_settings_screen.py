"""Settings from Home (o): each change saved at once through the validated settings, within its limits."""

from __future__ import annotations

from trainer.journal.store import JournalStore
from trainer.screens.settings import SettingsScreen


async def test_settings_change_the_bell_the_time_to_get_ready_and_the_goal(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("down", "space")  # (below the programme's answers) the bell: off
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


async def test_the_reminder_settings_are_rows_of_the_settings_screen(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.press("down", "down", "down", "down", "space")  # reminders: on
        await pilot.press("down", "right")  # working days: Mon-Fri -> Mon-Sat
        await pilot.press("down", "left", "left")  # the day starts at 08:00
        await pilot.press("down", "right")  # and ends at 18:00
        await pilot.press("down", *["left"] * 4)  # a desk break every 30 min, and no less
        await pilot.press("down", "right", "right")  # quiet 12:30-13:30
        await pilot.press("down", "right")  # away after 15 min
        await pilot.press("down", "left", "left")  # later: 5 min, and no less
        await pilot.press("down", *["right"] * 9)  # put off at most 5 times
        await pilot.press("down", "space", "down", "enter")  # no session or check-in reminders
        await pilot.pause()
        shown = str(app.screen.query_one("#choices").get_option_at_index(4).prompt)
        assert "Reminders" in shown and "on" in shown
    saved = JournalStore(paths.journal_dir).load_settings().reminders
    assert saved.model_dump(mode="json") == {
        "enabled": True,
        "days": ["mon", "tue", "wed", "thu", "fri", "sat"],
        "start": "08:00",
        "end": "18:00",
        "break_minutes": 30,
        "quiet": [{"start": "12:30", "end": "13:30"}],
        "away_minutes": 15,
        "postpone_minutes": 5,
        "max_postpones": 5,
        "session": False,
        "morning_check": False,
    }
