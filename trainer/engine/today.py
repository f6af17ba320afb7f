"""What the programme says for today: the week of the plan, the phase, the routine and its minutes, the walk,
the sessions this week, the goals and the next review. Pure: ``today`` and ``now`` come in as arguments.

Today's routine: the flare-up routine after a check-in of ``suggest.HIGH_PAIN`` or more in the last 24 hours,
or when the last session with a colour was red (within ``FLARE_DAYS`` days); otherwise the phase's tailored
routines in turn, the one done least recently first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trainer.catalog.models import Routine
from trainer.catalog.programme import Phase, ReviewPoint
from trainer.engine.ladders import Standing, week_days
from trainer.engine.pain_rule import SessionVerdict
from trainer.engine.plan import plan_routine
from trainer.engine.review import next_review, review_day, review_due
from trainer.engine.suggest import HIGH_PAIN
from trainer.engine.tailoring import StartPlan, play_routine
from trainer.engine.walking import WalkingWeek, walking_weeks, week_colour
from trainer.journal.coach_models import Review, Verdict
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord

FLARE_DAYS = 2


@dataclass(frozen=True)
class GoalStatus:
    text: str
    target: date | None
    days_left: int | None
    """Days to the target date (negative once it has passed)."""
    last_rating: int | None
    """The rating at the latest review (0 = cannot do it yet, 10 = easily)."""


@dataclass(frozen=True)
class WalkingToday:
    minutes: int
    """Minutes to walk on a walking day this week."""
    days: int
    """Walking days a week."""
    week_minutes: int
    """This week's target."""
    walked_this_week: int
    """Minutes logged in check-ins this week of the plan."""
    target_per_week: int
    """Where the plan is heading (150)."""
    reason: str


@dataclass(frozen=True)
class Today:
    programme_id: str
    programme_name: str
    week: int
    weeks: int
    phase: Phase
    routine: Routine | None
    """The routine to play today (as in the catalog: the plan builder plays it the programme's way)."""
    routine_reason: str
    minutes: int
    """Today's routine in minutes, at the current doses."""
    sessions_done: int
    sessions_planned: int
    """This week of the plan."""
    done_today: bool
    walking: WalkingToday
    goals: tuple[GoalStatus, ...]
    next_review: ReviewPoint | None
    next_review_day: date | None
    review_due: bool
    last_verdict: SessionVerdict | None

    @property
    def finished(self) -> bool:
        return self.week > self.weeks


def week_colours(verdicts: Sequence[SessionVerdict], started: date, weeks: int) -> list[Verdict | None]:
    """The colour of each week of the plan for walking (a green counts once the next morning settled it)."""
    colours = []
    for week in range(1, weeks + 1):
        first, last = week_days(started, week)
        found: list[Verdict | None] = [
            verdict.colour if verdict.colour != "green" or verdict.settled else None
            for verdict in verdicts
            if first <= verdict.session.at.date() <= last
        ]
        colours.append(week_colour(found))
    return colours


def walking_today(
    standing: Standing, start: StartPlan, verdicts: Sequence[SessionVerdict], check_ins: Sequence[CheckIn], today: date
) -> WalkingToday:
    plan = standing.programme.walking
    week = max(1, min(standing.week(today), standing.programme.weeks))
    colours = week_colours(verdicts, standing.progress.started, week - 1)
    this_week: WalkingWeek = walking_weeks(plan, start.walking.minutes, colours)[-1]
    first, last = week_days(standing.progress.started, week)
    walked = sum(
        check_in.walked_minutes or 0 for check_in in check_ins if first <= check_in.at.date() <= min(last, today)
    )
    reason = start.walking.reason if week == 1 else this_week.reason
    return WalkingToday(
        this_week.minutes, this_week.days, this_week.week_minutes, walked, plan.target_minutes_per_week, reason
    )


def _routine_for_today(
    standing: Standing,
    start: StartPlan,
    routines: Mapping[str, Routine],
    sessions: Sequence[SessionRecord],
    check_ins: Sequence[CheckIn],
    last: SessionVerdict | None,
    flare_routine: str | None,
    now: datetime,
) -> tuple[Routine | None, str]:
    flare = routines.get(flare_routine) if flare_routine else None
    latest = max(check_ins, key=lambda check_in: check_in.at, default=None)
    if flare is not None and latest is not None and latest.pain_now >= HIGH_PAIN and now - latest.at < timedelta(1):
        return flare, f"Your pain was {latest.pain_now}/10 at your last check-in: gentle moves today."
    if (
        flare is not None
        and last is not None
        and last.colour == "red"
        and (now.date() - last.session.at.date()).days <= FLARE_DAYS
    ):
        return flare, "Your last session was red: gentle moves today, and have a look at your flare plan."
    phase = standing.phase(now.date())
    rotation = [routine_id for routine_id in start.routines_for(phase.id) if routine_id in routines]
    if not rotation:
        return None, "None of this phase's routines suits your answers: choose one from the Library."
    last_done = {session.routine_id: session.at for session in sessions if session.counts}
    never = [routine_id for routine_id in rotation if routine_id not in last_done]
    if never:
        reason = "next in this phase" if len(never) < len(rotation) else "the first routine of this phase"
        return routines[never[0]], f"{phase.name}: {reason}."
    oldest = min(rotation, key=lambda routine_id: last_done[routine_id])
    return routines[oldest], f"{phase.name}: the one you have done least recently."


def today_plan(
    standing: Standing,
    start: StartPlan,
    routines: Mapping[str, Routine],
    entries: Sequence[AnyEntry],
    verdicts: Sequence[SessionVerdict],
    now: datetime,
    *,
    get_ready_seconds: float,
    flare_routine: str | None = None,
) -> Today:
    """``entries``: the journal from a week before the start; ``verdicts``: the programme's sessions, oldest
    first."""
    today = now.date()
    programme, started = standing.programme, standing.progress.started
    week = max(1, standing.week(today))
    phase = programme.phase_of_week(week)
    sessions = sorted((entry for entry in entries if isinstance(entry, SessionRecord)), key=lambda entry: entry.at)
    sessions = [session for session in sessions if session.at.date() >= started]
    check_ins = [entry for entry in entries if isinstance(entry, CheckIn)]
    judged = [verdict for verdict in verdicts if verdict.colour is not None]
    last = judged[-1] if judged else None
    routine, reason = _routine_for_today(standing, start, routines, sessions, check_ins, last, flare_routine, now)
    minutes = 0
    if routine is not None:
        played, _ = play_routine(
            routine, standing, standing.progress.answers, ladders=routine.id in programme.routine_ids
        )
        if played.items:
            plan = plan_routine(played, standing.exercises, standing.personal, get_ready_seconds=get_ready_seconds)
            minutes = max(1, round(plan.minutes))
    first, last_day = week_days(started, min(week, programme.weeks))
    done = [session for session in sessions if session.counts and first <= session.at.date() <= last_day]
    reviews = [entry for entry in entries if isinstance(entry, Review)]
    point = next_review(standing, reviews, today)
    return Today(
        programme_id=programme.id,
        programme_name=programme.name,
        week=week,
        weeks=programme.weeks,
        phase=phase,
        routine=routine,
        routine_reason=reason,
        minutes=minutes,
        sessions_done=len(done),
        sessions_planned=phase.sessions_per_week,
        done_today=any(session.at.date() == today for session in done),
        walking=walking_today(standing, start, verdicts, check_ins, today),
        goals=_goals(standing, reviews, today),
        next_review=point,
        next_review_day=review_day(started, point) if point is not None else None,
        review_due=review_due(standing, reviews, today) is not None,
        last_verdict=last,
    )


def _goals(standing: Standing, reviews: Sequence[Review], today: date) -> tuple[GoalStatus, ...]:
    ratings: dict[str, int] = {}
    for review in sorted(reviews, key=lambda review: review.at):
        for rating in review.goals:
            ratings[rating.goal] = rating.rating
    return tuple(
        GoalStatus(
            goal.text,
            goal.target,
            (goal.target - today).days if goal.target is not None else None,
            ratings.get(goal.text),
        )
        for goal in standing.progress.answers.goals
    )
