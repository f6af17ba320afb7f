"""Every button of the Journal has a key: setting a damaged file aside is on a, shown on the button and in the
footer."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Button

from tests.conftest import FIXED_NOW
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore
from trainer.screens.dialogs import ConfirmScreen


def footer_actions(app) -> set[str]:
    return {binding.action for _, binding, enabled, _ in app.active_bindings.values() if enabled and binding.show}


async def test_a_damaged_file_is_set_aside_with_a(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    store.add(CheckIn(at=FIXED_NOW - timedelta(hours=1), pain_now=4))
    broken = store.month_file(FIXED_NOW)
    broken.write_text("not json")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        await pilot.pause()
        button = app.screen.query_one("#journal-problems Button", Button)
        assert "(a)" in str(button.label)
        assert "set_aside" in footer_actions(app)
        await pilot.press("a")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert not broken.exists()
        assert not app.screen.query_one("#journal-problems").display
        assert "set_aside" not in footer_actions(app)  # nothing left to set aside: the key goes


async def test_the_key_is_not_offered_without_a_damaged_file(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        assert "set_aside" not in footer_actions(app)
