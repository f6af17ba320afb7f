"""The journal's field limits, read from the fields' declarations, agree with the models' JSON schemas."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from pydantic import BaseModel

from trainer.journal import coach_models, models
from trainer.journal.limits import DOSE, GOAL, GOAL_TEXT, GOALS, Limits, field_limits

MODELS: list[type[BaseModel]] = [
    model
    for module in (models, coach_models)
    for model in vars(module).values()
    if isinstance(model, type) and issubclass(model, BaseModel) and model.__module__ == module.__name__
]


def limits_in_the_json_schema(model: type[BaseModel], field: str) -> Limits:
    """What the JSON schema says of the field: the way the limits were read before the models were deferred."""
    schema = model.model_json_schema()["properties"][field]
    found: dict[str, int] = {}
    parts: list[dict[str, Any]] = [schema, *schema.get("anyOf", []), schema.get("items", {})]
    for part in parts:
        for key, name in (
            ("minimum", "minimum"),
            ("maximum", "maximum"),
            ("maxLength", "max_length"),
            ("maxItems", "max_items"),
        ):
            if isinstance(part.get(key), int):  # the limits are whole numbers; a share's 0.0-1.0 is not asked
                found.setdefault(name, part[key])
    return Limits(**found)


@pytest.mark.parametrize(
    ("model", "field"), [(model, field) for model in MODELS for field in model.model_fields], ids=str
)
def test_every_field_s_limits_agree_with_its_json_schema(model: type[BaseModel], field: str) -> None:
    assert field_limits(model, field) == limits_in_the_json_schema(model, field)


def test_the_limits_the_forms_use_are_the_declared_ones() -> None:
    assert GOAL == Limits(minimum=1, maximum=14)
    assert DOSE["hold_seconds"] == Limits(minimum=1, maximum=1800)
    assert field_limits(models.CheckIn, "triggers").max_items == 20
    assert GOALS.max_items is not None and GOAL_TEXT.max_length is not None


def test_loading_the_journal_and_its_limits_builds_no_model() -> None:
    """The models build at their first use (``defer_build``): importing the store and the limits (as every
    command does) builds none, so a command pays only for the models it uses."""
    probe = (
        "from trainer.journal import coach_models, limits, models, store\n"
        "chosen = (models.CheckIn, models.Settings, coach_models.Review)\n"
        "built = [model.__name__ for model in chosen if model.__pydantic_complete__]\n"
        "print(built)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
