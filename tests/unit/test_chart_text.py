"""The Trends chart as text: rows for 0-10, the average drawn over the bars, dates with months and years,
and sessions per week as bars against the goal."""

from __future__ import annotations

from datetime import date, timedelta

from trainer.engine.insights import DayPoint, WeekCount, daily_series
from trainer.widgets.chart_text import (
    LINE,
    LINE_GLYPHS,
    MIN_ROWS,
    Column,
    axis_rows,
    chart_height,
    chart_rows,
    columns,
    week_rows,
)
from trainer.widgets.trend_chart import describe_chart

TODAY = date(2026, 11, 24)


def points(days: int, pain: float | None = 4.0, rolling: float | None = 4.0) -> list[DayPoint]:
    start = TODAY - timedelta(days=days - 1)
    return [DayPoint(start + timedelta(days=n), pain, rolling, n % 3 == 0, 1) for n in range(days)]


def test_the_chart_uses_the_height_it_has_and_never_less_than_a_row_a_point() -> None:
    assert chart_height(4) == MIN_ROWS == 10
    assert chart_height(17) == 15 and chart_height(40) == 20
    rows = [row.plain for row in chart_rows(columns(points(30), 30), 10)]
    assert len(rows) == 10
    labels = [row[:2] for row in rows]
    assert labels == ["10", "  ", " 8", "  ", " 6", "  ", " 4", "  ", " 2", " 0"]


def test_the_average_line_stays_visible_over_a_taller_bar() -> None:
    tall = Column(TODAY, TODAY, pain=8.0, rolling=4.5, session=False)
    rows = chart_rows([tall], 10)
    line_row = rows[10 - 1 - 4]  # 4.5 is in the fifth row from the bottom
    cell = line_row.plain[3]
    assert cell in LINE_GLYPHS
    styles = [str(span.style) for span in line_row.spans if span.start <= 3 < span.end]
    assert any(LINE in style for style in styles)  # the line's own colour, on the bar's
    assert all(row.plain[3] != " " for row in rows[2:])  # and the bar goes on above and below it


def test_a_year_of_days_names_the_months_and_the_years() -> None:
    year = points(365)
    cols = columns(year, 73)
    first, years = (row.plain for row in axis_rows(cols, 1))
    assert first.strip().startswith("25 Nov") and first.rstrip().endswith("24 Nov")
    assert "Jan" in first and "Jun" in first
    assert years.split() == ["2025", "2026"]
    assert first.index("Jan") == years.index("2026")  # the new year under its January
    assert describe_chart(year, TODAY).startswith("The chart shows daily pain from Tue 25 Nov 2025 to Tue 24 Nov 2026")


def test_a_month_in_one_year_has_one_axis_line_without_years() -> None:
    month = points(30)
    (axis,) = axis_rows(columns(month, 60), 2)
    assert axis.plain.split() == ["26", "Oct", "Nov", "24", "Nov"]
    assert "2026" not in describe_chart(month, TODAY)


def test_sessions_per_week_are_bars_with_the_goal_marked() -> None:
    monday = date(2026, 10, 26)
    weeks = [WeekCount(monday + timedelta(weeks=n), count, 3) for n, count in enumerate([2, 3, 4, 1, 0])]
    rows = [row.plain for row in week_rows(weeks, 60)]
    assert rows[0].startswith("        ") and rows[0].split() == ["███"]  # only the week of 4 reaches 4
    goal = rows[1]
    assert goal.startswith("goal 3") and goal.count("┄") == 3 * 3  # the goal line across the three short weeks
    assert rows[-2].split() == ["2", "3", "4", "1", "0"]
    assert rows[-1].split()[:2] == ["26", "Oct"] and rows[-1].endswith("this week")


def test_the_series_feeds_the_chart() -> None:
    from tests.unit.journal_builders import check_in

    entries = [check_in(TODAY - timedelta(days=n), 5) for n in range(10)]
    series = daily_series(entries, TODAY - timedelta(days=29), TODAY)
    assert len(columns(series, 30)) == 30
