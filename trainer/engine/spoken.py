"""A session in lines, for a screen reader, a braille display or a slow link: pure, no clock, no terminal.

The full-screen session redraws a grid; a screen reader reads a grid poorly. ``spoken`` says, at each
change of the cue, one short line in plain words: where the session is when a set starts ("Set 1 of 2.
Bird-dog, right arm and left leg. 5 reps."), then each tempo phase as it begins ("Reach.", "Hold, 3
seconds.", "Return."), each rest, each switch of side. Nothing is said between changes, so a line is
never spoken over; the time left is said only when asked (``time_left``).
"""

from __future__ import annotations

from trainer.engine.cues import next_text, side_words
from trainer.engine.plan import Plan, Prescription, Step, StepKind
from trainer.engine.snapshot import Snapshot
from trainer.wording import plural, spoken_seconds


def _sentence(text: str) -> str:
    """'Reach' -> 'Reach.'; text that already ends a sentence is kept."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:" else text + "."


def _exercise_line(snap: Snapshot, plan: Plan) -> str:
    step = snap.step
    where = f"Exercise {snap.exercise_index + 1} of {snap.exercises_total}: " if snap.exercises_total > 1 else ""
    planned = plan.exercises[snap.exercise_index]
    return f"{where}{step.exercise.name}. {_dose_words(planned.prescription)}"


def _dose_words(dose: Prescription) -> str:
    """'2 sets of 10 reps, holding each 2 seconds, each side.' (the screen's '2 x 10 reps' read aloud)."""
    sets = plural(dose.sets, "set")
    if dose.reps is not None:
        text = f"{sets} of {plural(dose.reps, 'rep')}"
        if dose.hold_seconds:
            text += f", holding each {spoken_seconds(dose.hold_seconds)}"
    else:
        text = f"{sets}, holding {spoken_seconds(dose.hold_seconds or 0)}"
    if dose.per_side:
        text += ", each side"
    return _sentence(text)


def _set_line(step: Step) -> str:
    parts = [f"Set {step.set_number} of {step.sets_total}"] if step.sets_total > 1 else []
    name = step.exercise.name
    side = side_words(step)
    parts.append(f"{name}, {side}" if side else name)
    if step.kind == StepKind.REPS:
        parts.append(plural(step.reps, "rep"))
    else:
        parts.append(f"Hold {spoken_seconds(step.seconds)}")
    return " ".join(_sentence(part) for part in parts)


def _phase_line(step: Step, phase_index: int) -> str:
    phase = step.phases[phase_index]
    if phase.is_hold or step.kind == StepKind.HOLD:
        return _sentence(f"{phase.cue}, {spoken_seconds(phase.seconds)}")
    return _sentence(phase.cue)


def _step_lines(snap: Snapshot, plan: Plan) -> list[str]:
    """What is said when a step starts."""
    step = snap.step
    following = plan.steps[snap.step_index + 1] if snap.step_index + 1 < len(plan.steps) else None
    if step.kind == StepKind.GET_READY:
        first = step.exercise.steps[0]
        return [_exercise_line(snap, plan), f"Get ready, {spoken_seconds(step.seconds)}: {_sentence(first)}"]
    if step.kind == StepKind.SWITCH_SIDE:
        return [f"Switch sides, {spoken_seconds(step.seconds)}: {_sentence(side_words(step))}"]
    if step.kind == StepKind.REST:
        then = ""
        if following is not None and following.exercise_index == step.exercise_index and following.side:
            then = f" Then: {_sentence(side_words(following))}"
        return [f"Rest, {spoken_seconds(step.seconds)}.{then}"]
    return [_set_line(step)]


def spoken(before: Snapshot | None, now: Snapshot, plan: Plan) -> list[str]:
    """The lines to say on going from ``before`` to ``now`` (none when the cue has not changed)."""
    if before is not None and before.state == now.state and before.change_key == now.change_key:
        return []
    if now.state == "paused":
        return ["Paused. Space carries on, s stops."]
    if now.state == "finished":
        return ["Done: that is the whole session. Well done."]
    if now.state == "stopped":
        return ["Stopped. What you did is saved."]
    if now.lead_in > 0:
        return [f"Carrying on in {round(now.lead_in)} seconds."] if before is None or before.lead_in <= 0 else []
    lines: list[str] = []
    step_started = before is None or before.step_index != now.step_index or before.state != "running"
    resumed = before is not None and (before.state == "paused" or before.lead_in > 0)
    if step_started and not resumed:
        lines += _step_lines(now, plan)
    step = now.step
    if step.kind == StepKind.REPS and step.phases:
        if now.self_paced:
            if step_started or before is None or before.rep != now.rep:
                lines.append(f"Rep {now.rep} of {now.reps_total}, at your own pace: press Enter when it is done.")
            return lines
        rep_started = step_started or before is None or before.rep != now.rep
        phase = _phase_line(step, now.change_key[2])
        lines.append(f"Rep {now.rep} of {now.reps_total}. {phase}" if rep_started else phase)
    elif step.kind == StepKind.HOLD and step.phases and (resumed or not step_started):
        lines.append(_phase_line(step, 0))
    elif resumed and step.kind != StepKind.REPS:
        lines.append(_sentence(now.cue))
    return lines


def time_left(snap: Snapshot, plan: Plan) -> str:
    """The answer to 'how long left?': this moment, this step, the session, and what comes next."""
    if snap.state in ("finished", "stopped"):
        return "The session is over."
    if snap.state == "ready":
        return f"Not started yet. The session takes {spoken_seconds(plan.total_seconds)}."
    step = snap.step
    parts = []
    if snap.state == "paused":
        parts.append("Paused")
    if step.kind == StepKind.REPS and not snap.self_paced:
        parts.append(f"Rep {snap.rep} of {snap.reps_total}")
    elif step.kind == StepKind.REPS:
        parts.append(f"Rep {snap.rep} of {snap.reps_total}, at your own pace")
    if not snap.self_paced:
        parts.append(f"{spoken_seconds(max(0.0, snap.step_remaining))} left in this {_kind_word(step)}")
    parts.append(f"{spoken_seconds(max(0.0, snap.session_remaining))} left in the session")
    parts.append(next_text(plan, snap.step_index, snap.rep))
    return " ".join(_sentence(part) for part in parts)


def _kind_word(step: Step) -> str:
    return {
        StepKind.GET_READY: "get-ready",
        StepKind.REPS: "set",
        StepKind.HOLD: "hold",
        StepKind.REST: "rest",
        StepKind.SWITCH_SIDE: "switch",
    }[step.kind]
