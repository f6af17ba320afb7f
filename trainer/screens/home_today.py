"""Home's Today: what the programme says for today (``services.coach.today()``), in a few short lines.

The week of the plan and the phase go in the box's title; then today's routine with its minutes and reason,
the walk, the sessions this week of the plan with the next review, and each goal with its target date.
Routine and phase names come from content packs and goals from the person: all through ``literal``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.content import Content
from textual.widgets import Static

from trainer.engine.today import GoalStatus, Today
from trainer.widgets.literal import literal
from trainer.wording import format_date, plural


def today_title(today: Today) -> Content:
    if today.finished:
        return Content.assemble("Today · ", literal(today.programme_name), " · all ", str(today.weeks), " weeks done")
    return Content.assemble(f"Today · week {today.week} of {today.weeks} · ", literal(today.phase.name))


def routine_line(today: Today) -> Content:
    if today.routine is None:
        return literal(today.routine_reason)
    done = Content.styled("  Done today.", "$success") if today.done_today else Content()
    return Content.assemble(
        literal(today.routine.name, "bold"),
        (f", about {plural(today.minutes, 'min', 'min')}", "bold"),
        ". ",
        literal(today.routine_reason),
        done,
    )


def walking_line(today: Today) -> Content:
    walk = today.walking
    towards = f"; building to {walk.target_per_week} a week" if walk.week_minutes < walk.target_per_week else ""
    return Content.assemble(
        "Walk ",
        (f"{walk.minutes} min", "bold"),
        f" on {walk.days} days: ",
        (f"{walk.walked_this_week} of {walk.week_minutes} min", "bold"),
        f" this week{towards}.",
    )


def sessions_line(today: Today, day: date) -> Content:
    sessions = Content.assemble(
        f"Sessions in week {min(today.week, today.weeks)}: ",
        (f"{today.sessions_done} of {today.sessions_planned}", "bold"),
        ". ",
    )
    point = today.next_review
    if point is None:
        return sessions
    if today.review_due:
        return Content.assemble(sessions, (f"Week {point.week} review is due: v opens it.", "bold $accent"))
    when = format_date(today.next_review_day, day) if today.next_review_day is not None else "soon"
    return Content.assemble(sessions, f"Next review: week {point.week}, {when}.")


def goal_line(goal: GoalStatus, day: date) -> Content:
    parts: list[Content | str | tuple[str, str]] = ["Goal: ", literal(goal.text, "bold")]
    if goal.target is not None and goal.days_left is not None:
        if goal.days_left > 0:
            left = f"{plural(goal.days_left, 'day')} to go"
        elif goal.days_left == 0:
            left = "today"
        else:
            left = "the date has passed"
        parts.append(f", by {format_date(goal.target, day)} ({left})")
    if goal.last_rating is not None:
        parts.append(f"; {goal.last_rating}/10 at the last review")
    parts.append(".")
    return Content.assemble(*parts)


def today_lines(today: Today, day: date, *, detailed: bool = False) -> list[Content]:
    """The box's lines, most important first; ``detailed`` (a tall terminal) adds what the phase is about."""
    lines = [routine_line(today), walking_line(today), sessions_line(today, day)]
    if detailed:
        lines.insert(0, literal(today.phase.summary, "italic"))
    lines += [goal_line(goal, day) for goal in today.goals]
    if today.finished:
        lines.append(Content("The twelve weeks are done: keep going with any routine, or press p to start again."))
    return lines


class TodayBox(Static):
    """The bordered box on Home; ``show`` fills it, ``set_detailed`` says whether there is room for more."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.detailed = False
        self._shown: tuple[Today, date, tuple[Content, ...]] | None = None

    def show(self, today: Today, day: date, notices: Sequence[Content] = ()) -> None:
        """``notices``: Home's own (the weekly check, a file it cannot read), after the programme's lines."""
        self._shown = (today, day, tuple(notices))
        self._fill()

    def set_detailed(self, detailed: bool) -> None:
        if detailed != self.detailed:
            self.detailed = detailed
            self._fill()

    def _fill(self) -> None:
        if self._shown is None:
            return
        today, day, notices = self._shown
        self.border_title = today_title(today)
        starts = Content.assemble(("s", "bold $accent"), " starts it")
        self.border_subtitle = starts if today.routine is not None else ""
        self.update(Content("\n").join([*today_lines(today, day, detailed=self.detailed), *notices]))
