"""A hostile content pack and a hostile journal through every screen: the text shows literally and never acts.

Markup such as ``[@click=app.screenshot('x.svg','evil-folder')]`` in a pack's exercise name once ran the
action when clicked (a file written to a path of the pack's choosing); ``[@click=app.quit]`` quit the app.
Here every name, step, note and title holding markup is shown character for character, clicking anywhere on
it runs nothing, and text with control characters is refused with a notice instead of reaching the terminal.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, DataTable, Static, TextArea

from tests.clock import FakeClock
from tests.conftest import FIXED_NOW
from tests.security.hostile import (
    CLICK_QUIT,
    CLICK_SCREENSHOT,
    COMBINING,
    EMOJI,
    HIDDEN,
    MARKDOWN,
    OSC_52,
    RTL,
    SCREENSHOT_FOLDER,
    refused_pack,
    shown_pack,
    write_json,
)
from trainer.catalog.loader import load_catalog
from trainer.catalog.validated import Catalog
from trainer.journal.models import CheckIn, ExerciseDone, SessionRecord
from trainer.journal.store import JournalStore
from trainer.screens.exercise import ExerciseScreen
from trainer.screens.journal_entries import EntryScreen
from trainer.screens.routine import RoutineScreen
from trainer.screens.session import SessionScreen
from trainer.screens.session_dialogs import ExerciseStepsScreen, HighPainScreen, PainBeforeScreen


def shown_text(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    if isinstance(widget, Button):
        return widget.label.plain
    return str(widget.render())


def border_title(widget: Widget) -> str:
    return Content.from_markup(widget.border_title or "").plain  # the getter gives the title back as markup


async def click_along(pilot, widget: Widget) -> None:
    """Click every few cells across the widget's first line, where a parsed [@click] would sit."""
    for x in range(0, max(1, widget.size.width), 4):
        await pilot.click(widget, offset=(x, 0))


@pytest.fixture
def hostile_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Catalog:
    monkeypatch.chdir(tmp_path)  # where [@click=app.screenshot(..., 'evil-folder')] would write
    catalog = load_catalog(packs=[write_json(tmp_path / "packs" / "evil.json", shown_pack())])
    assert not catalog.pack_problems
    return catalog


def nothing_ran(app, tmp_path: Path) -> None:
    assert app.is_running, "an action quit the app"
    assert not (tmp_path / SCREENSHOT_FOLDER).exists(), "an action wrote a screenshot"


async def test_a_hostile_pack_shows_literally_in_the_library_exercise_and_routine(
    make_app, hostile_catalog, tmp_path
) -> None:
    app = make_app(catalog=hostile_catalog)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("l")
        table = app.screen.query_one("#exercise-table", DataTable)
        names = [table.get_row(key)[0].plain for key in ("evil-click", "evil-quit")]
        assert names == [CLICK_SCREENSHOT, f"{CLICK_QUIT} {EMOJI}"]

        app.push_screen(ExerciseScreen(hostile_catalog.exercises["evil-click"]))
        await pilot.pause()
        screen = app.screen
        name = screen.query_one("#name", Static)
        assert shown_text(name) == CLICK_SCREENSHOT
        shown = " ".join(shown_text(widget) for widget in screen.query(Static))
        for text in (CLICK_QUIT, MARKDOWN, HIDDEN, RTL, COMBINING, EMOJI):
            assert text in shown
        assert "From your content pack evil.json" in shown
        await click_along(pilot, name)
        nothing_ran(app, tmp_path)

        app.push_screen(RoutineScreen(hostile_catalog.routines["evil-routine"]))
        await pilot.pause()
        about = app.screen.query_one("#about", Static)
        assert shown_text(about).startswith(f"Summary {CLICK_QUIT} {RTL} When {HIDDEN}")
        await click_along(pilot, about)
        await click_along(pilot, app.screen.query_one("#name", Static))
        nothing_ran(app, tmp_path)


async def test_a_hostile_pack_shows_literally_in_a_session_and_its_dialogs(
    make_app, hostile_catalog, tmp_path, paths
) -> None:
    clock = FakeClock(0.0)
    app = make_app(catalog=hostile_catalog, session_clock=clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(RoutineScreen(hostile_catalog.routines["evil-routine"]))
        await pilot.pause()
        await pilot.press("s")
        assert isinstance(app.screen, PainBeforeScreen)
        assert f"Before you start: {hostile_catalog.routines['evil-routine'].name}" in " ".join(
            shown_text(widget) for widget in app.screen.query(Static)
        )
        await pilot.press("8", "enter")  # a high pain: the dialog's buttons carry the routine's name
        assert isinstance(app.screen, HighPainScreen)
        continue_button = app.screen.query_one("#continue", Button)
        assert shown_text(continue_button) == f"c  Continue with {hostile_catalog.routines['evil-routine'].name}"
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert shown_text(screen.query_one("#exercise-name", Static)).endswith(CLICK_SCREENSHOT)
        how = screen.query_one("#how", Static)
        assert border_title(how) == f"How: {CLICK_SCREENSHOT}"
        assert f"1. Step {CLICK_QUIT} {MARKDOWN}" in shown_text(how)
        await click_along(pilot, screen.query_one("#exercise-name", Static))
        await click_along(pilot, how)
        nothing_ran(app, tmp_path)

        await pilot.press("i")
        assert isinstance(app.screen, ExerciseStepsScreen)
        steps = " ".join(shown_text(widget) for widget in app.screen.query(Static))
        assert CLICK_SCREENSHOT in steps and f"Caution {CLICK_QUIT}." in steps
        await pilot.press("i")
        await pilot.press("p")  # pain: stop now; the record carries the routine's name
        await pilot.pause()
        nothing_ran(app, tmp_path)
    (record,) = [entry for entry in JournalStore(paths.journal_dir).entries() if isinstance(entry, SessionRecord)]
    assert record.title == hostile_catalog.routines["evil-routine"].name


async def test_a_hostile_journal_shows_literally_in_entries_the_entry_and_the_form(make_app, paths, tmp_path) -> None:
    store = JournalStore(paths.journal_dir)
    note = f"{MARKDOWN}\n{CLICK_QUIT}\n{HIDDEN} {RTL} {COMBINING} {EMOJI}"
    store.add(CheckIn(at=FIXED_NOW - timedelta(hours=2), pain_now=4, notes=note, triggers=[CLICK_QUIT, HIDDEN]))
    store.add(
        SessionRecord(
            at=FIXED_NOW - timedelta(hours=1),
            ended=FIXED_NOW - timedelta(minutes=50),
            title=CLICK_SCREENSHOT,
            routine_id="evil-routine",
            exercises=[ExerciseDone(exercise_id="evil-click", name=CLICK_SCREENSHOT, sets_planned=1, sets_done=1)],
            completion=1.0,
            ended_how="finished",
            note=CLICK_QUIT,
        )
    )
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "e")
        await pilot.pause()
        table = app.screen.query_one("#entry-table", DataTable)
        details = [str(table.get_row_at(row)[3]) for row in range(table.row_count)]
        assert any(CLICK_SCREENSHOT in detail for detail in details)
        assert any(MARKDOWN[:20] in detail for detail in details)
        table.focus()
        await pilot.press("down", "enter")  # the older entry: the check-in
        assert isinstance(app.screen, EntryScreen)
        shown = " ".join(shown_text(widget) for widget in app.screen.query(Static))
        for text in (CLICK_QUIT, HIDDEN, RTL, COMBINING, EMOJI, MARKDOWN):
            assert text in shown
        for widget in app.screen.query(".detail-value"):
            await click_along(pilot, widget)
        nothing_ran(app, tmp_path)
        await pilot.press("e")  # edit: the note comes back into the form exactly as typed
        await pilot.pause()
        assert app.screen.query_one("#notes", TextArea).text == note
        nothing_ran(app, tmp_path)


async def test_a_pack_with_a_terminal_escape_is_refused_with_a_notice_that_shows_it_safely(
    make_app, tmp_path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    catalog = load_catalog(packs=[write_json(tmp_path / "packs" / "osc52.json", refused_pack(OSC_52))])
    assert "evil-click" not in catalog.exercises  # the whole pack is skipped: nothing half-applied
    (problem,) = catalog.pack_problems
    assert "exercises[1].name" in problem.where and "control character U+001B is not allowed" in problem.reason
    app = make_app(catalog=catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert any("U+001B" in message and "osc52.json" in message for message in messages)
        assert not any("\x1b" in message or "\x07" in message for message in messages)
