"""Entries in plain words, for lists, detail views and the shell."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from trainer.journal.coach_models import CHOICE_LABELS, OUTCOME_LABELS, Decision, Review
from trainer.journal.models import (
    ACTIVITY_QUESTION,
    ENJOYMENT_QUESTION,
    GLOBAL_CHANGE_LABELS,
    GLOBAL_CHANGE_QUESTION,
    LOCATION_LABELS,
    AnyEntry,
    CheckIn,
    Location,
    SessionRecord,
    WeeklyCheck,
)
from trainer.wording import format_day

KIND_LABELS = {
    "check-in": "check-in",
    "weekly-check": "weekly check",
    "session": "session",
    "decision": "dose decision",
    "review": "review",
}
SOURCE_LABELS = {"session": "after a session", "morning": "the next morning", "review": "at a review"}
ENDED_LABELS = {
    "finished": "finished",
    "stopped-pain": "stopped for pain",
    "stopped-choice": "stopped early",
}


def places_text(where: Iterable[Location]) -> str:
    """``lower back centre and left, left leg below knee``: each area once, its parts after it."""
    parts_by_area: dict[str, list[str]] = {}
    for place in where:
        area, _, part = LOCATION_LABELS[place].partition(", ")
        parts_by_area.setdefault(area, []).extend([part] if part else [])
    return ", ".join(" ".join([area, " and ".join(parts)]).strip() for area, parts in parts_by_area.items())


def entry_pain(entry: AnyEntry) -> str:
    """The pain figure a list shows for an entry ('' when it has none)."""
    if isinstance(entry, CheckIn):
        return f"{entry.pain_now}/10"
    if isinstance(entry, SessionRecord):
        before, after = entry.pain_before, entry.pain_after
        if before is not None and after is not None:
            return f"{before}→{after}"
        return "" if before is None else f"{before}/10"
    return ""


def entry_summary(entry: AnyEntry) -> str:
    """One line of the most useful details."""
    if isinstance(entry, CheckIn):
        parts = [places_text(entry.where)] if entry.where else []
        if entry.leg_symptoms:
            parts.append("leg: " + ", ".join(entry.leg_symptoms))
        if entry.walked_minutes:
            parts.append(f"walked {entry.walked_minutes} min")
        if entry.session_worse is not None:
            parts.append("worse than before the session" if entry.session_worse else "not worse after the session")
        if entry.notes:
            parts.append(entry.notes.replace("\n", " "))
        return "; ".join(parts)
    if isinstance(entry, Decision):
        return decision_summary(entry)
    if isinstance(entry, Review):
        return review_summary(entry)
    if isinstance(entry, SessionRecord):
        if not entry.counts:  # a few seconds' try: kept, but not a session that counts towards goals
            return f"{entry.title}: started, {entry.completion:.0%} done (not counted)"
        text = f"{entry.title}, {entry.minutes:.0f} min, {ENDED_LABELS[entry.ended_how]}"
        if entry.ended_how != "finished" or entry.skipped_some:
            text += f"{' with skips' if entry.skipped_some else ''}, {entry.completion:.0%} done"
        return text
    return (
        f"activities {entry.activity_interference}/10, enjoyment {entry.enjoyment_interference}/10, "
        f"overall {GLOBAL_CHANGE_LABELS[entry.global_change]}"
    )


def entry_details(entry: AnyEntry) -> list[tuple[str, str]]:
    """Label/value pairs for a detail view; empty answers are left out."""
    rows: list[tuple[str, str]] = [("When", f"{entry.at:%A %d %B %Y, %H:%M}")]
    if isinstance(entry, CheckIn):
        rows.append(("Pain now", f"{entry.pain_now} / 10"))
        if entry.pain_average is not None:
            rows.append(("Average, last 24 h", f"{entry.pain_average} / 10"))
        if entry.where:
            rows.append(("Where", places_text(entry.where)))
        if entry.leg_symptoms:
            rows.append(("Leg symptoms", ", ".join(entry.leg_symptoms)))
        if entry.helped:
            rows.append(("What helped", ", ".join(entry.helped)))
        if entry.triggers:
            rows.append(("Triggers", ", ".join(entry.triggers)))
        if entry.walked_minutes is not None:
            rows.append(("Walked", f"{entry.walked_minutes} min"))
        if entry.sleep_quality is not None:
            rows.append(("Sleep quality", f"{entry.sleep_quality} / 10"))
        if entry.session_worse is not None:
            rows.append(("Worse than before the session", "yes" if entry.session_worse else "no"))
        if entry.notes:
            rows.append(("Notes", entry.notes))
    elif isinstance(entry, Decision):
        rows += decision_details(entry)
    elif isinstance(entry, Review):
        rows += review_details(entry)
    elif isinstance(entry, SessionRecord):
        rows.append(("Session", entry.title))
        rows.append(("Length", f"{entry.minutes:.0f} min ({entry.completion:.0%} of the plan)"))
        ended = ENDED_LABELS[entry.ended_how]
        if entry.stop_reason:
            ended += f" ({entry.stop_reason.replace('-', ' ')})"
        rows.append(("Ended", ended))
        for label, value in (
            ("Pain before", entry.pain_before),
            ("Peak pain", entry.pain_peak),
            ("Pain after", entry.pain_after),
            ("How hard it felt", entry.effort),
        ):
            if value is not None:
                rows.append((label, f"{value} / 10"))
        for done in entry.exercises:
            rows.append((done.name, f"{done.sets_done} of {done.sets_planned} sets"))
        if entry.note:
            rows.append(("Note", entry.note))
    elif isinstance(entry, WeeklyCheck):
        rows.append((ACTIVITY_QUESTION, f"{entry.activity_interference} / 10"))
        rows.append((ENJOYMENT_QUESTION, f"{entry.enjoyment_interference} / 10"))
        rows.append((GLOBAL_CHANGE_QUESTION, GLOBAL_CHANGE_LABELS[entry.global_change]))
    return rows


def decision_summary(decision: Decision) -> str:
    """``Bird-dog: 1x6 → 1x8 each side (green, accepted)``, or what was kept instead of the proposal."""
    why = ", ".join(part for part in (decision.verdict, CHOICE_LABELS[decision.choice]) if part)
    if decision.changed:
        return f"{decision.name}: {decision.from_dose} → {decision.to_dose} ({why})"
    if decision.proposed_rung != decision.from_rung:
        return f"{decision.name}: kept {decision.from_dose}, not {decision.proposed_dose} ({why})"
    return f"{decision.name}: {decision.from_dose}, the same ({why})"


def decision_details(decision: Decision) -> list[tuple[str, str]]:
    rows = [
        ("Exercise", decision.name),
        ("When decided", SOURCE_LABELS[decision.source]),
    ]
    if decision.verdict is not None:
        rows.append(("Verdict", decision.verdict))
    rows += [
        ("Dose before", decision.from_dose),
        ("Proposed", decision.proposed_dose),
        ("Chosen", CHOICE_LABELS[decision.choice]),
        ("Dose now", decision.to_dose),
        ("Why", decision.reason),
    ]
    return rows


def _goal_label(goal: str, target: date | None) -> str:
    return goal + (f" (by {format_day(target)})" if target is not None else "")


def review_summary(review: Review) -> str:
    """``Week 6 review: keep going; goals: carry the shopping 6/10``."""
    parts = [f"Week {review.week} review: {OUTCOME_LABELS[review.outcome]}"]
    if review.goals:
        parts.append("goals: " + ", ".join(f"{rating.goal} {rating.rating}/10" for rating in review.goals))
    return "; ".join(parts)


def review_details(review: Review) -> list[tuple[str, str]]:
    rows = [("Week of the programme", str(review.week)), ("Change in pain", review.trend)]
    for label, value in (
        ("First week, average", review.first_week_average),
        ("Last 7 days, average", review.last_week_average),
    ):
        if value is not None:
            rows.append((label, f"{value:.1f} / 10"))
    for rating in review.goals:
        rows.append((_goal_label(rating.goal, rating.target), f"{rating.rating} / 10"))
    rows.append(("The coach suggested", OUTCOME_LABELS[review.suggested]))
    rows.append(("Chosen", OUTCOME_LABELS[review.outcome]))
    for reason in review.reasons:
        rows.append(("Reason", reason))
    if review.notes:
        rows.append(("Notes", review.notes))
    return rows
