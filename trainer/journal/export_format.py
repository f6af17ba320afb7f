"""The JSON export's published format: a header that says who and where it is from, then the entries.

``JournalExport`` is the model of ``backtrainer export --format json``; its JSON Schema is generated from it
into ``content/schema/journal-export.schema.json`` (``scripts/export_schema.py``; a test fails when that
file is stale), so a physiotherapist can read many patients' exports with ordinary tools. The header:
the app version that wrote it, the time zone the times were written in, and an optional pseudonym (a
name the patient and the physiotherapist agree on, instead of the patient's own).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from trainer.journal.base import JournalModel
from trainer.journal.models import Entry
from trainer.text_types import PlainText

EXPORT_FORMAT: Literal["backtrainer-journal"] = "backtrainer-journal"
EXPORT_SCHEMA_VERSION: Literal[1] = 1
SCHEMA_FILE = "journal-export.schema.json"

Pseudonym = Annotated[PlainText, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]


class JournalExport(JournalModel):
    """A backtrainer journal export: the header, then every entry exactly as the journal stores it."""

    format: Literal["backtrainer-journal"] = Field(default=EXPORT_FORMAT, description="Marks a backtrainer export.")
    schema_version: Literal[1] = Field(default=EXPORT_SCHEMA_VERSION, description="This format's version.")
    exported_at: datetime = Field(description="When the export was made, with its UTC offset.")
    app_version: str | None = Field(default=None, description="The backtrainer version that wrote the export.")
    time_zone: str | None = Field(
        default=None, description="The time zone of the machine that wrote it, e.g. 'CET, UTC+01:00'."
    )
    pseudonym: Pseudonym | None = Field(
        default=None, description="A name the patient chose for this export instead of their own (optional)."
    )
    entries: list[Entry] = Field(description="Every entry, oldest first, as the journal stores it.")


def export_schema() -> str:
    """The JSON Schema of an export, as ``content/schema/journal-export.schema.json`` holds it."""
    schema = JournalExport.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "backtrainer journal export"
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def time_zone_label(moment: datetime) -> str:
    """``CET, UTC+01:00`` for an aware time (the offset alone when the zone has no name)."""
    offset = moment.strftime("%z")
    sign, hours, minutes = offset[:1] or "+", offset[1:3] or "00", offset[3:5] or "00"
    name = moment.tzname() or ""
    utc = f"UTC{sign}{hours}:{minutes}"
    return utc if not name or name == utc or name.startswith(("UTC", "+", "-")) else f"{name}, {utc}"
