"""Entries in plain words, for lists, detail views and the shell."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from trainer.journal.coach_models import CHOICE_LABELS, REVIEW_OUTCOME_LABELS, Decision, Review
from trainer.journal.models import (
    ACTIVITY_QUESTION,
    ENJOYMENT_QUESTION,
    GLOBAL_CHANGE_LABELS,
    GLOBAL_CHANGE_QUESTION,
    LEG_SIDE_LABELS,
    LOCATION_LABELS,
    AnyEntry,
    CheckIn,
    ExerciseDone,
    Location,
    ReminderPrompt,
    SessionRecord,
    WeeklyCheck,
)
from trainer.journal.reminders import CHANNEL_LABELS, OUTCOME_LABELS, REMINDER_LABELS
from trainer.wording import format_date, format_minutes, format_moment, format_seconds, plural

KIND_LABELS = {
    "check-in": "check-in",
    "weekly-check": "weekly check",
    "session": "session",
    "reminder": "reminder",
    "decision": "dose decision",
    "review": "review",
}
SOURCE_LABELS = {"session": "after a session", "morning": "the next morning", "review": "at a review"}
ENDED_LABELS = {
    "finished": "finished",
    "stopped-pain": "stopped for pain",
    "stopped-choice": "stopped early",
}


def leg_text(check_in: CheckIn, joiner: str = ", ") -> str:
    """``numbness, tingling (left leg)``: the symptoms, and which leg when it was said ('' without symptoms)."""
    text = joiner.join(check_in.leg_symptoms)
    if text and check_in.leg_side is not None:
        text += f" ({LEG_SIDE_LABELS[check_in.leg_side]})"
    return text


def places_text(where: Iterable[Location]) -> str:
    """``lower back centre and left, left leg below knee``: each area once, its parts after it."""
    parts_by_area: dict[str, list[str]] = {}
    for place in where:
        area, _, part = LOCATION_LABELS[place].partition(", ")
        parts_by_area.setdefault(area, []).extend([part] if part else [])
    return ", ".join(" ".join([area, " and ".join(parts)]).strip() for area, parts in parts_by_area.items())


# --- what a session did -----------------------------------------------------------------------
# Said in reps, holds and sets done, never only as a share of the plan: a session stopped in its
# first set reads "3 reps of Bird-dog", not "7% of the plan" beside "0 of 1 sets".


def duration_text(seconds: float) -> str:
    """``40 s`` under a minute, else ``12 min``."""
    return format_seconds(seconds) if seconds < 60 else format_minutes(seconds)


def _finished(done: ExerciseDone) -> bool:
    return done.sets_planned > 0 and done.sets_done >= done.sets_planned


def _started(done: ExerciseDone) -> bool:
    return bool(done.sets_done or done.reps_done or done.holds_done or done.seconds >= 1)


def work_text(done: ExerciseDone) -> str:
    """What was done of one exercise, in its own unit: ``3 reps``, ``2 holds``, ``40 s``."""
    if done.reps_done:
        return plural(done.reps_done, "rep")
    if done.holds_done:
        return plural(done.holds_done, "hold")
    return format_seconds(done.seconds)


def exercise_progress(done: ExerciseDone) -> str:
    """One exercise of a session record: ``2 of 2 sets, 20 reps``, ``3 reps, not a whole set``, ``not started``."""
    if not _started(done):
        return "not started"
    if not done.sets_done:
        return f"{work_text(done)}, not a whole set"
    sets = f"{done.sets_done} of {plural(done.sets_planned, 'set')}"
    return f"{sets}, {work_text(done)}" if done.reps_done or done.holds_done else sets


def work_done(record: SessionRecord) -> str:
    """What a session did, honestly: ``3 reps of Bird-dog``, ``2 of 6 exercises done, then 3 reps of Dead bug``."""
    if not record.exercises:  # a record without its exercises: only the share of the plan is known
        return f"{record.completion:.0%} of the planned work"
    whole = [done for done in record.exercises if _finished(done)]
    partly = [done for done in record.exercises if _started(done) and not _finished(done)]
    parts = []
    if whole:
        parts.append(f"{len(whole)} of {plural(len(record.exercises), 'exercise')} done")
    if partly:
        parts.append(", ".join(f"{work_text(done)} of {done.name}" for done in partly[:2]))
        if len(partly) > 2:
            parts[-1] += f" and {plural(len(partly) - 2, 'other')}"
    return ", then ".join(parts) if parts else "nothing done yet"


def session_summary(record: SessionRecord) -> str:
    """``Desk break, 4 min, finished``; ``Gentle start, stopped for pain after 1 min: 3 reps of Bird-dog``."""
    length = duration_text(record.minutes * 60)
    # tried and stopped too soon: kept and shown, but it does not count towards goals and streaks
    started = "" if record.counts else " (only started: not counted)"
    if record.ended_how == "finished" and not record.skipped_some:
        return f"{record.title}, {length}, finished"
    if record.ended_how == "finished":
        return f"{record.title}, {length}, finished with skips: {work_done(record)}{started}"
    return f"{record.title}, {ENDED_LABELS[record.ended_how]} after {length}: {work_done(record)}{started}"


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
            parts.append("leg: " + leg_text(entry))
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
        return session_summary(entry)
    if isinstance(entry, ReminderPrompt):
        return prompt_summary(entry)
    return (
        f"activities {entry.activity_interference}/10, enjoyment {entry.enjoyment_interference}/10, "
        f"overall {GLOBAL_CHANGE_LABELS[entry.global_change]}"
    )


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def prompt_summary(prompt: ReminderPrompt) -> str:
    """``Desk break: taken at 14:52, put off twice (tmux popup)``."""
    what = REMINDER_LABELS[prompt.reminder]
    what = what[0].upper() + what[1:]
    if prompt.outcome == "away":
        return f"{what}: you were away, which counts as a break"
    text = f"{what}: {OUTCOME_LABELS[prompt.outcome]}"
    if prompt.outcome == "shown":
        text += " again" if prompt.postpones else ""
        text += f" at {prompt.outcome_at:%H:%M}, no answer yet" if prompt.postpones else ", no answer yet"
    else:
        text += f" at {prompt.outcome_at:%H:%M}"
    if prompt.postpones and prompt.outcome != "postponed":
        text += f", put off {_times(prompt.postpones)}"
    elif prompt.outcome == "postponed" and prompt.postpones > 1:
        text += f" ({_times(prompt.postpones)})"
    if prompt.channel is not None:
        text += f" ({CHANNEL_LABELS[prompt.channel]})"
    return text


def entry_details(entry: AnyEntry, today: date | None = None) -> list[tuple[str, str]]:
    """Label/value pairs for a detail view; empty answers are left out (the year shows unless it is ``today``'s)."""
    rows: list[tuple[str, str]] = [("When", format_moment(entry.at, today))]
    if isinstance(entry, CheckIn):
        rows.append(("Pain now", f"{entry.pain_now} / 10"))
        if entry.pain_average is not None:
            rows.append(("Average, last 24 h", f"{entry.pain_average} / 10"))
        if entry.where:
            rows.append(("Where", places_text(entry.where)))
        if entry.leg_symptoms:
            rows.append(("Leg symptoms", leg_text(entry)))
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
        rows.append(("Length", duration_text(entry.minutes * 60)))
        ended = ENDED_LABELS[entry.ended_how]
        if entry.stop_reason and entry.stop_reason != "pain":  # ("stopped for pain" says it already)
            ended += f" ({entry.stop_reason.replace('-', ' ')})"
        rows.append(("Ended", ended))
        if entry.ended_how != "finished" or entry.skipped_some:
            share = f" ({entry.completion:.0%} of the planned work)" if entry.exercises else ""
            rows.append(("Done", work_done(entry) + share))
        for label, value in (
            ("Pain before", entry.pain_before),
            ("Peak pain", entry.pain_peak),
            ("Pain after", entry.pain_after),
            ("How hard it felt", entry.effort),
        ):
            if value is not None:
                rows.append((label, f"{value} / 10"))
        for done in entry.exercises:
            rows.append((done.name, exercise_progress(done)))
        if entry.note:
            rows.append(("Note", entry.note))
    elif isinstance(entry, ReminderPrompt):
        rows.append(("Reminder", REMINDER_LABELS[entry.reminder]))
        rows.append(("Shown by", CHANNEL_LABELS[entry.channel] if entry.channel else "nothing: you were away"))
        rows.append(("What became of it", f"{OUTCOME_LABELS[entry.outcome]}, {entry.outcome_at:%H:%M}"))
        if entry.postpones:
            rows.append(("Put off", _times(entry.postpones)))
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
    return goal + (f" (by {format_date(target)})" if target is not None else "")


def review_summary(review: Review) -> str:
    """``Week 6 review: keep going; goals: carry the shopping 6/10``."""
    parts = [f"Week {review.week} review: {REVIEW_OUTCOME_LABELS[review.outcome]}"]
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
    rows.append(("The coach suggested", REVIEW_OUTCOME_LABELS[review.suggested]))
    rows.append(("Chosen", REVIEW_OUTCOME_LABELS[review.outcome]))
    for reason in review.reasons:
        rows.append(("Reason", reason))
    if review.notes:
        rows.append(("Notes", review.notes))
    return rows


def describe_unfinished(session: SessionRecord, number: int = 1, of: int = 1, today: date | None = None) -> str:
    """The question the app asks at its start about a session an app closed during it left unfinished."""
    which = f"Unfinished session {number} of {of}: " if of > 1 else ""
    return (
        f"{which}{session.title}, started {format_moment(session.at, today)}, was not finished "
        f"(the app was closed during it). Done in {duration_text(session.minutes * 60)}: {work_done(session)}. "
        "Save what you did to your journal?"
    )
