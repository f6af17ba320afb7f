"""The weekly check: two 0-10 questions and how the back is overall."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, RadioButton, RadioSet, Static

from trainer.journal.models import (
    ACTIVITY_QUESTION,
    ENJOYMENT_QUESTION,
    GLOBAL_CHANGE_LABELS,
    GLOBAL_CHANGE_QUESTION,
    GLOBAL_CHANGES,
    WeeklyCheck,
)
from trainer.screens.dialogs import WideDialog
from trainer.widgets.pain_scale import NumberScale
from trainer.wording import format_date


class WeeklyCheckScreen(WideDialog[WeeklyCheck | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def __init__(self, now: datetime, existing: WeeklyCheck | None = None) -> None:
        super().__init__()
        self.now = now
        self.existing = existing

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            title = "Weekly check"
            if self.existing is not None:
                title = f"Weekly check of {format_date(self.existing.at.date(), self.now.date())}"
            yield Static(Content(title), classes="dialog-title")
            yield Static(
                Content(
                    "Three questions about the past week (the app's own, not a validated scale). "
                    "Number keys answer, Tab moves on, Ctrl+S saves, Esc cancels."
                ),
            )
            yield Static(Content(ACTIVITY_QUESTION), classes="question")
            yield NumberScale(
                "not at all",
                "completely",
                coloured=False,
                id="activity",
                value=self.existing.activity_interference if self.existing else None,
            )
            yield Static(Content(ENJOYMENT_QUESTION), classes="question")
            yield NumberScale(
                "not at all",
                "completely",
                coloured=False,
                id="enjoyment",
                value=self.existing.enjoyment_interference if self.existing else None,
            )
            yield Static(Content(GLOBAL_CHANGE_QUESTION), classes="question")
            with RadioSet(id="change", compact=True):
                for value in reversed(GLOBAL_CHANGES):
                    chosen = self.existing is not None and self.existing.global_change == value
                    yield RadioButton(GLOBAL_CHANGE_LABELS[value], name=value, value=chosen)
            yield Static(id="weekly-error", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button("Save (ctrl+s)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#activity").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def on_number_scale_submitted(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        activity = self.query_one("#activity", NumberScale).value
        enjoyment = self.query_one("#enjoyment", NumberScale).value
        pressed = self.query_one("#change", RadioSet).pressed_button
        missing = [
            label
            for label, answer in (("first", activity), ("second", enjoyment), ("third", pressed))
            if answer is None
        ]
        if missing or activity is None or enjoyment is None or pressed is None:
            self.query_one("#weekly-error", Static).update(
                Content(f"Please answer the {' and '.join(missing)} question{'s' if len(missing) > 1 else ''}.")
            )
            return
        answers = {
            "activity_interference": activity,
            "enjoyment_interference": enjoyment,
            "global_change": pressed.name,
        }
        if self.existing is not None:
            self.dismiss(WeeklyCheck.model_validate({**self.existing.model_dump(), **answers}))
        else:
            self.dismiss(WeeklyCheck.model_validate({"at": self.now, **answers}))

    def action_cancel(self) -> None:
        self.dismiss(None)
