"""The coach's part of the clinician report: the dose history and the goals with their ratings.

Every accepted (or chosen) change of dose is listed with its date and the coach's reason; doses kept as
they were are counted, not listed. The goals are the person's words: escaped like every other text they
typed, so they show literally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from trainer.journal.coach_models import CHOICE_LABELS, REVIEW_OUTCOME_LABELS, Decision, Goal, Review
from trainer.journal.models import AnyEntry
from trainer.reports.text import escape_markdown
from trainer.wording import format_date, plural


def dose_history(period: Iterable[AnyEntry]) -> str | None:
    """The dose history section, or None when the coach made no decision in the period."""
    decisions = sorted((entry for entry in period if isinstance(entry, Decision)), key=lambda entry: entry.at)
    if not decisions:
        return None
    changes = [decision for decision in decisions if decision.changed]
    kept = len(decisions) - len(changes)
    lines = [
        "## Dose history (the coach's programme)",
        "",
        "Each change of dose the person chose, oldest first, with the coach's reason. The coach follows the "
        "pain rule: up one step after two green sessions, the same after amber, down after red; nothing "
        "changes unless the person agrees.",
        "",
    ]
    if changes:
        lines += ["| Date | Exercise | From | To | Choice | Reason |", "|---|---|---|---|---|---|"]
        for decision in changes:
            cells = [
                format_date(decision.at.date()),
                escape_markdown(decision.name),
                escape_markdown(decision.from_dose),
                escape_markdown(decision.to_dose),
                CHOICE_LABELS[decision.choice],
                escape_markdown(decision.reason),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    else:
        lines.append("No change of dose in this period.")
    if kept:
        lines += ["", f"Doses kept as they were when the coach proposed a change or a hold: {kept}."]
    return "\n".join(lines)


def goals_and_reviews(goals: Sequence[Goal], period: Iterable[AnyEntry]) -> str | None:
    """The goals (the person's own words) with each review's rating, and the reviews; None when there are none."""
    reviews = sorted((entry for entry in period if isinstance(entry, Review)), key=lambda entry: entry.at)
    named: dict[str, Goal] = {goal.text: goal for goal in goals}
    for review in reviews:
        for rating in review.goals:
            named.setdefault(rating.goal, Goal(text=rating.goal, target=rating.target))
    if not named and not reviews:
        return None
    lines = [
        "## Goals and reviews",
        "",
        "Goals in the person's own words; ratings are 0 (cannot do it yet) to 10 (easily).",
    ]
    lines.append("")
    if named:
        for goal in named.values():
            target = f" (by {format_date(goal.target)})" if goal.target is not None else ""
            ratings = [
                f"week {review.week} {rating.rating}/10"
                for review in reviews
                for rating in review.goals
                if rating.goal == goal.text
            ]
            rated = "; ".join(ratings) if ratings else "not rated yet"
            lines.append(f"- **{escape_markdown(goal.text)}**{target}: {rated}")
    else:
        lines.append("No goals set.")
    if reviews:
        lines += ["", f"Reviews ({plural(len(reviews), 'review')}):", ""]
        for review in reviews:
            chosen = REVIEW_OUTCOME_LABELS[review.outcome]
            suggested = (
                ""
                if review.suggested == review.outcome
                else f" (the coach suggested {REVIEW_OUTCOME_LABELS[review.suggested]})"
            )
            when = f"Week {review.week}, {format_date(review.at.date())}"
            lines.append(f"- {when}: {chosen}{suggested}. {escape_markdown(review.trend)}")
            for reason in review.reasons:
                lines.append(f"  - {escape_markdown(reason)}")
    return "\n".join(lines)
