"""One date style in the app and on the command line: "Tue 3 Nov 07:05", the year only when it is not this one."""

from __future__ import annotations

from datetime import timedelta

from click.testing import CliRunner
from textual.widgets import DataTable

from tests.conftest import FIXED_NOW
from trainer.cli import main
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore
from trainer.screens.journal_entries import EntryScreen

THIS_YEAR = FIXED_NOW.replace(month=11, day=3, hour=7, minute=5)
LAST_YEAR = FIXED_NOW.replace(year=2025, month=12, day=1, hour=9, minute=0)


async def test_the_app_and_the_cli_show_dates_the_same_way(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    store.add(CheckIn(at=THIS_YEAR, pain_now=3))
    store.add(CheckIn(at=LAST_YEAR, pain_now=5))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "e", "r", "r")  # a year of entries
        await pilot.pause()
        table = app.screen.query_one("#entry-table", DataTable)
        whens = [str(table.get_row_at(index)[0]) for index in range(table.row_count)]
        assert whens == ["Tue 3 Nov 07:05", "Mon 1 Dec 2025 09:00"]
        await pilot.press("enter")
        assert isinstance(app.screen, EntryScreen)
        values = [str(widget.render()) for widget in app.screen.query(".detail-value")]
        assert values[0] == "Tue 3 Nov 07:05"
    result = CliRunner().invoke(main, ["journal"], obj=lambda: FIXED_NOW)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].startswith("Tue 3 Nov 07:05 ") and lines[2].startswith("Mon 1 Dec 2025 09:00 ")


async def test_the_saved_notice_and_the_edit_title_use_the_date_style(make_app, paths) -> None:
    JournalStore(paths.journal_dir).add(CheckIn(at=FIXED_NOW - timedelta(days=21), pain_now=3))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e", "enter", "e")
        assert "Editing the check-in of Tue 3 Nov 18:30" in str(app.screen.query_one("#form-title").render())
        await pilot.press("4", "enter")
        await pilot.pause()
        assert any("Saved: pain 4/10 for Tue 3 Nov 18:30." in n.message for n in app._notifications)
