"""The validated content as the app holds it (``Catalog``), and the files it comes from: the bundled ones
(``BUNDLED_FILES``) and the user's packs (``find_packs``).

What reads and checks those files is ``loader``; a launch whose content is unchanged takes the catalog from
the cache (``cache``) and never imports the loader or its rules.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from trainer.catalog.models import (
    Exercise,
    ExercisesFile,
    PainMessage,
    Programme,
    ProgrammesFile,
    Routine,
    RoutinesFile,
    Safety,
    SafetyFile,
    Suggestions,
    Tip,
    TipsFile,
)
from trainer.catalog.problems import ContentProblem

BUNDLED_FILES: dict[str, type[BaseModel]] = {
    "exercises.json": ExercisesFile,
    "routines.json": RoutinesFile,
    "tips.json": TipsFile,
    "safety.json": SafetyFile,
    "programme.json": ProgrammesFile,
}


@dataclass(frozen=True)
class Catalog:
    """Everything the app teaches from, validated and cross-checked."""

    exercises: Mapping[str, Exercise]
    routines: Mapping[str, Routine]
    tips: tuple[Tip, ...]
    messages: tuple[PainMessage, ...]
    safety: Safety
    suggestions: Suggestions
    """Which routines Home suggests: the gentle start first, the flare-up routine on a bad day, a rotation."""
    origin: Mapping[str, Path] = field(default_factory=dict)
    """The file each exercise and routine id came from."""
    packs: tuple[Path, ...] = ()
    """User content packs that were loaded."""
    pack_problems: tuple[ContentProblem, ...] = ()
    """Problems in user packs; those packs were skipped."""
    programmes: Mapping[str, Programme] = field(default_factory=dict)
    """The coach's programmes: the bundled ones, then those of packs."""
    default_programme: str | None = None
    """The programme the coach offers first."""
    programme_origin: Mapping[str, Path] = field(default_factory=dict)
    """The file each programme id came from."""

    def can_start(self, item_id: str) -> bool:
        """Whether ``item_id`` is a routine or an exercise (what ``backtrainer start`` plays)."""
        return item_id in self.routines or item_id in self.exercises

    def from_pack(self, item_id: str) -> Path | None:
        origin = self.origin.get(item_id)
        return origin if origin in self.packs else None

    def tip(self, tip_id: str) -> Tip:
        for tip in self.tips:
            if tip.id == tip_id:
                return tip
        raise KeyError(tip_id)


def find_packs(packs_dir: Path | None) -> tuple[list[Path], list[ContentProblem]]:
    """Every ``*.json`` in the packs folder, whatever it is (reading says what is wrong with one),
    and the problem if the folder itself cannot be listed. No folder: no packs."""
    if packs_dir is None:
        return [], []
    try:
        if not os.path.lexists(packs_dir):
            return [], []
        with os.scandir(packs_dir) as listing:
            names = sorted(entry.name for entry in listing if entry.name.endswith(".json"))
    except NotADirectoryError:
        return [], [ContentProblem(packs_dir, "", "this should be the content packs folder, but it is not a folder")]
    except OSError as error:
        reason = error.strerror or str(error)
        return [], [ContentProblem(packs_dir, "", f"the content packs folder cannot be read ({reason})")]
    return [packs_dir / name for name in names], []


def pack_files(packs_dir: Path | None) -> list[Path]:
    """The packs in ``packs_dir`` (``find_packs`` without the folder's own problem)."""
    return find_packs(packs_dir)[0]
