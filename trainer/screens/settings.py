"""Settings: the few choices a person makes once, each changed through the validated settings service.

Up and down choose a setting, left and right (or - and +) change it, Enter or space turns one on or off.
Each change is saved at once (``services.settings``); a value outside its limits is never offered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.journal.limits import GET_READY, GOAL
from trainer.journal.models import Settings
from trainer.screens.base import TrainerScreen
from trainer.services.settings import SettingsService
from trainer.wording import plural


@dataclass(frozen=True)
class Choice:
    """One line of the settings: how it reads now, and how a step left or right changes it."""

    id: str
    title: str
    explain: str
    shown: Callable[[Settings], str]
    step: Callable[[SettingsService, Settings, int], object]
    """Change the setting by one step (``-1`` or ``+1``); for an on/off setting either step turns it over."""


def _clamped(value: int, low: int | None, high: int | None) -> int:
    return max(low if low is not None else value, min(high if high is not None else value, value))


CHOICES = (
    Choice(
        "bell",
        "Bell",
        "a bell at each change in a session: once for a new move, twice for a new exercise or side, three "
        "times at the end (it works over SSH)",
        lambda settings: "on" if settings.bell else "off",
        lambda service, settings, _: service.set_bell(not settings.bell),
    ),
    Choice(
        "get-ready",
        "Time to get ready",
        "before each exercise, to get into position",
        lambda settings: f"{settings.get_ready_seconds} s",
        lambda service, settings, delta: service.set_get_ready(
            _clamped(settings.get_ready_seconds + 5 * delta, GET_READY.minimum, GET_READY.maximum)
        ),
    ),
    Choice(
        "goal",
        "Weekly goal",
        "sessions a week (Monday to Sunday) that Home and Trends measure you against",
        lambda settings: plural(settings.sessions_per_week_goal, "session"),
        lambda service, settings, delta: service.set_weekly_goal(
            _clamped(settings.sessions_per_week_goal + delta, GOAL.minimum, GOAL.maximum)
        ),
    ),
)


def choice_prompt(choice: Choice, settings: Settings) -> Content:
    return Content.assemble(
        (f"{choice.title:<20}", "bold"),
        (f"{choice.shown(settings):<12}", "bold $accent"),
        (choice.explain, "$text-muted"),
    )


class SettingsScreen(TrainerScreen):
    SUB_TITLE = "Settings"
    CSS_PATH = "settings.tcss"
    BINDINGS = [
        Binding("left,minus", "step(-1)", "Less", key_display="←"),
        Binding("right,plus,equals_sign", "step(1)", "More", key_display="→"),
        Binding("space", "step(1)", "Change", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="settings"):
            yield Static(
                Content("Up and down choose, left and right change. Each change is saved at once."), id="how-to"
            )
            yield OptionList(id="choices")

    def on_mount(self) -> None:
        self._show()
        self.query_one("#choices").focus()

    def _show(self) -> None:
        settings = self.services.settings.current
        choices = self.query_one("#choices", OptionList)
        highlighted = choices.highlighted
        choices.clear_options()
        choices.add_options(Option(choice_prompt(choice, settings), id=choice.id) for choice in CHOICES)
        choices.highlighted = highlighted if highlighted is not None else 0

    def action_step(self, delta: int) -> None:
        index = self.query_one("#choices", OptionList).highlighted
        if index is None:
            return
        service = self.services.settings
        CHOICES[index].step(service, service.current, delta)
        self._show()

    def on_option_list_option_selected(self) -> None:
        self.action_step(1)
