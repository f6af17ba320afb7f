"""Small dialogs that return a value: confirm, a notice, and a notice with a way to help. Their style: dialogs.tcss."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from trainer.catalog.models import HelpList
from trainer.widgets.bullets import BulletList
from trainer.widgets.literal import literal

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


class NoticeScreen(WideDialog[None]):
    """Something to read, and OK: a message, then a list (what changed, say). Enter, q or Esc closes; arrows
    and PgUp/PgDn read a long list while OK keeps the focus."""

    BINDINGS = [
        Binding("enter,q,escape", "close", "OK"),
        Binding("down", "scroll('scroll_down')", "Read on", show=False),
        Binding("up", "scroll('scroll_up')", "Back up", show=False),
        Binding("pagedown", "scroll('scroll_page_down')", "Page down", show=False),
        Binding("pageup", "scroll('scroll_page_up')", "Page up", show=False),
    ]

    def __init__(self, title: str, message: str, items: Sequence[str] = ()) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.items = list(items)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(literal(self.message))
                if self.items:
                    yield BulletList(self.items, classes="question")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK (Enter)", id="ok", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok").focus()

    def action_scroll(self, how: str) -> None:
        getattr(self.query_one(".dialog-body", VerticalScroll), how)(animate=False)

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class HelpNoticeScreen(Dialog[bool]):
    """A safety notice; dismisses with True when the person asks to see the help lists.
    ``first`` is a help list shown before the message (the emergency list, for symptoms in both legs).
    Enter is OK: the help lists are one key away (h), never the default."""

    BINDINGS = [
        Binding("h,f1", "answer(True)", "When to get help", priority=True),
        Binding("enter,q,escape", "answer(False)", "OK"),
        Binding("down", "scroll('scroll_down')", "Read on", show=False),
        Binding("up", "scroll('scroll_up')", "Back up", show=False),
        Binding("pagedown", "scroll('scroll_page_down')", "Page down", show=False),
        Binding("pageup", "scroll('scroll_page_up')", "Page up", show=False),
    ]

    def __init__(self, title: str, message: str, first: HelpList | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.message = message
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="notice-body"):
                if self.first is not None:
                    yield Static(literal(self.first.action, "bold"), classes="warning")
                    yield Static(literal(self.first.applies_when), classes="question")
                    yield BulletList(self.first.items)
                yield Static(literal(self.message), classes="question" if self.first is not None else "")
            with Horizontal(classes="dialog-buttons"):
                yield Button("OK (Enter)", id="ok", variant="primary", compact=True)
                yield Button("When to get help (h)", id="help", variant="warning", compact=True)

    def on_mount(self) -> None:
        self.query_one("#ok").focus()

    def action_scroll(self, how: str) -> None:
        """Arrows and PgUp/PgDn read a long notice while the OK button keeps the focus."""
        getattr(self.query_one(".notice-body", VerticalScroll), how)(animate=False)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "help")

    def action_answer(self, show_help: bool) -> None:
        self.dismiss(show_help)
