"""The person's settings, changed only through named, validated operations.

Screens read ``current``, and a listener of ``subscribe`` hears of each change (the app changes its
colours so); nothing assigns settings itself. An operation validates the change first (``SettingsError``
for a value out of range, nothing written), then saves it; if the journal refuses the write, the change
still holds for this run and ``report`` tells the person, so no screen repeats a try/notify block.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from pydantic import ValidationError

from trainer.journal.coach_models import ProgrammeProgress
from trainer.journal.errors import JournalError
from trainer.journal.limits import SettingsError, settings_error_text
from trainer.journal.models import Colours, PersonalDose, Settings
from trainer.journal.reminders import WEEKDAYS, Weekday
from trainer.journal.store import JournalStore

Listener = Callable[[Settings], None]


class SettingsService:
    def __init__(self, journal: JournalStore, report: Callable[[str], None]) -> None:
        self.journal = journal
        self.report = report
        """Tells the person a change could not be saved (the app passes a warning notification)."""
        self.current: Settings = journal.load_settings()
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _change(self, what: str, **changes: Any) -> Settings:
        try:
            wanted = Settings.model_validate({**self.current.model_dump(), **changes})
        except ValidationError as error:
            raise SettingsError(settings_error_text(error)) from None
        try:
            self.current = self.journal.update_settings(**changes)
        except JournalError as error:
            self.current = wanted  # it holds for this run
            self.report(f"Could not save {what}: {error}")
        for listener in self._listeners:
            listener(self.current)
        return self.current

    # --- the operations ------------------------------------------------------------

    def accept_disclaimer(self) -> Settings:
        return self._change("that you have read the first-run notice", disclaimer_seen=True)

    def set_bell(self, on: bool) -> Settings:
        return self._change("the bell setting", bell=on)

    def set_colours(self, colours: Colours) -> Settings:
        return self._change("the colours", colours=colours)

    def set_weekly_goal(self, sessions: int) -> Settings:
        return self._change("your weekly goal", sessions_per_week_goal=sessions)

    def set_get_ready(self, seconds: int) -> Settings:
        return self._change("the time to get ready", get_ready_seconds=seconds)

    def set_dose(self, exercise_id: str, dose: PersonalDose | None) -> Settings:
        """Your own dose for an exercise; None (or an empty dose) goes back to the suggestion."""
        doses = dict(self.current.dose_changes)
        if dose is None or dose == PersonalDose():
            doses.pop(exercise_id, None)
        else:
            doses[exercise_id] = dose
        return self._change("your dose", dose_changes=doses)

    # --- reminders (``backtrainer remind`` and ``status``) ------------------------------------

    def _remind(self, what: str, **changes: Any) -> Settings:
        return self._change(what, reminders={**self.current.reminders.model_dump(mode="json"), **changes})

    def set_reminders(self, on: bool) -> Settings:
        return self._remind("whether reminders are on", enabled=on)

    def set_reminder_days(self, days: Iterable[Weekday]) -> Settings:
        """The working days, kept Monday first whatever order they come in."""
        chosen = set(days)
        return self._remind("the working days", days=[day for day in WEEKDAYS if day in chosen] or list(days))

    def set_working_hours(self, start: str, end: str) -> Settings:
        """``HH:MM`` to ``HH:MM``, at least an hour apart."""
        return self._remind("the working hours", start=start, end=end)

    def set_break_interval(self, minutes: int) -> Settings:
        return self._remind("the time between desk breaks", break_minutes=minutes)

    def set_quiet_times(self, periods: Iterable[tuple[str, str]]) -> Settings:
        """Times with no prompts, each ``(start, end)`` as ``HH:MM``; an empty list for none."""
        quiet = [{"start": start, "end": end} for start, end in periods]
        return self._remind("the quiet times", quiet=quiet)

    def set_away_after(self, minutes: int) -> Settings:
        return self._remind("the time away that counts as away", away_minutes=minutes)

    def set_postpone(self, minutes: int) -> Settings:
        return self._remind("the time a prompt is put off for", postpone_minutes=minutes)

    def set_max_postpones(self, times: int) -> Settings:
        return self._remind("the times a prompt may be put off", max_postpones=times)

    def set_session_reminder(self, on: bool) -> Settings:
        return self._remind("the reminder about today's session", session=on)

    def set_morning_reminder(self, on: bool) -> Settings:
        return self._remind("the reminder about the morning check-in", morning_check=on)

    # --- the coach's programme -----------------------------------------------------------------

    def start_programme(self, progress: ProgrammeProgress) -> Settings:
        """Start (or restart) the coach's programme, or change its answers."""
        return self._change("the programme", programme=progress.model_dump())

    def set_rungs(self, rungs: Mapping[str, int]) -> Settings:
        """Move ladders to these rungs (the others stay where they are); the programme must be running."""
        progress = self.current.programme
        if progress is None:
            raise SettingsError("there is no programme to change: start one first")
        changed = progress.model_dump() | {"rungs": {**progress.rungs, **rungs}}
        return self._change("your programme's doses", programme=changed)

    def stop_programme(self) -> Settings:
        """Leave the programme (its decisions and reviews stay in the journal)."""
        return self._change("that you left the programme", programme=None)
