"""Edit a session record later: pain after, the highest pain, how hard it felt, and a note.

What the session itself recorded (when, what was done, how it ended) stays as it was; only the answers a
person gives afterwards can change, so pain after a session can be added the next morning.
"""

from __future__ import annotations

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static, TextArea

from trainer.journal.describe import entry_summary
from trainer.journal.limits import explain
from trainer.journal.models import SessionRecord
from trainer.screens.dialogs import WideDialog
from trainer.widgets.literal import literal
from trainer.widgets.pain_scale import NumberScale

ANSWERS = (
    ("pain_after", "How bad was your back pain after the session?", "no pain", "worst pain you can imagine"),
    ("pain_peak", "Your highest pain during the session", "no pain", "worst pain you can imagine"),
    ("effort", "How hard did it feel?", "very easy", "as hard as it gets"),
)
"""Field, question, and the words at the two ends of its 0-10 scale."""


class SessionEditScreen(WideDialog[SessionRecord | None]):
    """Dismisses with the record with its answers changed, or None (cancelled, or nothing changed)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel", show=False),
    ]

    def __init__(self, record: SessionRecord) -> None:
        super().__init__()
        self.record = record

    def compose(self) -> ComposeResult:
        with Vertical():  # the questions scroll on a short terminal; the buttons stay in view below them
            with VerticalScroll(classes="dialog-body"):
                yield Static(Content("Edit this session"), classes="dialog-title")
                yield Static(literal(entry_summary(self.record)), classes="hint")
                for field, question, low, high in ANSWERS:
                    yield Static(Content(f"{question} (optional)"), classes="question")
                    yield NumberScale(
                        low,
                        high,
                        value=getattr(self.record, field),
                        optional=True,
                        coloured=field != "effort",
                        id=field.replace("_", "-"),
                    )
                yield Static(Content("A note (optional)"), classes="question")
                yield TextArea(self.record.note, id="session-note", soft_wrap=True, compact=True)
                yield Static(id="note-problem", classes="warning")
                yield Static(
                    Content("Number keys answer, Backspace clears, Tab moves on; Ctrl+S saves, Esc cancels."),
                    classes="hint",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Cancel (Esc)", id="cancel", compact=True)
                yield Button("Save (Ctrl+S)", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#pain-after").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def on_number_scale_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        answers: dict[str, object] = {
            field: self.query_one(f"#{field.replace('_', '-')}", NumberScale).value for field, *_ in ANSWERS
        }
        answers["note"] = self.query_one("#session-note", TextArea).text.strip()
        try:
            updated = SessionRecord.model_validate({**self.record.model_dump(), **answers})
        except ValidationError as error:
            problem = explain(error.errors(include_url=False)[0])
            self.query_one("#note-problem", Static).update(literal(f"The note cannot be saved: {problem}."))
            self.query_one("#session-note").focus()
            return
        self.dismiss(None if updated == self.record else updated)

    def action_cancel(self) -> None:
        self.dismiss(None)
