"""Plain mode's session, on a fake clock with scripted keys: the lines said, the keys, the record."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from tests.clock import FakeClock
from trainer.engine.plan import StepKind
from trainer.journal.store import JournalStore
from trainer.plain.session import END_OF_KEYS, PlainSession, SafetyLines
from trainer.services.core import make_services
from trainer.services.recorder import SessionRecorder


@dataclass
class ScriptedKeys:
    """Keys pressed at set moments of a fake clock; waiting moves the clock on. After the last key it is
    an ended input, as standard input at its end: it waits, then says no key will come."""

    clock: FakeClock
    script: list[tuple[float, str]] = field(default_factory=list)

    def read(self, timeout: float | None) -> str | None:
        if self.script and (timeout is None or self.script[0][0] <= self.clock.now + timeout):
            at, key = self.script.pop(0)
            self.clock.now = max(self.clock.now, at)
            return key
        if timeout is not None:
            self.clock.advance(timeout)
        return None if self.script else END_OF_KEYS


@pytest.fixture
def services(paths):
    return make_services(paths)


def play(services, target: str, script: list[tuple[float, str]] | None = None):
    clock = FakeClock(0.0)
    keys = ScriptedKeys(clock, script or [])
    lines: list[str] = []
    catalog = services.catalog
    plan = services.plans.for_target(catalog.routines.get(target), catalog.exercises.get(target))
    recorder = SessionRecorder(services.journal, pain_before=2, now=services.now)
    session = PlainSession(
        plan, recorder, clock=clock, keys=keys, say=lines.append, safety=SafetyLines.from_safety(catalog.safety)
    )
    record = session.run()
    return record, lines, plan


def test_a_session_speaks_each_cue_once_in_order_and_is_saved_whole(services, paths) -> None:
    record, lines, plan = play(services, "bird-dog")
    assert record.ended_how == "finished" and record.completion == 1.0
    assert JournalStore(paths.journal_dir).entries() == [record]
    assert lines[1] == services.catalog.safety.stop_rule_short
    start = lines.index("Bird-dog, left arm and right leg. 5 reps.")
    assert lines[start + 1 : start + 4] == ["Rep 1 of 5. Reach.", "Hold, 3 seconds.", "Return."]
    assert lines.count("Hold, 3 seconds.") == 10  # five reps a side, each said once
    assert "Switch sides, 5 seconds: right arm and left leg." in lines
    assert lines[-1] == "Done: that is the whole session. Well done."
    assert not any(line == lines[index + 1] for index, line in enumerate(lines[:-1]))


def test_time_left_is_said_only_when_asked(services) -> None:
    _, lines, _ = play(services, "bird-dog", [(12.0, "t")])
    said = [line for line in lines if "left in the session" in line]
    assert said == [
        "8 seconds left in this get-ready. 1 minute 23 seconds left in the session. "
        "Next: 5 reps, left arm and right leg."
    ]


def test_space_pauses_and_carries_on_after_a_3_2_1(services) -> None:
    record, lines, plan = play(services, "bird-dog", [(21.0, " "), (40.0, " ")])
    paused = lines.index("Paused. Space carries on, s stops.")
    assert lines[paused + 1] == "Carrying on in 3 seconds."
    assert record.ended_how == "finished"
    assert record.minutes * 60 == pytest.approx(plan.total_seconds + 19 + 3, abs=1)


def test_p_stops_for_pain_and_says_the_stop_rules(services) -> None:
    record, lines, _ = play(services, "bird-dog", [(25.0, "p")])
    assert record.ended_how == "stopped-pain"
    rules = services.catalog.safety.stop_rules
    assert lines[-len(rules) :] == [f"- {rule}" for rule in rules]


def test_skip_back_and_stop_keys_move_the_same_runner(services) -> None:
    record, lines, plan = play(services, "back-basics", [(1.0, "n"), (2.0, "e"), (3.0, "b"), (4.0, "s"), (5.0, "t")])
    assert record.ended_how == "stopped-choice" and record.stop_reason == "tired"
    assert "Why stop? t: tired, o: out of time, p: pain, x: another reason. Space carries on instead." in lines
    assert lines[-1] == "Stopped. What you did is saved."


def test_h_says_when_to_get_help_and_pauses(services) -> None:
    _, lines, _ = play(services, "bird-dog", [(5.0, "h"), (6.0, " ")])
    emergency = services.catalog.safety.help_list("emergency")
    at = next(index for index, line in enumerate(lines) if line.startswith(emergency.title))
    assert lines[at + 1] == f"- {emergency.items[0]}"
    assert "Paused. Space carries on, s stops." in lines[at:]


def test_an_ended_input_stops_a_paused_session_and_keeps_what_was_done(services) -> None:
    record, lines, _ = play(services, "bird-dog", [(30.0, " ")])
    assert record.ended_how == "stopped-choice"
    assert "No more keys can come (the input ended): stopping here. What you did is saved." in lines


def test_own_pace_reps_are_counted_with_enter(services) -> None:
    clock_keys = [(21.0, "r")] + [(22.0 + rep, "\n") for rep in range(5)]
    record, lines, _ = play(services, "bird-dog", clock_keys)
    assert "Reps now go at your own pace: Enter after each." in lines
    assert "Rep 2 of 5, at your own pace: press Enter when it is done." in lines
    assert record.exercises[0].reps_done >= 5


def test_a_checkpoint_is_kept_after_each_set(services, paths) -> None:
    kept: list[int] = []

    class Counting(SessionRecorder):
        def checkpoint_soon(self, runner, on_error) -> None:
            kept.append(runner.index)
            super().checkpoint_soon(runner, on_error)

    clock = FakeClock(0.0)
    catalog = services.catalog
    plan = services.plans.for_target(None, catalog.exercises["bird-dog"])
    session = PlainSession(
        plan,
        Counting(services.journal, pain_before=None, now=services.now),
        clock=clock,
        keys=ScriptedKeys(clock),
        say=lambda line: None,
        safety=SafetyLines.from_safety(catalog.safety),
    )
    session.run()
    work_ends = [index + 1 for index, step in enumerate(plan.steps) if step.kind in (StepKind.REPS, StepKind.HOLD)]
    assert kept[: len(work_ends) - 1] == work_ends[:-1]
