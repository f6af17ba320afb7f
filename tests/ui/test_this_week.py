"""One "this week" everywhere: Monday to Sunday, named on Home, in Trends and in stats."""

from __future__ import annotations

from datetime import timedelta

from click.testing import CliRunner

from tests.conftest import FIXED_NOW
from trainer.cli import main
from trainer.journal.models import SessionRecord
from trainer.journal.store import JournalStore


def session(days_ago: int) -> SessionRecord:
    start = FIXED_NOW - timedelta(days=days_ago, hours=1)
    return SessionRecord(
        at=start, ended=start + timedelta(minutes=10), title="Desk break", completion=1.0, ended_how="finished"
    )


async def test_home_trends_and_stats_count_the_same_week(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    store.add(session(2))  # Sunday 22 Nov: last week, though within the last 7 days
    store.add(session(0))  # Tuesday 24 Nov: this week
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        week = str(app.screen.query_one("#week").render())
        assert "This week (Mon–Sun): 1 of 3 sessions." in week
        await pilot.press("j")
        await pilot.pause()
        assert "This week (Mon–Sun): 1 of 3 sessions." in str(app.screen.query_one("#trend-text").render())
    stats = CliRunner().invoke(main, ["stats"], obj=lambda: FIXED_NOW)
    assert "This week (Mon–Sun): 1 of 3 sessions." in stats.stdout
