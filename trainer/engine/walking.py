"""The walking plan: minutes on each walking day, from the person's own baseline towards the weekly target.

Pure. Week 1 starts a little below the baseline (``WalkingPlan.start_share`` of it, at least the plan's
minimum, at most a day's share of the target); each later week follows the sessions of the week before
(the one pain rule, as for the ladders): all green -> ``weekly_step_minutes`` more; any amber -> the same;
any red -> a step back; nothing to judge -> the same. It never goes past a day's share of the target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from trainer.catalog.programme import WalkingPlan
from trainer.journal.coach_models import Verdict
from trainer.wording import plural


@dataclass(frozen=True)
class WalkingWeek:
    week: int
    minutes: int
    """Minutes on each walking day."""
    days: int
    reason: str

    @property
    def week_minutes(self) -> int:
        return self.minutes * self.days


def walking_start(plan: WalkingPlan, baseline: int | None) -> int:
    """Week 1's minutes a day: a little below the baseline (the plan's default when none is known)."""
    base = baseline if baseline is not None else plan.default_baseline_minutes
    return max(plan.min_minutes, min(plan.daily_target, round(base * plan.start_share)))


def week_colour(colours: Sequence[Verdict | None]) -> Verdict | None:
    """A week's colour for walking: red if any session was red, amber if any was amber, green if at least one
    settled green and nothing else, None when nothing could be judged."""
    judged = [colour for colour in colours if colour is not None]
    if "red" in judged:
        return "red"
    if "amber" in judged:
        return "amber"
    return "green" if judged else None


def walking_weeks(plan: WalkingPlan, start: int, colours_by_week: Sequence[Verdict | None]) -> list[WalkingWeek]:
    """Week 1 to ``len(colours_by_week) + 1``; ``colours_by_week[i]`` is week ``i + 1``'s colour."""
    days = plan.days_per_week
    weeks = [WalkingWeek(1, start, days, f"Start with {plural(start, 'minute')} on {days} days this week.")]
    for index, colour in enumerate(colours_by_week):
        minutes = weeks[-1].minutes
        if colour == "green" and minutes < plan.daily_target:
            minutes = min(plan.daily_target, minutes + plan.weekly_step_minutes)
            reason = f"Up {plural(minutes - weeks[-1].minutes, 'minute')} a day: last week was green."
        elif colour == "green":
            reason = f"You have reached {plan.target_minutes_per_week} minutes a week: keep it up."
        elif colour == "red" and minutes > plan.min_minutes:
            minutes = max(plan.min_minutes, minutes - plan.weekly_step_minutes)
            reason = f"Down {plural(weeks[-1].minutes - minutes, 'minute')} a day: last week had a red session."
        elif colour == "red":
            reason = "The same as last week, the shortest walk of the plan: last week had a red session."
        elif colour == "amber":
            reason = "The same as last week: last week had an amber session."
        else:
            reason = "The same as last week: there were no sessions to go by."
        weeks.append(WalkingWeek(index + 2, minutes, days, reason))
    return weeks
