"""Entries in plain words, for lists, detail views and the shell."""

from __future__ import annotations

from collections.abc import Iterable

from trainer.journal.models import (
    ACTIVITY_QUESTION,
    ENJOYMENT_QUESTION,
    GLOBAL_CHANGE_LABELS,
    GLOBAL_CHANGE_QUESTION,
    LOCATION_LABELS,
    AnyEntry,
    CheckIn,
    Location,
    ReminderPrompt,
    SessionRecord,
    WeeklyCheck,
)
from trainer.journal.reminders import CHANNEL_LABELS, OUTCOME_LABELS, REMINDER_LABELS

KIND_LABELS = {"check-in": "check-in", "weekly-check": "weekly check", "session": "session", "reminder": "reminder"}
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
        if entry.notes:
            parts.append(entry.notes.replace("\n", " "))
        return "; ".join(parts)
    if isinstance(entry, SessionRecord):
        if not entry.counts:  # a few seconds' try: kept, but not a session that counts towards goals
            return f"{entry.title}: started, {entry.completion:.0%} done (not counted)"
        text = f"{entry.title}, {entry.minutes:.0f} min, {ENDED_LABELS[entry.ended_how]}"
        if entry.ended_how != "finished" or entry.skipped_some:
            text += f"{' with skips' if entry.skipped_some else ''}, {entry.completion:.0%} done"
        return text
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
        if entry.notes:
            rows.append(("Notes", entry.notes))
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
