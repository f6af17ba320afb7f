"""Moving around the app by keyboard: Home, first run, help, too-small terminals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from trainer.app import make_app
from trainer.catalog.bundled import bundled_content_dir
from trainer.journal.store import JournalStore
from trainer.screens.content_error import ContentErrorScreen
from trainer.screens.exercise import ExerciseScreen
from trainer.screens.first_run import FirstRunScreen
from trainer.screens.getting_started import GettingStartedScreen
from trainer.screens.help import HelpScreen
from trainer.screens.home import HomeScreen
from trainer.screens.library import LibraryScreen
from trainer.screens.routine import RoutineScreen
from trainer.screens.tips import TipsScreen
from trainer.screens.too_small import TooSmallScreen


async def test_first_run_shows_disclaimer_and_emergency_list_once(make_app, paths) -> None:
    app = make_app(first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, FirstRunScreen)
        text = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert app.services.catalog.safety.help_list("emergency").items[0][:30] in text
        text_box = app.screen.query_one("#first-run")
        await pilot.press("down", "pagedown", "end")  # the text scrolls by keyboard, the button keeps focus
        await pilot.pause()
        assert text_box.scroll_y == text_box.max_scroll_y > 0
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GettingStartedScreen)  # offered next; skipped here
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert JournalStore(paths.journal_dir).load_settings().disclaimer_seen

    again = make_app(first_run=True)
    async with again.run_test(size=(80, 24)):
        assert isinstance(again.screen, HomeScreen)


async def test_quitting_at_first_run_does_not_mark_disclaimer_seen(make_app, paths) -> None:
    app = make_app(first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert not JournalStore(paths.journal_dir).load_settings().disclaimer_seen


async def test_home_keys_open_library_tips_and_help_and_q_returns(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, screen_type in (("l", LibraryScreen), ("t", TipsScreen), ("h", HelpScreen)):
            await pilot.press(key)
            assert isinstance(app.screen, screen_type)
            await pilot.press("q")
            assert isinstance(app.screen, HomeScreen)


async def test_home_menu_works_with_arrows_and_enter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "down", "down", "down", "enter")
        assert isinstance(app.screen, TipsScreen)
        await pilot.press("escape")
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, HelpScreen)


async def test_escape_on_home_does_not_leave_an_empty_screen(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_q_on_home_quits(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app._exit


# Each route ends on a different screen; from all of them one key opens the help.
ROUTES = {
    "home": (),
    "library": ("l",),
    "library-search-box": ("l", "slash"),
    "exercise": ("l", "enter"),
    "routines-tab": ("l", "r"),
    "routine": ("l", "r", "enter"),
    "tips": ("t",),
    "tips-search-box": ("t", "slash"),
}


@pytest.mark.parametrize("route", list(ROUTES))
async def test_help_is_one_key_away_everywhere(make_app, route: str) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*ROUTES[route])
        before = type(app.screen)
        in_text_box = route.endswith("search-box")
        await pilot.press("f1" if in_text_box else "h")
        assert isinstance(app.screen, HelpScreen), f"from {before.__name__}"
        await pilot.press("q")
        assert type(app.screen) is before


async def test_help_key_works_at_first_run(make_app) -> None:
    app = make_app(first_run=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, FirstRunScreen)


async def test_help_screen_lists_all_three_lists_and_numbers(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        titles = [widget.border_title for widget in app.screen.query(".help-list")]
        safety = app.services.catalog.safety
        assert titles[:3] == [help_list.title for help_list in safety.help_lists]
        numbers = str(app.screen.query_one("#numbers").render())
        assert all(entry.number in numbers for entry in safety.emergency_numbers)


async def test_pressing_help_twice_does_not_stack_help_screens(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "h", "f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen)


async def test_too_small_terminal_shows_a_notice_until_enlarged(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.resize_terminal(50, 15)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        notice = str(app.screen.query_one("#too-small").render())
        assert "Please enlarge the terminal" in notice and "50 x 15" in notice
        await pilot.press("h")
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_starting_in_a_tiny_terminal_shows_the_notice(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(40, 10)):
        assert isinstance(app.screen, TooSmallScreen)


async def test_broken_bundled_content_shows_problems_not_a_traceback(paths, tmp_path, monkeypatch) -> None:
    broken = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), broken)
    routines = json.loads((broken / "routines.json").read_text())
    routines["routines"][0]["items"][1]["exercise"] = "no-such-exercise"
    (broken / "routines.json").write_text(json.dumps(routines))
    monkeypatch.setenv("BACKTRAINER_CONTENT", str(broken))
    app = make_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, ContentErrorScreen)
        text = " ".join(str(widget.render()) for widget in app.screen.query(".problem"))
        assert "routines.json" in text and "routines[0].items[1].exercise" in text
        assert "no-such-exercise" in text
        await pilot.press("h")
        assert isinstance(app.screen, ContentErrorScreen)
        await pilot.press("q")


async def test_broken_content_pack_is_reported_and_skipped(paths, seen_disclaimer) -> None:
    packs = paths.content_packs_dir
    packs.mkdir(parents=True)
    (packs / "from-physio.json").write_text('{"exercises": [}')
    app = make_app(paths)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        messages = [notification.message for notification in app._notifications]
        assert any("from-physio.json" in message and "line 1" in message for message in messages)


def _write_pack(folder: Path, name: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    exercise = {
        "id": "physio-wall-squat",
        "name": name,
        "category": "strength",
        "body_areas": ["legs"],
        "purpose": "Leg strength [for stairs].",
        "steps": ["Lean on a wall [feet forward].", "Slide down a little, then up."],
        "dose": {"sets": {"min": 2, "max": 2}, "reps": {"min": 8, "max": 8}},
        "tempo": [{"cue": "Down", "seconds": 2}, {"cue": "Up", "seconds": 2}],
        "level": "beginner",
        "evidence": "common advice",
    }
    (folder / "physio.json").write_text(json.dumps({"exercises": [exercise]}))


async def test_pack_exercise_text_is_shown_literally_not_as_markup(paths, seen_disclaimer) -> None:
    name = "[bold red]Wall squat[/] [link=x]y[/link]"
    _write_pack(paths.content_packs_dir, name)
    app = make_app(paths)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l", "slash", *"physio", "enter", "enter")
        assert isinstance(app.screen, ExerciseScreen)
        assert str(app.screen.query_one("#name").render()) == name
        steps = " ".join(str(static.render()) for static in app.screen.query(".section")[1].query("Static"))
        assert "[feet forward]" in steps
        assert "physio.json" in str(app.screen.query_one("#pack").render())


async def test_routine_items_open_their_exercise(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "r", "enter")
        assert isinstance(app.screen, RoutineScreen)
        first = app.screen.routine.items[0].exercise
        await pilot.press("enter")
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.exercise.id == first


async def test_a_screens_stylesheet_stays_on_its_screen(make_app) -> None:
    """exercise.tcss once styled #name on every screen once an exercise had been opened (the routine's
    title moved down a line): each screen's rules are nested under its own type now."""

    async def routine_name_margin(open_an_exercise_first: bool) -> tuple[int, int]:
        app = make_app()
        async with app.run_test(size=(120, 40)) as pilot:
            catalog = app.services.catalog
            if open_an_exercise_first:
                await app.push_screen(ExerciseScreen(catalog.exercises["bird-dog"]))
                await pilot.pause()
                app.pop_screen()
            await app.push_screen(RoutineScreen(catalog.routines["back-basics"]))
            await pilot.pause()
            name = app.screen.query_one("#name")
            return name.styles.margin.top, name.region.y

    assert await routine_name_margin(open_an_exercise_first=True) == await routine_name_margin(False)
