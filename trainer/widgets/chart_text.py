"""The text of the Trends charts, built from plain values (no widget, no app): bars, the average line, the
date axis, and the sessions-per-week bars with the goal marked. ``TrendChart`` and ``WeekBars`` draw these
at the size they have; the unit tests read them as plain text.

Drawn with block and line characters so it works in any terminal (and 16 colours); the same facts are
always given in words beside it for people who cannot see the colours or shapes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from textual.content import Content

from trainer.engine.insights import DayPoint, WeekCount
from trainer.wording import day_month, month_name

EIGHTHS = " ▁▂▃▄▅▆▇█"
AXIS_WIDTH = 3
MIN_ROWS = 10
"""At least a row a point of pain (0-10) whenever the chart is drawn."""
MAX_ROWS = 20
BAR = "$primary 60%"
BAR_BACKGROUND = "on $primary 60%"
LINE = "bold $accent"
LINE_GLYPHS = ("▁", "━", "▔")
"""The average line at the bottom, middle or top of its row: three steps a row instead of one."""
SESSION = "$success"
MUTED = "$foreground-muted"
WEEK_LABEL_WIDTH = 8
MAX_WEEK_ROWS = 7


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


def chart_height(available: int) -> int:
    """Rows for the bars: the room there is, from ``MIN_ROWS`` (a row a point) to ``MAX_ROWS``, in steps of 5
    (a whole number of rows for every 2 points, so each label of the axis sits on a row of its own)."""
    return max(MIN_ROWS, min(MAX_ROWS, available)) // 5 * 5


def _axis_label(row: int, height: int) -> str:
    """``0`` at the bottom, then every 2 points (every 5 on a short chart), each in the row a bar of that
    value reaches up to."""
    if row == 0:
        return " 0"
    step = 2 if height >= MIN_ROWS else 5
    for value in range(step, 11, step):
        if (row + 1) * 10 == value * height:
            return f"{value:>2}"
    return "10" if row == height - 1 else "  "


def line_cell(rolling: float | None, height: int, row: int) -> str | None:
    """The average line's glyph in this row, or None when the line is in another row."""
    if rolling is None:
        return None
    position = max(0.0, min(float(height), rolling / 10 * height))
    line_row = min(height - 1, int(position))
    if line_row != row:
        return None
    within = position - line_row  # 0 (bottom of the row) to 1 (top)
    return LINE_GLYPHS[min(2, int(within * 3))]


def chart_rows(cols: Sequence[Column], height: int, spread: int = 1) -> list[Content]:
    """The chart body: ``height`` rows of bars with the average line drawn over them, top row first.
    Where the line crosses a bar it keeps its colour on the bar's, so it never disappears behind one."""
    rows = []
    for row in reversed(range(height)):
        parts: list[tuple[str, str] | str] = [(f"{_axis_label(row, height)} ", MUTED)]
        for column in cols:
            eighths = 0 if column.pain is None else round(column.pain / 10 * height * 8)
            fill = max(0, min(8, eighths - row * 8))
            glyph = line_cell(column.rolling, height, row)
            if glyph is not None:
                parts.append((glyph * spread, LINE + (f" {BAR_BACKGROUND}" if fill >= 4 else "")))
            elif fill:
                parts.append((EIGHTHS[fill] * spread, BAR))
            else:
                parts.append(" " * spread)
        rows.append(Content.assemble(*parts))
    return rows


def session_row(cols: Sequence[Column], spread: int) -> Content:
    return Content.assemble(
        " " * AXIS_WIDTH, *(("•" * spread if column.session else " " * spread, SESSION) for column in cols)
    )


def _place(line: list[str], taken: list[bool], start: int, text: str) -> bool:
    """Write ``text`` at ``start`` if it fits with a space on each side of what is already there."""
    end = start + len(text)
    if start < 0 or end > len(line) or any(taken[max(0, start - 1) : min(len(line), end + 1)]):
        return False
    line[start:end] = list(text)
    taken[start:end] = [True] * len(text)
    return True


def axis_rows(cols: Sequence[Column], spread: int) -> list[Content]:
    """Under the chart: its first and last day, the start of each month between them, and, when the
    period crosses into another year, a second line with the years (each under where it begins)."""
    if not cols:
        return []
    width = len(cols) * spread
    line, taken = [" "] * width, [False] * width
    first, last = cols[0].first, cols[-1].last
    _place(line, taken, 0, day_month(first))
    end = day_month(last)
    _place(line, taken, max(0, width - len(end)), end)
    years = [(0, first.year)]
    for index, column in enumerate(cols):
        month_start = _first_of_month_in(column.first, column.last)
        if month_start is None or index == 0:
            continue
        if month_start.month == 1:
            years.append((index * spread, month_start.year))
        _place(line, taken, index * spread, month_name(month_start.month))
    rows = [Content.styled(" " * AXIS_WIDTH + "".join(line), MUTED)]
    if first.year != last.year:
        year_line, year_taken = [" "] * width, [False] * width
        for start, year in years:
            _place(year_line, year_taken, start, str(year))
        rows.append(Content.styled(" " * AXIS_WIDTH + "".join(year_line), MUTED))
    return rows


def _first_of_month_in(first: date, last: date) -> date | None:
    """The 1st of a month between ``first`` and ``last`` (inclusive), if there is one."""
    candidate = first if first.day == 1 else (first.replace(day=1) + timedelta(days=32)).replace(day=1)
    return candidate if candidate <= last else None


def legend() -> Content:
    return Content.assemble(
        " " * AXIS_WIDTH,
        ("▆", BAR),
        " daily pain   ",
        ("━", LINE),
        " 7-day average   ",
        ("•", SESSION),
        " session day",
    )


# --- sessions per week -------------------------------------------------------------------------


def week_rows(weeks: Sequence[WeekCount], width: int) -> list[Content]:
    """One bar a week (oldest on the left, this week on the right), a row a session, with the goal marked
    by a dotted line across the weeks that did not reach it; a full bar in green is a week that did.
    The count of each week is written under its bar when there is room."""
    if not weeks:
        return []
    goal = weeks[-1].goal
    most = max(week.sessions for week in weeks)
    height = max(1, min(MAX_WEEK_ROWS, max(goal, most)))
    per_week = max(1, min(4, (width - WEEK_LABEL_WIDTH) // len(weeks)))
    bar = max(1, per_week - 1) if per_week > 1 else 1
    gap = " " * (per_week - bar)
    rows = []
    for level in range(height, 0, -1):
        label = f"goal {goal}" if level == goal else ""
        parts: list[tuple[str, str] | str] = [(f"{label:<{WEEK_LABEL_WIDTH - 1}} ", MUTED)]
        for week in weeks:
            if week.sessions >= level or (level == height and week.sessions > height):
                parts.append(("█" * bar, "$success" if week.met else BAR))
            elif level == goal:
                parts.append(("┄" * bar, MUTED))
            else:
                parts.append(" " * bar)
            parts.append(gap)
        rows.append(Content.assemble(*parts))
    if per_week >= 2:
        counts = "".join(f"{week.sessions if week.sessions < 10 else '+':<{per_week}}" for week in weeks)
        rows.append(Content.styled(" " * WEEK_LABEL_WIDTH + counts, MUTED))
    rows.append(Content.styled(" " * WEEK_LABEL_WIDTH + _weeks_caption(weeks, per_week), MUTED))
    return rows


def _weeks_caption(weeks: Sequence[WeekCount], per_week: int) -> str:
    """``26 Oct`` (the Monday of the first week; with its year when that is not this week's) under the first
    bar and ``this week`` under the last, when there is room for both."""
    width = len(weeks) * per_week
    first, this = weeks[0].week_start, weeks[-1].week_start
    start = day_month(first) + (f" {first.year}" if first.year != this.year else "")
    end = "this week"
    if len(weeks) == 1:
        return end
    if len(start) + len(end) + 1 > width:
        return "oldest to this week"
    return start + " " * (width - len(start) - len(end)) + end
