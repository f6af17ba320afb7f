"""Reviews at the weeks a programme names: is one due, what to ask, and what the coach suggests.

Pure. A review is due from the last day of its week until it is done (the latest one due, if several
were missed). What it shows: the change in pain since the programme started (``insights.pain_change``,
the meaningful-change rule), the latest weekly check, the sessions done against planned, and each goal.

The suggestion, with its reasons (the person chooses; this informs, it does not diagnose):

- **see a professional** when pain has risen by ``RISE_POINTS`` (1) or more since the first week, the
  weekly check says worse overall, two sessions in a row were red (content brief 4.2), new or spreading
  leg symptoms were logged, or at the last review there has been no meaningful improvement and the weekly
  check is no better;
- **ease off** when a session since the last review was red, or at least half of them were amber;
- **keep going** otherwise.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trainer.catalog.programme import ReviewPoint
from trainer.engine.insights import PainChange, pain_change
from trainer.engine.ladders import Standing, dose_label, week_days
from trainer.engine.pain_rule import SessionVerdict
from trainer.journal.coach_models import Decision, Goal, Review, ReviewOutcome
from trainer.journal.models import AnyEntry, SessionRecord, WeeklyCheck

RISE_POINTS = 1.0
WORSE_OVERALL = frozenset({"worse", "much-worse"})
BETTER_OVERALL = frozenset({"a-little-better", "better", "much-better"})


def review_day(started: date, point: ReviewPoint) -> date:
    """The day a review is due from: the last day of its week."""
    return week_days(started, point.week)[1]


def reviews_done(standing: Standing, reviews: Sequence[Review]) -> set[int]:
    return {
        review.week
        for review in reviews
        if review.programme_id == standing.programme.id and review.at.date() >= standing.progress.started
    }


def review_due(standing: Standing, reviews: Sequence[Review], today: date) -> ReviewPoint | None:
    """The latest review whose day has come and that is not done (none once a later one is done)."""
    done = reviews_done(standing, reviews)
    due = [point for point in standing.programme.reviews if review_day(standing.progress.started, point) <= today]
    if not due or (done and max(done) >= due[-1].week):
        return None
    return due[-1] if due[-1].week not in done else None


def next_review(standing: Standing, reviews: Sequence[Review], today: date) -> ReviewPoint | None:
    """The review due now, or else the next one to come."""
    due = review_due(standing, reviews, today)
    if due is not None:
        return due
    done = reviews_done(standing, reviews)
    latest = max(done, default=0)
    return next(
        (
            point
            for point in standing.programme.reviews
            if point.week > latest and review_day(standing.progress.started, point) > today
        ),
        None,
    )


@dataclass(frozen=True)
class ReviewQuestions:
    """Everything a review screen shows and asks."""

    programme_id: str
    point: ReviewPoint
    due_since: date
    change: PainChange
    """Pain now, the first week of the programme against the last 7 days."""
    latest_weekly: WeeklyCheck | None
    weekly_check_due: bool
    """No weekly check in the last 7 days: ask it as part of the review."""
    goals: tuple[Goal, ...]
    last_ratings: Mapping[str, int]
    """Each goal's rating at the review before, by its text."""
    colours: Mapping[str, int]
    """Sessions since the last review by colour (green, amber, red)."""
    sessions_done: int
    sessions_planned: int
    suggested: ReviewOutcome
    reasons: tuple[str, ...]

    @property
    def week(self) -> int:
        return self.point.week

    @property
    def trend(self) -> str:
        return self.change.describe()


def review_questions(
    point: ReviewPoint,
    standing: Standing,
    entries: Sequence[AnyEntry],
    verdicts: Sequence[SessionVerdict],
    today: date,
) -> ReviewQuestions:
    """The questions of the review at ``point``; ``verdicts``: the programme's sessions, oldest first."""
    started = standing.progress.started
    since_start = [entry for entry in entries if entry.at.date() >= started]
    change = pain_change(since_start, today)
    reviews = sorted((entry for entry in entries if isinstance(entry, Review)), key=lambda review: review.at)
    earlier = [
        review for review in reviews if review.programme_id == standing.programme.id and review.week < point.week
    ]
    last_review_day = earlier[-1].at.date() if earlier else started
    recent = [verdict for verdict in verdicts if verdict.session.at.date() >= last_review_day]
    weeklies = sorted((entry for entry in since_start if isinstance(entry, WeeklyCheck)), key=lambda entry: entry.at)
    latest_weekly = weeklies[-1] if weeklies else None
    weekly_due = latest_weekly is None or (today - latest_weekly.at.date()) >= timedelta(days=7)
    colours = {colour: sum(verdict.colour == colour for verdict in recent) for colour in ("green", "amber", "red")}
    planned = sum(
        standing.programme.phase_of_week(week).sessions_per_week for week in range(1, min(point.week, 52) + 1)
    )
    done = sum(1 for entry in since_start if isinstance(entry, SessionRecord) and entry.counts)
    last = point == standing.programme.reviews[-1]
    weekly = latest_weekly if not weekly_due else None
    suggested, reasons = suggest_outcome(change, weekly, recent, colours, last, first=not earlier)
    return ReviewQuestions(
        programme_id=standing.programme.id,
        point=point,
        due_since=review_day(started, point),
        change=change,
        latest_weekly=latest_weekly,
        weekly_check_due=weekly_due,
        goals=tuple(standing.progress.answers.goals),
        last_ratings={rating.goal: rating.rating for rating in (earlier[-1].goals if earlier else [])},
        colours=colours,
        sessions_done=done,
        sessions_planned=planned,
        suggested=suggested,
        reasons=tuple(reasons),
    )


def suggest_outcome(
    change: PainChange,
    weekly: WeeklyCheck | None,
    recent: Sequence[SessionVerdict],
    colours: Mapping[str, int],
    last: bool,
    *,
    first: bool = False,
) -> tuple[ReviewOutcome, list[str]]:
    """What the coach suggests at a review, and every reason for it (``first``: no review before this one, so
    the sessions counted are those since the start)."""
    since = "since the start" if first else "since the last review"
    professional: list[str] = []
    if change.enough_data and change.points is not None and -change.points >= RISE_POINTS:
        professional.append(f"Your pain has gone up since the start of the programme ({change.change_text()}).")
    if weekly is not None and weekly.global_change in WORSE_OVERALL:
        professional.append("Your weekly check says your back is worse overall.")
    if any(first.colour == second.colour == "red" for first, second in zip(recent, recent[1:], strict=False)):
        professional.append("Two sessions in a row were red.")
    if any(verdict.leg_signs for verdict in recent):
        professional.append("You logged new or spreading leg symptoms.")
    no_better = not change.meaningful and (weekly is None or weekly.global_change not in BETTER_OVERALL)
    if last and no_better:
        professional.append(
            "After twelve weeks there is no clear improvement yet, so it is worth asking what else could help."
        )
    if professional:
        return "see-professional", professional
    judged = sum(colours.values())
    if colours.get("red"):
        return "ease-off", [f"{'A session' if colours['red'] == 1 else 'Some sessions'} {since} went red."]
    if judged and colours.get("amber", 0) * 2 >= judged:
        return "ease-off", [f"At least half of your sessions {since} were amber."]
    reasons = [f"Your sessions {since} were mostly green."] if judged else []
    if change.meaningful:
        reasons.append("Your pain has come down by a meaningful amount.")
    elif no_better:
        reasons.append(
            "Things are no better yet. That is common early on; if it is still so at the next review, "
            "talk to a physiotherapist or your doctor."
        )
    return "keep-going", reasons or ["Nothing in your journal says to change course."]


def ease_off_decisions(standing: Standing, week: int, at: datetime) -> list[Decision]:
    """Easing off at a review: one rung down on every ladder that is not already at its first rung."""
    entries = []
    for ladder in standing.ladders():
        rung = standing.rung(ladder)
        if rung == 0:
            continue
        before, after = standing.dose(ladder), standing.dose(ladder, rung - 1)
        entries.append(
            Decision(
                at=at,
                programme_id=standing.programme.id,
                exercise_id=ladder.exercise,
                name=standing.exercises[ladder.exercise].name,
                source="review",
                from_rung=rung,
                from_dose=dose_label(before),
                proposed_rung=rung - 1,
                proposed_dose=dose_label(after),
                to_rung=rung - 1,
                to_dose=dose_label(after),
                choice="easier",
                reason=f"At the week {week} review you chose to ease off: one rung down on each exercise.",
            )
        )
    return entries
