"""Where the bundled content lives (standard library only: the first-run notice reads from it before the
content models load)."""

from __future__ import annotations

import os
from pathlib import Path

CONTENT_ENV = "BACKTRAINER_CONTENT"


def bundled_content_dir() -> Path:
    """Where the bundled JSON lives.

    ``BACKTRAINER_CONTENT`` first, then the copy packaged into the wheel
    (``trainer/content``), then the repository's ``content/`` (editable
    installs cannot see force-included files).
    """
    override = os.environ.get(CONTENT_ENV)
    if override:
        return Path(override)
    packaged = Path(__file__).resolve().parent.parent / "content"
    if (packaged / "exercises.json").is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "content"
