"""The base of every journal model and the field types they share (in their own module so ``models`` and
``coach_models`` can share them without importing each other)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal
from uuid import uuid4

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from trainer.text_types import MultilineText, PlainText

JOURNAL_SCHEMA_VERSION: Literal[1] = 1

Pain = Annotated[int, Field(ge=0, le=10, strict=True)]
"""0 = no pain ... 10 = worst pain you can imagine; whole numbers only."""

NOTES_MAX = 2000


def visible_text(text: str) -> str:
    if not text:
        raise ValueError("it needs at least one visible character")
    return text


def _visible_tag(text: str) -> str:
    if not text:
        raise ValueError("a tag needs at least one visible character")
    return text


# Text fields refuse control characters and bidi overrides (trainer.text_rules): a journal
# file or an import may have been made by hand, and a note is typed or pasted by anyone.
Notes = Annotated[MultilineText, StringConstraints(max_length=NOTES_MAX)]
Tag = Annotated[
    PlainText, StringConstraints(strip_whitespace=True, min_length=1, max_length=40), AfterValidator(_visible_tag)
]
Title = Annotated[PlainText, StringConstraints(min_length=1, max_length=120)]
ContentId = Annotated[PlainText, StringConstraints(max_length=60)]
"""The id of an exercise or routine, as the content had it when the entry was written."""
EntryId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{32}$")]
"""The id of another entry (a session a check-in or a decision is about)."""


def new_id() -> str:
    return uuid4().hex


def utc_now() -> datetime:
    return datetime.now(UTC)


def unique(values: list[str], what: str) -> list[str]:
    seen: set[str] = set()
    for value in values:
        key = value.casefold()
        if key in seen:
            raise ValueError(f"{what} {value!r} is listed twice")
        seen.add(key)
    return values


class JournalModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class EntryBase(JournalModel):
    schema_version: Literal[1] = JOURNAL_SCHEMA_VERSION
    id: str = Field(default_factory=new_id, pattern=r"^[0-9a-f]{32}$")
    at: AwareDatetime = Field(description="When it happened (a check-in may be back-dated; a session's start).")
    recorded: AwareDatetime = Field(default_factory=utc_now, description="When it was written.")


class Deletion(JournalModel):
    """An entry deleted (or moved to another month) on a device, as its month file records it (``versions``)."""

    schema_version: Literal[1] = JOURNAL_SCHEMA_VERSION
    id: str = Field(pattern=r"^[0-9a-f]{32}$")
    recorded: AwareDatetime
