"""One routine: what it is for, its items with their doses, and its length."""

from __future__ import annotations

from collections import defaultdict

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.catalog.models import Routine
from trainer.engine.plan import Plan
from trainer.screens.base import TrainerScreen
from trainer.screens.exercise import ExerciseScreen
from trainer.screens.start import begin_session
from trainer.widgets.literal import literal, shown
from trainer.wording import format_minutes, format_seconds


def item_prompts(plan: Plan, routine: Routine) -> list[Content]:
    """Two lines per item: number, name and part; then dose and time."""
    seconds_by_exercise: dict[int, float] = defaultdict(float)
    for step in plan.steps:
        seconds_by_exercise[step.exercise_index] += step.seconds
    prompts = []
    for index, (item, planned) in enumerate(zip(routine.items, plan.exercises, strict=True)):
        lines = [
            Content.assemble(
                (f"{index + 1:>2}. ", "$foreground-muted"),
                literal(planned.exercise.name, "bold"),
                (f"  {item.part}", "$foreground-muted"),
                "\n    ",
                planned.prescription.describe(),
                (f"  ·  {format_seconds(seconds_by_exercise[index])}", "$foreground-muted"),
            )
        ]
        if planned.note:
            lines.append(Content.assemble("    ", literal(planned.note, "italic $accent")))
        if planned.instead is not None:
            lines.append(
                Content.assemble("    ", literal(f"Easier choice: {planned.instead.name}", "$foreground-muted"))
            )
        prompts.append(Content("\n").join(lines))
    return prompts


class RoutineScreen(TrainerScreen):
    CSS_PATH = "routine.tcss"
    BINDINGS = [Binding("s", "start", "Start this routine")]

    def __init__(self, routine: Routine) -> None:
        super().__init__()
        self.routine = routine
        self.sub_title = shown(routine.name)

    def compose_body(self) -> ComposeResult:
        routine = self.routine
        with Vertical(id="routine"):
            yield Static(literal(routine.name, "bold"), id="name")
            yield Static(id="facts")
            yield Static(literal(f"{routine.summary} {routine.when_to_use}"), id="about")
            yield OptionList(id="items")
            yield Static("Enter opens an exercise · times include rests and getting ready", id="hint")

    def on_mount(self) -> None:
        self._show_plan()
        self.query_one("#items").focus()

    def on_screen_resume(self) -> None:
        """Back from one of its exercises, whose dose may have changed: the items and the length follow it."""
        self._show_plan()

    def _show_plan(self) -> None:
        routine = self.routine
        self.plan = self.services.plans.for_routine(routine)  # with the person's own doses
        self.query_one("#facts", Static).update(
            Content(
                f"About {format_minutes(self.plan.total_seconds)} · {len(routine.items)} exercises · {routine.level}"
            )
        )
        items = self.query_one("#items", OptionList)
        highlighted = items.highlighted
        items.clear_options()
        items.add_options(
            Option(prompt, id=str(index)) for index, prompt in enumerate(item_prompts(self.plan, routine))
        )
        items.highlighted = highlighted if highlighted is not None else 0

    def action_start(self) -> None:
        begin_session(self, routine=self.routine)

    @on(OptionList.OptionSelected, "#items")
    def _open_exercise(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or 0)
        self.app.push_screen(ExerciseScreen(self.plan.exercises[index].exercise))
