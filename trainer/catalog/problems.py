"""Readable descriptions of what is wrong with a content file, and where."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError


@dataclass(frozen=True)
class ContentProblem:
    """One thing wrong with a content file: which file, where in it, and why."""

    file: Path
    where: str
    reason: str

    def __str__(self) -> str:
        location = f"{self.file}" + (f" at {self.where}" if self.where else "")
        return f"{location}: {self.reason}"


class ContentError(Exception):
    """The bundled content cannot be used; ``problems`` says why."""

    def __init__(self, problems: Sequence[ContentProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def json_path(loc: Iterable[str | int]) -> str:
    """``('exercises', 3, 'dose')`` -> ``exercises[3].dose``."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def _where(data: Any, loc: Sequence[str | int]) -> str:
    """The JSON path, plus the id of the innermost list item that has one."""
    node: Any = data
    item_id = None
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and isinstance(node, dict) and isinstance(node.get("id"), str):
            item_id = node["id"]
    path = json_path(loc) or "(top level)"
    return f"{path} (in {item_id!r})" if item_id else path


def _clean_message(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


EXPECTED = {
    "int_type": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "string_type": "text (a JSON string)",
    "bool_type": "true or false",
    "list_type": "a list (a JSON array)",
    "dict_type": "a JSON object",
    "model_type": "a JSON object",
}


def json_type_name(value: Any) -> str:
    """The JSON name of a decoded value's type: 'a string', 'an array' ..."""
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else type(value).__name__


SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _items(count: int) -> str:
    return f"{count} item" + ("" if count == 1 else "s")


def _bounds(kind: str, value: Any, context: dict[str, Any]) -> str | None:
    """A number or a length out of its bounds, in words: '0 is below 1, the lowest allowed'."""
    if kind == "greater_than_equal":
        return f"{value!r} is below {context['ge']}, the lowest allowed"
    if kind == "less_than_equal":
        return f"{value!r} is above {context['le']}, the highest allowed"
    if kind == "greater_than":
        return f"{value!r} is too low: it must be more than {context['gt']}"
    if kind == "less_than":
        return f"{value!r} is too high: it must be less than {context['lt']}"
    if kind in ("string_too_short", "too_short") and isinstance(value, str):
        low = context.get("min_length", 1)
        return (
            "it cannot be empty"
            if not value.strip() or low <= 1
            else f"{value!r} is too short: at least {low} characters"
        )
    if kind in ("string_too_short", "too_short"):
        return f"the list needs at least {_items(context.get('min_length', 1))}, it has {len(value)}"
    if kind in ("string_too_long", "too_long") and isinstance(value, str):
        return f"it is {len(value):,} characters long, more than {context.get('max_length', 0):,}"
    if kind in ("string_too_long", "too_long"):
        return f"the list has {len(value)} items, more than {context.get('max_length', 0)}"
    return None


def content_reason(detail: Any, loc: Sequence[str | int]) -> str:
    """One pydantic error about a content file in the project's words, never the library's."""
    kind, context = detail["type"], detail.get("ctx", {})
    if kind == "missing":
        return f"required field {loc[-1]!r} is missing" if loc else "a required field is missing"
    if kind == "extra_forbidden":
        return f"unknown field {loc[-1]!r} (check the spelling)"
    if "input" not in detail:
        return _clean_message(detail["msg"])
    value = detail["input"]
    if kind in EXPECTED:
        reason = f"expected {EXPECTED[kind]}, found {json_type_name(value)}"
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            reason += f" ({value!r})"
        return reason
    if kind == "literal_error":
        return f"{value!r} is not allowed: use {context.get('expected', 'one of the listed values')}"
    if kind == "string_pattern_mismatch" and context.get("pattern") == SLUG_PATTERN:
        return f"{value!r} is not a valid id: use lower-case letters and digits, a hyphen between words"
    if kind == "string_pattern_mismatch":
        return f"{value!r} does not have the form this field needs"
    return _bounds(kind, value, context) or _clean_message(detail["msg"])


def problems_from_validation(file: Path, data: Any, error: ValidationError) -> list[ContentProblem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = [part for part in detail["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
        problems.append(ContentProblem(file, _where(data, loc), content_reason(detail, loc)))
    return problems


def problem_from_json_error(file: Path, text: str, error: json.JSONDecodeError) -> ContentProblem:
    if not text.strip():
        return ContentProblem(file, "", "the file is empty (expected a JSON object)")
    return ContentProblem(file, f"line {error.lineno}, column {error.colno}", f"not valid JSON: {error.msg}")
