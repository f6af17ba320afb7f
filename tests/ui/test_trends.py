"""The Trends tab uses the height it has: at least a row a point of pain, more on a tall terminal."""

from __future__ import annotations

from datetime import timedelta

from tests.conftest import FIXED_NOW
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore
from trainer.widgets.trend_chart import TrendChart, extra_lines


async def chart_rows_at(make_app, size: tuple[int, int]) -> int:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("j")
        await pilot.pause()
        chart = app.screen.query_one("#chart", TrendChart)
        lines = str(chart.render()).splitlines()
        assert len(lines) == chart.size.height
        weeks = str(app.screen.query_one("#weeks").render())
        assert "Sessions per week (goal 3, g changes it)" in weeks and "goal 3" in weeks.splitlines()[1]
        return chart.size.height - extra_lines(chart.points)


async def test_the_chart_has_ten_rows_at_80x24_and_more_when_there_is_room(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    for day in range(20):
        store.add(CheckIn(at=FIXED_NOW - timedelta(days=day, hours=1), pain_now=3 + day % 4))
    assert await chart_rows_at(make_app, (80, 24)) == 10
    assert await chart_rows_at(make_app, (120, 40)) > 10
