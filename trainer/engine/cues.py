"""The words of a session: the cue for each kind of step, and what comes next. Pure, no clock.

Sides are said in the exercise's own words (``sides`` in the content: "left arm and right leg"), so a
person on the mat knows which arm, which leg, which way to turn.
"""

from __future__ import annotations

from trainer.engine.plan import Plan, Step, StepKind
from trainer.wording import format_seconds

WORK = (StepKind.REPS, StepKind.HOLD)


def side_words(step: Step) -> str:
    """What this side means for the exercise ('left arm and right leg'), else 'LEFT side'; empty if not sided."""
    if not step.side:
        return ""
    sides = step.exercise.sides
    return getattr(sides, step.side) if sides is not None else f"{step.side.upper()} side"


def step_cue(step: Step, following: Step | None) -> str:
    """The cue of a step that is not a rep: getting ready, switching sides, resting, holding."""
    side = side_words(step)
    if step.kind == StepKind.GET_READY:
        return f"Get ready: {step.exercise.name}" + (f", {side}" if side else "")
    if step.kind == StepKind.SWITCH_SIDE:
        return f"Switch sides: {side}"
    if step.kind == StepKind.REST:
        # the next set starts on the first side again: say so
        if following is not None and following.side and following.kind in WORK:
            return f"Rest, then: {side_words(following)}"
        return "Rest"
    return step.phases[0].cue


def own_pace_cue(rep: int) -> str:
    return f"Rep {rep} at your own pace, then press Enter"


def next_text(plan: Plan, index: int, rep: int) -> str:
    """What comes after the moment at step ``index``, rep ``rep``."""
    step = plan.steps[index]
    if step.kind == StepKind.REPS and 0 < rep < step.reps:
        return f"Next: rep {rep + 1} of {step.reps}"
    if index + 1 >= len(plan.steps):
        return "Last one: then a few questions about how it went"
    following = plan.steps[index + 1]
    if following.exercise_index != step.exercise_index:
        return f"Next exercise: {following.exercise.name}"
    if following.kind == StepKind.REST:
        return f"Next: rest {format_seconds(following.seconds)}"
    if following.kind == StepKind.SWITCH_SIDE:
        return f"Next: switch sides ({side_words(following)})"
    what = f"{following.reps} reps" if following.kind == StepKind.REPS else f"hold {format_seconds(following.seconds)}"
    if following.sets_total > 1:
        what += f", set {following.set_number} of {following.sets_total}"
    if following.side:
        what += f", {side_words(following)}"
    return f"Next: {what}"
