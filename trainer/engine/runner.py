"""Walk a session plan against a clock: start, pause, skip, back, stop.

Pure Python and fully testable with a fake clock. Time is always computed
from the clock (never by counting timer ticks), so a late or missed UI tick
changes nothing: the runner knows exactly where the session is. When a step's
time runs out the overflow carries into the next step, so a session never
drifts, and a pause freezes the step it happens in (a pause does not eat
into a hold).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from trainer.catalog.models import RepMode
from trainer.engine.cues import WORK, next_text, own_pace_cue, step_cue
from trainer.engine.plan import Plan, Step, StepKind
from trainer.engine.snapshot import RunState, Snapshot
from trainer.journal.models import StopReason

DONE = 0.999
"""A work step counts as done from this share of it on (float slack)."""


@dataclass(frozen=True)
class ExerciseTally:
    """What was done of one exercise (for the session record)."""

    exercise_id: str
    name: str
    sets_planned: int
    sets_done: int
    reps_done: int
    holds_done: int
    seconds: float


@dataclass
class _StepRecord:
    share: float = 0.0
    """Largest share of the step done in any visit (0..1)."""
    reps: int = 0
    seconds: float = 0.0


class Runner:
    def __init__(self, plan: Plan, clock: Callable[[], float], *, resume_lead_in: float = 0.0) -> None:
        if not plan.steps:
            raise ValueError("a plan with no steps cannot be run")
        self.plan = plan
        self.clock = clock
        self.resume_lead_in = resume_lead_in
        """Seconds of 3-2-1 after a pause before the clock runs again (the person gets back into position)."""
        self.state: RunState = "ready"
        self.index = 0
        self.stop_reason: StopReason | None = None
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self._banked = 0.0
        """Time spent in the current step before the last resume."""
        self._running_since: float | None = None
        self._self_paced_reps = 0
        self._rep_modes: dict[int, RepMode] = {
            index: planned.exercise.rep_mode for index, planned in enumerate(plan.exercises)
        }
        self._records: dict[int, _StepRecord] = {}
        self._active = 0.0
        """Running time of the session so far, banked at each pause or step change."""
        self.on_step_change: list[Callable[[int], None]] = []

    # --- helpers -------------------------------------------------------------

    @property
    def step(self) -> Step:
        return self.plan.steps[self.index]

    def rep_mode(self, exercise_index: int | None = None) -> RepMode:
        return self._rep_modes[self.step.exercise_index if exercise_index is None else exercise_index]

    def _self_paced(self, step: Step | None = None) -> bool:
        step = step or self.step
        return step.kind == StepKind.REPS and self._rep_modes[step.exercise_index] == "self-paced"

    def _elapsed(self, now: float) -> float:
        running = now - self._running_since if self._running_since is not None else 0.0
        return self._banked + max(0.0, running)

    def _share(self, step: Step, elapsed: float) -> float:
        if self._self_paced(step):
            return min(1.0, self._self_paced_reps / step.reps) if step.reps else 1.0
        return min(1.0, elapsed / step.seconds) if step.seconds > 0 else 1.0

    def _reps_in(self, step: Step, elapsed: float) -> int:
        if step.kind != StepKind.REPS:
            return 0
        if self._self_paced(step):
            return min(step.reps, self._self_paced_reps)
        per_rep = step.seconds_per_rep
        return min(step.reps, int(elapsed / per_rep + 1e-9)) if per_rep > 0 else step.reps

    def _leave(self, elapsed: float) -> None:
        """Book the current step's work before moving away from it."""
        step = self.step
        record = self._records.setdefault(self.index, _StepRecord())
        spent = min(elapsed, step.seconds) if not self._self_paced(step) else elapsed
        record.share = max(record.share, self._share(step, elapsed))
        record.reps = max(record.reps, self._reps_in(step, elapsed))
        record.seconds += spent
        self._active += spent

    def _enter(self, index: int, now: float, carried: float = 0.0) -> None:
        self.index = index
        self._banked = carried
        self._self_paced_reps = 0
        self._running_since = now if self.state == "running" else None
        for listener in self.on_step_change:
            listener(index)

    def _end(self, now: float, state: RunState) -> None:
        self.state = state
        self._running_since = None
        self.ended_at = now

    def _catch_up(self, now: float) -> None:
        """Move past every step whose time ran out, carrying the overflow into the next."""
        while self.state == "running" and not self._self_paced():
            step = self.step
            elapsed = self._elapsed(now)
            if elapsed < step.seconds - 1e-9:  # float sums of overflow must not keep a step alive
                return
            overflow = max(0.0, elapsed - step.seconds)
            self._leave(step.seconds)
            if self.index + 1 >= len(self.plan.steps):
                self._end(now - overflow, "finished")
                return
            self._enter(self.index + 1, now, carried=overflow)

    def _move_to(self, index: int | None, now: float) -> None:
        """Leave the current step (booking what was done) and go to ``index`` (None: finish)."""
        self._catch_up(now)
        if self.state in ("finished", "stopped"):
            return
        self._leave(self._elapsed(now))
        if index is None or index >= len(self.plan.steps):
            self._end(now, "finished")
        else:
            self._enter(index, now)

    # --- actions ---------------------------------------------------------------

    def start(self, at: float | None = None) -> None:
        """Start now, or from ``at`` (a moment already past on this clock: when the first frame was drawn)."""
        if self.state == "ready":
            now = self.clock() if at is None else min(at, self.clock())
            self.state = "running"
            self.started_at = now
            self._running_since = now

    def pause(self) -> None:
        now = self.clock()
        self._catch_up(now)
        if self.state == "running":
            self._banked = self._elapsed(now)
            self._running_since = None
            self.state = "paused"

    def resume(self) -> None:
        """Carry on after a pause: the step's clock starts again after the lead-in."""
        if self.state == "paused":
            self.state = "running"
            self._running_since = self.clock() + self.resume_lead_in

    def toggle_pause(self) -> None:
        if self.state == "running":
            self.pause()
        elif self.state == "paused":
            self.resume()
        elif self.state == "ready":
            self.start()

    def skip_step(self) -> None:
        """Leave the step showing now (the one the clock is in, even if no snapshot saw it yet)."""
        now = self.clock()
        self._catch_up(now)
        if self.state in ("running", "paused"):
            self._move_to(self.index + 1, now)

    def skip_exercise(self) -> None:
        if self.state not in ("running", "paused"):
            return
        now = self.clock()
        self._catch_up(now)
        current = self.step.exercise_index
        following = next(
            (
                index
                for index in range(self.index + 1, len(self.plan.steps))
                if self.plan.steps[index].exercise_index != current
            ),
            None,
        )
        self._move_to(following, now)

    def back(self) -> None:
        """Go back one step and start it again (the first step restarts)."""
        if self.state in ("running", "paused"):
            now = self.clock()
            self._catch_up(now)
            if self.state in ("running", "paused"):
                self._move_to(max(0, self.index - 1), now)

    def stop(self, reason: StopReason) -> None:
        if self.state in ("finished", "stopped"):
            return
        now = self.clock()
        self._catch_up(now)
        if self.state == "finished":
            return
        if self.state in ("running", "paused"):
            self._banked = self._elapsed(now)
            self._leave(self._banked)
        self.stop_reason = reason
        self._end(now, "stopped")

    def rep_done(self) -> None:
        """Self-paced reps: one more done; the step ends with the last."""
        if self.state != "running":
            return
        self._catch_up(self.clock())
        if self.state != "running" or not self._self_paced():
            return
        self._self_paced_reps += 1
        if self._self_paced_reps >= self.step.reps:
            now = self.clock()
            self._move_to(self.index + 1, now)

    def swap(self, plan: Plan) -> None:
        """Carry on with ``plan``: the same plan with the current exercise replaced (``swap_exercise``).

        The new exercise starts from its get-ready; what was done before it is kept, the part of the
        replaced exercise already done counts as time spent, not as its sets.
        """
        if self.state not in ("running", "paused"):
            return
        now = self.clock()
        self._catch_up(now)
        if self.state not in ("running", "paused"):
            return
        exercise = self.step.exercise_index
        old_steps = [index for index, step in enumerate(self.plan.steps) if step.exercise_index == exercise]
        new_steps = [index for index, step in enumerate(plan.steps) if step.exercise_index == exercise]
        if len(plan.exercises) != len(self.plan.exercises) or old_steps[0] != new_steps[0]:
            raise ValueError("swap takes the same plan with one exercise replaced")
        spent = self._elapsed(now)
        self._active += min(spent, self.step.seconds) if not self._self_paced() else spent
        shift = len(new_steps) - len(old_steps)
        self._records = {
            (index + shift if index > old_steps[-1] else index): record
            for index, record in self._records.items()
            if not old_steps[0] <= index <= old_steps[-1]
        }
        self.plan = plan
        self._rep_modes[exercise] = plan.exercises[exercise].exercise.rep_mode
        self._enter(new_steps[0], now)

    def set_rep_mode(self, mode: RepMode) -> None:
        """Switch the current exercise between paced and self-paced, keeping the reps already done."""
        if self.state in ("finished", "stopped"):
            return
        now = self.clock()
        self._catch_up(now)
        exercise = self.step.exercise_index
        if self.state in ("finished", "stopped") or self._rep_modes[exercise] == mode:
            return
        step = self.step
        if step.kind == StepKind.REPS:
            done = self._reps_in(step, self._elapsed(now))
            self._rep_modes[exercise] = mode
            if mode == "self-paced":
                self._self_paced_reps = done
            else:
                self._banked = done * step.seconds_per_rep
                self._running_since = now if self.state == "running" else None
        else:
            self._rep_modes[exercise] = mode

    # --- what to show ------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        now = self.clock()
        self._catch_up(now)
        lead_in = max(0.0, self._running_since - now) if self._running_since is not None else 0.0
        step = self.step
        elapsed = self._elapsed(now) if self.state in ("running", "paused", "stopped") else 0.0
        if self.state == "finished":
            elapsed = step.seconds
        self_paced = self._self_paced(step)
        share = self._share(step, elapsed) if self.state != "ready" else 0.0
        rep, phase_index, phase_remaining, cue = self._phase(step, elapsed, self_paced)
        before = self.plan.starts[self.index]
        done_in_step = share * step.seconds
        total = self.plan.total_seconds
        session_done = min(total, before + done_in_step)
        if self.state == "finished":
            session_done = total
        return Snapshot(
            state=self.state,
            step_index=self.index,
            step=step,
            exercise_index=step.exercise_index,
            exercises_total=len(self.plan.exercises),
            cue=cue,
            rep=rep,
            reps_total=step.reps,
            self_paced=self_paced,
            phase_remaining=phase_remaining,
            step_elapsed=elapsed,
            step_remaining=max(0.0, step.seconds - done_in_step),
            step_progress=share,
            session_remaining=max(0.0, total - session_done),
            session_progress=session_done / total if total > 0 else 1.0,
            next_text=next_text(self.plan, self.index, rep),
            lead_in=lead_in,
            change_key=(self.index, rep, phase_index, int(lead_in > 0)),
        )

    def _phase(self, step: Step, elapsed: float, self_paced: bool) -> tuple[int, int, float, str]:
        """(rep, phase index, seconds left in the phase, cue) for the current moment."""
        following = self.plan.steps[self.index + 1] if self.index + 1 < len(self.plan.steps) else None
        if step.kind != StepKind.REPS:
            return 0, 0, max(0.0, step.seconds - elapsed), step_cue(step, following)
        if self_paced:
            rep = min(step.reps, self._self_paced_reps + 1)
            return rep, 0, 0.0, own_pace_cue(rep)
        per_rep = step.seconds_per_rep
        rep_index = min(step.reps - 1, int(elapsed / per_rep + 1e-9)) if per_rep > 0 else 0
        into_rep = elapsed - rep_index * per_rep
        for phase_index, phase in enumerate(step.phases):
            if into_rep < phase.seconds - 1e-9 or phase_index == len(step.phases) - 1:
                return rep_index + 1, phase_index, max(0.0, phase.seconds - into_rep), phase.cue
            into_rep -= phase.seconds
        raise AssertionError("unreachable: a rep always has a last phase")

    # --- results -----------------------------------------------------------------

    def tallies(self) -> list[ExerciseTally]:
        tallies = []
        for exercise_index, planned in enumerate(self.plan.exercises):
            steps = [
                (index, step) for index, step in enumerate(self.plan.steps) if step.exercise_index == exercise_index
            ]
            work = [(index, step) for index, step in steps if step.kind in WORK]
            records = {index: self._records.get(index, _StepRecord()) for index, _ in steps}
            sets_done = 0
            for set_number in range(1, planned.prescription.sets + 1):
                in_set = [index for index, step in work if step.set_number == set_number]
                if in_set and all(records[index].share >= DONE for index in in_set):
                    sets_done += 1
            tallies.append(
                ExerciseTally(
                    exercise_id=planned.exercise.id,
                    name=planned.exercise.name,
                    sets_planned=planned.prescription.sets,
                    sets_done=sets_done,
                    reps_done=sum(records[index].reps for index, _ in work),
                    holds_done=sum(
                        1 for index, step in work if step.kind == StepKind.HOLD and records[index].share >= DONE
                    ),
                    seconds=sum(record.seconds for record in records.values()),
                )
            )
        return tallies

    @property
    def completion(self) -> float:
        """Share of the planned work (reps and holds, by time) that was done."""
        work = [(index, step) for index, step in enumerate(self.plan.steps) if step.kind in WORK]
        planned = sum(step.seconds for _, step in work)
        if planned <= 0:
            return 1.0
        done = sum(self._records.get(index, _StepRecord()).share * step.seconds for index, step in work)
        return min(1.0, done / planned)
