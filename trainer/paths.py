"""Where backtrainer keeps its data and configuration.

Order of precedence:

1. ``BACKTRAINER_HOME``: data *and* configuration live under this one folder
   (tests and portable installs use it).
2. The platform's user data and config folders (platformdirs).

``--profile NAME`` gives each person a folder of their own under
``profiles/NAME`` in both places, so one host can serve several people.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "backtrainer"
HOME_ENV = "BACKTRAINER_HOME"
PROFILE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ProfileNameError(ValueError):
    """A --profile name with characters other than letters, digits, - and _."""


def check_profile_name(name: str) -> str:
    if not PROFILE_PATTERN.fullmatch(name):
        raise ProfileNameError(
            f"profile name {name!r} is not allowed: use 1 to 64 letters, digits, '-' or '_' "
            "(no spaces, dots or slashes)"
        )
    return name


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    config_dir: Path
    profile: str | None = None

    @property
    def journal_dir(self) -> Path:
        return self.data_dir / "journal"

    @property
    def content_packs_dir(self) -> Path:
        """User content packs: every ``*.json`` here adds exercises and routines."""
        return self.config_dir / "content"


def resolve_paths(profile: str | None = None, environ: Mapping[str, str] | None = None) -> Paths:
    env = os.environ if environ is None else environ
    if profile is not None:
        check_profile_name(profile)
    home = env.get(HOME_ENV)
    if home:
        data_dir = config_dir = Path(home).expanduser()
    else:
        data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        config_dir = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    if profile is not None:
        data_dir = data_dir / "profiles" / profile
        config_dir = config_dir / "profiles" / profile
    return Paths(data_dir=data_dir, config_dir=config_dir, profile=profile)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents readable by the owner only (0700).

    Folders that already existed keep their mode, except ``path`` itself,
    which is made private if it is not.
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)  # mkdir's mode is filtered by the umask
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path
