"""Trends: the pain chart, the change since the first week, sessions against the goal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from trainer.engine.insights import daily_series, summarize
from trainer.journal.models import AnyEntry
from trainer.reports.summary import summary_lines
from trainer.screens.journal_entries import NeedsDays
from trainer.widgets.chart_text import chart_height
from trainer.widgets.segmented import Segmented
from trainer.widgets.trend_chart import TrendChart, WeekBars, describe_chart, extra_lines

PERIODS = [("30 days", 30), ("90 days", 90), ("1 year", 365)]
ABOVE_AND_BELOW_CHART = 15
"""Lines of the pane besides the chart: the period (2), the chart's margin (1), the week bars (about 7) and
the first lines of the words (about 5), so that at 120x40 they show with the chart."""


GOAL_MOST = 7
"""``g`` steps the goal of sessions a week through 1 to this, then back to 1."""


class GoalChosen(Message):
    """The person changed their sessions-a-week goal (the screen saves it)."""

    def __init__(self, goal: int) -> None:
        super().__init__()
        self.goal = goal


class TrendsPane(VerticalScroll):
    BINDINGS = [Binding("p", "next_period", "Period"), Binding("g", "next_goal", "Goal")]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[AnyEntry] = []
        self._today = date.today()
        self._goal = 3

    def compose(self) -> ComposeResult:
        yield Segmented("Period (p):", PERIODS, id="period")
        yield TrendChart(id="chart")
        yield WeekBars(id="weeks")
        yield Static(id="trend-text")

    def on_resize(self) -> None:
        self._fit_chart()

    def _fit_chart(self) -> None:
        """The chart takes the room the pane has, less what must show below it: at least a row a point."""
        chart = self.query_one("#chart", TrendChart)
        extra = extra_lines(chart.points)
        rows = chart_height(self.size.height - ABOVE_AND_BELOW_CHART - extra)
        chart.styles.height = rows + extra

    @property
    def days(self) -> int:
        value: int = self.query_one("#period", Segmented).value
        return value

    def show(self, entries: Sequence[AnyEntry], today: date, goal: int) -> None:
        self._entries = list(entries)
        self._today = today
        self._goal = goal
        self._refresh()

    def _refresh(self) -> None:
        start = self._today - timedelta(days=self.days - 1)
        points = tuple(daily_series(self._entries, start, self._today))
        self.query_one("#chart", TrendChart).points = points
        self._fit_chart()
        summary = summarize(self._entries, self._today, days=self.days, goal=self._goal)
        self.query_one("#weeks", WeekBars).weeks = tuple(summary.weeks)
        lines = [describe_chart(points, self._today), *summary_lines(summary)]
        self.query_one("#trend-text", Static).update(Content("\n").join(Content(line) for line in lines))

    @on(Segmented.Changed, "#period")
    def _period_changed(self) -> None:
        self.post_message(NeedsDays(self.days))
        self._refresh()

    def action_next_period(self) -> None:
        self.query_one("#period", Segmented).cycle()

    def action_next_goal(self) -> None:
        self.post_message(GoalChosen(self._goal + 1 if self._goal < GOAL_MOST else 1))
