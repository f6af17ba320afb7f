"""JSON Schema for the content files, generated from the pydantic models.

``scripts/export_schema.py`` writes them to ``content/schema/`` so editors
can validate and complete content as it is typed; a test fails when the
files there no longer match the models.
"""

from __future__ import annotations

import json

from pydantic import BaseModel

from trainer.catalog.models import ContentPack, ExercisesFile, ProgrammesFile, RoutinesFile, SafetyFile, TipsFile

SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "exercises.schema.json": ExercisesFile,
    "routines.schema.json": RoutinesFile,
    "tips.schema.json": TipsFile,
    "safety.schema.json": SafetyFile,
    "programme.schema.json": ProgrammesFile,
    "content-pack.schema.json": ContentPack,
}


def schema_documents() -> dict[str, str]:
    """File name -> the JSON text it should contain."""
    documents = {}
    for name, model in SCHEMA_MODELS.items():
        schema = model.model_json_schema(by_alias=True)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        documents[name] = json.dumps(schema, indent=2, sort_keys=False) + "\n"
    return documents
