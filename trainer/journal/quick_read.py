"""What can be read of the journal folder before anything else loads: the standard library only.

The app's launch frame (``trainer.app.launch_app``) asks whether the first-run notice was accepted, which
colours were chosen and whether anything has been logged; ``glance`` (the reminders' quick look) reads the
settings and the month files through the same functions. Reads go through ``trainer.files`` like every
other (regular files only, never through a symbolic link, size and nesting limits); a file that cannot be
used reads as absent, never as an error.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from trainer.files import FileReadError, MissingFileError, read_regular_file, too_deep
from trainer.journal.layout import DEVICE_ID, DEVICES_DIR, LAYOUT_DOCUMENT, month_parts, sources

if TYPE_CHECKING:
    from trainer.journal.models import Colours

SETTINGS_FILE = "settings.json"
SETTINGS_TABLE = "settings"
JOURNAL_VERSION: Final = 1
"""``models.JOURNAL_SCHEMA_VERSION``: documents of a newer version are left alone."""


class Unreadable(Exception):
    """A file that is there but cannot be used (not a regular file, not UTF-8 JSON, too deep, not an object)."""


def read_json(path: Path) -> dict[str, Any] | None:
    """The JSON object in ``path``; None when there is no such file."""
    try:
        raw = read_regular_file(path, follow_symlinks=False)
    except MissingFileError:
        return None
    except FileReadError:
        raise Unreadable(path) from None
    try:
        text = raw.decode("utf-8")
        if too_deep(text):
            raise Unreadable(path)
        data = json.loads(text)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise Unreadable(path) from None
    if not isinstance(data, dict):
        raise Unreadable(path)
    return data


def month_files(directory: Path) -> list[Path] | None:
    """Every month file of every device (``layout``); None when the folder cannot be listed."""
    try:
        listing = [directory / name for name in os.listdir(directory)]
    except OSError:
        return None
    devices = directory / DEVICES_DIR
    try:
        folders = [devices / name for name in os.listdir(devices) if DEVICE_ID.fullmatch(name)]
    except OSError:
        folders = []
    found = month_parts(listing)
    for folder in folders:
        try:
            found += [folder / name for name in os.listdir(folder)]
        except OSError:
            continue
    return sources(found)


def settings_document(directory: Path) -> dict[str, Any] | None:
    """The settings document of ``settings.json`` ({} when there is none); None if the file cannot be used
    or is from a newer version of the app."""
    try:
        table = (read_json(directory / SETTINGS_FILE) or {}).get(SETTINGS_TABLE, {})
    except Unreadable:
        return None
    # the settings document, not the layout's beside it (``layout``)
    documents = (
        [document for key, document in table.items() if key != LAYOUT_DOCUMENT] if isinstance(table, dict) else []
    )
    settings = documents[0] if documents and isinstance(documents[0], dict) else {}
    version = settings.get("schema_version", JOURNAL_VERSION)
    if not isinstance(version, int) or version > JOURNAL_VERSION:
        return None
    return settings


@dataclass(frozen=True)
class StartSettings:
    """What the app's launch frame takes from ``settings.json`` before the store opens (``trainer.app``)."""

    returning: bool
    """The first-run notice has been accepted (False whenever the file cannot be used: the app then loads
    everything before it paints, as it always did)."""
    first_run: bool
    """The file can be used (or there is none yet) and the notice has not been accepted."""
    colours: Colours
    """As ``Settings.colours``; calm unless the file says high contrast."""
    logged: bool
    """The journal has a month file (Home then lays out as for someone who has logged: home.tcss)."""
    coaching: bool = False
    """A programme is running (Home then gives Today the room first: home.tcss)."""


def read_start_settings(directory: Path) -> StartSettings:
    document = settings_document(directory)
    settings = document or {}
    return StartSettings(
        returning=settings.get("disclaimer_seen") is True,
        first_run=document is not None and settings.get("disclaimer_seen") is not True,
        colours="high-contrast" if settings.get("colours") == "high-contrast" else "calm",
        logged=bool(month_files(directory)),
        coaching=isinstance(settings.get("programme"), dict),
    )
