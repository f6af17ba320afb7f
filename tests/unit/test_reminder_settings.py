"""The reminder settings (Settings.reminders, changed only through named operations) and the prompt entry."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from trainer.journal import reminders
from trainer.journal.describe import KIND_LABELS, entry_details, entry_summary
from trainer.journal.export import CSV_COLUMNS, to_csv
from trainer.journal.limits import GOAL, REMINDER_LIMITS, SettingsError
from trainer.journal.models import (
    COUNTS_FROM_ACTIVE_MINUTES,
    COUNTS_FROM_SHARE,
    ReminderPrompt,
    ReminderSettings,
    Settings,
)
from trainer.journal.reminders import ReminderRules, rules_from_document
from trainer.journal.store import JournalStore
from trainer.services.settings import SettingsService

SHOWN = datetime(2026, 11, 24, 14, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> JournalStore:
    return JournalStore(tmp_path / "journal")


@pytest.fixture
def service(store: JournalStore) -> SettingsService:
    return SettingsService(store, report=lambda message: None)


def saved(store: JournalStore) -> dict[str, Any]:
    return JournalStore(store.directory).load_settings().reminders.model_dump(mode="json")


# --- defaults and limits ---------------------------------------------------------------------


def test_reminders_are_off_by_default_with_a_working_week() -> None:
    settings = ReminderSettings()
    assert settings.model_dump(mode="json") == {
        "enabled": False,
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "start": "09:00",
        "end": "17:30",
        "break_minutes": 45,
        "quiet": [],
        "away_minutes": 10,
        "postpone_minutes": 10,
        "max_postpones": 2,
        "session": True,
        "morning_check": True,
    }
    assert settings.rules(3) == ReminderRules()


def test_the_limits_are_the_models_and_the_quick_reader_uses_the_same() -> None:
    assert REMINDER_LIMITS["break_minutes"].minimum == 30 and REMINDER_LIMITS["break_minutes"].maximum == 60
    for name, bounds in (
        ("break_minutes", reminders.BREAK_MINUTES),
        ("away_minutes", reminders.AWAY_MINUTES),
        ("postpone_minutes", reminders.POSTPONE_MINUTES),
        ("max_postpones", reminders.MAX_POSTPONES),
    ):
        assert (REMINDER_LIMITS[name].minimum, REMINDER_LIMITS[name].maximum) == (bounds.minimum, bounds.maximum)
    assert (GOAL.minimum, GOAL.maximum) == (reminders.GOAL_LIMITS.minimum, reminders.GOAL_LIMITS.maximum)
    assert Settings().sessions_per_week_goal == reminders.GOAL_LIMITS.default
    assert (COUNTS_FROM_SHARE, COUNTS_FROM_ACTIVE_MINUTES) == (
        reminders.COUNTS_FROM_SHARE,
        reminders.COUNTS_FROM_ACTIVE_MINUTES,
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"break_minutes": 29},
        {"break_minutes": 61},
        {"break_minutes": "45"},
        {"break_minutes": 45.0},
        {"away_minutes": 1},
        {"postpone_minutes": 31},
        {"max_postpones": 6},
        {"max_postpones": -1},
        {"enabled": 1},
        {"enabled": "yes"},
        {"days": []},
        {"days": ["mon", "mon"]},
        {"days": ["monday"]},
        {"start": "9:00"},
        {"start": "24:00"},
        {"start": "17:00", "end": "17:59"},
        {"start": "18:00", "end": "09:00"},
        {"quiet": [{"start": "12:00", "end": "12:00"}]},
        {"quiet": [{"start": "12:00", "end": "13:00"}] * 5},
        {"quiet": [{"start": "12:00"}]},
        "not an object",
    ],
)
def test_what_the_model_refuses_the_quick_reader_refuses(changes: Any) -> None:
    document = changes if not isinstance(changes, dict) else ReminderSettings().model_dump(mode="json") | changes
    with pytest.raises(ValidationError):
        ReminderSettings.model_validate(document)
    with pytest.raises(ValueError):
        rules_from_document(document)


def test_what_the_model_accepts_the_quick_reader_reads_the_same() -> None:
    settings = ReminderSettings(
        enabled=True,
        days=["sun", "mon"],
        start="07:45",
        end="16:15",
        break_minutes=30,
        quiet=[{"start": "12:30", "end": "13:30"}, {"start": "22:00", "end": "06:00"}],  # type: ignore[list-item]
        away_minutes=5,
        postpone_minutes=15,
        max_postpones=0,
        session=False,
        morning_check=False,
    )
    rules = rules_from_document(json.loads(json.dumps(settings.model_dump(mode="json"))), 5)
    assert rules == settings.rules(5)
    assert rules.days == {0, 6}
    assert rules.quiet[1].holds(datetime(2026, 1, 1, 23, 0).time())
    assert not rules.quiet[1].holds(datetime(2026, 1, 1, 7, 0).time())


def test_an_old_settings_file_without_reminders_gets_the_defaults(store: JournalStore) -> None:
    store.update_settings(bell=False)
    raw = json.loads(store.settings_file.read_text())
    del raw["settings"]["1"]["reminders"]
    store.settings_file.write_text(json.dumps(raw))
    assert JournalStore(store.directory).load_settings().reminders == ReminderSettings()
    assert rules_from_document(None) == ReminderRules()


# --- the named operations ----------------------------------------------------------------------


def test_each_operation_saves_its_setting(service: SettingsService, store: JournalStore) -> None:
    service.set_reminders(True)
    service.set_reminder_days(["sat", "mon", "wed"])
    service.set_working_hours("08:00", "16:00")
    service.set_break_interval(30)
    service.set_quiet_times([("12:00", "13:00")])
    service.set_away_after(15)
    service.set_postpone(20)
    service.set_max_postpones(4)
    service.set_session_reminder(False)
    service.set_morning_reminder(False)
    assert saved(store) == {
        "enabled": True,
        "days": ["mon", "wed", "sat"],
        "start": "08:00",
        "end": "16:00",
        "break_minutes": 30,
        "quiet": [{"start": "12:00", "end": "13:00"}],
        "away_minutes": 15,
        "postpone_minutes": 20,
        "max_postpones": 4,
        "session": False,
        "morning_check": False,
    }
    assert service.current.reminders.model_dump(mode="json") == saved(store)


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (lambda service: service.set_break_interval(90), "the time between desk breaks: 90 is above 60"),
        (lambda service: service.set_break_interval(10), "the time between desk breaks: 10 is below 30"),
        (lambda service: service.set_working_hours("9:00", "17:00"), "the start of the working day: '9:00' is not"),
        (lambda service: service.set_working_hours("17:00", "09:00"), "must end at least 60 minutes after"),
        (lambda service: service.set_reminder_days([]), "the working days"),
        (lambda service: service.set_quiet_times([("12:00", "12:00")]), "a quiet time ends when it starts"),
        (lambda service: service.set_max_postpones(9), "the times a prompt may be put off: 9 is above 5"),
        (lambda service: service.set_away_after(0), "the time away that counts as away: 0 is below 2"),
    ],
)
def test_a_value_out_of_its_limits_is_refused_and_nothing_is_written(
    service: SettingsService, store: JournalStore, operation: Any, message: str
) -> None:
    service.set_reminders(True)
    before = store.settings_file.read_bytes()
    with pytest.raises(SettingsError, match=message.replace("(", r"\(")):
        operation(service)
    assert store.settings_file.read_bytes() == before
    assert service.current.reminders.enabled


# --- the prompt entry ----------------------------------------------------------------------------


def prompt(**changes: Any) -> ReminderPrompt:
    data: dict[str, Any] = {"at": SHOWN, "outcome_at": SHOWN, "reminder": "desk-break", "channel": "tmux"}
    return ReminderPrompt.model_validate(data | changes)


def test_a_prompt_is_a_journal_entry_kind(store: JournalStore) -> None:
    shown = store.add(prompt())
    assert store.entries(kinds=["reminder"]) == [shown]
    assert KIND_LABELS["reminder"] == "reminder"


@pytest.mark.parametrize(
    "changes",
    [
        {"outcome_at": SHOWN - timedelta(minutes=1)},
        {"outcome": "away"},  # away has no channel
        {"channel": None},  # shown needs one
        {"postpones": 6},
        {"reminder": "nap"},
        {"outcome": "done"},
    ],
)
def test_a_prompt_that_does_not_make_sense_is_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        prompt(**changes)


@pytest.mark.parametrize(
    ("changes", "summary"),
    [
        ({}, "Desk break: shown, no answer yet (tmux popup)"),
        (
            {"outcome_at": SHOWN + timedelta(minutes=5), "outcome": "taken"},
            "Desk break: taken at 14:35 (tmux popup)",
        ),
        (
            {"outcome_at": SHOWN + timedelta(minutes=25), "outcome": "skipped", "postpones": 2},
            "Desk break: skipped at 14:55, put off twice (tmux popup)",
        ),
        (
            {"outcome_at": SHOWN + timedelta(minutes=5), "outcome": "postponed", "postpones": 1},
            "Desk break: put off at 14:35 (tmux popup)",
        ),
        (
            {"outcome_at": SHOWN + timedelta(minutes=15), "postpones": 1, "reminder": "morning-check"},
            "Morning check-in: shown again at 14:45, no answer yet, put off once (tmux popup)",
        ),
        ({"outcome": "away", "channel": None}, "Desk break: you were away, which counts as a break"),
        (
            {"reminder": "session", "channel": "notify-send"},
            "Today's session: shown, no answer yet (desktop notification)",
        ),
    ],
)
def test_a_prompt_reads_in_one_line(changes: dict[str, Any], summary: str) -> None:
    assert entry_summary(prompt(**changes)) == summary


def test_a_prompt_in_full_and_in_the_csv() -> None:
    answered = prompt(outcome="taken", outcome_at=SHOWN + timedelta(minutes=3), postpones=1, channel="osc9")
    assert ("Shown by", "terminal notification") in entry_details(answered)
    assert ("What became of it", "taken, 14:33") in entry_details(answered)
    assert ("Put off", "once") in entry_details(answered)
    header, row = to_csv([answered]).splitlines()
    cells = dict(zip(CSV_COLUMNS, row.split(","), strict=True))
    assert header.split(",") == list(CSV_COLUMNS)
    assert (cells["kind"], cells["reminder"], cells["outcome"], cells["channel"], cells["postpones"]) == (
        "reminder",
        "desk-break",
        "taken",
        "osc9",
        "1",
    )
