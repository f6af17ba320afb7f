"""Shared builders for the catalog, engine, paths and CLI unit tests.

Everything here is a fixture (tests never import this module): small
factories that build valid content objects with one field changed, and a
temporary copy of the real ``content/`` folder that a test may break.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trainer.catalog.loader import load_catalog
from trainer.catalog.models import Exercise, Routine, Tip
from trainer.catalog.problems import ContentError, ContentProblem
from trainer.catalog.validated import Catalog

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"


# --- plain data builders ------------------------------------------------------


def _rep_exercise_data() -> dict[str, Any]:
    """A valid rep exercise: 2-3 x 10-15 reps with a 2-3 s hold, tempo 2/2/2."""
    return {
        "id": "test-lift",
        "name": "Test lift",
        "category": "strength",
        "body_areas": ["lower back"],
        "purpose": "Builds strength in the muscles along the spine.",
        "steps": ["Lie face down on the mat.", "Lift your chest a little way."],
        "dose": {
            "sets": {"min": 2, "max": 3},
            "reps": {"min": 10, "max": 15},
            "hold_seconds": {"min": 2, "max": 3},
            "rest_seconds": 30,
        },
        "tempo": [
            {"cue": "Lift", "seconds": 2},
            {"cue": "Hold", "seconds": 2, "is_hold": True},
            {"cue": "Lower", "seconds": 2},
        ],
        "level": "beginner",
        "evidence": "some evidence",
    }


def _hold_exercise_data() -> dict[str, Any]:
    """A valid hold exercise: 2-3 holds of 20-30 s on each side, no tempo."""
    return {
        "id": "test-stretch",
        "name": "Test stretch",
        "category": "stretch",
        "body_areas": ["hips"],
        "purpose": "Eases stiffness at the front of the hip.",
        "steps": ["Kneel on one knee.", "Shift your weight forward gently."],
        "dose": {
            "sets": {"min": 2, "max": 3},
            "hold_seconds": {"min": 20, "max": 30},
            "per_side": True,
            "rest_seconds": 20,
        },
        "sides": {"left": "left knee down", "right": "right knee down"},
        "hold_cue": "Stretch",
        "level": "gentle",
        "evidence": "common advice",
    }


def _merge(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """Shallow override; a value of ``...`` removes the key."""
    data = copy.deepcopy(base)
    for key, value in overrides.items():
        if value is ...:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def _exercise(base: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """``_merge``, then ``sides`` kept in step with ``dose.per_side`` unless the test sets ``sides`` itself."""
    data = _merge(base, overrides)
    if "sides" not in overrides:
        data.pop("sides", None)
        if data.get("dose", {}).get("per_side"):
            data["sides"] = {"left": "left side", "right": "right side"}
    return data


@pytest.fixture
def rep_exercise_data() -> Callable[..., dict[str, Any]]:
    """``rep_exercise_data(id="x", dose={...})`` -> a dict (``...`` deletes a key)."""
    return lambda **overrides: _exercise(_rep_exercise_data(), overrides)


@pytest.fixture
def hold_exercise_data() -> Callable[..., dict[str, Any]]:
    return lambda **overrides: _exercise(_hold_exercise_data(), overrides)


@pytest.fixture
def make_exercise() -> Callable[..., Exercise]:
    """``make_exercise(kind="rep"|"hold", **overrides)`` -> a validated Exercise."""

    def build(kind: str = "rep", **overrides: Any) -> Exercise:
        base = _rep_exercise_data() if kind == "rep" else _hold_exercise_data()
        return Exercise.model_validate(_exercise(base, overrides))

    return build


@pytest.fixture
def make_routine() -> Callable[..., Routine]:
    """``make_routine(items=[...], **overrides)``; items are dicts or exercise ids."""

    def build(items: list[dict[str, Any] | str], **overrides: Any) -> Routine:
        normalised = [{"exercise": item} if isinstance(item, str) else dict(item) for item in items]
        if normalised and "part" not in normalised[0]:
            normalised[0]["part"] = "warm-up"
        data = {
            "id": "test-routine",
            "name": "Test routine",
            "summary": "A small routine for tests.",
            "when_to_use": "Whenever a test needs one.",
            "level": "beginner",
            "items": normalised,
        }
        return Routine.model_validate(_merge(data, overrides))

    return build


@pytest.fixture
def make_tip() -> Callable[..., Tip]:
    def build(tip_id: str, title: str, body: str = "", keywords: list[str] | None = None, summary: str = "") -> Tip:
        return Tip.model_validate(
            {
                "id": tip_id,
                "title": title,
                "summary": summary or "A short summary for tests.",
                "body": body or "Plain body text that is long enough to be valid.",
                "evidence": "common advice",
                "sources": [{"author": "NICE", "title": "A guideline", "year": 2020}],
                "keywords": keywords or [],
            }
        )

    return build


# --- real content and temporary copies -------------------------------------------


@pytest.fixture(scope="session")
def repo_content_dir() -> Path:
    return REPO_CONTENT


@pytest.fixture(scope="session")
def real_catalog() -> Catalog:
    """The bundled content, loaded from the repository's ``content/``."""
    return load_catalog(content_dir=REPO_CONTENT)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the real content folder (safe to break)."""
    target = tmp_path / "content"
    shutil.copytree(REPO_CONTENT, target)
    return target


@pytest.fixture
def edit_content(content_copy: Path) -> Callable[[str, Callable[[Any], Any]], Path]:
    """``edit_content("exercises.json", change)``: load, change in place, write back.

    ``change`` receives the parsed JSON and mutates it (its return value is
    ignored, so a lambda may call ``pop``). Returns the path of the edited file.
    """

    def edit(name: str, change: Callable[[Any], Any]) -> Path:
        path = content_copy / name
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        return path

    return edit


@pytest.fixture
def content_problems() -> Callable[[Path], tuple[ContentProblem, ...]]:
    """Load ``content_dir`` expecting a ContentError; return its problems."""

    def load(content_dir: Path, **kwargs: Any) -> tuple[ContentProblem, ...]:
        with pytest.raises(ContentError) as raised:
            load_catalog(content_dir=content_dir, **kwargs)
        return raised.value.problems

    return load


@pytest.fixture
def write_pack(tmp_path: Path) -> Callable[..., Path]:
    """``write_pack("mine.json", exercises=[...], routines=[...])`` -> path of a pack file."""
    packs = tmp_path / "packs"

    def write(file_name: str, /, **content: Any) -> Path:
        packs.mkdir(exist_ok=True)
        path = packs / file_name
        path.write_text(json.dumps({"schema_version": 1, **content}, indent=2), encoding="utf-8")
        return path

    return write
