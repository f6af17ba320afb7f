"""Daily pain as bars with the 7-day average drawn over them and session days marked below; sessions per
week as small bars against the goal. The text itself is built in ``trainer.widgets.chart_text``.

Drawn with block characters so it works in any terminal (and 16 colours); the same facts are always
given in words beside it (``describe_chart``) for people who cannot see the colours or shapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from trainer.engine.insights import DayPoint, WeekCount
from trainer.widgets.chart_text import (
    AXIS_WIDTH,
    MIN_ROWS,
    axis_rows,
    chart_rows,
    columns,
    legend,
    session_row,
    week_rows,
)
from trainer.wording import format_date, format_span, plural


def extra_lines(points: Sequence[DayPoint]) -> int:
    """Lines under the bars: the session days, the date axis (two when the period crosses a year), the legend."""
    crosses = bool(points) and points[0].day.year != points[-1].day.year
    return 3 + crosses


class TrendChart(Widget):
    """Set ``points`` to redraw. The chart uses the height it is given (the Trends pane gives it the room it
    has: at least a row a point of pain)."""

    DEFAULT_CSS = """
    TrendChart {
        height: 13;
        width: 1fr;
    }
    """

    points: reactive[tuple[DayPoint, ...]] = reactive((), layout=False)

    def render(self) -> Content:
        if not self.points:
            return Content.styled("No check-ins in this period yet.", "$foreground-muted")
        height = max(MIN_ROWS // 2, self.size.height - extra_lines(self.points))
        width = max(1, self.size.width - AXIS_WIDTH)
        spread = max(1, min(3, width // len(self.points)))
        cols = columns(self.points, width // spread)
        return Content("\n").join(
            [*chart_rows(cols, height, spread), session_row(cols, spread), *axis_rows(cols, spread), legend()]
        )


class WeekBars(Widget):
    """Sessions per week as small bars, the goal marked; set ``weeks`` to redraw."""

    DEFAULT_CSS = """
    WeekBars {
        height: auto;
        width: 1fr;
    }
    """

    weeks: reactive[tuple[WeekCount, ...]] = reactive((), layout=True)

    def _rows(self, width: int) -> list[Content]:
        title = Content.assemble(
            ("Sessions per week", "bold"),
            (f" (goal {self.weeks[-1].goal}, g changes it)" if self.weeks else "", "bold"),
        )
        return [title, *week_rows(self.weeks, width)]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> Content:
        return Content("\n").join(self._rows(self.content_region.width))


def describe_chart(points: Sequence[DayPoint], today: date | None = None) -> str:
    """The chart in words, for people who cannot see its colours or shapes (with the years when the period
    crosses one)."""
    if not points:
        return "The chart is empty: there are no check-ins in this period."
    crosses = points[0].day.year != points[-1].day.year
    shown_year = None if crosses else today
    logged = [point for point in points if point.pain is not None]
    sessions = sum(point.session for point in points)
    text = (
        f"The chart shows daily pain from {format_span(points[0].day, points[-1].day, today)}: "
        f"{len(logged)} of {len(points)} days have a check-in"
    )
    rolling = [point for point in points if point.rolling is not None]
    if len(rolling) >= 2:
        text += (
            f"; the 7-day average went from {rolling[0].rolling:.1f} ({format_date(rolling[0].day, shown_year)}) "
            f"to {rolling[-1].rolling:.1f} ({format_date(rolling[-1].day, shown_year)})"
        )
    return text + f"; {plural(sessions, 'day')} with a session."
