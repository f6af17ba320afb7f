"""Small helpers for driving a session Runner with a fake clock (a plain module: import it).

Times given to ``Session.at`` are absolute clock readings; sessions built
with ``started`` start at clock 0, so ``at(t)`` is also "t seconds into the
session" until someone pauses.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from tests.clock import FakeClock
from trainer.engine.plan import Plan
from trainer.engine.runner import Runner
from trainer.engine.snapshot import Snapshot


@dataclass
class Session:
    runner: Runner
    clock: FakeClock

    def at(self, seconds: float) -> Snapshot:
        """Move the clock to ``seconds`` (never backwards) and take a snapshot."""
        assert seconds >= self.clock.now, "a clock never runs backwards"
        self.clock.now = seconds
        return self.runner.snapshot()

    def after(self, seconds: float) -> Snapshot:
        self.clock.advance(seconds)
        return self.runner.snapshot()


def ready(plan: Plan, at: float = 0.0) -> Session:
    """A runner for ``plan`` that has not been started."""
    clock = FakeClock(at)
    return Session(Runner(plan, clock), clock)


def started(plan: Plan, at: float = 0.0) -> Session:
    """A runner for ``plan`` started at clock ``at``."""
    session = ready(plan, at)
    session.runner.start()
    return session


def planned_step(plan: Plan, seconds: float) -> int:
    """Index of the step the plan says runs ``seconds`` into an unpaused session."""
    return max(0, bisect_right(plan.starts, seconds) - 1)


def run_to_end(session: Session, *, rep_every: float = 1.0) -> Snapshot:
    """Drive a running session to its end: let time pass, press Enter on self-paced reps."""
    runner, plan = session.runner, session.runner.plan
    limit = len(plan.steps) + sum(step.reps for step in plan.steps) + 5
    for _ in range(limit):
        snapshot = runner.snapshot()
        if snapshot.state in ("finished", "stopped"):
            return snapshot
        if snapshot.self_paced:
            session.clock.advance(rep_every)
            runner.rep_done()
        else:
            session.clock.advance(plan.total_seconds + 1)
    raise AssertionError(f"the session did not end within {limit} moves: {runner.snapshot()}")
