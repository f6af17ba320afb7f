"""The Journal's list of files it cannot use, and the way out of a damaged one: set it aside (key ``a``)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from textual import on
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Static

from trainer.journal.errors import JournalProblem

SET_ASIDE_KEY = "a"


class ProblemsBox(Vertical):
    """One line per problem; a damaged file has a button to set it aside (the first one is also on ``a``).
    Posts ``SetAside`` with the file's path; the screen asks and does it."""

    class SetAside(Message):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.damaged: list[Path] = []
        """The damaged files shown, in order: ``a`` sets aside the first."""

    def show(self, problems: Sequence[JournalProblem]) -> None:
        self.remove_children()
        self.damaged = []
        widgets: list[Widget] = []
        for problem in problems:
            if problem.newer:
                text = f"{problem.path.name}: {problem.reason}. Its entries show only in that newer version."
                widgets.append(Static(Content(text), classes="problem"))
                continue
            key = f" ({SET_ASIDE_KEY})" if not self.damaged else ""
            text = f"{problem.path} cannot be read: {problem.reason}. Nothing will be written to it."
            button = Button(
                f"Set it aside, start fresh{key}",
                id=f"set-aside-{len(self.damaged)}",
                variant="warning",
                compact=True,
            )
            self.damaged.append(problem.path)
            widgets.append(Horizontal(Static(Content(text), classes="problem"), button, classes="problem-row"))
        self.mount_all(widgets)
        self.display = bool(widgets)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.SetAside(self.damaged[int(str(event.button.id).rsplit("-", 1)[1])]))

    def set_aside_first(self) -> None:
        if self.damaged:
            self.post_message(self.SetAside(self.damaged[0]))
