"""Home: what the app is, and the ways into it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.screens.base import TrainerScreen

MENU = (
    ("library", "l", "Library", "Exercises and routines, step by step"),
    ("tips", "t", "Tips", "Sitting, sleep, heat and cold, lifting, medicines"),
    ("help", "h", "When to get help", "Symptoms that need a doctor today, or now"),
)


def menu_prompt(key: str, title: str, description: str) -> Content:
    return Content.assemble(
        (f" {key} ", "bold $accent"),
        " ",
        (f"{title:<18}", "bold"),
        (description, "$text-muted"),
    )


class HomeScreen(TrainerScreen):
    SUB_TITLE = "Home"
    CSS_PATH = "home.tcss"
    BINDINGS = [
        Binding("l", "open('library')", "Library"),
        Binding("t", "open('tips')", "Tips"),
        Binding("q", "app.quit", "Quit"),
    ]

    def compose_body(self) -> ComposeResult:
        catalog = self.trainer.catalog
        with Vertical(id="home"):
            yield Static(
                "A calm coach for a sore lower back: short guided exercise sessions, "
                "a pain journal, and plain self-care advice based on published guidelines.",
                id="intro",
            )
            yield OptionList(
                *(Option(menu_prompt(key, title, text), id=option_id) for option_id, key, title, text in MENU),
                id="menu",
            )
            if catalog.messages:
                day = self.trainer.today().toordinal()
                message = catalog.messages[day % len(catalog.messages)]
                yield Static(message.text, id="message", markup=False)
            yield Static(catalog.safety.stop_rule_short, id="stop-rule", markup=False)

    def on_mount(self) -> None:
        message = self.query("#message")
        if message:
            message.first().border_title = "Worth knowing"

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.action_open(event.option.id)

    def action_open(self, target: str) -> None:
        if target == "help":
            self.trainer.action_get_help()
        # Imported on first use: the Library (DataTable) and Tips (Markdown) modules
        # add about 130 ms to start-up that nobody waiting for Home should pay.
        elif target == "library":
            from trainer.screens.library import LibraryScreen

            self.app.push_screen(LibraryScreen())
        elif target == "tips":
            from trainer.screens.tips import TipsScreen

            self.app.push_screen(TipsScreen())

    def action_go_back(self) -> None:
        """Home is the bottom of the stack: Esc stays here, q quits."""
