"""A few remembered choices (first-run flags), kept in the data folder.

A small JSON file written atomically; unreadable or unknown content falls
back to defaults instead of stopping the app.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from trainer.paths import Paths, ensure_private_dir

SETTINGS_FILE = "settings.json"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore")

    disclaimer_seen: bool = False


def settings_path(paths: Paths) -> Path:
    return paths.data_dir / SETTINGS_FILE


def load_settings(paths: Paths) -> Settings:
    try:
        return Settings.model_validate_json(settings_path(paths).read_bytes())
    except (OSError, ValidationError):
        return Settings()


def save_settings(paths: Paths, settings: Settings) -> None:
    directory = ensure_private_dir(paths.data_dir)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(settings.model_dump(), stream, indent=2)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, settings_path(paths))
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
