"""Which device this is, for a journal folder a sync tool shares: a stable id that is never synced.

Each device writes only files of its own, named by this id (``layout``). The id cannot live in the journal
folder (``settings.json`` and everything beside it are synced, so every device would read the same id), so
it lives in this machine's state folder (``paths.state_dir``), in ``devices/<key>.json`` where the key is a
hash of the journal folder's resolved path: ``{"device": "<id>", "journal": "<path>", "host": "<name>"}``.

- ``BACKTRAINER_DEVICE`` (or the store's ``device`` argument) names the id instead (tests, scripted use);
- a marker whose host is not this machine's (a state folder copied to a new machine) is replaced by a new
  id, as is a marker that cannot be read: a new id only means a new device, whose files start beside the
  others; every earlier device's files stay and are read as before, so nothing is lost;
- the id is 12 lower-case hex digits (``layout.DEVICE_ID``).
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from collections.abc import Callable, Mapping
from pathlib import Path
from uuid import uuid4

from trainer.files import FileReadError, read_regular_file
from trainer.journal.layout import DEVICE_ID
from trainer.journal.storage import atomic_write
from trainer.paths import ensure_private_dir, state_dir

DEVICE_ENV = "BACKTRAINER_DEVICE"


class DeviceIdError(ValueError):
    """A device id given by hand that is not 4 to 32 lower-case letters and digits."""


def new_device_id() -> str:
    return uuid4().hex[:12]


def check_device_id(device: str) -> str:
    if not DEVICE_ID.fullmatch(device):
        raise DeviceIdError(f"device id {device!r} is not allowed: use 4 to 32 lower-case letters and digits")
    return device


def marker_path(journal: Path, folder: Path) -> Path:
    key = hashlib.sha256(str(journal.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return folder / "devices" / f"{key}.json"


def device_id(
    journal: Path,
    *,
    environ: Mapping[str, str] | None = None,
    folder: Path | None = None,
    host: str | None = None,
    make: Callable[[], str] = new_device_id,
) -> str:
    """This device's id for ``journal``, made and kept on first use (see the module's notes)."""

    env = os.environ if environ is None else environ
    given = env.get(DEVICE_ENV)
    if given:
        return check_device_id(given)
    marker = marker_path(journal, folder if folder is not None else state_dir(env))
    here = host if host is not None else platform.node()  # (socket's host name, without importing socket: 2 ms)
    try:
        known = json.loads(read_regular_file(marker, follow_symlinks=False))
    except (FileReadError, ValueError, RecursionError):
        known = None
    if (
        isinstance(known, dict)
        and isinstance(known.get("device"), str)
        and DEVICE_ID.fullmatch(known["device"])
        and known.get("host") == here
    ):
        return str(known["device"])
    device = check_device_id(make())
    ensure_private_dir(marker.parent)
    payload = {"device": device, "journal": str(journal), "host": here}
    atomic_write(marker, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    return device
