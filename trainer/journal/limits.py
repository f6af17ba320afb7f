"""The limits of every journal field, read from the models (the one place they are written), and the
models' complaints in plain words.

The check-in form, the ``log`` command, the dose dialog and the settings all take their bounds from here,
so a limit changed in ``trainer.journal.models`` changes everywhere it is checked and explained.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from trainer.journal.coach_models import Goal, StartAnswers
from trainer.journal.models import PersonalDose, Settings


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
    also inside ``X | None`` and list items."""
    schema = model.model_json_schema()["properties"][field]
    found: dict[str, int] = {}
    for part in [schema, *schema.get("anyOf", []), schema.get("items", {})]:
        for key, name in (
            ("minimum", "minimum"),
            ("maximum", "maximum"),
            ("maxLength", "max_length"),
            ("maxItems", "max_items"),
        ):
            if key in part:
                found.setdefault(name, part[key])
    return Limits(**found)


def explain(detail: Any) -> str:
    """One pydantic error in plain words, without the library's phrasing ('5 is above 3')."""
    kind, value, context = detail["type"], detail.get("input"), detail.get("ctx", {})
    if kind == "greater_than_equal":
        return f"{value} is below {context['ge']}"
    if kind == "less_than_equal":
        return f"{value} is above {context['le']}"
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
    return str(detail["msg"]).removeprefix("Value error, ")


SETTING_NAMES = {
    "disclaimer_seen": "whether the first-run notice was read",
    "sessions_per_week_goal": "the goal of sessions a week",
    "bell": "the bell",
    "get_ready_seconds": "the time to get ready",
    "dose_changes": "your own doses",
    "programme": "the coach's programme",
}


def settings_error_text(error: ValidationError) -> str:
    """'the goal of sessions a week: 99 is above 14', one clause per problem."""
    parts = []
    for detail in error.errors(include_url=False):
        location = detail["loc"]
        name = SETTING_NAMES.get(str(location[0]), str(location[0])) if location else "the settings"
        parts.append(f"{name}: {explain(detail)}")
    return "; ".join(parts)


GOAL = field_limits(Settings, "sessions_per_week_goal")
GET_READY = field_limits(Settings, "get_ready_seconds")
DOSE = {name: field_limits(PersonalDose, name) for name in ("sets", "reps", "hold_seconds")}
MINUTES_A_DAY = field_limits(StartAnswers, "minutes_a_day")
WALK_MINUTES = field_limits(StartAnswers, "walk_minutes")
GOALS = field_limits(StartAnswers, "goals")
GOAL_TEXT = field_limits(Goal, "text")
