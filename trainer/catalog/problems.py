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


def problems_from_validation(file: Path, data: Any, error: ValidationError) -> list[ContentProblem]:
    problems = []
    for detail in error.errors(include_url=False):
        loc = [part for part in detail["loc"] if not (isinstance(part, str) and part.startswith("function-"))]
        reason = _clean_message(detail["msg"])
        if detail["type"] == "missing":
            reason = f"required field {loc[-1]!r} is missing" if loc else "a required field is missing"
        elif detail["type"] == "extra_forbidden":
            reason = f"unknown field {loc[-1]!r} (check the spelling)"
        elif detail["type"] in EXPECTED and "input" in detail:
            reason = f"expected {EXPECTED[detail['type']]}, found {json_type_name(detail['input'])}"
            if isinstance(detail["input"], (str, int, float)) and not isinstance(detail["input"], bool):
                reason += f" ({detail['input']!r})"
        elif detail["type"] == "literal_error" and "input" in detail:
            reason = f"{detail['input']!r} is not allowed: {reason.lower()}"
        problems.append(ContentProblem(file, _where(data, loc), reason))
    return problems


def problem_from_json_error(file: Path, text: str, error: json.JSONDecodeError) -> ContentProblem:
    if not text.strip():
        return ContentProblem(file, "", "the file is empty (expected a JSON object)")
    return ContentProblem(file, f"line {error.lineno}, column {error.colno}", f"not valid JSON: {error.msg}")
