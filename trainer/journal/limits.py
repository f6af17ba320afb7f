"""The limits of every journal field, read from the models (the one place they are written), and the
models' complaints in plain words.

The check-in form, the ``log`` command, the dose dialog and the settings all take their bounds from here,
so a limit changed in ``trainer.journal.models`` changes everywhere it is checked and explained.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from trainer.journal.coach_models import Goal, StartAnswers
from trainer.journal.models import PersonalDose, ReminderSettings, Settings
from trainer.journal.reminders import CLOCK_TIME


class SettingsError(ValueError):
    """A settings change that is not allowed (unknown name, value out of range); nothing was written."""


@dataclass(frozen=True)
class Limits:
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    """Characters of a text, or of each item of a list of texts."""
    max_items: int | None = None


def field_limits(model: type[BaseModel], field: str) -> Limits:
    """The bounds of ``model.field`` as its annotation states them (``Field(ge=..., le=...)``, constraints),
    also inside ``X | None`` and list items: a list's own length is ``max_items``, its items' ``max_length``.

    Read from the field's declaration, not from the model's JSON schema, so that no model is built for it
    (the models build at their first use: ``defer_build``); a test checks both ways agree."""
    info = model.model_fields[field]
    found: dict[str, int] = {}
    own_length = "max_items" if _is_list(info.annotation) else "max_length"
    _collect(info.metadata, found, own_length)
    _walk(info.annotation, found, own_length)
    return Limits(**found)


def _is_list(annotation: Any) -> bool:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _is_list(get_args(annotation)[0])
    if origin in (Union, UnionType):
        return any(_is_list(part) for part in get_args(annotation) if part is not type(None))
    return origin is list


def _walk(annotation: Any, found: dict[str, int], length: str) -> None:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        _collect(metadata, found, "max_items" if _is_list(base) else length)
        _walk(base, found, length)
    elif origin in (Union, UnionType):
        for part in get_args(annotation):
            _walk(part, found, length)
    elif origin is list:
        _walk(get_args(annotation)[0], found, "max_length")


def _collect(metadata: Iterable[Any], found: dict[str, int], length: str) -> None:
    for item in metadata:
        if isinstance(item, FieldInfo):
            _collect(item.metadata, found, length)
            continue
        for attribute, name in (("ge", "minimum"), ("le", "maximum"), ("max_length", length)):
            value = getattr(item, attribute, None)
            if isinstance(value, int) and not isinstance(value, bool):
                found.setdefault(name, value)


WORDED = {
    "missing": "it is missing",
    "extra_forbidden": "there is no such field (check the spelling)",
    "timezone_aware": "the time needs its time zone (such as +01:00 or Z)",
    "datetime_type": "it is not a date and time",
    "datetime_parsing": "it is not a date and time (such as 2026-11-20T21:00:00+01:00)",
    "datetime_from_date_parsing": "it is not a date and time (such as 2026-11-20T21:00:00+01:00)",
    "float_type": "it is not a number",
    "float_parsing": "it is not a number",
    "string_type": "it is not text",
    "list_type": "it is not a list",
    "dict_type": "it is not an object",
    "model_type": "it is not an object",
    "model_attributes_type": "it is not an object",
    "union_tag_not_found": "the kind of entry is missing",
}
"""Errors whose words do not depend on the value."""


def explain(detail: Any) -> str:
    """One pydantic error in plain words, without the library's phrasing ('5 is above 3'): the command line
    and every message about a journal file, an import or a merge say it this way."""
    kind, value, context = detail["type"], detail.get("input"), detail.get("ctx", {})
    if kind == "greater_than_equal":
        return f"{value} is below {context['ge']}"
    if kind == "less_than_equal":
        return f"{value} is above {context['le']}"
    if kind == "greater_than":
        return f"{value} is not above {context['gt']}"
    if kind == "less_than":
        return f"{value} is not below {context['lt']}"
    if kind in ("string_too_long", "too_long"):
        if isinstance(value, str) and len(value) <= 60:
            return f"{value!r} is longer than {context['max_length']} characters"
        if isinstance(value, str):
            return f"it is {len(value):,} characters long, more than {context['max_length']:,}"
        return f"{len(value)} were given, more than {context['max_length']}"
    if kind in ("string_too_short", "too_short"):
        return "it cannot be empty"
    if kind == "literal_error":
        return f"{value!r} is not known"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{value!r} is not a whole number"
    if kind in ("bool_type", "bool_parsing"):
        return f"{value!r} is not on or off"
    if kind == "union_tag_invalid":
        return f"{context.get('tag')!r} is not a kind of entry (expected {context.get('expected_tags')})"
    if kind == "string_pattern_mismatch" and context.get("pattern") == CLOCK_TIME:
        return f"{value!r} is not a time of day (HH:MM, 24-hour)"
    if kind == "string_pattern_mismatch":
        return f"{value!r} does not have the right form"
    if kind in WORDED:
        return WORDED[kind]
    return str(detail["msg"]).removeprefix("Value error, ")


SETTING_NAMES = {
    "disclaimer_seen": "whether the first-run notice was read",
    "sessions_per_week_goal": "the goal of sessions a week",
    "bell": "the bell",
    "colours": "the colours",
    "get_ready_seconds": "the time to get ready",
    "dose_changes": "your own doses",
    "reminders": "the reminders",
    "reminders.enabled": "whether reminders are on",
    "reminders.days": "the working days",
    "reminders.start": "the start of the working day",
    "reminders.end": "the end of the working day",
    "reminders.break_minutes": "the time between desk breaks",
    "reminders.quiet": "the quiet times",
    "reminders.away_minutes": "the time away that counts as away",
    "reminders.postpone_minutes": "the time a prompt is put off for",
    "reminders.max_postpones": "the times a prompt may be put off",
    "reminders.session": "the reminder about today's session",
    "reminders.morning_check": "the reminder about the morning check-in",
    "programme": "the coach's programme",
}


def settings_error_text(error: ValidationError) -> str:
    """'the goal of sessions a week: 99 is above 14', one clause per problem."""
    parts = []
    for detail in error.errors(include_url=False):
        location = detail["loc"]
        name = "the settings"
        for length in range(min(len(location), 2), 0, -1):  # the most precise name there is
            key = ".".join(str(part) for part in location[:length])
            if key in SETTING_NAMES:
                name = SETTING_NAMES[key]
                break
        parts.append(f"{name}: {explain(detail)}")
    return "; ".join(parts)


GOAL = field_limits(Settings, "sessions_per_week_goal")
GET_READY = field_limits(Settings, "get_ready_seconds")
REMINDER_LIMITS = {
    name: field_limits(ReminderSettings, name)
    for name in ("break_minutes", "away_minutes", "postpone_minutes", "max_postpones")
}
DOSE = {name: field_limits(PersonalDose, name) for name in ("sets", "reps", "hold_seconds")}
MINUTES_A_DAY = field_limits(StartAnswers, "minutes_a_day")
WALK_MINUTES = field_limits(StartAnswers, "walk_minutes")
GOALS = field_limits(StartAnswers, "goals")
GOAL_TEXT = field_limits(Goal, "text")
