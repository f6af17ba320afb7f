"""What the session screen shows at one moment, and the words at the end of a session: pure, no Textual.

``session_view`` turns a runner snapshot and its plan into every text, class and value the screen draws:
the cue as one big word (LIFT, HOLD, REST) with a line under it, the countdown, the figure's position
between the exercise's start and end poses, the key points and the note, what a skip will skip. The
screen holds one ``SessionView`` in a reactive and redraws a widget only when its part changes.
``bells`` says how many times the bell rings; ``end_words`` gives the headline and summary afterwards.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from trainer.engine.cues import side_words
from trainer.engine.plan import Plan, PlannedExercise, Step, StepKind
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
BAR_STEPS = 1000
"""Progress bars count in thousandths: fine enough to move smoothly, coarse enough to redraw rarely."""
FIGURE_FRAMES = 4
"""Frames of the figure between its start and end poses: a 2 s lift is 4 small redraws, not 60 (each frame
costs the screen 14-16 ms of CPU, bench/RESULTS.md; with 8, paced reps took about 5% of a core)."""
SKIP_LABELS = {
    StepKind.GET_READY: "Start now",
    StepKind.REPS: "Skip set",
    StepKind.HOLD: "Skip hold",
    StepKind.REST: "Skip rest",
    StepKind.SWITCH_SIDE: "Skip switch",
}


def clock_text(seconds: float, counting_up: bool = False) -> str:
    """``1:05``. Time left rounds up, as the countdown does (2.4 s left shows 0:03); time spent rounds down."""
    whole = max(0, math.floor(seconds + 1e-9) if counting_up else math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


@dataclass(frozen=True)
class SessionView:
    """Everything the session screen draws; equal views draw the same screen."""

    state: RunState
    exercise_name: str
    counts: str
    cue: str
    """One big word or two (LIFT, HOLD, GET READY, PAUSED): drawn in block letters."""
    cue_detail: str
    """The line under the cue: the exercise and how to start, the side, what to press."""
    cue_class: str
    countdown: str
    hint: str
    key_points: tuple[str, ...]
    """One or two lines from the exercise's steps, on screen even when the full steps are not."""
    note: str
    """The routine's note for this exercise, and the swap key when it has an easier choice (empty: none)."""
    step_progress: int
    """0 to ``BAR_STEPS``."""
    step_left: str
    session_progress: int
    session_left: str
    next_text: str
    exercise_id: str
    side: str | None
    how_title: str
    how_steps: tuple[str, ...]
    figure_t: float
    """Where the figure is between the start pose (0) and the end pose (1), in steps of 1/FIGURE_FRAMES."""
    mirrored: bool
    """The figure works the other side (the right side of a per-side exercise)."""
    skip_label: str
    change_key: tuple[int, int, int, int]
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


def _cue(snap: Snapshot, plan: Plan) -> tuple[str, str, str]:
    """(big word, the line under it, its class)."""
    step = snap.step
    if snap.state == "paused":
        return "PAUSED", "Press space to carry on (a 3-2-1 first)", "paused"
    if snap.state == "finished":
        return "DONE", "Well done: that is the whole session", "finished"
    if snap.state == "stopped":
        return "STOPPED", "What you did is saved", "stopped"
    if snap.lead_in > 0:
        return "READY", f"Carrying on: {snap.cue}", "ready"
    side = side_words(step)
    if step.kind == StepKind.GET_READY:
        first = step.exercise.steps[0]
        where = f" ({side})" if side else ""
        return "GET READY", f"{step.exercise.name}{where}: {first}", "ready"
    if step.kind == StepKind.SWITCH_SIDE:
        return "SWITCH", f"Now: {side}", "switch"
    if step.kind == StepKind.REST:
        following = plan.steps[snap.step_index + 1] if snap.step_index + 1 < len(plan.steps) else None
        then = f"Then: {side_words(following)}" if following is not None and following.side else ""
        return "REST", then, "rest"
    if snap.self_paced:
        return f"REP {snap.rep}", "At your own pace: press Enter after each rep", "work"
    return snap.cue.upper(), "", "work"


def _hint(snap: Snapshot, planned: PlannedExercise) -> str:
    if snap.state == "paused":
        return "Space carries on · i shows the steps · s stops"
    if snap.self_paced:
        return "r switches back to paced reps"
    if snap.step.kind == StepKind.GET_READY:
        easier = " · - easier" if planned.instead is not None else ""
        return f"{planned.prescription.describe()} · i all the steps · e skip it{easier}"
    if snap.step.kind == StepKind.REPS:
        return "r: your own pace instead"
    return ""


def _note(planned: PlannedExercise) -> str:
    """The routine's note, then the key that swaps the exercise for its easier choice."""
    parts = [planned.note or ""]
    if planned.instead is not None:
        parts.append(f"Press - to swap to {planned.instead.name}.")
    return " ".join(part for part in parts if part)


def _moving_phases(step: Step) -> list[tuple[float, float]]:
    """For each tempo phase of a rep, where the figure is at its start and its end: the phases before the
    hold move it from the start pose (0) to the end pose (1), the hold keeps it there, the phases after
    bring it back. Without a hold, the first half of the phases go out and the rest come back."""
    phases = step.phases
    hold = next((index for index, phase in enumerate(phases) if phase.is_hold), None)
    out = hold if hold is not None else max(1, len(phases) // 2)
    back = len(phases) - out - (1 if hold is not None else 0)
    moves = [(index / out, (index + 1) / out) for index in range(out)]
    if hold is not None:
        moves.append((1.0, 1.0))
    moves += [(1 - index / back, 1 - (index + 1) / back) for index in range(back)]
    return moves


def figure_position(snap: Snapshot) -> float:
    """The figure between its start (0) and end (1) pose now, before quantising to frames."""
    step = snap.step
    if snap.state in ("finished", "stopped") or snap.lead_in > 0:
        return 0.0
    if step.kind == StepKind.HOLD:
        return 1.0
    if step.kind != StepKind.REPS or snap.self_paced or not step.phases:
        return 0.0
    phase_index = snap.change_key[2]
    start, end = _moving_phases(step)[phase_index]
    length = step.phases[phase_index].seconds
    done = 1.0 - (snap.phase_remaining / length if length > 0 else 0.0)
    return start + (end - start) * min(1.0, max(0.0, done))


def figure_frame(position: float) -> float:
    return math.floor(position * FIGURE_FRAMES + 1e-9) / FIGURE_FRAMES


def next_frame_in(snap: Snapshot) -> float | None:
    """Seconds until the figure moves to its next frame (None while it stands still)."""
    step = snap.step
    if snap.state != "running" or snap.lead_in > 0 or step.kind != StepKind.REPS or snap.self_paced:
        return None
    start, end = _moving_phases(step)[snap.change_key[2]]
    if start == end:
        return None
    length = step.phases[snap.change_key[2]].seconds
    frame = length / (abs(end - start) * FIGURE_FRAMES)
    done = length - snap.phase_remaining
    return max(0.0, (math.floor(done / frame + 1e-9) + 1) * frame - done)


def session_view(snap: Snapshot, plan: Plan) -> SessionView:
    planned = plan.exercises[snap.exercise_index]
    exercise = planned.exercise
    name = exercise.name
    if snap.exercises_total > 1:
        name = f"Exercise {snap.exercise_index + 1} of {snap.exercises_total} · {name}"
    cue, detail, cue_class = _cue(snap, plan)
    if snap.lead_in > 0:
        countdown = str(math.ceil(snap.lead_in - 1e-9))
    elif snap.self_paced:
        countdown = clock_text(snap.step_elapsed, True)
    else:
        countdown = clock_text(snap.countdown)
    live = snap.state in ("running", "paused", "ready")
    return SessionView(
        state=snap.state,
        exercise_name=name,
        counts=_counts(snap),
        cue=cue,
        cue_detail=detail,
        cue_class=cue_class,
        countdown=countdown,
        hint=_hint(snap, planned),
        key_points=tuple(exercise.steps[:2]),
        note=_note(planned) if live else "",
        step_progress=round(snap.step_progress * BAR_STEPS),
        step_left="" if snap.self_paced else f"{clock_text(snap.step_remaining)} left",
        session_progress=round(snap.session_progress * BAR_STEPS),
        session_left=f"{clock_text(snap.session_remaining)} left",
        next_text=snap.next_text,
        exercise_id=exercise.id,
        side=snap.step.side,
        how_title=f"How: {exercise.name}",
        how_steps=tuple(exercise.steps),
        figure_t=figure_frame(figure_position(snap)),
        mirrored=snap.step.side == "right",
        skip_label=SKIP_LABELS[snap.step.kind]
        if snap.step.side is None or snap.step.kind not in (StepKind.REPS, StepKind.HOLD)
        else "Skip side",
        change_key=snap.change_key,
    )


def bells(previous: SessionView | None, current: SessionView) -> int:
    """How many times the bell rings for this change: three at the end, two for a new exercise or side,
    one for any other change of cue while the session runs (none for the first view or a pause)."""
    if previous is None:
        return 0
    if current.state == "finished":
        return 3 if previous.state != "finished" else 0
    if current.state != "running" or current.change_key == previous.change_key:
        return 0
    if current.exercise_id != previous.exercise_id or current.side != previous.side:
        return 2
    return 1


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
