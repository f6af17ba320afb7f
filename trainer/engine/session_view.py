"""What the session screen shows at one moment, and the words at the end of a session: pure, no Textual.

``session_view`` turns a runner snapshot and its plan into every text, class and value the screen draws;
the screen holds one ``SessionView`` in a reactive and redraws a widget only when its part changes, so a
30 s hold is about thirty small updates. ``rings`` says when the bell sounds; ``end_words`` the headline
and summary after a session.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trainer.engine.cues import side_words
from trainer.engine.plan import Plan, PlannedExercise, StepKind
from trainer.engine.snapshot import RunState, Snapshot
from trainer.journal.models import SessionRecord
from trainer.wording import format_seconds

CUE_CLASSES = {
    StepKind.GET_READY: "ready",
    StepKind.REPS: "work",
    StepKind.HOLD: "work",
    StepKind.REST: "rest",
    StepKind.SWITCH_SIDE: "switch",
}
END_CUES: dict[RunState, str] = {"paused": "Paused", "finished": "D O N E", "stopped": "Stopped"}
BAR_STEPS = 1000
"""Progress bars count in thousandths: fine enough to move smoothly, coarse enough to redraw rarely."""


def clock_text(seconds: float, counting_up: bool = False) -> str:
    """``1:05``. Time left rounds up, as the countdown does (2.4 s left shows 0:03); time spent rounds down."""
    whole = max(0, math.floor(seconds + 1e-9) if counting_up else math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def big_cue(cue: str) -> str:
    """Short cues spaced out so they read from across the room: 'L I F T'."""
    return " ".join(cue.upper()) if len(cue) <= 8 and " " not in cue else cue


@dataclass(frozen=True)
class SessionView:
    """Everything the session screen draws; equal views draw the same screen."""

    state: RunState
    exercise_name: str
    counts: str
    cue: str
    cue_class: str
    countdown: str
    hint: str
    step_progress: int
    """0 to ``BAR_STEPS``."""
    step_left: str
    session_progress: int
    session_left: str
    next_text: str
    note: str
    """The routine's note for this exercise, and the swap key when it has an easier choice (empty: none)."""
    exercise_id: str
    how_title: str
    how_steps: tuple[str, ...]
    change_key: tuple[int, int, int]
    """Changes exactly when the cue does."""


def _counts(snap: Snapshot) -> str:
    step = snap.step
    counts = []
    if step.kind in (StepKind.REPS, StepKind.HOLD, StepKind.REST, StepKind.SWITCH_SIDE):
        counts.append(f"Set {step.set_number} of {step.sets_total}")
    if snap.rep:
        counts.append(f"Rep {snap.rep} of {snap.reps_total}")
    if step.side and step.kind != StepKind.GET_READY:
        counts.append(side_words(step))
    return " · ".join(counts)


def _hint(snap: Snapshot, plan: Plan) -> str:
    if snap.state == "paused":
        return "Space to carry on"
    if snap.self_paced:
        return "At your own pace: press Enter after each rep (r switches back to paced)"
    if snap.step.kind == StepKind.GET_READY:
        dose = plan.exercises[snap.exercise_index].prescription.describe()
        return f"{dose} · i shows the steps · e skips this exercise"
    if snap.step.kind == StepKind.REPS:
        return "r: go at your own pace instead"
    return ""


def _note(planned: PlannedExercise) -> str:
    """The routine's note, then the key that swaps the exercise for its easier choice."""
    parts = [planned.note or ""]
    if planned.instead is not None:
        parts.append(f"Press - to swap to {planned.instead.name}.")
    return " ".join(part for part in parts if part)


def session_view(snap: Snapshot, plan: Plan) -> SessionView:
    planned = plan.exercises[snap.exercise_index]
    exercise = planned.exercise
    name = exercise.name
    if snap.exercises_total > 1:
        name = f"Exercise {snap.exercise_index + 1} of {snap.exercises_total} · {name}"
    cue_class: str
    if snap.state in END_CUES:
        cue, cue_class = END_CUES[snap.state], snap.state
    else:
        cue, cue_class = big_cue(snap.cue), CUE_CLASSES[snap.step.kind]
    countdown = clock_text(snap.step_elapsed, True) if snap.self_paced else clock_text(snap.countdown)
    return SessionView(
        state=snap.state,
        exercise_name=name,
        counts=_counts(snap),
        cue=cue,
        cue_class=cue_class,
        countdown=countdown,
        hint=_hint(snap, plan),
        step_progress=round(snap.step_progress * BAR_STEPS),
        step_left="" if snap.self_paced else f"{clock_text(snap.step_remaining)} left",
        session_progress=round(snap.session_progress * BAR_STEPS),
        session_left=f"{clock_text(snap.session_remaining)} left",
        next_text=snap.next_text,
        note=_note(planned) if snap.state in ("running", "paused", "ready") else "",
        exercise_id=exercise.id,
        how_title=f"How: {exercise.name}",
        how_steps=tuple(exercise.steps),
        change_key=snap.change_key,
    )


def rings(previous: SessionView | None, current: SessionView) -> bool:
    """The bell sounds when the cue changes while the session runs (not for the first view, nor a pause)."""
    return previous is not None and current.state == "running" and current.change_key != previous.change_key


def end_words(record: SessionRecord) -> tuple[str, str]:
    """The headline and summary shown with the questions after a session."""
    done = f"{record.completion:.0%} of the plan in {format_seconds(record.minutes * 60)}"
    if record.skipped_some:
        return (
            "Session over",
            f"You went through {record.title}, skipping parts of it: {done}. Any amount of movement counts.",
        )
    if record.ended_how == "finished":
        return "Well done: session complete", f"You did {record.title}: {done}."
    if record.ended_how == "stopped-pain":
        return "Session stopped for pain", f"Stopping was the right call. Saved: {done}."
    return "Session stopped", f"Saved: {done}. Any amount of movement counts."
