"""Settings: the few choices a person makes once, each changed through the validated settings service.

Up and down choose a setting, left and right (or - and +) change it, Enter or space turns one on or off.
Each change is saved at once (``services.settings``); a value outside its limits is never offered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.engine.ladders import programme_week
from trainer.journal.limits import GET_READY, GOAL, REMINDER_LIMITS
from trainer.journal.models import ReminderSettings, Settings
from trainer.journal.reminders import WEEKDAYS, Weekday, clock, minutes_of
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


def _on_off(on: bool) -> str:
    return "on" if on else "off"


def _cycle(options: list[Any], current: Any, delta: int) -> Any:
    """The option ``delta`` steps from ``current`` (the first when it is none of them), round and round."""
    index = options.index(current) if current in options else -delta if delta > 0 else 0
    return options[(index + delta) % len(options)]


DAY_CHOICES: list[list[Weekday]] = [
    list(WEEKDAYS[:5]),
    list(WEEKDAYS[:6]),
    list(WEEKDAYS),
    list(WEEKDAYS[:4]),
    [WEEKDAYS[6], *WEEKDAYS[:4]],
]
QUIET_CHOICES: list[list[tuple[str, str]]] = [[], [("12:00", "13:00")], [("12:30", "13:30")], [("13:00", "14:00")]]
AWAY_CHOICES = [2, 5, 10, 15, 20, 30, 45, 60]
HALF_HOUR = 30


def _days_shown(days: list[Weekday]) -> str:
    if days in DAY_CHOICES:
        first, last = days[0], days[-1]
        return "every day" if len(days) == 7 else f"{first.capitalize()}-{last.capitalize()}"
    return ", ".join(day.capitalize() for day in days)


def _quiet(reminders: ReminderSettings) -> list[tuple[str, str]]:
    return [(period.start, period.end) for period in reminders.quiet]


def _quiet_shown(reminders: ReminderSettings) -> str:
    return ", ".join(f"{start}-{end}" for start, end in _quiet(reminders)) or "none"


def _moved(text: str, delta: int, low: int, high: int) -> str:
    """``HH:MM`` moved by ``delta`` half hours, kept within ``low`` and ``high`` (minutes of the day)."""
    minutes = max(low, min(high, minutes_of(clock(text)) + delta * HALF_HOUR))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _bounded(name: str, settings: Settings, delta: int, step: int = 1) -> int:
    limits = REMINDER_LIMITS[name]
    current: int = getattr(settings.reminders, name)
    return _clamped(current + step * delta, limits.minimum, limits.maximum)


REMINDER_CHOICES = (
    Choice(
        "reminders",
        "Reminders",
        "desk breaks, today's session, the morning check-in: backtrainer remind and status (see the README)",
        lambda settings: _on_off(settings.reminders.enabled),
        lambda service, settings, _: service.set_reminders(not settings.reminders.enabled),
    ),
    Choice(
        "reminder-days",
        "Working days",
        "the days reminders may come",
        lambda settings: _days_shown(settings.reminders.days),
        lambda service, settings, delta: service.set_reminder_days(_cycle(DAY_CHOICES, settings.reminders.days, delta)),
    ),
    Choice(
        "work-start",
        "Working day starts",
        "no reminders before (half-hour steps)",
        lambda settings: settings.reminders.start,
        lambda service, settings, delta: service.set_working_hours(
            _moved(settings.reminders.start, delta, 0, minutes_of(clock(settings.reminders.end)) - 60),
            settings.reminders.end,
        ),
    ),
    Choice(
        "work-end",
        "Working day ends",
        "no reminders after; today's session in the last hour",
        lambda settings: settings.reminders.end,
        lambda service, settings, delta: service.set_working_hours(
            settings.reminders.start,
            _moved(settings.reminders.end, delta, minutes_of(clock(settings.reminders.start)) + 60, 23 * 60 + 30),
        ),
    ),
    Choice(
        "break-every",
        "Desk break every",
        "minutes of sitting between breaks",
        lambda settings: f"{settings.reminders.break_minutes} min",
        lambda service, settings, delta: service.set_break_interval(_bounded("break_minutes", settings, delta, 5)),
    ),
    Choice(
        "quiet",
        "Quiet time",
        "no reminders then; one due waits until it ends",
        lambda settings: _quiet_shown(settings.reminders),
        lambda service, settings, delta: service.set_quiet_times(
            _cycle(QUIET_CHOICES, _quiet(settings.reminders), delta)
        ),
    ),
    Choice(
        "away",
        "Away after",
        "no key pressed for this long: no reminders, a break counts",
        lambda settings: f"{settings.reminders.away_minutes} min",
        lambda service, settings, delta: service.set_away_after(
            _cycle(AWAY_CHOICES, settings.reminders.away_minutes, delta)
        ),
    ),
    Choice(
        "later",
        "Later means",
        "a reminder put off or not answered comes back after",
        lambda settings: f"{settings.reminders.postpone_minutes} min",
        lambda service, settings, delta: service.set_postpone(_bounded("postpone_minutes", settings, delta, 5)),
    ),
    Choice(
        "max-later",
        "Put off at most",
        "times a reminder comes back; then it is skipped",
        lambda settings: plural(settings.reminders.max_postpones, "time"),
        lambda service, settings, delta: service.set_max_postpones(_bounded("max_postpones", settings, delta)),
    ),
    Choice(
        "session-reminder",
        "Remind: session",
        "today's session, while the week is short of your goal",
        lambda settings: _on_off(settings.reminders.session),
        lambda service, settings, _: service.set_session_reminder(not settings.reminders.session),
    ),
    Choice(
        "morning-reminder",
        "Remind: check-in",
        "the morning check-in, until you have made one that day",
        lambda settings: _on_off(settings.reminders.morning_check),
        lambda service, settings, _: service.set_morning_reminder(not settings.reminders.morning_check),
    ),
)


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
    *REMINDER_CHOICES,
    Choice(
        "colours",
        "Colours",
        "calm, or high contrast: white on black, with bright yellow and cyan",
        lambda settings: "high contrast" if settings.colours == "high-contrast" else "calm",
        lambda service, settings, _: service.set_colours(
            "calm" if settings.colours == "high-contrast" else "high-contrast"
        ),
    ),
)


PROGRAMME_ROW = "programme"
"""The first row: the programme's answers, changed on their own screen (Enter opens it)."""


def programme_prompt(week: str | None) -> Content:
    """``week``: where the running programme is ("week 3 of 12"), or None before one is started."""
    explain = f"{week}; Enter to change them, or leave" if week is not None else "Enter: six short questions"
    return Content.assemble(
        (f"{'Programme answers':<20}", "bold"),
        (f"{'running' if week else 'not started':<12}", "bold $accent"),
        (explain, "$foreground-muted"),
    )


def choice_prompt(choice: Choice, settings: Settings) -> Content:
    return Content.assemble(
        (f"{choice.title:<20}", "bold"),
        (f"{choice.shown(settings):<12}", "bold $accent"),
        (choice.explain, "$foreground-muted"),
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

    def on_screen_resume(self) -> None:
        self._show()  # back from the programme's answers

    @property
    def _offers_programme(self) -> bool:
        coach = self.services.coach
        return coach.programme is not None or self.services.catalog.default_programme is not None

    def _programme_week(self) -> str | None:
        coach = self.services.coach
        progress, programme = coach.progress, coach.programme
        if progress is None or programme is None:
            return None
        week = programme_week(progress.started, self.services.today())
        return f"week {max(1, min(week, programme.weeks))} of {programme.weeks}"

    def _show(self) -> None:
        settings = self.services.settings.current
        choices = self.query_one("#choices", OptionList)
        highlighted = choices.highlighted
        choices.clear_options()
        if self._offers_programme:
            choices.add_option(Option(programme_prompt(self._programme_week()), id=PROGRAMME_ROW))
        choices.add_options(Option(choice_prompt(choice, settings), id=choice.id) for choice in CHOICES)
        choices.highlighted = highlighted if highlighted is not None else 0

    def action_step(self, delta: int) -> None:
        choices = self.query_one("#choices", OptionList)
        index = choices.highlighted
        if index is None:
            return
        chosen = choices.get_option_at_index(index).id
        if chosen == PROGRAMME_ROW:
            if delta > 0:
                self.open_programme()
            return
        service = self.services.settings
        next(choice for choice in CHOICES if choice.id == chosen).step(service, service.current, delta)
        self._show()

    def open_programme(self) -> None:
        from trainer.screens.getting_started import GettingStartedScreen

        self.app.push_screen(GettingStartedScreen())

    def on_option_list_option_selected(self) -> None:
        self.action_step(1)
