"""What every full screen shares: header, footer, a way back, and the app's services.

Screens reach the catalog, the journal, the settings and the clocks through ``services_of`` (a typed
protocol the app satisfies), never through the app's own attributes.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Header

from trainer.services.core import Services
from trainer.widgets.steady_footer import SteadyFooter


@runtime_checkable
class ServicesHost(Protocol):
    """An app that carries backtrainer's services (the real app, or a test's)."""

    services: Services


def services_of(node: DOMNode) -> Services:
    """The services of the app ``node`` runs in."""
    host = node.app
    if not isinstance(host, ServicesHost):
        raise TypeError(f"{type(node).__name__} needs an app with backtrainer's services, not {type(host).__name__}")
    return host.services


class TrainerScreen(Screen[None]):
    """A screen with the app header and footer; ``q`` (or Esc) goes back."""

    BINDINGS = [
        Binding("q", "go_back", "Back"),
        Binding("escape", "go_back", "Back", show=False),
    ]

    @property
    def services(self) -> Services:
        return services_of(self)

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield from self.compose_body()
        yield SteadyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def action_go_back(self) -> None:
        self.dismiss()

    def quit_requested(self) -> bool:
        """Ctrl+Q: True lets the app quit now; a screen with work in progress may ask first (a session)."""
        return True

    def open_help(self) -> None:
        """'When to get help' over this screen (the app's h and F1 end here); a screen may do more."""
        from trainer.screens.help import HelpScreen  # help.py builds on this module

        self.app.push_screen(HelpScreen())
