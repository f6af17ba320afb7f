"""The session player: a big countdown, the cue in plain words, progress, and safe stops.

A thin view. The runner (``trainer.engine.runner``) says where the session is, ``session_view`` turns
that into one ``SessionView`` with every text the screen shows, and the recorder
(``trainer.services.recorder``) does every journal write. The screen holds the view in a reactive and
redraws a widget only when its part of the view changes; it wakes when the view will next change (the
countdown's next second, the next phase) rather than on a fast timer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from time import monotonic
from typing import TypeVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.reactive import var
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Digits, Static

from trainer.catalog.models import RepMode
from trainer.engine.plan import Plan
from trainer.engine.runner import Runner
from trainer.engine.session_view import SessionView, end_words, rings, session_view
from trainer.journal.errors import JournalError
from trainer.journal.models import StopReason
from trainer.screens.base import TrainerScreen
from trainer.screens.help import HelpScreen
from trainer.screens.session_dialogs import AfterSessionScreen, ExerciseStepsScreen, StopReasonScreen
from trainer.services.plans import PlanBuilder
from trainer.services.recorder import SessionRecorder
from trainer.widgets.literal import literal, shown
from trainer.widgets.quiet_progress import QuietProgressBar

ResultT = TypeVar("ResultT")

END_PAUSE = 0.3
"""Seconds the finished (or stopped) session shows before the 'how did it go' questions."""

WAKE_MARGIN = 0.002
"""Wake a hair after a change is due, so the clock has certainly passed it."""


class SessionScreen(TrainerScreen):
    CSS_PATH = "session.tcss"
    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("n", "skip_step", "Skip"),
        Binding("e", "skip_exercise", "Skip exercise", show=False),
        Binding("minus", "swap", "Easier", key_display="-", show=False),
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

    view: var[SessionView | None] = var(None, init=False)

    def __init__(
        self,
        plan: Plan,
        recorder: SessionRecorder,
        plans: PlanBuilder,
        *,
        clock: Callable[[], float] = monotonic,
        end_pause: float = END_PAUSE,
    ) -> None:
        super().__init__()
        self.runner = Runner(plan, clock)
        self.runner.on_step_change.append(self._step_changed)
        self.recorder = recorder
        self.plans = plans
        self.end_pause = end_pause
        self.sub_title = shown(plan.title)
        self._timer: Timer | None = None
        self._last_exercise = 0
        self._leave_when_resumed = False

    @property
    def plan(self) -> Plan:
        return self.runner.plan

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
            yield Static(id="note")
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
            yield Static(literal(self.services.catalog.safety.stop_rule_short), id="stop-rule")

    def on_mount(self) -> None:
        self.view = session_view(self.runner.snapshot(), self.plan)
        # The clock starts with the first frame on screen, not before it: the first step is not cut short.
        self.call_after_refresh(self._begin)

    def _begin(self) -> None:
        self.recorder.begin()
        self.runner.start()
        self._tick()

    def on_unmount(self) -> None:
        self._cancel_timer()
        if self.recorder.record is None:
            self.recorder.close()  # closed mid-session: its checkpoint is offered at the next start

    def on_resize(self) -> None:
        self.set_class(self.size.height < 34, "-short")

    # --- the clock -------------------------------------------------------------

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _tick(self) -> None:
        """Show where the session is now and sleep until that next changes."""
        self._timer = None
        snapshot = self.runner.snapshot()
        self.view = session_view(snapshot, self.plan)
        if snapshot.state in ("finished", "stopped"):
            self._cancel_timer()
            self._end()
            return
        wait = snapshot.next_change_in
        if wait is not None:
            self._timer = self.set_timer(wait + WAKE_MARGIN, self._tick)

    def refresh_display(self) -> None:
        """Show the runner's state now (after a key, or when a test moves its clock)."""
        self._cancel_timer()
        self._tick()

    # --- drawing the view --------------------------------------------------------

    def _static(self, widget_id: str) -> Static:
        return self.query_one(f"#{widget_id}", Static)

    def watch_view(self, old: SessionView | None, new: SessionView | None) -> None:
        """Touch only the widgets whose part of the view changed."""
        if new is None:
            return

        def changed(part: str) -> bool:
            return old is None or getattr(old, part) != getattr(new, part)

        if changed("exercise_name"):  # may wrap beside long counts: a new layout, once per exercise
            self._static("exercise-name").update(literal(new.exercise_name))
        if changed("counts"):
            self._static("counts").update(literal(new.counts))
        if changed("cue") or changed("cue_class"):
            cue = self._static("cue")
            cue.update(literal(new.cue), layout=False)
            cue.set_classes(new.cue_class)
        if changed("countdown"):
            self.query_one("#countdown", Digits).update(new.countdown)
        if changed("hint"):
            self._static("hint").update(literal(new.hint))
        if changed("note"):
            note = self._static("note")
            note.update(literal(new.note))
            note.display = bool(new.note)
        if changed("step_progress"):
            self.query_one("#step-bar", QuietProgressBar).update(progress=new.step_progress)
        if changed("step_left"):
            self._static("step-left").update(literal(new.step_left), layout=False)
        if changed("session_progress"):
            self.query_one("#session-bar", QuietProgressBar).update(progress=new.session_progress)
        if changed("session_left"):
            self._static("session-left").update(literal(new.session_left), layout=False)
        if changed("next_text"):
            self._static("next").update(literal(new.next_text), layout=False)
        if changed("how_steps") or changed("how_title"):
            how = self._static("how")
            how.border_title = literal(new.how_title)
            how.update(
                Content("\n").join(
                    Content.assemble((f"{number}. ", "bold"), literal(step))
                    for number, step in enumerate(new.how_steps, 1)
                )
            )
        if rings(old, new):
            self._ring()

    def _ring(self) -> None:
        if self.services.settings.current.bell:
            self.app.bell()

    # --- checkpoints and the end ----------------------------------------------------

    def _step_changed(self, index: int) -> None:
        exercise = self.plan.steps[index].exercise_index
        if exercise != self._last_exercise:
            self._last_exercise = exercise
            try:
                self.recorder.checkpoint(self.runner)
            except JournalError as error:
                self.notify(f"Could not keep the session so far: {error}", severity="warning")

    @work(exclusive=True, group="session-end")
    async def _end(self) -> None:
        """Save the record at once, show the end, then (after a pain stop, the help lists first) ask how it went."""
        if self.recorder.record is not None:
            return
        try:
            self.recorder.finish(self.runner)
        except JournalError as error:  # kept as its checkpoint, offered again at the next start
            self.notify(f"Could not save the session: {error}", severity="error", timeout=20)
        record = self.recorder.record
        if record is None:
            return
        self._ring()
        await asyncio.sleep(self.end_pause)  # the end shows on this screen first
        stopped_for_pain = record.ended_how == "stopped-pain"
        if stopped_for_pain:
            await self.app.push_screen_wait(HelpScreen())
        headline, summary = end_words(record)
        answers = await self.app.push_screen_wait(
            AfterSessionScreen(headline, summary, self.services.catalog.safety, stopped_for_pain)
        )
        try:
            self.recorder.save_answers(answers)
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

    def _then_show(self, action: Callable[[], None]) -> None:
        action()
        self.refresh_display()

    def action_pause(self) -> None:
        self._then_show(self.runner.toggle_pause)

    def action_skip_step(self) -> None:
        self._then_show(self.runner.skip_step)

    def action_skip_exercise(self) -> None:
        self._then_show(self.runner.skip_exercise)

    def action_back(self) -> None:
        self._then_show(self.runner.back)

    def action_rep_done(self) -> None:
        self._then_show(self.runner.rep_done)

    def action_swap(self) -> None:
        """Swap this exercise for its easier choice (the routine's, else its first easier variation)."""
        if self.runner.state not in ("running", "paused"):
            return
        index = self.runner.step.exercise_index
        before = self.plan.exercises[index].exercise.name
        swapped = self.plans.swapped(self.plan, index)
        if swapped is None:
            self.notify(f"{before} has no easier choice here; e skips it.")
            return
        self.runner.swap(swapped)
        self.notify(f"Swapped {before} for {swapped.exercises[index].exercise.name}.")
        self.refresh_display()

    def action_rep_mode(self) -> None:
        mode: RepMode = "paced" if self.runner.rep_mode() == "self-paced" else "self-paced"
        self.runner.set_rep_mode(mode)
        self.notify(
            "Reps now go at your own pace: Enter after each." if mode == "self-paced" else "Reps are paced again."
        )
        self.refresh_display()

    def action_bell(self) -> None:
        bell = self.services.settings.set_bell(not self.services.settings.current.bell).bell
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
