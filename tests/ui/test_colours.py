"""The colours: high contrast from Settings, kept; every letter stays visible in 16 colours; NO_COLOR."""

from __future__ import annotations

import pytest
from rich.color import ColorSystem

from tests.clock import FakeClock
from trainer.journal.store import JournalStore
from trainer.screens.settings import SettingsScreen
from trainer.theme import HIGH_CONTRAST_THEME, THEMES


async def test_the_colours_row_switches_to_high_contrast_at_once_and_it_is_kept(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, SettingsScreen)
        choices = app.screen.query_one("#choices")
        index = next(i for i in range(choices.option_count) if choices.get_option_at_index(i).id == "colours")
        await pilot.press(*["down"] * index, "space")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST_THEME.name
    assert JournalStore(paths.journal_dir).load_settings().colours == "high-contrast"
    again = make_app()
    async with again.run_test(size=(80, 24)):
        assert again.theme == HIGH_CONTRAST_THEME.name


def _hidden_letters(app, system: ColorSystem) -> list[str]:
    """Characters drawn in the same colour as the cell behind them once the colours are cut to ``system``."""
    hidden = []
    for y, strip in enumerate(app.screen._compositor.render_strips()):
        for segment in strip:
            style = segment.style
            if style is None or not segment.text.strip() or style.color is None or style.bgcolor is None:
                continue
            fore, back = style.color.downgrade(system), style.bgcolor.downgrade(system)
            if style.reverse:
                fore, back = back, fore
            if fore == back:
                hidden.append(f"row {y}: {segment.text.strip()!r}")
    return hidden


@pytest.mark.parametrize("colours", list(THEMES))
async def test_every_letter_stays_visible_in_16_colours(make_app, paths, colours) -> None:
    JournalStore(paths.journal_dir).update_settings(colours=colours)
    clock = FakeClock(1000.0)
    app = make_app(session_clock=clock, start="bird-dog")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "enter")
        for seconds, keys in ((2.0, ()), (20.5, ()), (0.0, ("space",)), (0.0, ("space",)), (60.0, ())):
            clock.advance(seconds)
            app.screen.refresh_display()
            await pilot.press(*keys)
            await pilot.pause()
            assert _hidden_letters(app, ColorSystem.STANDARD) == []
        await pilot.press("h")  # when to get help, over the session
        await pilot.pause()
        assert _hidden_letters(app, ColorSystem.STANDARD) == []


async def test_no_color_draws_without_colour_and_the_cue_kinds_stay_apart(make_app, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    clock = FakeClock(1000.0)
    app = make_app(session_clock=clock, start="bird-dog")
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await pilot.press("4", "enter")
        fills = set()
        for seconds in (2.0, 20.5):
            clock.advance(seconds)
            app.screen.refresh_display()
            await pilot.pause()
            glyph = app.screen.query_one("#countdown").children[0]
            fills.add(next(char for char in "".join(glyph.lines) if char != " "))
        assert len(fills) == 2  # getting ready and working are told apart by the fill, not a colour
