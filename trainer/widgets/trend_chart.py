"""Daily pain as bars, the 7-day average as a line, session days marked below.

Drawn with block characters so it works in any terminal (and 16 colours);
the same facts are always given in words beside it for people who cannot
see the colours or shapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from trainer.engine.insights import DayPoint
from trainer.wording import format_date, format_span, plural

EIGHTHS = " ▁▂▃▄▅▆▇█"
AXIS_WIDTH = 3


@dataclass(frozen=True)
class Column:
    first: date
    last: date
    pain: float | None
    rolling: float | None
    session: bool


def columns(points: Sequence[DayPoint], width: int) -> list[Column]:
    """Fit the days into at most ``width`` columns (several days share one when needed)."""
    if not points or width <= 0:
        return []
    per_column = max(1, -(-len(points) // width))  # ceiling division
    result = []
    for start in range(0, len(points), per_column):
        group = points[start : start + per_column]
        pains = [point.pain for point in group if point.pain is not None]
        rollings = [point.rolling for point in group if point.rolling is not None]
        result.append(
            Column(
                first=group[0].day,
                last=group[-1].day,
                pain=sum(pains) / len(pains) if pains else None,
                rolling=rollings[-1] if rollings else None,
                session=any(point.session for point in group),
            )
        )
    return result


def chart_rows(cols: Sequence[Column], height: int, spread: int = 1) -> list[Content]:
    """The chart body: ``height`` rows of bars and the average line, top row first."""
    rows = []
    for row in reversed(range(height)):
        label = {height - 1: "10", (height - 1) // 2: " 5", 0: " 0"}.get(row, "  ")
        parts: list[tuple[str, str] | str] = [(f"{label} ", "$text-muted")]
        for column in cols:
            eighths = 0 if column.pain is None else round(column.pain / 10 * height * 8)
            fill = max(0, min(8, eighths - row * 8))
            line_row = None if column.rolling is None else min(height - 1, int(column.rolling / 10 * height))
            if line_row == row:
                style = "bold $accent" + (" on $primary 70%" if fill == 8 else "")
                parts.append(("━" * spread, style))
            elif fill:
                parts.append((EIGHTHS[fill] * spread, "$primary 70%"))
            else:
                parts.append((" " * spread, ""))
        rows.append(Content.assemble(*parts))
    return rows


class TrendChart(Widget):
    """Set ``points`` to redraw; nothing else triggers a redraw."""

    DEFAULT_CSS = """
    TrendChart {
        height: 12;
        width: 1fr;
    }
    """

    points: reactive[tuple[DayPoint, ...]] = reactive((), layout=False)

    def render(self) -> Content:
        if not self.points:
            return Content.styled("No check-ins in this period yet.", "$text-muted")
        chart_height = max(3, self.size.height - 3)
        width = max(1, self.size.width - AXIS_WIDTH)
        spread = max(1, min(3, width // len(self.points)))
        cols = columns(self.points, width // spread)
        rows = chart_rows(cols, chart_height, spread)
        sessions = Content.assemble(
            " " * AXIS_WIDTH, *(("•" * spread if column.session else " " * spread, "$success") for column in cols)
        )
        first, last = self.points[0].day, self.points[-1].day
        left, right = f"{first:%d %b}", f"{last:%d %b}"
        used = len(cols) * spread
        axis = Content.styled(
            " " * AXIS_WIDTH + left + " " * max(1, used - len(left) - len(right)) + right, "$text-muted"
        )
        legend = Content.assemble(
            " " * AXIS_WIDTH,
            ("▆", "$primary 70%"),
            " daily pain   ",
            ("━", "bold $accent"),
            " 7-day average   ",
            ("•", "$success"),
            " session day",
        )
        return Content("\n").join([*rows, sessions, axis, legend])


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
