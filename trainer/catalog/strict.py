"""The base of every content model and the field types they share (in their own module so ``models``,
``poses`` and ``programme`` can share them without importing each other)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

from trainer.text_types import PlainText


class Strict(BaseModel):
    """Base for content models: unknown keys are errors, so typos are caught. The validators are built on
    first use (``defer_build``): a launch that finds the content in its cache (``trainer.catalog.cache``)
    never validates, and does not pay for building them."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=2, max_length=60),
]
"""A stable id: lower-case words joined by hyphens, e.g. ``bird-dog``."""

# Every text field refuses control characters and bidi overrides (trainer.text_rules): a pack is untrusted.
ShortText = Annotated[PlainText, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Sentence = Annotated[PlainText, StringConstraints(strip_whitespace=True, min_length=3, max_length=600)]

Level = Literal["gentle", "beginner", "intermediate", "advanced"]
LEVELS: tuple[Level, ...] = ("gentle", "beginner", "intermediate", "advanced")
