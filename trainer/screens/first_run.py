"""Shown once, at the first start: what the app is for and when to get help instead.

Built from its text alone (no services): at a first run from the command line it is the app's first screen,
painted from ``safety.json`` (``catalog.notice``) before the content and the journal load
(``trainer.app.launch_app``); otherwise from the loaded content's safety section.
"""

from __future__ import annotations

import asyncio

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Static

from trainer.catalog.notice import NoticeText
from trainer.screens.help_lists import help_list_section, numbers_line
from trainer.widgets.bullets import BulletList


class FirstRunScreen(Screen[None]):
    """Sets ``accepted`` once the person has read and accepted it; then it goes, unless it is the app's
    first screen (the app then opens Home over it)."""

    SUB_TITLE = "Before you start"
    # (its stylesheet, first_run.tcss, is the app's: TrainerApp.CSS_PATH)
    BINDINGS = [
        Binding("enter", "accept", "I understand", show=False),
        Binding("down", "scroll('scroll_down')", "Read on", key_display="↓"),
        Binding("up", "scroll('scroll_up')", "Back up", show=False),
        Binding("pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("pageup", "scroll('page_up')", "Page up", show=False),
        Binding("end", "scroll('scroll_end')", "End", show=False),
        Binding("home", "scroll('scroll_home')", "Top", show=False),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, safety: NoticeText) -> None:
        super().__init__()
        self._safety = safety
        self.accepted = asyncio.Event()

    def compose(self) -> ComposeResult:
        safety = self._safety
        yield Header(icon="")
        with VerticalScroll(id="first-run"):
            yield Static(Content.styled("Welcome to backtrainer", "bold"), id="welcome")
            yield Static(Content(safety.intended_purpose), classes="paragraph")
            for paragraph in safety.disclaimer:
                yield Static(Content(paragraph), classes="paragraph")
            yield help_list_section(safety.help_list("emergency"))
            yield Static(numbers_line(safety), classes="paragraph")
            yield help_list_section(safety.help_list("same-day"))
            check = Vertical(BulletList(safety.check_first), classes="box check-first")
            check.border_title = "Check with a health professional first if"
            yield check
            yield Static(
                Content("You can read the full 'When to get help' lists at any time: press h (or F1) on any screen."),
                classes="paragraph",
            )
        with Horizontal(id="accept-row"):
            yield Button("I understand, continue", id="accept", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#accept").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_accept()

    async def action_scroll(self, action: str) -> None:
        """The text scrolls by keyboard while the button keeps the focus (Enter accepts)."""
        await self.app.run_action(action, self.query_one("#first-run", VerticalScroll))

    def action_accept(self) -> None:
        self.accepted.set()
        if self.app.screen_stack[0] is not self:
            self.dismiss()
