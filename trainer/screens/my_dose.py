"""Set your own dose for an exercise: used by every session that includes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from trainer.catalog.describe import describe_dose
from trainer.catalog.models import Exercise
from trainer.engine.plan import prescribe
from trainer.journal.limits import DOSE
from trainer.journal.models import PersonalDose
from trainer.screens.dialogs import Dialog
from trainer.widgets.literal import literal

LABELS = {"sets": "Sets", "reps": "Reps per set", "hold_seconds": "Hold (seconds)"}


class MyDoseScreen(Dialog[PersonalDose | None]):
    """Dismisses with the new dose (all fields empty = back to the suggestion), or None to cancel."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(self, exercise: Exercise, current: PersonalDose | None) -> None:
        super().__init__()
        self.exercise = exercise
        self.current = current or PersonalDose()

    @property
    def fields(self) -> list[str]:
        dose = self.exercise.dose
        return ["sets", *(["reps"] if dose.reps else []), *(["hold_seconds"] if dose.hold_seconds else [])]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(f"My dose: {self.exercise.name}"), classes="dialog-title")
            yield Static(Content(f"Starting suggestion: {describe_dose(self.exercise)}."))
            suggested = prescribe(self.exercise)
            for field in self.fields:
                value = getattr(self.current, field)
                low, high = DOSE[field].minimum, DOSE[field].maximum
                with Horizontal(classes="dose-row"):
                    yield Label(LABELS[field])
                    yield Input(
                        value="" if value is None else str(value),
                        placeholder=f"{getattr(suggested, field)} (suggested)",
                        type="integer",
                        id=field,
                        compact=True,
                    )
                    yield Static(Content(f"{low} to {high}"), classes="hint")
            yield Static(id="dose-error")
            yield Static(
                Content(
                    "Leave a box empty to use the suggestion. Change one thing at a time, a little at once; "
                    "step back on a bad day. Enter or Ctrl+S saves, Esc cancels."
                ),
                classes="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel (Esc)", id="cancel", compact=True)
                yield Button("Save (Enter)", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        values: dict[str, int | None] = {}
        for field in self.fields:
            text = self.query_one(f"#{field}", Input).value.strip()
            low, high = DOSE[field].minimum or 0, DOSE[field].maximum or 0
            if not text:
                values[field] = None
            elif not text.isdigit() or not low <= int(text) <= high:
                error = self.query_one("#dose-error", Static)
                error.update(Content(f"{LABELS[field]} must be a whole number from {low} to {high}."))
                error.display = True
                self.query_one(f"#{field}", Input).focus()
                return
            else:
                values[field] = int(text)
        self.dismiss(PersonalDose(**values))

    def action_cancel(self) -> None:
        self.dismiss(None)
