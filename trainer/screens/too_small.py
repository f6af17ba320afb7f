"""Replaces the layout when the terminal (or the browser window, at its text size) is too small to show it."""

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

    def __init__(self, minimum: Size, *, in_browser: bool = False) -> None:
        super().__init__()
        self.minimum = minimum
        self.in_browser = in_browser

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._describe()

    def on_resize(self) -> None:
        self._describe()

    def _describe(self) -> None:
        self.query_one("#too-small", Static).update(
            Content(too_small_text(self.minimum, self.app.size, self.in_browser))
        )


def too_small_text(minimum: Size, size: Size, in_browser: bool) -> str:
    if in_browser:
        return (
            "Please make the window larger or the text smaller (Ctrl and minus).\n\n"
            f"backtrainer needs room for at least {minimum.width} x {minimum.height} letters; "
            f"this window has {size.width} x {size.height}.\n\nCtrl+Q closes the app."
        )
    return (
        f"Please enlarge the terminal.\n\nbacktrainer needs at least "
        f"{minimum.width} x {minimum.height}; this one is {size.width} x {size.height}.\n\n"
        "Ctrl+Q quits."
    )
