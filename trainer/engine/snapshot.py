"""What a running session is at one moment: the runner's answer to "where are we?"."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from trainer.engine.plan import Step

RunState = Literal["ready", "running", "paused", "finished", "stopped"]


@dataclass(frozen=True)
class Snapshot:
    """Everything the session screen shows, at one moment."""

    state: RunState
    step_index: int
    step: Step
    exercise_index: int
    exercises_total: int
    cue: str
    """Plain words for now: 'Lift', 'Hold', 'Rest', 'Switch sides: right arm and left leg' ..."""
    rep: int
    """1-based rep in a reps step (0 elsewhere)."""
    reps_total: int
    self_paced: bool
    phase_remaining: float
    """Seconds left in the current phase (a hold, a rest, one tempo phase); 0 when self-paced."""
    step_elapsed: float
    step_remaining: float
    step_progress: float
    session_remaining: float
    session_progress: float
    next_text: str
    lead_in: float
    """Seconds of the 3-2-1 left after a pause before the clock runs (0 once it runs)."""
    change_key: tuple[int, int, int, int]
    """(step, rep, phase, in the lead-in): changes exactly when the cue does (the bell rings then)."""

    @property
    def countdown(self) -> int:
        """The whole seconds to show (a hold of 2.4 s left shows 3)."""
        return math.ceil(self.phase_remaining - 1e-9) if self.phase_remaining > 0 else 0

    @property
    def next_change_in(self) -> float | None:
        """Seconds until what is shown next changes on its own (None: it will not, e.g. paused)."""
        if self.state != "running":
            return None
        if self.lead_in > 0:  # the 3-2-1 counts down by whole seconds
            return self.lead_in - math.floor(self.lead_in - 1e-9)
        if self.self_paced:  # the clock counts up the time spent on the step
            return 1.0 - self.step_elapsed % 1.0
        to_next_second = self.phase_remaining - math.floor(self.phase_remaining - 1e-9)
        return max(0.0, min(to_next_second, self.phase_remaining))
