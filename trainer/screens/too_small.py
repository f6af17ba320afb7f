"""Replaces the layout when the terminal is too small to show it properly."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static


class TooSmallScreen(Screen[None]):
    DEFAULT_CSS = """
    TooSmallScreen {
        align: center middle;
    }
    TooSmallScreen > Static {
        width: auto;
        max-width: 90%;
        padding: 0 1;
        text-align: center;
    }
    """

    def __init__(self, minimum: Size) -> None:
        super().__init__()
        self.minimum = minimum

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._describe()

    def on_resize(self) -> None:
        self._describe()

    def _describe(self) -> None:
        size = self.app.size
        self.query_one("#too-small", Static).update(
            Content(
                f"Please enlarge the terminal.\n\nbacktrainer needs at least "
                f"{self.minimum.width} x {self.minimum.height}; this one is {size.width} x {size.height}.\n\n"
                "Ctrl+Q quits."
            )
        )
