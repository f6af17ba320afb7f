"""The session player: a big countdown, the cue in plain words, progress, and safe stops.

A thin view (stopping, quitting and the end are in ``session_end.py``, its base). The runner
(``trainer.engine.runner``) says where the session is, ``session_view`` turns that into one ``SessionView``
with every text the screen shows, and the recorder (``trainer.services.recorder``) does every journal write.
The screen holds the view in a reactive and redraws a widget only when its part of the view changes; it
wakes when the view will next change (the countdown's next second, the next phase) rather than on a fast
timer.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from time import monotonic

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region
from textual.reactive import var
from textual.strip import Strip
from textual.timer import Timer
from textual.widgets import Static

from trainer.catalog.models import RepMode
from trainer.engine.cues import WORK
from trainer.engine.plan import Plan
from trainer.engine.runner import Runner
from trainer.engine.session_view import SKIP_LABELS, SessionView, bells, next_frame_in, session_view
from trainer.journal.errors import JournalError
from trainer.screens.frames import FrameReporter
from trainer.screens.help import HelpScreen
from trainer.screens.session_dialogs import ExerciseStepsScreen
from trainer.screens.session_end import SessionEnding
from trainer.services.plans import PlanBuilder
from trainer.services.recorder import SessionRecorder
from trainer.widgets.big_text import BigClock, BigText
from trainer.widgets.figure import Figure
from trainer.widgets.literal import literal, shown
from trainer.widgets.quiet_progress import QuietProgressBar

SKIP_NAMES = (*dict.fromkeys(SKIP_LABELS.values()), "Skip side")
"""Every name the skip key can have in the footer (one shows at a time)."""

END_PAUSE = 0.3
"""Seconds the finished (or stopped) session shows before the 'how did it go' questions."""

WAKE_MARGIN = 0.002
"""Wake a hair after a change is due, so the clock has certainly passed it."""


class SessionScreen(SessionEnding):
    CSS_PATH = "session.tcss"
    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Resume"),  # the footer shows the one that applies (check_action)
        *(Binding("n", f"skip_step({label!r})", label) for label in SKIP_NAMES),
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
        Binding("f", "figure", "Figure on/off", show=False),
        Binding("escape", "stop", "Stop", show=False),
    ]

    view: var[SessionView | None] = var(None, init=False)

    RESUME_LEAD_IN = 3.0
    """The 3-2-1 after a pause, before the clock runs again."""
    BELL_GAP = 0.25
    """Seconds between the bells of a pattern (two at a new exercise or side, three at the end)."""

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
        self.runner = Runner(plan, clock, resume_lead_in=self.RESUME_LEAD_IN)
        self.runner.on_step_change.append(self._step_changed)
        self.recorder = recorder
        self.plans = plans
        self.end_pause = end_pause
        self.sub_title = shown(plan.title)
        self._wake: asyncio.TimerHandle | None = None
        self._drawn = False
        """Whether the compositor has drawn this screen yet: the session starts once that frame is out."""
        self.garbage_collection: Timer | None = None
        """Once the session has begun: the collection of its garbage every few seconds (``trainer.start_up``)."""
        self._leave_when_resumed = False
        self._asked_to_quit = False
        self._step_index = 0

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
                yield BigText(id="cue")
                yield Static(id="cue-detail")
                with Horizontal(id="moment"):
                    yield Figure(self.plan.exercises[0].exercise.poses, id="figure")
                    yield BigClock("0:00", id="countdown")
                yield Static(id="hint")
            yield Static(id="points")
            yield Static(id="note")
            with Horizontal(classes="bar-row", id="step-row"):
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

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self._drawn:
            self._drawn = True
            host = self.app
            assert isinstance(host, FrameReporter)  # (sessions run in TrainerApp)
            host.after_next_frame(self._first_frame_out)
        return super().render_lines(crop)

    def _first_frame_out(self) -> None:
        """The first frame has gone to the terminal: the session starts now, on its clock."""
        self.call_later(self._begin, self.runner.clock())

    def _begin(self, first_frame_at: float) -> None:
        """Start the clock from when the first frame went out: not before it (the first step is not cut
        short), and not from when this runs, which on a busy machine is a while after that frame."""
        self.recorder.begin()
        collector = self.services.session_collector
        collector.freeze()
        self.garbage_collection = self.set_interval(collector.every, collector.collect, name="the session's garbage")
        self.runner.start(at=first_frame_at)
        self._tick()

    def on_unmount(self) -> None:
        self._cancel_timer()
        if self.garbage_collection is not None:  # (it froze as it began)
            self.services.session_collector.thaw()
        if self.recorder.record is None:
            self.recorder.close()  # closed mid-session: its checkpoint is offered at the next start

    def on_resize(self) -> None:
        height = self.size.height
        self.update_classes({"-short": height < 34, "-tiny": height < 28, "-tall": height >= 34})  # (one restyle)

    # --- the clock -------------------------------------------------------------

    def _cancel_timer(self) -> None:
        if self._wake is not None:
            self._wake.cancel()
            self._wake = None

    def _tick(self) -> None:
        """Show where the session is now and sleep until that next changes.

        The wake-up is set for a moment in time, not after a delay counted from when a timer gets going:
        drawing this tick's frame then takes nothing off the next change's punctuality."""
        self._wake = None
        loop = asyncio.get_running_loop()
        ticked_at = loop.time()
        snapshot = self.runner.snapshot()
        self.view = session_view(snapshot, self.plan)
        if snapshot.state in ("finished", "stopped"):
            self._cancel_timer()
            self._end_once_shown()
            return
        waits = [wait for wait in (snapshot.next_change_in, next_frame_in(snapshot)) if wait is not None]
        if waits:
            self._wake = loop.call_at(ticked_at + min(waits) + WAKE_MARGIN, self.call_later, self._tick)

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

        def changed(*parts: str) -> bool:
            return old is None or any(getattr(old, part) != getattr(new, part) for part in parts)

        if changed("exercise_name"):  # may wrap beside long counts: a new layout, once per exercise
            self._static("exercise-name").update(literal(new.exercise_name))
        if changed("counts"):
            self._static("counts").update(literal(new.counts))
        if changed("cue", "cue_class"):
            cue = self.query_one("#cue", BigText)
            cue.text, cue.kind = new.cue, new.cue_class
            cue.set_classes(new.cue_class)
            countdown = self.query_one("#countdown", BigClock)
            countdown.kind = new.cue_class
            countdown.set_classes(new.cue_class)
        if changed("cue_detail"):
            self._static("cue-detail").update(literal(new.cue_detail))
        if changed("countdown"):
            self.query_one("#countdown", BigClock).text = new.countdown
        if changed("hint"):
            self._static("hint").update(literal(new.hint))
        if changed("key_points"):
            self._static("points").update(Content("\n").join(literal(point) for point in new.key_points))
        if changed("note"):
            note = self._static("note")
            note.update(literal(new.note))
            note.display = bool(new.note)
        if changed("step_progress"):
            self.query_one("#step-bar", QuietProgressBar).show(new.step_progress)
        if changed("step_left"):
            self._static("step-left").update(literal(new.step_left), layout=False)
        if changed("session_progress"):
            self.query_one("#session-bar", QuietProgressBar).show(new.session_progress)
        if changed("session_left"):
            self._static("session-left").update(literal(new.session_left), layout=False)
        if changed("next_text"):
            self._static("next").update(literal(new.next_text), layout=False)
        if changed("how_steps", "how_title"):
            how = self._static("how")
            how.border_title = literal(new.how_title)
            how.update(
                Content("\n").join(
                    Content.assemble((f"{number}. ", "bold"), literal(step))
                    for number, step in enumerate(new.how_steps, 1)
                )
            )
        if changed("exercise_id"):
            self.query_one("#figure", Figure).set_poses(
                self.plan.exercises[self.runner.step.exercise_index].exercise.poses
            )
        self.query_one("#figure", Figure).show(new.figure_t, mirrored=new.mirrored)  # redraws only a new frame
        if changed("state", "skip_label"):
            self.refresh_bindings()  # the footer says Resume while paused, and what n skips
        self._ring(bells(old, new))

    def _ring(self, times: int) -> None:
        """The bell ``times`` times, a moment apart (over SSH too): a pattern says what changed."""
        if not self.services.settings.current.bell:
            return
        for number in range(times):
            if number == 0:
                self.app.bell()
            else:
                self.set_timer(number * self.BELL_GAP, self.app.bell)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """One space and one n binding show at a time: Pause or Resume; the skip that fits the step."""
        view = self.view
        if view is None:
            return True
        if action == "pause":
            return view.state != "paused"
        if action == "resume":
            return view.state == "paused"
        if action == "skip_step":
            return parameters == (view.skip_label,)
        return True

    # --- checkpoints ----------------------------------------------------------------

    def _step_changed(self, index: int) -> None:
        """After each set (each side of it) and each new exercise, keep what was done: in the background."""
        left, self._step_index = self._step_index, index
        if (
            self.plan.steps[left].kind in WORK
            or self.plan.steps[index].exercise_index != self.plan.steps[left].exercise_index
        ):
            self.recorder.checkpoint_soon(self.runner, self._checkpoint_failed)

    def _checkpoint_failed(self, error: JournalError) -> None:
        """(From the checkpoint writer's thread.)"""
        message = f"Could not keep the session so far: {error}"
        self.app.call_from_thread(self.notify, message, severity="warning")

    # --- keys ------------------------------------------------------------------

    def _then_show(self, action: Callable[[], None]) -> None:
        action()
        self.refresh_display()

    def action_pause(self) -> None:
        self._then_show(self.runner.toggle_pause)

    def action_resume(self) -> None:
        """Carry on after a pause: a 3-2-1 first, to get back into position."""
        self._then_show(self.runner.resume)

    def action_skip_step(self, label: str = "") -> None:
        """n: skip what the footer names (the set, the side, the hold, the rest); ``label`` is that name."""
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

    def action_figure(self) -> None:
        """f shows or hides the figure (it makes room for the countdown on a small terminal)."""
        self.query_one("#figure", Figure).toggle_class(Figure.HIDDEN)

    def action_bell(self) -> None:
        bell = self.services.settings.set_bell(not self.services.settings.current.bell).bell
        self.notify("Bell on." if bell else "Bell off.")

    def on_screen_suspend(self) -> None:
        """Covered (help, the steps, a dialog, the too-small notice): the session waits, paused."""
        self.runner.pause()
        self._cancel_timer()

    def open_help(self) -> None:
        """'When to get help' during a session: the session waits, so nothing is missed or rung meanwhile."""
        self._paused_for(HelpScreen())

    def action_steps(self) -> None:
        def pain_stop(stop: bool | None) -> None:
            if stop:
                self._stop("pain")

        self._paused_for(ExerciseStepsScreen(self.runner.step.exercise), pain_stop)
