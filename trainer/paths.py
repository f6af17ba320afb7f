"""Where backtrainer keeps its data and configuration.

Order of precedence:

1. ``BACKTRAINER_HOME``: data *and* configuration live under this one folder
   (tests and portable installs use it).
2. The platform's user data, config and cache folders (platformdirs).

The cache folder (``$BACKTRAINER_HOME/cache``, or the platform's) keeps the validated content between
launches; it is shared by every profile (what it holds is keyed by the files it came from).

``--profile NAME`` gives each person a folder of their own under
``profiles/NAME`` in both places, so one host can serve several people.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from trainer.files import fsync_directory

APP_NAME = "backtrainer"
HOME_ENV = "BACKTRAINER_HOME"
PROFILE_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class ProfileNameError(ValueError):
    """A --profile name with characters other than letters, digits, - and _."""


class PathTooLongError(ValueError):
    """A data or configuration folder whose name (or whole path) this system cannot use."""


NAME_MAX = 255
"""The longest file or folder name most file systems allow (bytes); asked of the system where it can say."""
PATH_MAX = 4096
PATH_ROOM = 80
"""Room left in a path for the files the journal keeps below its folder (sessions/<id>.json ...)."""


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
    cache_dir: Path | None = None
    """Where the validated content is kept between launches (``trainer.catalog.cache``); None: not kept."""

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
        cache_dir = data_dir / "cache"
    else:
        import platformdirs  # only without BACKTRAINER_HOME: it costs a few ms at every start

        data_dir = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
        config_dir = Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
        cache_dir = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
    if profile is not None:
        data_dir = data_dir / "profiles" / profile
        config_dir = config_dir / "profiles" / profile
    source = f"${HOME_ENV}" if home else "the platform's data folder"
    for folder in dict.fromkeys((data_dir, config_dir)):
        check_path_length(folder, source)
    return Paths(data_dir=data_dir, config_dir=config_dir, profile=profile, cache_dir=cache_dir)


def state_dir(environ: Mapping[str, str] | None = None) -> Path:
    """This machine's own state, never in a folder a sync tool shares: ``$BACKTRAINER_HOME/state``, or the
    platform's user state folder (platformdirs). Holds which device this is for each journal
    (``journal.device``)."""
    env = os.environ if environ is None else environ
    home = env.get(HOME_ENV)
    if home:
        return Path(home).expanduser() / "state"
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def _limit(path: Path, name: str, default: int) -> int:
    """``os.pathconf`` of the nearest folder that exists (the limits belong to its file system)."""
    for folder in (path, *path.parents):
        try:
            return int(os.pathconf(folder, name))
        except (OSError, ValueError, AttributeError):  # missing folder, unknown name, or no pathconf (Windows)
            continue
    return default


def check_path_length(folder: Path, source: str) -> None:
    """Refuse a folder that would give "File name too long" (ENAMETOOLONG) at the first file opened in it."""
    name_max = _limit(folder, "PC_NAME_MAX", NAME_MAX)
    for part in folder.parts:
        size = len(os.fsencode(part))
        if size > name_max:
            shown = part if len(part) <= 40 else part[:20] + "..." + part[-10:]
            raise PathTooLongError(
                f"cannot use the folder {folder} (from {source}): the name {shown!r} is {size} bytes long, "
                f"and this system allows at most {name_max}. Choose a folder with shorter names."
            )
    path_max = _limit(folder, "PC_PATH_MAX", PATH_MAX)
    if len(os.fsencode(str(folder))) + PATH_ROOM > path_max:
        raise PathTooLongError(
            f"cannot use the folder {folder} (from {source}): its path is {len(os.fsencode(str(folder)))} bytes "
            f"long, and this system allows paths of at most {path_max} (with room for the files in it). "
            "Choose a shorter folder."
        )


def ensure_private_dir(path: Path, *, sync: Callable[[Path], None] = fsync_directory) -> Path:
    """Create ``path`` and any missing parents readable by the owner only (0700).

    Folders that already existed keep their mode, except ``path`` itself,
    which is made private if it is not. Each folder created is synced in its
    parent (``sync``), so a power cut cannot lose the folder and the journal
    files already written into it.
    """
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
        folder.chmod(0o700)  # mkdir's mode is filtered by the umask
        sync(folder.parent)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path
