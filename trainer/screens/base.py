"""What every full screen shares: header, footer and a way back."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header

if TYPE_CHECKING:
    from trainer.app import TrainerApp


class TrainerScreen(Screen[None]):
    """A screen with the app header and footer; ``q`` (or Esc) goes back."""

    BINDINGS = [
        Binding("q", "go_back", "Back"),
        Binding("escape", "go_back", "Back", show=False),
    ]

    @property
    def trainer(self) -> TrainerApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def action_go_back(self) -> None:
        self.dismiss()

    def open_help(self) -> None:
        """'When to get help' over this screen (the app's h and F1 end here); a screen may do more."""
        from trainer.screens.help import HelpScreen  # help.py builds on this module

        self.app.push_screen(HelpScreen())
