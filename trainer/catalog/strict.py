"""The base of every content model (in its own module so ``models`` and ``poses`` can share it)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Base for content models: unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)
