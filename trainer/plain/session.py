"""A session in plain lines (``backtrainer start ID --plain``): for screen readers, braille displays, slow links.

It plays the same plan on the same runner as the full-screen session, takes the same keys, keeps the same
checkpoints and writes the same journal record through the same recorder; only the output differs: one
line at each change of the cue (``trainer.engine.spoken``), never a redraw. The clock, the keys and the
output are arguments, so a test plays a whole session at once on a fake clock.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from trainer.catalog.models import RepMode, Safety
from trainer.engine.cues import WORK
from trainer.engine.plan import Plan
from trainer.engine.runner import Runner
from trainer.engine.snapshot import Snapshot
from trainer.engine.spoken import spoken, time_left
from trainer.journal.errors import JournalError
from trainer.journal.models import SessionRecord, StopReason
from trainer.services.recorder import SessionRecorder
from trainer.wording import plural

RESUME_LEAD_IN = 3.0
"""The 3-2-1 after a pause, as in the full-screen session."""

KEYS_HELP = (
    "Keys: space pauses and carries on, t says the time left, n skips this part, e skips the exercise, "
    "b goes back, i says the steps, Enter counts a rep at your own pace, r switches own pace on or off, "
    "p stops for pain, s stops, h says when to get help."
)


END_OF_KEYS = ""
"""What ``Keys.read`` returns once no key can come any more (standard input ended)."""

STOP_QUESTION = "Why stop? t: tired, o: out of time, p: pain, x: another reason. Space carries on instead."
STOP_REASONS: dict[str, StopReason] = {"t": "tired", "o": "out-of-time", "p": "pain", "x": "other", "s": "other"}


class Keys(Protocol):
    """Where key presses come from: the terminal (``trainer.plain.keys``) or a test's script."""

    def read(self, timeout: float | None) -> str | None:
        """The next key, waiting at most ``timeout`` seconds (None: none came in time; ``END_OF_KEYS``: none
        will come, after waiting ``timeout``)."""
        ...


@dataclass(frozen=True)
class SafetyLines:
    """The safety texts a plain session says: the same words as the full-screen session shows."""

    stop_rule: str
    stop_rules: tuple[str, ...]
    get_help: tuple[str, ...]

    @classmethod
    def from_safety(cls, safety: Safety) -> SafetyLines:
        lines: list[str] = []
        for help_list in safety.help_lists:
            lines.append(f"{help_list.title}. {help_list.applies_when} {help_list.action}")
            lines += [f"- {item}" for item in help_list.items]
        numbers = ", ".join(f"{number.region}: {number.number}" for number in safety.emergency_numbers)
        lines.append(f"Emergency numbers: {numbers}.")
        return cls(safety.stop_rule_short, tuple(safety.stop_rules), tuple(lines))


class PlainSession:
    def __init__(
        self,
        plan: Plan,
        recorder: SessionRecorder,
        *,
        clock: Callable[[], float],
        keys: Keys,
        say: Callable[[str], None],
        safety: SafetyLines,
    ) -> None:
        self.plan = plan
        self.runner = Runner(plan, clock, resume_lead_in=RESUME_LEAD_IN)
        self.recorder = recorder
        self.keys = keys
        self.say = say
        self.safety = safety
        self._said: Snapshot | None = None
        self._step_index = 0
        self._asking_why = False
        """s was pressed: the next key says why the session stops (or space carries on)."""
        self.runner.on_step_change.append(self._step_changed)
        self._actions: dict[str, Callable[[], None]] = {
            " ": self.runner.toggle_pause,
            "n": self.runner.skip_step,
            "e": self.runner.skip_exercise,
            "b": self.runner.back,
            "\n": self.runner.rep_done,
            "\r": self.runner.rep_done,
            "s": self._ask_why_stop,
            "q": self._ask_why_stop,
            "p": lambda: self.runner.stop("pain"),
            "t": lambda: self.say(time_left(self.runner.snapshot(), self.plan)),
            "r": self._toggle_own_pace,
            "i": self._say_steps,
            "h": self._say_help,
            "?": self._say_help,
        }

    def run(self) -> SessionRecord:
        """Play the session to its end (or its stop) and save it; the record is returned."""
        self.say(f"{self.plan.title}: {plural(len(self.plan.exercises), 'exercise')}, about {_minutes(self.plan)}.")
        self.say(self.safety.stop_rule)
        self.say(KEYS_HELP)
        self.recorder.begin()
        self.runner.start()
        try:
            self._play()
        except KeyboardInterrupt:  # Ctrl+C: a stop, saved like s
            self.runner.stop("other")
            self._speak()
        record = self.recorder.finish(self.runner)
        if record.ended_how == "stopped-pain":
            self.say("You stopped for pain. What to do now:")
            for rule in self.safety.stop_rules:
                self.say(f"- {rule}")
        return record

    def _play(self) -> None:
        while True:
            snapshot = self._speak()
            if snapshot.state in ("finished", "stopped"):
                return
            key = self.keys.read(snapshot.next_change_in)
            if key == END_OF_KEYS:
                if snapshot.next_change_in is None or snapshot.self_paced:  # it cannot go on by itself
                    self.say("No more keys can come (the input ended): stopping here. What you did is saved.")
                    self.runner.stop("other")
            elif key is not None:
                self.press(key)

    def press(self, key: str) -> None:
        key = key.lower() if len(key) == 1 and key.isalpha() else key
        if self._asking_why:
            self._answer_why(key)
            return
        action = self._actions.get(key)
        if action is not None:
            action()

    def _ask_why_stop(self) -> None:
        """s asks why first, as the full-screen session does; the session waits meanwhile."""
        self.runner.pause()
        self._asking_why = True
        self.say(STOP_QUESTION)

    def _answer_why(self, key: str) -> None:
        reason = STOP_REASONS.get(key)
        if reason is not None:
            self._asking_why = False
            self.runner.stop(reason)
        elif key == " ":
            self._asking_why = False
            self.runner.resume()
        else:
            self.say(STOP_QUESTION)

    def _speak(self) -> Snapshot:
        snapshot = self.runner.snapshot()
        for line in spoken(self._said, snapshot, self.plan):
            self.say(line)
        self._said = snapshot
        return snapshot

    def _toggle_own_pace(self) -> None:
        mode: RepMode = "paced" if self.runner.rep_mode() == "self-paced" else "self-paced"
        self.runner.set_rep_mode(mode)
        self.say("Reps now go at your own pace: Enter after each." if mode == "self-paced" else "Reps are paced again.")

    def _say_steps(self) -> None:
        """The exercise's steps, with the session paused while they are read (as the full-screen i does)."""
        self.runner.pause()
        exercise = self.runner.step.exercise
        self.say(f"{exercise.name}, step by step:")
        for number, step in enumerate(exercise.steps, 1):
            self.say(f"{number}. {step}")

    def _say_help(self) -> None:
        """When to get help, with the session paused (as the full-screen F1 does)."""
        self.runner.pause()
        for line in self.safety.get_help:
            self.say(line)

    def _step_changed(self, index: int) -> None:
        """After each set (each side) and each new exercise a checkpoint, as the full-screen session keeps."""
        left, self._step_index = self._step_index, index
        steps = self.plan.steps
        if steps[left].kind in WORK or steps[index].exercise_index != steps[left].exercise_index:
            self.recorder.checkpoint_soon(self.runner, self._checkpoint_failed)

    def _checkpoint_failed(self, error: JournalError) -> None:
        self.say(f"Could not keep the session so far: {error}")


def _minutes(plan: Plan) -> str:
    return plural(max(1, round(plan.total_seconds / 60)), "minute")
