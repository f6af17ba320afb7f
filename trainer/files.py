"""Reading files backtrainer did not just write itself: regular files only, and only so much.

Every file the app reads (journal month files, ``settings.json``, session
checkpoints, the bundled content, content packs, files given to ``import``
and ``merge``) goes through ``read_regular_file``:

- it is opened with ``O_NONBLOCK``, so a FIFO (named pipe) never stops the
  app waiting for a writer, then checked with ``fstat``: a FIFO, a device
  (``/dev/zero``), a socket or a folder is refused with a message, not read;
- a file over ``MAX_FILE_BYTES`` (64 MB) is refused, and no more than that is
  ever read, even from a file that grows while it is read;
- journal files are opened with ``O_NOFOLLOW`` (``follow_symlinks=False``):
  a symbolic link in the journal folder is refused, because the journal
  replaces its files whole, which would silently turn the link into a plain
  file; elsewhere a link is followed, and a dangling one is named as such.

JSON from such files may be nested at most ``MAX_JSON_DEPTH`` (64) levels
deep: ``check_json_depth``. backtrainer's own files use 5.

Standard library only: the journal, the catalog and the paths use it alike.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from itertools import accumulate
from pathlib import Path

MAX_FILE_BYTES = 64 * 1024 * 1024
"""The largest file backtrainer reads (64 MB): a journal export of many years is a few MB."""

MAX_JSON_DEPTH = 64
"""How deeply JSON may nest (objects and lists inside each other); backtrainer's own files use 5."""

_READ_CHUNK = 1024 * 1024
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


class FileReadError(Exception):
    """A file that was not read; ``reason`` says why in plain words (after "cannot be read: ")."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: cannot be read: {reason}")


class MissingFileError(FileReadError):
    """Nothing at all is at that path (a dangling symbolic link is a ``FileReadError``)."""


def megabytes(size: int) -> str:
    """``65 MB``, ``1.5 MB``, ``11 bytes``."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    return f"{size / (1024 * 1024):.1f} MB" if size < 10 * 1024 * 1024 else f"{size / (1024 * 1024):.0f} MB"


def _link_target(path: Path) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "?"


def _why_not_opened(path: Path, error: OSError, follow_symlinks: bool) -> FileReadError:
    code = error.errno
    if code == errno.ENOENT:
        if os.path.islink(path):
            return FileReadError(path, f"it is a symbolic link to {_link_target(path)}, which does not exist")
        return MissingFileError(path, "there is no such file")
    if not follow_symlinks and code in (errno.ELOOP, errno.EMLINK) and os.path.islink(path):
        target = _link_target(path)
        return FileReadError(
            path,
            f"it is a symbolic link (to {target}), not a file; a save would replace the link, so it is left "
            f"alone: put the file itself in its place (rm {path}, then copy {target} to {path})",
        )
    if code == errno.ELOOP:
        return FileReadError(path, "it is a loop of symbolic links")
    if code == errno.ENAMETOOLONG:
        return FileReadError(path, "its name, or the name of a folder in its path, is too long for this system")
    if code in (errno.EACCES, errno.EPERM):
        return FileReadError(path, "permission denied (your user may not read it)")
    if code == errno.EISDIR:
        return FileReadError(path, "it is a folder, not a file")
    return FileReadError(path, error.strerror or str(error))


def _not_a_file(mode: int) -> str | None:
    """What the file is instead of a regular file, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "it is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "it is a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "it is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "it is a socket, not a file"
    return "it is not a regular file"


def read_regular_file(path: Path, *, max_bytes: int = MAX_FILE_BYTES, follow_symlinks: bool = True) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    Raises ``MissingFileError`` when nothing is there, ``FileReadError`` (with
    the reason in words) for anything else that is not a readable regular
    file of at most ``max_bytes``. Never blocks on a FIFO or a device.
    """
    try:
        descriptor = os.open(path, _FLAGS | (0 if follow_symlinks else _NOFOLLOW))
    except OSError as error:
        raise _why_not_opened(path, error, follow_symlinks) from None
    try:
        info = os.fstat(descriptor)
        refused = _not_a_file(info.st_mode)
        if refused is not None:
            raise FileReadError(path, refused)
        if info.st_size > max_bytes:
            raise FileReadError(
                path, f"it is {megabytes(info.st_size)}, more than the {megabytes(max_bytes)} backtrainer reads"
            )
        chunks: list[bytes] = []
        read = 0
        while read <= max_bytes:
            chunk = os.read(descriptor, min(_READ_CHUNK, max_bytes + 1 - read))
            if not chunk:
                break
            chunks.append(chunk)
            read += len(chunk)
        if read > max_bytes:
            raise FileReadError(path, f"it grew past the {megabytes(max_bytes)} backtrainer reads while being read")
        return b"".join(chunks)
    except OSError as error:
        raise FileReadError(path, error.strerror or str(error)) from None
    finally:
        os.close(descriptor)


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_BRACKET = re.compile(r"[\[\]{}]")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def json_depth(text: str) -> int:
    """How deeply the objects and lists of ``text`` (valid JSON) nest: ``{"a": [1]}`` is 2."""
    brackets = _JSON_BRACKET.findall(_JSON_STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def too_deep(text: str, *, max_depth: int = MAX_JSON_DEPTH) -> str | None:
    """Why ``text`` (valid JSON) is refused for nesting, or None when it nests at most ``max_depth`` levels."""
    depth = json_depth(text)
    if depth <= max_depth:
        return None
    return f"its JSON is nested too deeply: {depth} levels, and backtrainer reads at most {max_depth}"


NESTED_TOO_DEEP = f"its JSON is nested too deeply to read (backtrainer reads at most {MAX_JSON_DEPTH} levels)"
"""The reason to give when the JSON parser itself gives up (``RecursionError``)."""


def fsync_directory(directory: Path) -> None:
    """Make a rename or a new entry in ``directory`` survive a power cut (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY)
    except (PermissionError, IsADirectoryError):  # Windows cannot open a folder
        return
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
