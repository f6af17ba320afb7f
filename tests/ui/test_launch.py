"""The command line's launch: Home's rows (a returning person) or the first-run notice paint before the
content and the journal load, then the app goes on from them."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.widgets import OptionList, Static

from tests.conftest import FIXED_NOW
from tests.imports_probe import modules_loaded
from tests.ui.test_home_today import start_programme
from trainer.app import TrainerApp, launch_app
from trainer.catalog.bundled import CONTENT_ENV, bundled_content_dir
from trainer.catalog.notice import read_notice
from trainer.journal.models import CheckIn
from trainer.journal.quick_read import read_start_settings
from trainer.journal.store import JournalStore
from trainer.paths import Paths
from trainer.screens.content_error import ContentErrorScreen
from trainer.screens.first_run import FirstRunScreen
from trainer.screens.getting_started import GettingStartedScreen
from trainer.screens.help import HelpScreen
from trainer.screens.home import HomeScreen
from trainer.screens.home_menu import MENU
from trainer.screens.journal import JournalScreen
from trainer.screens.launch import LOADING, LaunchScreen
from trainer.screens.library import LibraryScreen
from trainer.services.core import Services, make_services
from trainer.theme import CALM_THEME, HIGH_CONTRAST_THEME


def shown_text(screen) -> str:
    statics = " ".join(str(widget.render()) for widget in screen.query(Static))
    menus = " ".join(str(option.prompt) for menu in screen.query(OptionList) for option in menu.options)
    return f"{statics} {menus}"


def launching(paths: Paths, catalog, *, when_loading: Callable[[TrainerApp], None] = lambda app: None) -> tuple:
    """An app that loads its services after the launch frame; ``seen`` records what showed as they loaded."""
    seen: dict[str, object] = {}

    def load() -> Services:
        seen["screen"] = app.screen
        seen["text"] = shown_text(app.screen)
        seen["stack"] = len(app.screen_stack)
        when_loading(app)
        return make_services(paths, catalog=catalog, now=lambda: FIXED_NOW)

    app = TrainerApp(load)
    return app, seen


async def keys_handed_on(app: TrainerApp) -> None:
    """Until the keys kept at the launch have all done their work, however slowly the machine runs."""
    launch = app.screen_stack[0]
    assert isinstance(launch, LaunchScreen)
    await asyncio.wait_for(launch.keys_handed_on.wait(), timeout=30)


async def test_homes_rows_show_before_anything_loads_then_home_takes_their_place(paths, catalog, seen_disclaimer):
    app, seen = launching(paths, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(seen["screen"], LaunchScreen) and seen["stack"] == 1
        for _, key, title, _ in MENU:
            assert f" {key}  {title}" in seen["text"]
        assert LOADING in seen["text"]
        assert isinstance(app.screen, HomeScreen)
        assert "Your week" in app.export_screenshot().replace("&#160;", " ")
        assert LOADING not in shown_text(app.screen)


async def test_keys_pressed_before_home_showed_reach_home_in_order(paths, catalog, seen_disclaimer):
    def press_early(app: TrainerApp) -> None:  # as if typed while the launch frame was up
        for key in ("l", "q", "j"):
            app.screen.on_key(events.Key(key, key))

    app, _ = launching(paths, catalog, when_loading=press_early)
    async with app.run_test(size=(80, 24)):
        await keys_handed_on(app)
        # l opened the Library, q went back from it, j opened the Journal: as pressed on Home
        assert isinstance(app.screen, JournalScreen)
        assert [type(screen) for screen in app.screen_stack[1:]] == [HomeScreen, JournalScreen]


@pytest.mark.parametrize("key", ["h", "f1"])
async def test_help_asked_for_before_home_showed_opens_over_home(paths, catalog, seen_disclaimer, key):
    app, _ = launching(paths, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await keys_handed_on(app)
        assert [type(screen) for screen in app.screen_stack[1:]] == [HomeScreen, HelpScreen]


async def test_a_library_key_pressed_as_home_opens_goes_to_home(paths, catalog, seen_disclaimer):
    app, _ = launching(paths, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_quitting_at_once_quits_cleanly(paths, catalog, seen_disclaimer, key):
    app, _ = launching(paths, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(key)
        await pilot.pause()
    assert app.return_code == 0  # (run_test raises if anything failed on the way out)


def test_the_launch_uses_the_chosen_colours_from_its_first_frame(paths, seen_disclaimer) -> None:
    JournalStore(paths.journal_dir).update_settings(colours="high-contrast")
    assert launch_app(paths).theme == "backtrainer-high-contrast"
    JournalStore(paths.journal_dir).update_settings(colours="calm")
    assert launch_app(paths).theme == "backtrainer"


@pytest.mark.parametrize("first_run", [False, True])
async def test_the_first_frame_is_painted_in_the_chosen_colours(paths, catalog, first_run) -> None:
    """The theme is set before the stylesheets are first parsed (not by its watcher, which would parse
    them again): the first frame has its colours, and a later change of colours still shows."""
    JournalStore(paths.journal_dir).update_settings(colours="high-contrast", disclaimer_seen=not first_run)
    seen: dict[str, object] = {}

    def load() -> Services:  # the first frame is on screen
        seen["background"] = app.screen.styles.background.hex
        seen["classes"] = set(app.classes)
        return make_services(paths, catalog=catalog, now=lambda: FIXED_NOW)

    start = read_start_settings(paths.journal_dir)
    app = TrainerApp(load, launch=start, notice=read_notice() if first_run else None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert seen["background"] == HIGH_CONTRAST_THEME.background
        assert {"-theme-backtrainer-high-contrast", "-dark-mode"} <= seen["classes"]
        app.services.settings.set_colours("calm")
        await pilot.pause()
        assert app.screen.styles.background.hex == CALM_THEME.background
        assert "-theme-backtrainer-high-contrast" not in app.classes


@pytest.mark.parametrize(
    ("logged", "coaching", "size"), [(False, False, (80, 24)), (True, False, (80, 24)), (True, True, (100, 34))]
)
async def test_the_launch_frame_lays_out_as_home_will(paths, catalog, seen_disclaimer, logged, coaching, size) -> None:
    """The menu is where Home will put it: at 80x24 the introduction shows only before anything is logged;
    with a programme running it gives way below 40 rows."""
    if logged:
        JournalStore(paths.journal_dir).add(CheckIn(at=FIXED_NOW, pain_now=3))
    if coaching:
        start_programme(paths, date(2026, 11, 16))
    seen: dict[str, int] = {}

    def load() -> Services:
        seen["launch"] = app.screen.query_one("#menu").region.y
        return make_services(paths, catalog=catalog, now=lambda: FIXED_NOW)

    app = TrainerApp(load, launch=read_start_settings(paths.journal_dir))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.has_class("-coach") is coaching
        assert app.screen.query_one("#menu").region.y == seen["launch"]


def noticing(paths: Paths, catalog, *, when_loading: Callable[[TrainerApp], None] = lambda app: None) -> tuple:
    """A first run's app: the notice (from the safety content alone) paints, then the services load."""
    seen: dict[str, object] = {}

    def load() -> Services:
        seen["stack"] = list(app.screen_stack)
        when_loading(app)
        return make_services(paths, catalog=catalog, now=lambda: FIXED_NOW)

    app = TrainerApp(load, launch=read_start_settings(paths.journal_dir), notice=read_notice())
    return app, seen


async def test_a_first_run_paints_the_notice_before_anything_loads_then_goes_on_from_it(paths, catalog):
    app, seen = noticing(paths, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        (notice,) = seen["stack"]
        assert isinstance(notice, FirstRunScreen)
        assert app.screen is notice  # the same notice, once everything has loaded (not built again)
        assert catalog.safety.intended_purpose in shown_text(notice)
        assert not JournalStore(paths.journal_dir).load_settings().disclaimer_seen
        await pilot.press("enter")
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [FirstRunScreen, HomeScreen, GettingStartedScreen]
        assert JournalStore(paths.journal_dir).load_settings().disclaimer_seen


async def test_the_notice_accepted_while_the_rest_loads_goes_on_once_it_has(paths, catalog):
    app, _ = noticing(paths, catalog, when_loading=lambda app: app.screen.action_accept())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, GettingStartedScreen)
        assert JournalStore(paths.journal_dir).load_settings().disclaimer_seen


async def test_help_over_the_first_run_notice_before_the_load(paths, catalog):
    app, _ = noticing(paths, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [FirstRunScreen, HelpScreen]
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen_stack[1], HomeScreen)


async def test_a_journal_folder_that_cannot_be_read_at_a_first_run_puts_home_beneath_a_notice(catalog, tmp_path):
    """Home says so at once (its notice): it goes over the launch frame, and a notice over it."""
    unreadable = Paths(data_dir=tmp_path / ("x" * 300), config_dir=tmp_path / "config")  # ENAMETOOLONG
    app, _ = noticing(unreadable, catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [FirstRunScreen, HomeScreen, FirstRunScreen]
        await pilot.press("enter")
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [FirstRunScreen, HomeScreen, GettingStartedScreen]


async def test_the_command_lines_first_run_paints_the_notice_first(paths) -> None:
    app = launch_app(paths, now=lambda: FIXED_NOW)
    assert app._services is None
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen) and len(app.screen_stack) == 1
        assert app.services.loaded is not None


def broken_content(tmp_path: Path, name: str, damage: Callable[[dict], None]) -> Path:
    broken = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), broken)
    document = json.loads((broken / name).read_text())
    damage(document)
    (broken / name).write_text(json.dumps(document))
    return broken


async def test_a_broken_safety_file_at_a_first_run_loads_first_and_says_so(paths, tmp_path, monkeypatch) -> None:
    broken = broken_content(tmp_path, "safety.json", lambda document: document["safety"].pop("disclaimer"))
    monkeypatch.setenv(CONTENT_ENV, str(broken))
    app = launch_app(paths, now=lambda: FIXED_NOW)
    assert app._services is not None  # (no notice to paint from: everything loads first, as always)
    async with app.run_test(size=(80, 24)):
        assert isinstance(app.screen, ContentErrorScreen)


async def test_other_broken_content_at_a_first_run_is_caught_once_it_loads(paths, tmp_path, monkeypatch) -> None:
    def unknown_exercise(document: dict) -> None:
        document["routines"][0]["items"][1]["exercise"] = "no-such-exercise"

    monkeypatch.setenv(CONTENT_ENV, str(broken_content(tmp_path, "routines.json", unknown_exercise)))
    app = launch_app(paths, now=lambda: FIXED_NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [type(screen) for screen in app.screen_stack] == [FirstRunScreen, ContentErrorScreen]
        await pilot.press("h")
        assert isinstance(app.screen, ContentErrorScreen)


async def test_a_settings_file_that_cannot_be_read_loads_first_and_says_so(paths, seen_disclaimer) -> None:
    (paths.journal_dir / "settings.json").write_text("{not json")
    app = launch_app(paths, now=lambda: FIXED_NOW)
    assert app._services is not None  # (loaded before the first frame, as always)


def test_the_launch_frame_needs_neither_the_models_nor_the_content() -> None:
    """What the command line imports before the first frame: Textual, and no pydantic model, content,
    journal store or service (they load once the frame is on screen)."""
    heavy = modules_loaded(
        "import trainer.cli, trainer.cli.open_app, trainer.app, trainer.screens.launch",
        named=(
            *("pydantic.main", "tinydb", "trainer.journal.models", "trainer.journal.store"),
            *("trainer.screens.home", "trainer.screens.base"),
        ),
        under=("trainer.catalog", "trainer.services", "trainer.engine"),
    )
    assert heavy == []


def test_the_first_run_notice_needs_neither_pydantic_nor_the_content_models() -> None:
    """A first run's frame reads ``safety.json`` with the standard library (``catalog.notice``)."""
    heavy = modules_loaded(
        "import trainer.cli, trainer.cli.open_app, trainer.app, trainer.screens.first_run\n"
        "from trainer.catalog.notice import read_notice\nassert read_notice() is not None",
        named=(
            *("pydantic", "tinydb", "trainer.journal.store", "trainer.screens.home", "trainer.screens.base"),
            *("trainer.catalog.models", "trainer.catalog.loader"),
        ),
        under=("trainer.services", "trainer.engine"),
    )
    assert heavy == []
