"""Small dialogs that return a value: confirm, and a notice with a way to help. Their style: dialogs.tcss."""

from __future__ import annotations

from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A modal dialog of the app. A modal screen hides the app's own keys, so ``h`` for
    "When to get help" is bound here again (``F1`` is a priority key and works anyway)."""

    BINDINGS = [Binding("h", "app.get_help", "Get help", show=False)]


class WideDialog(Dialog[ResultT]):
    """A dialog with questions or long names: wider than the others (``dialogs.tcss``)."""


class ConfirmScreen(Dialog[bool]):
    """Ask a yes/no question; ``y`` confirms, ``n``/``q``/Esc cancels."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,q", "answer(False)", "No"),
        Binding("escape", "answer(False)", "No", show=False),
    ]

    def __init__(self, title: str, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.question))
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.no} (n)", id="no")
                yield Button(f"{self.yes} (y)", id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class HelpNoticeScreen(Dialog[bool]):
    """A safety notice; dismisses with True when the person asks to see the help lists."""

    BINDINGS = [
        Binding("h,f1", "answer(True)", "When to get help", priority=True),
        Binding("enter,q,escape", "answer(False)", "OK"),
    ]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            yield Static(Content(self.message))
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK", id="ok")
                yield Button("When to get help (h)", id="help", variant="warning")

    def on_mount(self) -> None:
        self.query_one("#help").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "help")

    def action_answer(self, show_help: bool) -> None:
        self.dismiss(show_help)
