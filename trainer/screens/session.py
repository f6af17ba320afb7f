"""The session player: a big countdown, the cue in plain words, progress, and safe stops.

The screen only renders runner snapshots and forwards keys. It wakes up when
what it shows will next change (the countdown's next second, the next phase)
rather than on a fast timer, and it redraws a widget only when its text or
value changes: a 30 s hold is about thirty small updates, not an animation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime
from time import monotonic
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Static

from trainer.catalog.models import RepMode
from trainer.engine.plan import Plan, StepKind, format_seconds
from trainer.engine.runner import Runner, Snapshot, StopReason
from trainer.journal.checkpoints import RunningSession
from trainer.journal.models import SessionRecord, new_id
from trainer.journal.store import JournalError
from trainer.screens.base import TrainerScreen
from trainer.screens.help import HelpScreen
from trainer.screens.session_dialogs import (
    AfterAnswers,
    AfterSessionScreen,
    ExerciseStepsScreen,
    StopReasonScreen,
)
from trainer.screens.session_record import session_record
from trainer.widgets.literal import literal, shown
from trainer.widgets.quiet_progress import QuietProgressBar

ResultT = TypeVar("ResultT")

AFTER_DIALOG_DELAY = 0.3
"""Seconds the finished (or stopped) session shows before the 'how did it go' questions."""

WAKE_MARGIN = 0.002
"""Wake a hair after a change is due, so the clock has certainly passed it."""

CUE_CLASSES = {
    StepKind.GET_READY: "ready",
    StepKind.REPS: "work",
    StepKind.HOLD: "work",
    StepKind.REST: "rest",
    StepKind.SWITCH_SIDE: "switch",
}


def clock_text(seconds: float, counting_up: bool = False) -> str:
    """``1:05``. Time left rounds up, as the countdown does (2.4 s left shows 0:03); time spent rounds down."""
    whole = max(0, math.floor(seconds + 1e-9) if counting_up else math.ceil(seconds - 1e-9))
    return f"{whole // 60}:{whole % 60:02d}"


def big_cue(cue: str) -> str:
    """Short cues spaced out so they read from across the room: 'L I F T'."""
    return " ".join(cue.upper()) if len(cue) <= 8 and " " not in cue else cue


class SessionScreen(TrainerScreen):
    CSS_PATH = "session.tcss"
    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("n", "skip_step", "Skip"),
        Binding("e", "skip_exercise", "Skip exercise", show=False),
        Binding("b", "back", "Back"),
        Binding("s", "stop", "Stop"),
        Binding("q", "stop", "Stop", show=False),
        Binding("p", "pain_stop", "Pain: stop now"),
        Binding("enter", "rep_done", "Rep done", show=False),
        Binding("i", "steps", "Steps"),
        Binding("r", "rep_mode", "Own pace", show=False),
        Binding("m", "bell", "Bell on/off", show=False),
        Binding("escape", "stop", "Stop", show=False),
    ]

    def __init__(
        self,
        plan: Plan,
        *,
        pain_before: int | None = None,
        clock: Callable[[], float] = monotonic,
        on_saved: Callable[[SessionRecord], None] | None = None,
    ) -> None:
        super().__init__()
        self.plan = plan
        self.pain_before = pain_before
        self.runner = Runner(plan, clock)
        self.runner.on_step_change.append(self._step_changed)
        self.sub_title = shown(plan.title)
        self.started: datetime | None = None
        self.record: SessionRecord | None = None
        self.session_id = new_id()
        """The id of every checkpoint of this session and of its record: the journal holds it once."""
        self._in_progress: RunningSession | None = None
        self.on_saved = on_saved
        self._timer: Timer | None = None
        self._shown: dict[str, object] = {}
        self._last_key: tuple[int, int, int] | None = None
        self._last_exercise = 0
        self._leave_when_resumed = False

    # --- layout ----------------------------------------------------------------

    def compose_body(self) -> ComposeResult:
        with Vertical(id="session"):
            with Horizontal(id="where"):
                yield Static(id="exercise-name")
                yield Static(id="counts")
            with Vertical(id="stage"):
                yield Static(id="cue")
                with Center():
                    yield Digits("0:00", id="countdown")
                yield Static(id="hint")
            with Horizontal(classes="bar-row"):
                yield Static("Step", classes="bar-label")
                yield QuietProgressBar(1000, id="step-bar")
                yield Static(id="step-left", classes="bar-value")
            with Horizontal(classes="bar-row"):
                yield Static("Session", classes="bar-label")
                yield QuietProgressBar(1000, id="session-bar")
                yield Static(id="session-left", classes="bar-value")
            yield Static(id="next")
            yield Static(id="how")
            yield Static(literal(self.trainer.catalog.safety.stop_rule_short), id="stop-rule")

    def on_mount(self) -> None:
        self._render_snapshot(self.runner.snapshot())
        # The clock starts with the first frame on screen, not before it: the first step is not cut short.
        self.call_after_refresh(self._begin)

    def _begin(self) -> None:
        self.started = self.trainer.now()
        self.runner.start()
        self._tick()

    def on_unmount(self) -> None:
        self._cancel_timer()
        if self._in_progress is not None:
            self._in_progress.close()  # closed mid-session: its checkpoint is offered at the next start

    # --- the clock -------------------------------------------------------------

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        """Show the current snapshot and sleep until the next change."""
        self._timer = None
        snapshot = self.runner.snapshot()
        self._render_snapshot(snapshot)
        if snapshot.state in ("finished", "stopped"):
            self._finish()
            return
        wait = snapshot.next_change_in
        if wait is not None:
            self._timer = self.set_timer(wait + WAKE_MARGIN, self._tick)

    def refresh_display(self) -> None:
        """Show the runner's state now (after a key, or when a test moves its clock)."""
        self._cancel_timer()
        self._tick()

    def _set(self, key: str, value: object, apply: Callable[[], None]) -> None:
        """Touch a widget only when what it shows changes."""
        if self._shown.get(key) != value:
            self._shown[key] = value
            apply()

    def _render_snapshot(self, snap: Snapshot) -> None:
        step = snap.step
        planned = self.plan.exercises[snap.exercise_index]
        name = planned.exercise.name
        if snap.exercises_total > 1:
            name = f"Exercise {snap.exercise_index + 1} of {snap.exercises_total} · {name}"
        # may wrap onto a second line beside long counts: a new layout (once per exercise, not per second)
        self._set("name", name, lambda: self.query_one("#exercise-name", Static).update(literal(name)))
        self._set("how", planned.exercise.id, lambda: self._show_steps(snap.exercise_index))
        counts = []
        if step.kind in (StepKind.REPS, StepKind.HOLD, StepKind.REST, StepKind.SWITCH_SIDE):
            counts.append(f"Set {step.set_number} of {step.sets_total}")
        if snap.rep:
            counts.append(f"Rep {snap.rep} of {snap.reps_total}")
        if step.side and step.kind != StepKind.GET_READY:
            counts.append(f"{step.side.upper()} side")
        counts_text = " · ".join(counts)
        self._set("counts", counts_text, lambda: self.query_one("#counts", Static).update(Content(counts_text)))

        cue = {"paused": "Paused", "finished": "D O N E", "stopped": "Stopped"}.get(snap.state, big_cue(snap.cue))
        kind_class = snap.state if snap.state in ("paused", "finished", "stopped") else CUE_CLASSES[step.kind]

        def show_cue() -> None:
            widget = self.query_one("#cue", Static)
            widget.update(Content(cue), layout=False)
            widget.set_classes(kind_class)

        self._set("cue", (cue, kind_class), show_cue)
        shown_time = clock_text(snap.countdown) if not snap.self_paced else clock_text(snap.step_elapsed, True)
        self._set("countdown", shown_time, lambda: self.query_one("#countdown", Digits).update(shown_time))
        hint = self._hint(snap)
        self._set("hint", hint, lambda: self.query_one("#hint", Static).update(Content(hint)))

        step_value = round(snap.step_progress * 1000)
        self._set(
            "step-bar", step_value, lambda: self.query_one("#step-bar", QuietProgressBar).update(progress=step_value)
        )
        step_left = "" if snap.self_paced else f"{clock_text(snap.step_remaining)} left"
        self._set(
            "step-left",
            step_left,
            lambda: self.query_one("#step-left", Static).update(Content(step_left), layout=False),
        )
        session_value = round(snap.session_progress * 1000)
        self._set(
            "session-bar",
            session_value,
            lambda: self.query_one("#session-bar", QuietProgressBar).update(progress=session_value),
        )
        session_left = f"{clock_text(snap.session_remaining)} left"
        self._set(
            "session-left",
            session_left,
            lambda: self.query_one("#session-left", Static).update(Content(session_left), layout=False),
        )
        self._set(
            "next",
            snap.next_text,
            lambda: self.query_one("#next", Static).update(Content(snap.next_text), layout=False),
        )

        if self._last_key is not None and snap.change_key != self._last_key and snap.state == "running":
            self._ring()
        self._last_key = snap.change_key

    def _show_steps(self, exercise_index: int) -> None:
        """The exercise's steps, shown below when the terminal is tall enough (else i shows them)."""
        exercise = self.plan.exercises[exercise_index].exercise
        how = self.query_one("#how", Static)
        how.border_title = literal(f"How: {exercise.name}")
        how.update(
            Content("\n").join(
                Content.assemble((f"{number}. ", "bold"), literal(step))
                for number, step in enumerate(exercise.steps, 1)
            )
        )

    def on_resize(self) -> None:
        self.set_class(self.size.height < 34, "-short")

    def _hint(self, snap: Snapshot) -> str:
        if snap.state == "paused":
            return "Space to carry on"
        if snap.self_paced:
            return "At your own pace: press Enter after each rep (r switches back to paced)"
        if snap.step.kind == StepKind.GET_READY:
            dose = self.plan.exercises[snap.exercise_index].prescription.describe()
            return f"{dose} · i shows the steps · e skips this exercise"
        if snap.step.kind == StepKind.REPS:
            return "r: go at your own pace instead"
        return ""

    def _ring(self) -> None:
        if self.trainer.settings.bell:
            self.app.bell()

    # --- checkpoints and the end ----------------------------------------------------

    def _step_changed(self, index: int) -> None:
        exercise = self.plan.steps[index].exercise_index
        if exercise != self._last_exercise:
            self._last_exercise = exercise
            self._checkpoint()

    def _session(self) -> RunningSession:
        if self._in_progress is None:
            self._in_progress = self.trainer.journal.open_session(self.session_id)
        return self._in_progress

    def _checkpoint(self) -> None:
        try:
            self._session().save(self._record(unfinished=True))
        except JournalError as error:
            self.notify(f"Could not keep the session so far: {error}", severity="warning")

    def _record(self, unfinished: bool = False) -> SessionRecord:
        planned = self.plan
        single = planned.exercises[0].exercise.id if planned.routine_id is None else None
        return session_record(
            self.runner,
            session_id=self.session_id,
            title=planned.title,
            routine_id=planned.routine_id,
            exercise_id=single,
            started=self.started or self.trainer.now(),
            pain_before=self.pain_before,
            unfinished=unfinished,
        )

    def _finish(self) -> None:
        """Save the record at once (answers are added after), then ask how it went."""
        if self.record is not None:
            return
        self._cancel_timer()
        self.record = self._record()
        try:
            self._session().finish(self.record)
        except JournalError as error:
            self.notify(f"Could not save the session: {error}", severity="error", timeout=20)
        if self.on_saved is not None:
            self.on_saved(self.record)
        self._ring()
        # the end shows on this screen first; what follows comes a moment later
        if AFTER_DIALOG_DELAY > 0:
            self.set_timer(AFTER_DIALOG_DELAY, self._after_the_end)
        else:
            self.call_after_refresh(self._after_the_end)

    def _after_the_end(self) -> None:
        """After a pain stop, what to watch for comes first (stop rules, when to get help), then the questions."""
        assert self.record is not None
        if self.record.ended_how == "stopped-pain":
            self.app.push_screen(HelpScreen(), lambda _: self._ask_how_it_went())
        else:
            self._ask_how_it_went()

    def _ask_how_it_went(self) -> None:
        record = self.record
        assert record is not None
        done = f"{record.completion:.0%} of the plan in {format_seconds(record.minutes * 60)}"
        if record.skipped_some:
            headline = "Session over"
            summary = f"You went through {record.title}, skipping parts of it: {done}. Any amount of movement counts."
        elif record.ended_how == "finished":
            headline, summary = "Well done: session complete", f"You did {record.title}: {done}."
        elif record.ended_how == "stopped-pain":
            headline = "Session stopped for pain"
            summary = f"Stopping was the right call. Saved: {done}."
        else:
            headline, summary = "Session stopped", f"Saved: {done}. Any amount of movement counts."
        self.app.push_screen(
            AfterSessionScreen(headline, summary, self.trainer.catalog.safety, record.ended_how == "stopped-pain"),
            self._answers,
        )

    def _answers(self, answers: AfterAnswers | None) -> None:
        if answers is not None and self.record is not None:
            changes = {
                "pain_after": answers.pain_after,
                "pain_peak": answers.pain_peak,
                "effort": answers.effort,
                "note": answers.note,
            }
            if any(value not in (None, "") for value in changes.values()):
                updated = self.record.model_copy(update=changes)
                try:
                    self.trainer.journal.update(self.record, updated)
                    self.record = updated
                except JournalError as error:
                    self.notify(f"Could not save your answers: {error}", severity="error")
        self._leave()

    def _leave(self) -> None:
        """Back to where the session was started from; if a screen is open on top (help), once it closes."""
        if self.app.screen is self:
            self.dismiss()
        else:
            self._leave_when_resumed = True

    def on_screen_resume(self) -> None:
        if self._leave_when_resumed:
            self.dismiss()

    # --- keys ------------------------------------------------------------------

    def action_pause(self) -> None:
        self.runner.toggle_pause()
        self.refresh_display()

    def action_skip_step(self) -> None:
        self.runner.skip_step()
        self.refresh_display()

    def action_skip_exercise(self) -> None:
        self.runner.skip_exercise()
        self.refresh_display()

    def action_back(self) -> None:
        self.runner.back()
        self.refresh_display()

    def action_rep_done(self) -> None:
        self.runner.rep_done()
        self.refresh_display()

    def action_rep_mode(self) -> None:
        mode: RepMode = "paced" if self.runner.rep_mode() == "self-paced" else "self-paced"
        self.runner.set_rep_mode(mode)
        self.notify(
            "Reps now go at your own pace: Enter after each." if mode == "self-paced" else "Reps are paced again."
        )
        self.refresh_display()

    def action_bell(self) -> None:
        bell = not self.trainer.settings.bell
        try:
            self.trainer.settings = self.trainer.journal.update_settings(bell=bell)
        except JournalError:
            self.trainer.settings = self.trainer.settings.model_copy(update={"bell": bell})
        self.notify("Bell on." if bell else "Bell off.")

    def _paused_for(self, screen: Screen[ResultT], then: Callable[[ResultT | None], bool] | None = None) -> None:
        """Pause while ``screen`` is open; carry on after it, unless ``then`` (given its result) ends the session."""
        was_running = self.runner.state == "running"
        self.runner.pause()
        self.refresh_display()

        def back(result: ResultT | None) -> None:
            if then is not None and then(result):
                return
            if was_running:
                self.runner.resume()
            self.refresh_display()

        self.app.push_screen(screen, back)

    def open_help(self) -> None:
        """'When to get help' during a session: the session waits, so nothing is missed or rung meanwhile."""
        self._paused_for(HelpScreen())

    def action_steps(self) -> None:
        def pain_stop(stop: bool | None) -> bool:
            if stop:
                self._stop("pain")
            return bool(stop)

        self._paused_for(ExerciseStepsScreen(self.runner.step.exercise), pain_stop)

    def action_stop(self) -> None:
        if self.runner.state in ("finished", "stopped"):
            return

        def chosen(reason: StopReason | None) -> bool:
            if reason is not None:
                self._stop(reason)
            return reason is not None

        self._paused_for(StopReasonScreen(), chosen)

    def action_pain_stop(self) -> None:
        """Ends at once: no question first, the stop is recorded, then the stop rules show."""
        self._stop("pain")

    def _stop(self, reason: StopReason) -> None:
        self.runner.stop(reason)
        self.refresh_display()

    def action_go_back(self) -> None:
        self.action_stop()
